import type { PayMode } from '../../contracts/booking'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { type Buyer, type DiscountAsk, LOCK_MARGIN_MS, type Priced, holdDiscount, priceItems, pricedOf, releaseHeld, settleHeld } from '../member/checkout'
import type { CheckoutItem } from '../member/docs'
import { lineIn } from './catalog'
import type { BookingDoc, ServiceLineDoc } from './docs'

/**
 * Membership at the booking checkout, through the member feature's checkout API exactly as a
 * pre-sale order goes (member/checkout.ts): the level discount on every booking paid with money at
 * a price known when booking (online upfront or after the service), a coupon and points when paid
 * online upfront. Coupon and points are held for the booking (keyed by its id) while it waits for
 * the payment, used when it is paid, and come back when it is cancelled, expires or is refunded in
 * full. Paying after the service takes no coupon or points: nothing would hold them until then.
 */

/** The one item a booking is priced on: the line's price, in its category and as its service (what coupon scopes see). */
export function bookingItems(b: { lineId: string; category: string }, amountFen: number): CheckoutItem[] {
  return [{ amountFen, category: b.category, serviceId: b.lineId }]
}

const hasPrice = (line: Pick<ServiceLineDoc, 'priceFen'>): line is { priceFen: number } => line.priceFen !== null && line.priceFen > 0

/**
 * The checkout preview of a booking (`member.checkoutOptions`): the line must be bookable here and
 * priced, and is priced on the same item the create uses. Reads only.
 */
export async function bookingPreviewItems(ports: Ports, communityId: string, lineId: string, prefix: string): Promise<Result<CheckoutItem[]>> {
  const line = await lineIn(ports, communityId, lineId)
  if (!line) return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在或已下架', [{ path: `${prefix}.lineId`, message: '服务项目不存在' }])
  if (!hasPrice(line)) {
    return fail('BOOKING.DISCOUNT_NOT_APPLICABLE', line.priceFen === null ? '上门报价的服务按师傅报价付款，不能预先用券' : '该服务免费，无需用券')
  }
  return ok(bookingItems({ lineId: line._id, category: line.category }, line.priceFen))
}

/**
 * Prices a new booking (reads only): null when it is not paid with money at a known price (a
 * service card, free under the property fee, quoted on site). A coupon or points asked for a
 * booking that is not paid online upfront are refused, naming the field.
 */
export async function priceBooking(ports: Ports, buyer: Buyer, line: ServiceLineDoc, payMode: PayMode, ask: DiscountAsk): Promise<Result<Priced | null>> {
  if ((ask.couponId !== null || ask.usePoints) && payMode !== 'upfront') {
    const path = ask.couponId !== null ? 'couponId' : 'usePoints'
    return fail('BOOKING.DISCOUNT_NOT_APPLICABLE', '优惠券和积分仅限在线预付时使用', [{ path, message: '请选择在线预付' }])
  }
  if ((payMode !== 'upfront' && payMode !== 'after') || !hasPrice(line)) return ok(null)
  const q = await priceItems(ports, buyer, bookingItems({ lineId: line._id, category: line.category }, line.priceFen), ask)
  return q.ok ? ok(pricedOf(q.value)) : q
}

/**
 * Locks the coupon and spends the points a held booking was priced with (idempotent per booking),
 * then records what was held; a booking left with nothing to pay is paid as placed. A refusal
 * (the coupon was taken meanwhile, the points spent elsewhere) is returned for the create to
 * withdraw the booking.
 */
export async function holdBookingDiscount(ports: Ports, b: BookingDoc): Promise<Result<BookingDoc>> {
  const p = b.pricing
  if (!p || b.discountHeld !== false) return ok(b)
  const held = await holdDiscount(ports, { userId: b.userId, communityId: b.communityId }, {
    items: bookingItems(b, p.subtotalFen),
    couponId: p.couponId,
    points: p.pointsUsed,
    orderRef: b._id,
    holdUntil: (b.holdUntil ?? ports.clock.now()) + LOCK_MARGIN_MS,
    title: `预约 · ${b.lineName}`.slice(0, 30)
  })
  if (!held.ok) return p.couponId && held.code.startsWith('MEMBER.COUPON') ? fail(held.code, held.message, [{ path: 'couponId', message: held.message }]) : held
  const priced = pricedOf(held.value)
  const now = ports.clock.now()
  // Nothing left to pay (a coupon covered it all): confirmed and paid as placed, like a pre-sale order.
  const free = priced.payableFen === 0
  const set = {
    pricing: priced,
    priceFen: priced.payableFen,
    discountHeld: true,
    updatedAt: now,
    ...(free ? { status: 'confirmed' as const, payState: 'paid' as const, paidAt: now, holdUntil: null } : {})
  }
  const done = await ports.store.update('bookings', b._id, { set }, { status: 'held', discountHeld: false })
  const fresh = await ports.store.get('bookings', b._id)
  if (done) {
    if (free) await settleHeld(ports, b._id, priced)
    return ok(fresh ?? { ...b, ...set })
  }
  if (fresh?.discountHeld === true) return ok(fresh)
  // Cancelled or expired while the discount was being held: what was just held goes back.
  await releaseHeld(ports, b._id, priced, fresh?.status === 'expired' ? 'expired' : 'cancelled')
  return fail('BOOKING.BAD_STATE', '预约已取消或已超时，请重新预约')
}

/**
 * A booking that leaves `held`/`confirmed` gives its discount back: unpaid, the coupon and points
 * return at once; paid with money, they return when the refund succeeds (booking-payable
 * `onRefunded`); paid in full by a coupon, there is no money to refund, so they return now.
 */
export async function releaseBookingDiscount(ports: Ports, b: BookingDoc): Promise<void> {
  const p = b.pricing
  if (!p) return
  if (b.payState === 'paid' && b.paymentId) return
  if (b.payState === 'paid') {
    await releaseHeld(ports, b._id, p, 'refunded')
    await ports.store.update('bookings', b._id, { set: { payState: 'refunded', updatedAt: ports.clock.now() } }, { payState: 'paid' })
    return
  }
  await releaseHeld(ports, b._id, p, b.status === 'expired' ? 'expired' : 'cancelled')
}
