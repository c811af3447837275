import { useState } from 'react'
import { Button, Card, MessagePlugin, Radio, Table, Tag } from 'tdesign-react'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUSES, COMPLAINT_STATUS_LABELS, type ComplaintStatus, type ComplaintViewT } from '@contracts/booking'
import { formatDateTime, minutesText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { RespondDialog } from './RespondDialog'

const STATUS_THEMES: Record<ComplaintStatus, 'danger' | 'warning' | 'success' | 'default'> = { open: 'danger', processing: 'warning', resolved: 'success', closed: 'default' }
const minutesOrNone = (m: number | null) => (m === null ? '—' : minutesText(m))

/** Residents' complaints at the service desk: open ones first, taken on and closed with a note residents read. */
export function ComplaintsPage() {
  const { community } = useConsole()
  const [status, setStatus] = useState<ComplaintStatus | 'all'>('all')
  const q = useQuery(() => api.booking.complaints(status === 'all' ? {} : { status }), [community.id, status])
  const [responding, setResponding] = useState<ComplaintViewT | null>(null)

  return (
    <>
      <PageShell query={q}>
        {(d) => (
          <Card
            bordered={false}
            title='投诉工单'
            subtitle='住户在小程序「投诉建议」中提交；受理与办结的说明住户都能看到，办结后住户可以评价。'
            actions={
              <ExportButtons
                id='export-complaints'
                fileName={`${community.name}-投诉`}
                header={['提交时间', '房屋', '类别', '内容', '状态', '处理说明', '首次响应', '评价']}
                rows={() => d.complaints.map((c) => [formatDateTime(c.createdAt), c.householdLabel, COMPLAINT_CATEGORY_LABELS[c.category], c.text, COMPLAINT_STATUS_LABELS[c.status], c.response, minutesOrNone(c.responseMinutes), c.rating ? `${c.rating.score} 星 ${c.rating.comment}` : ''])}
              />
            }
          >
            <div className='stats'>
              <Stat label='待受理' value={`${d.complaints.filter((c) => c.status === 'open').length} 件`} />
              <Stat label='处理中' value={`${d.complaints.filter((c) => c.status === 'processing').length} 件`} />
              <Stat label='平均首次响应' value={minutesOrNone(d.avgResponseMinutes)} />
              <Stat label='已评价' value={`${d.complaints.filter((c) => c.rating).length} 件`} />
            </div>
            <div className='toolbar'>
              <Radio.Group variant='default-filled' value={status} onChange={(v) => setStatus(COMPLAINT_STATUSES.find((s) => s === v) ?? 'all')}>
                <Radio.Button value='all'>全部</Radio.Button>
                {COMPLAINT_STATUSES.map((s) => (
                  <Radio.Button key={s} value={s}>
                    {COMPLAINT_STATUS_LABELS[s]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </div>
            <Table
              className='complaints-table'
              rowKey='id'
              data={d.complaints}
              loading={q.refreshing}
              empty='没有这个状态的投诉'
              columns={[
                { colKey: 'createdAt', title: '提交时间', width: 150, cell: ({ row }) => formatDateTime(row.createdAt) },
                { colKey: 'householdLabel', title: '房屋', width: 110 },
                { colKey: 'category', title: '类别', width: 90, cell: ({ row }) => COMPLAINT_CATEGORY_LABELS[row.category] },
                { colKey: 'text', title: '内容', ellipsis: true },
                {
                  colKey: 'photos',
                  title: '照片',
                  width: 120,
                  cell: ({ row }) =>
                    row.photos.length ? (
                      <span className='cell-inline'>
                        {row.photos.slice(0, 2).map((p, i) => (
                          <PhotoThumb key={p} id={p} size={32} alt={`投诉照片第 ${i + 1} 张`} />
                        ))}
                        {row.photos.length > 2 ? <span className='muted'>+{row.photos.length - 2}</span> : null}
                      </span>
                    ) : (
                      '—'
                    )
                },
                { colKey: 'status', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATUS_THEMES[row.status]} variant='light'>{COMPLAINT_STATUS_LABELS[row.status]}</Tag> },
                { colKey: 'response', title: '处理说明', ellipsis: true, cell: ({ row }) => row.response || '—' },
                { colKey: 'responseMinutes', title: '首次响应', width: 110, cell: ({ row }) => minutesOrNone(row.responseMinutes) },
                { colKey: 'rating', title: '评价', width: 80, cell: ({ row }) => (row.rating ? `${row.rating.score} 星` : '—') },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 80,
                  cell: ({ row }) =>
                    row.status === 'open' || row.status === 'processing' ? (
                      <Button className='complaint-respond' variant='text' theme='primary' onClick={() => setResponding(row)}>
                        {row.status === 'open' ? '受理' : '办结'}
                      </Button>
                    ) : null
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {responding ? (
        <RespondDialog
          complaint={responding}
          onClose={(saved) => {
            setResponding(null)
            if (saved) {
              void MessagePlugin.success('已更新，住户会收到通知')
              void q.reload()
            }
          }}
        />
      ) : null}
    </>
  )
}
