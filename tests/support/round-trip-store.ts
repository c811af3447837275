import { setTimeout as sleep } from 'node:timers/promises'
import type { CollectionName, DocOf } from '../../cloudfunctions/kernel/collections'
import type { Filter, FindOptions, InsertResult, Store, UpdateSpec } from '../../cloudfunctions/kernel/store'

/** What one request cost in store round trips. */
export interface RoundTrips {
  calls: number
  reads: number
  writes: number
  /** Updates and removes made under a condition (`when`): CloudBase's only atomic write. */
  conditionalWrites: number
  /**
   * The longest chain of calls each of which began after the one before it answered: the number
   * of round trips the request waits for one after another, whatever it ran in parallel.
   */
  sequentialDepth: number
}

/**
 * A store that behaves like a store across a network: every call waits `delayMs` before it is
 * answered, and is counted. On CloudBase each store call is a round trip from the function to the
 * database, so a request's latency is about its sequential depth times one round trip.
 *
 * Depth is measured, not declared: a call's depth is one more than the deepest call that had
 * answered when it began. Two reads started together (Promise.all) are one level; a read that
 * needs the answer of another is the next.
 */
export class RoundTripStore implements Store {
  private tally: RoundTrips = RoundTripStore.empty()
  /** Deepest level among the calls answered so far. */
  private answeredDepth = 0

  /** `trace`, when given, hears each call with its level: where a request's depth comes from. */
  constructor(
    readonly inner: Store,
    readonly delayMs: number,
    private readonly trace?: (line: string) => void
  ) {}

  static empty(): RoundTrips {
    return { calls: 0, reads: 0, writes: 0, conditionalWrites: 0, sequentialDepth: 0 }
  }

  /** Starts counting afresh (before the request to measure). */
  reset(): void {
    this.tally = RoundTripStore.empty()
    this.answeredDepth = 0
  }

  /** The counts since the last reset. */
  read(): RoundTrips {
    return { ...this.tally }
  }

  private async trip<T>(kind: 'read' | 'write' | 'conditional', what: () => string, run: () => Promise<T>): Promise<T> {
    const depth = this.answeredDepth + 1
    this.trace?.(`${'  '.repeat(depth)}${depth} ${what()}`)
    this.tally.calls++
    if (kind === 'read') this.tally.reads++
    else this.tally.writes++
    if (kind === 'conditional') this.tally.conditionalWrites++
    await sleep(this.delayMs)
    const answer = await run()
    this.answeredDepth = Math.max(this.answeredDepth, depth)
    this.tally.sequentialDepth = Math.max(this.tally.sequentialDepth, depth)
    return answer
  }

  get<K extends CollectionName>(collection: K, id: string): Promise<DocOf<K> | null> {
    return this.trip('read', () => `get ${collection} ${id}`, () => this.inner.get(collection, id))
  }

  find<K extends CollectionName>(collection: K, options?: FindOptions): Promise<DocOf<K>[]> {
    return this.trip('read', () => `find ${collection} ${JSON.stringify(options?.where ?? {})}`, () => this.inner.find(collection, options))
  }

  count(collection: CollectionName, where?: Filter): Promise<number> {
    return this.trip('read', () => `count ${collection} ${JSON.stringify(where ?? {})}`, () => this.inner.count(collection, where))
  }

  insert<K extends CollectionName>(collection: K, doc: DocOf<K>): Promise<InsertResult> {
    return this.trip('write', () => `insert ${collection} ${doc._id}`, () => this.inner.insert(collection, doc))
  }

  update(collection: CollectionName, id: string, spec: UpdateSpec, when?: Filter): Promise<boolean> {
    return this.trip(when ? 'conditional' : 'write', () => `update ${collection} ${id}${when ? ` when ${JSON.stringify(when)}` : ''}`, () => this.inner.update(collection, id, spec, when))
  }

  remove(collection: CollectionName, id: string, when?: Filter): Promise<boolean> {
    return this.trip(when ? 'conditional' : 'write', () => `remove ${collection} ${id}`, () => this.inner.remove(collection, id, when))
  }
}
