import Database from 'better-sqlite3'
import { COLLECTIONS, type CollectionName, type DocOf } from '../../kernel/collections'
import { type Filter, type FindOptions, type InsertResult, type Store, StoreUsageError, type UpdateSpec, checkField, checkLimit, checkUpdatePaths } from '../../kernel/store'
import { filterSql, jsonPath, orderSql } from './filter-sql'

/**
 * Per collection, the fields only unique indexes cover: a query's equality on them is written on
 * the unique index's expression (filter-sql.ts), or SQLite would scan the table for a user by openid.
 */
const UNIQUE_ONLY = new Map<string, ReadonlySet<string>>(
  Object.entries(COLLECTIONS).map(([name, spec]) => {
    const plain = new Set(spec.indexes.filter((i) => !i.unique).flatMap((i) => i.fields))
    return [name, new Set(spec.indexes.filter((i) => i.unique).flatMap((i) => i.fields).filter((f) => !plain.has(f)))]
  })
)
const uniqueOnly = (collection: CollectionName): ReadonlySet<string> => UNIQUE_ONLY.get(collection) ?? new Set()

/**
 * The embedded adapter: one table per collection holding JSON documents, with expression
 * indexes for the declared indexes. Every operation is a single SQL statement, so each is
 * atomic even when the job runner and the server share the file.
 */
/** Prepared statements kept per SQL text: preparing took a seventh of an order's time here. */
const STATEMENTS_KEPT = 500

export class SqliteStore implements Store {
  private readonly db: Database.Database
  private readonly statements = new Map<string, Database.Statement>()

  constructor(file: string) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('synchronous = NORMAL')
    this.migrate()
  }

  /** The statement for `sql`, prepared once; the least recently used go past STATEMENTS_KEPT. */
  private sql(text: string): Database.Statement {
    const kept = this.statements.get(text)
    if (kept) {
      this.statements.delete(text)
      this.statements.set(text, kept)
      return kept
    }
    const made = this.db.prepare(text)
    this.statements.set(text, made)
    if (this.statements.size > STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value ?? '')
    return made
  }

  private migrate(): void {
    for (const [name, spec] of Object.entries(COLLECTIONS)) {
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      for (const idx of spec.indexes) {
        // A unique index counts a missing (or null) value as one value, as MongoDB does: SQLite
        // would let any number of rows without the field through, CloudBase only one. NULL
        // becomes a blob, which no JSON value extracts to.
        const cols = idx.fields.map((f) => (idx.unique ? `IFNULL(${jsonPath(f)}, x'00')` : jsonPath(f))).join(', ')
        const index = `${name}__${idx.name}`
        const sql = `CREATE ${idx.unique ? 'UNIQUE ' : ''}INDEX "${index}" ON "${name}" (${cols})`
        const existing = this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index) as { sql: string } | undefined
        if (existing?.sql === sql) continue
        // A file made before the index changed: rebuild it as declared now.
        if (existing) this.db.exec(`DROP INDEX "${index}"`)
        this.db.exec(sql)
      }
    }
  }

  async get<K extends CollectionName>(collection: K, id: string): Promise<DocOf<K> | null> {
    const row = this.sql(`SELECT doc FROM "${collection}" WHERE id = ?`).get(id) as { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as DocOf<K>) : null
  }

  async find<K extends CollectionName>(collection: K, options: FindOptions = {}): Promise<DocOf<K>[]> {
    const limit = checkLimit(options.limit)
    const offset = options.offset ?? 0
    if (!Number.isInteger(offset) || offset < 0) throw new StoreUsageError('offset must be a non-negative integer')
    const where = filterSql(options.where, uniqueOnly(collection))
    const rows = this.sql(`SELECT doc FROM "${collection}" WHERE ${where.text} ${orderSql(options.orderBy)} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as { doc: string }[]
    return rows.map((r) => JSON.parse(r.doc) as DocOf<K>)
  }

  /** How SQLite would run a find (its query plan's details), for tests that hold a query to its index. */
  plan(collection: CollectionName, where: Filter): string[] {
    const w = filterSql(where, uniqueOnly(collection))
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "${collection}" WHERE ${w.text}`).all(...w.params) as { detail: string }[]
    return rows.map((r) => r.detail)
  }

  async count(collection: CollectionName, where?: Filter): Promise<number> {
    const w = filterSql(where, uniqueOnly(collection))
    const row = this.sql(`SELECT COUNT(*) AS n FROM "${collection}" WHERE ${w.text}`).get(...w.params) as {
      n: number
    }
    return row.n
  }

  async insert<K extends CollectionName>(collection: K, doc: DocOf<K>): Promise<InsertResult> {
    if (typeof doc._id !== 'string' || doc._id.length === 0) throw new StoreUsageError('insert needs a string _id')
    try {
      this.sql(`INSERT INTO "${collection}" (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc))
      return { ok: true, id: doc._id }
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, reason: 'DUPLICATE' }
      throw e
    }
  }

  async update(collection: CollectionName, id: string, spec: UpdateSpec, when?: Filter): Promise<boolean> {
    checkUpdatePaths(spec)
    let expr = 'doc'
    const params: unknown[] = []
    for (const [field, value] of Object.entries(spec.set ?? {})) {
      if (field === '_id') throw new StoreUsageError('_id cannot be updated')
      expr = `json_set(${expr}, '$.${checkField(field)}', json(?))`
      params.push(JSON.stringify(value ?? null))
    }
    for (const [field, by] of Object.entries(spec.inc ?? {})) {
      if (!Number.isFinite(by)) throw new StoreUsageError(`inc on ${field} needs a finite number`)
      const path = `'$.${checkField(field)}'`
      expr = `json_set(${expr}, ${path}, COALESCE(json_extract(doc, ${path}), 0) + ?)`
      // Whole numbers bound as integers, so a counter stays `5`, never `5.0` (and +0 changes nothing).
      params.push(Number.isInteger(by) ? BigInt(by) : by)
    }
    for (const field of spec.unset ?? []) expr = `json_remove(${expr}, '$.${checkField(field)}')`
    if (expr === 'doc') throw new StoreUsageError('update needs set, inc or unset')
    const w = filterSql(when, uniqueOnly(collection))
    try {
      // Only a document that actually changes counts, as MongoDB counts `updated`: setting what
      // is already there reports false on CloudBase, so it does here.
      const res = this.sql(`UPDATE "${collection}" SET doc = ${expr} WHERE id = ? AND (${w.text}) AND json(doc) IS NOT ${expr}`).run(...params, id, ...w.params, ...params)
      return res.changes === 1
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false
      throw e
    }
  }

  async remove(collection: CollectionName, id: string, when?: Filter): Promise<boolean> {
    const w = filterSql(when, uniqueOnly(collection))
    const res = this.sql(`DELETE FROM "${collection}" WHERE id = ? AND (${w.text})`).run(id, ...w.params)
    return res.changes === 1
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
