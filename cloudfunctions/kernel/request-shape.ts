/**
 * Cheap, non-recursive limits on what a caller sends, checked before identity, before zod and
 * before anything that walks a value recursively (`JSON.stringify` overflows the stack at a few
 * thousand levels, so one 10 KB body could fail every request with an error-level stack trace).
 *
 * No contract nests more than a handful of levels; the budgets are generous for real input and
 * tiny for hostile input.
 */
export interface ShapeBudget {
  /** Bytes of JSON text (estimated from the value when it arrives already parsed). */
  maxBytes: number
  /** Nesting levels of objects and arrays; the top level is 1. */
  maxDepth: number
  /** Objects, arrays and scalars together. */
  maxNodes: number
}

/** CloudBase caps a request at 100 KB; action inputs are refused well before that. */
export const INPUT_BUDGET: ShapeBudget = { maxBytes: 64 * 1024, maxDepth: 32, maxNodes: 20_000 }

export type ShapeProblem = 'bytes' | 'depth' | 'nodes'

/**
 * Walks `value` with an explicit stack and stops at the first budget it exceeds. The byte figure
 * approximates the JSON text's length (keys, strings, numbers and punctuation), so it agrees with
 * the limit the local server and CloudBase apply to the raw body.
 */
export function shapeProblem(value: unknown, budget: ShapeBudget): ShapeProblem | null {
  let bytes = 0
  let nodes = 0
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }]
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!
    if (++nodes > budget.maxNodes) return 'nodes'
    if (typeof v === 'string') bytes += v.length + 2
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') bytes += String(v).length
    else if (v === null || v === undefined) bytes += 4
    else if (typeof v === 'object') {
      if (depth > budget.maxDepth) return 'depth'
      bytes += 2
      if (Array.isArray(v)) {
        for (const item of v as unknown[]) {
          bytes += 1
          stack.push({ v: item, depth: depth + 1 })
        }
      } else {
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          bytes += k.length + 4
          stack.push({ v: item, depth: depth + 1 })
        }
      }
    }
    if (bytes > budget.maxBytes) return 'bytes'
  }
  return null
}

/**
 * The deepest nesting of a JSON text, by one scan of its characters (strings skipped), so a body
 * is refused before `JSON.parse` builds anything from it. Stops counting past `limit`.
 */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > deepest) deepest = depth
      if (deepest > limit) return deepest
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: 'too_large' | 'too_deep' | 'not_json' }

/** Parses a request body within a budget: size first, then nesting, then `JSON.parse`. */
export function parseBoundedJson(text: string, budget: ShapeBudget = INPUT_BUDGET): BoundedJson {
  if (Buffer.byteLength(text, 'utf8') > budget.maxBytes) return { ok: false, reason: 'too_large' }
  if (jsonTextDepth(text, budget.maxDepth) > budget.maxDepth) return { ok: false, reason: 'too_deep' }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false, reason: 'not_json' }
  }
}
