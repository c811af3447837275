import type { eventContracts } from '../../contracts/event'
import { rewardText } from '../../contracts/event'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import type { UserDoc } from '../docs'
import { eventInCommunity, ownSignup } from './access'
import type { EventDoc, RewardGrantDoc, SignupDoc } from './docs'
import type { EventPorts, EventHandler } from './ports'
import {
  SHORT_CODE_LENGTH,
  TICKET_WINDOW_MS,
  checkToken,
  matchesShortCode,
  normalizeShortCode,
  parseToken,
  shortCode,
  ticketToken,
  windowOf
} from './ticket-codes'
import { HOUR_MS, eventView, grantView, householdLabels, signupView } from './views'

type C = typeof eventContracts

/** Verifiers may check people in from two hours before the start until the end. */
export const CHECKIN_OPENS_BEFORE_MS = 2 * HOUR_MS

export const ticket: EventHandler<C['ticket']> = async ({ ports, actor }, input) => {
  const s = await ownSignup(ports, actor, input.signupId)
  if (!s) return fail('EVENT.SIGNUP_NOT_FOUND', '报名不存在')
  const e = await ports.store.get<EventDoc>('events', s.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在')
  if (s.status !== 'confirmed' && s.status !== 'checkedIn') return fail('EVENT.NOT_CONFIRMED', '候补转正后才有电子票')
  const now = ports.clock.now()
  const w = windowOf(now)
  const grants = await ports.store.find<RewardGrantDoc>('rewardGrants', { where: { eventId: e._id, userId: s.userId }, limit: 10 })
  return ok({
    signup: await signupView(ports.store, e, s, now),
    event: eventView(e, now),
    token: ticketToken(e.ticketSecret, s._id, w),
    shortCode: shortCode(e.ticketSecret, s._id, w),
    expiresAt: (w + 2) * TICKET_WINDOW_MS,
    refreshAt: (w + 1) * TICKET_WINDOW_MS,
    rewards: grants.map(grantView)
  })
}

type Found = { ok: true; signup: SignupDoc } | Failure

/** Finds the sign-up a scanned token or a typed short code stands for, checking signature and age. */
async function findByCode(ports: Ports, e: EventDoc, code: string, now: number): Promise<Found> {
  if (code.includes('.')) {
    const t = parseToken(code)
    const s = t ? await ports.store.get<SignupDoc>('eventSignups', t.signupId) : null
    if (!t || !s || s.eventId !== e._id) return fail('EVENT.TICKET_INVALID', '二维码无效，不是本活动的电子票')
    const check = checkToken(e.ticketSecret, t, now)
    if (check === 'expired') return fail('EVENT.TICKET_EXPIRED', '二维码已过期，请居民刷新电子票')
    if (check === 'invalid') return fail('EVENT.TICKET_INVALID', '二维码无效')
    return { ok: true, signup: s }
  }
  const typed = normalizeShortCode(code)
  if (typed.length !== SHORT_CODE_LENGTH) return fail('EVENT.TICKET_INVALID', '核销码应为 6 位', [{ path: 'code', message: '核销码应为 6 位' }])
  // Codes are stateless, so the typed one is matched against every seat holder (≤ capacity HMACs).
  const holders = await findAll<SignupDoc>(ports.store, 'eventSignups', { eventId: e._id, status: { in: ['confirmed', 'checkedIn'] } })
  const matches = holders.filter((s) => matchesShortCode(e.ticketSecret, s._id, typed, now))
  if (matches.length === 0) return fail('EVENT.TICKET_INVALID', '核销码无效或已过期，请居民刷新电子票', [{ path: 'code', message: '核销码无效或已过期' }])
  if (matches.length > 1) return fail('EVENT.CODE_AMBIGUOUS', '核销码重复，请扫描二维码')
  return { ok: true, signup: matches[0]! }
}

/** Grants the event's reward of that kind once per attendee; its text when granted just now. */
export async function grantReward(ports: Ports, ev: EventPorts, e: EventDoc, userId: string, kind: 'attendance' | 'feedback'): Promise<string | null> {
  const reward = e.rewards[kind]
  if (!reward) return null
  const outcome = await ev.rewards.grant({
    _id: `${e._id}:${userId}:${kind}`,
    eventId: e._id,
    communityId: e.communityId,
    userId,
    kind,
    reward,
    eventTitle: e.title,
    grantedAt: ports.clock.now()
  })
  return outcome === 'granted' ? rewardText(reward) : null
}

export const checkIn: EventHandler<C['checkIn']> = async ({ ports, actor, ev }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  if (!actor.roles.includes('staff') && !e.verifierIds.includes(actor.user._id)) {
    return fail('EVENT.NOT_VERIFIER', '你不是本活动指派的核销员')
  }
  const now = ports.clock.now()
  if (now < e.startAt - CHECKIN_OPENS_BEFORE_MS || now >= e.endAt) return fail('EVENT.CHECKIN_CLOSED', '不在签到时间内（活动开始前 2 小时至结束）')
  const found = await findByCode(ports, e, input.code, now)
  if (!found.ok) return found
  const s = found.signup
  const who = await ports.store.get<UserDoc>('users', s.userId)
  const label = (await householdLabels(ports.store, [s.householdId])).get(s.householdId) ?? ''
  const name = who?.nickname ?? ''
  const done = await ports.store.update(
    'eventSignups',
    s._id,
    { set: { status: 'checkedIn', checkedInAt: now, checkedInBy: actor.user._id, updatedAt: now } },
    { status: 'confirmed' }
  )
  if (!done) {
    const fresh = await ports.store.get<SignupDoc>('eventSignups', s._id)
    if (fresh?.status === 'checkedIn') return fail('EVENT.ALREADY_CHECKED_IN', `${name}（${label}）已签到，不能重复核销`)
    return fail('EVENT.NOT_CONFIRMED', '该报名未确认或已取消')
  }
  if (s.inviteId) await ports.store.update('eventInvites', s.inviteId, { inc: { checkins: 1 } })
  const text = await grantReward(ports, ev, e, s.userId, 'attendance')
  ports.log.info('event check-in', { eventId: e._id, signupId: s._id, by: actor.user._id })
  return ok({ signupId: s._id, name, householdLabel: label, checkedInAt: now, rewardText: text })
}
