import { useState } from 'react'
import { Alert, Button, Dialog, Form, Input, MessagePlugin, Select } from 'tdesign-react'
import { CopyIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import type { StaffInvitationView } from '@contracts/office-team'
import { ROLE_DUTIES } from '@contracts/role-duties'
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@contracts/roles'
import { STAFF_INVITE_PATH } from '../../../../src/utils/console-link'
import { encodeQr } from '../../../../src/utils/qr/encode'
import { qrDataUri } from '../../../../src/utils/qr/png'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { miniProgramLink } from '../../shell/mini-link'
import { useLatest } from '../../shell/use-latest'

export function inviteLink(token: string): string {
  return miniProgramLink(import.meta.env.VITE_STAFF_INVITE_LINK, STAFF_INVITE_PATH, { t: token })
}

/** The invitation as the invitee receives it: a QR code to scan in WeChat, or the link to send. */
export function InvitationCard({ invitation }: { invitation: StaffInvitationView }) {
  const link = inviteLink(invitation.token)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      void MessagePlugin.success('邀请链接已复制，可发给对方')
    } catch {
      void MessagePlugin.warning('浏览器不允许复制，请手动选中链接复制')
    }
  }
  return (
    <div className='invite-card' id='invite-card'>
      <img className='invite-card__qr' src={qrDataUri(encodeQr(link), 360)} alt={`邀请${invitation.name}担任${ROLE_LABELS[invitation.role]}的二维码`} />
      <div className='invite-card__body'>
        <div className='invite-card__title'>
          邀请 {invitation.name} 担任{ROLE_LABELS[invitation.role]}
        </div>
        <div className='invite-card__hint'>请对方用微信扫码，在小程序里确认接受。有效期至 {formatDateTime(invitation.expiresAt)}，只能被一人接受。</div>
        <Input className='invite-card__link' value={link} readonly />
        <Button variant='outline' icon={<CopyIcon />} onClick={() => void copy()}>
          复制链接
        </Button>
      </div>
    </div>
  )
}

/** Invites someone to a role: the form, then the invitation to hand over. */
export function InviteDialog({ onClose }: { onClose: (invited: boolean) => void }) {
  const [role, setRole] = useState<StaffRole>('butler')
  const [name, setName] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<StaffInvitationView | null>(null)

  const submit = async () => {
    setBusy(true)
    const res = await api.office.inviteStaff({ role, name })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    setError(null)
    setMade(res.data)
  }
  const formError = formLevelError(error)
  const close = useLatest(onClose)
  const send = useLatest(() => void submit())

  return (
    <Dialog
      visible
      width={640}
      header={made ? '邀请已生成' : '邀请工作人员'}
      onClose={() => close(made !== null)}
      footer={
        made ? (
          <Button id='invite-done' theme='primary' onClick={() => close(true)}>
            完成
          </Button>
        ) : (
          <>
            <Button variant='outline' onClick={() => close(false)}>
              取消
            </Button>
            <Button id='invite-submit' theme='primary' loading={busy} onClick={send}>
              生成邀请
            </Button>
          </>
        )
      }
    >
      {made ? (
        <InvitationCard invitation={made} />
      ) : (
        <Form labelWidth={80} colon={false} onSubmit={() => void submit()}>
          <Form.FormItem label='岗位' name='role' initialData={role} requiredMark {...fieldStatus(error, 'role')}>
            <Select
              className='invite-role'
              value={role}
              onChange={(v) => setRole(STAFF_ROLES.find((r) => r === v) ?? role)}
              options={STAFF_ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} · ${ROLE_DUTIES[r]}` }))}
            />
          </Form.FormItem>
          <Form.FormItem label='姓名' name='name' initialData={name} requiredMark {...fieldStatus(error, 'name')}>
            <Input name='invite-name' value={name} placeholder='对方的真实姓名，便于核对' onChange={(v) => setName(String(v))} />
          </Form.FormItem>
          {formError ? <Alert theme='error' message={formError} /> : null}
        </Form>
      )}
    </Dialog>
  )
}
