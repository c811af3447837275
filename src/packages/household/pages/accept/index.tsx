import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { RELATION_LABELS } from '@contracts/roles'
import { api, applyMe, goHome } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { Chip, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../household.scss'

type Invitation = OutputOf<'user.getInvitation'>

const STATUS_TEXT: Record<Invitation['status'], string> = {
  open: '',
  accepted: '这个邀请已经被使用',
  revoked: '这个邀请已被撤销',
  expired: '这个邀请已过期，请让业主重新邀请'
}

/** Opened from the owner's share card, often before the invitee has ever used the app. */
export default function AcceptPage() {
  const { params } = useRouter()
  const token = decodeURIComponent(params.token ?? '')
  const q = useQuery(() => api.user.getInvitation({ token }), [token], { enabled: token !== '' })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const accept = async () => {
    setBusy(true)
    const res = await api.user.acceptInvitation({ token })
    setBusy(false)
    if (res.ok) {
      applyMe(res.data)
      void Taro.showToast({ title: '已加入房屋', icon: 'success' })
      setTimeout(goHome, 600)
    } else setError(res.error)
  }

  return (
    <PageShell id='accept-page' query={q}>
      {(inv) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{inv.inviterName} 邀请你加入</Text>
            <Text className='hero-sub'>
              {inv.communityName} · {inv.householdLabel}
            </Text>
          </View>
          <Section>
            <KVList
              rows={[
                { label: '身份', value: <Chip text={RELATION_LABELS[inv.relation]} tone='primary' /> },
                { label: '有效期至', value: formatDateTime(inv.expiresAt) }
              ]}
            />
            {inv.status !== 'open' ? <Notice tone='warning'>{STATUS_TEXT[inv.status]}</Notice> : null}
            {error ? <Notice tone='danger'>{error.message}</Notice> : null}
            {inv.status === 'open' ? (
              <Button id='accept-submit' className='btn-block' type='primary' block loading={busy} onClick={() => void accept()}>
                接受邀请
              </Button>
            ) : null}
          </Section>
        </>
      )}
    </PageShell>
  )
}
