import { type Counter, give, take } from '../../kernel/counter'
import type { Ports } from '../../kernel/ports'
import { releaseOrderDiscount } from './discounts'
import type { OrderDoc, OrderQuotaDoc } from './docs'
import { quotaId, stockId } from './rules'

/**
 * Reservations without transactions. Each counter document carries the orders that hold part of
 * it (`holds.<orderId>`), and every change to the counter changes the hold in the same
 * single-document conditional update. Hence:
 * - a reservation applies only if the order holds nothing yet and enough is left: never oversold,
 *   never over the household limit, and a retried reservation cannot take twice;
 * - a release applies only if the order still holds: stock comes back exactly once;
 * - the holds say who has what, so a sweeper can repair whatever a crash left behind.
 */
type Held = Pick<OrderDoc, '_id' | 'campaignId' | 'householdId' | 'skuId' | 'quantity'>

export type HoldOutcome = 'held' | 'refused'

const quotaCounter = (order: Held, limit: number): Counter => ({ collection: 'orderQuotas', id: quotaId(order.campaignId, order.householdId), field: 'bought', direction: 'up', bound: limit })
const stockCounter = (order: Held): Counter => ({ collection: 'campaignStock', id: stockId(order.campaignId, order.skuId), field: 'available', direction: 'down', bound: 0 })

/**
 * Counts `quantity` against the household's limit for the campaign. Most households order once a
 * campaign, so unless the caller saw the counter (`exists`), it is made with the hold in it first,
 * and updated only when it is there already.
 */
export async function holdQuota(ports: Ports, order: Held, limit: number, exists?: boolean): Promise<HoldOutcome> {
  const counter = quotaCounter(order, limit)
  const doc = (): OrderQuotaDoc => ({ _id: counter.id, campaignId: order.campaignId, householdId: order.householdId, limit, bought: 0, holds: {} })
  return (await take(ports.store, counter, { holder: order._id, amount: order.quantity, create: { doc, first: exists !== true } })) ? 'held' : 'refused'
}

/** Takes `quantity` from the SKU's stock. */
export async function holdStock(ports: Ports, order: Held): Promise<HoldOutcome> {
  return (await take(ports.store, stockCounter(order), { holder: order._id, amount: order.quantity })) ? 'held' : 'refused'
}

/** The quota's bound plays no part in a give-back. */
export function releaseQuota(ports: Ports, order: Held): Promise<boolean> {
  return give(ports.store, quotaCounter(order, 0), order._id, order.quantity)
}

export function releaseStock(ports: Ports, order: Held): Promise<boolean> {
  return give(ports.store, stockCounter(order), order._id, order.quantity)
}

/**
 * Gives back whatever the order holds (each part at most once), then clears `releaseDue`. An
 * order that ends unpaid also gets its coupon and points back (refunds do that on success).
 */
export async function releaseOrder(ports: Ports, order: OrderDoc): Promise<void> {
  await releaseStock(ports, order)
  await releaseQuota(ports, order)
  if (order.status === 'expired' || order.status === 'cancelled' || order.status === 'rejected') {
    await releaseOrderDiscount(ports, order, order.status === 'expired' ? 'expired' : 'cancelled')
  }
  await ports.store.update('orders', order._id, { set: { releaseDue: false } }, { releaseDue: true })
}

/** The paid quantity shown as threshold progress; counted once per order, like the holds. */
export async function countPaid(ports: Ports, order: Held): Promise<void> {
  const mark = `paid.${order._id}`
  await ports.store.update('campaignStock', stockId(order.campaignId, order.skuId), { inc: { paidQuantity: order.quantity }, set: { [mark]: order.quantity } }, { [mark]: null })
}

export async function uncountPaid(ports: Ports, order: Held): Promise<void> {
  const mark = `paid.${order._id}`
  await ports.store.update('campaignStock', stockId(order.campaignId, order.skuId), { inc: { paidQuantity: -order.quantity }, unset: [mark] }, { [mark]: { gte: 1 } })
}
