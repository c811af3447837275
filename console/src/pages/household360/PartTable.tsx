import { useEffect, useState } from 'react'
import { Button, Table, Tag } from 'tdesign-react'
import type { HistoryRowT, HouseholdPart } from '@contracts/desk-household'
import type { ApiError } from '@contracts/errors'
import { formatFen } from '../../../../src/utils/money'
import { formatDate, formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ErrorState } from '../../shell/PageShell'

/** What the time column means in each part (a bill's is its due date, a booking's its slot). */
const TIME_TITLES: Partial<Record<HouseholdPart, string>> = { bills: '缴费截止', bookings: '预约时段', parcels: '登记时间', coupons: '领取时间', cards: '开卡时间' }
const MONEY_PARTS: ReadonlySet<HouseholdPart> = new Set(['bills', 'orders', 'bookings', 'coupons', 'cards'])
const EMPTY: Record<HouseholdPart, string> = {
  bills: '还没有账单',
  orders: '还没有严选订单',
  bookings: '还没有预约过到家服务或报修',
  workOrders: '还没有工单',
  complaints: '还没有投诉',
  ratings: '还没有评价过服务',
  access: '近 30 天没有门禁记录',
  visitors: '还没有邀请过访客',
  parcels: '还没有代收的快递',
  surveys: '还没有答过问卷',
  followUps: '管家还没有跟进记录',
  coupons: '家里成员还没有优惠券',
  cards: '还没有服务卡',
  chat: '还没有客服消息'
}

/** One part of the household's file: its first page when its tab is first opened, 加载更多 from there. */
export function PartTable({ householdId, part }: { householdId: string; part: HouseholdPart }) {
  const [rows, setRows] = useState<HistoryRowT[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)

  const load = async (cursor: string | null) => {
    setLoading(true)
    const res = await api.desk.householdPart({ householdId, part, cursor })
    setLoading(false)
    if (!res.ok) return setError(res.error)
    setError(null)
    setRows((r) => (cursor ? [...r, ...res.data.rows] : res.data.rows))
    setNext(res.data.next)
  }
  useEffect(() => {
    void load(null)
  }, [householdId, part])

  if (error && rows.length === 0) return <ErrorState error={error} onRetry={() => void load(null)} />
  return (
    <div id={`part-${part}`}>
      <Table
        className='household-part-table'
        rowKey='id'
        data={rows}
        loading={loading && rows.length === 0}
        empty={EMPTY[part]}
        columns={[
          { colKey: 'at', title: TIME_TITLES[part] ?? '时间', width: 160, cell: ({ row }) => (part === 'bills' ? formatDate(row.at) : formatDateTime(row.at)) },
          {
            colKey: 'title',
            title: '内容',
            cell: ({ row }) => (
              <div className='history-row'>
                <div className='history-row__title'>{row.title}</div>
                {row.detail ? <div className='history-row__detail'>{row.detail}</div> : null}
              </div>
            )
          },
          ...(MONEY_PARTS.has(part)
            ? [{ colKey: 'amountFen', title: '金额', align: 'right' as const, width: 120, cell: ({ row }: { row: HistoryRowT }) => (row.amountFen === null ? '—' : formatFen(row.amountFen)) }]
            : []),
          {
            colKey: 'status',
            title: '状态',
            width: 150,
            cell: ({ row }) => (
              <Tag theme={row.tone} variant='light'>
                {row.status}
              </Tag>
            )
          }
        ]}
      />
      {error ? <div className='stale'>{error.message}</div> : null}
      {next ? (
        <div className='more'>
          <Button id={`part-${part}-more`} variant='outline' loading={loading} onClick={() => void load(next)}>
            加载更多
          </Button>
        </div>
      ) : null}
    </div>
  )
}
