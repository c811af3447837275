/**
 * The store port. It offers only what CloudBase guarantees (see PLATFORM-NOTES): single-document
 * atomic conditional updates, unique keys, paged queries of at most 1000 rows. There are no
 * multi-document transactions on purpose: invariants are built on conditional updates.
 */
import type { CollectionName, DocOf } from './collections'

export type Scalar = string | number | boolean | null
export type JsonValue = Scalar | JsonValue[] | { [k: string]: JsonValue }

export interface Doc {
  _id: string
}

export interface FieldOps {
  eq?: Scalar
  ne?: Scalar
  gt?: number | string
  gte?: number | string
  lt?: number | string
  lte?: number | string
  in?: readonly Scalar[]
}
/** A bare scalar means equality. Field names may be dotted paths (`address.building`). */
export type FieldCond = Scalar | FieldOps
/** A field whose condition is `undefined` is not constrained (handy for optional filters). */
export type Filter = { and: readonly Filter[] } | { or: readonly Filter[] } | { [field: string]: FieldCond | undefined }

export interface Sort {
  field: string
  dir: 'asc' | 'desc'
}

export const MAX_PAGE = 1000
export const DEFAULT_PAGE = 100

export interface FindOptions {
  where?: Filter
  orderBy?: readonly Sort[]
  /** At most {@link MAX_PAGE}; defaults to {@link DEFAULT_PAGE}. */
  limit?: number
  offset?: number
}

export interface UpdateSpec {
  set?: Record<string, unknown>
  inc?: Record<string, number>
  unset?: readonly string[]
}

/**
 * A duplicate says only that the key (`_id` or a unique index) is taken, never which: CloudBase
 * names the index only in its message text, whose wording is not defined. A caller that must
 * know reads what is there (the twin under its idempotency key, the document under its id).
 */
export type InsertResult = { ok: true; id: string } | { ok: false; reason: 'DUPLICATE' }

export interface Store {
  get<K extends CollectionName>(collection: K, id: string): Promise<DocOf<K> | null>
  find<K extends CollectionName>(collection: K, options?: FindOptions): Promise<DocOf<K>[]>
  count(collection: CollectionName, where?: Filter): Promise<number>
  /** Fails with `DUPLICATE` (never throws) when `_id` or a unique index already holds the value. */
  insert<K extends CollectionName>(collection: K, doc: DocOf<K>): Promise<InsertResult>
  /**
   * Atomically updates one document when it exists and matches `when`. Returns whether it applied:
   * the building block for stock, capacity, balances and state machines.
   */
  update(collection: CollectionName, id: string, spec: UpdateSpec, when?: Filter): Promise<boolean>
  remove(collection: CollectionName, id: string, when?: Filter): Promise<boolean>
  close?(): Promise<void>
}

export class StoreUsageError extends Error {
  override name = 'StoreUsageError'
}

export function checkLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_PAGE
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new StoreUsageError(`limit must be an integer in 1..${MAX_PAGE}, got ${String(limit)}`)
  }
  return n
}

const FIELD_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
export function checkField(field: string): string {
  if (!FIELD_RE.test(field)) throw new StoreUsageError(`invalid field path: ${field}`)
  return field
}

/**
 * Refuses an update that names one path twice, or a path and its parent (`set: { a }` with
 * `inc: { 'a.n': 1 }`): MongoDB, and so CloudBase, rejects it as a conflict, so both adapters
 * refuse it before sending anything, and a local test sees what production would.
 */
export function checkUpdatePaths(spec: UpdateSpec): void {
  const paths = [...Object.keys(spec.set ?? {}), ...Object.keys(spec.inc ?? {}), ...(spec.unset ?? [])].map(checkField)
  const sorted = [...paths].sort()
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!]
    if (a === b || b.startsWith(`${a}.`)) throw new StoreUsageError(`update paths ${a} and ${b} conflict`)
  }
}

export function isFieldOps(c: FieldCond): c is FieldOps {
  return typeof c === 'object' && c !== null
}
