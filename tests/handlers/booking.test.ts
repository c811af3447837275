/**
 * The `booking` function through its real request path on an in-memory SQLite store seeded with
 * the demo data: book → assign → checklist → finish → rate; the last slot under concurrency;
 * a worker never double-booked across lines; bad input writes nothing; upfront payment through
 * the sandbox; service cards; cancellation and expiry free the slot; dispatch; repairs; complaints.
 */
import { bookingContracts } from '../../cloudfunctions/contracts/booking'
import type { WorkerDoc } from '../../cloudfunctions/domain/booking/docs'
import { releaseCounter } from '../../cloudfunctions/domain/booking/book'
import { DAY, HOUR, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, as, makeHarness } from '../support/harness'
import { confirm, sandboxOf } from '../support/pay'
import { codeOf, errorOf, grantFreshUser, okData, snapshot } from './support'

let h: Harness
/** The harness clock at the start of each test: slots are named relative to it. */
let t0 = 0
beforeEach(async () => {
  h = await makeHarness()
  t0 = h.clock.now()
})
afterEach(async () => {
  await h.close()
})

const A = COMMUNITY_A
const WANG = as('u-wang')
const MA = as('u-worker-ma')
const DISPATCH = as('u-dispatch-lin')
const OPERATOR = as('u-operator-wu')
const HOME = 'h-a1-101'
let rid = 0
const req = () => `test-req-${++rid}-xxxx`

/** A slot `days` local days from the harness clock at local hour `hour` (9, 11, 14 or 16). */
const slot = (days: number, hour: number) => localMidnight(t0) + days * DAY + hour * HOUR

function book(input: { lineId?: string; householdId?: string; slotStart?: number; payMode?: 'upfront' | 'after' | 'card' | 'free'; cardId?: string; workerId?: string; clientRequestId?: string; note?: string }, who = WANG) {
  return h.call(
    'booking.book',
    {
      lineId: input.lineId ?? DEMO_LINES.clean,
      householdId: input.householdId ?? HOME,
      slotStart: input.slotStart ?? slot(1, 9),
      payMode: input.payMode ?? 'after',
      clientRequestId: input.clientRequestId ?? req(),
      ...(input.cardId ? { cardId: input.cardId } : {}),
      ...(input.workerId ? { workerId: input.workerId } : {}),
      ...(input.note ? { note: input.note } : {})
    },
    who,
    A
  )
}

const progress = (bookingId: string, step: 'on_way' | 'arrived' | 'check' | 'finish', extra: { key?: string; priceFen?: number; photo?: string } = {}, who = MA) =>
  h.call('booking.progress', { bookingId, step, ...extra }, who, A)

const job = async (id: string) => {
  const b = await h.store.get('bookings', id)
  if (!b) throw new Error(`no booking ${id}`)
  return b
}

/** A CloudBase fileID as `wx.cloud.uploadFile` returns it for our upload path. */
const TIDY_PHOTO = 'cloud://linli-prod-8g2f.6c69-linli-prod-8g2f-1320000000/uploads/2026-01/m5k2tidy0a1b2c3d.jpg'

/** Residents of 1栋 (u-r1..u-r20 own h-a1-101..h-a1-504 in order). */
const residentOf = (i: number) => ({ openid: as(`u-r${i}`), householdId: `h-a1-${Math.floor((i - 1) / 4) + 1}0${((i - 1) % 4) + 1}` })

it('covers every action of the booking function', () => {
  expect(Object.keys(bookingContracts).sort()).toEqual(
    [
      'lines', 'slots', 'book', 'mine', 'get', 'cancel', 'rate', 'workerJobs', 'progress', 'revealPhone', 'board', 'reassign', 'reputation',
      'markOutstanding', 'followUps', 'closeFollowUp', 'complain', 'myComplaints', 'complaints', 'respond', 'rateComplaint',
      // booking-setup.test.ts
      'adminLines', 'saveLine', 'workers', 'saveWorker',
      // booking-praise.test.ts
      'thank', 'praiseQueue', 'moderatePraise'
    ].sort()
  )
})

