import type { DirtyDoc, PurchaseDoc } from '../../cloudfunctions/domain/insights/docs'
import { DAY_MS, dayOf } from '../../cloudfunctions/domain/insights/time'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'

/**
 * Five months of sales history for the demo community, as imported from the property's previous
 * system (`hist:` purchases; live orders and bookings are projected beside them by the nightly
 * pass). Households follow five habits, so the dashboard, the segments and the churn warnings all
 * have something true to show:
 * - steady weekly pre-sale buyers who mostly use coupons (省钱, 省时);
 * - regular home-service users (省力);
 * - buyers who stopped about two months ago (流失预警: in 张管家's 1栋 too);
 * - occasional monthly buyers; and households that never bought.
 */
const HISTORY_DAYS = 150

function rand(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

type Habit = 'steady' | 'services' | 'stopped' | 'occasional' | 'never'
const HABITS: Habit[] = ['steady', 'services', 'stopped', 'occasional', 'never']

export function demoHouseholds(): { id: string; buildingId: string }[] {
  const out: { id: string; buildingId: string }[] = []
  for (const [b, floors, per] of [['a1', 5, 4], ['a2', 5, 4], ['a3', 4, 2]] as const) {
    for (let f = 1; f <= floors; f++) for (let r = 1; r <= per; r++) out.push({ id: `h-${b}-${f}0${r}`, buildingId: `b-${b}` })
  }
  return out
}

export function historyPurchases(now: number): PurchaseDoc[] {
  const out: PurchaseDoc[] = []
  demoHouseholds().forEach((h, i) => {
    const habit = HABITS[i % HABITS.length]!
    if (habit === 'never') return
    const r = rand(1000 + i)
    const every = habit === 'steady' ? 7 : habit === 'services' ? 14 : habit === 'stopped' ? 9 : 30
    const lastDay = habit === 'stopped' ? 62 : 1
    let n = 0
    for (let ago = HISTORY_DAYS - Math.floor(r() * every); ago >= lastDay; ago -= every - 2 + Math.floor(r() * 4)) {
      const paidAt = now - ago * DAY_MS - Math.floor(r() * 10) * 3_600_000
      const service = habit === 'services' ? r() < 0.8 : r() < 0.15
      const repair = !service && r() < 0.08
      const kind = repair ? 'repair' : service ? 'service' : 'presale'
      const line = repair ? 'plumbing' : service ? 'housekeeping' : 'presale'
      const netFen = repair ? 8000 + Math.floor(r() * 6) * 1000 : service ? 12000 + Math.floor(r() * 5) * 2000 : 2990 + Math.floor(r() * 16) * 1000
      out.push({
        _id: `hist:${h.id}:${n++}`,
        communityId: COMMUNITY_A,
        householdId: h.id,
        line,
        kind,
        paidAt,
        day: dayOf(paidAt),
        netFen,
        counted: true,
        used: true,
        discounted: habit === 'steady' ? r() < 0.7 : r() < 0.2,
        // The previous system kept no attribution: invitations count from the app's own records.
        invited: false,
        atDoor: kind !== 'presale' || r() < 0.6,
        updatedAt: now
      })
    }
  })
  return out
}

/** Inserts the history and marks its households and days for the next nightly pass. Idempotent. */
export async function seedInsights(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const purchases = historyPurchases(now)
  const marks = new Map<string, DirtyDoc>()
  for (const p of purchases) {
    const r = await store.insert('purchases', p)
    if (r.ok) inserted++
    else skipped++
    marks.set(`h:${p.householdId}`, { _id: `h:${p.householdId}`, communityId: p.communityId, kind: 'household', ref: p.householdId, at: now })
    marks.set(`d:${p.communityId}:${p.day}`, { _id: `d:${p.communityId}:${p.day}`, communityId: p.communityId, kind: 'day', ref: p.day, at: now })
  }
  for (const m of marks.values()) {
    if ((await store.insert('insightsDirty', m)).ok) inserted++
    else skipped++
  }
  return { inserted, skipped }
}
