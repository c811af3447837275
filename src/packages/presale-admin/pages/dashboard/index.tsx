import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AFTER_SALE_TYPE_LABELS, formatOrderCode } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Dashboard, type Order, dashboard, reviewAfterSale } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { CampaignBadge, Countdown, OrderBadge, ThresholdProgress, deliveryText, useNow } from '../../../presale/ui'
import '../../../presale/presale.scss'

function Stat({ value, label, id }: { value: string | number; label: string; id?: string }) {
  return (
    <View className='stat'>
      <Text className='stat-value' id={id}>
        {value}
      </Text>
      <Text className='stat-label'>{label}</Text>
    </View>
  )
}

/** The operator's view of one campaign: sold, paid, refunded, threshold progress, grids, after-sales. */
export default function DashboardPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [d, setD] = useState<Dashboard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const now = useNow()
  const load = async () => {
    const r = await dashboard(id)
    if (r.ok) setD(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const review = async (o: Order, approve: boolean) => {
    const res = await Taro.showModal({ title: approve ? '同意售后' : '拒绝售后', content: approve ? `同意后 ${formatFen(o.amountFen, { trimZeros: true })} 将原路退回给住户。` : '拒绝后住户会看到处理结果。' })
    if (!res.confirm) return
    const r = await reviewAfterSale({ orderId: o.id, approve, note: approve ? '同意，已原路退款' : '经核实不符合售后条件' })
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已处理', icon: 'success' })
    void load()
  }

  if (!d) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  const c = d.campaign
  return (
    <View className='page' id='presale-dashboard'>
      <View className='card'>
        <View className='row'>
          <CampaignBadge status={c.status} />
          <Countdown c={c} now={now} />
        </View>
        <Text className='ps-dash__title'>
          {c.title}
        </Text>
        <Text className='muted'>{deliveryText(c.delivery)}</Text>
        <ThresholdProgress c={c} id='dash-progress' />
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          销售
        </Text>
        <View className='ps-stats'>
          <Stat value={d.soldQuantity} label={`已售（${c.unit}）`} id='dash-sold' />
          <Stat value={d.paidQuantity} label={`已付（${c.unit}）`} id='dash-paid' />
          <Stat value={d.counts.pendingPayment} label='待支付' />
          <Stat value={formatFen(d.paidFen, { trimZeros: true })} label='收款' id='dash-paid-fen' />
          <Stat value={formatFen(d.refundedFen, { trimZeros: true })} label='已退款' id='dash-refunded-fen' />
          <Stat value={d.refundedOrders} label='退款单' />
          <Stat value={d.counts.confirmed} label='待配送' />
          <Stat value={d.counts.delivered} label='已交付' />
          <Stat value={d.counts.cancelled + d.counts.expired} label='取消/超时' />
        </View>
        {d.stuckRefunds > 0 ? (
          <View className='ps-notice' style={{ margin: 0 }}>
            <Text>有 {d.stuckRefunds} 笔退款失败，系统正在重试；多次失败请在「退款」中人工处理。</Text>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          规格库存
        </Text>
        {d.skus.map((s) => (
          <View key={s.id} className='ps-table-row'>
            <Text className='ps-table-row__main'>{s.name}</Text>
            <Text className='ps-table-row__num'>剩 {s.remaining}/{s.stock}</Text>
            <Text className='ps-table-row__num'>已付 {s.paidQuantity}</Text>
          </View>
        ))}
      </View>

      {d.grids.length ? (
        <View className='card'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            配送进度
          </Text>
          {d.grids.map((g) => (
            <View key={g.gridId} className='ps-table-row'>
              <Text className='ps-table-row__main'>
                {g.gridName}
                {g.butlerName ? ` · ${g.butlerName}` : ''}
              </Text>
              <Text className='ps-table-row__num'>
                {g.delivered}/{g.orders} 单
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      {d.afterSales.length ? (
        <View className='card' id='dash-after-sales'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            待审核售后
          </Text>
          {d.afterSales.map((o) => (
            <View key={o.id} className='list-item' style={{ display: 'block' }} id={`after-${o.id}`}>
              <View className='row'>
                <Text>
                  {o.householdLabel} · {o.afterSale ? AFTER_SALE_TYPE_LABELS[o.afterSale.type] : ''}
                </Text>
                <Price fen={o.amountFen} size='s' />
              </View>
              <Text className='muted'>{o.afterSale?.reason}</Text>
              <View className='ps-actions'>
                <Button size='small' fill='outline' id={`reject-${o.id}`} onClick={() => void review(o, false)}>
                  拒绝
                </Button>
                <Button size='small' type='primary' id={`approve-${o.id}`} onClick={() => void review(o, true)}>
                  同意并退款
                </Button>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          最近订单
        </Text>
        {d.orders.length === 0 ? <Text className='muted'>还没有订单</Text> : null}
        {d.orders.map((o) => (
          <View key={o.id} className='ps-table-row'>
            <View className='ps-table-row__main'>
              <Text style={{ display: 'block' }}>
                {o.householdLabel} · {o.skuName} ×{o.quantity}
              </Text>
              <Text className='muted'>
                {formatDateTime(o.createdAt)} · {formatOrderCode(o.code)}
              </Text>
            </View>
            <OrderBadge status={o.status} />
          </View>
        ))}
      </View>
    </View>
  )
}
