import { useState } from 'react'
import { Card, Select, Table, Tag } from 'tdesign-react'
import { recentMonths, shanghaiMonth } from '@contracts/shanghai'
import { PURCHASE_STATUS_LABELS, type PurchaseOrderViewT } from '@contracts/supply'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { ReceiveDialog } from './ReceiveDialog'

const money = (fen: number | null) => (fen === null ? '成本未填' : formatFen(fen))
const percent = (n: number | null) => (n === null ? '—' : `${n}%`)
const receivedText = (p: PurchaseOrderViewT) =>
  p.lines.map((l) => `${l.name} ${l.received ?? 0}/${l.ordered}${l.short ? ` 短少${l.short}` : ''}${l.damaged ? ` 破损${l.damaged}` : ''}`).join('；')

/**
 * 采购与供应商: the purchase orders succeeded pre-sales raised, received here (short and damaged
 * counted, the supplier rated); each supplier's scorecard; and its monthly statement to settle.
 */
export function PurchasesTab({ suppliers }: { suppliers: { id: string; name: string }[] }) {
  const { community } = useConsole()
  const pos = useQuery(() => api.order.purchaseOrders({}), [community.id])
  const scores = useQuery(() => api.order.supplierScorecard({}), [community.id])
  const months = recentMonths(Date.now())
  const [supplierId, setSupplierId] = useState(suppliers[0]?.id ?? '')
  const [month, setMonth] = useState(shanghaiMonth(Date.now()))
  const statement = useQuery(() => api.order.supplierStatement({ supplierId, month }), [supplierId, month], { enabled: supplierId !== '' })
  const [receiving, setReceiving] = useState<PurchaseOrderViewT | null>(null)
  const supplierName = suppliers.find((s) => s.id === supplierId)?.name ?? ''

  return (
    <div className='stack'>
      <PageShell query={pos}>
        {(d) => (
          <Card bordered={false} title={`采购单 ${d.purchaseOrders.length} 张`} subtitle='预售成团后按结算数量和成本价自动生成；到货后在这里收货，短少和破损不计入结算。'>
            <Table
              className='purchases-table'
              rowKey='id'
              data={d.purchaseOrders}
              empty='还没有采购单：预售成团后自动生成'
              columns={[
                { colKey: 'campaignTitle', title: '预售', ellipsis: true },
                { colKey: 'supplierName', title: '供应商', width: 150 },
                { colKey: 'expectedBy', title: '需到货', width: 110, cell: ({ row }) => formatDate(row.expectedBy) },
                { colKey: 'lines', title: '订购', ellipsis: true, cell: ({ row }) => row.lines.map((l) => `${l.name} ×${l.ordered}`).join('；') },
                { colKey: 'orderedFen', title: '采购额', align: 'right', width: 110, cell: ({ row }) => money(row.orderedFen) },
                {
                  colKey: 'status',
                  title: '状态',
                  width: 100,
                  cell: ({ row }) => <Tag theme={row.status === 'open' ? 'warning' : row.onTime ? 'success' : 'danger'} variant='light'>{row.status === 'received' && row.onTime === false ? '逾期到货' : PURCHASE_STATUS_LABELS[row.status]}</Tag>
                },
                { colKey: 'received', title: '收货', ellipsis: true, cell: ({ row }) => (row.status === 'received' ? receivedText(row) : '—') },
                { colKey: 'acceptedFen', title: '应结', align: 'right', width: 110, cell: ({ row }) => (row.status === 'received' ? money(row.acceptedFen) : '—') },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 80,
                  cell: ({ row }) =>
                    row.status === 'open' ? (
                      <a className='purchase-receive' onClick={() => setReceiving(row)}>
                        收货
                      </a>
                    ) : (
                      <span className='muted'>{row.rating} 星</span>
                    )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <PageShell query={scores}>
        {(d) => (
          <Card bordered={false} title='供应商评分卡' subtitle='准时率按需到货当天结束前收货计；短少、破损按已收货采购单的订购数量计；售后率为其预售已付款订单中申请售后的比例。'>
            <Table
              className='scorecard-table'
              rowKey='supplierId'
              data={d.suppliers}
              empty='还没有供应商'
              columns={[
                { colKey: 'supplierName', title: '供应商' },
                { colKey: 'purchaseOrders', title: '采购单', align: 'right', width: 90, cell: ({ row }) => `${row.received}/${row.purchaseOrders}` },
                { colKey: 'onTimePercent', title: '准时率', align: 'right', width: 90, cell: ({ row }) => percent(row.onTimePercent) },
                { colKey: 'shortPercent', title: '短少率', align: 'right', width: 90, cell: ({ row }) => percent(row.shortPercent) },
                { colKey: 'damagedPercent', title: '破损率', align: 'right', width: 90, cell: ({ row }) => percent(row.damagedPercent) },
                { colKey: 'afterSalePercent', title: '售后率', align: 'right', width: 90, cell: ({ row }) => percent(row.afterSalePercent) },
                { colKey: 'ratingAvg', title: '评分', align: 'right', width: 80, cell: ({ row }) => (row.ratingAvg === null ? '—' : `${row.ratingAvg} 星`) },
                { colKey: 'acceptedFen', title: '累计应结', align: 'right', width: 120, cell: ({ row }) => formatFen(row.acceptedFen) }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <Card
        bordered={false}
        title='月度结算单'
        subtitle='当月已收货的采购单，按实收减破损的数量和成本价结算。'
        actions={
          <div className='cell-inline'>
            <Select className='statement-supplier' value={supplierId} style={{ width: 180 }} options={suppliers.map((s) => ({ value: s.id, label: s.name }))} onChange={(v) => setSupplierId(String(v ?? ''))} />
            <Select className='statement-month' value={month} style={{ width: 130 }} options={months.map((m) => ({ value: m, label: m }))} onChange={(v) => setMonth(String(v ?? month))} />
            <ExportButtons
              id='export-statement'
              fileName={`${community.name}-${supplierName}-${month}-结算单`}
              header={['收货日期', '预售', '规格', '订购', '实收', '破损', '结算数量', '成本价', '金额']}
              rows={async () =>
                statement.data
                  ? [
                      ...statement.data.rows.map((r) => [formatDate(r.receivedAt), r.campaignTitle, r.skuName, r.ordered, r.received, r.damaged, r.accepted, r.costFen === null ? '' : formatFen(r.costFen), r.amountFen === null ? '' : formatFen(r.amountFen)]),
                      ['合计', '', '', '', '', '', statement.data.totalUnits, '', statement.data.totalFen === null ? '成本未填' : formatFen(statement.data.totalFen)]
                    ]
                  : null
              }
            />
          </div>
        }
      >
        <PageShell query={statement}>
          {(s) => (
            <Table
              className='statement-table'
              rowKey='purchaseOrderId'
              data={s.rows.map((r, i) => ({ ...r, key: `${r.purchaseOrderId}-${i}` }))}
              empty={`${s.supplierName} ${s.month} 没有收货`}
              footerSummary={s.rows.length ? <div id='statement-total'>合计 {s.totalUnits} 件，应结 {s.totalFen === null ? '（有规格未填成本价）' : formatFen(s.totalFen)}</div> : undefined}
              columns={[
                { colKey: 'receivedAt', title: '收货日期', width: 110, cell: ({ row }) => formatDate(row.receivedAt) },
                { colKey: 'campaignTitle', title: '预售', ellipsis: true },
                { colKey: 'skuName', title: '规格', width: 150 },
                { colKey: 'ordered', title: '订购', align: 'right', width: 70 },
                { colKey: 'received', title: '实收', align: 'right', width: 70 },
                { colKey: 'damaged', title: '破损', align: 'right', width: 70 },
                { colKey: 'accepted', title: '结算数量', align: 'right', width: 90 },
                { colKey: 'costFen', title: '成本价', align: 'right', width: 100, cell: ({ row }) => money(row.costFen) },
                { colKey: 'amountFen', title: '金额', align: 'right', width: 110, cell: ({ row }) => money(row.amountFen) }
              ]}
            />
          )}
        </PageShell>
      </Card>
      {receiving ? (
        <ReceiveDialog
          po={receiving}
          onClose={(done) => {
            setReceiving(null)
            if (done) void Promise.all([pos.reload(), scores.reload(), statement.reload()])
          }}
        />
      ) : null}
    </div>
  )
}
