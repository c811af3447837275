import { useEffect, useState } from 'react'
import { Button, Drawer, Table, Tag } from 'tdesign-react'
import type { LogEntryT } from '@contracts/access'
import type { ApiError } from '@contracts/errors'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ErrorState } from '../../shell/PageShell'

/** One device's passages, newest first, a page at a time. */
export function GateLogDrawer({ gateId, name, onClose }: { gateId: string; name: string; onClose: () => void }) {
  const [entries, setEntries] = useState<LogEntryT[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)

  const load = async (before?: number) => {
    setLoading(true)
    const res = await api.access.gateLog({ gateId, ...(before ? { before } : {}) })
    setLoading(false)
    if (!res.ok) return setError(res.error)
    setError(null)
    setEntries((e) => (before ? [...e, ...res.data.entries] : res.data.entries))
    setNext(res.data.next)
  }
  // Loaded once per device; 加载更多 pages on from there.
  useEffect(() => {
    void load()
  }, [gateId])

  return (
    <Drawer visible size='720px' header={`${name} · 通行记录`} footer={false} onClose={onClose}>
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <>
          <Table
            className='gate-log-table'
            rowKey='id'
            data={entries}
            loading={loading && entries.length === 0}
            empty='还没有通行记录'
            columns={[
              { colKey: 'at', title: '时间', width: 160, cell: ({ row }) => formatDateTime(row.at) },
              { colKey: 'doorName', title: '门', width: 110 },
              { colKey: 'who', title: '房屋 / 访客', width: 150 },
              {
                colKey: 'decision',
                title: '结果',
                cell: ({ row }) => (
                  <Tag theme={row.decision === 'open' ? 'success' : 'danger'} variant='light'>
                    {row.decision === 'open' ? '放行' : `拒绝：${row.reasonText}`}
                  </Tag>
                )
              }
            ]}
          />
          {next ? (
            <div className='more'>
              <Button variant='outline' loading={loading} onClick={() => void load(next)}>
                加载更多
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Drawer>
  )
}
