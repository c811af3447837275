/**
 * Smart parking (issue 18) through the real request paths: barrier cameras on the access
 * function's HTTP route with the gates' device authentication, residents and staff through the
 * `parking` function, payments through `pay.create` and the WeChat Pay sandbox.
 */
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { type GateSim, gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, HOUR, MINUTE, confirm, newCrid, paymentDoc, sandboxOf } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

const WANG = as('u-wang') // 1栋 101 (space B1-001, plates 沪A12345 with a monthly card, 沪AD12345) and 2栋 302 (rents B1-002)
const ZHAO = as('u-zhao') // 3栋 201
const OPERATOR = as('u-operator-wu')
const SERVICE = as('u-service-zhao')
const VERIFIER = as('u-verifier-zhou')
const VISITOR_PLATE = '苏E66666'
const CAR = '沪B23456'

let h: Harness
let sim: GateSim
beforeEach(async () => {
  h = await makeHarness()
  sim = gateSim(h.ports)
})
afterEach(async () => {
  await h.close()
})

let n = 0
interface Reading {
  eventId?: string
  deviceId?: string
  nonce?: string
  ts?: number
}
function reading(door: 'd1' | 'd2', plate: string, at = h.clock.now(), o: Reading = {}) {
  n++
  const fields = { deviceId: o.deviceId ?? 'ly-car', ts: o.ts ?? h.clock.now(), nonce: o.nonce ?? `barrier-nonce-${n}`, door, plate, at, eventId: o.eventId ?? `event-${n}`, photo: `cam/${n}.jpg` }
  return sim.signed('barrier', fields)
}
const send = async (req: { body: string; headers: Record<string, string> }) => (await sim.send('barrier', req)) as BarrierAnswer
const enter = (plate: string, at?: number, o?: Reading) => send(reading('d1', plate, at, o))
const leave = (plate: string, at?: number, o?: Reading) => send(reading('d2', plate, at, o))

const sessionsOf = async (plate: string) => (await findAll(h.store, 'parkingSessions', { plate })).sort((a, b) => a.enteredAt - b.enteredAt)
const eventsOf = async (plate: string) => findAll(h.store, 'parkingEvents', { plate })

/** WANG looks the plate up, pays what is due in the sandbox, and gets the payment back. */
async function payFor(plate: string, who = WANG) {
  const { session } = okData(await h.call('parking.sessionByPlate', { plate }, who, COMMUNITY_A))
  if (!session?.payable) throw new Error(`nothing to pay for ${plate}`)
  const created = okData(await h.call('pay.create', { payables: [session.payable], clientRequestId: newCrid() }, who, COMMUNITY_A))
  expect(await confirm(h, created)).toBe(204)
  return { session, payment: await paymentDoc(h, created.payment.id) }
}

