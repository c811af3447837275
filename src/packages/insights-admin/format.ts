import { formatFen } from '../../utils/money'
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDay, shanghaiWall } from '@contracts/shanghai'

/**
 * Date ranges and figure formatting for the operator dashboard. Days are Shanghai calendar days
 * (`YYYY-MM-DD`, UTC+8 all year), as the server stores its daily figures.
 */
export const dayOf = shanghaiDay

export function addDays(day: string, n: number): string {
  return dayOf(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + n * DAY_MS)
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

function monthEnd(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

export interface Range {
  from: string
  to: string
}

/**
 * The preset windows: each ends YESTERDAY, the last day the nightly pass has stored, so the
 * repurchase rate of these windows comes from the stored snapshot (today is still moving).
 */
export const PRESETS = [
  { key: '7d', label: '近7天', days: 7 },
  { key: '30d', label: '近30天', days: 30 },
  { key: '90d', label: '近90天', days: 90 },
  { key: '365d', label: '近一年', days: 365 }
] as const
export type PresetKey = (typeof PRESETS)[number]['key']

export function presetRange(key: PresetKey, now: number): Range {
  const days = PRESETS.find((p) => p.key === key)?.days ?? 30
  const to = addDays(dayOf(now), -1)
  return { from: addDays(to, -(days - 1)), to }
}

/**
 * Calendar months to pick, newest first: the running month up to yesterday (when it has a day
 * behind it), then whole months before it.
 */
export function monthRanges(now: number, count = 12): (Range & { month: string; label: string })[] {
  const yesterday = addDays(dayOf(now), -1)
  const out: (Range & { month: string; label: string })[] = []
  let month = yesterday.slice(0, 7)
  for (let i = 0; i < count; i++) {
    const to = i === 0 ? yesterday : monthEnd(month)
    out.push({ month, from: `${month}-01`, to, label: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月` })
    const [y = 0, m = 1] = month.split('-').map(Number)
    month = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7)
  }
  return out
}

/** `2026-11-01`–`2026-11-22` → `11月1日 – 11月22日` (with years when they differ from each other). */
export function rangeLabel(r: Range): string {
  const part = (d: string, withYear: boolean) => `${withYear ? `${d.slice(0, 4)}年` : ''}${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  const years = r.from.slice(0, 4) !== r.to.slice(0, 4)
  return `${part(r.from, years)} – ${part(r.to, years)}`
}

/** The window a stored repurchase rate is for: `30d` → 近30天, `2026-10` → 2026年10月. */
export function windowLabel(key: string | null): string {
  if (!key) return ''
  const preset = PRESETS.find((p) => p.key === key)
  if (preset) return preset.label
  if (/^\d{4}-\d{2}$/.test(key)) return `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`
  return key
}

/** Basis points → `37.5%`. */
export function bpText(bp: number | null): string {
  return bp === null ? '—' : `${(bp / 100).toFixed(1)}%`
}

/** A rating × 100 → `4.62`. */
export function ratingText(r100: number | null): string {
  return r100 === null ? '—' : (r100 / 100).toFixed(2)
}

export function yuanText(fen: number | null): string {
  return fen === null ? '—' : formatFen(fen, { trimZeros: true })
}

export type DeltaKind = 'count' | 'bp' | 'rating'

export interface Delta {
  dir: 'up' | 'down' | 'flat'
  text: string
}

/**
 * The change against the range just before: counts and money as a relative change (↑12.5%),
 * rates in percentage points (↑1.2个百分点), ratings in points (↓0.15). Null when either side
 * has no value, or the previous count was zero (no meaningful ratio).
 */
export function delta(kind: DeltaKind, current: number | null, previous: number | null): Delta | null {
  if (current === null || previous === null) return null
  const diff = current - previous
  const dir: Delta['dir'] = diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat'
  const arrow = dir === 'up' ? '↑' : dir === 'down' ? '↓' : '→'
  if (kind === 'count') {
    if (previous === 0) return current === 0 ? { dir: 'flat', text: '→ 持平' } : null
    const pct = Math.abs(diff / previous) * 100
    return { dir, text: dir === 'flat' ? '→ 持平' : `${arrow}${pct >= 100 ? Math.round(pct) : pct.toFixed(1)}%` }
  }
  if (kind === 'bp') return { dir, text: dir === 'flat' ? '→ 持平' : `${arrow}${(Math.abs(diff) / 100).toFixed(1)}个百分点` }
  return { dir, text: dir === 'flat' ? '→ 持平' : `${arrow}${(Math.abs(diff) / 100).toFixed(2)}分` }
}

/** A short digest of chart data, so a chart redraws only when its data changed. */
export function digest(value: unknown): string {
  const s = JSON.stringify(value)
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return `${s.length}:${(h >>> 0).toString(36)}`
}

/** `HH:mm` of a stored instant, Shanghai time, with the day: `11月23日 03:10`. */
export function stampText(ms: number): string {
  const d = shanghaiWall(ms).toISOString()
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${d.slice(11, 16)}`
}

export const CUSTOM_MAX_DAYS = 366
