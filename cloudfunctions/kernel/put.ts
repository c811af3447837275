import type { CollectionName, DocOf } from './collections'
import type { Store } from './store'

/**
 * Writes a document whole, whether or not it exists yet (a settings document, a report, a derived
 * figure). Only for documents whose last writer may simply win: anything guarded (stock, balances,
 * states) uses a conditional update instead.
 */
export async function put<K extends CollectionName>(store: Store, collection: K, doc: DocOf<K>): Promise<void> {
  const { _id, ...fields } = doc
  if (await store.update(collection, _id, { set: fields })) return
  const r = await store.insert(collection, doc)
  if (!r.ok) await store.update(collection, _id, { set: fields })
}
