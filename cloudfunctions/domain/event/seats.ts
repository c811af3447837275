import type { Ports } from '../../kernel/ports'
import type { EventDoc, SignupDoc } from './docs'
import { notifyPromoted } from './notify'

/**
 * Seats without transactions. The event document holds two counters, changed only by
 * conditional single-document updates:
 * - `confirmed`: a seat is taken with `inc +1` under `confirmed < capacity` (and the capacity
 *   read, so an edit in between makes the claim fail rather than overbook);
 * - `waiting`: raised before a sign-up becomes waitlisted and lowered when one leaves the queue.
 *   A direct sign-up also needs `waiting == 0`, so while anyone waits, freed seats go to the queue.
 * A freed seat is re-claimed by `fillSeats`, which moves exactly one waitlisted sign-up per
 * claimed seat (`waitlisted -> confirmed`, conditional); if nobody is left it gives the seat back.
 */
export async function claimDirectSeat(ports: Ports, e: EventDoc): Promise<boolean> {
  return ports.store.update(
    'events',
    e._id,
    { inc: { confirmed: 1 } },
    { confirmed: { lt: e.capacity }, capacity: e.capacity, waiting: 0 }
  )
}

export async function releaseSeat(ports: Ports, eventId: string): Promise<boolean> {
  return ports.store.update('events', eventId, { inc: { confirmed: -1 } }, { confirmed: { gt: 0 } })
}

export async function leaveQueue(ports: Ports, eventId: string): Promise<boolean> {
  return ports.store.update('events', eventId, { inc: { waiting: -1 } }, { waiting: { gt: 0 } })
}

const HEADS = 20
/** Bounds one call's work; whoever frees or adds seats calls again. */
const MAX_ROUNDS = 200

/** Promotes waitlisted sign-ups, head first, while seats are free. Returns those promoted. */
export async function fillSeats(ports: Ports, eventId: string): Promise<SignupDoc[]> {
  const promoted: SignupDoc[] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const e = await ports.store.get('events', eventId)
    if (!e || e.confirmed >= e.capacity || e.waiting <= 0 || ports.clock.now() >= e.startAt) break
    const seat = await ports.store.update('events', eventId, { inc: { confirmed: 1 } }, { confirmed: { lt: e.capacity }, capacity: e.capacity })
    if (!seat) continue
    const winner = await promoteHead(ports, eventId)
    if (!winner) {
      // Nobody waitlisted yet (a sign-up between raising `waiting` and writing its status will
      // call fillSeats itself): hand the seat back.
      await releaseSeat(ports, eventId)
      break
    }
    await leaveQueue(ports, eventId)
    promoted.push(winner)
    await notifyPromoted(ports, e, winner)
  }
  return promoted
}

async function promoteHead(ports: Ports, eventId: string): Promise<SignupDoc | null> {
  // Two passes: concurrent promoters may take every head of the first page.
  for (let pass = 0; pass < 2; pass++) {
    const heads = await ports.store.find('eventSignups', {
      where: { eventId, status: 'waitlisted' },
      orderBy: [{ field: 'queueKey', dir: 'asc' }],
      limit: HEADS
    })
    if (heads.length === 0) return null
    const now = ports.clock.now()
    for (const h of heads) {
      const won = await ports.store.update(
        'eventSignups',
        h._id,
        { set: { status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now } },
        { status: 'waitlisted' }
      )
      if (won) return { ...h, status: 'confirmed', confirmedAt: now, promotedAt: now, updatedAt: now }
    }
  }
  return null
}
