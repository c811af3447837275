import { put } from '../../kernel/put'
import type { memberContracts } from '../../contracts/member'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, findAll, getMany, timeCursorOf } from '../../kernel/paging'
import { type Result, fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import { presaleItems } from '../order/line'
import { bookingPreviewItems } from '../booking/pricing'
import { householdLabels } from '../user/labels'
import { issueReward as grantReward, createBudget as newBudget } from './budgets'
import { transferCard as moveCard } from './cards'
import { quoteDiscount } from './checkout'
import { claimCoupon as claim, createTemplate as newTemplate, evaluateCoupon, issueBatch, resolveSegment, updateTemplate as patchTemplate } from './coupons'
import type { CheckoutItem, MemberAccountDoc, MemberRulesDoc, ServiceCardDoc } from './docs'
import { COUNTED } from './journal'
import { accountId, expiringThisMonth } from './points'
import { endOfMonth, rulesOf, standingOf } from './rules'
import { budgetView, cardView, couponView, templateView, validityLabel } from './views'
import { type Purchase, incentiveText } from '../../contracts/member'

type C = typeof memberContracts


async function account(ports: Parameters<ActionHandler<C['card']>>[0]['ports'], actor: CommunityActor): Promise<MemberAccountDoc | null> {
  return ports.store.get('memberAccounts', accountId(actor.communityId, actor.user._id))
}

export const card: ActionHandler<C['card']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const [rules, a] = await Promise.all([rulesOf(ports, communityId), account(ports, actor)])
  const s = standingOf(rules, a, now)
  const ratio = (have: number, need: number) => (need > 0 ? Math.min(1, have / need) : 1)
  const expiring = a ? expiringThisMonth(a, now) : 0
  const [coupons, cards] = await Promise.all([
    ports.store.count('coupons', { userId: actor.user._id, communityId, status: 'available', validTo: { gte: now } }),
    ports.store.count('serviceCards', { ownerUserId: actor.user._id, communityId, status: 'active', usesLeft: { gte: 1 }, validTo: { gte: now } })
  ])
  return ok({
    level: s.level,
    next: s.next
      ? {
          name: s.next.name,
          spendGapFen: Math.max(0, s.next.minSpendFen - s.spend12Fen),
          pointsGap: Math.max(0, s.next.minPoints - s.points12),
          progress: Math.max(ratio(s.spend12Fen, s.next.minSpendFen), ratio(s.points12, s.next.minPoints))
        }
      : null,
    levels: rules.levels,
    balance: a?.balance ?? 0,
    spend12Fen: s.spend12Fen,
    points12: s.points12,
    expiring: expiring > 0 ? { points: expiring, at: endOfMonth(now) } : null,
    coupons,
    cards,
    pointsPerYuan: rules.pointsPerYuan,
    expiryMonths: rules.expiryMonths
  })
}

const PAGE = 30

export const points: ActionHandler<C['points']> = async ({ ports, actor }, input) => {
  const target = accountId(actor.communityId, actor.user._id)
  const clauses: Filter[] = [{ target }, COUNTED]
  if (input.cursor) {
    const after = afterTimeCursor(input.cursor, 'at', 'desc')
    if (!after) return fail('REQUEST.INVALID_INPUT', '分页参数无效', [{ path: 'cursor', message: '无效' }])
    clauses.push(after)
  }
  const [a, entries] = await Promise.all([
    account(ports, actor),
    ports.store.find('pointEntries', {
      where: { and: clauses },
      orderBy: [
        { field: 'at', dir: 'desc' },
        { field: '_id', dir: 'desc' }
      ],
      limit: PAGE
    })
  ])
  return ok({
    balance: a?.balance ?? 0,
    entries: entries.map((e) => ({ id: e._id, kind: e.kind, delta: e.delta, title: e.title, at: e.at, expiresAt: e.kind === 'earn' ? (e.expiresAt ?? null) : null })),
    cursor: timeCursorOf(entries, PAGE, (e) => e.at)
  })
}

