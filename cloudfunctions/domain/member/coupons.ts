import { createHash } from 'node:crypto'
import { type CouponScope, type Segment, type TemplateDraft, type Validity, couponLabel } from '../../contracts/member'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { CheckoutItem, CouponBatchDoc, CouponClaimDoc, CouponDoc, CouponSource, CouponTemplateDoc } from './docs'
import { type Journal, record } from './journal'
import { rulesOf } from './rules'
import { householdsWithNeed } from '../insights/segment-query'

/**
 * Coupons. A template has its own stock: every coupon issued from it (claimed in the app or
 * issued by an operator to a segment) first reserves stock with a journaled, guarded `inc` on
 * the template (`issued ≤ totalStock − n`), so stock is never oversold; a crash between the
 * reservation and writing the coupon leaves a unit reserved, never a coupon without stock.
 *
 * A coupon is a small state machine, each step one conditional update:
 * `available → locked` (an unpaid order holds it) `→ used` (the order was paid), and back to
 * `available` on release (order cancelled or expired, lock timed out, order refunded), or to
 * `expired` when released after its end date. It is used at most once.
 */
const DAY = 24 * 3600_000

export const CLAIMS: Journal<CouponClaimDoc, CouponTemplateDoc> = {
  log: 'couponClaims',
  target: 'couponTemplates',
  change: (e) => ({
    spec: { inc: { issued: 1 }, set: { updatedAt: e.createdAt } },
    guard: { active: true, totalStock: e.stockAt, issued: { lte: e.stockAt - 1 } }
  }),
  feasible: (t) => t.active && t.issued < t.totalStock
}

export const BATCHES: Journal<CouponBatchDoc, CouponTemplateDoc> = {
  log: 'couponBatches',
  target: 'couponTemplates',
  change: (e) => ({
    spec: { inc: { issued: e.recipients.length }, set: { updatedAt: e.createdAt } },
    guard: { active: true, totalStock: e.stockAt, issued: { lte: e.stockAt - e.recipients.length } }
  }),
  feasible: (t, e) => t.active && t.issued + e.recipients.length <= t.totalStock
}

/** When a coupon issued now from this validity is usable. */
export function windowOf(v: Validity, now: number): { validFrom: number; validTo: number } {
  if (v.type === 'dates') return { validFrom: v.from, validTo: v.to }
  return { validFrom: now, validTo: now + v.days * DAY }
}

export async function createTemplate(ports: Ports, by: { userId: string; communityId: string }, draft: TemplateDraft, clientRequestId: string): Promise<CouponTemplateDoc> {
  const idempotencyKey = `${by.userId}:${clientRequestId}`
  const [existing] = await ports.store.find('couponTemplates', { where: { idempotencyKey }, limit: 1 })
  if (existing) return existing
  const now = ports.clock.now()
  const t: CouponTemplateDoc = {
    _id: `ct_${ports.random.id(9)}`,
    communityId: by.communityId,
    title: draft.title,
    kind: draft.kind,
    valueFen: draft.kind === 'percent' ? 0 : draft.valueFen,
    percentOff: draft.kind === 'percent' ? draft.percentOff : 0,
    capFen: draft.kind === 'percent' ? draft.capFen : 0,
    minSpendFen: draft.minSpendFen,
    scope: draft.scope,
    validity: draft.validity,
    totalStock: draft.totalStock,
    issued: 0,
    perUserLimit: draft.perUserLimit,
    claimable: draft.claimable,
    active: true,
    createdBy: by.userId,
    idempotencyKey,
    j: {},
    createdAt: now,
    updatedAt: now
  }
  const res = await ports.store.insert('couponTemplates', t)
  if (!res.ok) {
    const [winner] = await ports.store.find('couponTemplates', { where: { idempotencyKey }, limit: 1 })
    if (winner) return winner
    throw new Error('template insert failed')
  }
  return t
}

