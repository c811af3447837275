import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { RELATION_LABELS } from '@contracts/roles'
import { createInvitation } from '../../../../services/household'
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
    path: inv ? `${ACCEPT_PATH}?token=${inv.token}` : '/pages/home/index'
  }))

  const create = async () => {
    setBusy(true)
    const res = await createInvitation({ householdId, relation }, communityId)
    setBusy(false)
    if (res.ok) {
      setInv(res.data)
      setError(null)
    } else setError(res.error)
  }

  const h5Link = inv && process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${ACCEPT_PATH}?token=${inv.token}` : ''
  return (
    <View className='page' id='invite-page'>
      <View className='card'>
        <Text className='section-title'>邀请谁加入？</Text>
        <View className='choice-list'>
          {(['family', 'tenant'] as const).map((r) => (
            <Text
              key={r}
              id={`invite-${r}`}
              className={`choice ${relation === r ? 'choice--on' : ''}`}
              onClick={() => {
                setRelation(r)
                setInv(null)
              }}
            >
              {RELATION_LABELS[r]}
            </Text>
          ))}
        </View>
        <Text className='muted'>邀请 7 天内有效，只能使用一次。对方接受后即成为房屋成员。</Text>
        {error ? <Text className='field-error'>{error.message}</Text> : null}
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
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn-block' type='primary' block openType='share'>
              发送给微信好友
            </Button>
          ) : (
            <View>
              <Text className='invite-link' id='invite-link'>
                {h5Link}
              </Text>
              <Button
                className='btn-block'
                type='primary'
                block
                onClick={() => void Taro.setClipboardData({ data: h5Link })}
              >
                复制邀请链接
              </Button>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
