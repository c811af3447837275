import type { CollectionName } from '../../cloudfunctions/kernel/collections'
import type { Doc, FindOptions, InsertResult, Store } from '../../cloudfunctions/kernel/store'

export type Row = Doc & Record<string, unknown>

/**
 * The store as its adapters see it: documents of any shape. The store and counter suites write
 * rows no domain type describes (a bare `openid`, a field named `n`), to test the adapter and the
 * kernel, not the domain; everywhere else the store is typed by collection.
 */
export interface RawStore extends Omit<Store, 'get' | 'find' | 'insert'> {
  get(collection: CollectionName, id: string): Promise<Row | null>
  find(collection: CollectionName, options?: FindOptions): Promise<Row[]>
  insert(collection: CollectionName, doc: Row): Promise<InsertResult>
}

export function rawStore(store: Store): RawStore {
  // The adapters keep and return a document as it was given, whatever its shape.
  return store as unknown as RawStore
}