export async function updateTemplate(
  ports: Ports,
  t: CouponTemplateDoc,
  patch: { active?: boolean; claimable?: boolean; totalStock?: number }
): Promise<Result<CouponTemplateDoc>> {
  const set: Record<string, unknown> = { updatedAt: ports.clock.now() }
  if (patch.active !== undefined) set.active = patch.active
  if (patch.claimable !== undefined) set.claimable = patch.claimable
  if (patch.totalStock !== undefined) set.totalStock = patch.totalStock
  // Stock can shrink only down to what is already issued; the guard reads the live counter.
  const guard = patch.totalStock !== undefined ? { issued: { lte: patch.totalStock } } : undefined
  if (!(await ports.store.update('couponTemplates', t._id, { set }, guard))) {
    return fail('MEMBER.STOCK_BELOW_ISSUED', '库存不能少于已发放数量', [{ path: 'patch.totalStock', message: '库存不能少于已发放数量' }])
  }
  return ok((await ports.store.get('couponTemplates', t._id)) ?? t)
}

function couponFrom(t: CouponTemplateDoc, id: string, userId: string, source: CouponSource, now: number): CouponDoc {
  return {
    _id: id,
    templateId: t._id,
    communityId: t.communityId,
    userId,
    title: t.title,
    kind: t.kind,
    valueFen: t.valueFen,
    percentOff: t.percentOff,
    capFen: t.capFen,
    minSpendFen: t.minSpendFen,
    scope: t.scope,
    ...windowOf(t.validity, now),
    status: 'available',
    source,
    createdAt: now
  }
}

/** Writes a coupon once: a repeated id returns the coupon already there. */
async function put(ports: Ports, c: CouponDoc): Promise<{ coupon: CouponDoc; fresh: boolean }> {
  const res = await ports.store.insert('coupons', c)
  if (res.ok) return { coupon: c, fresh: true }
  const existing = await ports.store.get('coupons', c._id)
  if (!existing) throw new Error(`coupon ${c._id} vanished`)
  return { coupon: existing, fresh: false }
}

async function tellIssued(ports: Ports, c: CouponDoc): Promise<void> {
  await ports.notifier.notify({
    userId: c.userId,
    communityId: c.communityId,
    kind: 'member-coupon',
    title: '你收到一张优惠券',
    body: `「${c.title}」${couponLabel(c)}，已放入「我的优惠券」`,
    link: `/packages/member/pages/coupons/index?communityId=${encodeURIComponent(c.communityId)}`
  })
}

/**
 * A resident claims a coupon in 领券中心. The per-user limit is in the coupon ids themselves
 * (`${templateId}:${userId}:${n}`, n < limit), so a double tap claims once.
 */
export async function claimCoupon(ports: Ports, who: { userId: string; communityId: string }, templateId: string): Promise<Result<CouponDoc>> {
  const t = await ports.store.get('couponTemplates', templateId)
  if (!t || t.communityId !== who.communityId || !t.claimable) return fail('MEMBER.TEMPLATE_NOT_FOUND', '优惠券不存在')
  const now = ports.clock.now()
  if (!t.active || (t.validity.type === 'dates' && t.validity.to < now)) return fail('MEMBER.TEMPLATE_INACTIVE', '该优惠券已停止领取')
  const mine = await ports.store.count('coupons', { templateId, userId: who.userId })
  if (mine >= t.perUserLimit) return fail('MEMBER.COUPON_LIMIT', t.perUserLimit === 1 ? '你已领取过该券' : `每人限领 ${t.perUserLimit} 张`)
  const couponId = `${templateId}:${who.userId}:${mine}`
  const reserved = await record(ports, CLAIMS, {
    _id: `claim:${couponId}`,
    target: templateId,
    couponId,
    templateId,
    userId: who.userId,
    communityId: who.communityId,
    stockAt: t.totalStock
  })
  if (!reserved.ok) return fail('MEMBER.COUPON_SOLD_OUT', '来晚了，券已领完')
  const { coupon } = await put(ports, couponFrom(t, couponId, who.userId, { kind: 'claim', ref: reserved.entry._id }, now))
  return ok(coupon)
}