describe('a temporary car', () => {
  it('enters, is refused at the exit with the amount due, pays, and leaves within the grace period', async () => {
    const inAt = h.clock.now()
    const entry = await enter(CAR)
    expect(entry).toMatchObject({ decision: 'open', reason: null, plate: CAR, message: '欢迎光临，临时停车' })
    expect(entry.sig).toBeTruthy()
    h.clock.advance(61 * MINUTE)
    // 61 minutes: two started hours, 500 + 300.
    const refused = await leave(CAR)
    expect(refused).toMatchObject({ decision: 'deny', reason: 'PAYMENT_DUE', dueFen: 800, message: '请缴费 ¥8.00 后出场' })
    expect(refused.payPath).toBe(`/packages/parking/pages/pay/index?communityId=${COMMUNITY_A}&lotId=${DEMO_LOT_ID}&plate=${encodeURIComponent(CAR)}`)

    const { session, payment } = await payFor(CAR)
    expect(session).toMatchObject({ plate: CAR, kind: 'temporary', enteredAt: inAt, feeFen: 800, dueFen: 800, paidFen: 0 })
    expect(payment).toMatchObject({ status: 'paid', totalFen: 800, householdId: 'h-a1-101' })
    const after = okData(await h.call('parking.sessionByPlate', { plate: CAR }, WANG, COMMUNITY_A)).session
    expect(after).toMatchObject({ paidFen: 800, dueFen: 0, payable: null })

    h.clock.advance(10 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'open', message: '一路顺风' })
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', paidFen: 800, paidCount: 1, feeFen: 800, exitedAt: h.clock.now() })
    expect(okData(await h.call('parking.sessionByPlate', { plate: CAR }, WANG, COMMUNITY_A)).session).toBeNull()
  })

  it('past the grace period owes only the extra, paid as a second payment; the first cannot be paid twice', async () => {
    await enter(CAR)
    h.clock.advance(50 * MINUTE)
    const first = await payFor(CAR)
    expect(first.payment.totalFen).toBe(500) // one started hour
    h.clock.advance(20 * MINUTE) // 70 minutes in, 20 after paying: past the 15 of grace
    // Two hours 800, paid 500: 300 due.
    expect(await leave(CAR)).toMatchObject({ decision: 'deny', dueFen: 300 })
    // The first payment's payable is spent: paying it again is refused, not charged.
    const stale = await h.call('pay.create', { payables: [{ type: 'parking', id: first.session.payable!.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A)
    expect(codeOf(stale)).toBe('PAY.NOT_PAYABLE')
    const second = await payFor(CAR)
    expect(second.payment.totalFen).toBe(300)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', paidFen: 800, paidCount: 2, feeFen: 800 })
    expect(s!.charges.map((c) => c.amountFen)).toEqual([500, 300])
  })

  it('owes a refunded payment again while inside, once however often the refund is reported, and keeps a part refund on the stay', async () => {
    await enter(CAR)
    h.clock.advance(61 * MINUTE)
    const { payment } = await payFor(CAR)
    const refund = (amountFen: number) =>
      h.call('pay.refund', { paymentId: payment._id, lines: [{ payableId: payment.lines[0]!.id, amountFen }], reason: '车主投诉计费有误，退回重缴', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A)
    okData(await refund(300))
    await sandboxOf(h).flush()
    // Part refunded: 500 of 800 stays paid and the grace period stands, so the exit opens.
    expect((await sessionsOf(CAR))[0]).toMatchObject({ paidFen: 500, lastPaidAt: h.clock.now() })
    expect((await sessionsOf(CAR))[0]!.charges[0]).toMatchObject({ amountFen: 800, refundedFen: 300 })
    okData(await refund(500))
    await sandboxOf(h).flush()
    // Refunded whole: nothing counts as paid, no grace, and the exit asks for the fee again.
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ paidFen: 0, lastPaidAt: null, paidCount: 1 })
    expect(await leave(CAR)).toMatchObject({ decision: 'deny', dueFen: 800 })
    // The refund reported again (a retried sync) changes nothing more.
    const { withRefund } = await import('../../cloudfunctions/domain/parking/payables')
    expect(withRefund(s!, payment._id, 800)).toBeNull()
    // Paid again as the session's next payment, and the car leaves.
    const again = await payFor(CAR)
    expect(again.payment.totalFen).toBe(800)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
    expect((await sessionsOf(CAR))[0]).toMatchObject({ status: 'closed', paidFen: 800, paidCount: 2 })
  })

  it('leaves free within the free minutes', async () => {
    await enter(CAR)
    h.clock.advance(14 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'open', dueFen: null })
  })
})

