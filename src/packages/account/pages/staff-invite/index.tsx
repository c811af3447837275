import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { ROLE_DUTIES } from '@contracts/role-duties'
import { ROLE_LABELS } from '@contracts/roles'
import { api, applyMe, goHome } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, Icon, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { inviteTokenOf } from '../../../../utils/console-link'
import '../../account.scss'

type Invitation = OutputOf<'office.staffInvitation'>

const STATUS_TEXT: Record<Exclude<Invitation['status'], 'open'>, string> = {
  accepted: '这个邀请已经被接受。如果不是你本人接受的，请联系运营。',
  revoked: '这个邀请已被撤销',
  expired: '这个邀请已过期，请联系运营重新邀请'
}

/**
 * Opened from the office's invitation: the QR code on the console, or the link sent in WeChat.
 * WeChat says who is opening it; accepting gives that person the role and switches to it.
 */
export default function StaffInvitePage() {
  const { params } = useRouter()
  const token = inviteTokenOf(params)
  const q = useQuery(() => api.office.staffInvitation({ token }), [token], { enabled: token !== '', reloadOnShow: false })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [accepted, setAccepted] = useState(false)

  const accept = async () => {
    setBusy(true)
    const res = await api.office.acceptStaffInvitation({ token })
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      void q.reload()
      return
    }
    setError(null)
    applyMe(res.data)
    setAccepted(true)
  }

  return (
    <PageShell id='staff-invite' query={q}>
      {(inv) => (
        <>
          <View className='console-hero'>
            <Icon name={accepted ? 'success' : 'team'} size='xl' color='primary' />
            <Text className='console-hero__title'>{accepted ? `你已成为${inv.communityName}的${ROLE_LABELS[inv.role]}` : `${inv.communityName}邀请你担任${ROLE_LABELS[inv.role]}`}</Text>
            <Text className='console-hero__sub'>{ROLE_DUTIES[inv.role]}</Text>
          </View>
          <Section>
            <KVList
              rows={[
                { label: '岗位', value: <Chip text={ROLE_LABELS[inv.role]} tone='primary' /> },
                { label: '受邀人', value: inv.name },
                { label: '邀请人', value: inv.inviterName },
                { label: '有效期至', value: formatDateTime(inv.expiresAt) }
              ]}
            />
          </Section>
          <Section>
            {error ? <Notice tone='danger'>{error.message}</Notice> : null}
            {accepted ? (
              <Notice tone='success'>首页已切换到{ROLE_LABELS[inv.role]}的工作台。需要回到住户身份时，在首页点「切换」。</Notice>
            ) : inv.status !== 'open' ? (
              <Notice tone='warning'>{STATUS_TEXT[inv.status]}</Notice>
            ) : inv.held ? (
              <Notice tone='info'>你已经是这个社区的{ROLE_LABELS[inv.role]}，接受后仍是同一个岗位。</Notice>
            ) : (
              <Notice tone='info'>邀请是发给「{inv.name}」的。如果这不是你，请不要接受。</Notice>
            )}
            <ButtonRow>
              <Button id='staff-invite-home' fill='outline' onClick={goHome}>
                {accepted ? '进入工作台' : '回到首页'}
              </Button>
              {!accepted && inv.status === 'open' ? (
                <Button id='staff-invite-accept' type='primary' loading={busy} disabled={busy} onClick={() => void accept()}>
                  接受邀请
                </Button>
              ) : null}
            </ButtonRow>
          </Section>
        </>
      )}
    </PageShell>
  )
}
