import type { CollectionName, CollectionOf, DocOf } from './collections'
import type { Doc, FindOptions, InsertResult, Store } from './store'

/**
 * The store narrowed to one collection, for code generic over a document type (the journal, the
 * invitation and visit helpers, a household's timeline parts). The collection is one that holds
 * exactly `D` ({@link CollectionOf}), checked where the engine is pointed at it, so what is read
 * from it is `D`: the one place such code states it.
 */
export interface TypedCollection<D extends Doc> {
  get(id: string): Promise<D | null>
  find(options?: FindOptions): Promise<D[]>
  insert(doc: D): Promise<InsertResult>
}

export function collectionOf<D extends Doc>(store: Store, collection: CollectionOf<D>): TypedCollection<D> {
  const name: CollectionName = collection
  return {
    get: async (id) => (await store.get(name, id)) as D | null,
    find: async (options) => (await store.find(name, options)) as D[],
    insert: (doc) => store.insert(name, doc as DocOf<CollectionName>)
  }
}