describe('catalog and slots', () => {
  it('lists service lines with price or quote, duration and standard; none in the other community', async () => {
    const { lines } = okData(await h.call('booking.lines', {}, WANG, A))
    const clean = lines.find((l) => l.id === DEMO_LINES.clean)
    expect(clean).toMatchObject({ name: '日常保洁', priceFen: 12000, durationMin: 120, payModes: ['upfront', 'after', 'card'] })
    expect(clean?.checklist.map((c) => c.label)).toContain('穿戴鞋套')
    expect(lines.find((l) => l.id === DEMO_LINES.appliance)).toMatchObject({ priceFen: null, payModes: ['after', 'card'] })
    expect(lines.find((l) => l.id === DEMO_LINES.pipe)).toMatchObject({ kind: 'repair', freeUnderPropertyFee: true, payModes: ['free'] })
    expect(okData(await h.call('booking.lines', {}, as('u-b-resident'), COMMUNITY_B)).lines).toEqual([])
  })

  it('slots come from workers hours and bookings; the service card shows for a housekeeping line', async () => {
    const res = okData(await h.call('booking.slots', { lineId: DEMO_LINES.clean, householdId: HOME }, WANG, A))
    expect(res.slots.length).toBeGreaterThan(10)
    expect(res.slots.every((s) => s.start >= h.clock.now() + 30 * 60_000)).toBe(true)
    const tomorrow9 = res.slots.find((s) => s.start === slot(1, 9))
    expect(tomorrow9).toMatchObject({ capacity: 3, free: 3 })
    expect(res.cards.map((c) => c.id)).toEqual(['sc-demo-clean10'])
    okData(await book({ slotStart: slot(1, 9) }))
    const after = okData(await h.call('booking.slots', { lineId: DEMO_LINES.clean }, WANG, A))
    expect(after.slots.find((s) => s.start === slot(1, 9))?.free).toBe(2)
  })
})

describe('book → assign → checklist → finish → rate', () => {
  it('assigns the household’s well-rated previous worker, walks the checklist, computes lateness and rates', async () => {
    const { booking } = okData(await book({ slotStart: slot(1, 9), payMode: 'after' }))
    // 1栋 101 rated 马师傅 5/5 last time and asked for the same worker.
    expect(booking).toMatchObject({ status: 'confirmed', payState: 'due', worker: { name: '马师傅' } })
    expect(okData(await h.call('booking.workerJobs', { when: 'upcoming' }, MA, A)).jobs.map((j) => j.id)).toContain(booking.id)

    // Not before arriving.
    expect(codeOf(await progress(booking.id, 'check', { key: 'shoes' }))).toBe('BOOKING.BAD_STATE')
    h.clock.t = slot(1, 9) - 20 * 60_000
    okData(await progress(booking.id, 'on_way'))
    h.clock.t = slot(1, 9) + 12 * 60_000
    const arrived = okData(await progress(booking.id, 'arrived')).booking
    expect(arrived).toMatchObject({ status: 'arrived', lateMin: 12 })
    expect(arrived.timeline.find((t) => t.key === 'arrived')?.note).toBe('迟到 12 分钟')

    // Finishing needs every step of the standard.
    expect(codeOf(await progress(booking.id, 'finish'))).toBe('BOOKING.STEPS_MISSING')
    expect(codeOf(await progress(booking.id, 'check', { key: 'nope' }))).toBe('BOOKING.STEP_UNKNOWN')
    // Another worker cannot touch the job.
    expect(codeOf(await progress(booking.id, 'check', { key: 'shoes' }, as('u-worker-niu')))).toBe('BOOKING.NOT_FOUND')
    for (const c of booking.checklist) {
      h.clock.advance(5 * 60_000)
      okData(await progress(booking.id, 'check', { key: c.key, ...(c.key === 'tidy' ? { photo: TIDY_PHOTO } : {}) }))
    }
    const seen = okData(await h.call('booking.get', { bookingId: booking.id }, WANG, A)).booking
    expect(seen.checklist.every((c) => c.doneAt !== null)).toBe(true)
    expect(seen.checklist.find((c) => c.key === 'tidy')?.photo).toBe(TIDY_PHOTO)
    const done = okData(await progress(booking.id, 'finish')).booking
    expect(done).toMatchObject({ status: 'done', canRate: true, canPay: true, priceFen: 12000 })

    const rated = okData(
      await h.call('booking.rate', { bookingId: booking.id, scores: { punctuality: 4, attitude: 5, process: 5, etiquette: 5, result: 5 }, comment: '很好', nextTime: 'same' }, WANG, A)
    )
    expect(rated.followUp).toBe(false)
    expect(rated.booking.rating?.avg).toBe(4.8)
    expect(rated.booking.timeline.map((t) => t.at !== null)).toEqual(rated.booking.timeline.map(() => true))
    expect(codeOf(await h.call('booking.rate', { bookingId: booking.id, scores: { punctuality: 1, attitude: 1, process: 1, etiquette: 1, result: 1 } }, as('u-li'), A))).toBe(
      'BOOKING.ALREADY_RATED'
    )
    // Rating a service earns the rater the community's rating points, once, whoever retries.
    // (A points entry's id is its source.)
    expect(await h.store.get('pointEntries', `rating:${booking.id}`)).toMatchObject({ userId: 'u-wang', kind: 'earn', delta: 20 })
    const rep = okData(await h.call('booking.reputation', {}, OPERATOR, A)).workers.find((w) => w.worker.name === '马师傅')
    expect(rep).toMatchObject({ ratings: 3, households: 2, jobsDone: 3, worker: { outstanding: true } })
    expect(rep?.months).toHaveLength(6)
  })

  it('a low rating opens a follow-up for the household’s butler, who closes it; a different worker next time', async () => {
    const { booking } = okData(await book({ slotStart: slot(1, 11) }))
    h.clock.t = slot(1, 11)
    okData(await progress(booking.id, 'arrived'))
    for (const c of booking.checklist) okData(await progress(booking.id, 'check', { key: c.key }))
    okData(await progress(booking.id, 'finish'))
    const res = okData(
      await h.call('booking.rate', { bookingId: booking.id, scores: { punctuality: 3, attitude: 2, process: 3, etiquette: 3, result: 3 }, comment: '态度一般', nextTime: 'different' }, WANG, A)
    )
    expect(res.followUp).toBe(true)
    const zhang = okData(await h.call('booking.followUps', {}, as('u-butler-zhang'), A)).followUps
    expect(zhang.map((f) => f.bookingId)).toContain(booking.id)
    expect(okData(await h.call('booking.followUps', {}, as('u-butler-liu'), A)).followUps.map((f) => f.bookingId)).not.toContain(booking.id)
    const f = zhang.find((x) => x.bookingId === booking.id)!
    expect(okData(await h.call('booking.closeFollowUp', { followUpId: f.id, note: '已电话回访，住户接受道歉' }, as('u-butler-zhang'), A)).followUp.status).toBe('closed')
    expect(codeOf(await h.call('booking.closeFollowUp', { followUpId: f.id, note: '再来一次' }, as('u-butler-zhang'), A))).toBe('FOLLOWUP.NOT_FOUND')
    // Asked for a different worker: the next booking goes to someone else with the skill.
    h.clock.t = slot(1, 14) - DAY
    const next = okData(await book({ slotStart: slot(2, 9) })).booking
    expect(next.worker?.name).not.toBe('马师傅')
  })
})

