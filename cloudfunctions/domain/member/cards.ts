import { createHash } from 'node:crypto'
import type { CardStatus, ScopeType } from '../../contracts/member'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { CardEventDoc, ServiceCardDoc } from './docs'
import { type Journal, record } from './journal'

/**
 * Service cards (次卡), e.g. 「家政保洁 10 次」. Sold as a product (the order feature issues one
 * when paid) or given as a reward. Each booking redeems one use through a journaled update
 * guarded by `usesLeft ≥ 1`, so concurrent redemptions never take a card below zero, and the
 * same booking redeems once however often it retries. Cards belong to a household and are
 * held by one of its members, who may hand them to another member.
 */
const DAY = 24 * 3600_000

export const CARD_USES: Journal<CardEventDoc, ServiceCardDoc> = {
  log: 'cardEvents',
  target: 'serviceCards',
  change(e) {
    if (e.kind === 'use') {
      return {
        spec: { inc: { usesLeft: -1 }, set: { lastUsedAt: e.at, updatedAt: e.at } },
        guard: { status: 'active', usesLeft: { gte: 1 }, validTo: { gte: e.at } }
      }
    }
    if (e.kind === 'revoke') {
      // Takes exactly the uses it saw left: a redemption that lands first makes this attempt void,
      // and the refund looks again (revokeUnusedUses), so a use is either taken or refunded, never both.
      const uses = e.uses ?? 0
      return { spec: { inc: { usesLeft: -uses }, set: { status: 'void', revokedUses: uses, updatedAt: e.at } }, guard: { status: 'active', usesLeft: uses } }
    }
    // restore: never above the card's total (usesTotal is fixed at issue).
    return { spec: { inc: { usesLeft: 1 }, set: { updatedAt: e.at } }, guard: { status: 'active', usesLeft: { lt: e.usesTotal ?? 0 } } }
  },
  feasible: (card, e) =>
    e.kind === 'use' ? card.status === 'active' && card.usesLeft >= 1 && card.validTo >= e.at : e.kind === 'revoke' ? card.status === 'active' && card.usesLeft === e.uses : card.status === 'active'
}

export function cardStatus(c: ServiceCardDoc, now: number): CardStatus {
  if (c.status === 'void') return c.revokedUses !== undefined ? 'refunded' : 'void'
  if (c.usesLeft <= 0) return 'used_up'
  if (c.validTo < now) return 'expired'
  return 'active'
}

export interface IssueCardInput {
  communityId: string
  householdId: string
  userId: string
  title: string
  uses: number
  validDays: number
  scope?: { type: ScopeType; value: string; label: string }
  source: ServiceCardDoc['source']
  valueFen: number
  /** What the card is issued for, e.g. `order:<orderId>:<line>` or `reward:<key>`: one card per key. */
  key: string
  /** Written without telling the holder: a card issued only to be taken back (a refund that came first). */
  quiet?: boolean
}

export function cardIdOf(key: string): string {
  return `sc${createHash('sha256').update(key).digest('hex').slice(0, 20)}`
}

/** Issues a card once per key; a repeat returns the card already issued. */
export async function issueCard(ports: Ports, input: IssueCardInput): Promise<ServiceCardDoc> {
  const now = ports.clock.now()
  const card: ServiceCardDoc = {
    _id: cardIdOf(input.key),
    communityId: input.communityId,
    householdId: input.householdId,
    ownerUserId: input.userId,
    title: input.title,
    scope: input.scope ?? { type: 'all', value: '', label: '' },
    usesTotal: input.uses,
    usesLeft: input.uses,
    validTo: now + input.validDays * DAY,
    status: 'active',
    source: input.source,
    valueFen: input.valueFen,
    transfers: 0,
    j: {},
    createdAt: now,
    updatedAt: now
  }
  const res = await ports.store.insert('serviceCards', card)
  if (!res.ok) {
    const existing = await ports.store.get('serviceCards', card._id)
    if (!existing) throw new Error(`card ${card._id} vanished`)
    return existing
  }
  if (input.quiet) return card
  await ports.notifier.notify({
    userId: input.userId,
    communityId: input.communityId,
    kind: 'member-card',
    title: '你收到一张服务卡',
    body: `「${input.title}」共 ${input.uses} 次，已放入「我的服务卡」`,
    link: `/packages/member/pages/cards/index?communityId=${encodeURIComponent(input.communityId)}`
  })
  return card
}

export type Redemption = { usesLeft: number; duplicate: boolean }

function unusable(card: ServiceCardDoc | null, now: number): Result<never> {
  if (!card) return fail('MEMBER.CARD_NOT_FOUND', '服务卡不存在')
  const status = cardStatus(card, now)
  const why = status === 'used_up' ? '服务卡次数已用完' : status === 'expired' ? '服务卡已过期' : status === 'void' ? '服务卡已作废' : status === 'refunded' ? '服务卡已退款' : '服务卡暂不可用'
  return fail('MEMBER.CARD_UNUSABLE', why)
}

/**
 * Redeems one use for a booking. Idempotent per `bookingRef`: a retried booking gets the same
 * answer and the card loses one use only. `userId`, when given, must hold the card.
 */
