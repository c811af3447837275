import type { AfterSaleType } from '../../contracts/order'
import type { Actor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { AfterSale, OrderDoc } from './docs'
import { closeOpenPaymentOf } from '../payment/open-payments'
import { releaseOrder, uncountPaid } from './holds'
import { refundOrder } from './refunds'

const DAY = 24 * 3600_000
/** After-sales may be requested until this long after delivery. */
export const AFTER_SALE_WINDOW_MS = 7 * DAY

/** An order of one of the caller's households in the current community; others do not exist for them. */
export async function ownOrder(ports: Ports, actor: Actor, orderId: string): Promise<OrderDoc | null> {
  const o = await ports.store.get('orders', orderId)
  if (!o || o.communityId !== actor.communityId || !actor.householdIds.includes(o.householdId) || o.status === 'rejected') return null
  return o
}

async function reload(ports: Ports, id: string): Promise<OrderDoc> {
  const o = await ports.store.get('orders', id)
  if (!o) throw new Error(`order ${id} vanished`)
  return o
}

/**
 * Cancel before the end. An unpaid order is simply cancelled; a paid one is refunded through the
 * payment module. Either way its stock and household limit come back (exactly once: holds.ts),
 * ready to be sold again.
 */
export async function cancelOrder(ports: Ports, actor: Actor, order: OrderDoc): Promise<Result<OrderDoc>> {
  const now = ports.clock.now()
  if (order.status === 'pending_payment') {
    // Its open payment is closed at WeChat Pay; one that succeeds anyway is refunded by the payment module.
    if (await ports.store.update('orders', order._id, { set: { status: 'cancelled', releaseDue: true, updatedAt: now } }, { status: 'pending_payment' })) {
      await closeOpenPaymentOf(ports, 'order', order._id, 'order cancelled')
      await releaseOrder(ports, await reload(ports, order._id))
      return ok(await reload(ports, order._id))
    }
    order = await reload(ports, order._id)
  }
  if (order.status === 'paid') {
    const campaign = await ports.store.get('campaigns', order.campaignId)
    if (!campaign || now >= campaign.endAt) return fail('ORDER.NOT_CANCELLABLE', '预售已截止，正在等待成团结果，不能取消')
    const claimed = await ports.store.update(
      'orders',
      order._id,
      { set: { status: 'refunding', refundReason: 'cancel', releaseDue: true, updatedAt: now } },
      { status: 'paid' }
    )
    if (!claimed) return fail('ORDER.NOT_CANCELLABLE', '订单状态已变化，请刷新')
    const fresh = await reload(ports, order._id)
    await uncountPaid(ports, fresh)
    await refundOrder(ports, fresh, actor.user._id, true)
    await releaseOrder(ports, fresh)
    return ok(await reload(ports, order._id))
  }
  if (order.status === 'cancelled') return ok(order)
  return fail('ORDER.NOT_CANCELLABLE', '当前状态的订单不能取消')
}

/** The resident confirms receipt (instead of the butler scanning the code). */
export async function confirmReceived(ports: Ports, order: OrderDoc): Promise<Result<OrderDoc>> {
  if (order.status === 'delivered') return ok(order)
  if (order.status !== 'confirmed') return fail('ORDER.NOT_DELIVERABLE', '成团后才能确认收货')
  const now = ports.clock.now()
  await ports.store.update('orders', order._id, { set: { status: 'delivered', deliveredAt: now, deliveredBy: 'resident', updatedAt: now } }, { status: 'confirmed' })
  await fulfillIfDone(ports, order.campaignId)
  return ok(await reload(ports, order._id))
}

export async function requestAfterSale(ports: Ports, order: OrderDoc, type: AfterSaleType, reason: string): Promise<Result<OrderDoc>> {
  if (order.afterSale) return fail('ORDER.AFTER_SALE_EXISTS', '该订单已申请过售后')
  if (order.status !== 'confirmed' && order.status !== 'delivered') return fail('ORDER.AFTER_SALE_NOT_ALLOWED', '成团后的订单才能申请售后')
  const now = ports.clock.now()
  if (order.status === 'delivered' && order.deliveredAt !== null && now - order.deliveredAt > AFTER_SALE_WINDOW_MS) {
    return fail('ORDER.AFTER_SALE_NOT_ALLOWED', '收货超过 7 天，不能再申请售后')
  }
  const afterSale: AfterSale = { type, reason, status: 'requested', note: '', requestedAt: now, reviewedAt: null, reviewedBy: null }
  const applied = await ports.store.update(
    'orders',
    order._id,
    { set: { afterSale, updatedAt: now } },
    { status: { in: ['confirmed', 'delivered'] }, afterSale: null }
  )
  if (!applied) return fail('ORDER.AFTER_SALE_EXISTS', '该订单已申请过售后')
  return ok(await reload(ports, order._id))
}

/** Operators approve (the order is refunded) or reject an after-sale request. */
export async function reviewAfterSale(ports: Ports, actor: Actor, orderId: string, approve: boolean, note: string): Promise<Result<OrderDoc>> {
  const order = await ports.store.get('orders', orderId)
  if (!order || order.communityId !== actor.communityId) return fail('ORDER.NOT_FOUND', '订单不存在')
  if (!order.afterSale) return fail('ORDER.AFTER_SALE_NOT_FOUND', '该订单没有售后申请')
  if (order.afterSale.status !== 'requested') return fail('ORDER.AFTER_SALE_NOT_FOUND', '该售后申请已处理')
  const now = ports.clock.now()
  const reviewed = { ...order.afterSale, status: approve ? 'approved' : 'rejected', note, reviewedAt: now, reviewedBy: actor.user._id }
  const claimed = await ports.store.update(
    'orders',
    order._id,
    { set: { afterSale: reviewed, ...(approve ? { status: 'refunding', refundReason: 'after_sale' } : {}), updatedAt: now } },
    { 'afterSale.status': 'requested', ...(approve ? { status: { in: ['confirmed', 'delivered'] } } : {}) }
  )
  if (!claimed) return fail('ORDER.AFTER_SALE_NOT_FOUND', '该售后申请已处理或订单状态已变化')
  const fresh = await reload(ports, order._id)
  if (approve) {
    await refundOrder(ports, fresh, actor.user._id, false)
    await fulfillIfDone(ports, order.campaignId)
  }
  return ok(await reload(ports, order._id))
}

/** A succeeded campaign with nothing left to deliver is fulfilled. */
export async function fulfillIfDone(ports: Ports, campaignId: string): Promise<boolean> {
  const waiting = await ports.store.count('orders', { campaignId, status: 'confirmed' })
  if (waiting > 0) return false
  const now = ports.clock.now()
  return ports.store.update('campaigns', campaignId, { set: { status: 'fulfilled', fulfilledAt: now, updatedAt: now } }, { status: 'succeeded' })
}