describe('duplicates and events out of order', () => {
  it('answers a re-sent entry as the first time, and a second reading moments later is the same car', async () => {
    const req = reading('d1', CAR)
    const first = await send(req)
    // The camera re-sends the same reading (its event id) with a new nonce.
    const again = await enter(CAR, undefined, { eventId: JSON.parse(req.body).eventId })
    expect(again).toMatchObject({ decision: first.decision, message: first.message })
    h.clock.advance(2 * MINUTE)
    expect(await enter(CAR)).toMatchObject({ decision: 'open' })
    expect(await sessionsOf(CAR)).toHaveLength(1)
    expect(await eventsOf(CAR)).toHaveLength(2)
  })

  it('keeps one stay when two lanes read the car at once, and one exit when two readings race', async () => {
    const [a, b] = await Promise.all([enter(CAR), enter(CAR)])
    expect([a.decision, b.decision]).toEqual(['open', 'open'])
    expect(await sessionsOf(CAR)).toHaveLength(1)
    h.clock.advance(10 * MINUTE)
    const [x, y] = await Promise.all([leave(CAR), leave(CAR)])
    expect([x.decision, y.decision]).toEqual(['open', 'open'])
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', feeFen: 0 })
  })

  it('takes one payment when two family members pay the same stay at once', async () => {
    await enter(CAR)
    h.clock.advance(2 * HOUR)
    const { session } = okData(await h.call('parking.sessionByPlate', { plate: CAR }, WANG, COMMUNITY_A))
    const payables = [session!.payable!]
    const [a, b] = await Promise.all([
      h.call('pay.create', { payables, clientRequestId: newCrid() }, WANG, COMMUNITY_A),
      h.call('pay.create', { payables, clientRequestId: newCrid() }, as('u-li'), COMMUNITY_A)
    ])
    const made = [a, b].filter((r) => r.ok)
    expect(made).toHaveLength(1)
    expect(codeOf([a, b].find((r) => !r.ok))).toBe('PAY.IN_PROGRESS')
    expect(await confirm(h, okData(made[0]!))).toBe(204)
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ paidFen: 800, paidCount: 1 })
  })

  it('does not end a stay on an exit reading older than it (an earlier exit uploaded late)', async () => {
    await enter(CAR)
    h.clock.advance(30 * MINUTE)
    expect(await leave(CAR, h.clock.now() - 3 * HOUR)).toMatchObject({ decision: 'open' })
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'open' })
  })

  it('refuses a replayed device request, writing nothing', async () => {
    const req = reading('d1', CAR)
    await send(req)
    const before = await snapshot(h.store)
    expect(await send(req)).toMatchObject({ decision: 'deny', reason: 'DEVICE_REPLAY' })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('records an exit with no entry for staff; a late entry is matched to it, and a manual opening resolves it', async () => {
    const inAt = h.clock.now() - 2 * HOUR
    const exit = await leave(CAR)
    expect(exit).toMatchObject({ decision: 'deny', reason: 'NO_ENTRY', message: '无入场记录，请联系值班人员' })
    const queue = okData(await h.call('parking.exceptions', {}, SERVICE, COMMUNITY_A)).events
    expect(queue.map((e) => [e.plate, e.exception, e.exceptionOpen])).toEqual([[CAR, 'exit_without_entry', true]])

    // The entry reading arrives late, with its own earlier time: the stay is recorded closed and priced.
    expect(await enter(CAR, inAt)).toMatchObject({ decision: 'open' })
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', enteredAt: inAt, exitedAt: h.clock.now(), feeFen: 800, closeReason: 'late_entry' })
    const matched = await h.store.get('parkingEvents', queue[0]!.id)
    expect(matched).toMatchObject({ matched: true, sessionId: s!._id, note: '已匹配迟到的入场记录：应收 ¥8.00 未收' })

    const opened = okData(await h.call('parking.manualOpen', { lotId: DEMO_LOT_ID, direction: 'out', reason: '无入场记录，核实后放行', eventId: queue[0]!.id, clientRequestId: newCrid() }, VERIFIER, COMMUNITY_A))
    expect(opened).toMatchObject({ direction: 'manual', plate: CAR, decision: 'open', byName: '周核销', note: '无入场记录，核实后放行' })
    expect(okData(await h.call('parking.exceptions', {}, SERVICE, COMMUNITY_A)).events).toEqual([])
    // The camera reads the car again at the exit: let out a moment ago, so it opens.
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
  })

  it('an entry while the plate is still inside closes the old stay for staff to see, and opens a new one', async () => {
    await enter(CAR)
    h.clock.advance(3 * HOUR)
    expect(await enter(CAR)).toMatchObject({ decision: 'open' })
    const [old, fresh] = await sessionsOf(CAR)
    expect(old).toMatchObject({ status: 'replaced', feeFen: 1100 })
    expect(fresh).toMatchObject({ status: 'open' })
    const queue = okData(await h.call('parking.exceptions', {}, OPERATOR, COMMUNITY_A)).events
    expect(queue.map((e) => e.exception)).toEqual(['entry_while_inside'])
  })
})