/** Active residents of the community in the segment, each once, in a stable order. */
export async function resolveSegment(ports: Ports, communityId: string, segment: Segment): Promise<string[]> {
  const memberships = await findAll(ports.store, 'memberships', { communityId, status: 'active' })
  let chosen = memberships
  if (segment.type === 'building') {
    const inBuilding = new Set(
      (await findAll(ports.store, 'households', { communityId, buildingId: segment.buildingId })).map((h) => h._id)
    )
    chosen = memberships.filter((m) => inBuilding.has(m.householdId))
  }
  if (segment.type === 'need') {
    const inNeed = await householdsWithNeed(ports, communityId, segment.need)
    chosen = memberships.filter((m) => inNeed.has(m.householdId))
  }
  const users = [...new Set(chosen.map((m) => m.userId))]
  if (segment.type === 'level') {
    const rules = await rulesOf(ports, communityId)
    const base = rules.levels[0]?.key
    const accounts = await findAll(ports.store, 'memberAccounts', { communityId })
    const levelOf = new Map(accounts.map((a) => [a.userId, a.level]))
    // Residents without an account yet hold the first level.
    return users.filter((u) => (levelOf.get(u) ?? base) === segment.level).sort()
  }
  return users.sort()
}

export const MAX_BATCH = 2000

/** The batch id of an operator's request: the same request reserves and issues once. */
export function batchIdOf(userId: string, clientRequestId: string): string {
  return `b${createHash('sha256').update(`${userId}:${clientRequestId}`).digest('hex').slice(0, 16)}`
}

/**
 * Issues a template to a segment: reserves stock for every recipient in one guarded update,
 * then writes one coupon per recipient (`${batchId}:${userId}`, so a rerun adds nothing). What
 * an interrupted call leaves unwritten, the sweep finishes.
 */
export async function issueBatch(
  ports: Ports,
  by: { userId: string; communityId: string },
  input: { templateId: string; segment: Segment; clientRequestId: string }
): Promise<Result<CouponBatchDoc>> {
  const batchId = batchIdOf(by.userId, input.clientRequestId)
  const prior = await ports.store.get('couponBatches', batchId)
  if (prior && (prior.state === 'applied' || prior.state === 'closed')) return ok(await continueBatch(ports, prior))
  const t = await ports.store.get('couponTemplates', input.templateId)
  if (!t || t.communityId !== by.communityId) return fail('MEMBER.TEMPLATE_NOT_FOUND', '优惠券模板不存在')
  if (!t.active) return fail('MEMBER.TEMPLATE_INACTIVE', '模板已下架，请先上架')
  const recipients = await resolveSegment(ports, by.communityId, input.segment)
  if (recipients.length === 0) return fail('MEMBER.SEGMENT_EMPTY', '该人群没有住户')
  if (recipients.length > MAX_BATCH) return fail('MEMBER.SEGMENT_TOO_LARGE', `一次最多发给 ${MAX_BATCH} 人，请缩小范围`)
  const res = await record(ports, BATCHES, {
    _id: batchId,
    target: t._id,
    communityId: by.communityId,
    templateId: t._id,
    segment: input.segment,
    recipients,
    stockAt: t.totalStock,
    issued: 0,
    done: false,
    createdBy: by.userId
  })
  if (!res.ok) return fail('MEMBER.COUPON_SOLD_OUT', `库存不足：剩余 ${Math.max(0, t.totalStock - t.issued)} 张，需要 ${recipients.length} 张`)
  return ok(await continueBatch(ports, res.entry))
}