describe('invariants under concurrency', () => {
  it('100 parallel attempts on the last place of a slot: exactly one booking, one claim, counter at capacity', async () => {
    // 周日 (slot(5, …) from Tuesday) only 马师傅 and 胡师傅 cover housekeeping; take 胡师傅 first.
    const start = slot(5, 9)
    const first = okData(await book({ slotStart: start, lineId: DEMO_LINES.nanny, workerId: 'w-a-hu' }))
    expect(first.booking.worker?.name).toBe('胡师傅')
    const attempts = Array.from({ length: 100 }, (_, i) => book({ slotStart: start, householdId: residentOf(i % 20 + 1).householdId, clientRequestId: `last-slot-${i}-xxxx` }, residentOf(i % 20 + 1).openid))
    const results = await Promise.all(attempts)
    const okCount = results.filter((r) => r.ok).length
    expect(okCount).toBe(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'BOOKING.SLOT_FULL')).toBe(true)
    const claims = await findAll(h.store, 'slotClaims', { slotStart: start })
    expect(claims.map((c) => c.workerId).sort()).toEqual(['w-a-hu', 'w-a-ma'])
    const live = (await findAll(h.store, 'bookings', { slotStart: start })).filter((b) => b.status === 'confirmed')
    expect(live).toHaveLength(2)
    expect(new Set(live.map((b) => b.workerId)).size).toBe(2)
  })

  it('a worker is never double-booked across lines', async () => {
    // 周日 9:00: 马师傅 and 胡师傅 both do housekeeping lines; four lines race for two workers.
    const start = slot(5, 9)
    const lines = [DEMO_LINES.clean, DEMO_LINES.deep, DEMO_LINES.nanny, DEMO_LINES.clean, DEMO_LINES.deep, DEMO_LINES.nanny]
    const results = await Promise.all(lines.map((lineId, i) => book({ lineId, slotStart: start, householdId: residentOf(i + 1).householdId }, residentOf(i + 1).openid)))
    const ok = results.filter((r) => r.ok)
    expect(ok).toHaveLength(2)
    const workers = ok.map((r) => (r.ok ? r.data.booking.worker?.id : ''))
    expect(new Set(workers).size).toBe(2)
    // The refused attempts left no counter units behind.
    const counters = await findAll(h.store, 'slotCounters', { slotStart: start })
    expect(counters.reduce((n, c) => n + c.booked, 0)).toBe(2)
  })

  it('the same request twice at once makes one booking', async () => {
    const [a, b] = await Promise.all([book({ clientRequestId: 'same-request-1' }), book({ clientRequestId: 'same-request-1' })])
    expect(okData(a).booking.id).toBe(okData(b).booking.id)
    expect((await findAll(h.store, 'slotClaims', { slotStart: slot(1, 9) })).length).toBe(1)
  })
})

