import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPES, AFTER_SALE_TYPE_LABELS, type AfterSaleType, REFUND_REASON_LABELS, formatOrderCode } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { QrImage } from '../../../../components/QrImage'
import { StateView } from '../../../../components/StateView'
import { type Order, PRESALE_PKG, cancelOrder, confirmReceived, getOrder, payOrder, requestAfterSale } from '../../../../services/order'
import { fieldError, toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { OrderBadge, ProductArt, remainingText, useNow } from '../../ui'
import '../../presale.scss'

function explain(o: Order, now: number): { text: string; tone: '' | 'ok' | 'info' } {
  const place = o.delivery.mode === 'pickup' ? `到「${o.delivery.pickupPoint?.name ?? '自提点'}」自提` : '管家送货上门'
  switch (o.status) {
    case 'pending_payment':
      return { text: `请在 ${remainingText(o.payBefore - now)} 内完成支付，超时订单自动取消`, tone: '' }
    case 'paid':
      return o.campaignStatus === 'live'
        ? { text: o.threshold === null ? `已付款，${formatDateTime(o.campaignEndAt)} 截止后安排配送` : `已付款，等待成团：截止前全社区付款满 ${o.threshold} ${o.unit}即成团，未成团自动退款`, tone: 'info' }
        : { text: '预售已截止，正在结算成团结果', tone: 'info' }
    case 'confirmed':
      return { text: `已成团！${o.delivery.mode === 'pickup' ? '请' : ''}${place}，凭下方订单码收货`, tone: 'ok' }
    case 'delivered':
      return { text: `已于 ${formatDateTime(o.deliveredAt ?? 0)} 完成交付${o.deliveredBy ? `（${o.deliveredBy}）` : ''}`, tone: 'ok' }
    case 'expired':
      return { text: '超时未支付，订单已取消，库存已释放', tone: 'info' }
    case 'cancelled':
      return { text: '订单已取消', tone: 'info' }
    case 'refunding':
      return { text: `${o.refundReason ? REFUND_REASON_LABELS[o.refundReason] : '退款'}处理中，款项将原路退回`, tone: 'info' }
    case 'refunded':
      return { text: `${o.refundReason ? REFUND_REASON_LABELS[o.refundReason] : '已退款'}：${formatFen(o.refundedFen)} 已原路退回`, tone: 'info' }
    default:
      return { text: '订单处理中', tone: 'info' }
  }
}

/** An order: its state explained, the code shown at delivery or pickup, and what can be done next. */
export default function OrderPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [o, setO] = useState<Order | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [afterType, setAfterType] = useState<AfterSaleType>('refund')
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<ApiError | null>(null)
  const now = useNow()

  const load = async () => {
    const r = await getOrder(id)
    if (r.ok) setO(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const act = async (run: () => Promise<{ ok: true; data: Order } | { ok: false; error: ApiError }>, done: string) => {
    setBusy(true)
    const r = await run()
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setO(r.data)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  const cancel = async () => {
    if (!o) return
    const sure = await Taro.showModal({ title: '取消订单', content: o.status === 'paid' ? '取消后货款将原路退回，确定取消吗？' : '确定取消这个订单吗？' })
    if (sure.confirm) await act(() => cancelOrder(o.id), '已取消')
  }

  const submitAfterSale = async () => {
    if (!o) return
    setBusy(true)
    const r = await requestAfterSale({ orderId: o.id, type: afterType, reason })
    setBusy(false)
    if (!r.ok) return setFormError(r.error)
    setFormError(null)
    setAsking(false)
    setO(r.data)
    void Taro.showToast({ title: '已提交', icon: 'success' })
  }

  if (!o) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const e = explain(o, now)
  const showCode = o.status === 'paid' || o.status === 'confirmed' || o.status === 'delivered'
  return (
    <View className='page' id='presale-order'>
      <View className='card'>
        <View className='row'>
          <Text className='section-title' style={{ margin: 0 }}>
            订单状态
          </Text>
          <OrderBadge status={o.status} id='order-status' />
        </View>
        <View className={`ps-notice ${e.tone ? `ps-notice--${e.tone}` : ''}`} style={{ margin: '16px 0 0' }} id='order-explain'>
          <Text>{e.text}</Text>
        </View>
      </View>

      {showCode ? (
        <View className='card ps-code-card' id='order-code-card'>
          <Text className='ps-label'>{o.delivery.mode === 'pickup' ? '自提时向工作人员出示订单码' : '收货时向管家出示订单码'}</Text>
          {o.status !== 'delivered' ? <QrImage text={o.code} size={320} id='order-qr' /> : null}
          <View className='ps-code-box'>
            <Text className='ps-code' id='order-code'>
              {formatOrderCode(o.code)}
            </Text>
          </View>
          <Text className='muted' style={{ display: 'block' }}>
            {o.status === 'paid' ? '成团后凭此码收货' : o.status === 'delivered' ? '已交付' : '管家扫码或输入此码确认送达'}
          </Text>
        </View>
      ) : null}

      <View className='card'>
        <View className='ps-card'>
          <ProductArt name={o.productName} images={[]} size={140} />
          <View className='ps-card__body'>
            <Text className='ps-card__title'>{o.campaignTitle}</Text>
            <Text className='ps-card__meta'>
              {o.skuName} × {o.quantity}
            </Text>
            <View style={{ marginTop: '8px' }}>
              <Price fen={o.unitPriceFen} size='s' />
              <Text className='muted'> /{o.unit}</Text>
            </View>
          </View>
        </View>
        <View className='ps-kv' style={{ marginTop: '16px' }}>
          <Text className='ps-kv__k'>商品金额</Text>
          <Price fen={o.subtotalFen} size='s' />
        </View>
        {o.discountFen > 0 ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>会员优惠</Text>
            <Text className='ps-kv__v ps-minus' id='order-discount'>
              {formatFen(o.discountFen, { minus: true })}
              {o.couponId ? ' · 含优惠券' : ''}
              {o.pointsUsed > 0 ? ` · ${o.pointsUsed} 积分` : ''}
            </Text>
          </View>
        ) : null}
        <View className='ps-kv'>
          <Text className='ps-kv__k'>实付</Text>
          <Price fen={o.amountFen} />
        </View>
        {o.refundedFen > 0 ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>已退款</Text>
            <Text className='ps-kv__v' id='order-refunded'>
              {formatFen(o.refundedFen)}
              {o.refundedAt ? ` · ${formatDateTime(o.refundedAt)}` : ''}
            </Text>
          </View>
        ) : null}
      </View>

      <View className='card'>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>房屋</Text>
          <Text className='ps-kv__v'>{o.householdLabel}</Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>配送</Text>
          <Text className='ps-kv__v'>
            {o.delivery.mode === 'pickup' ? `${formatDateTime(o.delivery.date).slice(0, 10)} 起 · ${o.delivery.pickupPoint?.name ?? ''} ${o.delivery.pickupPoint?.address ?? ''}` : `${formatDateTime(o.delivery.date).slice(0, 10)} 管家送货上门`}
          </Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>下单时间</Text>
          <Text className='ps-kv__v'>{formatDateTime(o.createdAt)}</Text>
        </View>
        {o.paidAt ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>支付时间</Text>
            <Text className='ps-kv__v'>{formatDateTime(o.paidAt)}</Text>
          </View>
        ) : null}
        {o.note ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>备注</Text>
            <Text className='ps-kv__v'>{o.note}</Text>
          </View>
        ) : null}
        {o.inviterName ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>推荐管家</Text>
            <Text className='ps-kv__v'>{o.inviterName}</Text>
          </View>
        ) : null}
      </View>

      {o.afterSale ? (
        <View className='card' id='order-after-sale'>
          <View className='row'>
            <Text className='section-title' style={{ margin: 0 }}>
              售后 · {AFTER_SALE_TYPE_LABELS[o.afterSale.type]}
            </Text>
            <Text className='ps-status ps-status--info'>{AFTER_SALE_STATUS_LABELS[o.afterSale.status]}</Text>
          </View>
          <Text className='ps-desc' style={{ marginTop: '16px' }}>
            原因：{o.afterSale.reason}
          </Text>
          {o.afterSale.note ? <Text className='ps-desc'>物业回复：{o.afterSale.note}</Text> : null}
        </View>
      ) : null}

      {asking ? (
        <View className='card' id='after-sale-form'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            申请售后
          </Text>
          <View className='ps-choices' style={{ marginBottom: '24px' }}>
            {AFTER_SALE_TYPES.map((t) => (
              <Text key={t} id={`after-type-${t}`} className={`ps-choice ${afterType === t ? 'ps-choice--on' : ''}`} onClick={() => setAfterType(t)}>
                {AFTER_SALE_TYPE_LABELS[t]}
              </Text>
            ))}
          </View>
          <View className='ps-input'>
            <TextArea id='after-reason' value={reason} maxLength={100} placeholder='请描述问题，物业审核后原路退款' onChange={(v: string) => setReason(v)} />
          </View>
          {fieldError(formError, 'reason') || formError ? <Text className='field-error'>{fieldError(formError, 'reason') ?? formError?.message}</Text> : null}
          <Button id='after-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void submitAfterSale()}>
            提交申请
          </Button>
        </View>
      ) : null}

      <View className='ps-buttons'>
        {o.actions.pay ? (
          <Button id='order-pay' className='btn-block' block type='primary' loading={busy} onClick={() => void payOrder(o.id).then((r) => !r.ok && toastError(r.error))}>
            去支付
          </Button>
        ) : null}
        {o.actions.confirmReceived ? (
          <Button id='order-confirm' className='btn-block' block type='primary' loading={busy} onClick={() => void act(() => confirmReceived(o.id), '已确认收货')}>
            确认收货
          </Button>
        ) : null}
        {o.actions.afterSale && !asking ? (
          <Button id='order-after-sale-open' className='btn-block' block fill='outline' type='primary' onClick={() => setAsking(true)}>
            申请售后
          </Button>
        ) : null}
        {o.actions.cancel ? (
          <Button id='order-cancel' className='btn-block' block fill='outline' loading={busy} onClick={() => void cancel()}>
            取消订单
          </Button>
        ) : null}
        <Button className='btn-block' block fill='none' onClick={() => void Taro.redirectTo({ url: `${PRESALE_PKG}/orders/index?householdId=${o.householdId}` })}>
          全部订单
        </Button>
      </View>
    </View>
  )
}
