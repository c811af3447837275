import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { releaseHeld, settleHeld } from '../member/checkout'
import type { PayableKind, QuotedLine } from '../payment/payables'
import { slotText } from './slots'
import { followBooking } from '../desk/booking-sync'

/**
 * Bookings are payable twice over: upfront while `held` (the hold is the worker claim, which
 * `onPaid` turns into `confirmed`), or after the service while `done` with `payState: due`. The
 * amount is what the booking was priced at, after membership (pricing.ts); its coupon is used when
 * paid, and its coupon and points come back when it is refunded in full, as a pre-sale order's.
 */
export const bookingPayable: PayableKind = {
  type: 'booking',

  async quote(ports, payer, ids) {
    const docs = await getMany(ports.store, 'bookings', ids)
    const now = ports.clock.now()
    const lines: QuotedLine[] = []
    for (const id of ids) {
      const b = docs.get(id)
      if (!b || b.communityId !== payer.communityId || !payer.householdIds.includes(b.householdId)) {
        return fail('PAY.PAYABLE_NOT_FOUND', '预约不存在或不属于你的房屋', [{ path: 'payables', message: `预约 ${id} 不存在` }])
      }
      const upfront = b.status === 'held' && b.payState === 'unpaid' && (b.holdUntil ?? 0) > now
      const after = b.status === 'done' && b.payState === 'due'
      if ((!upfront && !after) || b.priceFen === null || b.priceFen <= 0) {
        return fail('PAY.NOT_PAYABLE', b.status === 'expired' ? '预约已超时，请重新预约' : '该预约当前无需付款')
      }
      // Priced with a coupon or points not held yet (its create was cut short): its retry or expiry decides first.
      if (b.discountHeld === false) return fail('PAY.NOT_PAYABLE', '预约还在处理中，请稍后再试')
      lines.push({
        type: 'booking',
        id: b._id,
        title: `${b.lineName} · ${slotText(b.slotStart)}`,
        amountFen: b.priceFen,
        householdId: b.householdId,
        communityId: b.communityId
      })
    }
    return ok(lines)
  },

  async onPaid(ports, payment, line) {
    const now = ports.clock.now()
    const set = { payState: 'paid', paymentId: payment._id, paidAt: now, updatedAt: now }
    // Upfront: the hold becomes a confirmed booking, however late the notification arrives, as long
    // as the hold was not released (a cancelled or expired booking is refunded by the module).
    if (!(await ports.store.update('bookings', line.id, { set: { ...set, status: 'confirmed', holdUntil: null } }, { status: 'held', payState: 'unpaid' }))) {
      await ports.store.update('bookings', line.id, { set }, { status: 'done', payState: 'due' })
    }
    const b = await ports.store.get('bookings', line.id)
    if (!b || b.paymentId !== payment._id) return 'already_settled'
    // Idempotent, re-run on every delivery until the payment is settled.
    if (b.pricing) await settleHeld(ports, b._id, b.pricing)
    await followBooking(ports, b._id)
    return 'applied'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    const b = await ports.store.get('bookings', line.id)
    if (!b || b.paymentId !== payment._id) return
    // `updatedAt` moves with every money change: the insights pass reads bookings by it.
    const now = ports.clock.now()
    const fully = refundedFen >= line.amountFen
    await ports.store.update('bookings', b._id, { set: { refundedFen, updatedAt: now, ...(fully ? { payState: 'refunded' } : {}) } }, { paymentId: payment._id })
    // Refunded in full: the coupon and the points spent come back (idempotent).
    if (fully && b.pricing) await releaseHeld(ports, b._id, b.pricing, 'refunded')
  }
}
