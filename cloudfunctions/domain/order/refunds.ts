import type { RefundReason } from '../../contracts/order'
import type { Ports } from '../../kernel/ports'
import { requestRefund } from '../payment/refund'
import { releaseOrderDiscount } from './discounts'
import { revokePackageCards } from './package'
import type { OrderDoc } from './docs'
import { MAX_REFUND_ATTEMPTS } from './rules'

/** Refund idempotency keys: `group-failed:<orderId>`, then `group-failed:<orderId>:<n>` for retries. */
const KEY_PREFIX: Record<RefundReason, string> = {
  cancel: 'cancel',
  group_failed: 'group-failed',
  after_sale: 'after-sale',
  operator: 'operator'
}

const REASON_TEXT: Record<RefundReason, string> = {
  cancel: '住户取消预售订单',
  group_failed: '预售未成团，自动退款',
  after_sale: '售后审核通过，退款',
  operator: '物业退款'
}

export function refundKey(order: Pick<OrderDoc, '_id' | 'refundAttempts'>, reason: RefundReason): string {
  const base = `${KEY_PREFIX[reason]}:${order._id}`
  return order.refundAttempts === 0 ? base : `${base}:${order.refundAttempts}`
}

export type RefundStep = 'requested' | 'failed' | 'gave_up'

/**
 * Asks the payment module to refund what the order paid, under an idempotency key: running it
 * twice (a retried job, a crash halfway) finds the refund it already created. The order's
 * `refunding → refunded` follows from the refund notification (order-payable `onRefunded`).
 */
export async function refundOrder(ports: Ports, order: OrderDoc, requestedBy: string, automatic: boolean): Promise<RefundStep> {
  const reason = order.refundReason ?? 'operator'
  if (order.refundAttempts >= MAX_REFUND_ATTEMPTS) return 'gave_up'
  const markRequested = () =>
    ports.store.update('orders', order._id, { set: { refundRequestedAt: ports.clock.now(), updatedAt: ports.clock.now() } }, { refundRequestedAt: null })
  // A package's cards are closed first: the uses taken by then stay paid for, the rest is refunded.
  const retained = order.package ? await keepBackForUses(ports, order) : 0
  const closeWithoutMoney = async () => {
    const now = ports.clock.now()
    await ports.store.update('orders', order._id, { set: { status: 'refunded', refundedAt: now, refundRequestedAt: now, updatedAt: now } }, { status: 'refunding' })
    if (retained === 0) await releaseOrderDiscount(ports, order, 'refunded')
    return 'requested' as const
  }
  // Paid in full by a coupon: no money to return, only the coupon and the points.
  if (order.paymentId === null && order.paidFen === 0 && order.paidAt !== null) return closeWithoutMoney()
  const payment = order.paymentId ? await ports.store.get('payments', order.paymentId) : null
  const line = payment?.lines.find((l) => l.type === 'order' && l.id === order._id)
  if (!payment || !line) {
    ports.log.error('order refund: payment not found', { orderId: order._id, paymentId: order.paymentId })
    return 'failed'
  }
  const key = refundKey(order, reason)
  const reserved = payment.refundReservedByLine[line.key] ?? 0
  // Every use was taken: nothing is owed back.
  if (line.amountFen - retained <= 0 && reserved === 0) return closeWithoutMoney()
  const open = line.amountFen - retained - reserved
  if (open <= 0) {
    // Everything paid is already being refunded (an operator's refund, or ours before a crash).
    const [mine] = await ports.store.find('refunds', { where: { idempotencyKey: key }, limit: 1 })
    if (!mine || mine.status !== 'failed') {
      await markRequested()
      return 'requested'
    }
  }
  const res = await requestRefund(ports, payment, {
    lines: [{ payableId: order._id, amountFen: open > 0 ? open : line.amountFen - retained }],
    reason: REASON_TEXT[reason],
    idempotencyKey: key,
    requestedBy,
    automatic
  })
  if ((res.ok && res.value.status !== 'failed') || (!res.ok && res.code === 'PAY.REFUND_EXCEEDS')) {
    await markRequested()
    return 'requested'
  }
  // A failed attempt: the next run retries under a new key (one runner wins the bump).
  await ports.store.update('orders', order._id, { inc: { refundAttempts: 1 }, set: { updatedAt: ports.clock.now() } }, { refundAttempts: order.refundAttempts })
  ports.log.error('order refund failed', { orderId: order._id, attempt: order.refundAttempts, reason: res.ok ? res.value.failure : res.message })
  return 'failed'
}

/** Closes the package's cards and writes down what their used uses keep back (the same on every rerun). */
async function keepBackForUses(ports: Ports, order: OrderDoc): Promise<number> {
  const retained = await revokePackageCards(ports, order)
  if (retained !== order.retainedFen) await ports.store.update('orders', order._id, { set: { retainedFen: retained, updatedAt: ports.clock.now() } })
  return retained
}

/**
 * A refund that WeChat Pay later reported failed (notification) leaves the order `refunding`
 * with its request recorded: clear the request and count the attempt so the sweeper retries.
 */
export async function reopenFailedRefund(ports: Ports, order: OrderDoc): Promise<boolean> {
  if (!order.refundReason || order.refundRequestedAt === null) return false
  const [r] = await ports.store.find('refunds', { where: { idempotencyKey: refundKey(order, order.refundReason) }, limit: 1 })
  if (!r || r.status !== 'failed') return false
  return ports.store.update(
    'orders',
    order._id,
    { set: { refundRequestedAt: null, updatedAt: ports.clock.now() }, inc: { refundAttempts: 1 } },
    { refundAttempts: order.refundAttempts, refundRequestedAt: order.refundRequestedAt }
  )
}
