import type { PointKind, Rules } from '../../contracts/member'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { MemberAccountDoc, PointEntryDoc } from './docs'
import { COUNTED, type Draft, type Journal, type Recorded, record, settle } from './journal'
import { currentBucket, expiryOf, monthKey, rulesOf, standingOf } from './rules'

/**
 * The points ledger. Every entry is journaled against the member's account (journal.ts), so the
 * cached balance is always the sum of the applied entries, each source counts once, and a spend
 * applies only while `balance ≥ n` in the same single-document update.
 *
 * A refund claws back the points it earned even when they were already spent, so the balance
 * may go below zero; nothing can be spent until it is positive again. Points that already
 * expired are not clawed back (they are gone anyway).
 */
export function accountId(communityId: string, userId: string): string {
  return `${communityId}:${userId}`
}

const DEBITS: readonly PointKind[] = ['spend', 'expire']

export const POINTS: Journal<PointEntryDoc, MemberAccountDoc> = {
  log: 'pointEntries',
  target: 'memberAccounts',
  change(e) {
    const inc: Record<string, number> = { balance: e.delta, rev: 1 }
    if ((e.kind === 'earn' || e.kind === 'reverse') && e.bucket && e.month) {
      inc[`expiring.${e.bucket}`] = e.delta
      inc[`earned.${e.month}`] = e.delta
      if (e.spendFen) inc[`spend.${e.month}`] = e.spendFen
    } else if (e.kind !== 'earn' && e.kind !== 'reverse') {
      // spend/expire take points out (delta < 0), return gives them back (delta > 0).
      inc.debitTotal = -e.delta
    }
    const spec = { inc, set: { updatedAt: e.at } }
    return DEBITS.includes(e.kind) ? { spec, guard: { balance: { gte: -e.delta } } } : { spec }
  },
  feasible(account, e) {
    return !DEBITS.includes(e.kind) || account.balance >= -e.delta
  },
  refusable(e) {
    return DEBITS.includes(e.kind)
  }
}

export async function ensureAccount(ports: Ports, communityId: string, userId: string): Promise<void> {
  const now = ports.clock.now()
  const doc: MemberAccountDoc = {
    _id: accountId(communityId, userId),
    communityId,
    userId,
    balance: 0,
    debitTotal: 0,
    pastCredits: 0,
    expiring: {},
    spend: {},
    earned: {},
    level: (await rulesOf(ports, communityId)).levels[0]?.key ?? 'normal',
    rev: 0,
    j: {},
    createdAt: now,
    updatedAt: now
  }
  await ports.store.insert('memberAccounts', doc)
}

/** Records an entry, creating the account on first use. */
async function post(ports: Ports, draft: Draft<PointEntryDoc>): Promise<Recorded<PointEntryDoc>> {
  let res = await record(ports, POINTS, draft)
  if (!res.ok && res.reason === 'missing_target') {
    await ensureAccount(ports, draft.communityId, draft.userId)
    res = await record(ports, POINTS, draft)
  }
  if (res.ok && res.entry.target !== draft.target) {
    // A source is owned by one member: another member's entry under it is a caller bug.
    ports.log.error('points source reused across members', { source: draft._id, owner: res.entry.target, caller: draft.target })
    return { ok: false, reason: 'rejected' }
  }
  return res
}

export interface EarnInput {
  communityId: string
  userId: string
  /**
   * What earned the points, unique across the ledger: `pay:<outTradeNo>:<lineKey>` for payment
   * lines, `event:<grantId>`, `rating:<bookingId>`, `reward:<key>`. A second earn of one source
   * returns the first.
   */
  source: string
  points: number
  /** The money behind the points (paid bills and orders), counted toward levels. */
  spendFen?: number
  title: string
  ref: string
}

export type EarnOutcome = { status: 'earned' | 'duplicate'; entry: PointEntryDoc } | { status: 'refused' }

/**
 * `rules`: the community's, when the caller has them; `refresh: false` leaves the level to the
 * caller, who earns several at once and refreshes it once after.
 */
