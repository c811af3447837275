/**
 * Smart parking (issue 18), the gaps after the first cut: a driver who is no resident pays at the
 * exit; a host's visitor pass naming a plate parks the visitor free while it lasts (one visit of
 * the pass); a monthly card that ends during a stay charges from its end. Real request paths:
 * barrier readings on the access function's HTTP route, `parking.*`, `pay.*` and the sandbox.
 */
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
import type { ParkingCardDoc } from '../../cloudfunctions/domain/parking/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { type GateSim, gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, DAY, HOUR, MINUTE, confirm, newCrid, paymentDoc } from '../support/pay'
import { codeOf, errorOf, okData } from './support'

const WANG = as('u-wang') // 1栋 101
const NEWCOMER = as('u-newcomer') // registered in WeChat, no household anywhere
const B_RESIDENT = as('u-b-resident') // a resident of community B only
const CAR = '沪B23456'
const VISITOR_PLATE = '苏E66666'

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
function reading(door: 'd1' | 'd2', plate: string, at = h.clock.now()) {
  n++
  return sim.signed('barrier', { deviceId: 'ly-car', ts: h.clock.now(), nonce: `driver-nonce-${n}`, door, plate, at, eventId: `driver-event-${n}`, photo: `cam/${n}.jpg` })
}
const send = async (req: { body: string; headers: Record<string, string> }) => (await sim.send('barrier', req)) as BarrierAnswer
const enter = (plate: string) => send(reading('d1', plate))
const leave = (plate: string) => send(reading('d2', plate))
const sessionsOf = async (plate: string) => (await findAll(h.store, 'parkingSessions', { plate })).sort((a, b) => a.enteredAt - b.enteredAt)

describe('a driver who is not a resident', () => {
  it('looks the stay up by lot and plate, sees no home, pays it, and leaves', async () => {
    await enter(CAR)
    h.clock.advance(61 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'deny', dueFen: 800 })

    // Typed loosely, read as the plate; no community chosen, no household: a WeChat user only.
    const { session } = okData(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: '沪b 23456' }, NEWCOMER))
    expect(session).toEqual({
      lotId: DEMO_LOT_ID,
      lotName: expect.any(String),
      plate: CAR,
      enteredAt: h.clock.now() - 61 * MINUTE,
      feeFen: 800,
      paidFen: 0,
      dueFen: 800,
      graceUntil: null,
      graceMinutes: 15,
      payable: { type: 'parking', id: expect.any(String) }
    })
    // The resident's way is closed to them: they have no role in the community.
    expect(codeOf(await h.call('pay.create', { payables: [session!.payable!], clientRequestId: newCrid() }, NEWCOMER, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')

    const created = okData(await h.call('pay.createAsDriver', { lotId: DEMO_LOT_ID, payables: [session!.payable!], clientRequestId: newCrid() }, NEWCOMER))
    expect(created.payment).toMatchObject({ totalFen: 800, householdLabel: '临停缴费 · 沪B·***56', paidFor: { type: 'parking' } })
    expect(await confirm(h, created)).toBe(204)
    const paid = await paymentDoc(h, created.payment.id)
    expect(paid).toMatchObject({ status: 'paid', totalFen: 800, householdId: '', communityId: COMMUNITY_A })

    // Their own payment is theirs to see; nobody else's is, and a resident's pay.get does not show it as a household's.
    expect(okData(await h.call('pay.driverPayment', { paymentId: paid._id }, NEWCOMER))).toMatchObject({ status: 'paid', totalFen: 800 })
    expect(codeOf(await h.call('pay.driverPayment', { paymentId: paid._id }, B_RESIDENT))).toBe('PAY.NOT_FOUND')
    expect(codeOf(await h.call('pay.get', { paymentId: paid._id }, WANG, COMMUNITY_A))).toBe('PAY.NOT_FOUND')

    expect(okData(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: CAR }, NEWCOMER)).session).toMatchObject({ paidFen: 800, dueFen: 0, payable: null })
    h.clock.advance(5 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
    const [s] = await sessionsOf(CAR)
    expect(s).toMatchObject({ status: 'closed', paidFen: 800, paidCount: 1 })
  })

  it('cannot pay the same stretch twice, pays only parking this way, and finds nothing in another lot', async () => {
    await enter(CAR)
    h.clock.advance(2 * HOUR)
    const { session } = okData(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: CAR }, B_RESIDENT))
    const created = okData(await h.call('pay.createAsDriver', { lotId: DEMO_LOT_ID, payables: [session!.payable!], clientRequestId: newCrid() }, B_RESIDENT))
    expect(await confirm(h, created)).toBe(204)
    // A second driver with the stale payable is refused, not charged.
    expect(codeOf(await h.call('pay.createAsDriver', { lotId: DEMO_LOT_ID, payables: [session!.payable!], clientRequestId: newCrid() }, NEWCOMER))).toBe('PAY.NOT_PAYABLE')
    // Only parking: a bill cannot be paid for no household.
    const bill = await h.raw('pay', { action: 'createAsDriver', input: { lotId: DEMO_LOT_ID, payables: [{ type: 'bill', id: 'any' }], clientRequestId: newCrid() } }, NEWCOMER)
    expect(bill).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID_INPUT' } })
    expect(codeOf(await h.call('pay.createAsDriver', { lotId: 'no-such-lot', payables: [session!.payable!], clientRequestId: newCrid() }, NEWCOMER))).toBe('PAY.PAYABLE_NOT_FOUND')
    expect(codeOf(await h.call('parking.driverSession', { lotId: 'no-such-lot', plate: CAR }, NEWCOMER))).toBe('PARKING.LOT_NOT_FOUND')
    expect(codeOf(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: '沪B2345' }, NEWCOMER))).toBe('REQUEST.INVALID_INPUT')
    expect(okData(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: '沪C99999' }, NEWCOMER)).session).toBeNull()
  })
})