export const coupons: ActionHandler<C['coupons']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const mine: Filter = { userId: actor.user._id, communityId }
  const byStatus: Filter =
    input.status === 'usable'
      ? { status: { in: ['available', 'locked'] }, validTo: { gte: now } }
      : input.status === 'used'
        ? { status: 'used' }
        : { or: [{ status: 'expired' }, { status: 'available', validTo: { lt: now } }] }
  const list = await ports.store.find('coupons', { where: { and: [mine, byStatus] }, orderBy: [{ field: 'validTo', dir: input.status === 'usable' ? 'asc' : 'desc' }], limit: 200 })
  const templates = await ports.store.find('couponTemplates', {
    where: { communityId, active: true, claimable: true },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 50
  })
  const open = templates.filter((t) => t.validity.type === 'days' || t.validity.to >= now)
  const claimable = await Promise.all(
    open.map(async (t) => ({
      templateId: t._id,
      title: t.title,
      label: templateView(t, 0).label,
      scopeLabel: templateView(t, 0).scopeLabel,
      validityLabel: validityLabel(t.validity),
      left: Math.max(0, t.totalStock - t.issued),
      claimed: await ports.store.count('coupons', { templateId: t._id, userId: actor.user._id }),
      limit: t.perUserLimit
    }))
  )
  return ok({ coupons: list.map((c) => couponView(c, now)), claimable })
}

export const claimCoupon: ActionHandler<C['claimCoupon']> = async ({ ports, actor }, input) => {
  const res = await claim(ports, { userId: actor.user._id, communityId: actor.communityId }, input.templateId)
  if (!res.ok) return res
  return ok({ coupon: couponView(res.value, ports.clock.now()) })
}

export const cards: ActionHandler<C['cards']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  // The household's cards, whoever holds them, and any the user holds elsewhere in the community.
  const [ofHouseholds, held] = await Promise.all([
    actor.householdIds.length ? ports.store.find('serviceCards', { where: { householdId: { in: actor.householdIds } }, limit: 200 }) : [],
    ports.store.find('serviceCards', { where: { ownerUserId: actor.user._id, communityId }, limit: 200 })
  ])
  const all = [...new Map([...ofHouseholds, ...held].map((c) => [c._id, c])).values()]
  const memberships = actor.householdIds.length
    ? await ports.store.find('memberships', { where: { householdId: { in: actor.householdIds }, status: 'active' }, limit: 200 })
    : []
  const users = await getMany(ports.store, 'users', [...all.map((c) => c.ownerUserId), ...memberships.map((m) => m.userId)])
  const label = await householdLabels(ports, [...new Set(all.map((c) => c.householdId))])
  const rank = (c: ServiceCardDoc) => (c.ownerUserId === actor.user._id ? 0 : 1) + (c.status === 'active' && c.usesLeft > 0 && c.validTo >= now ? 0 : 2)
  const views = all
    .sort((x, y) => rank(x) - rank(y) || x.validTo - y.validTo)
    .map((c) =>
      cardView(c, now, { householdLabel: label.get(c.householdId) ?? '', ownerName: users.get(c.ownerUserId)?.nickname ?? '', mine: c.ownerUserId === actor.user._id })
    )
  return ok({
    cards: views,
    members: memberships
      .filter((m) => m.userId !== actor.user._id)
      .map((m) => ({ householdId: m.householdId, userId: m.userId, nickname: users.get(m.userId)?.nickname ?? '', relation: m.relation }))
  })
}

export const transferCard: ActionHandler<C['transferCard']> = async ({ ports, actor }, input) => {
  const res = await moveCard(ports, { userId: actor.user._id, householdIds: actor.householdIds }, input.cardId, input.toUserId)
  if (!res.ok) return res
  const c = res.value
  const [label, to] = await Promise.all([householdLabels(ports, [c.householdId]), ports.store.get('users', c.ownerUserId)])
  return ok(cardView(c, ports.clock.now(), { householdLabel: label.get(c.householdId) ?? '', ownerName: to?.nickname ?? '', mine: false }))
}

/**
 * What is being bought, turned into the items its create prices (by the create's own code), so
 * the preview cannot disagree with the order. Unknown or other communities' ids are field errors.
 */
async function purchaseItems(ports: Parameters<ActionHandler<C['card']>>[0]['ports'], actor: CommunityActor, purchase: Purchase): Promise<Result<CheckoutItem[]>> {
  switch (purchase.kind) {
    case 'presale':
      return presaleItems(ports, actor.communityId, purchase, 'purchase')
    case 'booking':
      return bookingPreviewItems(ports, actor.communityId, purchase.lineId, 'purchase')
  }
}

