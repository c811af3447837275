import type { eventContracts } from '../../contracts/event'
import { rewardText } from '../../contracts/event'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import { householdLabels } from '../user/labels'
import { eventInCommunity, ownSignup } from './access'
import type { EventDoc, SignupDoc, TicketKeyDoc } from './docs'
import type { EventPorts, EventHandler } from './ports'
import {
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  TICKET_KEY_LENGTH,
  TICKET_WINDOW_MS,
  checkToken,
  matchesShortCode,
  normalizeShortCode,
  parseToken,
  shortCode,
  ticketKeyOf,
  ticketToken,
  windowOf
} from './ticket-codes'
import { HOUR_MS, eventView, grantView, signupViews } from './views'

type C = typeof eventContracts

/** Verifiers may check people in from two hours before the start until the end. */
export const CHECKIN_OPENS_BEFORE_MS = 2 * HOUR_MS

/** Random keys tried before giving up; with at most 5,000 seats per event a few suffice. */
const KEY_ATTEMPTS = 20

/**
 * The sign-up's ticket key, given on first use: a random key is claimed by inserting its
 * `${event}:${key}` document (the unique `_id` keeps keys unique within the event), then written
 * to the sign-up under `ticketKey == null`, so concurrent requests agree on one key; the loser
 * gives its document back. Sign-ups made before keys existed get one here, on their next ticket.
 */
export async function ensureTicketKey(ports: Ports, s: SignupDoc): Promise<string | null> {
  if (s.ticketKey) return s.ticketKey
  for (let attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
    const key = ports.random.code(TICKET_KEY_LENGTH, SHORT_CODE_ALPHABET)
    const doc: TicketKeyDoc = { _id: `${s.eventId}:${key}`, eventId: s.eventId, signupId: s._id, createdAt: ports.clock.now() }
    if (!(await ports.store.insert('eventTicketKeys', doc)).ok) continue // taken in this event
    if (await ports.store.update('eventSignups', s._id, { set: { ticketKey: key } }, { ticketKey: null })) return key
    await ports.store.remove('eventTicketKeys', doc._id, { signupId: s._id })
    return (await ports.store.get('eventSignups', s._id))?.ticketKey ?? null
  }
  ports.log.error('no free ticket key', { eventId: s.eventId, signupId: s._id })
  return null
}

type Codes = { ok: true; status: 'confirmed' | 'checkedIn'; token: string; shortCode: string; expiresAt: number; refreshAt: number } | Failure

/** The current window's signed token and short code of a confirmed or checked-in sign-up. */
async function codesFor(ports: Ports, e: EventDoc, s: SignupDoc, now: number): Promise<Codes> {
  if (s.status !== 'confirmed' && s.status !== 'checkedIn') return fail('EVENT.NOT_CONFIRMED', '候补转正后才有电子票')
  const key = await ensureTicketKey(ports, s)
  if (!key) return fail('INTERNAL.ERROR', '电子票生成失败，请稍后重试')
  const w = windowOf(now)
  return {
    ok: true,
    status: s.status,
    token: ticketToken(e.ticketSecret, s._id, w),
    shortCode: shortCode(e.ticketSecret, s._id, key, w),
    expiresAt: (w + 2) * TICKET_WINDOW_MS,
    refreshAt: (w + 1) * TICKET_WINDOW_MS
  }
}

export const ticket: EventHandler<C['ticket']> = async ({ ports, actor }, input) => {
  const s = await ownSignup(ports, actor, input.signupId)
  if (!s) return fail('EVENT.SIGNUP_NOT_FOUND', '报名不存在')
  const [e, grants, labels] = await Promise.all([
    ports.store.get('events', s.eventId),
    ports.store.find('rewardGrants', { where: { eventId: s.eventId, userId: s.userId }, limit: 10 }),
    householdLabels(ports, [s.householdId], s.communityId)
  ])
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在')
  const now = ports.clock.now()
  const codes = await codesFor(ports, e, s, now)
  if (!codes.ok) return codes
  const { token, shortCode: code, expiresAt, refreshAt } = codes
  return ok({
    signup: (await signupViews(ports.store, [{ e, s }], now, labels))[0]!,
    event: eventView(e, now),
    token,
    shortCode: code,
    expiresAt,
    refreshAt,
    rewards: grants.map(grantView)
  })
}

