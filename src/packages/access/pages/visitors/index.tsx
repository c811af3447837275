import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { ShareButton } from '../../../../components/ShareSheet'
import { toastError } from '../../../../services/result'
import { ActionBar, ButtonRow, KVList, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { type VisitorPass, visitorShare } from '../../components/VisitorShare'
import { PassStatusBadge } from '../../components/PassStatusBadge'
import { useAccessHousehold } from '../../components/use-household'
import '../../access.scss'
import '../../components/access-forms.scss'

export default function VisitorsPage() {
  const { householdId, communityId, communityName } = useAccessHousehold()
  const q = useQuery(() => api.access.listVisitorPasses({ householdId }, communityId ? { communityId } : {}), [householdId, communityId], {
    enabled: householdId !== ''
  })
  const [busy, setBusy] = useState('')

  // The share button carries the pass's token; the card opens the visitor's page with it.
  useShareAppMessage((res) => {
    const token = String((res.target as { dataset?: { token?: unknown } } | undefined)?.dataset?.token ?? '')
    const pass = q.data?.passes.find((p) => p.token === token)
    return pass ? visitorShare(pass, communityId, communityName) : { title: '邻里', path: '/pages/home/index' }
  })

  const invite = () => void Taro.navigateTo({ url: `/packages/access/pages/invite/index?householdId=${householdId}&communityId=${communityId}` })

  const revoke = async (p: VisitorPass) => {
    const ok = await Taro.showModal({ title: '撤销通行证', content: `撤销后 ${p.visitorName} 将无法再通行，确定吗？` })
    if (!ok.confirm) return
    setBusy(p.id)
    const r = await api.access.revokeVisitorPass({ passId: p.id }, communityId ? { communityId } : {})
    setBusy('')
    if (!r.ok) toastError(r.error)
    else void Taro.showToast({ title: '已撤销', icon: 'success' })
    await q.reload()
  }

  return (
    <PageShell id='visitors-page' query={q}>
      {(d) => (
        <>
          {/* The invite button stays in the bar below, so the empty state needs no button of its own. */}
          {d.passes.length === 0 ? <EmptyState title='还没有邀请过访客' hint='亲友、家政或维修师傅来访前，发一张通行证给 TA，到门口扫码即可进入' /> : null}
          {d.passes.map((p) => (
            <Section key={p.id} id={`visitor-pass-${p.id}`}>
              <View className='pass-card-head'>
                <View className='pass-card-head__name'>
                  <Text className='item-title'>{p.visitorName}</Text>
                  <Text className='muted'>{p.phoneMasked}</Text>
                </View>
                <PassStatusBadge status={p.status} />
              </View>
              <KVList
                rows={[
                  { label: '事由', value: <Text>{p.plate ? `${p.purpose} · 车牌 ${p.plate}` : p.purpose}</Text> },
                  { label: '生效', value: <Text>{formatDateTime(p.validFrom)}</Text> },
            { label: '失效', value: <Text>{formatDateTime(p.validTo)}</Text> },
                  { label: '已通行', value: <Text>{`${p.uses}/${p.maxUses} 次`}</Text> },
                  ...(p.lastUsedAt ? [{ label: '最近通行', value: <Text>{formatDateTime(p.lastUsedAt)}</Text> }] : [])
                ]}
              />
              {p.status === 'active' ? (
                <ButtonRow>
                  <Button fill='outline' id={`revoke-${p.id}`} loading={busy === p.id} onClick={() => void revoke(p)}>
                    撤销
                  </Button>
                  {process.env.TARO_ENV === 'weapp' ? (
                    <Button type='primary' openType='share' data-token={p.token} id={`reshare-${p.id}`}>
                      再次分享
                    </Button>
                  ) : (
                    <View className='visitors-share'>
                      <ShareButton content={visitorShare(p, communityId, communityName)} text='再次分享' id={`reshare-${p.id}`} />
                    </View>
                  )}
                </ButtonRow>
              ) : null}
            </Section>
          ))}
          <ActionBar>
            <Button block type='primary' id='visitors-new' onClick={invite}>
              邀请访客
            </Button>
          </ActionBar>
        </>
      )}
    </PageShell>
  )
}