export async function redeemCardUse(ports: Ports, cardId: string, bookingRef: string, opts: { userId?: string } = {}): Promise<Result<Redemption>> {
  const now = ports.clock.now()
  if (opts.userId) {
    const card = await ports.store.get('serviceCards', cardId)
    if (!card || card.ownerUserId !== opts.userId) return fail('MEMBER.CARD_NOT_FOUND', '服务卡不存在')
  }
  const res = await record(ports, CARD_USES, {
    _id: `use:${cardId}:${bookingRef}`,
    target: cardId,
    cardId,
    kind: 'use',
    ref: bookingRef,
    userId: opts.userId ?? '',
    at: now
  })
  const card = await ports.store.get('serviceCards', cardId)
  if (!res.ok) return unusable(card, now)
  return ok({ usesLeft: card?.usesLeft ?? 0, duplicate: !res.fresh })
}

/** Gives a use back (the booking was cancelled). Only for a redemption that applied; once. */
export async function restoreCardUse(ports: Ports, cardId: string, bookingRef: string): Promise<boolean> {
  const use = await ports.store.get('cardEvents', `use:${cardId}:${bookingRef}`)
  if (!use || (use.state !== 'applied' && use.state !== 'closed')) return false
  const card = await ports.store.get('serviceCards', cardId)
  if (!card) return false
  const res = await record(ports, CARD_USES, {
    _id: `restore:${cardId}:${bookingRef}`,
    target: cardId,
    cardId,
    kind: 'restore',
    ref: bookingRef,
    userId: use.userId,
    usesTotal: card.usesTotal,
    at: ports.clock.now()
  })
  return res.ok
}

export interface Revoked {
  usesTotal: number
  /** Uses taken back by the refund; the rest were used. */
  revoked: number
  valueFen: number
}

/**
 * A card sold in a package that is refunded: the uses left are taken back in one journaled
 * update, and the card is closed. Redemptions racing it either land first (and are used) or find
 * the card closed. Idempotent per card: a rerun finds the revoke already applied. Null when the
 * card was never issued, or someone else closed it.
 */
export async function revokeUnusedUses(ports: Ports, cardId: string, ref: string): Promise<Revoked | null> {
  const id = `revoke:${cardId}`
  for (let attempt = 0; attempt < 8; attempt++) {
    const [card, done] = await Promise.all([ports.store.get('serviceCards', cardId), ports.store.get('cardEvents', id)])
    if (!card) return null
    if (done && (done.state === 'applied' || done.state === 'closed')) return { usesTotal: card.usesTotal, revoked: done.uses ?? 0, valueFen: card.valueFen }
    if (card.status !== 'active') return null
    const res = await record(ports, CARD_USES, { _id: id, target: cardId, cardId, kind: 'revoke', ref, userId: '', uses: card.usesLeft, at: ports.clock.now() })
    if (res.ok) return { usesTotal: card.usesTotal, revoked: res.entry.uses ?? 0, valueFen: card.valueFen }
  }
  throw new Error(`card ${cardId}: uses kept changing while a refund took them back`)
}

/** Hands the card to another active member of its household; one conditional update on the holder. */
export async function transferCard(ports: Ports, from: { userId: string; householdIds: readonly string[] }, cardId: string, toUserId: string): Promise<Result<ServiceCardDoc>> {
  const card = await ports.store.get('serviceCards', cardId)
  if (!card || card.ownerUserId !== from.userId) return fail('MEMBER.CARD_NOT_FOUND', '服务卡不存在')
  const now = ports.clock.now()
  if (cardStatus(card, now) !== 'active') return unusable(card, now)
  if (toUserId === from.userId || !from.householdIds.includes(card.householdId)) return fail('MEMBER.TRANSFER_INVALID', '只能转给同一房屋的其他成员')
  const m = await ports.store.get('memberships', `${card.householdId}:${toUserId}`)
  if (!m || m.status !== 'active') return fail('MEMBER.TRANSFER_INVALID', '只能转给同一房屋的其他成员')
  const moved = await ports.store.update(
    'serviceCards',
    cardId,
    { set: { ownerUserId: toUserId, updatedAt: now }, inc: { transfers: 1 } },
    { ownerUserId: from.userId, status: 'active', transfers: card.transfers }
  )
  if (!moved) return fail('MEMBER.TRANSFER_INVALID', '服务卡状态已变化，请刷新')
  const event: CardEventDoc = {
    _id: `transfer:${cardId}:${card.transfers + 1}`,
    target: cardId,
    state: 'closed',
    nonce: '',
    createdAt: now,
    cardId,
    kind: 'transfer',
    ref: `${from.userId}->${toUserId}`,
    userId: from.userId,
    toUserId,
    at: now
  }
  await ports.store.insert('cardEvents', event)
  await ports.notifier.notify({
    userId: toUserId,
    communityId: card.communityId,
    kind: 'member-card',
    title: '家人转给你一张服务卡',
    body: `「${card.title}」剩余 ${card.usesLeft} 次，已放入「我的服务卡」`,
    link: `/packages/member/pages/cards/index?communityId=${encodeURIComponent(card.communityId)}`
  })
  return ok({ ...card, ownerUserId: toUserId, transfers: card.transfers + 1, updatedAt: now })
}
