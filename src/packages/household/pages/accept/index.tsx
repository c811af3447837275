import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { RELATION_LABELS } from '@contracts/roles'
import { StateView } from '../../../../components/StateView'
import { acceptInvitation, getInvitation } from '../../../../services/household'
import { ensureSession, goHome, LOGIN_PATH } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../household.scss'

type Invitation = OutputOf<'user.getInvitation'>

const STATUS_TEXT: Record<Invitation['status'], string> = {
  open: '',
  accepted: '这个邀请已经被使用',
  revoked: '这个邀请已被撤销',
  expired: '这个邀请已过期，请让业主重新邀请'
}

export default function AcceptPage() {
  const { params, path } = useRouter()
  const token = params.token ?? ''
  const [inv, setInv] = useState<Invitation | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  useDidShow(() => {
    void ensureSession().then(async (s) => {
      if (!s.ok) {
        if (s.error.code === 'AUTH.UNAUTHENTICATED') {
          const back = encodeURIComponent(`${path.split('?')[0] ?? ''}?token=${token}`)
          void Taro.redirectTo({ url: `${LOGIN_PATH}?redirect=${back}` })
        } else setError(s.error)
        return
      }
      const r = await getInvitation(token)
      if (r.ok) setInv(r.data)
      else setError(r.error)
    })
  })

  const accept = async () => {
    setBusy(true)
    const res = await acceptInvitation(token)
    setBusy(false)
    if (res.ok) {
      void Taro.showToast({ title: '已加入房屋', icon: 'success' })
      setTimeout(goHome, 600)
    } else setError(res.error)
  }

  if (!inv) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='accept-page'>
      <View className='hero'>
        <Text className='hero-title'>{inv.inviterName} 邀请你加入</Text>
        <Text className='hero-sub'>
          {inv.communityName} · {inv.householdLabel}
        </Text>
      </View>
      <View className='card'>
        <View className='list-item'>
          <Text>身份</Text>
          <Text className='badge'>{RELATION_LABELS[inv.relation]}</Text>
        </View>
        <View className='list-item'>
          <Text>有效期至</Text>
          <Text className='muted'>{formatDateTime(inv.expiresAt)}</Text>
        </View>
        {inv.status !== 'open' ? <Text className='field-error'>{STATUS_TEXT[inv.status]}</Text> : null}
        {error ? <Text className='field-error'>{error.message}</Text> : null}
        {inv.status === 'open' ? (
          <Button id='accept-submit' className='btn-block' type='primary' block loading={busy} onClick={() => void accept()}>
            接受邀请
          </Button>
        ) : null}
      </View>
    </View>
  )
}
