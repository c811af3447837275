/** What every `bench/<name>.ts` module exports; bench/run.ts loads them by name. */
export type BenchResult = Record<string, number | string | object>

export interface BenchModule {
  run(): Promise<BenchResult>
  /** The few figures worth a row in the printed table; defaults to the first numeric leaves. */
  summary?(result: BenchResult): Record<string, number | string>
}

export function isBenchModule(v: unknown): v is BenchModule {
  if (typeof v !== 'object' || v === null) return false
  const m = v as { run?: unknown; summary?: unknown }
  return typeof m.run === 'function' && (m.summary === undefined || typeof m.summary === 'function')
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** Rounds to `digits` decimals, so JSON results stay readable. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/** `{a:{b:1}}` -> `[['a.b', 1]]`: scalar leaves (arrays skipped) up to `depth` levels down. */
export function leaves(obj: object, depth = 3, prefix = ''): [string, number | string][] {
  const out: [string, number | string][] = []
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'number' || typeof v === 'string') out.push([key, v])
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && depth > 1) out.push(...leaves(v, depth - 1, key))
  }
  return out
}

export function formatValue(v: number | string): string {
  if (typeof v === 'string') return v
  if (!Number.isFinite(v)) return String(v)
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** A plain left-aligned text table. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** The named numeric figures of a result, for a summary row: no cast of the result's shape needed. */
export function figures(r: BenchResult, keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, typeof r[k] === 'number' ? r[k] : 0]))
}
