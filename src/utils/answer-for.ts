import type { Result } from '../client'

/**
 * An answer labelled with the choice (tab, filter, week) it was asked for: while another choice
 * loads, a page shows it is loading rather than the previous choice's data under the new label.
 */
export async function answerFor<K, T>(choice: K, call: Promise<Result<T>>): Promise<Result<{ choice: K; value: T }>> {
  const r = await call
  return r.ok ? { ok: true, data: { choice, value: r.data } } : r
}
