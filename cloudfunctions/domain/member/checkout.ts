import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { PAYMENT_WINDOW_MS } from '../payment/ids'
import { type ConsumeOutcome, type ReleaseReason, consumeCoupon, evaluateCoupon, lockCoupon, releaseCoupon } from './coupons'
import type { CheckoutItem, CouponDoc, MemberAccountDoc } from './docs'
import { accountId, outstandingSpend, returnPoints, spendPoints } from './points'
import { pointsFor, pointsValueFen, rulesOf, standingOf } from './rules'

/**
 * Membership at checkout: the API pre-sale orders (order/discounts.ts) and home-service bookings
 * (booking/pricing.ts) call in process, through the same steps. Property bills never come here:
 * fees are set by contract and regulation, so they earn points but take no level discount,
 * coupon or points.
 *
 * How an order (or a booking: `orderRef` is its id) uses it:
 *
 * 1. Preview: the order page opens the coupon picker (`/packages/member/pages/picker/index`,
 *    see src/services/member.ts `pickCoupon`), or calls `member.checkoutOptions` itself. Both
 *    send what is being bought by id (`PurchaseSchema`); the server turns it into items with
 *    the code the create prices with (a pre-sale line: order/line.ts `presaleItems`; a booking:
 *    booking/pricing.ts `bookingPreviewItems`), and the create prices them with `priceItems`.
 * 2. Create the order (its stock reserved), then `holdDiscount(ports, buyer, { orderRef,
 *    holdUntil, items, couponId, points })`: the coupon is locked for the order and the points
 *    are spent (source `checkout:<orderRef>`). Store `quote.couponId` and `quote.discountFen` on
 *    the order and create the payment for `quote.payableFen`. Retrying with the same `orderRef`
 *    returns the same hold. A failure holds nothing.
 * 3. Paid (the order payable's `onPaid`): `settleDiscount(ports, orderRef)` uses the coupon.
 * 4. Cancelled or expired unpaid: `releaseDiscount(ports, orderRef, 'cancelled' | 'expired')`:
 *    the coupon is available again and the points come back. A lock the order never settles or
 *    releases is released by the member sweep after `holdUntil`.
 * 5. Refunded in full: `releaseDiscount(ports, orderRef, 'refunded')` returns the coupon (if still
 *    valid) and the points spent. Points EARNED on the order are reversed by the payment listener
 *    (payment-listener.ts) when the refund succeeds; the order does nothing for that.
 *
 * Order of discounts: the level discount on every line, then the coupon on the lines in its
 * scope (its threshold read after the level discount), then points, at most `maxRedeemPercent`
 * of what is left. The payable may reach 0 only through a coupon; such an order needs no payment.
 */
export interface Buyer {
  userId: string
  communityId: string
}

export interface DiscountRequest {
  items: readonly CheckoutItem[]
  couponId?: string | null
  /** `'max'`: as many points as the cap and the balance allow; a number: exactly that many; 0: none. */
  points?: number | 'max'
}

export interface Quote {
  subtotalFen: number
  level: { key: string; name: string }
  levelDiscountFen: number
  couponId: string | null
  couponDiscountFen: number
  pointsUsed: number
  pointsDiscountFen: number
  /** Everything taken off: level + coupon + points. */
  discountFen: number
  payableFen: number
  freeDelivery: boolean
  priorityBooking: boolean
  /** The most points this order could use, and what they are worth. */
  maxPoints: number
  maxPointsFen: number
  balance: number
}

export const checkoutSource = (orderRef: string) => `checkout:${orderRef}`

/** A coupon lock outlives any payment the purchase may still take (its window, a payment opened in it). */
export const LOCK_MARGIN_MS = PAYMENT_WINDOW_MS + 10 * 60_000

/** What a purchase keeps of its quote: the breakdown it shows, and what it holds (coupon, points). */
export interface Priced {
  subtotalFen: number
  levelName: string
  levelDiscountFen: number
  couponId: string | null
  couponDiscountFen: number
  pointsUsed: number
  pointsDiscountFen: number
  discountFen: number
  payableFen: number
}

export function pricedOf(q: Quote): Priced {
  return {
    subtotalFen: q.subtotalFen,
    levelName: q.level.name,
    levelDiscountFen: q.levelDiscountFen,
    couponId: q.couponId,
    couponDiscountFen: q.couponDiscountFen,
    pointsUsed: q.pointsUsed,
    pointsDiscountFen: q.pointsDiscountFen,
    discountFen: q.discountFen,
    payableFen: q.payableFen
  }
}

