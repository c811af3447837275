import type { BookingDoc } from '../booking/docs'
import type { OrderDoc } from '../order/docs'
import type { PurchaseDoc } from './docs'
import { dayOf } from './time'

/**
 * Turns a source record into the purchase it stands for, or null when it is not (yet) one.
 *
 * Definitions, shared by every figure:
 * - a pre-sale order is a purchase once paid; it counts on the Shanghai day of payment;
 * - a booking is a purchase once paid with money (upfront or after the service); a booking paid
 *   with a service card or free under the property fee is a service use, not an order: it has no
 *   money of its own (the card's was counted when the card was bought);
 * - refunds lower `netFen`; a purchase refunded in full stops counting (orders and GMV).
 */
export function projectOrder(o: OrderDoc, now: number): PurchaseDoc | null {
  if (o.paidAt === null || o.paidFen <= 0) return null
  const netFen = Math.max(0, o.paidFen - o.refundedFen)
  return {
    _id: `order:${o._id}`,
    communityId: o.communityId,
    householdId: o.householdId,
    line: 'presale',
    kind: 'presale',
    paidAt: o.paidAt,
    day: dayOf(o.paidAt),
    netFen,
    counted: netFen > 0,
    used: netFen > 0,
    discounted: o.discountFen > 0 || o.pointsUsed > 0 || o.couponId !== null,
    invited: o.invitationId !== null,
    atDoor: o.gridId !== null && o.gridId !== 'pickup',
    updatedAt: now
  }
}

export function projectBooking(b: BookingDoc, now: number): PurchaseDoc | null {
  const kind = b.kind === 'repair' ? 'repair' : 'service'
  if (b.payState === 'paid' || (b.payState === 'refunded' && b.paidAt !== undefined)) {
    const paidAt = b.paidAt ?? b.updatedAt
    const netFen = b.payState === 'refunded' ? 0 : Math.max(0, (b.priceFen ?? 0) - (b.refundedFen ?? 0))
    return {
      _id: `booking:${b._id}`,
      communityId: b.communityId,
      householdId: b.householdId,
      line: b.category,
      kind,
      paidAt,
      day: dayOf(paidAt),
      netFen,
      counted: netFen > 0,
      used: b.status !== 'cancelled' && b.status !== 'expired',
      discounted: false,
      invited: false,
      atDoor: true,
      updatedAt: now
    }
  }
  if ((b.payState === 'card' || b.payState === 'free') && b.status === 'done') {
    const at = b.finishedAt ?? b.updatedAt
    return {
      _id: `booking:${b._id}`,
      communityId: b.communityId,
      householdId: b.householdId,
      line: b.category,
      kind,
      paidAt: at,
      day: dayOf(at),
      netFen: 0,
      counted: false,
      used: true,
      discounted: b.payState === 'card',
      invited: false,
      atDoor: true,
      updatedAt: now
    }
  }
  return null
}

/** Whether two projections say the same thing (ignoring when they were made). */
export function samePurchase(a: PurchaseDoc, b: PurchaseDoc): boolean {
  const keys: (keyof PurchaseDoc)[] = ['communityId', 'householdId', 'line', 'kind', 'paidAt', 'day', 'netFen', 'counted', 'used', 'discounted', 'invited', 'atDoor']
  return keys.every((k) => a[k] === b[k])
}
