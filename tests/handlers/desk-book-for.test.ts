/**
 * 客服 booking a home service for a household on the phone: the booking is the chosen member's,
 * paid after the service in the mini-program (or free under the property fee), so no money passes
 * through staff; the member is told, a retry books once, and a repair's work order carries the
 * channel it came by.
 */
import { bookingWorkOrderId } from '../../cloudfunctions/domain/desk/booking-sync'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const ZHAO = as('u-service-zhao')
const DAY = 24 * 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

async function firstSlot(lineId: string): Promise<number> {
  const o = okData(await h.call('desk.bookingOptions', { householdId: 'h-a1-101', lineId }, ZHAO, COMMUNITY_A))
  expect(o.slots.length).toBeGreaterThan(0)
  return o.slots[0]!.start
}

describe('booking for a household', () => {
  it('lists the services, the slots of the chosen one and the members to book for', async () => {
    const o = okData(await h.call('desk.bookingOptions', { householdId: 'h-a1-101' }, ZHAO, COMMUNITY_A))
    expect(o.lines.map((l) => l.name)).toEqual(expect.arrayContaining(['日常保洁', '管道疏通']))
    expect(o.slots).toEqual([])
    expect(o.members).toEqual(expect.arrayContaining([{ userId: 'u-wang', name: '王*国', relation: 'owner' }]))
    expect((await firstSlot(DEMO_LINES.clean)) % (3600_000)).toBe(0)
  })

  it("books in the member's name, to pay after the service, tells them, and a retry books once", async () => {
    const slotStart = await firstSlot(DEMO_LINES.clean)
    const req = { householdId: 'h-a1-101', memberUserId: 'u-wang', lineId: DEMO_LINES.clean, slotStart, channel: 'phone400' as const, note: '家里有老人，请轻声', clientRequestId: 'desk-book-0001' }
    const made = okData(await h.call('desk.bookFor', req, ZHAO, COMMUNITY_A))
    expect(made).toMatchObject({ lineName: '日常保洁', slotStart, payLabel: '服务后付款', memberName: '王*国' })
    const b = (await h.store.get('bookings', made.bookingId))!
    expect(b).toMatchObject({ userId: 'u-wang', householdId: 'h-a1-101', payMode: 'after', status: 'confirmed', channel: 'phone400', enteredBy: { userId: 'u-service-zhao' } })
    expect(b.note).toContain('400 电话代约')
    const told = await findAll(h.store, 'inbox', { userId: 'u-wang', title: '物业客服已为你预约' })
    expect(told).toHaveLength(1)
    expect(told[0]!.link).toContain(made.bookingId)
    // 王建国 sees it among his own bookings.
    expect(okData(await h.call('booking.mine', { householdId: 'h-a1-101' }, as('u-wang'), COMMUNITY_A)).bookings.map((x) => x.id)).toContain(made.bookingId)
    const again = okData(await h.call('desk.bookFor', req, ZHAO, COMMUNITY_A))
    expect(again.bookingId).toBe(made.bookingId)
    expect(await findAll(h.store, 'bookings', { enteredBy: undefined, householdId: 'h-a1-101', slotStart })).toHaveLength(1)
  })

  it('books a free repair under the property fee, and its work order says the channel', async () => {
    const slotStart = await firstSlot(DEMO_LINES.pipe)
    const made = okData(await h.call('desk.bookFor', { householdId: 'h-a1-101', memberUserId: 'u-li', lineId: DEMO_LINES.pipe, slotStart, channel: 'walkin', clientRequestId: 'desk-book-0002' }, ZHAO, COMMUNITY_A))
    expect(made.payLabel).toBe('物业费包含（免费）')
    const wo = await h.store.get('workOrders', bookingWorkOrderId(made.bookingId))
    expect(wo).toMatchObject({ type: 'repair', channel: 'walkin', source: 'booking', follows: true })
  })

  it('refuses a member of another household, a foreign household and a past slot, naming the field, and writes nothing', async () => {
    const slotStart = await firstSlot(DEMO_LINES.clean)
    const before = await snapshot(h.store)
    const base = { householdId: 'h-a1-101', memberUserId: 'u-wang', lineId: DEMO_LINES.clean, slotStart, channel: 'phone400' as const, clientRequestId: 'desk-book-0003' }
    expect(errorOf(await h.call('desk.bookFor', { ...base, memberUserId: 'u-zhao' }, ZHAO, COMMUNITY_A))).toMatchObject({ code: 'DESK.NOT_A_MEMBER', fields: [expect.objectContaining({ path: 'memberUserId' })] })
    expect(errorOf(await h.call('desk.bookFor', { ...base, householdId: 'h-b1-101' }, ZHAO, COMMUNITY_A))).toMatchObject({ code: 'DESK.HOUSEHOLD_NOT_FOUND', fields: [expect.objectContaining({ path: 'householdId' })] })
    expect(codeOf(await h.call('desk.bookFor', { ...base, slotStart: slotStart - 7 * DAY }, ZHAO, COMMUNITY_A))).toBe('BOOKING.SLOT_PAST')
    expect(await snapshot(h.store)).toEqual(before)
    expect(codeOf(await h.call('desk.bookFor', base, as('u-worker-niu'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})
