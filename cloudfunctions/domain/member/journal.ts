import { createHash } from 'node:crypto'
import { collectionOf } from '../../kernel/collection-of'
import type { Ports } from '../../kernel/ports'
import type { Doc, Filter, UpdateSpec } from '../../kernel/store'
import type { CollectionOf } from '../../kernel/collections'

/**
 * Journaled single-document changes: how balances, stock, card uses and budgets stay exact
 * without multi-document transactions (CloudBase has none that cover conditional updates).
 *
 * An entry (points earned, a card use, a budget spend…) is written to its log under a unique
 * `_id` (its source: a payment line, a booking, an idempotency key), then applied to its target
 * document with ONE conditional update that also writes a marker `j.<key>` on the target, where
 * `key` hashes the entry id and a per-attempt nonce. The marker is the arbiter:
 *
 * - the update applies only while the marker is absent (and the guard holds, e.g. `balance ≥ n`),
 *   so an entry is applied at most once however many times it is delivered or retried;
 * - a crash after the insert leaves a `pending` entry; any retry of the same source, or the sweep
 *   job, reads the marker and finishes the entry (applied) or applies it now;
 * - a guard that fails writes a void marker first, so a slow duplicate of the same attempt can
 *   never apply it afterwards, then marks the entry `void`. A later attempt of the same source
 *   gets a new nonce, hence a new marker.
 *
 * So the target's counters always equal the sum of its applied entries. Markers are removed by
 * the sweep an hour after their entry settled (function calls last seconds), keeping targets small.
 */
export interface Marker {
  /** `a`: applied; `v`: voided (the guard refused this attempt). */
  s: 'a' | 'v'
  at: number
}

export type JournalState = 'pending' | 'applied' | 'void' | 'closed'

export interface JournalEntry extends Doc {
  /** The `_id` of the document the entry changes. */
  target: string
  state: JournalState
  nonce: string
  /** Nonces of earlier refused attempts of this source, whose void markers the sweep removes. */
  stale?: string[]
  createdAt: number
  appliedAt?: number
}

export interface Journal<E extends JournalEntry, T extends Doc = Doc> {
  log: CollectionOf<E>
  target: CollectionOf<T>
  /** The change an entry makes and the guard it needs. Reads only the entry (it may be recovered later). */
  change(entry: E): { spec: UpdateSpec; guard?: Filter }
  /**
   * A cheap look at the target before writing anything: `false` refuses at once (sold out, no
   * balance), so a rush of hopeless attempts leaves no entries or markers behind. The guard
   * still decides; this only saves work.
   */
  feasible?(target: T, entry: Draft<E>): boolean
  /**
   * Whether `feasible` can refuse this entry at all; without it, every entry is looked at. An entry
   * no look can refuse (points earned) is written straight away: one round trip fewer.
   */
  refusable?(entry: Draft<E>): boolean
}

export type Draft<E extends JournalEntry> = Omit<E, 'state' | 'nonce' | 'createdAt' | 'appliedAt' | 'stale'>

export type Recorded<E> =
  /** `fresh`: this call applied it; otherwise an earlier delivery did. */
  | { ok: true; entry: E; fresh: boolean }
  | { ok: false; reason: 'rejected' | 'missing_target' }

/** Entries older than this are settled by the sweep, and their markers removed. */
export const RECOVER_AFTER_MS = 2 * 60_000
export const CLOSE_AFTER_MS = 60 * 60_000

export function markerKey(entry: Pick<JournalEntry, '_id' | 'nonce'>): string {
  return `k${createHash('sha256').update(`${entry._id}|${entry.nonce}`).digest('hex').slice(0, 24)}`
}

const logOf = <E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>) => collectionOf<E>(ports.store, j.log)
const targetOf = <E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>) => collectionOf<T>(ports.store, j.target)

function markerField(entry: JournalEntry): string {
  return `j.${markerKey(entry)}`
}

async function markerOf<E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>, entry: E): Promise<Marker | null | 'missing'> {
  // The journal's own field on every target it changes.
  const target = (await targetOf(ports, j).get(entry.target)) as (T & { j?: Record<string, Marker> }) | null
  if (!target) return 'missing'
  return target.j?.[markerKey(entry)] ?? null
}

async function markApplied<E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>, entry: E): Promise<E> {
  const appliedAt = ports.clock.now()
  await ports.store.update(j.log, entry._id, { set: { state: 'applied', appliedAt } }, { state: 'pending', nonce: entry.nonce })
  return { ...entry, state: 'applied', appliedAt }
}

/**
 * Writes the entry and applies it once. A duplicate source returns the entry already recorded
 * (finishing it first if an earlier attempt was interrupted); callers compare its fields when a
 * source could be misused.
 */
