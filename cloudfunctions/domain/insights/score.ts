import { PROFILE_METRICS, ROLLING_WINDOWS } from '../../contracts/insights-labels'
import { findAll, getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { recentParcelsOf } from '../parcel/counts'
import { CASE_WINDOW_DAYS, reactivated, scoreChurn, type ChurnFeatures } from './churn'
import type { HouseholdDoc } from '../docs'
import type { ChurnCaseDoc, CommunitySnapshotDoc, FeeMonthDoc, HouseholdStatsDoc, InsightsCursorDoc, ProfileDoc } from './docs'
import { put } from '../../kernel/put'
import { loadRules } from './rules'
import { evaluateSegments, needFlagsOf, segmentMetrics } from './segments'
import { ordersBetween } from './stats'
import { DAY_MS, addDays, dayOf, monthEnd, monthsUpTo } from './time'

/** Windows whose repurchase the snapshot keeps: rolling ones ending `through`, and calendar months. */
export function repurchaseWindows(through: string): { key: string; from: string; to: string }[] {
  const out = ROLLING_WINDOWS.map((n) => ({ key: `${n}d`, from: addDays(through, -(n - 1)), to: through }))
  for (const m of monthsUpTo(through, 12)) out.push({ key: m, from: `${m}-01`, to: monthEnd(m) < through ? monthEnd(m) : through })
  return out
}

/** Repeaters (≥2 paid orders) and purchasers (≥1) of one household in each window. */
export function repurchaseOf(s: Pick<HouseholdStatsDoc, 'days'>, windows: readonly { key: string; from: string; to: string }[]): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {}
  for (const w of windows) {
    const n = ordersBetween(s, w.from, w.to).n
    out[w.key] = [n >= 2 ? 1 : 0, n >= 1 ? 1 : 0]
  }
  return out
}

async function overdueByHousehold(ports: Ports, communityId: string, now: number): Promise<Map<string, ChurnFeatures>> {
  const bills = await findAll(ports.store, 'bills', { communityId, status: 'unpaid', dueAt: { lt: now } })
  const out = new Map<string, ChurnFeatures>()
  for (const b of bills) {
    const f = out.get(b.householdId) ?? { overdueBills: 0, maxOverdueDays: 0 }
    f.overdueBills += 1
    f.maxOverdueDays = Math.max(f.maxOverdueDays, Math.floor((now - b.dueAt) / DAY_MS))
    out.set(b.householdId, f)
  }
  return out
}

interface Accumulated {
  repurchase: Record<string, [number, number]>
  atRisk: number
  scored: number
}

/**
 * Scores every profiled household for `today`: churn score and reasons, needs, and a follow-up
 * case when the score crosses the threshold. Adds each household's repurchase flags to the
 * community snapshot. Resumable: the page it stopped after and the running sums are on the cursor.
 */
export async function scoreCommunity(ports: Ports, cursor: InsightsCursorDoc, hasTime: () => boolean): Promise<{ scored: number; opened: number; complete: boolean }> {
  const communityId = cursor._id
  const now = ports.clock.now()
  const today = dayOf(now)
  const through = addDays(today, -1)
  const windows = repurchaseWindows(through)
  const [rules, overdue, grids] = await Promise.all([
    loadRules(ports, communityId),
    overdueByHousehold(ports, communityId, now),
    ports.store.find('grids', { where: { communityId }, limit: 200 })
  ])
  const reading = (metrics: readonly string[]) => rules.segments.some((r) => r.all.some((c) => metrics.includes(c.metric)))
  const readsProfile = reading(PROFILE_METRICS)
  const readsArea = reading(['areaM2'])
  const butlerOf = (buildingId: string) => grids.find((g) => g.buildingIds.includes(buildingId))?.butlerUserId ?? ''
  const fresh = cursor.scoringDay !== today
  // Every window starts at zero, so a community without sales still adds 0 / 0 to a total.
  const zero = (): Accumulated => ({ repurchase: Object.fromEntries(windows.map((w) => [w.key, [0, 0] as [number, number]])), atRisk: 0, scored: 0 })
  const acc: Accumulated = fresh || !cursor.acc ? zero() : cursor.acc
  const after = fresh ? null : cursor.scoringAfter
  let scored = 0
  let opened = 0
  for await (const page of pages(ports.store, 'householdStats', after ? { communityId, _id: { gt: after } } : { communityId }, 500)) {
    // A household may opt out while its stats are being recomputed; it is dropped here at the latest.
    // Parcels are read for this page only (not the whole community up front) so a resumed pass
    // needs nothing kept on the cursor, and both reads travel together.
    const ids = page.map((s) => s._id)
    // Profiles (consented base data) only when a rule reads one; the office's area only for a rule on area.
    const [optedOut, parcels, profiles, households] = await Promise.all([
      getMany(ports.store, 'profileOptOuts', ids),
      recentParcelsOf(ports, ids),
      readsProfile ? getMany(ports.store, 'householdProfiles', ids) : new Map<string, ProfileDoc>(),
      readsArea ? getMany(ports.store, 'households', ids) : new Map<string, HouseholdDoc>()
    ])
    for (const s of page) {
      if (optedOut.has(s._id)) {
        await ports.store.remove('householdStats', s._id)
        continue
      }
      const f = overdue.get(s._id) ?? { overdueBills: 0, maxOverdueDays: 0 }
      const churn = scoreChurn(s, f, rules.churn, now)
      const atRisk = churn.score >= rules.churn.threshold
      const p = profiles.get(s._id)
      const profile = p ? { doc: p, householdAreaCm2: households.get(s._id)?.areaCm2 ?? null } : null
      const hits = evaluateSegments(segmentMetrics(s, today, { overdueBills: f.overdueBills, parcels3m: parcels.get(s._id) ?? 0, profile }), rules.segments)
      await ports.store.update('householdStats', s._id, {
        set: { score: churn.score, atRisk, reasons: churn.reasons, needs: hits.map((h) => h.need), needReasons: hits, needFlags: needFlagsOf(hits.map((h) => h.need)), scoredDay: today }
      })
      if (atRisk && mayOpenCase(s) && (await openCase(ports, s, churn, butlerOf(s.buildingId), now))) opened++
      for (const [k, [r, p]] of Object.entries(repurchaseOf(s, windows))) {
        const row = (acc.repurchase[k] ??= [0, 0])
        row[0] += r
        row[1] += p
      }
      if (atRisk) acc.atRisk++
      acc.scored++
      scored++
    }
    const last = page[page.length - 1]!._id
    await ports.store.update('insightsCursors', communityId, { set: { scoringDay: today, scoringAfter: last, acc, updatedAt: now } })
    if (!hasTime()) return { scored, opened, complete: false }
  }
  const snapshot: CommunitySnapshotDoc = { _id: communityId, communityId, throughDay: through, repurchase: acc.repurchase, atRisk: acc.atRisk, scored: acc.scored, computedAt: now }
  await put(ports.store, 'communitySnapshots', snapshot)
  return { scored, opened, complete: true }
}

