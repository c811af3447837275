import { findAll, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { EventDoc, ReminderDoc } from './docs'
import { notifyReminder } from './notify'
import { fillSeats } from './seats'
import { HOUR_MS } from './views'

const DAY_MS = 24 * HOUR_MS

/**
 * Every few minutes: the day-before reminder (24 h ahead) and the hour-before one (1 h ahead) to
 * each confirmed sign-up. The reminder row's `_id` (`${signup}:${kind}`) is claimed by insert
 * before sending, so overlapping or repeated runs remind once. A sign-up made within two hours
 * of the start gets only the hour-before reminder.
 */
export async function runReminders(ports: Ports): Promise<{ day: number; hour: number; failed: number }> {
  const now = ports.clock.now()
  const report = { day: 0, hour: 0, failed: 0 }
  const due = { and: [{ status: 'published' }, { startAt: { gt: now } }, { startAt: { lte: now + DAY_MS } }] }
  for await (const events of pages(ports.store, 'events', due)) {
    for (const e of events) {
      const kind: 'day' | 'hour' | null = e.startAt - now <= HOUR_MS ? 'hour' : e.startAt - now > 2 * HOUR_MS ? 'day' : null
      if (!kind) continue
      for await (const batch of pages(ports.store, 'eventSignups', { eventId: e._id, status: 'confirmed' })) {
        for (const s of batch) {
          const row: ReminderDoc = { _id: `${s._id}:${kind}`, eventId: e._id, signupId: s._id, userId: s.userId, kind, at: now }
          if (!(await ports.store.insert('eventReminders', row)).ok) continue
          try {
            await notifyReminder(ports, e, s, kind)
            report[kind]++
          } catch (err) {
            report.failed++
            ports.log.error('event reminder failed', { signupId: s._id, kind, error: String(err) })
          }
        }
      }
    }
  }
  return report
}

/** A sign-up still `pending` this long after its last write was abandoned mid-request. */
export const STALE_PENDING_MS = 2 * 60_000

/**
 * Hourly: after an event ends, confirmed sign-ups that never checked in become no-shows. Before
 * it starts, repairs what a function killed mid-request can leave: abandoned `pending` slots are
 * released, and the seat counters are recounted from the sign-ups, but only when nothing on the
 * event moved for a while (so the count and the counter describe the same moment), and written
 * with a compare-and-set on the values read.
 */
export async function runCloseEvents(ports: Ports): Promise<{ closed: number; noShows: number; repaired: number }> {
  const now = ports.clock.now()
  const report = { closed: 0, noShows: 0, repaired: 0 }
  const ended = { and: [{ status: 'published' }, { endAt: { lte: now } }, { closedAt: null }] }
  for await (const events of pages(ports.store, 'events', ended)) {
    for (const e of events) {
      for await (const batch of pages(ports.store, 'eventSignups', { eventId: e._id, status: 'confirmed' })) {
        for (const s of batch) {
          if (await ports.store.update('eventSignups', s._id, { set: { status: 'noShow', updatedAt: now } }, { status: 'confirmed' })) report.noShows++
        }
      }
      if (await ports.store.update('events', e._id, { set: { closedAt: now } }, { closedAt: null })) report.closed++
    }
  }
  const open = { and: [{ status: 'published' }, { startAt: { gt: now } }] }
  for await (const events of pages(ports.store, 'events', open)) {
    for (const e of events) if (await repairCounters(ports, e, now)) report.repaired++
  }
  return report
}

async function repairCounters(ports: Ports, e: EventDoc, now: number): Promise<boolean> {
  const signups = await findAll(ports.store, 'eventSignups', { eventId: e._id })
  if (signups.some((s) => s.updatedAt > now - STALE_PENDING_MS)) return false
  let changed = false
  for (const s of signups.filter((x) => x.status === 'pending')) {
    changed = (await ports.store.update('eventSignups', s._id, { set: { status: 'cancelled', cancelledAt: now, updatedAt: now } }, { status: 'pending' })) || changed
  }
  const fresh = await ports.store.get('events', e._id)
  if (!fresh) return changed
  const seats = signups.filter((s) => s.status === 'confirmed' || s.status === 'checkedIn').length
  const waiting = signups.filter((s) => s.status === 'waitlisted').length
  if (fresh.confirmed !== seats || fresh.waiting !== waiting) {
    const fixed = await ports.store.update(
      'events',
      e._id,
      { set: { confirmed: seats, waiting } },
      { confirmed: fresh.confirmed, waiting: fresh.waiting }
    )
    if (fixed) {
      ports.log.warn('event seat counters repaired', { eventId: e._id, from: [fresh.confirmed, fresh.waiting], to: [seats, waiting] })
      await fillSeats(ports, e._id)
      changed = true
    }
  }
  return changed
}
