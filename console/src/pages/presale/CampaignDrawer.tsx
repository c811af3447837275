import { useState } from 'react'
import { Button, Drawer, MessagePlugin, Space, Table, Tag } from 'tdesign-react'
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS, CAMPAIGN_STATUS_LABELS, ORDER_STATUS_LABELS, type OrderViewT } from '@contracts/order'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

const orderRow = (o: OrderViewT) => [o.code, o.householdLabel, o.skuName, o.quantity, formatFen(o.amountFen), ORDER_STATUS_LABELS[o.status], formatDateTime(o.createdAt), o.paidAt ? formatDateTime(o.paidAt) : '', o.inviterName ?? '', o.deliveredBy ?? '']

/** One campaign's figures: sales, payments, refunds, progress per SKU and grid, after-sales to review, every order. */
export function CampaignDrawer({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const q = useQuery(() => api.order.dashboard({ campaignId }), [campaignId])
  const [reviewing, setReviewing] = useState<string | null>(null)

  const review = async (o: OrderViewT, approve: boolean) => {
    setReviewing(o.id)
    const res = await api.order.reviewAfterSale({ orderId: o.id, approve, note: approve ? '' : '经核实不符合售后条件' })
    setReviewing(null)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(approve ? `已同意，${formatFen(o.amountFen)} 原路退回` : '已拒绝售后申请')
    void q.reload()
  }

  return (
    <Drawer visible size='960px' header={q.data ? `${q.data.campaign.title} · 预售看板` : '预售看板'} footer={false} onClose={onClose}>
      <PageShell query={q}>
        {(d) => (
          <div className='stack'>
            <div className='stats stats--six'>
              <Stat label='状态' value={CAMPAIGN_STATUS_LABELS[d.campaign.status]} small />
              <Stat label='已付数量' value={`${d.paidQuantity}${d.campaign.threshold ? ` / ${d.campaign.threshold} 成团` : ''}`} small />
              <Stat label='实收' value={formatFen(d.paidFen)} small />
              <Stat label='已退款' value={`${formatFen(d.refundedFen)}（${d.refundedOrders} 单）`} small />
              <Stat label='待付款' value={`${d.counts.pendingPayment} 单`} small />
              <Stat label='已送达' value={`${d.counts.delivered} 单`} small />
            </div>
            <div className='muted' id='campaign-margin'>
              {d.margin
                ? `毛利 ${formatFen(d.margin.grossFen)}${d.margin.ratePercent !== null ? `（${d.margin.ratePercent}%）` : ''} = 实收净额 ${formatFen(d.margin.revenueFen)} − 已售成本 ${formatFen(d.margin.costFen)}`
                : '有规格没有填成本价，暂不能计算毛利：在「商品」中补上成本价后，新建的预售会带上成本'}
            </div>
            {d.stuckRefunds > 0 ? <Tag theme='danger' variant='light'>{d.stuckRefunds} 笔退款多次失败，请在「收款与退款」中处理</Tag> : null}
            <div className='section-head'>
              <h4 className='section-title'>规格</h4>
              <ExportButtons
                id='export-campaign-skus'
                fileName={`${d.campaign.title}-规格`}
                header={['规格', '库存', '剩余', '已付']}
                rows={() => d.skus.map((k) => [k.name, k.stock, k.remaining, k.paidQuantity])}
              />
            </div>
            <Table
              className='campaign-skus'
              rowKey='id'
              data={d.skus}
              size='small'
              columns={[
                { colKey: 'name', title: '规格' },
                { colKey: 'stock', title: '库存', align: 'right', width: 100 },
                { colKey: 'remaining', title: '剩余', align: 'right', width: 100 },
                { colKey: 'paidQuantity', title: '已付', align: 'right', width: 100 }
              ]}
            />
            {d.grids.length ? (
              <>
                <div className='section-head'>
                  <h4 className='section-title'>网格</h4>
                  <ExportButtons
                    id='export-campaign-grids'
                    fileName={`${d.campaign.title}-网格`}
                    header={['网格', '管家', '订单', '已送达']}
                    rows={() => d.grids.map((g) => [g.gridName, g.butlerName, g.orders, g.delivered])}
                  />
                </div>
                <Table
                  className='campaign-grids'
                  rowKey='gridId'
                  data={d.grids}
                  size='small'
                  columns={[
                    { colKey: 'gridName', title: '网格' },
                    { colKey: 'butlerName', title: '管家', width: 140 },
                    { colKey: 'orders', title: '订单', align: 'right', width: 100 },
                    { colKey: 'delivered', title: '已送达', align: 'right', width: 100 }
                  ]}
                />
              </>
            ) : null}
            {d.afterSales.length ? (
              <div>
                <div className='section-head'>
                  <h4 className='section-title'>售后申请</h4>
                  <ExportButtons
                    id='export-campaign-after-sales'
                    fileName={`${d.campaign.title}-售后`}
                    header={['订单码', '房屋', '类型', '原因', '金额', '审核', '申请时间']}
                    rows={() => d.afterSales.map((o) => [o.code, o.householdLabel, o.afterSale ? AFTER_SALE_TYPE_LABELS[o.afterSale.type] : '', o.afterSale?.reason ?? '', formatFen(o.amountFen), o.afterSale ? AFTER_SALE_STATUS_LABELS[o.afterSale.status] : '', o.afterSale ? formatDateTime(o.afterSale.requestedAt) : ''])}
                  />
                </div>
                <Table
                  className='campaign-after-sales'
                  rowKey='id'
                  data={d.afterSales}
                  size='small'
                  columns={[
                    { colKey: 'householdLabel', title: '房屋', width: 140 },
                    { colKey: 'type', title: '类型', width: 100, cell: ({ row }) => (row.afterSale ? AFTER_SALE_TYPE_LABELS[row.afterSale.type] : '') },
                    { colKey: 'reason', title: '原因', ellipsis: true, cell: ({ row }) => row.afterSale?.reason ?? '' },
                    { colKey: 'amountFen', title: '金额', align: 'right', width: 110, cell: ({ row }) => formatFen(row.amountFen) },
                    {
                      colKey: 'op',
                      title: '审核',
                      width: 150,
                      cell: ({ row }) =>
                        row.afterSale?.status === 'requested' ? (
                          <Space size={4}>
                            <Button size='small' theme='primary' loading={reviewing === row.id} onClick={() => void review(row, true)}>
                              同意退款
                            </Button>
                            <Button size='small' variant='outline' disabled={reviewing === row.id} onClick={() => void review(row, false)}>
                              拒绝
                            </Button>
                          </Space>
                        ) : (
                          <span className='muted'>{row.afterSale ? AFTER_SALE_STATUS_LABELS[row.afterSale.status] : ''}</span>
                        )
                    }
                  ]}
                />
              </div>
            ) : null}
            <div className='section-head'>
              <h4 className='section-title'>订单 {d.orders.length} 笔</h4>
              <ExportButtons
                id='export-campaign-orders'
                fileName={`${d.campaign.title}-订单`}
                header={['订单码', '房屋', '规格', '数量', '实付', '状态', '下单时间', '付款时间', '邀请管家', '送货人']}
                rows={() => d.orders.map(orderRow)}
              />
            </div>
            <Table
              className='campaign-orders'
              rowKey='id'
              data={d.orders}
              size='small'
              maxHeight={420}
              empty='还没有订单'
              columns={[
                { colKey: 'code', title: '订单码', width: 110 },
                { colKey: 'householdLabel', title: '房屋', width: 130 },
                { colKey: 'skuName', title: '规格', ellipsis: true },
                { colKey: 'quantity', title: '数量', align: 'right', width: 70 },
                { colKey: 'amountFen', title: '实付', align: 'right', width: 100, cell: ({ row }) => formatFen(row.amountFen) },
                { colKey: 'status', title: '状态', width: 100, cell: ({ row }) => ORDER_STATUS_LABELS[row.status] },
                { colKey: 'createdAt', title: '下单时间', width: 150, cell: ({ row }) => formatDateTime(row.createdAt) },
                { colKey: 'inviterName', title: '邀请管家', width: 100, cell: ({ row }) => row.inviterName ?? '—' }
              ]}
            />
          </div>
        )}
      </PageShell>
    </Drawer>
  )
}
