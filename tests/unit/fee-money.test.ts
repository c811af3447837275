/**
 * Fee arithmetic in integer fen: monthly amounts rounded half up, late fees (grace days, basis
 * points per day, cap), overdue days, and billing months in Asia/Shanghai.
 */
import type { FeeItemDoc, LateFeeRule } from '../../cloudfunctions/domain/fee/docs'
import { DAY_MS, dueAtOf, lateFeeFen, monthlyAmountFen, overdueDays, periodOf, previousPeriods } from '../../cloudfunctions/domain/fee/money'

const item = (kind: FeeItemDoc['kind'], unitPriceFen: number): FeeItemDoc => ({ _id: `fi-${kind}`, communityId: 'c', kind, name: kind, unitPriceFen, active: true, createdAt: 0 })

describe('monthlyAmountFen', () => {
  it('property: area × unit price, rounded half up to the fen', () => {
    // 100.37 m² × 2.80 元 = 281.036 元 → 28104 fen (28103.6 rounds up).
    expect(monthlyAmountFen(item('property', 280), { areaCm2: 10037 })).toBe(28104)
    // Exactly half a fen rounds up: 100.01 m² × 2.50 元 = 25002.5 fen.
    expect(monthlyAmountFen(item('property', 250), { areaCm2: 10001 })).toBe(25003)
    // Just under half rounds down: 100.01 m² × 2.49 元 = 24902.49 fen.
    expect(monthlyAmountFen(item('property', 249), { areaCm2: 10001 })).toBe(24902)
    expect(monthlyAmountFen(item('property', 280), { areaCm2: 0 })).toBe(0)
  })

  it('is exact for large areas (integers only, no float drift)', () => {
    // 0.1 + 0.2 style drift would show here with floats: 1234.55 m² × 3.33 元.
    expect(monthlyAmountFen(item('property', 333), { areaCm2: 123455 })).toBe(Math.floor((123455 * 333 + 50) / 100))
    expect(monthlyAmountFen(item('property', 333), { areaCm2: 123455 })).toBe(411105)
  })

  it('parking: per space, nothing without a space', () => {
    expect(monthlyAmountFen(item('parking', 15000), { areaCm2: 9000, parkingSpaces: 2 })).toBe(30000)
    expect(monthlyAmountFen(item('parking', 15000), { areaCm2: 9000, parkingSpaces: 1 })).toBe(15000)
    expect(monthlyAmountFen(item('parking', 15000), { areaCm2: 9000 })).toBe(0)
  })
})

describe('overdueDays', () => {
  const due = dueAtOf('2026-01', 15)
  it('counts whole days after the due instant', () => {
    expect(overdueDays(due, due)).toBe(0)
    expect(overdueDays(due, due - 1)).toBe(0)
    expect(overdueDays(due, due + 1)).toBe(0)
    expect(overdueDays(due, due + DAY_MS - 1)).toBe(0)
    expect(overdueDays(due, due + DAY_MS)).toBe(1)
    expect(overdueDays(due, due + 30 * DAY_MS + 5)).toBe(30)
  })
})

describe('lateFeeFen', () => {
  const bill = { amountFen: 28104, dueAt: dueAtOf('2025-11', 15) }
  const rule: LateFeeRule = { graceDays: 0, bpPerDay: 5, capBp: 1000 }

  it('is zero without a rule, before the due date and on its day', () => {
    expect(lateFeeFen(bill, null, bill.dueAt + 100 * DAY_MS)).toBe(0)
    expect(lateFeeFen(bill, rule, bill.dueAt - DAY_MS)).toBe(0)
    expect(lateFeeFen(bill, rule, bill.dueAt + DAY_MS - 1)).toBe(0)
  })

  it('accrues bpPerDay of the bill per overdue day, floored to the fen', () => {
    // 0.05 % of 281.04 元 a day: 14.052 fen/day.
    expect(lateFeeFen(bill, rule, bill.dueAt + 1 * DAY_MS)).toBe(14)
    expect(lateFeeFen(bill, rule, bill.dueAt + 2 * DAY_MS)).toBe(28)
    expect(lateFeeFen(bill, rule, bill.dueAt + 51 * DAY_MS)).toBe(716)
    expect(lateFeeFen(bill, rule, bill.dueAt + 51 * DAY_MS + DAY_MS - 1)).toBe(716)
  })

  it('starts only after the grace days', () => {
    const grace: LateFeeRule = { ...rule, graceDays: 10 }
    expect(lateFeeFen(bill, grace, bill.dueAt + 10 * DAY_MS)).toBe(0)
    expect(lateFeeFen(bill, grace, bill.dueAt + 11 * DAY_MS)).toBe(14)
    expect(lateFeeFen(bill, grace, bill.dueAt + 61 * DAY_MS)).toBe(lateFeeFen(bill, rule, bill.dueAt + 51 * DAY_MS))
  })

  it('never exceeds the cap', () => {
    // 10 % of 281.04 元 = 2810 fen (floored), reached after 200 days.
    expect(lateFeeFen(bill, rule, bill.dueAt + 199 * DAY_MS)).toBe(Math.floor((28104 * 5 * 199) / 10_000))
    expect(lateFeeFen(bill, rule, bill.dueAt + 200 * DAY_MS)).toBe(2810)
    expect(lateFeeFen(bill, rule, bill.dueAt + 5000 * DAY_MS)).toBe(2810)
    expect(lateFeeFen(bill, { ...rule, capBp: 0 }, bill.dueAt + 50 * DAY_MS)).toBe(0)
  })

  it('is monotonic in time', () => {
    let prev = 0
    for (let d = 0; d < 400; d++) {
      const fee = lateFeeFen(bill, { graceDays: 3, bpPerDay: 7, capBp: 1500 }, bill.dueAt + d * DAY_MS)
      expect(fee).toBeGreaterThanOrEqual(prev)
      prev = fee
    }
    expect(prev).toBe(Math.floor((28104 * 1500) / 10_000))
  })
})

describe('billing months in Asia/Shanghai', () => {
  it('periodOf uses the Shanghai date', () => {
    expect(periodOf(Date.UTC(2026, 0, 31, 15, 59, 59))).toBe('2026-01')
    expect(periodOf(Date.UTC(2026, 0, 31, 16, 0, 0))).toBe('2026-02')
  })

  it('dueAtOf is the last millisecond of the day in Shanghai', () => {
    expect(dueAtOf('2026-01', 15)).toBe(Date.UTC(2026, 0, 15, 16) - 1)
    expect(new Date(dueAtOf('2026-02', 28) + 8 * 3600_000).toISOString()).toBe('2026-02-28T23:59:59.999Z')
    expect(periodOf(dueAtOf('2026-12', 28))).toBe('2026-12')
  })

  it('previousPeriods lists count months ending with period, across years', () => {
    expect(previousPeriods('2026-02', 6)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(previousPeriods('2026-01', 1)).toEqual(['2026-01'])
  })
})