describe('slot capacity is derived the same way for every request', () => {
  // 周日 9:00 (slot(5, 9) from Tuesday): only 马师傅 and 胡师傅 do housekeeping; 日常保洁 allows 3 a slot.
  const start = () => slot(5, 9)
  const counterOf = (lineId: string) => h.store.get('slotCounters', `${lineId}:${start()}`)
  const listed = async (lineId: string) => okData(await h.call('booking.slots', { lineId }, WANG, A)).slots.find((s) => s.start === start())
  const newWorker = async (id: string, p: Partial<WorkerDoc> = {}) => {
    await grantFreshUser(h.store, `u-${id}`, A, 'worker')
    const w: WorkerDoc = {
      _id: id, communityId: A, userId: `u-${id}`, name: '新师傅', phone: '', partner: false, skills: ['housekeeping'],
      hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 540, endMin: 1080 }, active: true, outstanding: false, outstandingNote: '', createdAt: 0, ...p
    }
    expect((await h.store.insert('workers', w)).ok).toBe(true)
  }

  it('a first booker who asks for a worker does not raise the slot to the line’s cap', async () => {
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 2, free: 2 })
    okData(await book({ slotStart: start(), workerId: 'w-a-hu', householdId: residentOf(1).householdId }, residentOf(1).openid))
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ capacity: 2, booked: 1 })
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 2, free: 1 })
  })

  it('a worker added after the counter was made raises its capacity: the picker offers the place and booking takes it', async () => {
    okData(await book({ slotStart: start(), householdId: residentOf(1).householdId }, residentOf(1).openid))
    okData(await book({ slotStart: start(), householdId: residentOf(2).householdId }, residentOf(2).openid))
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ capacity: 2, booked: 2 })
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 2, free: 0 })
    await newWorker('w-a-new')
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 3, free: 1 })
    const third = okData(await book({ slotStart: start(), householdId: residentOf(3).householdId }, residentOf(3).openid)).booking
    expect(third.worker?.id).toBe('w-a-new')
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ capacity: 3, booked: 3 })
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 3, free: 0 })
    expect(codeOf(await book({ slotStart: start(), householdId: residentOf(4).householdId }, residentOf(4).openid))).toBe('BOOKING.SLOT_FULL')
  })

  it('a worker deactivated after the counter was made lowers its bound at once, and the slot shows full', async () => {
    okData(await book({ slotStart: start(), householdId: residentOf(1).householdId }, residentOf(1).openid))
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ capacity: 2, booked: 1 })
    const holder = (await h.store.get('slotClaims', `w-a-ma:${start()}`)) ? 'w-a-hu' : 'w-a-ma'
    expect(await h.store.update('workers', holder, { set: { active: false } })).toBe(true)
    expect(await listed(DEMO_LINES.clean)).toMatchObject({ capacity: 1, free: 0 })
    expect(codeOf(await book({ slotStart: start(), householdId: residentOf(2).householdId }, residentOf(2).openid))).toBe('BOOKING.SLOT_FULL')
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ booked: 1 })
  })

  it('concurrent bookings while the capacity changes never take more than the new capacity', async () => {
    okData(await book({ slotStart: start(), householdId: residentOf(1).householdId }, residentOf(1).openid))
    await newWorker('w-a-new')
    await newWorker('w-a-new2')
    // Four eligible now, the line's cap is 3: 2 more places, 12 households racing for them.
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => book({ slotStart: start(), householdId: residentOf(i + 2).householdId }, residentOf(i + 2).openid))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(await counterOf(DEMO_LINES.clean)).toMatchObject({ capacity: 3, booked: 3 })
    const live = (await findAll(h.store, 'bookings', { slotStart: start(), lineId: DEMO_LINES.clean })).filter((b) => b.status === 'confirmed')
    expect(live).toHaveLength(3)
  })
})

