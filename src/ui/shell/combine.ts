import type { Result } from '../../client'

// Matched on the success member: the failure member of the union would infer `unknown` and swallow T.
type DataOf<R> = R extends { ok: true; data: infer T } ? T : never

/** Several calls a page needs together, sent in parallel: all the data, or the first error. */
export async function all<const P extends readonly Promise<Result<unknown>>[]>(
  calls: P
): Promise<Result<{ -readonly [K in keyof P]: DataOf<Awaited<P[K]>> }>> {
  const results = await Promise.all(calls)
  const failed = results.find((r) => !r.ok)
  if (failed && !failed.ok) return failed
  return { ok: true, data: results.map((r) => (r.ok ? r.data : null)) as { -readonly [K in keyof P]: DataOf<Awaited<P[K]>> } }
}
