import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { PayableKind, QuotedLine } from '../payment/payables'
import type { BookingDoc } from './docs'
import { slotText } from './slots'

/**
 * Bookings are payable twice over: upfront while `held` (the hold is the worker claim, which
 * `onPaid` turns into `confirmed`), or after the service while `done` with `payState: due`.
 */
export const bookingPayable: PayableKind = {
  type: 'booking',

  async quote(ports, actor, ids) {
    const docs = await getMany<BookingDoc>(ports.store, 'bookings', ids)
    const now = ports.clock.now()
    const lines: QuotedLine[] = []
    for (const id of ids) {
      const b = docs.get(id)
      if (!b || b.communityId !== actor.communityId || !actor.householdIds.includes(b.householdId)) {
        return fail('PAY.PAYABLE_NOT_FOUND', '预约不存在或不属于你的房屋', [{ path: 'payables', message: `预约 ${id} 不存在` }])
      }
      const upfront = b.status === 'held' && b.payState === 'unpaid' && (b.holdUntil ?? 0) > now
      const after = b.status === 'done' && b.payState === 'due'
      if ((!upfront && !after) || b.priceFen === null || b.priceFen <= 0) {
        return fail('PAY.NOT_PAYABLE', b.status === 'expired' ? '预约已超时，请重新预约' : '该预约当前无需付款')
      }
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
    if (await ports.store.update('bookings', line.id, { set: { ...set, status: 'confirmed', holdUntil: null } }, { status: 'held', payState: 'unpaid' })) {
      return 'applied'
    }
    if (await ports.store.update('bookings', line.id, { set }, { status: 'done', payState: 'due' })) return 'applied'
    const b = await ports.store.get<BookingDoc>('bookings', line.id)
    return b?.paymentId === payment._id ? 'applied' : 'already_settled'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    const b = await ports.store.get<BookingDoc>('bookings', line.id)
    if (!b || b.paymentId !== payment._id) return
    // `updatedAt` moves with every money change: the insights pass reads bookings by it.
    const now = ports.clock.now()
    await ports.store.update('bookings', b._id, { set: { refundedFen, updatedAt: now, ...(refundedFen >= line.amountFen ? { payState: 'refunded' } : {}) } }, { paymentId: payment._id })
  }
}
