/** A worker's weekly hours as people read them, on the phone and in the console. */
export interface WeeklyHours {
  /** Local weekdays, 0 = Sunday. */
  days: readonly number[]
  /** Minutes after local midnight. */
  startMin: number
  endMin: number
}

const DAY_NAMES = ['日', '一', '二', '三', '四', '五', '六']
/** Monday first, as a Chinese week is read. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const

export const weekdayName = (day: number): string => `周${DAY_NAMES[day] ?? ''}`

/** `09:30` from minutes after midnight. */
export const clockText = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`

/** `周一三五 08:30-17:00`, or `每天 09:00-18:00`. */
export function hoursText(h: WeeklyHours): string {
  const days = h.days.length === 7 ? '每天' : `周${WEEK_ORDER.filter((d) => h.days.includes(d)).map((d) => DAY_NAMES[d] ?? '').join('')}`
  return `${days} ${clockText(h.startMin)}-${clockText(h.endMin)}`
}