export const checkoutOptions: ActionHandler<C['checkoutOptions']> = async ({ ports, actor }, input) => {
  const buyer = { userId: actor.user._id, communityId: actor.communityId }
  const now = ports.clock.now()
  // What is bought, the rules and the wallet's coupons do not depend on each other: read together.
  const [priced, rules, list] = await Promise.all([
    purchaseItems(ports, actor, input.purchase),
    rulesOf(ports, buyer.communityId),
    ports.store.find('coupons', {
      where: { userId: buyer.userId, communityId: buyer.communityId, status: 'available', validTo: { gte: now } },
      orderBy: [{ field: 'validTo', dir: 'asc' }],
      limit: 200
    })
  ])
  if (!priced.ok) return priced
  const items = priced.value
  const quote = await quoteDiscount(ports, buyer, { items, couponId: input.couponId, points: input.usePoints ? 'max' : 0 })
  if (!quote.ok) return quote
  const q = quote.value
  const discountBp = rules.levels.find((l) => l.key === q.level.key)?.benefits.discountBp ?? 0
  const rows = list
    .map((c) => {
      const ev = evaluateCoupon(c, items, discountBp, now)
      return { coupon: couponView(c, now), usable: ev.usable, reason: ev.usable ? null : ev.reason, discountFen: ev.discountFen }
    })
    .sort((x, y) => Number(y.usable) - Number(x.usable) || y.discountFen - x.discountFen)
  return ok({
    quote: {
      subtotalFen: q.subtotalFen,
      levelName: q.level.name,
      levelDiscountFen: q.levelDiscountFen,
      couponId: q.couponId,
      couponDiscountFen: q.couponDiscountFen,
      pointsUsed: q.pointsUsed,
      pointsDiscountFen: q.pointsDiscountFen,
      payableFen: q.payableFen,
      freeDelivery: q.freeDelivery,
      priorityBooking: q.priorityBooking
    },
    coupons: rows,
    points: { balance: q.balance, maxUsable: q.maxPoints, maxDiscountFen: q.maxPointsFen, pointsPerYuan: rules.pointsPerYuan }
  })
}

// ── Operator ───────────────────────────────────────────────────────────────────────────────

async function usedCount(ports: Parameters<ActionHandler<C['card']>>[0]['ports'], templateId: string): Promise<number> {
  return ports.store.count('coupons', { templateId, status: 'used' })
}

export const templates: ActionHandler<C['templates']> = async ({ ports, actor }) => {
  const list = await ports.store.find('couponTemplates', {
    where: { communityId: actor.communityId },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 200
  })
  return ok({ templates: await Promise.all(list.map(async (t) => templateView(t, await usedCount(ports, t._id)))) })
}

export const createTemplate: ActionHandler<C['createTemplate']> = async ({ ports, actor }, input) => {
  const t = await newTemplate(ports, { userId: actor.user._id, communityId: actor.communityId }, input.template, input.clientRequestId)
  return ok(templateView(t, await usedCount(ports, t._id)))
}

export const updateTemplate: ActionHandler<C['updateTemplate']> = async ({ ports, actor }, input) => {
  const t = await ports.store.get('couponTemplates', input.id)
  if (!t || t.communityId !== actor.communityId) return fail('MEMBER.TEMPLATE_NOT_FOUND', '优惠券模板不存在')
  const res = await patchTemplate(ports, t, input.patch)
  if (!res.ok) return res
  return ok(templateView(res.value, await usedCount(ports, t._id)))
}

export const previewSegment: ActionHandler<C['previewSegment']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [recipients, rules, buildings] = await Promise.all([
    resolveSegment(ports, communityId, input.segment),
    rulesOf(ports, communityId),
    ports.store.find('buildings', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 200 })
  ])
  return ok({
    recipients: recipients.length,
    levels: rules.levels.map((l) => ({ key: l.key, name: l.name })),
    buildings: buildings.map((b) => ({ id: b._id, name: b.name }))
  })
}

export const issueCoupons: ActionHandler<C['issueCoupons']> = async ({ ports, actor }, input) => {
  const res = await issueBatch(ports, { userId: actor.user._id, communityId: actor.communityId }, input)
  if (!res.ok) return res
  return ok({ batchId: res.value._id, recipients: res.value.recipients.length, issued: res.value.issued })
}

export const rules: ActionHandler<C['rules']> = async ({ ports, actor }) => ok(await rulesOf(ports, actor.communityId))

export const saveRules: ActionHandler<C['saveRules']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const doc: MemberRulesDoc = { _id: communityId, ...input.rules, updatedAt: ports.clock.now(), updatedBy: actor.user._id }
  await put(ports.store, 'memberRules', doc)
  return ok(await rulesOf(ports, communityId))
}

