import { type CommissionMode, MIN_PAYOUT_FEN } from '../../contracts/selling-labels'
import { shanghaiInstant } from '../../contracts/shanghai'
import { REAL_NAME_FROM_FEN } from '../../kernel/transfer-gateway'

/**
 * Commission arithmetic, pure and in whole fen. Rounding rule (documented for operators and
 * recomputed by the bench): accruals and each refund's reversal are floored; the fen a floor
 * leaves behind is taken back once at statement build when the order is refunded in full, so a
 * fully refunded order nets exactly 0. Partial refunds may differ from floor(C×R/P) by ≤ n−1 fen.
 */

export interface RuleTerms {
  mode: CommissionMode
  bp: number
  fixedFen: number
}

/** Commission on an order paid `paidFen`: a percent floored, or the fixed amount capped at what was paid. */
export function accrualFen(rule: RuleTerms, paidFen: number): number {
  if (paidFen <= 0) return 0
  return rule.mode === 'percent' ? Math.floor((paidFen * rule.bp) / 10_000) : Math.min(rule.fixedFen, paidFen)
}

/**
 * The (negative) reversal of one refund of `refundFen` out of `baseFen` paid, on commission
 * `accruedFen`. Written `0 − x`: `−x` gives −0 for a nothing, which compares unequal in tests and JSON.
 */
export function reversalFen(accruedFen: number, baseFen: number, refundFen: number): number {
  if (accruedFen <= 0 || baseFen <= 0 || refundFen <= 0) return 0
  return 0 - Math.floor((accruedFen * Math.min(refundFen, baseFen)) / baseFen)
}

/** The last correction of a fully refunded order: whatever makes accrual + reversals net to 0. */
export function remainderFen(accruedFen: number, reversedFen: readonly number[]): number {
  const net = accruedFen + reversedFen.reduce((n, r) => n + r, 0)
  return 0 - net
}

export interface Settlement {
  totalFen: number
  payableFen: number
  carryOutFen: number
}

/**
 * What a statement pays out of its total: nothing below zero or under ¥1, and at most one fen
 * under ¥2,000 (WeChat Pay wants the payee's real name from there, which we do not keep); the
 * rest carries forward to next month's statement.
 */
export function settle(totalFen: number): Settlement {
  const payableFen = totalFen >= MIN_PAYOUT_FEN ? Math.min(totalFen, REAL_NAME_FROM_FEN - 1) : 0
  return { totalFen, payableFen, carryOutFen: totalFen - payableFen }
}

/** A percentage with at most two decimals as basis points (8.25 → 825), exact for decimal input. */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100)
}

/** `2026-11` → [start, end) instants of that Shanghai month. */
export function monthRange(month: string): { from: number; to: number } {
  const [y = 0, m = 1] = month.split('-').map(Number)
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 }
  return { from: shanghaiInstant(y, m, 1), to: shanghaiInstant(next.y, next.m, 1) }
}

