import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AFTER_SALE_TYPE_LABELS, formatOrderCode } from '@contracts/order'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Notice, Price, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { CampaignSummary } from '../../../presale/components/CampaignSummary'
import { OrderChip } from '../../../presale/components/StatusChip'
import { ThresholdProgress } from '../../../presale/components/ThresholdProgress'
import type { Order } from '../../../presale/types'
import { useNow } from '../../../presale/use-now'
import '../../../presale/presale.scss'

const yuan = (fen: number) => formatFen(fen, { trimZeros: true })

/** The operator's view of one campaign: sold, paid, refunded, threshold progress, grids, after-sales. */
export default function DashboardPage() {
  const { params } = useRouter()
  const campaignId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.order.dashboard({ campaignId }), [campaignId], { enabled: campaignId !== '' })
  const now = useNow()

  const review = async (o: Order, approve: boolean) => {
    const res = await Taro.showModal({
      title: approve ? '同意售后' : '拒绝售后',
      content: approve ? `同意后 ${yuan(o.amountFen)} 将原路退回给住户。` : '拒绝后住户会看到处理结果。'
    })
    if (!res.confirm) return
    const r = await api.order.reviewAfterSale({ orderId: o.id, approve, note: approve ? '同意，已原路退款' : '经核实不符合售后条件' })
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已处理', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell id='presale-dashboard' query={q}>
      {(d) => {
        const c = d.campaign
        return (
          <>
            <Section>
              <CampaignSummary c={c} now={now} />
              <ThresholdProgress c={c} id='dash-progress' />
            </Section>

            <Section title='销售'>
              <StatGrid
                columns={3}
                items={[
                  { label: `已售（${c.unit}）`, value: d.soldQuantity, id: 'dash-sold' },
                  { label: `已付（${c.unit}）`, value: d.paidQuantity, id: 'dash-paid', tone: 'primary' },
                  { label: '待支付', value: d.counts.pendingPayment },
                  { label: '收款', value: yuan(d.paidFen), id: 'dash-paid-fen', tone: 'primary' },
                  { label: '已退款', value: yuan(d.refundedFen), id: 'dash-refunded-fen', tone: d.refundedFen > 0 ? 'danger' : 'default' },
                  { label: '退款单', value: d.refundedOrders },
                  { label: '待配送', value: d.counts.confirmed },
                  { label: '已交付', value: d.counts.delivered },
                  { label: '取消或超时', value: d.counts.cancelled + d.counts.expired }
                ]}
              />
              {d.stuckRefunds > 0 ? <Notice tone='warning'>有 {d.stuckRefunds} 笔退款失败，系统正在重试；多次失败请在“退款”中人工处理。</Notice> : null}
            </Section>

            <CellGroup title='规格库存'>
              {d.skus.map((s) => (
                <Cell key={s.id} title={s.name} desc={`已付 ${s.paidQuantity} ${c.unit}`} extra={`剩 ${s.remaining}/${s.stock}`} />
              ))}
            </CellGroup>

            {d.grids.length ? (
              <CellGroup title='配送进度'>
                {d.grids.map((g) => (
                  <Cell key={g.gridId} icon='delivery' title={g.gridName} desc={g.butlerName ? `管家 ${g.butlerName}` : '未指派管家'} extra={`${g.delivered}/${g.orders} 单`} />
                ))}
              </CellGroup>
            ) : null}

            {d.afterSales.length ? (
              <Section title='待审核售后' id='dash-after-sales'>
                {d.afterSales.map((o) => (
                  <View key={o.id} id={`after-${o.id}`}>
                    <Cell
                      title={`${o.householdLabel} · ${o.afterSale ? AFTER_SALE_TYPE_LABELS[o.afterSale.type] : '售后'}`}
                      desc={o.afterSale?.reason}
                      extra={<Price fen={o.amountFen} size='s' />}
                    />
                    <ButtonRow>
                      <Button fill='outline' id={`reject-${o.id}`} onClick={() => void review(o, false)}>
                        拒绝
                      </Button>
                      <Button type='primary' id={`approve-${o.id}`} onClick={() => void review(o, true)}>
                        同意并退款
                      </Button>
                    </ButtonRow>
                  </View>
                ))}
              </Section>
            ) : null}

            <CellGroup title='最近订单'>
              {d.orders.length === 0 ? <Cell title='还没有订单' desc='住户下单后会出现在这里' /> : null}
              {d.orders.map((o) => (
                <Cell
                  key={o.id}
                  title={`${o.householdLabel} · ${o.skuName} ×${o.quantity}`}
                  desc={`${formatDateTime(o.createdAt)} · ${formatOrderCode(o.code)}`}
                  extra={<OrderChip status={o.status} />}
                />
              ))}
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
