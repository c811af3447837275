import { recentMonths, shanghaiMonth } from '../../contracts/shanghai'
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

/**
 * The "recent parcels" window: this Shanghai month and the two before it. The counters are per
 * month, so a rolling day window (like the other segment metrics' 180 days) cannot be read from
 * them; the household file and the insights segments share this one, so a rule's number is the
 * one the operator sees on the file.
 */
export const RECENT_PARCEL_MONTHS = 3

/**
 * Parcels of many households in the recent window, from their month counters: one batched read of
 * `households × months` ids (chunked and sent together by getMany), never one read per household.
 * Households without parcels are absent.
 */
export async function recentParcelsOf(ports: Ports, householdIds: readonly string[]): Promise<Map<string, number>> {
  const months = recentMonths(ports.clock.now(), RECENT_PARCEL_MONTHS)
  const docs = await getMany(ports.store, 'parcelMonths', householdIds.flatMap((h) => months.map((m) => `${h}:${m}`)))
  const out = new Map<string, number>()
  for (const d of docs.values()) out.set(d.householdId, (out.get(d.householdId) ?? 0) + d.count)
  return out
}

/** A household's parcels this month, in the last three months and on the shelf now: four reads at once. */
export async function parcelCounts(ports: Ports, householdId: string): Promise<ParcelCountsT> {
  const months = recentMonths(ports.clock.now(), RECENT_PARCEL_MONTHS)
  const [docs, waiting] = await Promise.all([
    getMany(ports.store, 'parcelMonths', months.map((m) => `${householdId}:${m}`)),
    ports.store.count('parcels', { householdId, status: 'waiting' })
  ])
  const of = (m: string) => docs.get(`${householdId}:${m}`)?.count ?? 0
  return { thisMonth: of(months[0]!), lastThreeMonths: months.reduce((n, m) => n + of(m), 0), waiting }
}
