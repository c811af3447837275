import type * as z from 'zod'
import type { ApiError } from '@contracts/errors'

/**
 * Field errors keyed by path (`skus.0.priceFen`), the first message per field: what a form shows
 * under each control, whether the contract's schema refused the input on the phone or the server
 * refused it (its paths carry the input's wrapper, `product.`, which `prefix` removes).
 */
export type FieldErrors = Record<string, string>

export function issuesByPath(error: z.ZodError, into: FieldErrors = {}): FieldErrors {
  const out = { ...into }
  for (const i of error.issues) out[i.path.join('.')] ??= i.message
  return out
}

export function fieldsByPath(error: ApiError, prefix = ''): FieldErrors {
  const out: FieldErrors = {}
  for (const f of error.fields ?? []) out[f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path] ??= f.message
  return out
}
