/**
 * The worker's timeline against the slot: setting out, arriving and finishing are refused before
 * the slot's window (which the refusal and the job page both state), lateness comes from the real
 * arrival time; and the booker's phone, masked on the job, revealed in full through the audited
 * reveal log.
 */
import { DAY, HOUR, MINUTE, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A as A } from '../../scripts/seed/demo'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
let t0 = 0
beforeEach(async () => {
  h = await makeHarness()
  t0 = h.clock.now()
})
afterEach(async () => {
  await h.close()
})

const WANG = as('u-wang')
const MA = as('u-worker-ma')
const HOME = 'h-a1-101'
let rid = 0
const slot = (days: number, hour: number) => localMidnight(t0) + days * DAY + hour * HOUR

/** `12月7日 08:00` in Shanghai time, written out here independently of the code under test. */
function shanghai(ms: number): string {
  const d = new Date(ms + 8 * HOUR)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/** A cleaning the day after tomorrow at 09:00, confirmed (paid after the service); 马师傅 gets it (this household rated him well). */
async function booked(start = slot(2, 9)) {
  const { booking } = okData(
    await h.call('booking.book', { lineId: DEMO_LINES.clean, householdId: HOME, slotStart: start, payMode: 'after', clientRequestId: `worker-req-${++rid}-xxxx` }, WANG, A)
  )
  expect(booking.worker?.id).toBe('w-a-ma')
  return booking
}

const progress = (bookingId: string, step: 'on_way' | 'arrived' | 'check' | 'finish', who = MA) => h.call('booking.progress', { bookingId, step }, who, A)
const job = async (id: string) => (await h.store.get('bookings', id))!

describe('the slot’s window', () => {
  it('two days ahead: setting out and arriving are refused with the window named, and nothing is written', async () => {
    const b = await booked()
    const start = slot(2, 9)
    const before = await snapshot(h.store)
    const depart = errorOf(await progress(b.id, 'on_way'))
    expect(depart.code).toBe('BOOKING.TOO_EARLY')
    expect(depart.message).toContain(`可在 ${shanghai(start - HOUR)} 后出发`)
    const arrive = errorOf(await progress(b.id, 'arrived'))
    expect(arrive.code).toBe('BOOKING.TOO_EARLY')
    expect(arrive.message).toContain(`可在 ${shanghai(start - 30 * MINUTE)} 后标记到达`)
    expect(await snapshot(h.store)).toEqual(before)
    // The job page says when the next step opens.
    const seen = okData(await h.call('booking.get', { bookingId: b.id }, MA, A)).booking
    expect(seen.window).toEqual({ departFrom: start - HOUR, arriveFrom: start - 30 * MINUTE, finishFrom: start - 30 * MINUTE, hint: `可在 ${shanghai(start - HOUR)} 后出发` })
  })

  it('one minute before the window is still refused; at the window it opens', async () => {
    const b = await booked()
    const start = slot(2, 9)
    h.clock.t = start - HOUR - MINUTE
    expect(codeOf(await progress(b.id, 'on_way'))).toBe('BOOKING.TOO_EARLY')
    h.clock.t = start - HOUR
    expect(okData(await progress(b.id, 'on_way')).booking).toMatchObject({ status: 'on_way', window: { hint: `可在 ${shanghai(start - 30 * MINUTE)} 后标记到达` } })
    expect(codeOf(await progress(b.id, 'arrived'))).toBe('BOOKING.TOO_EARLY')
    expect((await job(b.id)).arrivedAt).toBeUndefined()
  })

  it('a job marked arrived ahead of its window (before this rule) still cannot be finished before it', async () => {
    const b = await booked()
    const start = slot(2, 9)
    await h.store.update('bookings', b.id, { set: { status: 'arrived', arrivedAt: t0, lateMin: 0 } })
    for (const c of b.checklist) okData(await h.call('booking.progress', { bookingId: b.id, step: 'check', key: c.key }, MA, A))
    const before = await snapshot(h.store)
    const err = errorOf(await progress(b.id, 'finish'))
    expect(err.code).toBe('BOOKING.TOO_EARLY')
    expect(err.message).toContain(`可在 ${shanghai(start - 30 * MINUTE)} 后完工`)
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('lateness from the real times', () => {
  it('arriving 7½ minutes after the start is 7 minutes late (the resident’s timeline says so); early inside the window is on time', async () => {
    const b = await booked()
    const start = slot(2, 9)
    h.clock.t = start - 40 * MINUTE
    okData(await progress(b.id, 'on_way'))
    h.clock.t = start + 7 * MINUTE + 30_000
    const arrived = okData(await progress(b.id, 'arrived')).booking
    expect(arrived).toMatchObject({ status: 'arrived', lateMin: 7 })
    expect(await job(b.id)).toMatchObject({ onWayAt: start - 40 * MINUTE, arrivedAt: start + 7 * MINUTE + 30_000, lateMin: 7 })
    const seen = okData(await h.call('booking.get', { bookingId: b.id }, WANG, A)).booking
    expect(seen.timeline.find((t) => t.key === 'arrived')?.note).toBe('迟到 7 分钟')

    const early = await booked(slot(3, 9))
    h.clock.t = slot(3, 9) - 20 * MINUTE
    expect(okData(await progress(early.id, 'arrived')).booking).toMatchObject({ lateMin: 0, timeline: expect.arrayContaining([expect.objectContaining({ key: 'arrived', note: '准时到达' })]) })
  })
})

describe('the booker’s phone', () => {
  it('is masked on the job; the assigned worker reveals it, and each reveal is in the audit log the resident’s export lists', async () => {
    const b = await booked()
    const seen = okData(await h.call('booking.get', { bookingId: b.id }, MA, A)).booking
    expect(seen.contactPhoneMasked).toBe('138****1111')
    expect(JSON.stringify(seen)).not.toContain('13800001111')

    h.clock.advance(MINUTE)
    expect(okData(await h.call('booking.revealPhone', { bookingId: b.id }, MA, A))).toEqual({ phone: '13800001111' })
    const log = await findAll(h.store, 'revealLog', { householdId: HOME })
    expect(log).toEqual([expect.objectContaining({ communityId: A, butlerUserId: 'u-worker-ma', householdId: HOME, taskId: b.id, at: h.clock.now() })])
    const exported = JSON.parse(okData(await h.call('insights.exportProfile', { householdId: HOME }, WANG, A)).json) as { contactViews: { byUserId: string; taskId: string }[] }
    expect(exported.contactViews).toEqual([expect.objectContaining({ byUserId: 'u-worker-ma', taskId: b.id })])
  })

  it('nobody else may reveal it, nor the worker once the job is over; refusals write nothing', async () => {
    const b = await booked()
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('booking.revealPhone', { bookingId: b.id }, as('u-worker-niu'), A))).toBe('BOOKING.NOT_FOUND')
    expect(codeOf(await h.call('booking.revealPhone', { bookingId: b.id }, WANG, A))).toBe('AUTH.FORBIDDEN')
    await h.store.update('bookings', b.id, { set: { status: 'done' } })
    const done = await snapshot(h.store)
    expect(codeOf(await h.call('booking.revealPhone', { bookingId: b.id }, MA, A))).toBe('BOOKING.BAD_STATE')
    expect(await snapshot(h.store)).toEqual(done)
    expect((await snapshot(h.store)).revealLog).toEqual(before.revealLog)
  })
})
