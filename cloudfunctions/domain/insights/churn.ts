import type { ChurnSettingsT } from '../../contracts/insights'
import type { ChurnReason } from '../../contracts/insights-labels'
import type { HouseholdStatsDoc } from './docs'
import { ordersBetween } from './stats'
import { addDays, dayOf, daysBetween } from './time'

export const DEFAULT_CHURN: ChurnSettingsT = { threshold: 50, quietWeeks: 6, inviteTarget: 10 }

export const CHURN_REASON_LABELS: Record<ChurnReason, string> = {
  inactive_long: '超过 60 天没有任何消费或活动',
  inactive: '超过 30 天没有任何消费或活动',
  orders_falling: '下单频次明显下降',
  spend_falling: '消费金额明显下降',
  no_orders_weeks: '连续多周没有下单',
  overdue_bills: '物业费逾期未缴',
  no_events: '近 90 天没有再参加活动',
  low_ratings: '近 90 天给过低分评价'
}

/** Points per reason: a transparent additive score, capped at 100. */
export const CHURN_POINTS: Record<ChurnReason, number> = {
  inactive_long: 35,
  inactive: 20,
  orders_falling: 20,
  spend_falling: 15,
  no_orders_weeks: 15,
  overdue_bills: 15,
  no_events: 10,
  low_ratings: 15
}

export interface ChurnFeatures {
  /** Overdue unpaid bills and the longest overdue, in days. */
  overdueBills: number
  maxOverdueDays: number
}

export interface ChurnScore {
  score: number
  reasons: { code: ChurnReason; points: number; detail: string }[]
}

type Scored = Pick<HouseholdStatsDoc, 'days' | 'attendedDays' | 'lowRatingDays' | 'lastActivityAt' | 'orders' | 'lastAttendedAt'>

/**
 * Scores how likely a household is drifting away, on recency, frequency and spend trends and on
 * engagement. A household that never bought nor attended anything is not drifting: it scores 0
 * (it is a household to win, not to win back).
 *
 * Trends compare the last 8 weeks with the 16 weeks before (scaled to 8 weeks), and fire only on
 * a real base (at least 2 orders before), so one missing order of a light buyer is not a warning.
 */
export function scoreChurn(s: Scored, f: ChurnFeatures, settings: ChurnSettingsT, now: number): ChurnScore {
  const reasons: ChurnScore['reasons'] = []
  const add = (code: ChurnReason, detail: string) => reasons.push({ code, points: CHURN_POINTS[code], detail })
  const everActive = s.orders > 0 || s.lastAttendedAt !== null || s.lastActivityAt !== null
  if (!everActive) return { score: 0, reasons }
  const today = dayOf(now)
  const idle = s.lastActivityAt === null ? Infinity : daysBetween(dayOf(s.lastActivityAt), today)
  if (idle > 60) add('inactive_long', `已 ${Number.isFinite(idle) ? idle : '60+'} 天无消费或活动`)
  else if (idle > 30) add('inactive', `已 ${idle} 天无消费或活动`)

  const recent = ordersBetween(s, addDays(today, -55), today)
  const before = ordersBetween(s, addDays(today, -167), addDays(today, -56))
  const beforeN = before.n / 2
  const beforeFen = before.fen / 2
  if (before.n >= 2 && recent.n <= beforeN / 2) add('orders_falling', `近 8 周 ${recent.n} 单，此前每 8 周约 ${beforeN.toFixed(1)} 单`)
  if (before.n >= 2 && beforeFen > 0 && recent.fen <= beforeFen / 2) {
    add('spend_falling', `近 8 周消费 ${(recent.fen / 100).toFixed(0)} 元，此前每 8 周约 ${(beforeFen / 100).toFixed(0)} 元`)
  }
  if (s.orders > 0) {
    const quiet = ordersBetween(s, addDays(today, -(settings.quietWeeks * 7 - 1)), today)
    if (quiet.n === 0) add('no_orders_weeks', `已连续 ${settings.quietWeeks} 周没有下单`)
  }
  if (f.overdueBills > 0) add('overdue_bills', `${f.overdueBills} 张账单逾期，最长 ${f.maxOverdueDays} 天`)
  const since90 = addDays(today, -89)
  if (s.attendedDays.length > 0 && !s.attendedDays.some((d) => d >= since90)) add('no_events', '以前参加过活动，近 90 天没有再来')
  const lows = s.lowRatingDays.filter((d) => d >= since90).length
  if (lows > 0) add('low_ratings', `近 90 天 ${lows} 次低分评价`)
  const score = Math.min(100, reasons.reduce((n, r) => n + r.points, 0))
  return { score, reasons }
}

/** A case reactivates when the household does something after the case opened. */
export function reactivated(lastActivityAt: number | null, openedAt: number): boolean {
  return lastActivityAt !== null && lastActivityAt > openedAt
}

/** Days a case stays open before it is closed as not won back. */
export const CASE_WINDOW_DAYS = 45
