import { useState } from 'react'
import { Button, Card, Dialog, DialogPlugin, MessagePlugin, Popconfirm, Space, Table, Tag } from 'tdesign-react'
import { UserAddIcon } from 'tdesign-icons-react'
import { STAFF_INVITATION_STATUS_LABELS, type StaffInvitationView, type StaffMemberView } from '@contracts/office-team'
import { ROLE_LABELS, type StaffRole } from '@contracts/roles'
import { formatDate, formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { InvitationCard, InviteDialog } from './InviteDialog'

const STATUS_THEME = { open: 'warning', accepted: 'success', revoked: 'default', expired: 'default' } as const

/** The community's team: who holds which role, and the invitations still open. */
export function StaffPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.office.staff({}), [community.id])
  const [inviting, setInviting] = useState(false)
  const [showing, setShowing] = useState<StaffInvitationView | null>(null)

  const removeRole = async (m: StaffMemberView, role: StaffRole) => {
    const res = await api.office.removeStaffRole({ userId: m.userId, role })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已取消${m.nickname}的${ROLE_LABELS[role]}岗位`)
    void q.reload()
  }
  const revoke = async (inv: StaffInvitationView) => {
    const res = await api.office.revokeStaffInvitation({ id: inv.id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success('邀请已撤销，链接随即失效')
    void q.reload()
  }

  const inviteButton = (
    <Button id='staff-invite' theme='primary' icon={<UserAddIcon />} onClick={() => setInviting(true)}>
      邀请工作人员
    </Button>
  )

  return (
    <>
      <PageShell query={q}>
        {(d) => (
          <div className='stack'>
            <Card
              bordered={false}
              title={`工作人员 ${d.members.length} 人`}
              subtitle='岗位在小程序里接受邀请后生效；取消岗位立即生效，已登录的电脑随之失去相应菜单。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-staff'
                    fileName={`${community.name}-工作人员`}
                    header={['姓名', '手机', '岗位', '负责网格', '任职起']}
                    rows={() => d.members.map((m) => [m.nickname, m.phone, m.roles.map((r) => ROLE_LABELS[r.role]).join('、'), m.grids.join('、'), formatDate(Math.min(...m.roles.map((r) => r.since)))])}
                  />
                  {inviteButton}
                </Space>
              }
            >
              <Table
                className='staff-table'
                rowKey='userId'
                data={d.members}
                columns={[
                  {
                    colKey: 'nickname',
                    title: '姓名',
                    width: 160,
                    cell: ({ row }) => (
                      <span className='cell-inline'>
                        {row.nickname}
                        {row.self ? <Tag variant='light'>我</Tag> : null}
                      </span>
                    )
                  },
                  { colKey: 'phone', title: '手机', width: 140, cell: ({ row }) => row.phone || '未留' },
                  {
                    colKey: 'roles',
                    title: '岗位',
                    cell: ({ row }) => (
                      <Space size={6} breakLine>
                        {row.roles.map((r) => (
                          <Tag key={r.role} theme='primary' variant='light' closable={!(row.self && r.role === 'operator')} onClose={() => void confirmRemove(row, r.role, removeRole)}>
                            {ROLE_LABELS[r.role]}
                          </Tag>
                        ))}
                      </Space>
                    )
                  },
                  { colKey: 'grids', title: '负责网格', width: 200, cell: ({ row }) => row.grids.join('、') || '—' },
                  { colKey: 'since', title: '任职起', width: 130, cell: ({ row }) => formatDate(Math.min(...row.roles.map((r) => r.since))) }
                ]}
              />
            </Card>
            <Card bordered={false} title='邀请记录' subtitle='邀请一周内有效、只能被一人接受；未接受的邀请可以撤销。'>
              <Table
                className='invitations-table'
                rowKey='id'
                data={d.invitations}
                empty='还没有发出邀请'
                columns={[
                  { colKey: 'name', title: '受邀人', width: 140 },
                  { colKey: 'role', title: '岗位', width: 120, cell: ({ row }) => ROLE_LABELS[row.role] },
                  {
                    colKey: 'status',
                    title: '状态',
                    width: 180,
                    cell: ({ row }) => (
                      <span className='cell-inline'>
                        <Tag theme={STATUS_THEME[row.status]} variant='light'>
                          {invitationStatusText(row)}
                        </Tag>
                      </span>
                    )
                  },
                  { colKey: 'inviterName', title: '邀请人', width: 120 },
                  { colKey: 'createdAt', title: '发出时间', width: 170, cell: ({ row }) => formatDateTime(row.createdAt) },
                  { colKey: 'expiresAt', title: '有效期至', width: 170, cell: ({ row }) => (row.status === 'open' ? formatDateTime(row.expiresAt) : '—') },
                  {
                    colKey: 'op',
                    title: '操作',
                    cell: ({ row }) =>
                      row.status === 'open' ? (
                        <Space size={4}>
                          <Button variant='text' theme='primary' onClick={() => setShowing(row)}>
                            查看二维码
                          </Button>
                          <Popconfirm content={`撤销给${row.name}的邀请？链接将立即失效。`} onConfirm={() => void revoke(row)}>
                            <Button variant='text' theme='danger'>
                              撤销
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : null
                  }
                ]}
              />
            </Card>
          </div>
        )}
      </PageShell>
      {inviting ? (
        <InviteDialog
          onClose={(invited) => {
            setInviting(false)
            if (invited) void q.reload()
          }}
        />
      ) : null}
      {showing ? (
        <Dialog visible width={640} header='邀请二维码' footer={false} onClose={() => setShowing(null)}>
          <InvitationCard invitation={showing} />
        </Dialog>
      ) : null}
    </>
  )
}

function invitationStatusText(inv: StaffInvitationView): string {
  return inv.status === 'accepted' && inv.acceptedName ? `${inv.acceptedName} 已接受` : STAFF_INVITATION_STATUS_LABELS[inv.status]
}

/** Taking a role away is asked once more: it takes effect at once, on every device the person uses. */
function confirmRemove(m: StaffMemberView, role: StaffRole, remove: (m: StaffMemberView, role: StaffRole) => Promise<void>) {
  const dialog = DialogPlugin.confirm({
    header: `取消${m.nickname}的${ROLE_LABELS[role]}岗位？`,
    body: '立即生效：对方将看不到这个岗位的菜单，也不能再做相应的操作。需要时可以重新邀请。',
    confirmBtn: { content: '取消岗位', theme: 'danger' },
    cancelBtn: '保留',
    onConfirm: () => {
      dialog.hide()
      void remove(m, role)
    },
    onClose: () => dialog.hide()
  })
}