/** What the resident asked for at a create: a coupon by id, and whether to use points. */
export interface DiscountAsk {
  couponId: string | null
  usePoints: boolean
}

/**
 * Prices a create's items (reads only). A coupon that is not the buyer's or not usable is refused
 * here, naming the `couponId` field, before the create writes anything.
 */
export async function priceItems(ports: Ports, buyer: Buyer, items: readonly CheckoutItem[], ask: DiscountAsk): Promise<Result<Quote>> {
  const q = await quoteDiscount(ports, buyer, { items, couponId: ask.couponId, points: ask.usePoints ? 'max' : 0 })
  if (!q.ok && ask.couponId && q.code.startsWith('MEMBER.COUPON')) return fail(q.code, q.message, [{ path: 'couponId', message: q.message }])
  return q
}

/** Whether a purchase holds anything of the member's: a locked coupon or spent points. */
export const holdsDiscount = (p: { couponId: string | null; pointsUsed: number }) => p.couponId !== null || p.pointsUsed > 0

/** Paid: the purchase's coupon is used (its points were spent when held). Idempotent. */
export async function settleHeld(ports: Ports, orderRef: string, p: { couponId: string | null }): Promise<void> {
  if (p.couponId) await settleDiscount(ports, orderRef)
}

/** Cancelled, expired, or refunded in full: the purchase's coupon and points come back. Idempotent. */
export async function releaseHeld(
  ports: Ports,
  orderRef: string,
  p: { couponId: string | null; pointsUsed: number },
  reason: Exclude<ReleaseReason, 'lock_timeout'>
): Promise<void> {
  if (holdsDiscount(p)) await releaseDiscount(ports, orderRef, reason)
}

/**
 * Prices the discounts without holding anything. `orderRef`: what this order already holds counts
 * as usable (its locked coupon, and the points its own checkout already spent), so a resumed or
 * twin hold of the same order is priced as the first one was.
 */
export async function quoteDiscount(ports: Ports, buyer: Buyer, req: DiscountRequest, opts: { orderRef?: string } = {}): Promise<Result<Quote>> {
  const now = ports.clock.now()
  const [rules, { account, ownSpend }] = await Promise.all([rulesOf(ports, buyer.communityId), accountFor(ports, buyer, opts.orderRef)])
  const { level } = standingOf(rules, account, now)
  const subtotalFen = req.items.reduce((n, i) => n + i.amountFen, 0)
  const discountBp = level.benefits.discountBp
  const levelDiscountFen = req.items.reduce((n, i) => n + Math.floor((i.amountFen * discountBp) / 10_000), 0)

  let couponDiscountFen = 0
  let couponId: string | null = null
  if (req.couponId) {
    const c = await ports.store.get('coupons', req.couponId)
    if (!c || c.userId !== buyer.userId || c.communityId !== buyer.communityId) return fail('MEMBER.COUPON_NOT_FOUND', '优惠券不存在')
    const ev = evaluateCoupon(c, req.items, discountBp, now, opts.orderRef)
    if (!ev.usable) return fail('MEMBER.COUPON_UNUSABLE', `该券不可用：${ev.reason}`)
    couponDiscountFen = ev.discountFen
    couponId = c._id
  }

  const afterCoupon = subtotalFen - levelDiscountFen - couponDiscountFen
  const balance = (account?.balance ?? 0) + ownSpend
  const capFen = Math.floor((afterCoupon * rules.maxRedeemPercent) / 100)
  const maxPointsFen = Math.max(0, Math.min(capFen, pointsValueFen(rules, Math.max(0, balance))))
  const maxPoints = pointsFor(rules, maxPointsFen)
  let pointsUsed = 0
  if (req.points === 'max') pointsUsed = maxPoints
  else if (req.points && req.points > 0) {
    if (req.points > maxPoints) return fail('MEMBER.POINTS_INSUFFICIENT', `本单最多可用 ${maxPoints} 积分`)
    pointsUsed = req.points
  }
  const pointsDiscountFen = Math.min(pointsValueFen(rules, pointsUsed), afterCoupon)
  const discountFen = levelDiscountFen + couponDiscountFen + pointsDiscountFen
  return ok({
    subtotalFen,
    level: { key: level.key, name: level.name },
    levelDiscountFen,
    couponId,
    couponDiscountFen,
    pointsUsed,
    pointsDiscountFen,
    discountFen,
    payableFen: subtotalFen - discountFen,
    freeDelivery: level.benefits.freeDelivery,
    priorityBooking: level.benefits.priorityBooking,
    maxPoints,
    maxPointsFen,
    balance
  })
}

