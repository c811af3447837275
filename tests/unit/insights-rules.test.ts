/** The pure parts of insights: calendar arithmetic, churn reasons, segment rules, stored windows. */
import { DEFAULT_CHURN, scoreChurn } from '../../cloudfunctions/domain/insights/churn'
import { windowKey } from '../../cloudfunctions/domain/insights/figures'
import { mayOpenCase } from '../../cloudfunctions/domain/insights/score'
import { maskPlate } from '../../cloudfunctions/domain/insights/mask'
import { maskPhone } from '../../cloudfunctions/domain/user/format'
import { DEFAULT_SEGMENT_RULES, evaluateSegments, segmentMetrics } from '../../cloudfunctions/domain/insights/segments'
import { addDays, dayOf, dayStart, daysBetween, monthEnd, monthsUpTo, weekStart } from '../../cloudfunctions/domain/insights/time'

const NOW = Date.parse('2026-11-20T04:00:00Z') // 12:00 in Shanghai, a Friday
const TODAY = '2026-11-20'

describe('Shanghai calendar', () => {
  test('the day turns at 16:00 UTC', () => {
    expect(dayOf(Date.parse('2026-11-19T15:59:59.999Z'))).toBe('2026-11-19')
    expect(dayOf(Date.parse('2026-11-19T16:00:00Z'))).toBe('2026-11-20')
    expect(dayStart('2026-11-20')).toBe(Date.parse('2026-11-19T16:00:00Z'))
  })
  test('months, weeks and spans', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
    expect(monthEnd('2028-02')).toBe('2028-02-29')
    expect(weekStart('2026-11-22')).toBe('2026-11-16') // a Sunday belongs to the week from Monday
    expect(weekStart('2026-11-16')).toBe('2026-11-16')
    expect(monthsUpTo('2026-01-15', 3)).toEqual(['2025-11', '2025-12', '2026-01'])
  })
})

/** Daily rows `[count, fen, discounted, presale, atDoor]` from a list of `[daysAgo, fen]`. */
function days(list: [number, number][], discounted = false): Record<string, [number, number, number, number, number]> {
  const out: Record<string, [number, number, number, number, number]> = {}
  for (const [ago, fen] of list) {
    const row = (out[addDays(TODAY, -ago)] ??= [0, 0, 0, 0, 0])
    row[0] += 1
    row[1] += fen
    if (discounted) row[2] += 1
    row[3] += 1
  }
  return out
}

const quiet = { overdueBills: 0, maxOverdueDays: 0 }

describe('churn score', () => {
  test('a household that never did anything is not drifting away', () => {
    expect(scoreChurn({ days: {}, attendedDays: [], lowRatingDays: [], lastActivityAt: null, orders: 0, lastAttendedAt: null }, quiet, DEFAULT_CHURN, NOW)).toEqual({ score: 0, reasons: [] })
  })

  test('a weekly buyer who stopped 70 days ago: inactive, falling orders and spend, quiet weeks', () => {
    const list: [number, number][] = []
    for (let ago = 160; ago >= 70; ago -= 7) list.push([ago, 5000])
    const s = { days: days(list), attendedDays: [], lowRatingDays: [], lastActivityAt: NOW - 70 * 86_400_000, orders: list.length, lastAttendedAt: null }
    const r = scoreChurn(s, quiet, DEFAULT_CHURN, NOW)
    expect(r.reasons.map((x) => x.code)).toEqual(['inactive_long', 'orders_falling', 'spend_falling', 'no_orders_weeks'])
    expect(r.score).toBe(35 + 20 + 15 + 15)
  })

  test('a steady buyer scores 0; one overdue bill alone stays under the threshold', () => {
    const list: [number, number][] = []
    for (let ago = 160; ago >= 2; ago -= 7) list.push([ago, 5000])
    const s = { days: days(list), attendedDays: [], lowRatingDays: [], lastActivityAt: NOW - 2 * 86_400_000, orders: list.length, lastAttendedAt: null }
    expect(scoreChurn(s, quiet, DEFAULT_CHURN, NOW).score).toBe(0)
    const withBill = scoreChurn(s, { overdueBills: 1, maxOverdueDays: 40 }, DEFAULT_CHURN, NOW)
    expect(withBill.reasons).toEqual([{ code: 'overdue_bills', points: 15, detail: '1 张账单逾期，最长 40 天' }])
    expect(withBill.score).toBeLessThan(DEFAULT_CHURN.threshold)
  })

  test('a light buyer missing one order is not a trend (needs ≥2 orders in the base period)', () => {
    const s = { days: days([[120, 5000]]), attendedDays: [], lowRatingDays: [], lastActivityAt: NOW - 20 * 86_400_000, orders: 1, lastAttendedAt: null }
    const codes = scoreChurn(s, quiet, DEFAULT_CHURN, NOW).reasons.map((x) => x.code)
    expect(codes).not.toContain('orders_falling')
    expect(codes).toContain('no_orders_weeks')
  })

  test('stopped coming to events, and a recent low rating', () => {
    const s = { days: {}, attendedDays: [addDays(TODAY, -120)], lowRatingDays: [addDays(TODAY, -10)], lastActivityAt: NOW - 10 * 86_400_000, orders: 0, lastAttendedAt: NOW - 120 * 86_400_000 }
    expect(scoreChurn(s, quiet, DEFAULT_CHURN, NOW).reasons.map((x) => x.code)).toEqual(['no_events', 'low_ratings'])
  })

  test('the quiet-weeks setting moves the reason', () => {
    const s = { days: days([[30, 5000], [60, 5000]]), attendedDays: [], lowRatingDays: [], lastActivityAt: NOW - 30 * 86_400_000, orders: 2, lastAttendedAt: null }
    expect(scoreChurn(s, quiet, { ...DEFAULT_CHURN, quietWeeks: 4 }, NOW).reasons.map((x) => x.code)).toContain('no_orders_weeks')
    expect(scoreChurn(s, quiet, { ...DEFAULT_CHURN, quietWeeks: 6 }, NOW).reasons.map((x) => x.code)).not.toContain('no_orders_weeks')
  })
})