/**
 * The ticket page's 30-second refresh: the new codes only. Reads the sign-up and the event (for
 * its secret), nothing else; the page loads the whole ticket again when the status changes.
 */
export const ticketCode: EventHandler<C['ticketCode']> = async ({ ports, actor }, input) => {
  const s = await ownSignup(ports, actor, input.signupId)
  if (!s) return fail('EVENT.SIGNUP_NOT_FOUND', '报名不存在')
  const e = await ports.store.get('events', s.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在')
  const codes = await codesFor(ports, e, s, ports.clock.now())
  if (!codes.ok) return codes
  const { status, token, shortCode: code, expiresAt, refreshAt } = codes
  return ok({ status, token, shortCode: code, expiresAt, refreshAt })
}

type Found = { ok: true; signup: SignupDoc } | Failure

/** Finds the sign-up a scanned token or a typed short code stands for, checking signature and age. */
async function findByCode(ports: Ports, e: EventDoc, code: string, now: number): Promise<Found> {
  if (code.includes('.')) {
    const t = parseToken(code)
    const s = t ? await ports.store.get('eventSignups', t.signupId) : null
    if (!t || !s || s.eventId !== e._id) return fail('EVENT.TICKET_INVALID', '二维码无效，不是本活动的电子票')
    const check = checkToken(e.ticketSecret, t, now)
    if (check === 'expired') return fail('EVENT.TICKET_EXPIRED', '二维码已过期，请居民刷新电子票')
    if (check === 'invalid') return fail('EVENT.TICKET_INVALID', '二维码无效')
    return { ok: true, signup: s }
  }
  const typed = normalizeShortCode(code)
  if (typed.length !== SHORT_CODE_LENGTH) return fail('EVENT.TICKET_INVALID', '核销码应为 6 位', [{ path: 'code', message: '核销码应为 6 位' }])
  // The code's key names the sign-up (one keyed read, never a scan); its rotating part must match.
  const key = ticketKeyOf(typed)
  const held = key ? await ports.store.get('eventTicketKeys', `${e._id}:${key}`) : null
  const s = held ? await ports.store.get('eventSignups', held.signupId) : null
  if (!key || !s || s.eventId !== e._id || s.ticketKey !== key || !matchesShortCode(e.ticketSecret, s._id, key, typed, now)) {
    return fail('EVENT.TICKET_INVALID', '核销码无效或已过期，请居民刷新电子票', [{ path: 'code', message: '核销码无效或已过期' }])
  }
  return { ok: true, signup: s }
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
  const who = await ports.store.get('users', s.userId)
  const label = (await householdLabels(ports, [s.householdId])).get(s.householdId) ?? ''
  const name = who?.nickname ?? ''
  const done = await ports.store.update(
    'eventSignups',
    s._id,
    { set: { status: 'checkedIn', checkedInAt: now, checkedInBy: actor.user._id, updatedAt: now } },
    { status: 'confirmed' }
  )
  if (!done) {
    const fresh = await ports.store.get('eventSignups', s._id)
    if (fresh?.status === 'checkedIn') return fail('EVENT.ALREADY_CHECKED_IN', `${name}（${label}）已签到，不能重复核销`)
    return fail('EVENT.NOT_CONFIRMED', '该报名未确认或已取消')
  }
  if (s.inviteId) await ports.store.update('eventInvites', s.inviteId, { inc: { checkins: 1 } })
  const text = await grantReward(ports, ev, e, s.userId, 'attendance')
  ports.log.info('event check-in', { eventId: e._id, signupId: s._id, by: actor.user._id })
  return ok({ signupId: s._id, name, householdLabel: label, checkedInAt: now, rewardText: text })
}