/**
 * The buyer's account, and what the order's own checkout spend keeps out of its balance (0
 * without an order). The spend is read before and after the account: a twin of the same order
 * spending meanwhile shows as a change, and the pair is read again, so the two agree.
 */
async function accountFor(ports: Ports, buyer: Buyer, orderRef: string | undefined): Promise<{ account: MemberAccountDoc | null; ownSpend: number }> {
  const read = () => ports.store.get('memberAccounts', accountId(buyer.communityId, buyer.userId))
  if (orderRef === undefined) return { account: await read(), ownSpend: 0 }
  const source = checkoutSource(orderRef)
  let before = await outstandingSpend(ports, source)
  for (let attempt = 0; ; attempt++) {
    const account = await read()
    const after = await outstandingSpend(ports, source)
    if (after === before) return { account, ownSpend: after }
    if (attempt >= 3) {
      // Still moving after four reads: quote without the order's own spend (the stricter answer),
      // and say so, since the resumed order may then be refused for points it already holds.
      ports.log.warn('checkout spend kept changing while quoting', { orderRef, before, after })
      return { account, ownSpend: 0 }
    }
    before = after
  }
}

/**
 * Locks the coupon and spends the points for an order about to be paid. Idempotent per
 * `orderRef`: a retry returns the hold already made (with the points actually spent).
 */
export async function holdDiscount(
  ports: Ports,
  buyer: Buyer,
  req: DiscountRequest & { orderRef: string; holdUntil: number; title?: string }
): Promise<Result<Quote>> {
  const q = await quoteDiscount(ports, buyer, req, { orderRef: req.orderRef })
  if (!q.ok) return q
  let quote = q.value
  if (quote.couponId) {
    const locked = await lockCoupon(ports, { couponId: quote.couponId, userId: buyer.userId, orderRef: req.orderRef, holdUntil: req.holdUntil })
    if (!locked.ok) return locked
  }
  const prior = await ports.store.get('pointEntries', checkoutSource(req.orderRef))
  const spentBefore = prior && (prior.state === 'applied' || prior.state === 'closed') ? -prior.delta : 0
  const wanted = spentBefore || quote.pointsUsed
  if (wanted > 0) {
    const spent = await spendPoints(ports, {
      communityId: buyer.communityId,
      userId: buyer.userId,
      source: checkoutSource(req.orderRef),
      points: wanted,
      title: req.title ?? '订单积分抵扣',
      ref: req.orderRef
    })
    if (!spent.ok) {
      if (quote.couponId) await releaseCoupon(ports, quote.couponId, req.orderRef, 'cancelled')
      return spent
    }
    if (-spent.value.delta !== quote.pointsUsed) quote = await withPoints(ports, buyer.communityId, quote, -spent.value.delta)
  }
  return ok(quote)
}

async function withPoints(ports: Ports, communityId: string, q: Quote, points: number): Promise<Quote> {
  const rules = await rulesOf(ports, communityId)
  const afterCoupon = q.subtotalFen - q.levelDiscountFen - q.couponDiscountFen
  const pointsDiscountFen = Math.min(pointsValueFen(rules, points), afterCoupon)
  const discountFen = q.levelDiscountFen + q.couponDiscountFen + pointsDiscountFen
  return { ...q, pointsUsed: points, pointsDiscountFen, discountFen, payableFen: q.subtotalFen - discountFen }
}

async function heldCoupons(ports: Ports, orderRef: string): Promise<CouponDoc[]> {
  return ports.store.find('coupons', { where: { holder: orderRef }, limit: 10 })
}

/** The order was paid: its coupon is used (points were spent when held). Idempotent. */
export async function settleDiscount(ports: Ports, orderRef: string): Promise<{ coupon: ConsumeOutcome | null }> {
  const [c] = await heldCoupons(ports, orderRef)
  return { coupon: c ? await consumeCoupon(ports, c._id, orderRef) : null }
}

/** The order was cancelled, expired unpaid, or refunded in full: coupon and points come back. Idempotent. */
export async function releaseDiscount(ports: Ports, orderRef: string, reason: Exclude<ReleaseReason, 'lock_timeout'>): Promise<{ coupon: boolean; points: number }> {
  let coupon = false
  for (const c of await heldCoupons(ports, orderRef)) coupon = (await releaseCoupon(ports, c._id, orderRef, reason)) || coupon
  const back = await returnPoints(ports, checkoutSource(orderRef), reason === 'refunded' ? '订单退款，积分退回' : '订单取消，积分退回')
  return { coupon, points: back?.delta ?? 0 }
}