export async function record<E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>, draft: Draft<E>): Promise<Recorded<E>> {
  if (j.feasible && (j.refusable?.(draft) ?? true)) {
    const target = await targetOf(ports, j).get(draft.target)
    if (!target || !j.feasible(target, draft)) {
      const existing = await logOf(ports, j).get(draft._id)
      if (existing && (existing.state === 'applied' || existing.state === 'closed')) return { ok: true, entry: existing, fresh: false }
      if (existing?.state === 'pending') return settle(ports, j, existing, false)
      return { ok: false, reason: target ? 'rejected' : 'missing_target' }
    }
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    const entry = { ...draft, state: 'pending', nonce: ports.random.id(9), createdAt: ports.clock.now() } as E
    const inserted = await logOf(ports, j).insert(entry)
    if (inserted.ok) return settle(ports, j, entry, true)
    const existing = await logOf(ports, j).get(draft._id)
    if (!existing) continue
    if (existing.state === 'applied' || existing.state === 'closed') return { ok: true, entry: existing, fresh: false }
    if (existing.state === 'pending') return settle(ports, j, existing, false)
    // An earlier attempt was refused: try again under a new nonce, keeping the old one for the sweep.
    const revived = { ...entry, stale: [...(existing.stale ?? []), existing.nonce] } as E
    const { _id: _same, ...fields } = revived
    if (await ports.store.update(j.log, existing._id, { set: fields }, { state: 'void', nonce: existing.nonce })) return settle(ports, j, revived, true)
  }
  throw new Error(`journal ${j.log}: could not record ${draft._id}`)
}

/** Applies a pending entry, or learns that an earlier attempt did, or voids it. */
export async function settle<E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>, entry: E, fresh = false): Promise<Recorded<E>> {
  const field = markerField(entry)
  const { spec, guard } = j.change(entry)
  const now = ports.clock.now()
  const unmarked: Filter = { [field]: null }
  const applied = await ports.store.update(
    j.target,
    entry.target,
    { ...spec, set: { ...spec.set, [field]: { s: 'a', at: now } satisfies Marker } },
    guard ? { and: [unmarked, guard] } : unmarked
  )
  if (applied) return { ok: true, entry: await markApplied(ports, j, entry), fresh }

  let marker = await markerOf(ports, j, entry)
  if (marker === null) {
    // The guard refused: void this attempt before giving up on it, so nothing applies it later.
    await ports.store.update(j.target, entry.target, { set: { [field]: { s: 'v', at: now } satisfies Marker } }, unmarked)
    marker = await markerOf(ports, j, entry)
  }
  if (marker !== 'missing' && marker?.s === 'a') return { ok: true, entry: await markApplied(ports, j, entry), fresh: false }
  await ports.store.update(j.log, entry._id, { set: { state: 'void', appliedAt: now } }, { state: 'pending', nonce: entry.nonce })
  return { ok: false, reason: marker === 'missing' ? 'missing_target' : 'rejected' }
}

/**
 * The sweep: settles entries left pending by an interrupted call, then removes the markers of
 * entries that settled more than an hour ago (applied ones are kept as `closed`, void ones go).
 */
export async function sweepJournal<E extends JournalEntry, T extends Doc>(ports: Ports, j: Journal<E, T>): Promise<{ recovered: number; closed: number }> {
  const now = ports.clock.now()
  let recovered = 0
  let closed = 0
  const pending = await logOf(ports, j).find({
    where: { state: 'pending', createdAt: { lt: now - RECOVER_AFTER_MS } },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 500
  })
  for (const e of pending) {
    await settle(ports, j, e)
    recovered++
  }
  const settled = await logOf(ports, j).find({
    where: { state: { in: ['applied', 'void'] }, createdAt: { lt: now - CLOSE_AFTER_MS } },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 1000
  })
  for (const e of settled) {
    if (e.appliedAt !== undefined && e.appliedAt > now - CLOSE_AFTER_MS) continue
    const fields = [e.nonce, ...(e.stale ?? [])].map((nonce) => markerField({ ...e, nonce }))
    await ports.store.update(j.target, e.target, { unset: fields })
    if (e.state === 'applied') await ports.store.update(j.log, e._id, { set: { state: 'closed' } }, { state: 'applied', nonce: e.nonce })
    else await ports.store.remove(j.log, e._id, { state: 'void', nonce: e.nonce })
    closed++
  }
  return { recovered, closed }
}

/** Entries that count: applied, whether or not their marker was cleaned up yet. */
export const COUNTED: Filter = { state: { in: ['applied', 'closed'] } }
