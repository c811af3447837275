import type { CollectionName, DocOf } from '../../kernel/collections'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { Filter, FindOptions } from '../../kernel/store'
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
type StampField = 'updatedAt' | 'at' | 'createdAt' | 'registeredAt' | 'bookedAt'

/** A source read with its own collection's type: one page, projected; its rows' stamps for the cursor. */
export interface Source {
  name: SourceName
  field: StampField
  step(ports: Ports, options: FindOptions, marks: DirtyMarks): Promise<{ stamps: { id: string; t: number }[]; projected: number }>
}

function source<K extends CollectionName>(
  name: SourceName,
  collection: K,
  field: StampField & keyof DocOf<K>,
  apply: (ports: Ports, page: DocOf<K>[], marks: DirtyMarks) => Promise<number>
): Source {
  return {
    name,
    field,
    async step(ports, options, marks) {
      const page = await ports.store.find(collection, options)
      return { stamps: page.map((d) => ({ id: d._id, t: Number(d[field] ?? 0) })), projected: page.length ? await apply(ports, page, marks) : 0 }
    }
  }
}

async function markHouseholds(page: readonly { householdId: string }[], marks: DirtyMarks): Promise<number> {
  for (const row of page) await marks.household(row.householdId)
  return 0
}

export const SOURCES: readonly Source[] = [
  source('orders', 'orders', 'updatedAt', (ports, page, marks) => {
    const now = ports.clock.now()
    return applyPurchases(ports, page.map((o) => ({ id: `order:${o._id}`, householdId: o.householdId, p: projectOrder(o, now) })), marks)
  }),
  source('bookings', 'bookings', 'updatedAt', (ports, page, marks) => {
    const now = ports.clock.now()
    return applyPurchases(ports, page.map((b) => ({ id: `booking:${b._id}`, householdId: b.householdId, p: projectBooking(b, now) })), marks)
  }),
  source('signups', 'eventSignups', 'updatedAt', async (_ports, page, marks) => markHouseholds(page, marks)),
  source('ratings', 'ratings', 'at', async (_ports, page, marks) => {
    for (const r of page) {
      await marks.household(r.householdId)
      await marks.day(dayOf(r.at))
    }
    return 0
  }),
  source('feedback', 'eventFeedback', 'createdAt', async (_ports, page, marks) => {
    for (const f of page) await marks.day(dayOf(f.createdAt))
    return 0
  }),
  // A household that only receives parcels still gets figures, so parcel segments can reach it.
  source('parcels', 'parcels', 'registeredAt', async (_ports, page, marks) => markHouseholds(page, marks)),
  // Parking revenue follows the money booked: each payment in and refund out names its payment.
  // Paged by when the entry was written, not when the money moved, so a payment settled hours
  // late (by the sweep, or an anomaly resolved) is still read after the pass has moved on.
  source('ledger', 'ledger', 'bookedAt', (ports, page, marks) => applyLedgerPage(ports, page.map((e) => e.paymentId), marks))
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
    const r = await this.ports.store.insert('insightsDirty', { _id: id, communityId: this.communityId, kind, ref, at: this.ports.clock.now() })
    if (r.ok) this.marked++
  }
}

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
    const { stamps, projected: wrote } = await source.step(
      ports,
      {
        where: { and: [{ communityId }, range] },
        orderBy: [{ field: source.field, dir: 'asc' }, { field: '_id', dir: 'asc' }],
        limit: SYNC_PAGE
      },
      marks
    )
    const last = stamps[stamps.length - 1]
    if (!last) break
    read += stamps.length
    projected += wrote
    after = { t: last.t, id: last.id }
    maxSeen = Math.max(maxSeen, last.t)
    const since = Math.max(from, maxSeen - OVERLAP_MS)
    await ports.store.update('insightsCursors', communityId, { set: { [`since.${source.name}`]: since, updatedAt: ports.clock.now() } })
    cursor.since[source.name] = since
    if (stamps.length < SYNC_PAGE) break
  }
  return { read, projected, complete: true }
}

/** Orders and bookings as purchases: each projection compared with the stored one, written when it changed. */
async function applyPurchases(ports: Ports, fresh: readonly { id: string; householdId: string; p: PurchaseDoc | null }[], marks: DirtyMarks): Promise<number> {
  const stored = await getMany(ports.store, 'purchases', fresh.map((f) => f.id))
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
