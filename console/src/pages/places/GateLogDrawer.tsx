import { useEffect, useState } from 'react'
import { Button, Drawer, Table, Tag } from 'tdesign-react'
import type { LogEntryT } from '@contracts/access'
import type { ApiError } from '@contracts/errors'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { ErrorState } from '../../shell/PageShell'

/** An export reads the log 30 at a time: 3,000 passages (a few days at a busy gate) is 100 calls. */
const EXPORT_MAX = 3_000
const decisionText = (e: LogEntryT) => (e.decision === 'open' ? '放行' : `拒绝：${e.reasonText}`)

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
  /** Every passage, page after page, for an export; the newest {@link EXPORT_MAX} at most. */
  const everyEntry = async () => {
    const all: LogEntryT[] = []
    let before: number | null | undefined
    do {
      const res = await api.access.gateLog({ gateId, ...(before ? { before } : {}) })
      if (!res.ok) throw new Error(res.error.message)
      all.push(...res.data.entries)
      before = res.data.next
    } while (before && all.length < EXPORT_MAX)
    return all.slice(0, EXPORT_MAX).map((e) => [formatDateTime(e.at), e.doorName, e.who, decisionText(e)])
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
          <div className='section-head'>
            <span className='muted'>最近的在前；导出含全部记录（最多 {EXPORT_MAX} 条）</span>
            <ExportButtons id='export-gate-log' fileName={`${name}-通行记录`} header={['时间', '门', '房屋 / 访客', '结果']} rows={everyEntry} />
          </div>
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
                    {decisionText(row)}
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