/** Writes the batch's missing coupons (idempotent), in small parallel chunks. */
export async function continueBatch(ports: Ports, batch: CouponBatchDoc): Promise<CouponBatchDoc> {
  if (batch.done) return batch
  const t = await ports.store.get('couponTemplates', batch.templateId)
  if (!t) return batch
  const now = ports.clock.now()
  for (let i = 0; i < batch.recipients.length; i += 20) {
    const chunk = batch.recipients.slice(i, i + 20)
    await Promise.all(
      chunk.map(async (userId) => {
        const { coupon, fresh } = await put(ports, couponFrom(t, `${batch._id}:${userId}`, userId, { kind: 'batch', ref: batch._id }, now))
        if (fresh) await tellIssued(ports, coupon)
      })
    )
  }
  const issued = batch.recipients.length
  await ports.store.update('couponBatches', batch._id, { set: { issued, done: true } })
  return { ...batch, issued, done: true }
}

/** A coupon outside any template: an incentive voucher or an event reward. Idempotent on `key`. */
export async function issueVoucher(
  ports: Ports,
  input: { communityId: string; userId: string; key: string; title: string; valueFen: number; validDays: number; source: CouponSource }
): Promise<CouponDoc> {
  const now = ports.clock.now()
  const { coupon, fresh } = await put(ports, {
    _id: `v${createHash('sha256').update(input.key).digest('hex').slice(0, 20)}`,
    templateId: null,
    communityId: input.communityId,
    userId: input.userId,
    title: input.title,
    kind: 'fixed',
    valueFen: input.valueFen,
    percentOff: 0,
    capFen: 0,
    minSpendFen: 0,
    scope: { type: 'all', value: '', label: '' },
    validFrom: now,
    validTo: now + input.validDays * DAY,
    status: 'available',
    source: input.source,
    createdAt: now
  })
  if (fresh) await tellIssued(ports, coupon)
  return coupon
}

// ── Checkout: evaluating, locking, consuming, releasing ─────────────────────────────────────

export function inScope(scope: CouponScope, item: CheckoutItem): boolean {
  if (scope.type === 'all') return true
  if (scope.type === 'category') return item.category === scope.value
  if (scope.type === 'product') return item.productId === scope.value
  return item.serviceId === scope.value
}

export type Evaluation = { usable: true; discountFen: number } | { usable: false; reason: string; discountFen: 0 }

/**
 * What a coupon takes off these items after the level discount (`discountBp`): only the lines in
 * its scope count, toward the threshold and the discount alike. Never more than those lines cost.
 * `holder`: an order re-quoting a coupon it already holds.
 */
export function evaluateCoupon(c: CouponDoc, items: readonly CheckoutItem[], discountBp: number, now: number, holder?: string): Evaluation {
  const no = (reason: string): Evaluation => ({ usable: false, reason, discountFen: 0 })
  const held = holder !== undefined && c.holder === holder && c.status === 'locked'
  if (c.status === 'used') return no('已使用')
  if (c.status === 'locked' && !held) return no('已被其他待支付订单占用')
  if (c.status === 'void') return no('已作废')
  if (c.status === 'expired' || c.validTo < now) return no('已过期')
  if (c.validFrom > now) return no('未到使用时间')
  const raw = items.filter((i) => inScope(c.scope, i)).reduce((n, i) => n + i.amountFen, 0)
  if (raw === 0) return no('不适用于所选商品')
  const eligible = raw - Math.floor((raw * discountBp) / 10_000)
  if (eligible < c.minSpendFen) return no(`满 ${(c.minSpendFen / 100).toFixed(2).replace(/\.00$/, '')} 元可用`)
  let off = c.kind === 'percent' ? Math.floor((eligible * c.percentOff) / 100) : c.valueFen
  if (c.kind === 'percent' && c.capFen > 0) off = Math.min(off, c.capFen)
  return { usable: true, discountFen: Math.min(off, eligible) }
}

