import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { PAYMENT_WINDOW_MS } from '../payment/ids'
import type { PayableKind, QuotedLine } from '../payment/payables'
import type { CampaignDoc, OrderDoc } from './docs'
import { releaseOrderDiscount, settleOrderDiscount } from './discounts'
import { countPaid } from './holds'
import { issuePackageCards, revokePackageCards } from './package'

/** What the payment and its receipt call an order. */
export function orderPayTitle(o: Pick<OrderDoc, 'skuName' | 'quantity'>, c: Pick<CampaignDoc, 'title'> | undefined): string {
  return `${c?.title ?? '预售订单'} · ${o.skuName} ×${o.quantity}`.slice(0, 60)
}

/**
 * Pre-sale orders are payable. The price comes from the stored order (priced by the server at
 * creation); quoting also notes that a payment may be under way, so the order is not expired
 * while the resident is still at the cashier.
 */
export const orderPayable: PayableKind = {
  type: 'order',

  async quote(ports, payer, ids) {
    const orders = await getMany(ports.store, 'orders', ids)
    const campaigns = await getMany(ports.store, 'campaigns', [...orders.values()].map((o) => o.campaignId))
    const now = ports.clock.now()
    const lines: QuotedLine[] = []
    for (const id of ids) {
      const o = orders.get(id)
      if (!o || o.communityId !== payer.communityId || !payer.householdIds.includes(o.householdId) || o.status === 'rejected') {
        return fail('PAY.PAYABLE_NOT_FOUND', '订单不存在或不属于你的房屋', [{ path: 'payables', message: `订单 ${id} 不存在` }])
      }
      if (o.status !== 'pending_payment') return fail('PAY.NOT_PAYABLE', o.status === 'expired' ? '订单已超时，请重新下单' : '订单已支付或已取消，请刷新')
      if (now >= o.expiresAt) return fail('PAY.NOT_PAYABLE', '订单已超时，请重新下单')
      // A payment opened now may be completed within its own window: expiry waits for it.
      // An update that writes what is there already reports false (a twin quote in the same
      // millisecond): the condition is what counts, so the order is read again then.
      const noted =
        (await ports.store.update('orders', o._id, { set: { payingUntil: now + PAYMENT_WINDOW_MS } }, { status: 'pending_payment', expiresAt: { gt: now } })) ||
        (await ports.store.count('orders', { _id: o._id, status: 'pending_payment', expiresAt: { gt: now }, payingUntil: { gte: now + PAYMENT_WINDOW_MS } })) === 1
      if (!noted) return fail('PAY.NOT_PAYABLE', '订单已超时或已取消，请刷新')
      const c = campaigns.get(o.campaignId)
      lines.push({
        type: 'order',
        id: o._id,
        title: orderPayTitle(o, c),
        amountFen: o.amountFen,
        householdId: o.householdId,
        communityId: o.communityId
      })
    }
    return ok(lines)
  },

  async onPaid(ports, payment, line) {
    const now = ports.clock.now()
    const set = { status: 'paid' as const, paymentId: payment._id, paidFen: line.amountFen, paidAt: payment.paidAt ?? now, updatedAt: now }
    // The order is read alongside the update: applied, it is what was read with the update on top;
    // not applied, someone else moved it, and it is read again after.
    const [applied, read] = await Promise.all([ports.store.update('orders', line.id, { set }, { status: 'pending_payment' }), ports.store.get('orders', line.id)])
    const order = applied && read ? { ...read, ...set } : await ports.store.get('orders', line.id)
    // Expired, cancelled, or paid by another payment meanwhile: the payment module refunds this one.
    if (!order || order.paymentId !== payment._id) return 'already_settled'
    // Idempotent follow-ups, re-run on every delivery until the payment is settled.
    await settleOrderDiscount(ports, order)
    if (order.status === 'paid') await countPaid(ports, order)
    await issuePackageCards(ports, order)
    return 'applied'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    const order = await ports.store.get('orders', line.id)
    if (!order || order.paymentId !== payment._id) return
    const now = ports.clock.now()
    // A package's refund keeps back what its cards' used uses were worth: that much less is all of it.
    const fully = refundedFen >= order.paidFen - (order.retainedFen ?? 0)
    await ports.store.update('orders', order._id, { set: { refundedFen, updatedAt: now } }, { paymentId: payment._id })
    if (!fully) return
    // A full refund the order did not ask for (an operator's, from the payment pages) is recorded too.
    await ports.store.update(
      'orders',
      order._id,
      { set: { status: 'refunded', refundedAt: now, refundReason: order.refundReason ?? 'operator', refundRequestedAt: order.refundRequestedAt ?? now } },
      { paymentId: payment._id, status: { in: ['refunding', 'paid', 'confirmed', 'delivered'] } }
    )
    // An operator's refund from the payment pages closes the package's cards as the order's own
    // would; the order's own refund already did (and wrote what it kept back), so it is not redone.
    if (order.package && order.retainedFen === undefined) await revokePackageCards(ports, order)
    // Refunded in full: the coupon and the points spent come back (idempotent); a package whose
    // cards were partly used keeps them, as it keeps part of the money.
    if (!order.retainedFen) await releaseOrderDiscount(ports, order, 'refunded')
  }
}