describe('looking plates up at an exit', () => {
  it('refuses a person after 20 plates not found in a day, counts no found car, and starts again the next day', async () => {
    await enter(CAR)
    const look = (plate: string, who = NEWCOMER) => h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate }, who)
    // Found cars give their attempt back: a driver checking their own stay again and again is never stopped.
    for (let i = 0; i < 5; i++) expect(okData(await look(CAR)).session).toMatchObject({ plate: CAR })
    for (let i = 0; i < 20; i++) expect(okData(await look(`沪C${String(10000 + i)}`)).session).toBeNull()
    const refused = errorOf(await look('沪C20000'))
    expect(refused).toMatchObject({ code: 'PARKING.TOO_MANY_LOOKUPS' })
    expect(refused.message).toContain('20 次')
    // Refused even for a car that is inside: the answer cannot be used to test plates one more time.
    expect(codeOf(await look(CAR))).toBe('PARKING.TOO_MANY_LOOKUPS')
    // Counted per person: another person is not affected.
    expect(okData(await look(CAR, B_RESIDENT)).session).toMatchObject({ plate: CAR })
    h.clock.advance(DAY)
    expect(okData(await look(CAR)).session).toMatchObject({ plate: CAR })
    // The day counters are swept by the user function's nightly job once their day is two days gone.
    // Two people's counters of the first day, one of the second.
    expect(await h.store.count('attempts', {})).toBe(3)
    h.clock.advance(DAY + HOUR)
    const swept = (await h.raw('user', { Type: 'Timer', TriggerName: 'sweep-attempts' }, null)) as { ok: boolean; report?: { removed: number } }
    expect(swept).toMatchObject({ ok: true, report: { removed: 2 } })
    expect(await h.store.count('attempts', {})).toBe(1)
  })

  it('refuses 30 parallel misses beyond the 20 allowed', async () => {
    const all = await Promise.all(Array.from({ length: 30 }, (_, i) => h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate: `沪D${String(10000 + i)}` }, NEWCOMER)))
    expect(all.filter((r) => r.ok)).toHaveLength(20)
    expect(all.filter((r) => !r.ok).map(codeOf)).toEqual(Array(10).fill('PARKING.TOO_MANY_LOOKUPS'))
  })
})

