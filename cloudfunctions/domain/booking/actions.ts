import type { bookingContracts } from '../../contracts/booking'
import type { Actor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { restoreCardUse } from '../member/cards'
import { closeOpenPaymentOf } from '../payment/open-payments'
import { requestRefund } from '../payment/refund'
import type { BookingDoc } from './docs'
import { activeWorkers, cardFits, releaseClaim, releaseCounter } from './book'
import { lineIn } from './catalog'
import { releaseBookingDiscount } from './pricing'
import { eligible, slotCapacity, upcomingSlots, slotEnd } from './slots'
import { CANCEL_BEFORE_MS, lineView, viewOne, viewsOf } from './views'
import { followBooking } from '../desk/booking-sync'

type C = typeof bookingContracts

export const lines: ActionHandler<C['lines']> = async ({ ports, actor }, input) => {
  const docs = await ports.store.find('serviceLines', {
    where: { communityId: actor.communityId, active: true, kind: input.kind },
    orderBy: [{ field: 'order', dir: 'asc' }],
    limit: 100
  })
  return ok({ lines: docs.map(lineView) })
}

export const slots: ActionHandler<C['slots']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const line = await lineIn(ports, communityId, input.lineId)
  if (!line) return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在或已下架', [{ path: 'lineId', message: '服务项目不存在' }])
  const now = ports.clock.now()
  const starts = upcomingSlots(now)
  const first = starts[0] ?? now
  const last = starts[starts.length - 1] ?? now
  const [workers, claims, counters] = await Promise.all([
    activeWorkers(ports, communityId),
    ports.store.find('slotClaims', { where: { communityId, slotStart: { gte: first, lte: last } }, limit: 1000 }),
    ports.store.find('slotCounters', { where: { communityId, lineId: line._id, slotStart: { gte: first, lte: last } }, limit: 1000 })
  ])
  const claimed = new Set(claims.map((c) => c._id))
  const booked = new Map(counters.map((c) => [c.slotStart, c]))
  const out = starts.flatMap((start) => {
    const pool = eligible(workers, line.category, start)
    if (pool.length === 0) return []
    const counter = booked.get(start)
    // Derived now, like a booking does, rather than the counter's stored (possibly stale) capacity.
    const capacity = slotCapacity(line, workers, start)
    const freeWorkers = pool.filter((w) => !claimed.has(`${w._id}:${start}`)).length
    const free = Math.max(0, Math.min(capacity - (counter?.booked ?? 0), freeWorkers))
    return [{ start, end: slotEnd(start), capacity, free }]
  })
  let cards: { id: string; title: string; usesLeft: number }[] = []
  const cardDocs = await ports.store.find('serviceCards', { where: { ownerUserId: actor.user._id, communityId }, limit: 50 })
  cards = cardDocs
    .filter((c) => cardFits(c, line, now) && (!input.householdId || c.householdId === input.householdId))
    .map((c) => ({ id: c._id, title: c.title, usesLeft: c.usesLeft }))
  return ok({ line: lineView(line), slots: out, cards })
}

export const mine: ActionHandler<C['mine']> = async ({ ports, actor }, input) => {
  const households = input.householdId ? actor.householdIds.filter((h) => h === input.householdId) : actor.householdIds
  const docs = (
    await Promise.all(
      households.map((householdId) =>
        ports.store.find('bookings', { where: { householdId }, orderBy: [{ field: 'slotStart', dir: 'desc' }], limit: 100 })
      )
    )
  ).flat()
  docs.sort((a, b) => b.createdAt - a.createdAt)
  return ok({ bookings: await viewsOf(ports.store, docs, ports.clock.now()) })
}

/** Whether the actor may see the booking: its household, its worker, or staff of the community. */
export async function visible(ports: Ports, actor: Actor, bookingId: string): Promise<BookingDoc | null> {
  const b = await ports.store.get('bookings', bookingId)
  if (!b || b.communityId !== actor.communityId) return null
  if (actor.roles.some((r) => r === 'dispatcher' || r === 'butler' || r === 'operator')) return b
  if (actor.householdIds.includes(b.householdId)) return b
  if (actor.roles.includes('worker') && b.workerId) {
    const w = await ports.store.get('workers', b.workerId)
    if (w?.userId === actor.user._id) return b
  }
  return null
}