export async function earnPoints(ports: Ports, input: EarnInput, opts: { rules?: Rules; refresh?: boolean } = {}): Promise<EarnOutcome> {
  if (!Number.isInteger(input.points) || input.points < 0) throw new Error(`points must be a non-negative integer, got ${input.points}`)
  const at = ports.clock.now()
  const rules = opts.rules ?? (await rulesOf(ports, input.communityId))
  const { bucket, expiresAt } = expiryOf(at, rules.expiryMonths)
  const res = await post(ports, {
    _id: input.source,
    target: accountId(input.communityId, input.userId),
    communityId: input.communityId,
    userId: input.userId,
    kind: 'earn',
    delta: input.points,
    title: input.title,
    ref: input.ref,
    bucket,
    month: monthKey(at),
    spendFen: input.spendFen ?? 0,
    expiresAt,
    at
  })
  if (!res.ok) return { status: 'refused' }
  if (res.fresh && opts.refresh !== false) await refreshLevel(ports, input.communityId, input.userId, rules)
  return { status: res.fresh ? 'earned' : 'duplicate', entry: res.entry }
}

/**
 * A resident rated a completed service: the community's `ratingPoints`, once per booking
 * (`rating:<bookingId>`). For the booking feature; nothing is written when the rule gives 0.
 */
export async function earnRatingPoints(ports: Ports, input: { communityId: string; userId: string; bookingId: string; title: string }): Promise<EarnOutcome> {
  const points = (await rulesOf(ports, input.communityId)).ratingPoints
  if (points <= 0) return { status: 'refused' }
  return earnPoints(ports, { communityId: input.communityId, userId: input.userId, source: `rating:${input.bookingId}`, points, title: input.title, ref: input.bookingId })
}

/** The points still reversible on an earn: its amount less the reversals already applied. */
async function reversedSoFar(ports: Ports, earn: PointEntryDoc): Promise<{ points: number; spendFen: number }> {
  const prior = await ports.store.find('pointEntries', { where: { and: [{ of: earn._id, kind: 'reverse' }, COUNTED] }, limit: 1000 })
  return { points: -prior.reduce((n, e) => n + e.delta, 0), spendFen: -prior.reduce((n, e) => n + (e.spendFen ?? 0), 0) }
}

async function appliedEntry(ports: Ports, id: string): Promise<PointEntryDoc | null> {
  const e = await ports.store.get('pointEntries', id)
  if (!e) return null
  if (e.state === 'applied' || e.state === 'closed') return e
  if (e.state !== 'pending') return null
  const res = await settle(ports, POINTS, e)
  return res.ok ? res.entry : null
}

export interface ReverseInput {
  /** Unique per refund, e.g. `${earnSource}:refund:<outRefundNo>`. */
  source: string
  /** The money refunded now on what earned the points. */
  refundFen: number
  /** The money the earn was for, and how much of it has been refunded in all, this refund included. */
  totalFen: number
  refundedTotalFen: number
  title: string
}

export type ReverseOutcome = { status: 'reversed' | 'duplicate'; entry: PointEntryDoc } | { status: 'nothing' }

/**
 * Takes back the points an earn gave, in proportion to the money refunded (rounded down), and
 * everything left once the money is refunded in full. Idempotent per `source`.
 */
