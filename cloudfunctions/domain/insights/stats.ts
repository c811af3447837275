import type { RatingDoc } from '../booking/docs'
import type { SignupDoc } from '../event/docs'
import type { HouseholdStatsDoc, PurchaseDoc } from './docs'
import { addDays, dayOf, monthOfDay, monthsUpTo } from './time'

/** How far back per-day history is kept on a household: a year plus the widest trend window. */
export const HISTORY_DAYS = 400
/** A service rating at or below this average (× 100) counts as a low rating. */
export const LOW_RATING_AVG100 = 300

export interface StatsInputs {
  householdId: string
  communityId: string
  buildingId: string
  purchases: readonly PurchaseDoc[]
  signups: readonly SignupDoc[]
  ratings: readonly RatingDoc[]
}

export type StatsCore = Omit<HouseholdStatsDoc, 'score' | 'atRisk' | 'reasons' | 'needs' | 'needReasons' | 'needFlags' | 'scoredDay' | 'openCaseId'>

/**
 * A household's figures, computed from scratch from its own records. Pure: the same records give
 * the same figures, which is what lets the nightly job recompute instead of increment.
 */
export function computeStats(x: StatsInputs, now: number): StatsCore {
  const today = dayOf(now)
  const oldest = addDays(today, -HISTORY_DAYS)
  const months = new Set(monthsUpTo(today, 12))
  const days: HouseholdStatsDoc['days'] = {}
  const lineDays: HouseholdStatsDoc['lineDays'] = {}
  const spend: HouseholdStatsDoc['months'] = {}
  let orders = 0
  let spentFen = 0
  let firstPaidAt: number | null = null
  let lastPaidAt: number | null = null
  let lastUsedAt: number | null = null
  for (const p of x.purchases) {
    if (p.used) {
      lastUsedAt = Math.max(lastUsedAt ?? 0, p.paidAt)
      if (p.day >= oldest) {
        const line = (lineDays[`${p.kind}:${p.line}`] ??= {})
        line[p.day] = (line[p.day] ?? 0) + 1
      }
    }
    if (!p.counted) continue
    orders += 1
    spentFen += p.netFen
    firstPaidAt = Math.min(firstPaidAt ?? p.paidAt, p.paidAt)
    lastPaidAt = Math.max(lastPaidAt ?? 0, p.paidAt)
    if (p.day >= oldest) {
      const row = (days[p.day] ??= [0, 0, 0, 0, 0])
      row[0] += 1
      row[1] += p.netFen
      if (p.discounted) row[2] += 1
      if (p.kind === 'presale') row[3] += 1
      if (p.atDoor && p.kind === 'presale') row[4] += 1
    }
    const month = monthOfDay(p.day)
    if (months.has(month)) {
      const m = (spend[month] ??= {})
      m[p.line] = (m[p.line] ?? 0) + p.netFen
    }
  }
  const attended = x.signups.filter((s) => s.checkedInAt !== undefined)
  const attendedDays = [...new Set(attended.map((s) => dayOf(s.checkedInAt ?? 0)).filter((d) => d >= oldest))].sort()
  const lastAttendedAt = attended.length ? Math.max(...attended.map((s) => s.checkedInAt ?? 0)) : null
  // A sign-up cancelled or not attended is not a sign of life; a confirmed or waitlisted one is.
  const live = x.signups.filter((s) => s.status === 'confirmed' || s.status === 'waitlisted' || s.status === 'checkedIn')
  const lastSignupAt = live.length ? Math.max(...live.map((s) => s.createdAt)) : null
  const lowRatingDays = x.ratings.filter((r) => r.avg100 <= LOW_RATING_AVG100).map((r) => dayOf(r.at)).filter((d) => d >= oldest).sort()
  const activity = [lastUsedAt, lastAttendedAt, lastSignupAt].filter((t): t is number => t !== null)
  return {
    _id: x.householdId,
    communityId: x.communityId,
    buildingId: x.buildingId,
    orders,
    spentFen,
    firstPaidAt,
    lastPaidAt,
    days,
    lineDays,
    months: spend,
    attendedDays,
    lastAttendedAt,
    lastSignupAt,
    lowRatingDays,
    lastActivityAt: activity.length ? Math.max(...activity) : null,
    recomputedAt: now
  }
}

/** Counted purchases and spend of the household between two days, both included. */
export function ordersBetween(s: Pick<HouseholdStatsDoc, 'days'>, from: string, to: string): { n: number; fen: number; discounted: number; presale: number; atDoor: number } {
  const out = { n: 0, fen: 0, discounted: 0, presale: 0, atDoor: 0 }
  for (const [day, row] of Object.entries(s.days)) {
    if (day < from || day > to) continue
    out.n += row[0]
    out.fen += row[1]
    out.discounted += row[2]
    out.presale += row[3]
    out.atDoor += row[4]
  }
  return out
}

/** Uses of a line (or of every line matching `pick`) between two days. */
export function usesBetween(s: Pick<HouseholdStatsDoc, 'lineDays'>, from: string, to: string, pick: (line: string) => boolean): number {
  let n = 0
  for (const [line, days] of Object.entries(s.lineDays)) {
    if (!pick(line)) continue
    for (const [day, c] of Object.entries(days)) if (day >= from && day <= to) n += c
  }
  return n
}