export const budgets: ActionHandler<C['budgets']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const [list, events] = await Promise.all([
    ports.store.find('budgets', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 100 }),
    ports.store.find('events', {
      where: { communityId, startAt: { gte: now - 60 * 24 * 3600_000, lte: now + 60 * 24 * 3600_000 } },
      orderBy: [{ field: 'startAt', dir: 'desc' }],
      limit: 100
    })
  ])
  return ok({ budgets: list.map(budgetView), events: events.map((e) => ({ id: e._id, title: e.title, startAt: e.startAt })) })
}

export const createBudget: ActionHandler<C['createBudget']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const b = input.budget
  if (b.kind === 'event') {
    const field = [{ path: 'budget.eventId', message: '请选择活动' }]
    if (!b.eventId) return fail('REQUEST.INVALID_INPUT', '活动预算需要选择活动', field)
    const ev = await ports.store.get('events', b.eventId)
    if (!ev || ev.communityId !== communityId) return fail('REQUEST.INVALID_INPUT', '活动不存在', [{ path: 'budget.eventId', message: '活动不存在' }])
    const [other] = await ports.store.find('budgets', { where: { eventId: b.eventId }, limit: 1 })
    if (other && other.idempotencyKey !== `${actor.user._id}:${input.clientRequestId}`) {
      return fail('REQUEST.INVALID_INPUT', '该活动已有预算', [{ path: 'budget.eventId', message: '该活动已有预算' }])
    }
  }
  return ok(budgetView(await newBudget(ports, { userId: actor.user._id, communityId }, b, input.clientRequestId)))
}

export const budget: ActionHandler<C['budget']> = async ({ ports, actor }, input) => {
  const b = await ports.store.get('budgets', input.budgetId)
  if (!b || b.communityId !== actor.communityId) return fail('MEMBER.BUDGET_NOT_FOUND', '预算不存在')
  const rewards = (await ports.store.find('rewards', { where: { budgetId: b._id }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 200 })).filter(
    (r) => r.state === 'applied' || r.state === 'closed'
  )
  const users = await getMany(ports.store, 'users', [...rewards.map((r) => r.userId), ...rewards.map((r) => r.issuedBy)])
  const label = await householdLabels(ports, [...new Set(rewards.map((r) => r.householdId))])
  return ok({
    budget: budgetView(b),
    rewards: rewards.map((r) => {
      return {
        id: r._id,
        recipientName: users.get(r.userId)?.nickname ?? '',
        householdLabel: label.get(r.householdId) ?? '',
        text: incentiveText(r.incentive),
        costFen: r.costFen,
        issuedBy: r.issuedBy === 'system' ? '活动自动发放' : (users.get(r.issuedBy)?.nickname ?? ''),
        at: r.at
      }
    })
  })
}

export const issueReward: ActionHandler<C['issueReward']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const b = await ports.store.get('budgets', input.budgetId)
  if (!b || b.communityId !== communityId) return fail('MEMBER.BUDGET_NOT_FOUND', '预算不存在')
  const res = await grantReward(ports, {
    budgetId: b._id,
    communityId,
    userId: input.userId,
    ...(input.householdId ? { householdId: input.householdId } : {}),
    incentive: input.reward,
    key: `staff:${actor.user._id}:${input.clientRequestId}`,
    issuedBy: actor.user._id,
    title: b.title
  })
  if (!res.ok) return res
  return ok({ budget: budgetView(res.value.budget), text: res.value.text })
}

export const findResidents: ActionHandler<C['findResidents']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const q = input.query.replace(/\s+/g, '')
  const memberships = await findAll(ports.store, 'memberships', { communityId, status: 'active' })
  const [users, label] = await Promise.all([getMany(ports.store, 'users', memberships.map((m) => m.userId)), householdLabels(ports, [...new Set(memberships.map((m) => m.householdId))])])
  const rows = memberships.flatMap((m) => {
    const u = users.get(m.userId)
    if (!u) return []
    const where = label.get(m.householdId) ?? ''
    const hit = where.replace(/\s+/g, '').includes(q) || u.nickname.includes(q) || (/^\d{4}$/.test(q) && (u.phone ?? '').endsWith(q))
    return hit ? [{ userId: u._id, nickname: u.nickname, householdId: m.householdId, householdLabel: where, relation: m.relation, phoneTail: u.phone ? u.phone.slice(-4) : null }] : []
  })
  return ok({ residents: rows.slice(0, 30) })
}