export async function reversePoints(ports: Ports, earnSource: string, input: ReverseInput): Promise<ReverseOutcome> {
  const earn = await appliedEntry(ports, earnSource)
  if (!earn || earn.kind !== 'earn') return { status: 'nothing' }
  const existing = await ports.store.get('pointEntries', input.source)
  if (existing && (existing.state === 'applied' || existing.state === 'closed')) return { status: 'duplicate', entry: existing }

  const now = ports.clock.now()
  const so = await reversedSoFar(ports, earn)
  const expired = earn.expiresAt !== undefined && earn.expiresAt < now
  const complete = input.refundedTotalFen >= input.totalFen
  const share = input.totalFen > 0 ? Math.floor((earn.delta * input.refundFen) / input.totalFen) : earn.delta
  const points = expired ? 0 : Math.max(0, Math.min(earn.delta - so.points, complete ? earn.delta : share))
  const spendFen = Math.max(0, Math.min((earn.spendFen ?? 0) - so.spendFen, input.refundFen))
  if (points === 0 && spendFen === 0) return { status: 'nothing' }
  const res = await post(ports, {
    _id: input.source,
    target: earn.target,
    communityId: earn.communityId,
    userId: earn.userId,
    kind: 'reverse',
    delta: points === 0 ? 0 : -points,
    title: input.title,
    ref: earn.ref,
    of: earn._id,
    bucket: earn.bucket,
    month: earn.month,
    spendFen: -spendFen,
    ...(earn.expiresAt !== undefined ? { expiresAt: earn.expiresAt } : {}),
    at: now
  })
  if (!res.ok) return { status: 'nothing' }
  if (res.fresh) await refreshLevel(ports, earn.communityId, earn.userId)
  return { status: res.fresh ? 'reversed' : 'duplicate', entry: res.entry }
}

export interface SpendInput {
  communityId: string
  userId: string
  /** Unique per spend, e.g. `checkout:<orderRef>`. */
  source: string
  points: number
  title: string
  ref: string
}

/** Spends points; refused (nothing written) when the balance is short, even under concurrency. */
export async function spendPoints(ports: Ports, input: SpendInput): Promise<Result<PointEntryDoc>> {
  if (!Number.isInteger(input.points) || input.points <= 0) throw new Error(`points to spend must be a positive integer, got ${input.points}`)
  const res = await post(ports, {
    _id: input.source,
    target: accountId(input.communityId, input.userId),
    communityId: input.communityId,
    userId: input.userId,
    kind: 'spend',
    delta: -input.points,
    title: input.title,
    ref: input.ref,
    at: ports.clock.now()
  })
  if (!res.ok) return fail('MEMBER.POINTS_INSUFFICIENT', '积分不足')
  return ok(res.entry)
}

/**
 * The points a spend currently keeps out of the balance: what it took if it applied (finishing
 * an interrupted one first), 0 if it never applied or was given back.
 */
export async function outstandingSpend(ports: Ports, spendSource: string): Promise<number> {
  const spend = await appliedEntry(ports, spendSource)
  if (!spend || spend.kind !== 'spend') return 0
  const back = await ports.store.get('pointEntries', `return:${spendSource}`)
  if (back && back.state !== 'void') {
    // A return recorded but not settled yet may still apply: settle it before deciding.
    if ((await appliedEntry(ports, back._id)) !== null) return 0
  }
  return -spend.delta
}

/** Gives back what a spend took (an order cancelled or refunded). Idempotent; nothing if it never applied. */
export async function returnPoints(ports: Ports, spendSource: string, title: string): Promise<PointEntryDoc | null> {
  const spend = await appliedEntry(ports, spendSource)
  if (!spend || spend.kind !== 'spend') return null
  const res = await post(ports, {
    _id: `return:${spendSource}`,
    target: spend.target,
    communityId: spend.communityId,
    userId: spend.userId,
    kind: 'return',
    delta: -spend.delta,
    title,
    ref: spend.ref,
    of: spend._id,
    at: ports.clock.now()
  })
  return res.ok ? res.entry : null
}

/** Points that expire at the end of the current month unless spent first (FIFO). */
export function expiringThisMonth(a: MemberAccountDoc, now: number): number {
  const upTo = currentBucket(now)
  const credits = a.pastCredits + Object.entries(a.expiring ?? {}).reduce((n, [k, v]) => (k <= upTo ? n + v : n), 0)
  return Math.max(0, Math.min(a.balance, credits - a.debitTotal))
}

/**
 * Expires what is left of the points whose month has ended, first in first out: the credits of
 * every ended bucket less everything debited so far (spends and earlier expiries, which always
 * use the oldest points first). One entry per account and month, so reruns change nothing;
 * ended buckets are then folded into `pastCredits` to keep the account small.
 */
