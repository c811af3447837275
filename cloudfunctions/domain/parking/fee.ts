import type { FeeRule } from '../../contracts/parking-fee'
import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../contracts/shanghai'

/**
 * The price of a stay under a lot's rule: a pure function of the rule and two instants (UTC epoch
 * ms), in whole fen. The steps are spelled out on the rule's contract (contracts/parking-fee.ts);
 * night windows are read on Shanghai's wall clock, which has no daylight saving, so a fixed
 * offset is exact across midnight and across days.
 */
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** Minutes after Shanghai midnight of an instant. */
function wallMinute(ms: number): number {
  return Math.floor((((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / MINUTE_MS)
}

/**
 * Which night an instant falls in, or null by day: the Shanghai day number on which that
 * night's window opened, so 23:00 and the 03:00 after it are the same night.
 */
export function nightOf(rule: FeeRule, ms: number): number | null {
  const night = rule.night
  if (!night) return null
  const minute = wallMinute(ms)
  const day = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS)
  if (night.start < night.end) return minute >= night.start && minute < night.end ? day : null
  // A window across midnight (22:00–07:00): the small hours belong to the night that began the day before.
  if (minute >= night.start) return day
  return minute < night.end ? day - 1 : null
}

/** One hour of a stay as charged, for the receipt and the tests. */
export interface ChargedHour {
  startsAt: number
  night: boolean
  /** The hour's price before any cap. */
  listFen: number
  /** What it costs once the night and period caps took their share. */
  fen: number
}

/** Every billed hour of the stay, with what each costs after the caps. Empty within the free minutes. */
export function chargedHours(rule: FeeRule, enteredAt: number, leftAt: number): ChargedHour[] {
  const stay = Math.max(0, leftAt - enteredAt)
  if (stay <= rule.freeMinutes * MINUTE_MS) return []
  const count = Math.ceil(stay / HOUR_MS)
  const hours: ChargedHour[] = []
  const nightSpent = new Map<number, number>()
  for (let k = 0; k < count; k++) {
    const startsAt = enteredAt + k * HOUR_MS
    const night = nightOf(rule, startsAt)
    const listFen = night !== null && rule.night ? rule.night.perHourFen : k === 0 ? rule.firstHourFen : rule.perHourFen
    let fen = listFen
    if (night !== null && rule.night && rule.night.capFen !== null) {
      const spent = nightSpent.get(night) ?? 0
      fen = Math.min(listFen, Math.max(0, rule.night.capFen - spent))
      nightSpent.set(night, spent + fen)
    }
    hours.push({ startsAt, night: night !== null, listFen, fen })
  }
  const longStay = stay > DAY_MS
  const periodCap = minCap(rule.dailyCapFen, longStay ? rule.longStayCapFen : null)
  if (periodCap === null) return hours
  // Each 24-hour period from the entry is capped; hours are charged in order until the cap is met.
  const periodSpent = new Map<number, number>()
  for (const h of hours) {
    const period = Math.floor((h.startsAt - enteredAt) / DAY_MS)
    const spent = periodSpent.get(period) ?? 0
    h.fen = Math.min(h.fen, Math.max(0, periodCap - spent))
    periodSpent.set(period, spent + h.fen)
  }
  return hours
}

function minCap(a: number | null, b: number | null): number | null {
  if (a === null) return b
  return b === null ? a : Math.min(a, b)
}

/** The fee of a stay from `enteredAt` to `leftAt`, in fen. */
export function parkingFee(rule: FeeRule, enteredAt: number, leftAt: number): number {
  return chargedHours(rule, enteredAt, leftAt).reduce((n, h) => n + h.fen, 0)
}

/** What a session owes at `at`: its fee so far less what was paid on it already (never below 0). */
export function dueFen(rule: FeeRule, session: { enteredAt: number; paidFen: number }, at: number): number {
  return Math.max(0, parkingFee(rule, session.enteredAt, at) - session.paidFen)
}
