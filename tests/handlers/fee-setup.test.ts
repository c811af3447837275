/**
 * Fee items, due day and late fee, and billing a month by hand from the console: amounts from the
 * household's area, spaces or a fixed sum; a second run bills nothing twice; finance may do it all.
 */
import { periodOf, previousPeriods } from '../../cloudfunctions/domain/fee/money'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { BOSS, newCommunity, sheet } from '../support/office'
import { codeOf, errorOf, okData, snapshot } from './support'

const FINANCE = as('u-finance-he')

let h: Harness
afterEach(async () => {
  await h?.close()
})

/** A new community with 48 imported households (area 80.25-119.25 m², every fifth with a space). */
async function community(): Promise<string> {
  const made = await newCommunity()
  h = made.h
  okData(await h.call('office.importHouseholds', { rows: sheet(48), dryRun: false, newBuildings: true }, BOSS, made.id))
  return made.id
}

const item = (kind: 'property' | 'parking' | 'fixed', name: string, unitPriceFen: number) => ({ kind, name, unitPriceFen, active: true })

describe('billing a new community', () => {
  it('bills each household per active item, rounds per m² to the fen, and a second run adds nothing', async () => {
    const id = await community()
    const period = periodOf(h.clock.now())
    okData(await h.call('fee.saveItem', item('property', '物业服务费', 235), BOSS, id))
    okData(await h.call('fee.saveItem', item('parking', '车位管理费', 15_000), BOSS, id))
    okData(await h.call('fee.saveItem', item('fixed', '垃圾清运费', 1_000), BOSS, id))
    okData(await h.call('fee.saveSettings', { dueDay: 10, lateFee: { graceDays: 5, bpPerDay: 5, capBp: 1000 } }, BOSS, id))

    const first = okData(await h.call('fee.runBilling', { period }, BOSS, id))
    // 48 property + 48 fixed + 10 households with a space (every fifth of 48).
    expect(first).toMatchObject({ period, households: 48, created: 106, existing: 0, skippedZero: 38 })
    const bills = await h.store.find('bills', { where: { communityId: id }, limit: 1000 })
    expect(bills.reduce((n, b) => n + b.amountFen, 0)).toBe(first.createdFen)
    // Row 0: 80.25 m² × ¥2.35 = ¥188.5875 → ¥188.59.
    const firstProperty = bills.find((b) => b.kind === 'property' && b.amountFen === 18_859)
    expect(firstProperty?.title).toBe(`${period} 物业服务费`)
    const [y, m] = period.split('-').map(Number) as [number, number]
    expect(firstProperty?.dueAt).toBe(Date.UTC(y, m - 1, 11) - 8 * 3600_000 - 1)
    expect(bills.filter((b) => b.kind === 'fixed').every((b) => b.amountFen === 1_000)).toBe(true)

    const again = okData(await h.call('fee.runBilling', { period }, BOSS, id))
    expect(again).toMatchObject({ created: 0, existing: 106, createdFen: 0 })
    expect(await h.store.count('bills', { communityId: id })).toBe(106)

    const fees = okData(await h.call('fee.items', {}, BOSS, id))
    expect(fees.runs).toEqual([{ period, bills: 106, billedFen: first.createdFen }])
    expect(fees.items.map((i) => [i.name, i.unit])).toEqual([
      ['物业服务费', '元/㎡/月'],
      ['车位管理费', '元/个/月'],
      ['垃圾清运费', '元/户/月']
    ])
    expect(fees.lateFee).toEqual({ graceDays: 5, bpPerDay: 5, capBp: 1000 })
    expect((await h.store.get('billingRuns', `${id}:${period}`))?.lastRunBy).toBe(okData(await h.call('user.me', {}, BOSS)).user.id)
  })

  it('a new item later bills only what is new for the month', async () => {
    const id = await community()
    const period = periodOf(h.clock.now())
    okData(await h.call('fee.saveItem', item('property', '物业服务费', 235), BOSS, id))
    okData(await h.call('fee.runBilling', { period }, BOSS, id))
    okData(await h.call('fee.saveItem', item('fixed', '垃圾清运费', 1_000), BOSS, id))
    expect(okData(await h.call('fee.runBilling', { period }, BOSS, id))).toMatchObject({ created: 48, existing: 48, createdFen: 48_000 })
  })

  it('a paused item stops billing; its bills stay', async () => {
    const id = await community()
    const period = periodOf(h.clock.now())
    const { id: itemId } = okData(await h.call('fee.saveItem', item('fixed', '垃圾清运费', 1_000), BOSS, id))
    okData(await h.call('fee.runBilling', { period }, BOSS, id))
    okData(await h.call('fee.saveItem', { ...item('fixed', '垃圾清运费', 1_000), id: itemId, active: false }, BOSS, id))
    expect(codeOf(await h.call('fee.runBilling', { period }, BOSS, id))).toBe('FEE.NO_ITEMS')
    expect(await h.store.count('bills', { communityId: id })).toBe(48)
  })

  it('residents see the bill to pay once billed', async () => {
    const id = await community()
    okData(await h.call('fee.saveItem', item('property', '物业服务费', 235), BOSS, id))
    okData(await h.call('fee.runBilling', { period: periodOf(h.clock.now()) }, BOSS, id))
    const slips = okData(await h.call('office.issueCodes', { householdIds: [(await h.store.find('bills', { where: { communityId: id }, limit: 1 }))[0]!.householdId], reissue: false }, BOSS, id)).slips
    okData(await h.call('user.login', {}, 'wx-sun'))
    const me = okData(await h.call('user.bindHousehold', { code: slips[0]!.code }, 'wx-sun'))
    const householdId = me.current?.householdId ?? ''
    const mine = okData(await h.call('fee.myBills', { householdId, status: 'outstanding' }, 'wx-sun', id))
    expect(mine.bills).toHaveLength(1)
    expect(mine.outstandingFen).toBe(mine.bills[0]!.amountFen)
  })
})

