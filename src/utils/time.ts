import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

// Runs on import, so package.json lists this file under sideEffects (bundlers keep it then).
dayjs.extend(utc)

/**
 * Times are stored as UTC epoch ms and always shown in Asia/Shanghai. China has no DST, so a
 * fixed +8 h from UTC is exact, whatever timezone the phone or the test machine is in.
 */
export function shanghai(ms: number) {
  return dayjs.utc(ms).add(8, 'hour')
}

export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD')
}

export function formatDateTime(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD HH:mm')
}

/** How long something took, as people say it: `40 分钟`, `3 小时 5 分钟`, `2 天 4 小时`. */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} 分钟`
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分钟` : `${m / 60} 小时`
  const hours = Math.floor(m / 60) % 24
  return `${Math.floor(m / (24 * 60))} 天${hours ? ` ${hours} 小时` : ''}`
}

/** `2026-12-06 09:00 - 11:00`, or both in full when the end falls on another day. */
export function timeRangeText(start: number, end: number): string {
  const e = shanghai(end)
  const sameDay = shanghai(start).format('YYYY-MM-DD') === e.format('YYYY-MM-DD')
  return `${formatDateTime(start)} - ${sameDay ? e.format('HH:mm') : formatDateTime(end)}`
}

/**
 * What a person typed, `YYYY-MM-DD HH:mm` in Asia/Shanghai, as epoch ms (the inverse of
 * formatDateTime); NaN when malformed. A bare date is read at `dateOnlyHour` when one is given,
 * and is malformed otherwise.
 */
export function parseShanghai(text: string, dateOnlyHour?: number): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim())
  if (!m) return Number.NaN
  const [, y, mo, d, hh, mm] = m
  const hour = hh === undefined ? dateOnlyHour : Number(hh)
  if (hour === undefined) return Number.NaN
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), hour - 8, mm === undefined ? 0 : Number(mm))
}

/** `2026-11` → `2026年11月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/**
 * When a message came, as a message list says it: `刚刚`, `25 分钟前`, `今天 09:30`, `昨天 18:02`,
 * `12月3日`, and the year only when it is not this one.
 */
export function whenText(ms: number, now: number): string {
  const ago = now - ms
  if (ago >= 0 && ago < 60_000) return '刚刚'
  if (ago >= 0 && ago < 3600_000) return `${Math.floor(ago / 60_000)} 分钟前`
  const t = shanghai(ms)
  const today = shanghai(now).startOf('day')
  if (!t.isBefore(today) && t.isBefore(today.add(1, 'day'))) return `今天 ${t.format('HH:mm')}`
  if (!t.isBefore(today.subtract(1, 'day')) && t.isBefore(today)) return `昨天 ${t.format('HH:mm')}`
  return t.year() === today.year() ? t.format('M月D日') : t.format('YYYY年M月D日')
}