/** Holds a coupon for an unpaid order. Idempotent for the same order. */
export async function lockCoupon(
  ports: Ports,
  input: { couponId: string; userId: string; orderRef: string; holdUntil: number }
): Promise<Result<CouponDoc>> {
  const now = ports.clock.now()
  const locked = await ports.store.update(
    'coupons',
    input.couponId,
    { set: { status: 'locked', holder: input.orderRef, lockedAt: now, holdUntil: input.holdUntil } },
    { status: 'available', userId: input.userId, validFrom: { lte: now }, validTo: { gte: now } }
  )
  const c = await ports.store.get('coupons', input.couponId)
  if (!c || c.userId !== input.userId) return fail('MEMBER.COUPON_NOT_FOUND', '优惠券不存在')
  if (locked || ((c.status === 'locked' || c.status === 'used') && c.holder === input.orderRef)) return ok(c)
  return fail('MEMBER.COUPON_UNUSABLE', c.status === 'available' ? '优惠券不在有效期内' : '优惠券已被使用或占用')
}

export type ConsumeOutcome = 'consumed' | 'already' | 'conflict' | 'missing'

/**
 * The order was paid: its coupon is used. A lock that timed out meanwhile (a very late payment)
 * is taken again if the coupon is still free; if another order used it, the discount already
 * given stands and the conflict is logged for the operator.
 */
export async function consumeCoupon(ports: Ports, couponId: string, orderRef: string): Promise<ConsumeOutcome> {
  const now = ports.clock.now()
  if (await ports.store.update('coupons', couponId, { set: { status: 'used', usedAt: now } }, { status: 'locked', holder: orderRef })) return 'consumed'
  const c = await ports.store.get('coupons', couponId)
  if (!c) return 'missing'
  if (c.status === 'used' && c.holder === orderRef) return 'already'
  if (await ports.store.update('coupons', couponId, { set: { status: 'used', holder: orderRef, usedAt: now } }, { status: { in: ['available', 'expired'] } })) {
    return 'consumed'
  }
  ports.log.warn('coupon used by two orders', { couponId, orderRef, holder: c.holder ?? null })
  return 'conflict'
}

export type ReleaseReason = 'cancelled' | 'expired' | 'refunded' | 'lock_timeout'

/**
 * Gives the coupon back after the order was cancelled, expired unpaid or refunded: available
 * again, or expired if its end date passed meanwhile. Only the holding order can release it.
 */
export async function releaseCoupon(ports: Ports, couponId: string, orderRef: string, reason: ReleaseReason): Promise<boolean> {
  const c = await ports.store.get('coupons', couponId)
  if (!c || c.holder !== orderRef || (c.status !== 'locked' && c.status !== 'used')) return false
  const now = ports.clock.now()
  const status = c.validTo < now ? 'expired' : 'available'
  const released = await ports.store.update(
    'coupons',
    couponId,
    { set: { status }, unset: ['holder', 'lockedAt', 'holdUntil', 'usedAt'] },
    { status: c.status, holder: orderRef }
  )
  if (released) ports.log.info('coupon released', { couponId, orderRef, reason, status })
  return released
}

/** The sweep: locks whose order window ended (plus a margin) are released. */
export async function releaseStaleLocks(ports: Ports): Promise<number> {
  const now = ports.clock.now()
  const stale = await ports.store.find('coupons', { where: { status: 'locked', holdUntil: { lt: now - 10 * 60_000 } }, limit: 500 })
  let n = 0
  for (const c of stale) if (c.holder && (await releaseCoupon(ports, c._id, c.holder, 'lock_timeout'))) n++
  return n
}

/** Daily: available coupons past their end date become expired (views already show them so). */
export async function expireCoupons(ports: Ports): Promise<number> {
  const now = ports.clock.now()
  let n = 0
  for (;;) {
    const due = await ports.store.find('coupons', { where: { status: 'available', validTo: { lt: now } }, limit: 500 })
    for (const c of due) if (await ports.store.update('coupons', c._id, { set: { status: 'expired' } }, { status: 'available', validTo: { lt: now } })) n++
    if (due.length < 500) return n
  }
}
