import { Button, Card, MessagePlugin, Popconfirm, Table, Tag } from 'tdesign-react'
import { api, signOutHere } from '../../client/api'
import { formatDateTime } from '../../../../src/utils/time'
import { navigate } from '../../router'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

/** The person's signed-in computers; any can be signed out, this one included. */
export function SessionsPage() {
  const q = useQuery(() => api.office.sessions({}), [])
  const revoke = async (id: string, current: boolean) => {
    if (current) {
      await signOutHere()
      navigate('/login', { replace: true })
      return
    }
    const res = await api.office.revokeSession({ id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    q.setData((prev) => ({ sessions: (prev?.sessions ?? []).filter((s) => s.id !== id) }))
    void MessagePlugin.success('已让这台电脑退出登录')
  }
  return (
    <PageShell query={q}>
      {(d) => (
        <Card title='已登录管理后台的电脑' bordered={false} subtitle='不认识的电脑请立即退出；登录 12 小时后自动失效。也可以在小程序“我的 → 电脑端登录”中管理。'>
          <Table
            className='sessions-table'
            rowKey='id'
            data={d.sessions}
            columns={[
              {
                colKey: 'device',
                title: '设备',
                cell: ({ row }) => (
                  <span className='cell-inline'>
                    {row.device}
                    {row.current ? (
                      <Tag theme='primary' variant='light'>
                        当前
                      </Tag>
                    ) : null}
                  </span>
                )
              },
              { colKey: 'createdAt', title: '登录时间', width: 200, cell: ({ row }) => formatDateTime(row.createdAt) },
              { colKey: 'expiresAt', title: '有效期至', width: 200, cell: ({ row }) => formatDateTime(row.expiresAt) },
              {
                colKey: 'op',
                title: '操作',
                width: 120,
                cell: ({ row }) => (
                  <Popconfirm content={row.current ? '退出后需要重新扫码登录，确定退出？' : '让这台电脑退出登录？'} onConfirm={() => void revoke(row.id, row.current)}>
                    <Button id={`revoke-${row.id}`} variant='text' theme='danger'>
                      退出登录
                    </Button>
                  </Popconfirm>
                )
              }
            ]}
          />
        </Card>
      )}
    </PageShell>
  )
}
