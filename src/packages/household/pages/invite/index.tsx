import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { RELATION_LABELS } from '@contracts/roles'
import { api } from '../../../../client'
import { ShareButton } from '../../../../components/ShareSheet'
import { PageShell } from '../../../../ui/shell'
import { Notice, Segmented } from '../../../../ui/kit'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../household.scss'

type Invitation = OutputOf<'user.createInvitation'>

export const ACCEPT_PATH = '/packages/household/pages/accept/index'

export default function InvitePage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? ''
  const communityId = params.communityId ?? ''
  const [relation, setRelation] = useState<'family' | 'tenant'>('family')
  const [inv, setInv] = useState<Invitation | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  // WeChat has no share-success callback: the token in the path is what the invitee redeems.
  useShareAppMessage(() => ({
    title: inv ? `邀请你加入 ${inv.communityName} ${inv.householdLabel}` : '邻里 · 社区生活服务',
    path: inv ? `${ACCEPT_PATH}?token=${inv.token}&communityId=${communityId}` : '/pages/home/index'
  }))

  const create = async () => {
    setBusy(true)
    const res = await api.user.createInvitation({ householdId, relation }, communityId ? { communityId } : {})
    setBusy(false)
    if (res.ok) {
      setInv(res.data)
      setError(null)
    } else setError(res.error)
  }

  return (
    <PageShell id='invite-page'>
      <View className='card'>
        <Text className='section-title'>邀请谁加入？</Text>
        <Segmented
          id='invite'
          value={relation}
          options={(['family', 'tenant'] as const).map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
          onChange={(r) => {
            setRelation(r)
            setInv(null)
          }}
        />
        <Text className='muted'>邀请 7 天内有效，只能使用一次。对方接受后即成为房屋成员。</Text>
        {error ? <Notice tone='danger'>{error.message}</Notice> : null}
        {!inv ? (
          <Button id='invite-create' className='btn-block' type='primary' block loading={busy} onClick={() => void create()}>
            生成邀请
          </Button>
        ) : null}
      </View>
      {inv ? (
        <View className='card' id='invite-ready'>
          <Text className='section-title'>邀请已生成</Text>
          <Text>
            {inv.communityName} · {inv.householdLabel} · {RELATION_LABELS[inv.relation]}
          </Text>
          <Text className='muted'>有效期至 {formatDateTime(inv.expiresAt)}</Text>
          <ShareButton
            id='invite-share'
            text='发送给微信好友'
            content={{
              title: `邀请你加入 ${inv.communityName} ${inv.householdLabel}`,
              path: `${ACCEPT_PATH}?token=${inv.token}&communityId=${communityId}`,
              description: `以${RELATION_LABELS[inv.relation]}身份加入，${formatDateTime(inv.expiresAt)} 前有效，仅可使用一次`
            }}
          />
        </View>
      ) : null}
    </PageShell>
  )
}
