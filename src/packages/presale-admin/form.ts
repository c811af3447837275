import { shanghai } from '../../utils/time'
import { parseYuan } from '../../utils/money'

/** `YYYY-MM-DD HH:mm` (or a bare date, at `defaultHour`) in Asia/Shanghai → epoch ms; NaN if malformed. */
export function parseShanghai(text: string, defaultHour = 0): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim())
  if (!m) return Number.NaN
  const [, y, mo, d, hh, mm] = m
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), (hh === undefined ? defaultHour : Number(hh)) - 8, mm === undefined ? 0 : Number(mm))
}

export function formatInput(ms: number, withTime = true): string {
  return shanghai(ms).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD')
}

/** `68` or `68.5` yuan → 6850 fen; NaN when not a price (its callers check with Number.isNaN). */
export function yuanToFen(text: string): number {
  return parseYuan(text) ?? Number.NaN
}

export function fenToYuanText(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.00$/, '')
}

/** A whole number from a text field; NaN otherwise. */
export function int(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
}