export async function expireAccount(ports: Ports, a: MemberAccountDoc): Promise<number> {
  const now = ports.clock.now()
  const current = currentBucket(now)
  const ended = Object.entries(a.expiring ?? {}).filter(([k]) => k < current)
  const credits = a.pastCredits + ended.reduce((n, [, v]) => n + v, 0)
  const due = Math.max(0, Math.min(a.balance, credits - a.debitTotal))
  let expired = 0
  if (due > 0) {
    const res = await post(ports, {
      _id: `expire:${a._id}:${monthKey(now)}`,
      target: a._id,
      communityId: a.communityId,
      userId: a.userId,
      kind: 'expire',
      delta: -due,
      title: '积分到期',
      ref: a._id,
      at: now
    })
    if (res.ok && res.fresh) expired = due
  }
  if (ended.length > 0) {
    // Guarded by the values read, so a reversal landing in between is never folded away.
    const guard = Object.fromEntries(ended.map(([k, v]) => [`expiring.${k}`, v]))
    await ports.store.update(
      'memberAccounts',
      a._id,
      { inc: { pastCredits: ended.reduce((n, [, v]) => n + v, 0) }, unset: ended.map(([k]) => `expiring.${k}`) },
      guard
    )
  }
  return expired
}

type AccountFigures = Pick<MemberAccountDoc, 'balance' | 'debitTotal' | 'rev' | 'expiring' | 'spend' | 'earned'>
const FIGURE_MAPS = ['expiring', 'spend', 'earned'] as const
const FIGURE_NUMBERS = ['balance', 'debitTotal', 'rev'] as const

/**
 * The account once these entries applied on top of `before`, by the same increments the journal
 * applies (POINTS.change): what a read after them would show, had nothing else landed meanwhile.
 */
export function withEntries<A extends AccountFigures>(before: A, entries: readonly PointEntryDoc[]): A {
  const next: A = { ...before, expiring: { ...before.expiring }, spend: { ...before.spend }, earned: { ...before.earned } }
  for (const e of entries) {
    for (const [path, n] of Object.entries(POINTS.change(e).spec.inc ?? {})) {
      const [field, key] = path.split('.')
      const map = FIGURE_MAPS.find((m) => m === field)
      const number = FIGURE_NUMBERS.find((f) => f === field)
      if (map && key !== undefined) next[map][key] = (next[map][key] ?? 0) + n
      else if (number && key === undefined) next[number] += n
      else throw new Error(`points change touches ${path}, which withEntries does not follow`)
    }
  }
  return next
}

/**
 * Writes the level the account's rolling figures give, unless another entry landed meanwhile.
 * `known`: the account as the caller worked it out (withEntries), saving the read; if another
 * entry landed after all (its `rev` moved), the account is read and the level tried once more.
 */
export async function refreshLevel(ports: Ports, communityId: string, userId: string, rules?: Rules, known?: MemberAccountDoc): Promise<string | null> {
  const [a, r] = await Promise.all([known ?? ports.store.get('memberAccounts', accountId(communityId, userId)), rules ?? rulesOf(ports, communityId)])
  if (!a) return null
  const level = await writeLevel(ports, a, r)
  if (level === 'moved' && known) return refreshLevel(ports, communityId, userId, r)
  return level === 'moved' ? standingOf(r, a, ports.clock.now()).level.key : level
}

async function writeLevel(ports: Ports, a: MemberAccountDoc, rules: Rules): Promise<string | 'moved'> {
  const now = ports.clock.now()
  const { level } = standingOf(rules, a, now)
  // Month buckets older than the window (13 months kept) no longer count toward anything.
  const oldest = monthKey(now - 400 * 24 * 3600_000)
  const stale = [...Object.keys(a.spend ?? {}).map((k) => `spend.${k}`), ...Object.keys(a.earned ?? {}).map((k) => `earned.${k}`)].filter(
    (f) => f.split('.')[1]! < oldest
  )
  if (level.key === a.level && stale.length === 0) return a.level
  const written = await ports.store.update('memberAccounts', a._id, { set: { level: level.key }, ...(stale.length ? { unset: stale } : {}) }, { rev: a.rev })
  return written ? level.key : 'moved'
}
