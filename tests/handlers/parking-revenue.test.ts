/**
 * Smart parking (issue 18): parking revenue on the operator dashboard and in reconciliation. Real
 * request paths: barrier readings on the access function's HTTP route, a resident's `pay.create`,
 * a driver's `pay.createAsDriver`, a monthly card, the office's refunds, the nightly insights
 * pass and the daily reconciliation job, all in the WeChat Pay sandbox.
 */
import type { BarrierAnswer } from '../../cloudfunctions/contracts/parking-barrier'
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { dayOf } from '../../cloudfunctions/domain/insights/time'
import type { PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { type GateSim, gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, MINUTE, OPERATOR, WANG, confirm, newCrid, paymentDoc, reconcile, sandboxOf } from '../support/pay'
import { okData } from './support'

const NEWCOMER = as('u-newcomer') // a WeChat user with no household anywhere
const RESIDENT_CAR = '沪B23456'
const DRIVER_CAR = '沪C88888'

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
const enter = async (plate: string) => {
  n++
  const req = sim.signed('barrier', { deviceId: 'ly-car', ts: h.clock.now(), nonce: `revenue-nonce-${n}`, door: 'd1', plate, at: h.clock.now(), eventId: `revenue-event-${n}`, photo: `cam/${n}.jpg` })
  return (await sim.send('barrier', req)) as BarrierAnswer
}

/** WANG pays what the stay owes for his home. */
async function residentPays(plate: string): Promise<PaymentDoc> {
  const { session } = okData(await h.call('parking.sessionByPlate', { plate }, WANG, COMMUNITY_A))
  const created = okData(await h.call('pay.create', { payables: [session!.payable!], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
  expect(await confirm(h, created)).toBe(204)
  return paymentDoc(h, created.payment.id)
}

/** A driver who lives elsewhere pays at the exit, for no household. */
async function driverPays(plate: string): Promise<PaymentDoc> {
  const { session } = okData(await h.call('parking.driverSession', { lotId: DEMO_LOT_ID, plate }, NEWCOMER))
  const created = okData(await h.call('pay.createAsDriver', { lotId: DEMO_LOT_ID, payables: [session!.payable!], clientRequestId: newCrid() }, NEWCOMER))
  expect(await confirm(h, created)).toBe(204)
  return paymentDoc(h, created.payment.id)
}

async function buysCard(plate: string, months: number): Promise<PaymentDoc> {
  const card = okData(await h.call('parking.buyCard', { lotId: DEMO_LOT_ID, plate, months, clientRequestId: newCrid() }, WANG, COMMUNITY_A))
  const created = okData(await h.call('pay.create', { payables: [card.payable!], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
  expect(await confirm(h, created)).toBe(204)
  return paymentDoc(h, created.payment.id)
}

async function refund(p: PaymentDoc, amountFen: number): Promise<void> {
  const line = p.lines[0]!
  okData(await h.call('pay.refund', { paymentId: p._id, lines: [{ payableId: line.id, amountFen }], reason: '停车费退回车主', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
  await sandboxOf(h).flush()
}

/** Today's board after a nightly pass, as the operator reads it. */
async function board() {
  await runNightly(h.ports, { communityId: COMMUNITY_A })
  const today = dayOf(h.clock.now())
  return okData(await h.call('insights.dashboard', { scope: 'community', from: today, to: today }, OPERATOR, COMMUNITY_A))
}

const parkingOf = (f: { parkingStays: number; parkingStayFen: number; parkingCards: number; parkingCardFen: number }) => ({
  stays: f.parkingStays,
  stayFen: f.parkingStayFen,
  cards: f.parkingCards,
  cardFen: f.parkingCardFen
})

describe('parking revenue', () => {
  it('counts stays (residents’ and drivers’) and monthly cards on the dashboard, net of refunds, apart from orders', async () => {
    const before = await board()
    expect(parkingOf(before.figures)).toEqual({ stays: 0, stayFen: 0, cards: 0, cardFen: 0 })
    // What the demo community's reconciliation counts before any parking is paid.
    await reconcile(h)
    const baseline = okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_A))

    await enter(RESIDENT_CAR)
    await enter(DRIVER_CAR)
    // 50 minutes: one started hour, 500.
    h.clock.advance(50 * MINUTE)
    const driver = await driverPays(DRIVER_CAR)
    expect(driver).toMatchObject({ totalFen: 500, householdId: '' })
    // 61 minutes: two started hours, 500 + 300.
    h.clock.advance(11 * MINUTE)
    const stay = await residentPays(RESIDENT_CAR)
    expect(stay).toMatchObject({ totalFen: 800, householdId: 'h-a1-101' })
    // Two months at 300 yuan.
    const card = await buysCard('沪AD12345', 2)
    expect(card.totalFen).toBe(60000)

    const paid = await board()
    // Stays 500 + 800 = 1300 in 2; one card 60000. Orders and GMV are not parking's.
    expect(parkingOf(paid.figures)).toEqual({ stays: 2, stayFen: 1300, cards: 1, cardFen: 60000 })
    expect(paid.figures.orders).toBe(before.figures.orders)
    expect(paid.figures.gmvFen).toBe(before.figures.gmvFen)
    expect(parkingOf(paid.previous)).toEqual({ stays: 0, stayFen: 0, cards: 0, cardFen: 0 })

    // Part of the resident's stay back: still a paid stay, 1300 − 300 = 1000.
    await refund(stay, 300)
    expect(parkingOf((await board()).figures)).toEqual({ stays: 2, stayFen: 1000, cards: 1, cardFen: 60000 })
    // The card back in full: it is cancelled and stops counting.
    await refund(card, 60000)
    expect((await h.store.get('parkingCards', card.lines[0]!.id))?.status).toBe('cancelled')
    const refunded = await board()
    expect(parkingOf(refunded.figures)).toEqual({ stays: 2, stayFen: 1000, cards: 0, cardFen: 0 })

    // The daily export carries the same figures: 2 stays, 10.00 yuan; no card, 0.00.
    const today = dayOf(h.clock.now())
    const csv = okData(await h.call('insights.exportCsv', { scope: 'community', from: today, to: today }, OPERATOR, COMMUNITY_A)).csv
    const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n')
    expect(header!.split(',').slice(-4)).toEqual(['临停笔数', '临停收入(元)', '月卡张数', '月卡收入(元)'])
    expect(row!.split(',').slice(-4)).toEqual(['2', '10.00', '0', '0.00'])

    // Reconciliation finds the three payments, two refunds and five ledger entries, all in order.
    const { mismatches } = await reconcile(h)
    expect(mismatches).toEqual([])
    const after = okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_A))
    expect(after.payments - baseline.payments).toBe(3)
    expect(after.refunds - baseline.refunds).toBe(2)
    expect(after.ledgerEntries - baseline.ledgerEntries).toBe(5)
  })

  it('labels a driver’s payment by its stay and masked plate wherever the office or the driver sees it, never blank', async () => {
    await enter(DRIVER_CAR)
    await enter(RESIDENT_CAR)
    h.clock.advance(61 * MINUTE)
    const driver = await driverPays(DRIVER_CAR)
    const stay = await residentPays(RESIDENT_CAR)

    const { payments } = okData(await h.call('pay.search', { query: '' }, OPERATOR, COMMUNITY_A))
    const labelOf = (id: string) => payments.find((p) => p.id === id)?.householdLabel
    expect(labelOf(driver._id)).toBe('临停缴费 · 沪C·***88')
    expect(labelOf(stay._id)).toBe('1栋 101')
    expect(payments.every((p) => p.householdLabel !== '')).toBe(true)
    // Searching by room finds the room's payments, not the driver's.
    const byRoom = okData(await h.call('pay.search', { query: '1栋 101' }, OPERATOR, COMMUNITY_A)).payments
    expect(byRoom.map((p) => p.id)).toContain(stay._id)
    expect(byRoom.map((p) => p.id)).not.toContain(driver._id)

    expect(okData(await h.call('pay.receipt', { paymentId: driver._id }, OPERATOR, COMMUNITY_A)).householdLabel).toBe('临停缴费 · 沪C·***88')
    expect(okData(await h.call('pay.driverPayment', { paymentId: driver._id }, NEWCOMER)).householdLabel).toBe('临停缴费 · 沪C·***88')
  })
})
