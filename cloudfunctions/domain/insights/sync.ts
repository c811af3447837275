import type { CollectionName } from '../../kernel/collections'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { Doc, Filter } from '../../kernel/store'
import type { BookingDoc, RatingDoc } from '../booking/docs'
import type { FeedbackDoc, SignupDoc } from '../event/docs'
import type { OrderDoc } from '../order/docs'
import type { DirtyDoc, InsightsCursorDoc, PurchaseDoc } from './docs'
import { applyLedgerPage } from './parking-income'
import { projectBooking, projectOrder, samePurchase } from './project'
import { put } from '../../kernel/put'
import { dayOf } from './time'

/**
 * Writes by other functions can commit with an `updatedAt` slightly older than one already seen
 * (clocks of function instances differ, a slow request commits late), so each pass starts this
 * far before the last change it saw. Re-reading is harmless: projections are idempotent.
 */
export const OVERLAP_MS = 10 * 60_000
/** Small enough that one page finishes well inside the time left after a budget check. */
const SYNC_PAGE = 300

export type SourceName = 'orders' | 'bookings' | 'signups' | 'ratings' | 'feedback' | 'parcels' | 'ledger'
interface Source {
  name: SourceName
  collection: CollectionName
  field: 'updatedAt' | 'at' | 'createdAt' | 'registeredAt' | 'bookedAt'
}
export const SOURCES: readonly Source[] = [
  { name: 'orders', collection: 'orders', field: 'updatedAt' },
  { name: 'bookings', collection: 'bookings', field: 'updatedAt' },
  { name: 'signups', collection: 'eventSignups', field: 'updatedAt' },
  { name: 'ratings', collection: 'ratings', field: 'at' },
  { name: 'feedback', collection: 'eventFeedback', field: 'createdAt' },
  // A household that only receives parcels still gets figures, so parcel segments can reach it.
  { name: 'parcels', collection: 'parcels', field: 'registeredAt' },
  // Parking revenue follows the money booked: each payment in and refund out names its payment.
  // Paged by when the entry was written, not when the money moved, so a payment settled hours
  // late (by the sweep, or an anomaly resolved) is still read after the pass has moved on.
  { name: 'ledger', collection: 'ledger', field: 'bookedAt' }
]

/** Remembers what must be recomputed, once per key, in the store (so a cut-short pass resumes). */
export class DirtyMarks {
  private readonly seen = new Set<string>()
  marked = 0
  constructor(
    private readonly ports: Ports,
    private readonly communityId: string
  ) {}

  async household(householdId: string): Promise<void> {
    await this.mark('household', householdId, `h:${householdId}`)
  }

  async day(day: string): Promise<void> {
    await this.mark('day', day, `d:${this.communityId}:${day}`)
  }

  private async mark(kind: DirtyDoc['kind'], ref: string, id: string): Promise<void> {
    if (this.seen.has(id)) return
    this.seen.add(id)
    const r = await this.ports.store.insert<DirtyDoc>('insightsDirty', { _id: id, communityId: this.communityId, kind, ref, at: this.ports.clock.now() })
    if (r.ok) this.marked++
  }
}

type Stamped = Doc & Record<string, unknown>

/**
 * Projects what changed in one source since the cursor and marks the households and days it
 * touches. Pages by (field, _id) keyset so equal timestamps never skip a record; the cursor moves
 * after each page, so a pass cut short by its time budget resumes where it stopped.
 */
export async function syncSource(ports: Ports, cursor: InsightsCursorDoc, source: Source, marks: DirtyMarks, hasTime: () => boolean): Promise<{ read: number; projected: number; complete: boolean }> {
  const communityId = cursor._id
  const from = cursor.since[source.name] ?? 0
  let after: { t: number; id: string } | null = null
  let maxSeen = from
  let read = 0
  let projected = 0
  for (;;) {
    if (!hasTime()) return { read, projected, complete: false }
    // The range on the indexed field stays a plain `gte`, so the store walks the index from the
    // cursor; the tie-break on `_id` only filters within it (an `or` at the top would scan).
    const range: Filter = after === null
      ? { [source.field]: { gte: from } }
      : { and: [{ [source.field]: { gte: after.t } }, { or: [{ [source.field]: { gt: after.t } }, { _id: { gt: after.id } }] }] }
    const page: Stamped[] = await ports.store.find<Stamped>(source.collection, {
      where: { and: [{ communityId }, range] },
      orderBy: [{ field: source.field, dir: 'asc' }, { field: '_id', dir: 'asc' }],
      limit: SYNC_PAGE
    })
    if (page.length === 0) break
    read += page.length
    projected += await applyPage(ports, source.name, page, marks)
    const last: Stamped = page[page.length - 1]!
    const t: number = Number(last[source.field] ?? 0)
    after = { t, id: last._id }
    maxSeen = Math.max(maxSeen, t)
    const since = Math.max(from, maxSeen - OVERLAP_MS)
    await ports.store.update('insightsCursors', communityId, { set: { [`since.${source.name}`]: since, updatedAt: ports.clock.now() } })
    cursor.since[source.name] = since
    if (page.length < SYNC_PAGE) break
  }
  return { read, projected, complete: true }
}

async function applyPage(ports: Ports, source: SourceName, page: readonly Stamped[], marks: DirtyMarks): Promise<number> {
  const now = ports.clock.now()
  if (source === 'signups') {
    for (const s of page as unknown as SignupDoc[]) await marks.household(s.householdId)
    return 0
  }
  if (source === 'ratings') {
    for (const r of page as unknown as RatingDoc[]) {
      await marks.household(r.householdId)
      await marks.day(dayOf(r.at))
    }
    return 0
  }
  if (source === 'parcels') {
    // Only the household is read, so the page's rows are narrowed by that field, not cast.
    for (const p of page) if (typeof p.householdId === 'string') await marks.household(p.householdId)
    return 0
  }
  if (source === 'feedback') {
    for (const f of page as unknown as FeedbackDoc[]) await marks.day(dayOf(f.createdAt))
    return 0
  }
  if (source === 'ledger') {
    // Only the payment is read, so the entries are narrowed by that field, not cast.
    return applyLedgerPage(ports, page.flatMap((e) => (typeof e.paymentId === 'string' ? [e.paymentId] : [])), marks)
  }
  const fresh = source === 'orders'
    ? (page as unknown as OrderDoc[]).map((o) => ({ id: `order:${o._id}`, householdId: o.householdId, p: projectOrder(o, now) }))
    : (page as unknown as BookingDoc[]).map((b) => ({ id: `booking:${b._id}`, householdId: b.householdId, p: projectBooking(b, now) }))
  const stored = await getMany<PurchaseDoc>(ports.store, 'purchases', fresh.map((f) => f.id))
  let written = 0
  for (const f of fresh) {
    const old = stored.get(f.id)
    if (f.p === null && !old) continue
    if (f.p !== null && old && samePurchase(old, f.p)) continue
    // Marks first: if the run dies after the write, the rerun sees an unchanged purchase and
    // would never mark what it touched. A mark too many only costs a recompute.
    await marks.household(f.householdId)
    if (old) await marks.day(old.day)
    if (f.p) await marks.day(f.p.day)
    if (f.p === null) await ports.store.remove('purchases', f.id)
    else if (old || !(await ports.store.insert('purchases', f.p)).ok) await put(ports.store, 'purchases', f.p)
    written++
  }
  return written
}
