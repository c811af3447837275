import { type Filter, type Scalar, type Sort, StoreUsageError, checkField, isFieldOps } from '../../kernel/store'

/** Translates the store's small filter language into SQL over JSON documents. */
export interface Sql {
  text: string
  params: unknown[]
}

export function jsonPath(field: string): string {
  return field === '_id' ? 'id' : `json_extract(doc, '$.${checkField(field)}')`
}

/** SQLite's JSON functions hand booleans back as 1/0, so bind them that way. */
export function bindValue(v: Scalar): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v
}

/**
 * The expression a unique index is built on (see SqliteStore.migrate): a missing value counts as
 * one value there, as in CloudBase. Equality and `in` with real values mean the same on it as on
 * the bare field, and are written on it so SQLite can use the index (a user found by openid).
 */
export function uniqueKeyPath(field: string): string {
  return `IFNULL(${jsonPath(field)}, x'00')`
}

/**
 * `uniqueOnly`: the collection's fields indexed only by unique indexes, whose equality is written
 * on the unique index's expression.
 */
export function filterSql(filter: Filter | undefined, uniqueOnly: ReadonlySet<string> = NONE): Sql {
  if (!filter) return { text: '1', params: [] }
  if ('and' in filter && Array.isArray(filter.and)) return join(filter.and as Filter[], 'AND', '1', uniqueOnly)
  if ('or' in filter && Array.isArray(filter.or)) return join(filter.or as Filter[], 'OR', '0', uniqueOnly)
  const parts: string[] = []
  const params: unknown[] = []
  for (const [field, cond] of Object.entries(filter as Record<string, unknown>)) {
    if (cond === undefined) continue
    const col = jsonPath(field)
    const keyCol = uniqueOnly.has(field) ? uniqueKeyPath(field) : col
    if (!isFieldOps(cond as Scalar)) {
      if (cond === null) parts.push(`${col} IS NULL`)
      else {
        parts.push(`${keyCol} = ?`)
        params.push(bindValue(cond as Scalar))
      }
      continue
    }
    const ops = cond as Record<string, unknown>
    for (const [op, value] of Object.entries(ops)) {
      switch (op) {
        case 'eq':
          if (value === null) {
            parts.push(`${col} IS NULL`)
          } else {
            parts.push(`${keyCol} = ?`)
            params.push(bindValue(value as Scalar))
          }
          break
        case 'ne':
          parts.push(`${col} IS NOT ?`)
          params.push(bindValue(value as Scalar))
          break
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte': {
          const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op]
          parts.push(`${col} ${sym} ?`)
          params.push(value)
          break
        }
        case 'in': {
          const list = value as Scalar[]
          if (!Array.isArray(list)) throw new StoreUsageError(`'in' needs an array for ${field}`)
          if (list.length === 0) parts.push('0')
          else {
            parts.push(`${list.includes(null) ? col : keyCol} IN (${list.map(() => '?').join(',')})`)
            params.push(...list.map(bindValue))
          }
          break
        }
        default:
          throw new StoreUsageError(`unknown operator ${op} on ${field}`)
      }
    }
  }
  return { text: parts.length ? parts.join(' AND ') : '1', params }
}

const NONE: ReadonlySet<string> = new Set()

function join(filters: Filter[], op: 'AND' | 'OR', empty: string, uniqueOnly: ReadonlySet<string>): Sql {
  if (filters.length === 0) return { text: empty, params: [] }
  const subs = filters.map((f) => filterSql(f, uniqueOnly))
  return { text: subs.map((s) => `(${s.text})`).join(` ${op} `), params: subs.flatMap((s) => s.params) }
}

export function orderSql(orderBy: readonly Sort[] | undefined): string {
  if (!orderBy || orderBy.length === 0) return 'ORDER BY rowid'
  return 'ORDER BY ' + orderBy.map((s) => `${jsonPath(s.field)} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
}