describe("a host's visitor pass naming a plate", () => {
  const createPass = async (o: { hours?: number; maxUses?: number } = {}) => {
    const now = h.clock.now()
    return okData(
      await h.call(
        'access.createVisitorPass',
        { householdId: 'h-a1-101', visitorName: '周访客', visitorPhone: '13900001111', purpose: '探亲', plate: VISITOR_PLATE, validFrom: now, validTo: now + (o.hours ?? 6) * HOUR, maxUses: o.maxUses ?? 2 },
        WANG,
        COMMUNITY_A
      )
    )
  }
  const passDoc = async (id: string) => (await h.store.get('visitorPasses', id))!

  it('lets the visitor in and out free while the pass lasts, as one of its visits', async () => {
    const pass = await createPass()
    expect(await enter(VISITOR_PLATE)).toMatchObject({ decision: 'open', message: '访客车辆，欢迎来访' })
    expect((await passDoc(pass.id)).uses).toBe(1)
    h.clock.advance(3 * HOUR)
    expect(okData(await h.call('parking.sessionByPlate', { plate: VISITOR_PLATE }, WANG, COMMUNITY_A)).session).toMatchObject({ kind: 'visitor', feeFen: 0, dueFen: 0, payable: null })
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'open', dueFen: null })
    const [s] = await sessionsOf(VISITOR_PLATE)
    expect(s).toMatchObject({ status: 'closed', kind: 'visitor', feeFen: 0, passId: pass.id, freeUntil: pass.validTo })
  })

  it('charges a stay past the pass from the pass’s end, which the host pays for their home', async () => {
    const pass = await createPass({ hours: 2 })
    await enter(VISITOR_PLATE)
    // Two hours covered, then 61 minutes: two started hours from the pass's end, 500 + 300.
    h.clock.advance(2 * HOUR + 61 * MINUTE)
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'deny', dueFen: 800 })
    const { session } = okData(await h.call('parking.sessionByPlate', { plate: VISITOR_PLATE }, WANG, COMMUNITY_A))
    expect(session).toMatchObject({ kind: 'visitor', feeFen: 800, dueFen: 800, coveredUntil: pass.validTo })
    const created = okData(await h.call('pay.create', { payables: [session!.payable!], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    expect(await confirm(h, created)).toBe(204)
    expect(await paymentDoc(h, created.payment.id)).toMatchObject({ totalFen: 800, householdId: 'h-a1-101' })
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'open' })
    expect((await passDoc(pass.id)).uses).toBe(1)
  })

  it('parks a second entry as temporary once the pass has no visit left', async () => {
    await createPass({ maxUses: 1 })
    await enter(VISITOR_PLATE)
    h.clock.advance(30 * MINUTE)
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'open' })
    h.clock.advance(30 * MINUTE)
    expect(await enter(VISITOR_PLATE)).toMatchObject({ decision: 'open', message: '欢迎光临，临时停车' })
    h.clock.advance(61 * MINUTE)
    expect(await leave(VISITOR_PLATE)).toMatchObject({ decision: 'deny', dueFen: 800 })
  })

  it('is refused when its plate is not one the cameras could read', async () => {
    const now = h.clock.now()
    const base = { householdId: 'h-a1-101', visitorName: '周访客', visitorPhone: '13900001111', purpose: '探亲', validFrom: now, validTo: now + HOUR, maxUses: 1 }
    // Six characters after the letter but not a new-energy plate; the letter O is never issued.
    for (const plate of ['沪A123456', '沪AO1234']) {
      const err = errorOf(await h.call('access.createVisitorPass', { ...base, plate }, WANG, COMMUNITY_A))
      expect(err.fields?.map((f) => f.path)).toEqual(['plate'])
    }
    expect(okData(await h.call('access.createVisitorPass', { ...base, plate: '沪ad12345' }, WANG, COMMUNITY_A))).toMatchObject({ plate: '沪AD12345' })
  })
})

describe('a monthly card that ends during a stay', () => {
  const card = (id: string, validFrom: number, validTo: number): ParkingCardDoc => ({
    _id: id,
    communityId: COMMUNITY_A,
    lotId: DEMO_LOT_ID,
    householdId: 'h-a1-101',
    plate: CAR,
    months: 1,
    amountFen: 30000,
    validFrom,
    validTo,
    status: 'active',
    requestKey: `u-wang:${id}`,
    paymentId: null,
    paidAt: validFrom,
    createdBy: 'u-wang',
    createdAt: validFrom
  })

  it('charges from the card’s end, not from the entry and not nothing', async () => {
    const now = h.clock.now()
    await h.store.insert('parkingCards', card('cardEnding', now - 29 * DAY, now + HOUR))
    expect(await enter(CAR)).toMatchObject({ message: '月卡车，欢迎回家' })
    // Entry 10:00, card ends 11:00, exit 12:01 (Shanghai, daytime): 61 minutes after the end,
    // two started hours 500 + 300 = 800 (from the entry it would have been three hours, 1100).
    h.clock.advance(HOUR + 61 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'deny', dueFen: 800 })
    expect(okData(await h.call('parking.sessionByPlate', { plate: CAR }, WANG, COMMUNITY_A)).session).toMatchObject({ kind: 'monthly', feeFen: 800, dueFen: 800 })
  })

  it('is free within the free minutes after the end, and free throughout when renewed back to back', async () => {
    const now = h.clock.now()
    await h.store.insert('parkingCards', card('cardEnding', now - 29 * DAY, now + HOUR))
    await enter(CAR)
    h.clock.advance(HOUR + 14 * MINUTE)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })

    h.clock.advance(DAY)
    const t = h.clock.now()
    await h.store.insert('parkingCards', card('cardOld', t - 29 * DAY, t + HOUR))
    await enter(CAR)
    // Renewed while parked: the new card starts where the old one ends.
    await h.store.insert('parkingCards', card('cardRenewal', t + HOUR, t + 31 * DAY))
    h.clock.advance(3 * HOUR)
    expect(await leave(CAR)).toMatchObject({ decision: 'open' })
    const closed = (await sessionsOf(CAR)).at(-1)
    expect(closed).toMatchObject({ status: 'closed', kind: 'monthly', feeFen: 0, freeUntil: t + 31 * DAY })
  })
})