describe('bad input writes nothing', () => {
  it.each([
    ['a slot in the past', () => ({ slotStart: slot(0, 9) }), 'BOOKING.SLOT_PAST', 'slotStart'],
    ['a time that is not a slot', () => ({ slotStart: slot(1, 9) + 15 * 60_000 }), 'BOOKING.SLOT_INVALID', 'slotStart'],
    ['an unknown service', () => ({ lineId: 'sl-nope' }), 'BOOKING.LINE_NOT_FOUND', 'lineId'],
    ['another community’s worker', () => ({ workerId: 'w-b-someone' }), 'BOOKING.WORKER_NOT_FOUND', 'workerId'],
    ['a household not mine', () => ({ householdId: 'h-a1-102' }), 'HOUSEHOLD.NOT_MEMBER', 'householdId'],
    ['free on a paid line', () => ({ payMode: 'free' as const }), 'BOOKING.PAY_MODE', 'payMode'],
    ['a card that does not fit', () => ({ lineId: DEMO_LINES.aircon, payMode: 'card' as const, cardId: 'sc-demo-clean10' }), 'BOOKING.CARD_NOT_APPLICABLE', 'cardId']
  ])('%s', async (_name, input, code, field) => {
    // A worker of community B, to be named from A.
    await h.store.insert('workers', { _id: 'w-b-someone', communityId: COMMUNITY_B, userId: 'u-b-butler', name: '外区师傅', phone: '', partner: false, skills: ['housekeeping'], hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 540, endMin: 1080 }, active: true, outstanding: false, outstandingNote: '', createdAt: 0 })
    const before = await snapshot(h.store)
    const err = errorOf(await book(input()))
    expect(err.code).toBe(code)
    expect(err.fields?.map((f) => f.path)).toContain(field)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('dispatching to another community’s worker is refused and changes nothing', async () => {
    const { booking } = okData(await book({}))
    await grantFreshUser(h.store, 'x-worker-b', COMMUNITY_B, 'worker')
    await h.store.insert('workers', { _id: 'w-b-x', communityId: COMMUNITY_B, userId: 'x-worker-b', name: '外区师傅', phone: '', partner: false, skills: ['housekeeping'], hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 540, endMin: 1080 }, active: true, outstanding: false, outstandingNote: '', createdAt: 0 })
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('booking.reassign', { bookingId: booking.id, workerId: 'w-b-x', reason: '试试' }, DISPATCH, A))).toBe('BOOKING.WORKER_NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('payment', () => {
  it('upfront: the booking holds the worker until paid in the sandbox, then is confirmed', async () => {
    const { booking } = okData(await book({ payMode: 'upfront' }))
    expect(booking).toMatchObject({ status: 'held', payState: 'unpaid', canPay: true })
    // The worker cannot start an unpaid job.
    expect(codeOf(await progress(booking.id, 'on_way'))).toBe('BOOKING.BAD_STATE')
    const created = okData(await h.call('pay.create', { payables: [{ type: 'booking', id: booking.id }], clientRequestId: req() }, WANG, A))
    expect(created.payment.totalFen).toBe(12000)
    expect(await confirm(h, created)).toBe(204)
    await sandboxOf(h).flush()
    expect(await job(booking.id)).toMatchObject({ status: 'confirmed', payState: 'paid', paymentId: created.payment.id })
  })

  it('an unpaid hold expires: the job frees slot and worker; a late payment is refunded automatically', async () => {
    const { booking } = okData(await book({ payMode: 'upfront' }))
    h.clock.advance(10 * 60_000)
    const created = okData(await h.call('pay.create', { payables: [{ type: 'booking', id: booking.id }], clientRequestId: req() }, WANG, A))
    h.clock.advance(11 * 60_000)
    const report = (await h.raw('booking', { Type: 'Timer', TriggerName: 'booking-expire' }, null)) as { ok: boolean; report: Record<string, number> }
    expect(report.report.expired).toBe(1)
    expect(await job(booking.id)).toMatchObject({ status: 'expired', counterHeld: false })
    expect(await h.store.get('slotClaims', `w-a-ma:${slot(1, 9)}`)).toBeNull()
    expect((await h.store.get('slotCounters', `${DEMO_LINES.clean}:${slot(1, 9)}`))?.booked).toBe(0)
    await confirm(h, created)
    await sandboxOf(h).flush()
    const refunds = await findAll(h.store, 'refunds', { paymentId: created.payment.id })
    expect(refunds.reduce((n, r) => n + r.amountFen, 0)).toBe(12000)
    expect((await h.store.get('payments', created.payment.id))?.status).toBe('paid')
  })

  it('the slot counter journals its holders: a unit left by a cut-off attempt goes back once, a release repeated gives back once', async () => {
    const { booking } = okData(await book({}))
    const id = `${DEMO_LINES.clean}:${slot(1, 9)}`
    const holder = (await job(booking.id))?.slotHolder ?? ''
    expect((await h.store.get('slotCounters', id))?.holds).toEqual({ [holder]: 1 })
    // A request cut off after taking its unit, before its booking was written.
    expect(await h.store.update('slotCounters', id, { inc: { booked: 1 }, set: { 'holds.cutoff01': 1 } })).toBe(true)
    const repair = async () => ((await h.raw('booking', { Type: 'Timer', TriggerName: 'booking-expire' }, null)) as { report: Record<string, number> }).report
    expect((await repair()).orphanUnits).toBe(0)
    h.clock.advance(3 * 60_000)
    expect((await repair()).orphanUnits).toBe(1)
    expect((await repair()).orphanUnits).toBe(0)
    expect(await h.store.get('slotCounters', id)).toMatchObject({ booked: 1, holds: { [holder]: 1 } })
    // The cancellation and a sweeper both give the booking's unit back: it comes back once.
    okData(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A))
    await releaseCounter(h.ports, DEMO_LINES.clean, slot(1, 9), holder)
    expect(await h.store.get('slotCounters', id)).toMatchObject({ booked: 0, holds: {} })
  })

  it('a service card pays: one use redeemed, given back on cancellation with the slot', async () => {
    const cardBefore = (await h.store.get('serviceCards', 'sc-demo-clean10'))!.usesLeft
    const { booking } = okData(await book({ payMode: 'card', cardId: 'sc-demo-clean10', slotStart: slot(2, 14) }))
    expect(booking).toMatchObject({ status: 'confirmed', payState: 'card' })
    expect((await h.store.get('serviceCards', 'sc-demo-clean10'))!.usesLeft).toBe(cardBefore - 1)
    const cancelled = okData(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A)).booking
    expect(cancelled.status).toBe('cancelled')
    expect((await h.store.get('serviceCards', 'sc-demo-clean10'))!.usesLeft).toBe(cardBefore)
    expect(await h.store.get('slotClaims', `${booking.worker?.id}:${slot(2, 14)}`)).toBeNull()
    expect(codeOf(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A))).toBe('BOOKING.BAD_STATE')
  })

  it('cancellation closes two hours before the start', async () => {
    const { booking } = okData(await book({ slotStart: slot(1, 9) }))
    h.clock.t = slot(1, 9) - HOUR
    expect(codeOf(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A))).toBe('BOOKING.CANCEL_TOO_LATE')
  })
})

