import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type CheckoutOptions, type PickedCoupon, type Purchase, checkoutOptions, pickCoupon } from '../../../../services/member'
import { type CampaignDetail, type Order, PRESALE_PKG, createOrder, getCampaign, newRequestId, payOrder } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ProductArt, deliveryText } from '../../ui'
import '../../presale.scss'

/**
 * Order confirmation. The server prices the order (campaign price, then the member level
 * discount, a coupon and points) and holds the stock; the figures here are the membership
 * preview of the same arithmetic. One request id per order attempt: a retried tap after a
 * network error returns the same order, a new attempt after a refusal gets a new id.
 */
export default function ConfirmPage() {
  const { params } = useRouter()
  const campaignId = params.id ?? ''
  const me = currentMe()
  const householdId = me?.current?.householdId ?? ''
  const household = me?.households.find((h) => h.householdId === householdId)
  const [data, setData] = useState<CampaignDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [skuId, setSkuId] = useState(params.skuId ?? '')
  const [quantity, setQuantity] = useState(1)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<Order | null>(null)
  const [coupon, setCoupon] = useState<PickedCoupon | null>(null)
  const [usePoints, setUsePoints] = useState(false)
  const [options, setOptions] = useState<CheckoutOptions | null>(null)
  /** Which choices `options` was priced for: the total shows only for the current ones. */
  const [quotedFor, setQuotedFor] = useState('')
  const requestId = useRef(newRequestId())

  const load = async () => {
    const r = await getCampaign(campaignId, householdId ? { householdId } : {})
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const campaign = data?.campaign
  const chosen = campaign?.skus.find((s) => s.id === skuId) ?? campaign?.skus[0]
  const limit = Math.max(0, Math.min(data?.mine?.remainingLimit ?? 0, chosen?.remaining ?? 0))
  const count = Math.min(Math.max(1, quantity), Math.max(1, limit))
  // What is being bought, by id: the server prices the preview exactly as the order's create will.
  const purchase: Purchase | null = campaign && chosen ? { kind: 'presale', campaignId: campaign.id, skuId: chosen.id, quantity: count } : null
  const purchaseKey = JSON.stringify(purchase)
  const choiceKey = `${purchaseKey}|${coupon?.couponId ?? ''}|${String(usePoints)}`
  // The membership preview follows the line, the coupon and the points switch.
  useEffect(() => {
    if (!purchase || created) return
    let live = true
    void checkoutOptions({ purchase, couponId: coupon?.couponId ?? null, usePoints }).then((r) => {
      if (!live) return
      if (r.ok) {
        setOptions(r.data)
        setQuotedFor(choiceKey)
        return
      }
      toastError(r.error)
      if (coupon) setCoupon(null)
      else setQuotedFor('')
    })
    return () => {
      live = false
    }
  }, [purchaseKey, coupon?.couponId, usePoints, created])

  const chooseCoupon = async () => {
    if (!purchase || created) return
    const picked = await pickCoupon({ purchase, couponId: coupon?.couponId ?? null })
    if (picked) setCoupon(picked.couponId ? picked : null)
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const c = data.campaign
  const sku = c.skus.find((s) => s.id === skuId) ?? c.skus[0]
  const max = Math.max(0, Math.min(data.mine?.remainingLimit ?? 0, sku?.remaining ?? 0))
  const qty = Math.min(Math.max(1, quantity), Math.max(1, max))
  const quote = options?.quote
  // Only the server's price for the current choices is shown; never one worked out here.
  const total = quotedFor === choiceKey ? (quote?.payableFen ?? null) : null
  const usable = options?.coupons.filter((x) => x.usable).length ?? 0

  const pay = async (order: Order) => {
    const p = await payOrder(order.id)
    setBusy(false)
    if (!p.ok) {
      toastError(p.error)
      void Taro.redirectTo({ url: `${PRESALE_PKG}/order/index?id=${order.id}` })
    }
  }

  const submit = async () => {
    if (!sku) return
    setBusy(true)
    if (created) return pay(created)
    const r = await createOrder({ campaignId, skuId: sku.id, quantity: qty, householdId, note, couponId: coupon?.couponId ?? null, usePoints, clientRequestId: requestId.current })
    if (!r.ok) {
      setBusy(false)
      // A refusal is final for this attempt; only a lost answer is retried with the same id.
      if (r.error.code !== 'TRANSPORT.FAILED') requestId.current = newRequestId()
      setError(r.error)
      toastError(r.error)
      void load()
      return
    }
    setCreated(r.data)
    setError(null)
    await pay(r.data)
  }

  return (
    <View className='page ps-page--bar' id='presale-confirm'>
      {created ? (
        <View className='ps-notice' id='confirm-created'>
          <Text>订单已提交，请在 {formatDateTime(created.payBefore)} 前完成支付，超时将自动取消并释放库存。</Text>
        </View>
      ) : null}
      <View className='card'>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>收货房屋</Text>
          <Text className='ps-kv__v' id='confirm-household'>
            {household ? `${household.communityName} ${household.label}` : '请先选择房屋'}
          </Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>配送方式</Text>
          <Text className='ps-kv__v'>{deliveryText(c.delivery)}</Text>
        </View>
      </View>
      <View className='card'>
        <View className='ps-card'>
          <ProductArt name={c.productName} images={c.images} size={140} />
          <View className='ps-card__body'>
            <Text className='ps-card__title'>{c.title}</Text>
            <Text className='ps-card__meta'>每户限购 {c.householdLimit} {c.unit} · 本户还可购 {data.mine?.remainingLimit ?? 0} {c.unit}</Text>
          </View>
        </View>
        <View className='ps-skus' style={{ marginTop: '24px' }}>
          {c.skus.map((s) => (
            <View
              key={s.id}
              id={`confirm-sku-${s.id}`}
              className={`ps-sku ${s.id === sku?.id ? 'ps-sku--on' : ''} ${s.remaining === 0 ? 'ps-sku--off' : ''}`}
              onClick={() => !created && setSkuId(s.id)}
            >
              <View>
                <Text className='ps-sku__name'>{s.name}</Text>
                <Text className='ps-sku__left'>{s.remaining > 0 ? `剩余 ${s.remaining}` : '已售罄'}</Text>
              </View>
              <Price fen={s.priceFen} />
            </View>
          ))}
        </View>
        <View className='row' style={{ marginTop: '32px' }}>
          <Text>数量</Text>
          <View className='ps-stepper'>
            <Text id='qty-minus' className={`ps-stepper__btn ${qty <= 1 || created ? 'ps-stepper__btn--off' : ''}`} onClick={() => !created && setQuantity(Math.max(1, qty - 1))}>
              −
            </Text>
            <Text className='ps-stepper__value' id='qty-value'>
              {qty}
            </Text>
            <Text id='qty-plus' className={`ps-stepper__btn ${qty >= max || created ? 'ps-stepper__btn--off' : ''}`} onClick={() => !created && setQuantity(Math.min(max, qty + 1))}>
              ＋
            </Text>
          </View>
        </View>
      </View>
      <View className='card'>
        <Text className='ps-label'>备注（选填）</Text>
        <View className='ps-input'>
          <Input id='confirm-note' value={note} maxLength={60} placeholder='如：放门口，不用敲门' onChange={(v: string) => setNote(v)} />
        </View>
        <View className='ps-kv' style={{ marginTop: '16px' }}>
          <Text className='ps-kv__k'>商品金额</Text>
          <Price fen={(sku?.priceFen ?? 0) * qty} size='s' />
        </View>
        {quote && quote.levelDiscountFen > 0 ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>{quote.levelName}折扣</Text>
            <Text className='ps-kv__v ps-minus'>{formatFen(quote.levelDiscountFen, { minus: true })}</Text>
          </View>
        ) : null}
        <View className='ps-kv' id='confirm-coupon' onClick={() => void chooseCoupon()}>
          <Text className='ps-kv__k'>优惠券</Text>
          <Text className={`ps-kv__v ${coupon ? 'ps-minus' : 'muted'}`}>
            {coupon ? `${coupon.title} ${formatFen(quote?.couponDiscountFen ?? coupon.discountFen, { minus: true })}` : usable > 0 ? `${usable} 张可用 ›` : '暂无可用 ›'}
          </Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>积分抵扣</Text>
          <View className='row' style={{ gap: '16px' }}>
            <Text className='muted'>
              {usePoints && quote ? `用 ${quote.pointsUsed} 积分 ${formatFen(quote.pointsDiscountFen, { minus: true })}` : `可用 ${options?.points.maxUsable ?? 0} 积分`}
            </Text>
            <Text
              id='confirm-points'
              className={`ps-choice ${usePoints ? 'ps-choice--on' : ''}`}
              onClick={() => !created && (options?.points.maxUsable ?? 0) > 0 && setUsePoints(!usePoints)}
            >
              {usePoints ? '已使用' : '使用'}
            </Text>
          </View>
        </View>
      </View>
      {error ? (
        <Text className='field-error' id='confirm-error'>
          {error.message}
        </Text>
      ) : null}
      <View className='ps-bar'>
        <View className='ps-bar__total'>
          <Text>合计 </Text>
          {created ? <Price fen={created.amountFen} /> : total !== null ? <Price fen={total} /> : <Text className='ps-bar__pending'>计算中…</Text>}
          {!created && quote && quote.payableFen < quote.subtotalFen ? <Text className='muted'> 已优惠 {formatFen(quote.subtotalFen - quote.payableFen)}</Text> : null}
        </View>
        <Button id='confirm-submit' className='ps-bar__btn' type='primary' loading={busy} disabled={!created && (max === 0 || !householdId)} onClick={() => void submit()}>
          {created ? '继续支付' : '提交订单并支付'}
        </Button>
      </View>
    </View>
  )
}
