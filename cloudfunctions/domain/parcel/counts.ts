import { shanghaiMonth } from '../../contracts/shanghai'
import type { ParcelCountsT } from '../../contracts/parcel'
import { take, type Counter } from '../../kernel/counter'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { ParcelMonthDoc } from './docs'

/** No household receives this many parcels in a month: the bound only keeps the counter a counter. */
const MONTH_CAP = 1_000_000

const monthCounter = (householdId: string, month: string): Counter => ({
  collection: 'parcelMonths',
  id: `${householdId}:${month}`,
  field: 'count',
  direction: 'up',
  bound: MONTH_CAP
})

/**
 * Counts a parcel in its household's month: one conditional update in the steady state, and the
 * parcel's journal entry means a retry never counts it twice. Profiles and insights read these
 * few documents instead of scanning parcels.
 */
export function countParcel(ports: Ports, communityId: string, householdId: string, parcelId: string, at: number): Promise<boolean> {
  const month = shanghaiMonth(at)
  return take(ports.store, monthCounter(householdId, month), {
    holder: `p${parcelId}`,
    amount: 1,
    create: { doc: (): ParcelMonthDoc => ({ _id: `${householdId}:${month}`, communityId, householdId, month, count: 0, holds: {} }) }
  })
}

/** `2026-12` and the `n - 1` months before it, newest first. */
export function recentMonths(now: number, n: number): string[] {
  const [y, m] = shanghaiMonth(now).split('-').map(Number) as [number, number]
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1))
    return d.toISOString().slice(0, 7)
  })
}

/** A household's parcels this month, in the last three months and on the shelf now: four reads at once. */
export async function parcelCounts(ports: Ports, householdId: string): Promise<ParcelCountsT> {
  const months = recentMonths(ports.clock.now(), 3)
  const [docs, waiting] = await Promise.all([
    getMany<ParcelMonthDoc>(ports.store, 'parcelMonths', months.map((m) => `${householdId}:${m}`)),
    ports.store.count('parcels', { householdId, status: 'waiting' })
  ])
  const of = (m: string) => docs.get(`${householdId}:${m}`)?.count ?? 0
  return { thisMonth: of(months[0]!), lastThreeMonths: months.reduce((n, m) => n + of(m), 0), waiting }
}
