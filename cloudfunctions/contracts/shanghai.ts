/**
 * Asia/Shanghai time without a library, for the functions, the clients and the scripts alike.
 * Shanghai is UTC+8 all year (no daylight saving), so a fixed offset is exact. Instants are UTC
 * epoch ms everywhere; these give an instant's Shanghai calendar and clock, and back.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000
export const DAY_MS = 86_400_000

/** A Date whose UTC fields read as Shanghai's wall clock (`getUTCHours()` is the hour in Shanghai). */
export function shanghaiWall(ms: number): Date {
  return new Date(ms + SHANGHAI_OFFSET_MS)
}

/** `YYYY-MM-DDTHH:mm:ss.sss` on Shanghai's wall clock. */
const wallText = (ms: number) => shanghaiWall(ms).toISOString().slice(0, 23)

/** `2026-12-06`: the calendar day, used for daily limits, ids and stored daily figures. */
export function shanghaiDay(ms: number): string {
  return wallText(ms).slice(0, 10)
}

/** `2026-12`: the calendar month (billing periods). */
export function shanghaiMonth(ms: number): string {
  return wallText(ms).slice(0, 7)
}

/** `2026-12-06 09:30`, for messages written by the functions. */
export function shanghaiMinute(ms: number): string {
  return wallText(ms).slice(0, 16).replace('T', ' ')
}

/** `2026-12-06T09:30:00+08:00`: RFC 3339 with Shanghai's offset, as WeChat Pay's APIs take times. */
export function shanghaiRfc3339(ms: number): string {
  return `${wallText(ms).slice(0, 19)}+08:00`
}

/** The instant Shanghai's day holding `ms` starts (its midnight). */
export function shanghaiMidnight(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
}

/** The instant of a Shanghai wall-clock time: `shanghaiInstant(2026, 12, 6, 9)` is 09:00 on 6 December. */
export function shanghaiInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS
}

/** `2026-12` → `2026-11`. */
export function monthBefore(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** `month` and the `count - 1` months before it, newest first: `2026-01, 2025-12, …`. */
export function monthsEndingWith(month: string, count: number): string[] {
  const out = [month]
  while (out.length < count) out.push(monthBefore(out[out.length - 1] ?? ''))
  return out
}

/** Shanghai's month holding `ms` and the `count - 1` before it, newest first (month pickers). */
export function recentMonths(ms: number, count = 12): string[] {
  return monthsEndingWith(shanghaiMonth(ms), count)
}
