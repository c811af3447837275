import type { BillDoc, FeeItemDoc, LateFeeRule } from './docs'
import { monthsEndingWith, shanghaiInstant, shanghaiMonth } from '../../contracts/shanghai'

export const DAY_MS = 24 * 3600_000

/** Monthly fee for one household, rounded half up to the fen with integers only. */
export function monthlyAmountFen(item: FeeItemDoc, household: { areaCm2: number; parkingSpaces?: number }): number {
  if (item.kind === 'property') return Math.floor((household.areaCm2 * item.unitPriceFen + 50) / 100)
  if (item.kind === 'fixed') return item.unitPriceFen
  return (household.parkingSpaces ?? 0) * item.unitPriceFen
}

export function overdueDays(dueAt: number, now: number): number {
  return now <= dueAt ? 0 : Math.floor((now - dueAt) / DAY_MS)
}

/** Late fee accrued by `now`: per overdue day after the grace period, capped. */
export function lateFeeFen(bill: Pick<BillDoc, 'amountFen' | 'dueAt'>, rule: LateFeeRule | null, now: number): number {
  if (!rule) return 0
  const days = overdueDays(bill.dueAt, now) - rule.graceDays
  if (days <= 0) return 0
  const accrued = Math.floor((bill.amountFen * rule.bpPerDay * days) / 10_000)
  const cap = Math.floor((bill.amountFen * rule.capBp) / 10_000)
  return Math.min(accrued, cap)
}

/** `YYYY-MM` of an instant in Asia/Shanghai. */
export const periodOf = shanghaiMonth

/** The last millisecond of `day` in the billing month, Asia/Shanghai. */
export function dueAtOf(period: string, day: number): number {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return shanghaiInstant(y, m, day + 1) - 1
}

/** `count` billing months ending with `period`, oldest first. */
export function previousPeriods(period: string, count: number): string[] {
  return monthsEndingWith(period, count).reverse()
}

export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
}
