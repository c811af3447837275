import type { Ports } from '../../kernel/ports'
import { type Result, ok } from '../../kernel/result'
import { type Buyer, type DiscountAsk, LOCK_MARGIN_MS, type Quote, holdDiscount, priceItems, releaseHeld, settleHeld } from '../member/checkout'
import type { CheckoutItem } from '../member/docs'
import type { CampaignDoc, OrderDoc } from './docs'

/**
 * Membership at the pre-sale checkout (the member feature's checkout API): the level discount on
 * every order, a coupon and points when the resident asks. The order stores what it was priced
 * with; the coupon lock and the points spent are keyed by the order id, so every step here is
 * idempotent and a retried create or job finds what it already did.
 */
export interface Pricing {
  subtotalFen: number
  discountFen: number
  amountFen: number
  couponId: string | null
  pointsUsed: number
}

/** The one item a pre-sale order is priced on, from its subtotal: what coupon scopes see. */
function itemsOf(c: Pick<CampaignDoc, 'category' | 'productId'>, subtotalFen: number): CheckoutItem[] {
  return [{ amountFen: subtotalFen, category: c.category, productId: c.productId }]
}

/**
 * The items of a pre-sale line, priced by the server: the SKU's price × quantity. The create
 * (`priceOrder`) and the checkout preview (line.ts `presaleItems`) both price through here.
 */
export function saleLineItems(c: Pick<CampaignDoc, 'category' | 'productId'>, unitPriceFen: number, quantity: number): CheckoutItem[] {
  return itemsOf(c, unitPriceFen * quantity)
}

const pricingOf = (q: Quote): Pricing => ({ subtotalFen: q.subtotalFen, discountFen: q.discountFen, amountFen: q.payableFen, couponId: q.couponId, pointsUsed: q.pointsUsed })

/** Prices an order (reads only): a coupon that is not the buyer's or not usable is refused here. */
export async function priceOrder(
  ports: Ports,
  buyer: Buyer,
  c: Pick<CampaignDoc, 'category' | 'productId'>,
  unitPriceFen: number,
  quantity: number,
  ask: DiscountAsk
): Promise<Result<Pricing>> {
  const q = await priceItems(ports, buyer, saleLineItems(c, unitPriceFen, quantity), ask)
  return q.ok ? ok(pricingOf(q.value)) : q
}

/** Locks the coupon and spends the points the order was priced with. */
export async function holdOrderDiscount(ports: Ports, order: OrderDoc, c: CampaignDoc): Promise<Result<Pricing>> {
  const q = await holdDiscount(ports, { userId: order.userId, communityId: order.communityId }, {
    items: itemsOf(c, order.subtotalFen),
    couponId: order.couponId,
    points: order.pointsUsed,
    orderRef: order._id,
    holdUntil: order.expiresAt + LOCK_MARGIN_MS,
    title: `预售 · ${c.title}`.slice(0, 30)
  })
  return q.ok ? ok(pricingOf(q.value)) : q
}

/** Paid: the coupon is used. */
export async function settleOrderDiscount(ports: Ports, order: Pick<OrderDoc, '_id' | 'couponId'>): Promise<void> {
  await settleHeld(ports, order._id, order)
}

/** Cancelled, expired or refunded in full: the coupon and the points come back. */
export async function releaseOrderDiscount(ports: Ports, order: Pick<OrderDoc, '_id' | 'couponId' | 'pointsUsed'>, reason: 'cancelled' | 'expired' | 'refunded'): Promise<void> {
  await releaseHeld(ports, order._id, order, reason)
}
