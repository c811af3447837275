/**
 * The console's parking lists (issue 18): a lot's blacklist and its spaces, for the desk's roles
 * only, in the caller's community only; and the household file's parking for the household's butler.
 */
import { DEMO_LOT_ID } from '../../scripts/seed/parking'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, COMMUNITY_B } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')
const SERVICE = as('u-service-zhao')
const VERIFIER = as('u-verifier-zhou')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const rule = { freeMinutes: 15, firstHourFen: 500, perHourFen: 300, dailyCapFen: null, night: null, longStayCapFen: null }

/** A lot of 和谐家园, made by the operator who runs both communities. */
async function foreignLot(): Promise<string> {
  return okData(await h.call('parking.saveLot', { name: '和谐车库', capacity: 10, rule, monthlyFen: null, barriers: [] }, OPERATOR, COMMUNITY_B)).id
}

describe('the blacklist', () => {
  it('lists a lot’s plates newest first, whole, with the reason and who listed them; removed ones leave', async () => {
    okData(await h.call('parking.setBlacklist', { lotId: DEMO_LOT_ID, plate: '沪C11111', listed: true, reason: '多次逃费' }, SERVICE, COMMUNITY_A))
    h.clock.advance(60_000)
    okData(await h.call('parking.setBlacklist', { lotId: DEMO_LOT_ID, plate: '沪D22222', listed: true, reason: '' }, OPERATOR, COMMUNITY_A))
    const listed = okData(await h.call('parking.blacklist', { lotId: DEMO_LOT_ID }, VERIFIER, COMMUNITY_A))
    expect(listed.total).toBe(2)
    expect(listed.entries).toEqual([
      { plate: '沪D22222', reason: '', byName: '吴运营', at: h.clock.now() },
      { plate: '沪C11111', reason: '多次逃费', byName: '赵客服', at: h.clock.now() - 60_000 }
    ])
    okData(await h.call('parking.setBlacklist', { lotId: DEMO_LOT_ID, plate: '沪C11111', listed: false }, SERVICE, COMMUNITY_A))
    expect(okData(await h.call('parking.blacklist', { lotId: DEMO_LOT_ID }, SERVICE, COMMUNITY_A)).entries.map((e) => e.plate)).toEqual(['沪D22222'])
  })

  it('answers another community’s lot as one that does not exist, both ways', async () => {
    const theirs = await foreignLot()
    okData(await h.call('parking.setBlacklist', { lotId: theirs, plate: '沪E33333', listed: true, reason: '外区' }, OPERATOR, COMMUNITY_B))
    expect(codeOf(await h.call('parking.blacklist', { lotId: theirs }, OPERATOR, COMMUNITY_A))).toBe('PARKING.LOT_NOT_FOUND')
    expect(errorOf(await h.call('parking.blacklist', { lotId: DEMO_LOT_ID }, OPERATOR, COMMUNITY_B)).fields).toEqual([expect.objectContaining({ path: 'lotId', label: '停车场' })])
  })

  it('refuses residents and butlers, and bad input, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('parking.blacklist', { lotId: DEMO_LOT_ID }, as('u-wang'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('parking.blacklist', { lotId: DEMO_LOT_ID }, as('u-butler-zhang'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.raw('parking', { action: 'blacklist', input: { lotId: DEMO_LOT_ID, plate: '沪C11111' }, communityId: COMMUNITY_A }, SERVICE))).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('the spaces', () => {
  it('lists a lot’s spaces by code with the household’s label and its plates masked', async () => {
    const { total, rows } = okData(await h.call('parking.spaces', { lotId: DEMO_LOT_ID }, VERIFIER, COMMUNITY_A))
    expect(total).toBe(3)
    expect(rows.map((r) => [r.code, r.type, r.householdLabel, r.plates, r.plateNumbers])).toEqual([
      ['B1-001', 'owned', '1栋 101', 2, ['沪A·***45', '沪A·****45']],
      ['B1-002', 'rented', '2栋 302', 0, []],
      ['B1-101', 'public', null, 0, []]
    ])
    expect(rows[1]?.rentedUntil).toBeGreaterThan(h.clock.now())
    expect(JSON.stringify(rows)).not.toContain('12345')
  })

  it('finds codes that start with the keyword, in either case, and pages', async () => {
    for (const code of ['B2-001', 'B2-002', 'B2-003']) {
      okData(await h.call('parking.saveSpace', { lotId: DEMO_LOT_ID, code, type: 'public', householdId: null, rentedUntil: null }, OPERATOR, COMMUNITY_A))
    }
    const found = okData(await h.call('parking.spaces', { lotId: DEMO_LOT_ID, keyword: 'b2', offset: 1, limit: 1 }, SERVICE, COMMUNITY_A))
    expect(found).toEqual({ total: 3, rows: [expect.objectContaining({ code: 'B2-002', householdLabel: null })] })
    expect(okData(await h.call('parking.spaces', { lotId: DEMO_LOT_ID, keyword: 'B1-1' }, SERVICE, COMMUNITY_A)).rows.map((r) => r.code)).toEqual(['B1-101'])
    expect(okData(await h.call('parking.spaces', { lotId: DEMO_LOT_ID, keyword: 'C' }, SERVICE, COMMUNITY_A))).toEqual({ total: 0, rows: [] })
  })

  it('answers another community’s lot as one that does not exist, and shows none of its spaces', async () => {
    const theirs = await foreignLot()
    okData(await h.call('parking.saveSpace', { lotId: theirs, code: 'A-001', type: 'public', householdId: null, rentedUntil: null }, OPERATOR, COMMUNITY_B))
    expect(codeOf(await h.call('parking.spaces', { lotId: theirs }, OPERATOR, COMMUNITY_A))).toBe('PARKING.LOT_NOT_FOUND')
    expect(codeOf(await h.call('parking.spaces', { lotId: DEMO_LOT_ID }, OPERATOR, COMMUNITY_B))).toBe('PARKING.LOT_NOT_FOUND')
  })

  it('refuses residents and butlers, and bad input by its field, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('parking.spaces', { lotId: DEMO_LOT_ID }, as('u-wang'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('parking.spaces', { lotId: DEMO_LOT_ID }, as('u-butler-zhang'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    const tooMany = errorOf(await h.call('parking.spaces', { lotId: DEMO_LOT_ID, limit: 1000 }, SERVICE, COMMUNITY_A))
    expect(tooMany).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'limit' })] })
    expect(codeOf(await h.call('parking.spaces', { lotId: DEMO_LOT_ID, keyword: 'B1-001-0000000000000' }, SERVICE, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe("the household file's parking for butlers", () => {
  it('shows the butler of the household’s grid, and no other butler', async () => {
    const file = okData(await h.call('parking.householdParking', { householdId: 'h-a1-101' }, as('u-butler-zhang'), COMMUNITY_A))
    expect(file.spaces.map((s) => s.code)).toEqual(['B1-001'])
    expect(file.plates.sort()).toEqual(['沪A·****45', '沪A·***45'])
    const other = errorOf(await h.call('parking.householdParking', { householdId: 'h-a1-101' }, as('u-butler-liu'), COMMUNITY_A))
    expect(other).toMatchObject({ code: 'PARKING.HOUSEHOLD_NOT_FOUND', message: '这户不在你负责的网格内' })
    expect(okData(await h.call('parking.householdParking', { householdId: 'h-a2-302' }, as('u-butler-liu'), COMMUNITY_A)).spaces.map((s) => s.code)).toEqual(['B1-002'])
  })
})
