import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { MAX_PAGE } from '../../kernel/store'
import type { HouseholdDoc } from '../docs'
import type { DayMetricsDoc, HouseholdStatsDoc } from './docs'
import { put } from '../../kernel/put'
import { noNeeds } from './segments'
import { computeStats } from './stats'
import { DAY_MS, dayStart } from './time'

/** Average of a record of 1–5 scores, × 100. */
function avg100(scores: Record<string, number>): number {
  const v = Object.values(scores)
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 100) : 0
}

/** Recomputes one household's figures from its own records; keeps the nightly scoring outputs. */
export async function recomputeHousehold(ports: Ports, h: HouseholdDoc): Promise<void> {
  const optedOut = await ports.store.get('profileOptOuts', h._id)
  if (optedOut) {
    await ports.store.remove('householdStats', h._id)
    return
  }
  const [purchases, signups, ratings] = await Promise.all([
    findAll(ports.store, 'purchases', { householdId: h._id }),
    findAll(ports.store, 'eventSignups', { householdId: h._id }),
    findAll(ports.store, 'ratings', { householdId: h._id })
  ])
  const core = computeStats({ householdId: h._id, communityId: h.communityId, buildingId: h.buildingId, purchases, signups, ratings }, ports.clock.now())
  const { _id, ...fields } = core
  if (!(await ports.store.update('householdStats', _id, { set: fields }))) {
    const fresh: HouseholdStatsDoc = { ...core, score: null, atRisk: false, reasons: [], needs: [], needReasons: [], needFlags: noNeeds(), scoredDay: null, openCaseId: null }
    const r = await ports.store.insert('householdStats', fresh)
    if (!r.ok) await ports.store.update('householdStats', _id, { set: fields })
  }
  // An opt-out that landed while we computed wins: its delete may have run before our write.
  if (await ports.store.get('profileOptOuts', h._id)) await ports.store.remove('householdStats', h._id)
}

/** Recomputes one community day from that day's purchases, parking income, service ratings and event feedback. */
export async function recomputeDay(ports: Ports, communityId: string, day: string): Promise<void> {
  const start = dayStart(day)
  const [purchases, parkingIncome, ratings, feedback] = await Promise.all([
    findAll(ports.store, 'purchases', { communityId, day }),
    findAll(ports.store, 'parkingIncome', { communityId, day }),
    findAll(ports.store, 'ratings', { communityId, at: { gte: start, lt: start + DAY_MS } }),
    findAll(ports.store, 'eventFeedback', { communityId, createdAt: { gte: start, lt: start + DAY_MS } })
  ])
  const counted = purchases.filter((p) => p.counted)
  const lines: DayMetricsDoc['lines'] = {}
  for (const p of counted) {
    const row = (lines[p.line] ??= [0, 0])
    row[0] += 1
    row[1] += p.netFen
  }
  const parking: NonNullable<DayMetricsDoc['parking']> = { stays: [0, 0], cards: [0, 0] }
  for (const i of parkingIncome) {
    for (const k of ['stays', 'cards'] as const) {
      parking[k][0] += i[k][0]
      parking[k][1] += i[k][1]
    }
  }
  const doc: DayMetricsDoc = {
    _id: `${communityId}:${day}`,
    communityId,
    day,
    orders: counted.length,
    gmvFen: counted.reduce((n, p) => n + p.netFen, 0),
    buyers: new Set(counted.map((p) => p.householdId)).size,
    lines,
    invitedOrders: counted.filter((p) => p.invited).length,
    serviceRatingSum100: ratings.reduce((n, r) => n + r.avg100, 0),
    serviceRatings: ratings.length,
    eventRatingSum100: feedback.reduce((n, f) => n + avg100(f.ratings), 0),
    eventRatings: feedback.length,
    parking,
    updatedAt: ports.clock.now()
  }
  if (doc.orders === 0 && doc.serviceRatings === 0 && doc.eventRatings === 0 && parkingIncome.length === 0) await ports.store.remove('dayMetrics', doc._id)
  else await put(ports.store, 'dayMetrics', doc)
}

/**
 * Works through the marks left by the sync: each is removed only after its recompute, so a pass
 * that dies re-does at most the marks it had in hand.
 */
export async function recomputeDirty(ports: Ports, communityId: string, hasTime: () => boolean): Promise<{ households: number; days: number; complete: boolean }> {
  let households = 0
  let days = 0
  for (const kind of ['household', 'day'] as const) {
    for (;;) {
      if (!hasTime()) return { households, days, complete: false }
      const marks = await ports.store.find('insightsDirty', { where: { communityId, kind }, orderBy: [{ field: '_id', dir: 'asc' }], limit: kind === 'household' ? 200 : 50 })
      if (marks.length === 0) break
      if (kind === 'household') {
        const docs = await getMany(ports.store, 'households', marks.map((m) => m.ref))
        for (const m of marks) {
          const h = docs.get(m.ref)
          if (h) await recomputeHousehold(ports, h)
          await ports.store.remove('insightsDirty', m._id)
          households++
        }
      } else {
        for (const m of marks) {
          await recomputeDay(ports, communityId, m.ref)
          await ports.store.remove('insightsDirty', m._id)
          days++
        }
      }
      if (marks.length < MAX_PAGE && !hasTime()) return { households, days, complete: false }
    }
  }
  return { households, days, complete: true }
}
