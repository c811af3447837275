/**
 * A store that forwards to another and counts what the application reads through it: calls of
 * get/find/count, rows returned, the largest page, per collection. Used to pin down read
 * patterns (no read per item in a list, pages no larger than asked).
 */
import type { CollectionName, DocOf } from '../../cloudfunctions/kernel/collections'
import type { Ports } from '../../cloudfunctions/kernel/ports'
import type { Doc, Filter, FindOptions, InsertResult, Store, UpdateSpec } from '../../cloudfunctions/kernel/store'
import type { Harness } from './harness'

export interface ReadTally {
  calls: number
  rows: number
  /** Most rows one read returned. */
  largest: number
}

export class CountingStore implements Store {
  readonly byCollection = new Map<CollectionName, ReadTally>()
  private readonly seen = new Map<CollectionName, Set<string>>()

  constructor(readonly inner: Store) {}

  private tally(collection: CollectionName, docs: readonly Doc[]): void {
    const t = this.byCollection.get(collection) ?? { calls: 0, rows: 0, largest: 0 }
    t.calls++
    t.rows += docs.length
    t.largest = Math.max(t.largest, docs.length)
    this.byCollection.set(collection, t)
    const ids = this.seen.get(collection) ?? new Set<string>()
    for (const d of docs) ids.add(d._id)
    this.seen.set(collection, ids)
  }

  /** The ids of every document of the collection that some read returned. */
  idsRead(collection: CollectionName): string[] {
    return [...(this.seen.get(collection) ?? [])].sort()
  }

  /** Totals over every collection. */
  get total(): ReadTally {
    const all = [...this.byCollection.values()]
    return { calls: all.reduce((n, t) => n + t.calls, 0), rows: all.reduce((n, t) => n + t.rows, 0), largest: Math.max(0, ...all.map((t) => t.largest)) }
  }

  of(collection: CollectionName): ReadTally {
    return this.byCollection.get(collection) ?? { calls: 0, rows: 0, largest: 0 }
  }

  reset(): void {
    this.byCollection.clear()
    this.seen.clear()
  }

  async get<K extends CollectionName>(collection: K, id: string): Promise<DocOf<K> | null> {
    const doc = await this.inner.get(collection, id)
    this.tally(collection, doc ? [doc] : [])
    return doc
  }

  async find<K extends CollectionName>(collection: K, options?: FindOptions): Promise<DocOf<K>[]> {
    const docs = await this.inner.find(collection, options)
    this.tally(collection, docs)
    return docs
  }

  async count(collection: CollectionName, where?: Filter): Promise<number> {
    const n = await this.inner.count(collection, where)
    this.tally(collection, [])
    return n
  }

  insert<K extends CollectionName>(collection: K, doc: DocOf<K>): Promise<InsertResult> {
    return this.inner.insert(collection, doc)
  }

  update(collection: CollectionName, id: string, spec: UpdateSpec, when?: Filter): Promise<boolean> {
    return this.inner.update(collection, id, spec, when)
  }

  remove(collection: CollectionName, id: string, when?: Filter): Promise<boolean> {
    return this.inner.remove(collection, id, when)
  }
}

/**
 * Routes the application's reads (the harness's functions and jobs share `h.ports`) through a
 * CountingStore until `restore()`. Reads the test makes on `h.store` directly are not counted.
 */
export function countReads(h: Harness): CountingStore & { restore(): void } {
  const ports: Ports = h.ports
  const original = ports.store
  const counting = new CountingStore(original)
  ports.store = counting
  return Object.assign(counting, {
    restore: () => {
      ports.store = original
    }
  })
}