describe('monthly cards, visitors and the blacklist', () => {
  it('opens both ways for a plate with an active monthly card, with nothing due', async () => {
    expect(await enter('沪A12345')).toMatchObject({ decision: 'open', message: '月卡车，欢迎回家' })
    h.clock.advance(5 * HOUR)
    expect(await leave('沪A12345')).toMatchObject({ decision: 'open' })
    const [s] = await sessionsOf('沪A12345')
    expect(s).toMatchObject({ kind: 'monthly', status: 'closed', feeFen: 0 })
  })

  it('sells a monthly card for a registered plate, active once paid', async () => {
    const card = okData(await h.call('parking.buyCard', { lotId: DEMO_LOT_ID, plate: '沪AD12345', months: 2, clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    expect(card).toMatchObject({ plate: '沪AD12345', months: 2, amountFen: 60000, status: 'pending', validFrom: h.clock.now(), payable: { type: 'parkingCard', id: card.id } })
    // Asked again before paying: the card waiting is the answer.
    expect(okData(await h.call('parking.buyCard', { lotId: DEMO_LOT_ID, plate: '沪AD12345', months: 2, clientRequestId: newCrid() }, WANG, COMMUNITY_A)).id).toBe(card.id)
    const created = okData(await h.call('pay.create', { payables: [card.payable!], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    expect(await confirm(h, created)).toBe(204)
    expect(await h.store.get('parkingCards', card.id)).toMatchObject({ status: 'active', paymentId: created.payment.id })
    expect(await enter('沪AD12345')).toMatchObject({ message: '月卡车，欢迎回家' })
    // A plate nobody registered gets no card.
    expect(codeOf(await h.call('parking.buyCard', { lotId: DEMO_LOT_ID, plate: CAR, months: 1, clientRequestId: newCrid() }, WANG, COMMUNITY_A))).toBe('PARKING.PLATE_NOT_FOUND')
  })

  it("lets a visitor named on a host's pass in, and the host pays for the stay past the pass", async () => {
    const now = h.clock.now()
    okData(
      await h.call('access.createVisitorPass', { householdId: 'h-a1-101', visitorName: '周访客', visitorPhone: '13900001111', purpose: '探亲', plate: VISITOR_PLATE, validFrom: now, validTo: now + HOUR, maxUses: 2 }, WANG, COMMUNITY_A)
    )
    expect(await enter(VISITOR_PLATE)).toMatchObject({ decision: 'open', message: '访客车辆，欢迎来访' })
    // Free while the pass lasts (an hour), then 61 minutes priced from its end: 500 + 300.
    h.clock.advance(HOUR + 61 * MINUTE)
    const { session, payment } = await payFor(VISITOR_PLATE)
    expect(session).toMatchObject({ kind: 'visitor', dueFen: 800 })
    expect(payment.householdId).toBe('h-a1-101')
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'open' })
  })

  it('turns a blacklisted plate away at the entry, and lets it in once taken off', async () => {
    okData(await h.call('parking.setBlacklist', { lotId: DEMO_LOT_ID, plate: CAR, listed: true, reason: '多次逃费' }, SERVICE, COMMUNITY_A))
    expect(await enter(CAR)).toMatchObject({ decision: 'deny', reason: 'BLACKLISTED', message: '黑名单车辆，禁止入场' })
    expect(await sessionsOf(CAR)).toEqual([])
    const [e] = await eventsOf(CAR)
    expect(e).toMatchObject({ exception: 'blacklisted', decision: 'deny' })
    okData(await h.call('parking.setBlacklist', { lotId: DEMO_LOT_ID, plate: CAR, listed: false }, OPERATOR, COMMUNITY_A))
    expect(await enter(CAR)).toMatchObject({ decision: 'open' })
  })
})

describe('staff', () => {
  it('see occupancy and the cars inside, and open the exit by hand with a reason that is logged', async () => {
    await enter(CAR)
    await enter('沪A12345')
    const { lots } = okData(await h.call('parking.occupancy', {}, VERIFIER, COMMUNITY_A))
    expect(lots).toEqual([expect.objectContaining({ id: DEMO_LOT_ID, name: '地下车库', occupied: 2, temporary: 1, openExceptions: 0 })])
    h.clock.advance(3 * HOUR)
    const inside = okData(await h.call('parking.sessions', { lotId: DEMO_LOT_ID }, SERVICE, COMMUNITY_A)).sessions
    expect(inside.map((s) => [s.plate, s.kind, s.dueFen]).sort()).toEqual([
      ['沪A12345', 'monthly', 0],
      [CAR, 'temporary', 1100]
    ].sort())

    const crid = newCrid()
    const opened = okData(await h.call('parking.manualOpen', { lotId: DEMO_LOT_ID, direction: 'out', plate: CAR, reason: '车主现金缴费', clientRequestId: crid }, SERVICE, COMMUNITY_A))
    expect(opened).toMatchObject({ gateId: 'ly-car', doorId: 'd2', byName: '赵客服', message: '人工开闸（出口）：车主现金缴费' })
    // Retried with the same request id: the same opening.
    expect(okData(await h.call('parking.manualOpen', { lotId: DEMO_LOT_ID, direction: 'out', plate: CAR, reason: '车主现金缴费', clientRequestId: crid }, SERVICE, COMMUNITY_A)).id).toBe(opened.id)
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', closedBy: 'u-service-zhao', closeReason: '车主现金缴费' })
    expect(h.logs.some((l) => l.msg === 'parking barrier opened by hand' && l.fields?.reason === '车主现金缴费')).toBe(true)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
  })

  it('start a stay when they let a car in by hand, so its exit is priced as usual', async () => {
    const lotIn = okData(await h.call('parking.manualOpen', { lotId: DEMO_LOT_ID, direction: 'in', plate: CAR, reason: '车牌识别失败', clientRequestId: newCrid() }, SERVICE, COMMUNITY_A))
    expect(lotIn).toMatchObject({ gateId: 'ly-car', doorId: 'd1', message: '人工开闸（入口）：车牌识别失败' })
    h.clock.advance(61 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'deny', dueFen: 800 })
  })

  it('keep the desk and residents out of what operators set up', async () => {
    const res = await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code: 'B1-009', type: 'public', householdId: null, rentedUntil: null }, SERVICE, COMMUNITY_A)
    expect(codeOf(res)).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('parking.sessions', { lotId: DEMO_LOT_ID }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})

describe('plates', () => {
  it('registers plates on a space up to its limit, new-energy plates included', async () => {
    // B1-001 already holds 沪A12345 and 沪AD12345: the lot allows 2 a space.
    const full = await h.call('parking.registerPlate', { spaceId: `${DEMO_LOT_ID}:B1-001`, plate: '沪C11111' }, WANG, COMMUNITY_A)
    expect(errorOf(full)).toMatchObject({ code: 'PARKING.PLATE_LIMIT', message: '每个车位最多登记 2 个车牌' })
    const rented = `${DEMO_LOT_ID}:B1-002`
    expect(okData(await h.call('parking.registerPlate', { spaceId: rented, plate: '沪c 1111 1' }, WANG, COMMUNITY_A))).toEqual({ plate: '沪C11111', spaceId: rented, platesOnSpace: 1 })
    expect(okData(await h.call('parking.registerPlate', { spaceId: rented, plate: '沪A12345D' }, WANG, COMMUNITY_A)).platesOnSpace).toBe(2)
    expect(codeOf(await h.call('parking.registerPlate', { spaceId: rented, plate: '沪E22222' }, WANG, COMMUNITY_A))).toBe('PARKING.PLATE_LIMIT')
    // Removing one gives its place back, once.
    okData(await h.call('parking.removePlate', { plate: '沪C11111' }, WANG, COMMUNITY_A))
    expect(codeOf(await h.call('parking.removePlate', { plate: '沪C11111' }, WANG, COMMUNITY_A))).toBe('PARKING.PLATE_NOT_FOUND')
    expect((await h.store.get('parkingSpaces', rented))?.plates).toBe(1)
    const mine = okData(await h.call('parking.mine', { householdId: 'h-a2-302' }, WANG, COMMUNITY_A))
    expect(mine.plates).toEqual([{ plate: '沪A12345D', spaceId: rented }])
  })

  it("refuses a malformed plate with a clear message, another home's space, and a plate someone else registered", async () => {
    const before = await snapshot(h.store)
    const bad = errorOf(await h.call('parking.registerPlate', { spaceId: `${DEMO_LOT_ID}:B1-002`, plate: '沪I1234' }, WANG, COMMUNITY_A))
    expect(bad.code).toBe('REQUEST.INVALID_INPUT')
    expect(bad.fields).toEqual([expect.objectContaining({ path: 'plate', label: '车牌号', message: '车牌号格式不正确，例如 沪A12345，新能源车 沪AD12345' })])
    expect(codeOf(await h.call('parking.registerPlate', { spaceId: `${DEMO_LOT_ID}:B1-002`, plate: '沪E22222' }, ZHAO, COMMUNITY_A))).toBe('PARKING.NOT_YOUR_SPACE')
    expect(await snapshot(h.store)).toEqual(before)
    okData(await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code: 'B1-003', type: 'owned', householdId: 'h-a3-201', rentedUntil: null }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('parking.registerPlate', { spaceId: `${DEMO_LOT_ID}:B1-003`, plate: '沪A12345' }, ZHAO, COMMUNITY_A))).toBe('PARKING.PLATE_TAKEN')
  })
})

describe('bad input writes nothing', () => {
  const expectNothingWritten = async (act: () => Promise<unknown>) => {
    const before = await snapshot(h.store)
    await act()
    expect(await snapshot(h.store)).toEqual(before)
  }

  it('refuses an unknown device, a disabled one, a reading from the future and a malformed plate', async () => {
    await expectNothingWritten(async () => expect(await enter(CAR, undefined, { deviceId: 'ly-nobody' })).toMatchObject({ decision: 'deny', reason: 'DEVICE_UNKNOWN', message: '设备未登记' }))
    await expectNothingWritten(async () =>
      expect(await enter(CAR, h.clock.now() + 10 * MINUTE)).toMatchObject({ decision: 'deny', reason: 'EVENT_IN_FUTURE', message: '识别时间晚于服务器时间' })
    )
    await expectNothingWritten(async () => expect(await enter('沪12345')).toMatchObject({ decision: 'deny', reason: 'PLATE_MALFORMED', message: '车牌号格式不正确' }))
    okData(await h.call('access.setGateEnabled', { gateId: 'ly-car', enabled: false }, OPERATOR, COMMUNITY_A))
    await expectNothingWritten(async () => expect(await enter(CAR)).toMatchObject({ decision: 'deny', reason: 'DEVICE_DISABLED', message: '设备已停用' }))
  })

  it('refuses a negative fee rule, naming the field', async () => {
    const rule = { freeMinutes: 15, firstHourFen: -500, perHourFen: 300, dailyCapFen: 4000, night: null, longStayCapFen: null }
    await expectNothingWritten(async () => {
      const err = errorOf(await h.call('parking.saveLot', { name: '地面停车场', capacity: 20, rule, monthlyFen: null, barriers: [] }, OPERATOR, COMMUNITY_A))
      expect(err.code).toBe('REQUEST.INVALID_INPUT')
      expect(err.fields?.map((f) => f.path)).toEqual(['rule.firstHourFen'])
    })
  })

  it('refuses a door that is not a vehicle barrier, and one another lot uses', async () => {
    const rule = { freeMinutes: 0, firstHourFen: 200, perHourFen: 200, dailyCapFen: null, night: null, longStayCapFen: null }
    const lot = (gateId: string, doorId: string) => ({ name: '地面停车场', capacity: 20, rule, monthlyFen: null, barriers: [{ gateId, doorId, direction: 'in' as const }] })
    expect(codeOf(await h.call('parking.saveLot', lot('ly-main', 'd1'), OPERATOR, COMMUNITY_A))).toBe('PARKING.GATE_NOT_BARRIER')
    expect(errorOf(await h.call('parking.saveLot', lot('ly-car', 'd1'), OPERATOR, COMMUNITY_A))).toMatchObject({ code: 'PARKING.BARRIER_TAKEN', message: '该道闸已属于停车场「地下车库」' })
    const made = okData(await h.call('parking.saveLot', { ...lot('ly-car', 'd1'), barriers: [] }, OPERATOR, COMMUNITY_A))
    expect(made).toMatchObject({ name: '地面停车场', graceMinutes: 15, platesPerSpace: 2, occupied: 0, rule: { firstHourFen: 200, night: null } })
  })
})
