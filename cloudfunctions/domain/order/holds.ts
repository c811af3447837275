import type { Ports } from '../../kernel/ports'
import { releaseOrderDiscount } from './discounts'
import type { CampaignStockDoc, OrderDoc, OrderQuotaDoc } from './docs'
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

/** Counts `quantity` against the household's limit for the campaign. */
export async function holdQuota(ports: Ports, order: Held, limit: number): Promise<HoldOutcome> {
  const id = quotaId(order.campaignId, order.householdId)
  const hold = `holds.${order._id}`
  const applied = await ports.store.update(
    'orderQuotas',
    id,
    { inc: { bought: order.quantity, [hold]: order.quantity } },
    { bought: { lte: limit - order.quantity }, [hold]: null }
  )
  if (applied) return 'held'
  let doc = await ports.store.get<OrderQuotaDoc>('orderQuotas', id)
  if (!doc) {
    // The household's first order in this campaign: create the counter (a racing twin's insert
    // is a duplicate, which is fine), then reserve as usual.
    await ports.store.insert<OrderQuotaDoc>('orderQuotas', { _id: id, campaignId: order.campaignId, householdId: order.householdId, limit, bought: 0, holds: {} })
    if (await ports.store.update('orderQuotas', id, { inc: { bought: order.quantity, [hold]: order.quantity } }, { bought: { lte: limit - order.quantity }, [hold]: null })) {
      return 'held'
    }
    doc = await ports.store.get<OrderQuotaDoc>('orderQuotas', id)
  }
  return doc?.holds[order._id] ? 'held' : 'refused'
}

/** Takes `quantity` from the SKU's stock. */
export async function holdStock(ports: Ports, order: Held): Promise<HoldOutcome> {
  const id = stockId(order.campaignId, order.skuId)
  const hold = `holds.${order._id}`
  const applied = await ports.store.update(
    'campaignStock',
    id,
    { inc: { available: -order.quantity, [hold]: order.quantity } },
    { available: { gte: order.quantity }, [hold]: null }
  )
  if (applied) return 'held'
  const doc = await ports.store.get<CampaignStockDoc>('campaignStock', id)
  return doc?.holds[order._id] ? 'held' : 'refused'
}

export async function releaseQuota(ports: Ports, order: Held): Promise<boolean> {
  const hold = `holds.${order._id}`
  return ports.store.update(
    'orderQuotas',
    quotaId(order.campaignId, order.householdId),
    { inc: { bought: -order.quantity }, unset: [hold] },
    { [hold]: { gte: 1 } }
  )
}

export async function releaseStock(ports: Ports, order: Held): Promise<boolean> {
  const hold = `holds.${order._id}`
  return ports.store.update(
    'campaignStock',
    stockId(order.campaignId, order.skuId),
    { inc: { available: order.quantity }, unset: [hold] },
    { [hold]: { gte: 1 } }
  )
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
