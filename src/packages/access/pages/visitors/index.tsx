import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type VisitorPass, listVisitorPasses, revokeVisitorPass, visitorPath } from '../../../../services/access'
import { toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { Button } from '../../../../ui/nut'
import { formatDateTime } from '../../../../utils/time'
import { shareLink } from '../../components/VisitorShare'
import { PassStatusBadge } from '../../components/PassStatusBadge'
import '../../access.scss'

export default function VisitorsPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const [list, setList] = useState<VisitorPass[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState('')

  const load = async () => {
    const r = await listVisitorPasses(householdId, communityId)
    if (r.ok) setList(r.data.passes)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  // The share button carries the pass's token; the card opens the visitor's page with it.
  useShareAppMessage((res) => {
    const token = String((res.target as { dataset?: { token?: unknown } } | undefined)?.dataset?.token ?? '')
    const pass = list?.find((p) => p.token === token)
    return pass
      ? { title: `${pass.visitorName}，邀请你到访${current?.communityName ?? ''}`, path: visitorPath(pass.token) }
      : { title: '邻里', path: '/pages/home/index' }
  })

  const revoke = async (p: VisitorPass) => {
    const ok = await Taro.showModal({ title: '撤销通行证', content: `撤销后 ${p.visitorName} 将无法再通行，确定吗？` })
    if (!ok.confirm) return
    setBusy(p.id)
    const r = await revokeVisitorPass(p.id, communityId)
    setBusy('')
    if (!r.ok) toastError(r.error)
    else void Taro.showToast({ title: '已撤销', icon: 'success' })
    await load()
  }

  if (!list) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  return (
    <View className='page' id='visitors-page'>
      {list.length === 0 ? (
        <View className='card'>
          <StateView empty='还没有邀请过访客' />
        </View>
      ) : null}
      {list.map((p) => (
        <View key={p.id} className='card' id={`visitor-pass-${p.id}`}>
          <View className='item-head'>
            <Text className='item-title'>
              {p.visitorName}
              <Text className='item-sub'>{p.phoneMasked}</Text>
            </Text>
            <PassStatusBadge status={p.status} />
          </View>
          <Text className='item-line'>
            {p.purpose}
            {p.plate ? ` · ${p.plate}` : ''}
          </Text>
          <Text className='item-line'>
            {formatDateTime(p.validFrom)} 至 {formatDateTime(p.validTo)}
          </Text>
          <Text className='item-line'>
            已通行 {p.uses}/{p.maxUses} 次{p.lastUsedAt ? ` · 最近 ${formatDateTime(p.lastUsedAt)}` : ''}
          </Text>
          {p.status === 'active' ? (
            <View className='item-actions'>
              <Button size='small' fill='outline' id={`revoke-${p.id}`} loading={busy === p.id} onClick={() => void revoke(p)}>
                撤销
              </Button>
              {process.env.TARO_ENV === 'weapp' ? (
                <Button size='small' type='primary' openType='share' data-token={p.token}>
                  再次分享
                </Button>
              ) : (
                <Button size='small' type='primary' onClick={() => void Taro.setClipboardData({ data: shareLink(p.token) })}>
                  复制链接
                </Button>
              )}
            </View>
          ) : null}
        </View>
      ))}
      <Button
        block
        type='primary'
        id='visitors-new'
        onClick={() => void Taro.navigateTo({ url: `/packages/access/pages/invite/index?householdId=${householdId}&communityId=${communityId}` })}
      >
        邀请访客
      </Button>
    </View>
  )
}
