import type { CollectionName } from './collections'
import type { Doc, Filter, Store } from './store'

/**
 * A bounded counter with its journal, without transactions. One document holds a count and, in
 * its journal map, what each holder holds of it (`holds.<holder>`). Every take and every give-back
 * changes the count and the journal entry in one single-document conditional update, so:
 * - a take applies only while the bound allows it and the holder holds nothing yet: never past
 *   the bound, and a retried take cannot take twice;
 * - a give-back applies only while the holder's entry is there: what was taken comes back once,
 *   whoever repeats it (a cancel, a sweeper, a retry after a crash);
 * - the journal says who holds what, so a repair can compare it with the records it stands for.
 *
 * Stock, seats, slot places, a household's limit in a campaign and its open visitor passes are
 * all such counters; each names its field, its direction and its bound here.
 */
export interface Counter {
  collection: CollectionName
  id: string
  /** The counted field (`available`, `bought`, `active`…). */
  field: string
  /**
   * `down`: a take lowers the field, which may not go below `bound` (stock left, down to 0);
   * `up`: a take raises it, which may not go above `bound` (places taken, up to a cap).
   */
  direction: 'down' | 'up'
  bound: number
  /** The journal map's field; `holds` unless the document names it otherwise. */
  journal?: string
}

/** What a holder keeps in the journal: the amount it holds, or what a repair needs (when it took). */
export interface Take {
  holder: string
  amount: number
  /** The journal entry's value; the amount by default. Must be ≥ 1: a give-back checks for it. */
  entry?: number
  /** Set in the same update (a timestamp, a status). */
  set?: Record<string, unknown>
  /**
   * The counter's document as it starts, for a counter made on first use. `first: true` tries it
   * before the update (where the first take is the common one, as a household's first order in a
   * campaign); otherwise it is made only when the update finds no document.
   */
  create?: { doc: () => Doc | Promise<Doc>; first?: boolean }
}

const journalOf = (c: Counter) => c.journal ?? 'holds'
const entryPath = (c: Counter, holder: string) => `${journalOf(c)}.${holder}`

function takeWhen(c: Counter, t: Take): Filter {
  const room = c.direction === 'down' ? { gte: c.bound + t.amount } : { lte: c.bound - t.amount }
  return { [c.field]: room, [entryPath(c, t.holder)]: null }
}

function takeUpdate(c: Counter, t: Take) {
  return { inc: { [c.field]: c.direction === 'down' ? -t.amount : t.amount }, set: { [entryPath(c, t.holder)]: t.entry ?? t.amount, ...(t.set ?? {}) } }
}

/**
 * Makes the counter on first use, with this take in it when it fits. When it does not fit, the
 * counter is made as it starts all the same, so the refusal is the counter's to give from now on
 * (and a repair can free its places). True when the take is in the document written.
 */
async function makeWith(store: Store, c: Counter, t: Take, make: () => Doc | Promise<Doc>): Promise<boolean> {
  const doc = (await make()) as Doc & Record<string, unknown>
  const start = Number(doc[c.field] ?? 0)
  const after = c.direction === 'down' ? start - t.amount : start + t.amount
  if (c.direction === 'down' ? after < c.bound : after > c.bound) {
    await store.insert(c.collection, doc)
    return false
  }
  const journal = { ...((doc[journalOf(c)] as Record<string, number> | undefined) ?? {}), [t.holder]: t.entry ?? t.amount }
  return (await store.insert(c.collection, { ...doc, ...(t.set ?? {}), [c.field]: after, [journalOf(c)]: journal })).ok
}

/**
 * Takes `amount` for `holder`. True when the holder holds it now: taken here, or by an earlier
 * attempt of the same holder (a retry). One round trip in the steady state; a counter made on
 * first use costs one more.
 */
export async function take(store: Store, c: Counter, t: Take): Promise<boolean> {
  const attempt = () => store.update(c.collection, c.id, takeUpdate(c, t), takeWhen(c, t))
  const create = t.create
  if (create?.first) {
    if (await makeWith(store, c, t, create.doc)) return true
    if (await attempt()) return true
    return holds(await store.get(c.collection, c.id), c, t.holder)
  }
  if (await attempt()) return true
  const doc = await store.get(c.collection, c.id)
  if (doc || !create) return holds(doc, c, t.holder)
  // No counter yet: made with this take in it. A racing twin's insert is a duplicate; then the
  // counter is there, and the update decides.
  if (await makeWith(store, c, t, create.doc)) return true
  if (await attempt()) return true
  return holds(await store.get(c.collection, c.id), c, t.holder)
}

/** Gives back what `holder` holds (`amount` of it), at most once however often it is called. */
export function give(store: Store, c: Counter, holder: string, amount: number, set?: Record<string, unknown>): Promise<boolean> {
  const path = entryPath(c, holder)
  return store.update(c.collection, c.id, { inc: { [c.field]: c.direction === 'down' ? amount : -amount }, unset: [path], ...(set ? { set } : {}) }, { [path]: { gte: 1 } })
}

/** Whether the counter's journal has an entry for `holder`. */
export function holds(doc: Doc | null, c: Counter, holder: string): boolean {
  const journal = (doc as (Doc & Record<string, unknown>) | null)?.[journalOf(c)] as Record<string, unknown> | undefined
  return journal?.[holder] !== undefined && journal[holder] !== null
}