describe('dispatch', () => {
  it('the dispatcher replaces the worker with a reason; the old worker is free again, a busy one is refused', async () => {
    const { booking } = okData(await book({ slotStart: slot(1, 9) }))
    expect(booking.worker?.id).toBe('w-a-ma')
    const other = okData(await book({ slotStart: slot(1, 9), householdId: 'h-a1-102' }, as('u-r2'))).booking
    expect(codeOf(await h.call('booking.reassign', { bookingId: booking.id, workerId: other.worker!.id, reason: '住户要求' }, DISPATCH, A))).toBe('BOOKING.WORKER_BUSY')
    // 1栋 102 asked not to get 杨师傅 again, so 胡师傅 took its job; 杨师傅 is free.
    expect(other.worker?.id).toBe('w-a-hu')
    const moved = okData(await h.call('booking.reassign', { bookingId: booking.id, workerId: 'w-a-yang', reason: '马师傅临时请假' }, DISPATCH, A)).booking
    expect(moved.worker?.name).toBe('杨师傅')
    expect(moved.reassignments).toEqual([expect.objectContaining({ from: '马师傅', to: '杨师傅', reason: '马师傅临时请假' })])
    expect(await h.store.get('slotClaims', `w-a-ma:${slot(1, 9)}`)).toBeNull()
    const board = okData(await h.call('booking.board', {}, DISPATCH, A))
    expect(board.assigned.map((b) => b.id)).toEqual(expect.arrayContaining([booking.id, other.id]))
    expect(board.workers.length).toBe(4)
  })
})