describe('segments', () => {
  test('metrics over 180 days and the default rules, with the reason in the household numbers', () => {
    const s = {
      days: days([[10, 3000], [20, 3000], [30, 3000], [200, 9999]], true),
      lineDays: { 'service:housekeeping': { [addDays(TODAY, -5)]: 2 }, 'repair:plumbing': { [addDays(TODAY, -300)]: 1 }, 'presale:presale': { [addDays(TODAY, -10)]: 3 } },
      attendedDays: [addDays(TODAY, -3)]
    }
    const m = segmentMetrics(s, TODAY, { overdueBills: 0, parcels3m: 0 })
    expect(m).toMatchObject({ orders180: 3, spend180Fen: 9000, avgOrderFen: 3000, discountShare: 1, service180: 2, repair180: 0, attended180: 1, linesUsed180: 2 })
    const hits = evaluateSegments(m, DEFAULT_SEGMENT_RULES)
    expect(hits.map((x) => x.need)).toEqual(['save_money', 'save_effort'])
    expect(hits[0]?.because).toBe('常用券或积分下单（近180天订单数 3 ≥ 2，用券/积分订单占比（0-1） 1 ≥ 0.5）')
  })

  test('every condition must hold; a need is listed once', () => {
    const rules = [
      { need: 'save_time' as const, label: '规则一', all: [{ metric: 'orders180' as const, op: 'gte' as const, value: 1 }, { metric: 'overdueBills' as const, op: 'eq' as const, value: 0 }] },
      { need: 'save_time' as const, label: '规则二', all: [{ metric: 'orders180' as const, op: 'lte' as const, value: 100 }] }
    ]
    const m = segmentMetrics({ days: days([[1, 100]]), lineDays: {}, attendedDays: [] }, TODAY, { overdueBills: 1, parcels3m: 0 })
    expect(evaluateSegments(m, rules).map((x) => x.because)).toEqual(['规则二（近180天订单数 1 ≤ 100）'])
  })

  test('the parcel count read alongside is a metric a rule can test, with its label in the reason', () => {
    const rule = [{ need: 'save_time' as const, label: '快递多', all: [{ metric: 'parcels3m' as const, op: 'gte' as const, value: 2 }] }]
    const quietStats = { days: {}, lineDays: {}, attendedDays: [] }
    const many = segmentMetrics(quietStats, TODAY, { overdueBills: 0, parcels3m: 2 })
    expect(many.parcels3m).toBe(2)
    expect(evaluateSegments(many, rule)).toEqual([{ need: 'save_time', because: '快递多（近3个月快递数 2 ≥ 2）', residentReason: '常收快递' }])
    expect(evaluateSegments(segmentMetrics(quietStats, TODAY, { overdueBills: 0, parcels3m: 1 }), rule)).toEqual([])
  })
})

describe('stored repurchase windows', () => {
  test('rolling windows ending on the snapshot day, and calendar months', () => {
    expect(windowKey('2026-11-13', '2026-11-19', '2026-11-19')).toBe('7d')
    expect(windowKey('2026-10-21', '2026-11-19', '2026-11-19')).toBe('30d')
    expect(windowKey('2026-11-12', '2026-11-18', '2026-11-19')).toBeNull()
    expect(windowKey('2026-10-01', '2026-10-31', '2026-11-19')).toBe('2026-10')
    expect(windowKey('2026-11-01', '2026-11-19', '2026-11-19')).toBe('2026-11')
    expect(windowKey('2026-10-02', '2026-10-31', '2026-11-19')).toBeNull()
  })
})

test('masks keep enough to recognise, not to use', () => {
  expect(maskPhone('13800001111')).toBe('138****1111')
  expect(maskPhone('123')).toBe('****')
  expect(maskPlate('浙A12345')).toBe('浙A·***45')
  // A new-energy plate hides one character more, so it reads apart from an ordinary one.
  expect(maskPlate('沪AD12345')).toBe('沪A·****45')
})

test('a case reopens after 未召回 only once the household did something since', () => {
  expect(mayOpenCase({ openCaseId: null, lastCaseLostAt: null, lastActivityAt: 5 })).toBe(true)
  expect(mayOpenCase({ openCaseId: 'c1', lastCaseLostAt: null, lastActivityAt: 5 })).toBe(false)
  expect(mayOpenCase({ openCaseId: null, lastCaseLostAt: 10, lastActivityAt: 5 })).toBe(false)
  expect(mayOpenCase({ openCaseId: null, lastCaseLostAt: 10, lastActivityAt: 11 })).toBe(true)
})
