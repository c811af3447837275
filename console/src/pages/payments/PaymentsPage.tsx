import { useState } from 'react'
import { Button, Card, Input, MessagePlugin, Select, Space, Table, Tag } from 'tdesign-react'
import { SearchIcon } from 'tdesign-icons-react'
import { type AnomalyAction, PAYMENT_ANOMALY_LABELS, PAYMENT_STATUSES, PAYMENT_STATUS_LABELS, type PaymentStatus, RECONCILIATION_MISMATCH_LABELS, type PaymentViewT } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { RefundDialog } from './RefundDialog'
import { ResolveDialog } from './ResolveDialog'

type Anomaly = OutputOf<'pay.anomalies'>['anomalies'][number]

const STATUS_THEME: Record<PaymentStatus, 'success' | 'warning' | 'default' | 'danger'> = { created: 'default', awaiting: 'default', paid: 'success', closed: 'default', failed: 'danger', anomaly: 'warning' }
const yuan = (fen: number) => formatFen(fen, { symbol: false, grouping: false })
const openCount = (list: readonly Anomaly[]) => list.filter((a) => a.actions.length > 0).length
/** Statuses a clerk filters by; 待支付 covers both of its internal states. */
const FILTERS = PAYMENT_STATUSES.filter((s) => s !== 'created')