/**
 * A household whose last case ended 未召回 gets a new one only after it did something since: a
 * household that moved out must not come back as a fresh warning every 45 days.
 */
export function mayOpenCase(s: Pick<HouseholdStatsDoc, 'openCaseId' | 'lastCaseLostAt' | 'lastActivityAt'>): boolean {
  if (s.openCaseId !== null) return false
  if (s.lastCaseLostAt === undefined || s.lastCaseLostAt === null) return true
  return (s.lastActivityAt ?? 0) > s.lastCaseLostAt
}

async function openCase(ports: Ports, s: HouseholdStatsDoc, churn: ReturnType<typeof scoreChurn>, butlerUserId: string, now: number): Promise<boolean> {
  const id = `${s._id}:${dayOf(now)}`
  const c: ChurnCaseDoc = {
    _id: id,
    communityId: s.communityId,
    householdId: s._id,
    buildingId: s.buildingId,
    butlerUserId,
    score: churn.score,
    reasons: churn.reasons,
    status: 'open',
    openedAt: now,
    lastActivityAtOpen: s.lastActivityAt,
    followedAt: null,
    closedAt: null,
    updatedAt: now
  }
  // The case first (its id is the household and the day, so a rerun inserts it once), then the
  // household's single open-case slot: a crash between the two leaves a case the next pass claims,
  // never a slot pointing at nothing.
  const inserted = (await ports.store.insert('churnCases', c)).ok
  if (await ports.store.update('householdStats', s._id, { set: { openCaseId: id } }, { openCaseId: null })) return true
  // Someone else holds the slot: take back a case only we created.
  const now2 = await ports.store.get('householdStats', s._id)
  if (inserted && now2?.openCaseId !== id) await ports.store.remove('churnCases', id)
  return false
}

/**
 * Settles the outcome of open cases: reactivated when the household did something after the case
 * opened, lost when the window passed without it. Frees the household's case slot either way.
 */
export async function settleCases(ports: Ports, communityId: string): Promise<{ reactivated: number; lost: number }> {
  const now = ports.clock.now()
  let back = 0
  let lost = 0
  // Grids change hands: an open case follows the household's current butler.
  const grids = await ports.store.find('grids', { where: { communityId }, limit: 200 })
  for await (const page of pages(ports.store, 'churnCases', { communityId, status: { in: ['open', 'followed'] } })) {
    const stats = await getMany(ports.store, 'householdStats', page.map((c) => c.householdId))
    for (const c of page) {
      const s = stats.get(c.householdId)
      const butler = grids.find((g) => g.buildingIds.includes(c.buildingId))?.butlerUserId ?? ''
      if (butler !== c.butlerUserId) await ports.store.update('churnCases', c._id, { set: { butlerUserId: butler, updatedAt: now } }, { status: { in: ['open', 'followed'] } })
      const isBack = s ? reactivated(s.lastActivityAt, c.openedAt) : false
      const expired = now - c.openedAt > CASE_WINDOW_DAYS * DAY_MS
      if (!isBack && !expired && s) continue
      const status = isBack ? 'reactivated' : 'lost'
      if (await ports.store.update('churnCases', c._id, { set: { status, closedAt: now, updatedAt: now } }, { status: c.status })) {
        if (isBack) back++
        else lost++
        await ports.store.update('householdStats', c.householdId, { set: { openCaseId: null, lastCaseLostAt: isBack ? null : now } }, { openCaseId: c._id })
      }
    }
  }
  return { reactivated: back, lost }
}

/** Fee collection of the recent billing months (late payments land in them); older months stay. */
export async function recomputeFeeMonths(ports: Ports, communityId: string, today: string, months = 3): Promise<number> {
  const now = ports.clock.now()
  let n = 0
  for (const period of monthsUpTo(today, months)) {
    let billedFen = 0
    let collectedFen = 0
    for await (const page of pages(ports.store, 'bills', { communityId, period })) {
      for (const b of page) {
        if (b.status === 'cancelled') continue
        billedFen += b.amountFen
        if (b.status === 'paid' || b.status === 'refunded') collectedFen += b.amountFen
      }
    }
    if (billedFen === 0) continue
    const doc: FeeMonthDoc = { _id: `${communityId}:${period}`, communityId, period, billedFen, collectedFen, updatedAt: now }
    await put(ports.store, 'feeMonths', doc)
    n++
  }
  return n
}
