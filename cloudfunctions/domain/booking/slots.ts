import { SLOT_MINUTES, SLOT_STARTS_MIN } from '../../contracts/booking'
import type { ServiceLineDoc, WorkHours, WorkerDoc } from './docs'
import { shanghaiMidnight, shanghaiMonth, shanghaiWall } from '../../contracts/shanghai'

/**
 * Slot arithmetic on the Asia/Shanghai day (UTC+8, no daylight saving). A slot is one of the
 * fixed two-hour blocks of a day; a worker can take it when it lies inside their hours.
 */
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
/** Bookings close this long before a slot starts. */
export const LEAD_MS = 30 * MINUTE
/** How far ahead residents may book. */
export const HORIZON_DAYS = 7
/** A worker may set out from this long before the slot starts (travel inside the community and nearby). */
export const DEPART_BEFORE_MS = HOUR
/**
 * Arrival, and so the work and finishing it, may be marked from this long before the slot starts:
 * a little early is on time (a quick repair may even be done before the hour), days early is a mistake.
 */
export const ARRIVE_BEFORE_MS = 30 * MINUTE

export type TimedStep = 'on_way' | 'arrived' | 'finish'

/** When each of the worker's timed steps opens for a slot. */
export function stepOpensAt(step: TimedStep, slotStart: number): number {
  return slotStart - (step === 'on_way' ? DEPART_BEFORE_MS : ARRIVE_BEFORE_MS)
}

const STEP_VERBS: Record<TimedStep, string> = { on_way: '出发', arrived: '标记到达', finish: '完工' }

/** `可在 12月7日 08:00 后出发`: what the job page and a refusal say about a step not open yet. */
export function stepOpensText(step: TimedStep, slotStart: number): string {
  return `可在 ${dayTimeText(stepOpensAt(step, slotStart))} 后${STEP_VERBS[step]}`
}

/**
 * Whole minutes between the slot's start and the arrival, 0 when on time or early: from the two
 * real instants, so an arrival marked before the slot (when it was allowed) is never counted late.
 */
export function lateMinutes(slotStart: number, arrivedAt: number): number {
  return Math.max(0, Math.floor((arrivedAt - slotStart) / MINUTE))
}

/** UTC ms of the Shanghai midnight that starts the local day containing `ms`. */
export const localMidnight = shanghaiMidnight

export function localWeekday(ms: number): number {
  return shanghaiWall(ms).getUTCDay()
}

export function localMinute(ms: number): number {
  return Math.round((ms - localMidnight(ms)) / MINUTE)
}

/** Whether `start` is the start of one of a day's slots. */
export function isSlotStart(start: number): boolean {
  return (SLOT_STARTS_MIN as readonly number[]).includes(localMinute(start)) && (start - localMidnight(start)) % MINUTE === 0
}

export function slotEnd(start: number): number {
  return start + SLOT_MINUTES * MINUTE
}

export function coversSlot(hours: WorkHours, start: number): boolean {
  const m = localMinute(start)
  return hours.days.includes(localWeekday(start)) && m >= hours.startMin && m + SLOT_MINUTES <= hours.endMin
}

/** The slots from `now + lead` over the next `days` local days. */
export function upcomingSlots(now: number, days = HORIZON_DAYS): number[] {
  const out: number[] = []
  const d0 = localMidnight(now)
  for (let d = 0; d <= days; d++) {
    for (const m of SLOT_STARTS_MIN) {
      const start = d0 + d * DAY + m * MINUTE
      if (start >= now + LEAD_MS && start < d0 + (days + 1) * DAY) out.push(start)
    }
  }
  return out
}

export function eligible(workers: readonly WorkerDoc[], category: string, start: number): WorkerDoc[] {
  return workers.filter((w) => w.active && (w.skills as string[]).includes(category) && coversSlot(w.hours, start))
}

/**
 * How many bookings of a line a slot takes: the line's cap, or the active workers who could do
 * it then, whichever is fewer. Derived from the line and the workers only, never from who asks,
 * so the slot picker and every booking agree on it.
 */
export function slotCapacity(line: Pick<ServiceLineDoc, 'slotCapacity' | 'category'>, workers: readonly WorkerDoc[], start: number): number {
  return Math.min(line.slotCapacity, eligible(workers, line.category, start).length)
}

export const monthOf = shanghaiMonth

/** `12月7日 08:00`, in Shanghai time. */
export function dayTimeText(ms: number): string {
  const d = shanghaiWall(ms)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/** `1月6日 周二 09:00`, in Shanghai time. */
export function slotText(ms: number): string {
  const d = shanghaiWall(ms)
  const names = ['日', '一', '二', '三', '四', '五', '六']
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${names[d.getUTCDay()] ?? ''} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