/** Payments found by room or order number, refunds, the last reconciliation and anomalies to settle. */
export function PaymentsPage() {
  const { community } = useConsole()
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState({ query: '', status: '' })
  const [refunding, setRefunding] = useState<PaymentViewT | null>(null)
  const [resolving, setResolving] = useState<{ anomaly: Anomaly; action: AnomalyAction } | null>(null)
  const found = useQuery(
    () => api.pay.search({ query: search.query, ...(search.status ? { status: FILTERS.find((s) => s === search.status) } : {}) }),
    [community.id, search.query, search.status]
  )
  const recon = useQuery(() => api.pay.reconciliation({}), [community.id])
  const anomalies = useQuery(() => api.pay.anomalies({}), [community.id])

  return (
    <div className='stack'>
      <PageShell query={found}>
        {(d) => (
          <Card
            bordered={false}
            title='收款记录'
            subtitle='按房号（如 1栋 101）或订单号查找；已支付的可以部分或全额退款。'
            actions={
              <ExportButtons
                id='export-payments'
                fileName={`${community.name}-收款记录`}
                header={['订单号', '房屋 / 车辆', '内容', '金额（元）', '已退（元）', '状态', '支付时间', '微信支付单号']}
                rows={() => d.payments.map((p) => [p.outTradeNo, p.householdLabel, p.paidFor.label, yuan(p.totalFen), yuan(p.refundedFen), PAYMENT_STATUS_LABELS[p.status], p.paidAt ? formatDateTime(p.paidAt) : '', p.transactionId ?? ''])}
              />
            }
          >
            <div className='toolbar'>
              <Input
                name='payments-query'
                style={{ width: 280 }}
                value={query}
                placeholder='房号或订单号'
                prefixIcon={<SearchIcon />}
                clearable
                onChange={(v) => setQuery(String(v))}
                onEnter={() => setSearch((s) => ({ ...s, query: query.trim() }))}
              />
              <Select
                className='payments-status'
                style={{ width: 140 }}
                value={search.status}
                onChange={(v) => setSearch((s) => ({ ...s, status: String(v ?? '') }))}
                options={[{ value: '', label: '全部状态' }, ...FILTERS.map((s) => ({ value: s, label: PAYMENT_STATUS_LABELS[s] }))]}
              />
              <Button id='payments-search' theme='primary' onClick={() => setSearch((s) => ({ ...s, query: query.trim() }))}>
                查找
              </Button>
            </div>
            <Table
              className='payments-table'
              rowKey='id'
              data={d.payments}
              loading={found.refreshing}
              empty={search.query ? '没有找到相符的收款' : '还没有收款'}
              pagination={d.payments.length > 20 ? { defaultPageSize: 20, total: d.payments.length } : undefined}
              columns={[
                { colKey: 'outTradeNo', title: '订单号', width: 230 },
                // A driver from elsewhere pays for no room: the cell names the stay and the masked plate.
                { colKey: 'householdLabel', title: '房屋 / 车辆', width: 190 },
                { colKey: 'paidFor', title: '内容', ellipsis: true, cell: ({ row }) => row.paidFor.label },
                { colKey: 'totalFen', title: '金额', align: 'right', width: 120, cell: ({ row }) => formatFen(row.totalFen) },
                { colKey: 'refundedFen', title: '已退', align: 'right', width: 110, cell: ({ row }) => (row.refundedFen ? formatFen(row.refundedFen) : '—') },
                {
                  colKey: 'status',
                  title: '状态',
                  width: 100,
                  cell: ({ row }) => (
                    <Tag theme={STATUS_THEME[row.status]} variant='light'>
                      {PAYMENT_STATUS_LABELS[row.status]}
                    </Tag>
                  )
                },
                { colKey: 'paidAt', title: '支付时间', width: 160, cell: ({ row }) => (row.paidAt ? formatDateTime(row.paidAt) : '—') },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 90,
                  cell: ({ row }) =>
                    row.status === 'paid' && row.refundedFen < row.totalFen ? (
                      <Button variant='text' theme='danger' onClick={() => setRefunding(row)}>
                        退款
                      </Button>
                    ) : null
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <PageShell query={anomalies}>
        {(d) => (
          <Card bordered={false} title={openCount(d.anomalies) ? `支付异常 ${openCount(d.anomalies)} 条待处理` : '支付异常'} subtitle='金额不符、重复支付、退款失败等需要人工确认的情况；处理结果与说明会留档。'>
            <Table
              className='anomalies-table'
              rowKey='id'
              data={d.anomalies}
              empty='没有支付异常'
              columns={[
                { colKey: 'kind', title: '类型', width: 150, cell: ({ row }) => PAYMENT_ANOMALY_LABELS[row.kind] },
                { colKey: 'householdLabel', title: '房屋', width: 120 },
                { colKey: 'detail', title: '情况', ellipsis: true },
                { colKey: 'amountFen', title: '金额', align: 'right', width: 110, cell: ({ row }) => (row.amountFen !== null ? formatFen(row.amountFen) : '—') },
                { colKey: 'createdAt', title: '发生时间', width: 160, cell: ({ row }) => formatDateTime(row.createdAt) },
                {
                  colKey: 'op',
                  title: '处理',
                  width: 220,
                  cell: ({ row }) =>
                    row.actions.length > 0 ? (
                      <Space size={4}>
                        {row.actions.includes('refund') ? (
                          <Button variant='text' theme='danger' onClick={() => setResolving({ anomaly: row, action: 'refund' })}>
                            全额退回
                          </Button>
                        ) : null}
                        {row.actions.includes('accept') ? (
                          <Button variant='text' theme='primary' onClick={() => setResolving({ anomaly: row, action: 'accept' })}>
                            已人工处理
                          </Button>
                        ) : null}
                      </Space>
                    ) : (
                      <span className='muted'>{row.resolvedBy ? `${row.resolvedBy}：${row.note ?? ''}` : '处理中'}</span>
                    )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <PageShell query={recon}>
        {(r) => (
          <Card
            bordered={false}
            title='对账'
            subtitle={r.ranAt ? `最近一次：${formatDateTime(r.ranAt)}，核对 ${r.payments} 笔收款、${r.refunds} 笔退款、${r.ledgerEntries} 条流水` : '每天凌晨与微信支付账单核对；还没有运行过'}
            actions={r.ranAt ? <Tag theme={r.mismatches.length ? 'danger' : 'success'}>{r.mismatches.length ? `${r.mismatches.length} 处不一致` : '账实相符'}</Tag> : null}
          >
            {r.mismatches.length ? (
              <Table
                className='mismatches-table'
                rowKey='ref'
                data={r.mismatches}
                columns={[
                  { colKey: 'kind', title: '类型', width: 160, cell: ({ row }) => RECONCILIATION_MISMATCH_LABELS[row.kind] },
                  { colKey: 'ref', title: '单号', width: 220 },
                  { colKey: 'detail', title: '说明' }
                ]}
              />
            ) : null}
          </Card>
        )}
      </PageShell>
      {refunding ? (
        <RefundDialog
          payment={refunding}
          onClose={(done) => {
            setRefunding(null)
            if (done) {
              void MessagePlugin.success('退款已提交，到账后状态会更新')
              void found.reload()
            }
          }}
        />
      ) : null}
      {resolving ? (
        <ResolveDialog
          anomaly={resolving.anomaly}
          action={resolving.action}
          onClose={(done) => {
            setResolving(null)
            if (done) {
              void MessagePlugin.success('已处理')
              void anomalies.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