describe('repairs and complaints', () => {
  it('a repair from submission to rating, free under the property fee', async () => {
    const { booking } = okData(await book({ lineId: DEMO_LINES.pipe, payMode: 'free', slotStart: slot(1, 14), note: '厨房下水道堵了' }))
    expect(booking).toMatchObject({ kind: 'repair', status: 'confirmed', payState: 'free', priceFen: 0, worker: { name: expect.stringMatching(/牛师傅|胡师傅/) } })
    const worker = booking.worker!.id === 'w-a-niu' ? as('u-worker-niu') : as('u-worker-hu')
    h.clock.t = slot(1, 14) - 30 * 60_000
    okData(await progress(booking.id, 'on_way', {}, worker))
    h.clock.t = slot(1, 14) - 5 * 60_000
    expect(okData(await progress(booking.id, 'arrived', {}, worker)).booking.lateMin).toBe(0)
    for (const c of booking.checklist) okData(await progress(booking.id, 'check', { key: c.key }, worker))
    const done = okData(await progress(booking.id, 'finish', {}, worker)).booking
    expect(done).toMatchObject({ status: 'done', canPay: false, canRate: true })
    const rated = okData(await h.call('booking.rate', { bookingId: booking.id, scores: { punctuality: 5, attitude: 5, process: 5, etiquette: 5, result: 5 } }, WANG, A))
    expect(rated.booking.rating?.avg).toBe(5)
  })

  it('a repair with no free worker waits unassigned for the dispatcher', async () => {
    // 周二 (slot(7, …)) 16:00: take 牛师傅 and 胡师傅 with electric repairs, then a pipe repair comes in.
    const start = slot(7, 16)
    okData(await book({ lineId: DEMO_LINES.electric, payMode: 'free', slotStart: start }))
    const second = await book({ lineId: DEMO_LINES.electric, payMode: 'free', slotStart: start, householdId: 'h-a1-102' }, as('u-r2'))
    const third = okData(await book({ lineId: DEMO_LINES.pipe, payMode: 'free', slotStart: start, householdId: 'h-a1-103' }, as('u-r3'))).booking
    const busy = okData(second).booking.worker ? 2 : 1
    expect(busy).toBeGreaterThanOrEqual(1)
    expect(third.worker).toBeNull()
    expect(third.statusLabel).toBe('待派单')
    const board = okData(await h.call('booking.board', {}, DISPATCH, A))
    expect(board.unassigned.map((b) => b.id)).toContain(third.id)
  })

  it('a complaint: submitted, answered with a response time, resolved and rated', async () => {
    const c = okData(await h.call('booking.complain', { householdId: HOME, category: 'environment', text: '地下车库灯坏了好几盏', clientRequestId: req() }, WANG, A)).complaint
    expect(c).toMatchObject({ status: 'open', responseMinutes: null })
    expect(codeOf(await h.call('booking.rateComplaint', { complaintId: c.id, score: 5 }, WANG, A))).toBe('COMPLAINT.BAD_STATE')
    h.clock.advance(25 * 60_000)
    expect(okData(await h.call('booking.respond', { complaintId: c.id, status: 'processing', response: '已派电工查看' }, as('u-butler-zhang'), A)).complaint).toMatchObject({
      status: 'processing',
      responseMinutes: 25
    })
    h.clock.advance(3 * HOUR)
    okData(await h.call('booking.respond', { complaintId: c.id, status: 'resolved', response: '已更换 6 盏灯' }, DISPATCH, A))
    const closed = okData(await h.call('booking.rateComplaint', { complaintId: c.id, score: 4, comment: '处理及时' }, WANG, A)).complaint
    expect(closed).toMatchObject({ status: 'closed', responseMinutes: 25, rating: { score: 4 } })
    const list = okData(await h.call('booking.complaints', {}, OPERATOR, A))
    expect(list.avgResponseMinutes).not.toBeNull()
    expect(okData(await h.call('booking.myComplaints', {}, as('u-li'), A)).complaints.map((x) => x.id)).not.toContain(c.id)
  })

  it('a butler sees and answers only the complaints of their grid; dispatchers and customer service all; residents none', async () => {
    const ZHANG = as('u-butler-zhang') // 东区: 1栋
    const LIU = as('u-butler-liu') // 西区: 2栋 and 3栋
    const ids = async (who: string) => okData(await h.call('booking.complaints', {}, who, A)).complaints.map((c) => c.id)
    // Seeded: cp-demo-1 from 1栋 101, cp-demo-2 from 2栋 101.
    expect(await ids(ZHANG)).toEqual(['cp-demo-1'])
    expect(await ids(LIU)).toEqual(['cp-demo-2'])
    expect((await ids(DISPATCH)).sort()).toEqual(['cp-demo-1', 'cp-demo-2'])
    expect((await ids(OPERATOR)).sort()).toEqual(['cp-demo-1', 'cp-demo-2'])
    const SERVICE = as('u-service-zhao')
    expect((await ids(SERVICE)).sort()).toEqual(['cp-demo-1', 'cp-demo-2'])
    // The grid's average response time is over the grid's complaints only (cp-demo-1: 40 minutes).
    expect(okData(await h.call('booking.complaints', {}, ZHANG, A)).avgResponseMinutes).toBe(40)
    expect(okData(await h.call('booking.complaints', {}, LIU, A)).avgResponseMinutes).toBeNull()
    expect(okData(await h.call('booking.respond', { complaintId: 'cp-demo-2', status: 'processing', response: '已通知保洁清运' }, SERVICE, A)).complaint.status).toBe('processing')

    const c = okData(await h.call('booking.complain', { householdId: HOME, category: 'security', text: '单元门禁坏了关不上', clientRequestId: req() }, WANG, A)).complaint
    expect(await ids(ZHANG)).toContain(c.id)
    expect(await ids(LIU)).not.toContain(c.id)
    expect(okData(await h.call('booking.complaints', { status: 'open' }, ZHANG, A)).complaints.map((x) => x.id)).toEqual([c.id])

    // Another grid's butler cannot answer it, and the refusal writes nothing.
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('booking.respond', { complaintId: c.id, status: 'processing', response: '我来处理' }, LIU, A))).toBe('COMPLAINT.NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
    expect(okData(await h.call('booking.respond', { complaintId: c.id, status: 'processing', response: '已联系物业维修' }, ZHANG, A)).complaint.status).toBe('processing')

    // A butler with no grid sees nothing; residents may neither list nor answer complaints.
    const lonely = await grantFreshUser(h.store, 'u-butler-nogrid', A, 'butler')
    expect(await ids(lonely)).toEqual([])
    expect(codeOf(await h.call('booking.respond', { complaintId: c.id, status: 'resolved', response: '处理好了' }, lonely, A))).toBe('COMPLAINT.NOT_FOUND')
    expect(codeOf(await h.call('booking.complaints', {}, WANG, A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('booking.respond', { complaintId: c.id, status: 'resolved', response: '处理好了' }, WANG, A))).toBe('AUTH.FORBIDDEN')
  })

  it('photo ids other than our upload paths are refused with the field path, and nothing is written', async () => {
    const { booking } = okData(await book({ slotStart: slot(1, 9) }))
    h.clock.t = slot(1, 9)
    okData(await progress(booking.id, 'arrived'))
    const before = await snapshot(h.store)
    for (const photo of ['https://evil.example/x.jpg', 'cloud://env/other/2026-01/abcdefghijklmnop.jpg', 'local:../../etc/passwd', 'local:short.jpg', 'local:abcdefghijklmnop.gif']) {
      const err = errorOf(await progress(booking.id, 'check', { key: 'badge', photo }))
      expect(err.code).toBe('REQUEST.INVALID_INPUT')
      expect(err.fields).toEqual([{ path: 'photo', label: '照片', message: '照片无效，请重新上传' }])
    }
    const bad = errorOf(
      await h.call('booking.complain', { householdId: HOME, category: 'other', text: '照片里是问题所在', photos: ['local:abcdefghijklmnopqr.jpg', 'file:///tmp/a.jpg'], clientRequestId: req() }, WANG, A)
    )
    expect(bad.code).toBe('REQUEST.INVALID_INPUT')
    expect(bad.fields?.map((f) => f.path)).toEqual(['photos.1'])
    expect(await snapshot(h.store)).toEqual(before)
    // The ids our upload paths give are kept, and shown back.
    const ok = okData(
      await h.call('booking.complain', { householdId: HOME, category: 'other', text: '照片里是问题所在', photos: ['local:abcdefghijklmnopqr.jpg', TIDY_PHOTO], clientRequestId: req() }, WANG, A)
    )
    expect(ok.complaint.photos).toEqual(['local:abcdefghijklmnopqr.jpg', TIDY_PHOTO])
    expect(okData(await h.call('booking.complaints', {}, as('u-butler-zhang'), A)).complaints.find((c) => c.id === ok.complaint.id)?.photos).toHaveLength(2)
  })

  it('operators mark outstanding workers', async () => {
    const w = okData(await h.call('booking.markOutstanding', { workerId: 'w-a-niu', outstanding: true, note: '本月好评最多' }, OPERATOR, A)).worker
    expect(w).toMatchObject({ outstanding: true, outstandingNote: '本月好评最多' })
    const f = await findAll(h.store, 'followUps', {})
    expect(f.length).toBe(1)
  })
})
