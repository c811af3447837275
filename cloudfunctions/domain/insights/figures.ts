import type { FiguresT } from '../../contracts/insights'
import type { CommunitySnapshotDoc, DayMetricsDoc, FeeMonthDoc } from './docs'
import { ROLLING_WINDOWS } from '../../contracts/insights-labels'
import { daysBetween, monthEnd } from './time'

/**
 * Which stored repurchase window a date range is, if any. Repurchase is not additive over days,
 * so only ranges the nightly pass computed have one: the rolling windows ending on the snapshot's
 * last day, and calendar months (the running month up to that day).
 */
export function windowKey(from: string, to: string, through: string): string | null {
  if (to === through) {
    const n = daysBetween(from, to) + 1
    if ((ROLLING_WINDOWS as readonly number[]).includes(n)) return `${n}d`
  }
  const month = from.slice(0, 7)
  if (from === `${month}-01` && (to === monthEnd(month) || (to === through && to.slice(0, 7) === month))) return month
  return null
}

function bp(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) : null
}

/**
 * The headline figures of one or several communities over a range, from stored rows only.
 * Definitions: an order is a paid pre-sale order or a booking paid with money, counted on its
 * payment day, net of refunds (a full refund removes it); GMV is the net paid amount; 客单价 is
 * GMV ÷ orders; 回购率 is households with ≥2 orders in the window ÷ households with ≥1.
 * Parking is revenue of its own, not orders: 临停 (stays) and 月卡 (cards), same day and refunds.
 */
export function figuresOf(
  days: readonly DayMetricsDoc[],
  snapshots: readonly CommunitySnapshotDoc[],
  feeMonths: readonly FeeMonthDoc[],
  from: string,
  to: string
): FiguresT {
  const inRange = days.filter((d) => d.day >= from && d.day <= to)
  const orders = inRange.reduce((n, d) => n + d.orders, 0)
  const gmvFen = inRange.reduce((n, d) => n + d.gmvFen, 0)
  let repeaters: number | null = null
  let purchasers: number | null = null
  let key: string | null = null
  if (snapshots.length > 0) {
    const keys = snapshots.map((s) => windowKey(from, to, s.throughDay))
    const k = keys[0]
    if (k && keys.every((x) => x === k) && snapshots.every((s) => s.repurchase[k])) {
      key = k
      repeaters = snapshots.reduce((n, s) => n + (s.repurchase[k]?.[0] ?? 0), 0)
      purchasers = snapshots.reduce((n, s) => n + (s.repurchase[k]?.[1] ?? 0), 0)
    }
  }
  const months = new Set<string>()
  for (const d of [from, to]) months.add(d.slice(0, 7))
  for (const d of inRange) months.add(d.day.slice(0, 7))
  const fees = feeMonths.filter((m) => m.period >= from.slice(0, 7) && m.period <= to.slice(0, 7))
  const billedFen = fees.reduce((n, m) => n + m.billedFen, 0)
  const collectedFen = fees.reduce((n, m) => n + m.collectedFen, 0)
  const sRatings = inRange.reduce((n, d) => n + d.serviceRatings, 0)
  const eRatings = inRange.reduce((n, d) => n + d.eventRatings, 0)
  const parking = (k: 'stays' | 'cards', i: 0 | 1) => inRange.reduce((n, d) => n + (d.parking?.[k][i] ?? 0), 0)
  return {
    orders,
    gmvFen,
    aovFen: orders ? Math.round(gmvFen / orders) : null,
    repurchaseBp: repeaters !== null && purchasers !== null ? bp(repeaters, purchasers) : null,
    repurchaseWindow: key,
    repeaters,
    purchasers,
    collectionBp: bp(collectedFen, billedFen),
    billedFen,
    collectedFen,
    serviceRating100: sRatings ? Math.round(inRange.reduce((n, d) => n + d.serviceRatingSum100, 0) / sRatings) : null,
    serviceRatings: sRatings,
    eventRating100: eRatings ? Math.round(inRange.reduce((n, d) => n + d.eventRatingSum100, 0) / eRatings) : null,
    eventRatings: eRatings,
    parkingStays: parking('stays', 0),
    parkingStayFen: parking('stays', 1),
    parkingCards: parking('cards', 0),
    parkingCardFen: parking('cards', 1)
  }
}
