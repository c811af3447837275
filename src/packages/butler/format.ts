const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** `2026-11-23` → `11月23日 周一` (a Shanghai calendar day, as the server names it). */
export function dayLabel(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return `${m}月${d}日 周${WEEKDAYS[weekday] ?? ''}`
}

/** `2026-11-23` → `11月23日`. */
export function shortDay(day: string): string {
  const [, m = 1, d = 1] = day.split('-').map(Number)
  return `${m}月${d}日`
}

/** Basis points → `87%` (whole percent; 10000 = 100%). */
export function percent(bp: number): string {
  return `${Math.round(bp / 100)}%`
}

/** A share for a bar's width, never past full. */
export function barWidth(progress: number, target: number): string {
  if (target <= 0) return '0%'
  return `${Math.min(100, Math.round((progress / target) * 100))}%`
}

export { monthLabel } from '../../utils/time'
