import type { CollectionName, DocOf } from '../../kernel/collections'
import { type FieldOps, type Filter, type FindOptions, type InsertResult, type Scalar, type Store, StoreUsageError, type UpdateSpec, checkField, checkLimit, checkUpdatePaths, isFieldOps } from '../../kernel/store'

/**
 * The slice of @cloudbase/node-sdk's database we use, typed here so the adapter can be tested
 * with a recording fake and the SDK's loose typings stay out of our code.
 */
export interface CbCommand {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  in(v: unknown[]): unknown
  and(...c: unknown[]): unknown
  or(...c: unknown[]): unknown
  inc(n: number): unknown
  set(v: unknown): unknown
  remove(): unknown
}
export interface CbQuery {
  where(q: unknown): CbQuery
  orderBy(field: string, dir: 'asc' | 'desc'): CbQuery
  limit(n: number): CbQuery
  skip(n: number): CbQuery
  get(): Promise<{ data?: unknown[]; code?: string; message?: string }>
  count(): Promise<{ total?: number; code?: string; message?: string }>
  update(data: unknown): Promise<{ updated?: number; code?: string; message?: string }>
  remove(): Promise<{ deleted?: number | string; code?: string; message?: string }>
}
export interface CbCollection extends CbQuery {
  add(data: unknown): Promise<{ id?: string; code?: string; message?: string }>
}
export interface CbDb {
  command: CbCommand
  collection(name: string): CbCollection
}

/**
 * A unique-key violation: the SDK's code for it, or MongoDB's E11000 in a reply without one. Only
 * whether it is one is read here; which key it hit is not (see InsertResult).
 */
function isDuplicate(e: { code?: unknown; message?: unknown }): boolean {
  if (e.code === 'DATABASE_DUPLICATE_WRITE') return true
  return /\bE11000\b/.test(String(e.message ?? ''))
}

function check<T extends { code?: string; message?: string }>(res: T, what: string): T {
  if (res.code) throw new Error(`cloudbase ${what} failed: ${res.code} ${res.message ?? ''}`)
  return res
}

export class CloudbaseStore implements Store {
  constructor(
    private readonly db: CbDb,
    /** Lets the contract suite run in a throwaway namespace of a real environment. */
    private readonly prefix = ''
  ) {}

  private coll(name: CollectionName): CbCollection {
    return this.db.collection(this.prefix + name)
  }

  toQuery(filter: Filter | undefined): unknown {
    const _ = this.db.command
    if (!filter) return {}
    // CloudBase rejects `$and: []` and `$or: []`; the port defines them as "everything" and
    // "nothing" (as SQLite computes them), so they are never sent as such.
    if ('and' in filter && Array.isArray(filter.and)) {
      const parts = filter.and as Filter[]
      if (parts.length === 0) return {}
      return parts.length === 1 ? this.toQuery(parts[0]) : _.and(...parts.map((f) => this.toQuery(f)))
    }
    if ('or' in filter && Array.isArray(filter.or)) {
      const parts = filter.or as Filter[]
      if (parts.length === 0) return { _id: _.in([]) }
      return parts.length === 1 ? this.toQuery(parts[0]) : _.or(...parts.map((f) => this.toQuery(f)))
    }
    const q: Record<string, unknown> = {}
    for (const [field, cond] of Object.entries(filter as Record<string, Scalar | FieldOps | undefined>)) {
      if (cond === undefined) continue
      checkField(field)
      if (!isFieldOps(cond)) {
        q[field] = _.eq(cond)
        continue
      }
      const parts: unknown[] = []
      for (const [op, v] of Object.entries(cond)) {
        switch (op) {
          case 'eq': parts.push(_.eq(v)); break
          case 'ne': parts.push(_.neq(v)); break
          case 'gt': parts.push(_.gt(v)); break
          case 'gte': parts.push(_.gte(v)); break
          case 'lt': parts.push(_.lt(v)); break
          case 'lte': parts.push(_.lte(v)); break
          case 'in': parts.push(_.in([...(v as Scalar[])])); break
          default: throw new StoreUsageError(`unknown operator ${op} on ${field}`)
        }
      }
      q[field] = parts.length === 1 ? parts[0] : _.and(...parts)
    }
    return q
  }

  async get<K extends CollectionName>(collection: K, id: string): Promise<DocOf<K> | null> {
    const res = check(await this.coll(collection).where({ _id: id }).limit(1).get(), 'get')
    return ((res.data ?? [])[0] as DocOf<K> | undefined) ?? null
  }

  async find<K extends CollectionName>(collection: K, o: FindOptions = {}): Promise<DocOf<K>[]> {
    const limit = checkLimit(o.limit)
    let q: CbQuery = this.coll(collection).where(this.toQuery(o.where))
    for (const s of o.orderBy ?? []) q = q.orderBy(checkField(s.field), s.dir)
    if (o.offset) q = q.skip(o.offset)
    const res = check(await q.limit(limit).get(), 'find')
    return (res.data ?? []) as DocOf<K>[]
  }

  async count(collection: CollectionName, where?: Filter): Promise<number> {
    const res = check(await this.coll(collection).where(this.toQuery(where)).count(), 'count')
    return res.total ?? 0
  }

  async insert<K extends CollectionName>(collection: K, doc: DocOf<K>): Promise<InsertResult> {
    try {
      const res = await this.coll(collection).add(doc)
      if (res.code) {
        if (isDuplicate(res)) return { ok: false, reason: 'DUPLICATE' }
        check(res, 'insert')
      }
      return { ok: true, id: doc._id }
    } catch (e) {
      if (isDuplicate(e as Error)) return { ok: false, reason: 'DUPLICATE' }
      throw e
    }
  }

  toUpdate(spec: UpdateSpec): Record<string, unknown> {
    checkUpdatePaths(spec)
    const _ = this.db.command
    const data: Record<string, unknown> = {}
    // `_.set` replaces objects whole; a bare object in update() would be merged field by field.
    for (const [f, v] of Object.entries(spec.set ?? {})) data[checkField(f)] = typeof v === 'object' && v !== null ? _.set(v) : v
    for (const [f, n] of Object.entries(spec.inc ?? {})) data[checkField(f)] = _.inc(n)
    for (const f of spec.unset ?? []) data[checkField(f)] = _.remove()
    if (Object.keys(data).length === 0) throw new StoreUsageError('update needs set, inc or unset')
    return data
  }

  async update(collection: CollectionName, id: string, spec: UpdateSpec, when?: Filter): Promise<boolean> {
    const where = when ? this.toQuery({ and: [{ _id: id }, when] }) : { _id: id }
    try {
      const res = await this.coll(collection).where(where).update(this.toUpdate(spec))
      if (res.code && isDuplicate(res)) return false
      return check(res, 'update').updated === 1
    } catch (e) {
      if (isDuplicate(e as Error)) return false
      throw e
    }
  }

  async remove(collection: CollectionName, id: string, when?: Filter): Promise<boolean> {
    const where = when ? this.toQuery({ and: [{ _id: id }, when] }) : { _id: id }
    const res = check(await this.coll(collection).where(where).remove(), 'remove')
    // The SDK types `deleted` as number | string.
    return Number(res.deleted) === 1
  }
}