export const get: ActionHandler<C['get']> = async ({ ports, actor }, input) => {
  const b = await visible(ports, actor, input.bookingId)
  if (!b) return fail('BOOKING.NOT_FOUND', '预约不存在')
  return ok({ booking: await viewOne(ports.store, b, ports.clock.now()) })
}

/**
 * Frees what a booking holds once it left `held`/`confirmed`: its worker's claim, its unit of the
 * slot counter, a redeemed card use, its coupon and points, and the upfront payment (refunded; the
 * coupon and points of a paid booking come back when that refund succeeds). Each step is idempotent.
 */
export async function releaseBooking(ports: Ports, b: BookingDoc, reason: string): Promise<void> {
  await followBooking(ports, b._id)
  if (b.workerId) await releaseClaim(ports, b.workerId, b.slotStart, b._id)
  // The counter's journal gives the unit back once; the flag records that it was.
  if (b.counterHeld && b.slotHolder && (await ports.store.update('bookings', b._id, { set: { counterHeld: false } }, { counterHeld: true }))) {
    await releaseCounter(ports, b.lineId, b.slotStart, b.slotHolder)
  }
  if (b.payMode === 'card' && b.cardId) await restoreCardUse(ports, b.cardId, b._id)
  await releaseBookingDiscount(ports, b)
  if (b.payMode === 'upfront' && b.paymentId && b.payState === 'paid') {
    const payment = await ports.store.get('payments', b.paymentId)
    const line = payment?.lines.find((l) => l.type === 'booking' && l.id === b._id)
    if (payment && line) {
      const res = await requestRefund(ports, payment, {
        lines: [{ payableId: b._id, amountFen: line.amountFen }],
        reason,
        idempotencyKey: `booking-cancel:${b._id}`,
        requestedBy: b.cancelledBy ?? 'system',
        automatic: true
      })
      if (res.ok) await ports.store.update('bookings', b._id, { set: { payState: 'refunded', updatedAt: ports.clock.now() } }, { payState: 'paid' })
      else ports.log.warn('booking refund not started', { bookingId: b._id, code: res.code })
    }
  }
}

export const cancel: ActionHandler<C['cancel']> = async ({ ports, actor }, input) => {
  const b = await ports.store.get('bookings', input.bookingId)
  if (!b || b.communityId !== actor.communityId || !actor.householdIds.includes(b.householdId)) return fail('BOOKING.NOT_FOUND', '预约不存在')
  const now = ports.clock.now()
  if (b.status !== 'held' && b.status !== 'confirmed') return fail('BOOKING.BAD_STATE', '服务已开始或已结束，不能取消')
  if (b.status === 'confirmed' && b.slotStart - now < CANCEL_BEFORE_MS) {
    return fail('BOOKING.CANCEL_TOO_LATE', '服务开始前 2 小时内不能在线取消，请联系管家')
  }
  const done = await ports.store.update(
    'bookings',
    b._id,
    { set: { status: 'cancelled', cancelledAt: now, cancelledBy: actor.user._id, updatedAt: now } },
    { status: b.status }
  )
  if (!done) return fail('BOOKING.BAD_STATE', '预约状态已变化，请刷新')
  // Its upfront payment, if one is open, is closed at WeChat Pay: nobody pays for a cancelled booking.
  if (b.payMode === 'upfront' && b.payState === 'unpaid') await closeOpenPaymentOf(ports, 'booking', b._id, 'booking cancelled')
  const fresh = (await ports.store.get('bookings', b._id)) ?? b
  await releaseBooking(ports, fresh, '住户取消预约')
  return ok({ booking: await viewOne(ports.store, (await ports.store.get('bookings', b._id)) ?? fresh, now) })
}
