import type { LevelRule, Rules } from '../../contracts/member'
import type { Ports } from '../../kernel/ports'
import type { MemberAccountDoc } from './docs'
import { recentMonths, shanghaiInstant, shanghaiWall } from '../../contracts/shanghai'

/**
 * The points and levels rule of a community, and the calendar arithmetic both rely on. Months
 * are Asia/Shanghai calendar months (UTC+8, no DST).
 *
 * - Earning: bills earn `billPointsPerYuan` per whole yuan paid, every other payable kind
 *   `orderPointsPerYuan`; event attendance and feedback earn what the event offers; a service
 *   rating earns `ratingPoints`.
 * - Spending: `pointsPerYuan` points make ¥1, and points pay at most `maxRedeemPercent` of an order.
 * - Expiry: points expire at the end of the month `expiryMonths` months after the month they were
 *   earned, first in first out (spending uses the oldest points first).
 * - Levels: a member holds the highest level whose 12-month spend OR 12-month points threshold
 *   they reach, over the current month and the 11 before it (spend and points net of refunds).
 *   Recomputed on every earn or reversal and nightly, so a level lapses as old months roll off.
 */
export const DEFAULT_RULES: Rules = {
  billPointsPerYuan: 1,
  orderPointsPerYuan: 1,
  ratingPoints: 20,
  pointsPerYuan: 100,
  maxRedeemPercent: 20,
  expiryMonths: 12,
  cardUseValueFen: 3000,
  levels: [
    { key: 'normal', name: '普通会员', minSpendFen: 0, minPoints: 0, benefits: { discountBp: 0, freeDelivery: false, priorityBooking: false } },
    { key: 'silver', name: '银卡会员', minSpendFen: 200_000, minPoints: 2000, benefits: { discountBp: 200, freeDelivery: false, priorityBooking: false } },
    { key: 'gold', name: '金卡会员', minSpendFen: 600_000, minPoints: 6000, benefits: { discountBp: 500, freeDelivery: true, priorityBooking: false } },
    { key: 'platinum', name: '铂金会员', minSpendFen: 1_500_000, minPoints: 15_000, benefits: { discountBp: 800, freeDelivery: true, priorityBooking: true } }
  ]
}

export async function rulesOf(ports: Ports, communityId: string): Promise<Rules> {
  const doc = await ports.store.get('memberRules', communityId)
  if (!doc) return DEFAULT_RULES
  const { _id: _c, updatedAt: _u, updatedBy: _b, ...rules } = doc
  return rules
}

/** `{ y, m }` (m 1-12) of an instant in Asia/Shanghai. */
export function ym(ms: number): { y: number; m: number } {
  const d = shanghaiWall(ms)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 }
}

function key(prefix: string, y: number, m: number): string {
  return `${prefix}${y}${String(m).padStart(2, '0')}`
}

function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n
  return { y: Math.floor(idx / 12), m: (idx % 12) + 1 }
}

/** The first instant of month (y, m) in Asia/Shanghai. */
export function monthStart(y: number, m: number): number {
  return shanghaiInstant(y, m, 1)
}

/** `mYYYYMM`: the month an instant counts in for rolling figures. */
export function monthKey(ms: number): string {
  const { y, m } = ym(ms)
  return key('m', y, m)
}

/** The expiry bucket and instant of points earned at `ms`: the end of the month `months` later. */
export function expiryOf(ms: number, months: number): { bucket: string; expiresAt: number } {
  const { y, m } = ym(ms)
  const e = addMonths(y, m, months)
  const next = addMonths(e.y, e.m, 1)
  return { bucket: key('e', e.y, e.m), expiresAt: monthStart(next.y, next.m) - 1 }
}

/** The bucket that expires at the end of the current month. */
export function currentBucket(ms: number): string {
  const { y, m } = ym(ms)
  return key('e', y, m)
}

/** The last day of the current month, for showing when the current bucket expires. */
export function endOfMonth(ms: number): number {
  const { y, m } = ym(ms)
  const next = addMonths(y, m, 1)
  return monthStart(next.y, next.m) - 1
}

/** The month keys of the rolling 12-month window ending with the month of `ms`. */
export function rollingMonths(ms: number): string[] {
  return recentMonths(ms, 12).map((month) => `m${month.replace('-', '')}`)
}

export interface Standing {
  spend12Fen: number
  points12: number
  level: LevelRule
  index: number
  next: LevelRule | null
}

function sum(map: Record<string, number> | undefined, keys: readonly string[]): number {
  return keys.reduce((n, k) => n + (map?.[k] ?? 0), 0)
}

/** The level an account holds now: the highest whose spend or points threshold it reaches. */
export function standingOf(rules: Rules, account: Pick<MemberAccountDoc, 'spend' | 'earned'> | null, now: number): Standing {
  const months = rollingMonths(now)
  const spend12Fen = Math.max(0, sum(account?.spend, months))
  const points12 = Math.max(0, sum(account?.earned, months))
  let index = 0
  rules.levels.forEach((l, i) => {
    if (i === 0 || spend12Fen >= l.minSpendFen || points12 >= l.minPoints) index = i
  })
  const level = rules.levels[index] ?? rules.levels[0]!
  return { spend12Fen, points12, level, index, next: rules.levels[index + 1] ?? null }
}

/** Whole fen that `points` are worth at checkout. */
export function pointsValueFen(rules: Rules, points: number): number {
  return Math.floor((points * 100) / rules.pointsPerYuan)
}

/** The fewest points worth `fen`. */
export function pointsFor(rules: Rules, fen: number): number {
  return Math.ceil((fen * rules.pointsPerYuan) / 100)
}
