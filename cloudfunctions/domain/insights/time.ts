/**
 * Calendar arithmetic for metrics, on the Asia/Shanghai day (UTC+8 all year, no daylight saving,
 * so a fixed offset is exact). Days are `YYYY-MM-DD` strings: they sort, and they are the keys of
 * the stored daily figures.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, shanghaiDay } from '../../contracts/shanghai'
import { previousPeriods } from '../fee/money'

export { DAY_MS }

/** The Shanghai day of an instant: the same arithmetic as the daily limits use. */
export const dayOf = shanghaiDay

export function monthOfDay(day: string): string {
  return day.slice(0, 7)
}

/** UTC ms of the Shanghai midnight that starts `day`. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS
}

export function addDays(day: string, n: number): string {
  return dayOf(dayStart(day) + n * DAY_MS)
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayStart(b) - dayStart(a)) / DAY_MS)
}

/** Every day from `from` to `to`, both included. */
export function daysIn(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The Monday that starts the week holding `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

/** The last day of the month `YYYY-MM`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

/** The `count` months ending with the month of `day`, oldest first (the billing periods' order). */
export function monthsUpTo(day: string, count: number): string[] {
  return previousPeriods(monthOfDay(day), count)
}
