import { Card, Table } from 'tdesign-react'
import { CAMPAIGN_STATUS_LABELS, PRODUCT_KIND_LABELS } from '@contracts/order'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

const rate = (p: number | null) => (p === null ? '—' : `${p}%`)

/**
 * 预售毛利: each pre-sale of the last 90 days with its gross margin (revenue net of refunds, less
 * the cost of what stayed sold), and the lines summed. A sale whose sold SKUs lack a cost shows
 * none rather than a margin that leaves the cost out.
 */
export function MarginCard() {
  const { community } = useConsole()
  const q = useQuery(() => api.order.marginBoard({}), [community.id])
  return (
    <PageShell query={q}>
      {(d) => (
        <Card
          bordered={false}
          title='预售毛利（近 90 天）'
          subtitle={d.lines.map((l) => `${PRODUCT_KIND_LABELS[l.kind]} ${formatFen(l.margin.grossFen)}（${rate(l.margin.ratePercent)}）${l.unknown ? `，${l.unknown} 场未填成本不计` : ''}`).join('；') || '近 90 天没有预售'}
          actions={
            <ExportButtons
              id='export-margins'
              fileName={`${community.name}-预售毛利`}
              header={['预售', '业务线', '供应商', '状态', '截止', '收入', '成本', '毛利', '毛利率']}
              rows={() =>
                d.campaigns.map((c) => [
                  c.title,
                  PRODUCT_KIND_LABELS[c.productKind],
                  c.supplierName,
                  CAMPAIGN_STATUS_LABELS[c.status],
                  formatDate(c.endAt),
                  c.margin ? formatFen(c.margin.revenueFen) : '',
                  c.margin ? formatFen(c.margin.costFen) : '',
                  c.margin ? formatFen(c.margin.grossFen) : '成本未填',
                  c.margin ? rate(c.margin.ratePercent) : ''
                ])
              }
            />
          }
        >
          <Table
            className='insights-margins'
            rowKey='id'
            data={d.campaigns}
            empty='近 90 天没有预售'
            columns={[
              { colKey: 'title', title: '预售', ellipsis: true },
              { colKey: 'productKind', title: '业务线', width: 100, cell: ({ row }) => PRODUCT_KIND_LABELS[row.productKind] },
              { colKey: 'status', title: '状态', width: 90, cell: ({ row }) => CAMPAIGN_STATUS_LABELS[row.status] },
              { colKey: 'revenue', title: '收入', align: 'right', width: 120, cell: ({ row }) => (row.margin ? formatFen(row.margin.revenueFen) : '—') },
              { colKey: 'cost', title: '成本', align: 'right', width: 120, cell: ({ row }) => (row.margin ? formatFen(row.margin.costFen) : '—') },
              { colKey: 'gross', title: '毛利', align: 'right', width: 120, cell: ({ row }) => (row.margin ? formatFen(row.margin.grossFen) : '成本未填') },
              { colKey: 'rate', title: '毛利率', align: 'right', width: 90, cell: ({ row }) => (row.margin ? rate(row.margin.ratePercent) : '—') }
            ]}
          />
        </Card>
      )}
    </PageShell>
  )
}