describe('refusals', () => {
  it('bills only this month, the next and two back', async () => {
    const id = await community()
    okData(await h.call('fee.saveItem', item('property', '物业服务费', 235), BOSS, id))
    const now = periodOf(h.clock.now())
    const [threeBack] = previousPeriods(now, 4)
    const err = errorOf(await h.call('fee.runBilling', { period: threeBack! }, BOSS, id))
    expect([err.code, err.fields?.[0]?.path]).toEqual(['FEE.PERIOD_OUT_OF_RANGE', 'period'])
    const bad = errorOf(await h.call('fee.runBilling', { period: '2026-13' }, BOSS, id))
    expect(bad.fields?.[0]).toMatchObject({ path: 'period', label: '月份' })
    expect(okData(await h.call('fee.items', {}, BOSS, id)).billable).toHaveLength(4)
  })

  it('keeps an item’s pricing basis, its name unique among active items, and names the field', async () => {
    const id = await community()
    const { id: itemId } = okData(await h.call('fee.saveItem', item('property', '物业服务费', 235), BOSS, id))
    const before = await snapshot(h.store)
    const kind = errorOf(await h.call('fee.saveItem', { ...item('fixed', '物业服务费', 235), id: itemId }, BOSS, id))
    expect([kind.code, kind.fields?.[0]?.path]).toEqual(['FEE.ITEM_KIND_FIXED', 'kind'])
    const twin = errorOf(await h.call('fee.saveItem', item('fixed', '物业服务费', 100), BOSS, id))
    expect([twin.code, twin.fields?.[0]?.path]).toEqual(['FEE.ITEM_NAME_TAKEN', 'name'])
    const price = errorOf(await h.call('fee.saveItem', item('fixed', '垃圾清运费', 0), BOSS, id))
    expect(price.fields?.[0]).toMatchObject({ path: 'unitPriceFen', label: '单价' })
    const due = errorOf(await h.call('fee.saveSettings', { dueDay: 31, lateFee: null }, BOSS, id))
    expect(due.fields?.[0]).toMatchObject({ path: 'dueDay', label: '每月到期日' })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('the finance role', () => {
  it('sets fees and bills, and sees no rooms or staff', async () => {
    h = await makeHarness()
    okData(await h.call('fee.saveItem', item('fixed', '垃圾清运费', 1_000), FINANCE, COMMUNITY_A))
    const period = periodOf(h.clock.now())
    expect(okData(await h.call('fee.runBilling', { period }, FINANCE, COMMUNITY_A)).created).toBeGreaterThan(0)
    expect((await h.call('pay.reconciliation', {}, FINANCE, COMMUNITY_A)).ok).toBe(true)
    expect(codeOf(await h.call('office.households', { offset: 0, limit: 20 }, FINANCE, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('office.staff', {}, FINANCE, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})
