/**
 * Smart parking set-up by the operator (issue 18): lots updated in place, spaces changing hands
 * only once their plates are gone, rentals that end.
 */
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, COMMUNITY_B, DAY } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

const WANG = as('u-wang')
const OPERATOR = as('u-operator-wu')
const B1_001 = `${DEMO_LOT_ID}:B1-001`

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const rule = { freeMinutes: 30, firstHourFen: 600, perHourFen: 400, dailyCapFen: 5000, night: { start: '23:00', end: '06:30', perHourFen: 0, capFen: null }, longStayCapFen: null }

describe('lots', () => {
  it('updates a lot in place, keeping its barriers, and shows the night window as written', async () => {
    const saved = okData(
      await h.call(
        'parking.saveLot',
        { lotId: DEMO_LOT_ID, name: '地下车库', capacity: 100, rule, graceMinutes: 20, platesPerSpace: 3, monthlyFen: 25000, barriers: [{ gateId: 'ly-car', doorId: 'd1', direction: 'in' }, { gateId: 'ly-car', doorId: 'd2', direction: 'out' }] },
        OPERATOR,
        COMMUNITY_A
      )
    )
    expect(saved).toMatchObject({ id: DEMO_LOT_ID, capacity: 100, graceMinutes: 20, platesPerSpace: 3, monthlyFen: 25000, rule: { night: { start: '23:00', end: '06:30', perHourFen: 0, capFen: null } } })
    expect((await h.store.get('parkingLots', DEMO_LOT_ID))?.rule.night).toEqual({ start: 23 * 60, end: 6 * 60 + 30, perHourFen: 0, capFen: null })
  })

  it("does not let another community's operator see or change the lot", async () => {
    const before = await snapshot(h.store)
    const res = await h.call('parking.saveLot', { lotId: DEMO_LOT_ID, name: 'x', capacity: 1, rule, monthlyFen: null, barriers: [] }, OPERATOR, COMMUNITY_B)
    expect(codeOf(res)).toBe('PARKING.LOT_NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
    expect(okData(await h.call('parking.occupancy', {}, OPERATOR, COMMUNITY_B)).lots).toEqual([])
  })
})

describe('spaces', () => {
  it('asks a rented space for its term, and a public one for no household', async () => {
    const rented = errorOf(await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code: 'B1-010', type: 'rented', householdId: 'h-a3-201', rentedUntil: null }, OPERATOR, COMMUNITY_A))
    expect(rented.fields).toEqual([expect.objectContaining({ path: 'rentedUntil', message: '请填写租期截止' })])
    const pub = errorOf(await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code: 'B1-011', type: 'public', householdId: 'h-a3-201', rentedUntil: null }, OPERATOR, COMMUNITY_A))
    expect(pub.fields?.[0]?.path).toBe('householdId')
  })

  it('keeps a space with plates on it from changing hands, and frees it once they are removed', async () => {
    const move = { lotId: DEMO_LOT_ID, code: 'B1-001', type: 'owned' as const, householdId: 'h-a3-201', rentedUntil: null }
    expect(errorOf(await h.call('parking.saveSpace', move, OPERATOR, COMMUNITY_A))).toMatchObject({ code: 'PARKING.SPACE_HAS_PLATES', message: '车位 B1-001 上还登记着 2 个车牌，请先由住户删除' })
    for (const plate of ['沪A12345', '沪AD12345']) okData(await h.call('parking.removePlate', { plate }, WANG, COMMUNITY_A))
    expect(okData(await h.call('parking.saveSpace', move, OPERATOR, COMMUNITY_A))).toMatchObject({ id: B1_001, householdId: 'h-a3-201', plates: 0 })
  })

  it('refuses plates on a rented space whose term has ended', async () => {
    okData(await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code: 'B1-002', type: 'rented', householdId: 'h-a2-302', rentedUntil: h.clock.now() + DAY }, OPERATOR, COMMUNITY_A))
    h.clock.advance(2 * DAY)
    expect(codeOf(await h.call('parking.registerPlate', { spaceId: `${DEMO_LOT_ID}:B1-002`, plate: '沪C11111' }, WANG, COMMUNITY_A))).toBe('PARKING.RENTAL_ENDED')
  })

  it('lists a household its spaces, plates and cards', async () => {
    const mine = okData(await h.call('parking.mine', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A))
    expect(mine.spaces).toEqual([expect.objectContaining({ id: B1_001, lotName: '地下车库', type: 'owned', plates: 2, platesPerSpace: 2, monthlyFen: 30000 })])
    expect(mine.plates.map((p) => p.plate).sort()).toEqual(['沪A12345', '沪AD12345'])
    expect(mine.cards).toEqual([expect.objectContaining({ plate: '沪A12345', status: 'active', payable: null })])
    expect(codeOf(await h.call('parking.mine', { householdId: 'h-a3-201' }, WANG, COMMUNITY_A))).toBe('PARKING.HOUSEHOLD_NOT_FOUND')
  })
})

describe("the household's file", () => {
  it('shows staff its spaces, masked plates, cards and latest stays', async () => {
    okData(await h.call('parking.manualOpen', { lotId: DEMO_LOT_ID, direction: 'in', plate: '沪A12345', reason: '识别失败', clientRequestId: 'manual-in-0001' }, as('u-service-zhao'), COMMUNITY_A))
    const file = okData(await h.call('parking.householdParking', { householdId: 'h-a1-101' }, as('u-service-zhao'), COMMUNITY_A))
    expect(file.plates.sort()).toEqual(['沪A·****45', '沪A·***45'])
    expect(file.spaces.map((s) => s.lotName)).toEqual(['地下车库'])
    expect(file.cards).toEqual([expect.objectContaining({ plate: '沪A·***45', status: 'active' })])
    expect(file.stays).toEqual([expect.objectContaining({ plate: '沪A·***45', lotName: '地下车库', kind: 'monthly', exitedAt: null })])
    // The butler's household profile sums it up: one space, both plates masked, the card's end, one entry.
    const card = (await h.store.find('parkingCards', { where: { householdId: 'h-a1-101', status: 'active' }, limit: 5 }))[0]!
    const profile = okData(await h.call('insights.household', { householdId: 'h-a1-101' }, as('u-butler-zhang'), COMMUNITY_A))
    expect({ ...profile.parking, plates: [...profile.parking.plates].sort() }).toEqual({ spaces: 1, plates: ['沪A·****45', '沪A·***45'], monthlyUntil: card.validTo, entries30d: 1 })
    // A household with no car has nothing to show.
    expect(okData(await h.call('insights.household', { householdId: 'h-a1-102' }, as('u-butler-zhang'), COMMUNITY_A)).parking).toEqual({ spaces: 0, plates: [], monthlyUntil: null, entries30d: 0 })
    expect(codeOf(await h.call('parking.householdParking', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})
