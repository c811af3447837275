import type { CollectionName } from '../../kernel/collections'
import type { Doc, Store } from '../../kernel/store'

/**
 * Writes a derived document whole, whether or not it exists yet. Derived documents have a single
 * writer per key at a time (the nightly pass), and a lost race only means the other writer's
 * equally recomputed value wins, so a plain replace is enough here.
 */
export async function put<T extends Doc>(store: Store, collection: CollectionName, doc: T): Promise<void> {
  const { _id, ...fields } = doc
  if (await store.update(collection, _id, { set: fields })) return
  const r = await store.insert(collection, doc)
  if (!r.ok) await store.update(collection, _id, { set: fields })
}
