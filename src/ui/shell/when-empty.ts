import type { EmptySpec } from './PageShell'

/**
 * The `empty` of a list page: `spec` when the list `items` picks from the data has nothing in it,
 * else null (the page shows the list).
 */
export function whenEmpty<T>(items: (data: T) => readonly unknown[], spec: EmptySpec): (data: T) => EmptySpec | null {
  return (data) => (items(data).length === 0 ? spec : null)
}
