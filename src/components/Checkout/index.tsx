import { Text } from '@tarojs/components'
import { formatFen } from '../../utils/money'
import { Button } from '../../ui/nut'
import { Cell, type KVRow } from '../../ui/kit'
import type { Checkout } from './use-checkout'
import './index.scss'

export { useCheckout, type Checkout, type CheckoutAsk, type CheckoutOptions } from './use-checkout'

/** The member level's discount as a money row, when the quote has one. */
export function levelDiscountRows(quote: Checkout['quote'], id?: string): KVRow[] {
  if (!quote || quote.levelDiscountFen <= 0) return []
  return [{ label: `${quote.levelName}折扣`, ...(id ? { id } : {}), value: <Text className='checkout-minus'>{formatFen(quote.levelDiscountFen, { minus: true })}</Text> }]
}

interface CheckoutDiscountsProps {
  checkout: Checkout
  /** Element ids are `${idPrefix}-coupon` and `${idPrefix}-points`. */
  idPrefix: string
  /** True once the order exists: the choice shown is final. */
  locked?: boolean
}

/** The coupon row (opens the picker) and the points switch of a checkout. */
export function CheckoutDiscounts({ checkout, idPrefix, locked = false }: CheckoutDiscountsProps) {
  const { quote, chosenCoupon, usable, pointsUsable, ask } = checkout
  return (
    <>
      <Cell
        id={`${idPrefix}-coupon`}
        icon='coupon'
        title='优惠券'
        extra={
          chosenCoupon ? (
            <Text className='checkout-minus'>
              {chosenCoupon.coupon.title} {formatFen(quote?.couponDiscountFen ?? chosenCoupon.discountFen, { minus: true })}
            </Text>
          ) : (
            <Text>{usable > 0 ? `${usable} 张可用` : '暂无可用'}</Text>
          )
        }
        onClick={locked ? undefined : () => void checkout.chooseCoupon()}
      />
      <Cell
        icon='points'
        title='积分抵扣'
        desc={ask.usePoints && quote ? `用 ${quote.pointsUsed} 积分，${formatFen(quote.pointsDiscountFen, { minus: true })}` : `可用 ${pointsUsable} 积分`}
        extra={
          <Button
            id={`${idPrefix}-points`}
            size='small'
            type='primary'
            fill={ask.usePoints ? 'solid' : 'outline'}
            disabled={locked || (!ask.usePoints && pointsUsable === 0)}
            onClick={checkout.togglePoints}
          >
            {ask.usePoints ? '已使用' : '使用'}
          </Button>
        }
      />
    </>
  )
}
