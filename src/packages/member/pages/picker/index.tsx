import { Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type CheckoutOptions, type PickRequest, type PickedCoupon, answerPick, checkoutOptions, pendingPick } from '../../../../services/member'
import { Button } from '../../../../ui/nut'
import { formatFen } from '../../../../utils/money'
import { CouponTicket } from '../../components/CouponTicket'
import '../../member.scss'

/**
 * 选择优惠券: opened by a checkout through `pickCoupon` (services/member.ts), which passes what is
 * being bought in storage and gets the choice back on the event center. Opened directly, it reads
 * a pre-sale line from the URL (`?campaignId=pc-a-veg&skuId=s1&quantity=1`), for previews and
 * tests. Only ids travel: the server prices the purchase.
 */
function requestFrom(params: Record<string, string | undefined>): PickRequest | null {
  const quantity = Number(params.quantity ?? '1')
  if (!params.campaignId || !params.skuId || !Number.isInteger(quantity) || quantity <= 0) return null
  return {
    purchase: { kind: 'presale', campaignId: params.campaignId, skuId: params.skuId, quantity },
    couponId: params.couponId ?? null
  }
}

export default function CouponPickerPage() {
  const { params } = useRouter()
  const [req, setReq] = useState<PickRequest | null>(null)
  const [data, setData] = useState<CheckoutOptions | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const answered = useRef(false)

  useLoad(() => {
    const r = requestFrom(params) ?? pendingPick()
    setReq(r)
    if (!r) return
    setChosen(r.couponId ?? null)
    void checkoutOptions({ purchase: r.purchase }).then((res) => (res.ok ? setData(res.data) : setError(res.error)))
  })
  // Leaving without choosing tells the opener to keep what it had.
  useUnload(() => {
    if (!answered.current) answerPick(null)
  })

  const finish = () => {
    const row = data?.coupons.find((c) => c.coupon.id === chosen && c.usable)
    const picked: PickedCoupon = row
      ? { couponId: row.coupon.id, discountFen: row.discountFen, title: row.coupon.title, label: row.coupon.label }
      : { couponId: null, discountFen: 0, title: '', label: '' }
    answered.current = true
    answerPick(picked)
    void Taro.navigateBack().catch(() => undefined)
  }

  if (!req) return <StateView empty='没有需要结算的订单' />
  if (!data) return <StateView loading={!error} error={error} />
  const usable = data.coupons.filter((c) => c.usable)
  const unusable = data.coupons.filter((c) => !c.usable)
  const current = usable.find((c) => c.coupon.id === chosen)
  return (
    <View className='page mb-with-footer' id='picker-page'>
      <View className='card'>
        <View className='row'>
          <Text className='muted'>订单金额</Text>
          <Price fen={data.quote.subtotalFen} size='m' />
        </View>
        {data.quote.levelDiscountFen > 0 ? (
          <View className='row' style={{ marginTop: '8px' }}>
            <Text className='muted'>{data.quote.levelName}折扣</Text>
            <Price fen={-data.quote.levelDiscountFen} size='s' />
          </View>
        ) : null}
      </View>
      <View
        className={`card row ${chosen === null ? 'mb-ticket--on' : ''}`}
        id='picker-none'
        onClick={() => setChosen(null)}
      >
        <Text>不使用优惠券</Text>
        <View className={`mb-radio ${chosen === null ? 'mb-radio--on' : ''}`}>{chosen === null ? <Text>✓</Text> : null}</View>
      </View>
      <Text className='section-title'>可用优惠券（{usable.length}）</Text>
      {usable.length === 0 ? <StateView empty='这笔订单暂无可用的优惠券' /> : null}
      {usable.map((row) => (
        <CouponTicket
          key={row.coupon.id}
          id={`pick-${row.coupon.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
          coupon={row.coupon}
          selected={chosen === row.coupon.id}
          onClick={() => setChosen(row.coupon.id)}
          side={
            <View style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
              <Text className='link'>{formatFen(row.discountFen, { minus: true })}</Text>
              <View className={`mb-radio ${chosen === row.coupon.id ? 'mb-radio--on' : ''}`} style={{ marginTop: '12px' }}>
                {chosen === row.coupon.id ? <Text>✓</Text> : null}
              </View>
            </View>
          }
        />
      ))}
      {unusable.length > 0 ? <Text className='section-title'>不可用（{unusable.length}）</Text> : null}
      {unusable.map((row) => (
        <CouponTicket key={row.coupon.id} coupon={row.coupon} off reason={row.reason} />
      ))}
      <View className='mb-footer'>
        <Text className='mb-footer__text' id='picker-summary'>
          {current ? `已选 1 张，优惠 ${formatFen(current.discountFen)}` : '未使用优惠券'}
        </Text>
        <Button id='picker-confirm' type='primary' onClick={finish}>
          确定
        </Button>
      </View>
    </View>
  )
}
