import type { CollectionName, DocOf } from './collections'
import { type Doc, type Filter, MAX_PAGE, type Store } from './store'

/**
 * Walks a whole collection slice in pages of at most 1000 (CloudBase's cap), by `_id` keyset so a
 * page boundary never skips or repeats a document while others are written.
 */
export async function* pages<K extends CollectionName>(
  store: Store,
  collection: K,
  where?: Filter,
  pageSize = MAX_PAGE
): AsyncGenerator<DocOf<K>[]> {
  let after: string | null = null
  for (;;) {
    const clauses: Filter[] = []
    if (where) clauses.push(where)
    if (after !== null) clauses.push({ _id: { gt: after } })
    const page = await store.find(collection, {
      where: clauses.length ? { and: clauses } : undefined,
      orderBy: [{ field: '_id', dir: 'asc' }],
      limit: pageSize
    })
    if (page.length === 0) return
    yield page
    if (page.length < pageSize) return
    after = page[page.length - 1]!._id
  }
}

export async function findAll<K extends CollectionName>(store: Store, collection: K, where?: Filter): Promise<DocOf<K>[]> {
  const all: DocOf<K>[] = []
  for await (const page of pages(store, collection, where)) all.push(...page)
  return all
}

/** Fetches documents by id, in chunks that fit the query cap; missing ids are simply absent. */
export async function getMany<K extends CollectionName>(store: Store, collection: K, ids: readonly string[]): Promise<Map<string, DocOf<K>>> {
  const unique = [...new Set(ids)]
  const chunks: string[][] = []
  for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE))
  // Chunks together: each is a round trip on CloudBase.
  const pages = await Promise.all(chunks.map((chunk) => store.find(collection, { where: { _id: { in: chunk } }, limit: MAX_PAGE })))
  return new Map(pages.flat().map((d) => [d._id, d]))
}

/** Writes in flight at once: enough to hide CloudBase's round trips, few enough for its rate limits. */
const WRITE_CONCURRENCY = 8

/** Runs `run` over every item with at most WRITE_CONCURRENCY calls in flight. */
export async function inPool<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, items.length) }, worker))
}

/**
 * Keyset pages ordered by a time field, ties broken by `_id` so a page boundary never skips or
 * repeats a document: the cursor is `${time}_${id}` of the last row. The filter for the rows after
 * a cursor, in the order's direction; null when the cursor is not one of ours.
 */
export function afterTimeCursor(cursor: string, field: string, dir: 'asc' | 'desc'): Filter | null {
  const cut = cursor.indexOf('_')
  const at = Number(cursor.slice(0, cut))
  if (cut < 1 || !Number.isSafeInteger(at)) return null
  const id = cursor.slice(cut + 1)
  const beyond = dir === 'desc' ? { lt: at } : { gt: at }
  return { or: [{ [field]: beyond }, { and: [{ [field]: at }, { _id: dir === 'desc' ? { lt: id } : { gt: id } }] }] }
}

/** The cursor after a full page, or null when the page was the last. */
export function timeCursorOf<T extends Doc>(rows: readonly T[], pageSize: number, time: (d: T) => number): string | null {
  const last = rows[rows.length - 1]
  return rows.length === pageSize && last ? `${time(last)}_${last._id}` : null
}
