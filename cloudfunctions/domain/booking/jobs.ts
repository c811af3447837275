import type { JobReport } from '../../kernel/module'
import { getMany, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { releaseClaim, releaseCounter } from './book'
import { releaseBooking } from './actions'

const QUIET_MS = 2 * 60_000
const ACTIVE = ['held', 'confirmed', 'on_way', 'arrived', 'done'] as const

/**
 * Every 5 minutes: unpaid holds past their window expire and free their slot; then what a function
 * killed mid-request can leave is repaired once it has been quiet for two minutes: a claim with no
 * booking is removed, and a future slot counter gives back the units its journal holds for
 * attempts that left no active booking (`orphanUnits`). Claims and counters are checked in parallel.
 */
export async function runExpireHolds(ports: Ports): Promise<JobReport> {
  const now = ports.clock.now()
  let expired = 0
  let orphanClaims = 0
  let orphanUnits = 0
  const held = await ports.store.find('bookings', { where: { status: 'held', holdUntil: { lt: now } }, limit: 500 })
  for (const b of held) {
    if (await ports.store.update('bookings', b._id, { set: { status: 'expired', cancelledAt: now, updatedAt: now } }, { status: 'held', payState: 'unpaid' })) {
      expired++
      await releaseBooking(ports, { ...b, status: 'expired' }, '预约超时未支付')
    }
  }
  const claims = await ports.store.find('slotClaims', { where: { slotStart: { gte: now }, createdAt: { lt: now - QUIET_MS } }, limit: 1000 })
  const claimed = await getMany(ports.store, 'bookings', [...new Set(claims.map((c) => c.bookingId))])
  await inPool(claims, async (c) => {
    const b = claimed.get(c.bookingId)
    if (!b || b.workerId !== c.workerId || b.status === 'cancelled' || b.status === 'expired') {
      await releaseClaim(ports, c.workerId, c.slotStart, c.bookingId)
      orphanClaims++
    }
  })
  const counters = await ports.store.find('slotCounters', { where: { slotStart: { gte: now }, updatedAt: { lt: now - QUIET_MS } }, limit: 1000 })
  await inPool(counters, async (k) => {
    const holders = Object.keys(k.holds ?? {})
    if (holders.length === 0) return
    const bookings = await ports.store.find('bookings', { where: { lineId: k.lineId, slotStart: k.slotStart }, limit: 1000 })
    const live = new Set(bookings.flatMap((b) => ((ACTIVE as readonly string[]).includes(b.status) && b.counterHeld && b.slotHolder ? [b.slotHolder] : [])))
    // A unit whose attempt made no booking (a function cut off between the two) goes back, once.
    for (const h of holders.filter((x) => !live.has(x))) {
      await releaseCounter(ports, k.lineId, k.slotStart, h)
      orphanUnits++
    }
  })
  return { expired, orphanClaims, orphanUnits }
}
