/**
 * The seat invariants under concurrency, through the real request path: never more confirmed
 * than capacity, the waitlist in sign-up order with contiguous places, one promotion per freed
 * seat, a household never beyond its seats.
 */
import type { MySignupT } from '../../cloudfunctions/contracts/event'
import type { SignupDoc } from '../../cloudfunctions/domain/event/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { okData } from '../handlers/support'
import { createEvent, freshResidents } from '../support/events'
import { type Harness, as, makeHarness } from '../support/harness'

jest.setTimeout(60_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const A = COMMUNITY_A
const signups = (eventId: string) => findAll(h.store, 'eventSignups', { eventId })
const byQueue = (a: SignupDoc, b: SignupDoc) => (a.queueKey < b.queueKey ? -1 : 1)

it('200 parallel sign-ups for 10 seats: exactly 10 confirmed, 190 waitlisted in order with places 1..190', async () => {
  const id = await createEvent(h, { capacity: 10 })
  const people = await freshResidents(h, 200)
  // Spread acceptance times so sign-up order is well defined, then fire everything at once.
  const results = await Promise.all(
    people.map((p, i) => {
      if (i % 20 === 0) h.clock.advance(1)
      return h.call('event.signUp', { eventId: id, householdId: p.householdId }, p.openid, A)
    })
  )
  const ok = results.map(okData)
  expect(ok.filter((s) => s.status === 'confirmed')).toHaveLength(10)
  expect(ok.filter((s) => s.status === 'waitlisted')).toHaveLength(190)
  const e = await h.store.get('events', id)
  expect(e).toMatchObject({ confirmed: 10, waiting: 190 })
  const all = await signups(id)
  expect(all.filter((s) => s.status === 'confirmed')).toHaveLength(10)

  const list = okData(await h.call('event.signups', { eventId: id }, as('u-staff-sun'), A))
  expect(list.waitlist.map((w) => w.position)).toEqual(Array.from({ length: 190 }, (_, i) => i + 1))
  const queue = all.filter((s) => s.status === 'waitlisted').sort(byQueue)
  expect(list.waitlist.map((w) => w.signupId)).toEqual(queue.map((s) => s._id))
  // Every waitlisted sign-up was accepted no earlier than the last confirmed one.
  const lastSeat = Math.max(...all.filter((s) => s.status === 'confirmed').map((s) => s.createdAt))
  expect(queue.every((s) => s.createdAt >= lastSeat)).toBe(true)
})

it('concurrent cancellations promote exactly one waitlisted sign-up each, head first', async () => {
  const id = await createEvent(h, { capacity: 10 })
  const people = await freshResidents(h, 30)
  const made: MySignupT[] = []
  for (const p of people) {
    made.push(okData(await h.call('event.signUp', { eventId: id, householdId: p.householdId }, p.openid, A)))
    h.clock.advance(1)
  }
  const seated = made.filter((s) => s.status === 'confirmed')
  const queueBefore = (await signups(id)).filter((s) => s.status === 'waitlisted').sort(byQueue)
  const leaving = seated.slice(0, 6)
  const res = await Promise.all(
    leaving.map((s) => h.call('event.cancel', { signupId: s.id }, people[made.indexOf(s)]!.openid, A))
  )
  res.forEach((r) => expect(okData(r).status).toBe('cancelled'))
  const after = await signups(id)
  const promoted = after.filter((s) => s.promotedAt !== undefined)
  expect(promoted.map((s) => s._id).sort()).toEqual(queueBefore.slice(0, 6).map((s) => s._id).sort())
  expect(after.filter((s) => s.status === 'confirmed')).toHaveLength(10)
  expect(await h.store.get('events', id)).toMatchObject({ confirmed: 10, waiting: 14 })
  for (const s of promoted) expect(await h.store.count('inbox', { userId: s.userId, kind: 'event-promoted' })).toBe(1)
})

it('cancellations racing new sign-ups never overbook and never let a newcomer jump the queue', async () => {
  const id = await createEvent(h, { capacity: 5 })
  const people = await freshResidents(h, 60)
  const first: MySignupT[] = []
  for (const p of people.slice(0, 20)) {
    first.push(okData(await h.call('event.signUp', { eventId: id, householdId: p.householdId }, p.openid, A)))
    h.clock.advance(1)
  }
  h.clock.advance(1000)
  const cancels = first.filter((s) => s.status === 'confirmed').map((s) => h.call('event.cancel', { signupId: s.id }, people[first.indexOf(s)]!.openid, A))
  const late = people.slice(20).map((p) => h.call('event.signUp', { eventId: id, householdId: p.householdId }, p.openid, A))
  await Promise.all([...cancels, ...late])
  const all = await signups(id)
  const confirmed = all.filter((s) => s.status === 'confirmed')
  expect(confirmed).toHaveLength(5)
  // The five freed seats went to the five oldest waitlisted sign-ups, none to a late one.
  const firstIds = new Set(first.map((s) => s.id))
  expect(confirmed.every((s) => firstIds.has(s._id))).toBe(true)
  const e = await h.store.get('events', id)
  expect(e?.confirmed).toBe(5)
  expect(e?.waiting).toBe(all.filter((s) => s.status === 'waitlisted').length)
})

it('a household racing itself never exceeds its seats', async () => {
  const id = await createEvent(h, { capacity: 50, seatsPerHousehold: 2 })
  const tries = Array.from({ length: 12 }, (_, i) =>
    h.call('event.signUp', { eventId: id, householdId: 'h-a1-101' }, as(i % 2 ? 'u-wang' : 'u-li'), A)
  )
  const res = await Promise.all(tries)
  expect(res.filter((r) => r.ok)).toHaveLength(2)
  expect(res.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(10).fill('EVENT.HOUSEHOLD_FULL'))
  expect(await h.store.count('eventSignups', { eventId: id, householdId: 'h-a1-101' })).toBe(2)
})
