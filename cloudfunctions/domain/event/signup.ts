import { type Answers, answersSchema } from '../../contracts/event'
import type { eventContracts } from '../../contracts/event'
import { zodFields } from '../../kernel/main'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { addGrant } from '../subscribe-grants'
import { eventInCommunity, ownSignup } from './access'
import type { EventDoc, SignupDoc } from './docs'
import { shanghaiText } from './notify'
import type { EventHandler } from './ports'
import { claimDirectSeat, fillSeats, leaveQueue, releaseSeat } from './seats'
import { cancelUntil, queueKeyAt, signupView } from './views'

type C = typeof eventContracts

/**
 * Takes the household's first free slot: insert `${event}:${household}:${n}`, or revive a
 * cancelled one in place. The unique `_id` is what keeps a household within its seats.
 */
async function claimSlot(ports: Ports, e: EventDoc, userId: string, householdId: string, answers: Answers): Promise<SignupDoc | null> {
  const now = ports.clock.now()
  for (let n = 1; n <= e.seatsPerHousehold; n++) {
    const doc: SignupDoc = {
      _id: `${e._id}:${householdId}:${n}`,
      eventId: e._id,
      communityId: e.communityId,
      householdId,
      userId,
      status: 'pending',
      answers,
      queueKey: queueKeyAt(now, ports.random.id(6)),
      createdAt: now,
      updatedAt: now
    }
    if ((await ports.store.insert('eventSignups', doc)).ok) return doc
    const { _id, ...fresh } = doc
    const revived = await ports.store.update(
      'eventSignups',
      _id,
      { set: fresh, unset: ['confirmedAt', 'promotedAt', 'cancelledAt', 'checkedInAt', 'checkedInBy', 'inviteId', 'feedbackAt'] },
      { status: 'cancelled' }
    )
    if (revived) return doc
  }
  return null
}

/** The butler invitation this resident last opened for the event, if any: sign-ups are attributed to it. */
async function lastInviteFor(ports: Ports, userId: string, eventId: string): Promise<string | null> {
  const [visit] = await ports.store.find('eventVisits', {
    where: { userId, eventId },
    orderBy: [{ field: 'lastAt', dir: 'desc' }],
    limit: 1
  })
  return visit?.inviteId ?? null
}

/** One counter per user and template, capped: repeated taps never grow `subscriptions`. */
async function recordGrants(ports: Ports, userId: string, templates: readonly string[]): Promise<void> {
  for (const template of new Set(templates)) await addGrant(ports.store, ports.clock, userId, template)
}

export const signUp: EventHandler<C['signUp']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区', [{ path: 'eventId', message: '活动不存在' }])
  const now = ports.clock.now()
  if (now < e.signupOpensAt) return fail('EVENT.SIGNUP_NOT_OPEN', `报名将于 ${shanghaiText(e.signupOpensAt)} 开始`)
  if (now >= e.signupClosesAt) return fail('EVENT.SIGNUP_CLOSED', '报名已截止')
  if (!actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员', [{ path: 'householdId', message: '你不是这套房屋的成员' }])
  }
  const parsed = answersSchema(e.fields).safeParse(input.answers)
  if (!parsed.success) {
    const fields = zodFields(parsed.error).map((f) => ({ path: `answers.${f.path}`, message: f.message }))
    return fail('REQUEST.INVALID_INPUT', fields[0]?.message ?? '报名信息有误', fields)
  }

  const slot = await claimSlot(ports, e, actor.user._id, input.householdId, parsed.data)
  if (!slot) return fail('EVENT.HOUSEHOLD_FULL', `每户最多报名 ${e.seatsPerHousehold} 席，本户已报满`)

  const inviteId = await lastInviteFor(ports, actor.user._id, e._id)
  const extra = inviteId ? { inviteId } : {}
  let saved: SignupDoc
  if (await claimDirectSeat(ports, e)) {
    saved = { ...slot, ...extra, status: 'confirmed', confirmedAt: now }
    await ports.store.update('eventSignups', slot._id, { set: { ...extra, status: 'confirmed', confirmedAt: now, updatedAt: now } }, { status: 'pending' })
  } else {
    // Raise `waiting` first so no direct sign-up slips past while this one joins the queue.
    await ports.store.update('events', e._id, { inc: { waiting: 1 } })
    saved = { ...slot, ...extra, status: 'waitlisted' }
    await ports.store.update('eventSignups', slot._id, { set: { ...extra, status: 'waitlisted', updatedAt: now } }, { status: 'pending' })
    // A seat freed while this sign-up was pending found nobody to promote: take it now.
    const promoted = await fillSeats(ports, e._id)
    const me = promoted.find((p) => p._id === slot._id)
    if (me) saved = { ...saved, ...me }
  }
  if (inviteId) await ports.store.update('eventInvites', inviteId, { inc: { signups: 1 } })
  await recordGrants(ports, actor.user._id, input.subscribed)
  ports.log.info('event sign-up', { eventId: e._id, signupId: slot._id, status: saved.status })
  return ok(await signupView(ports.store, e, saved, now))
}

export const cancel: EventHandler<C['cancel']> = async ({ ports, actor }, input) => {
  let s = await ownSignup(ports, actor, input.signupId)
  if (!s) return fail('EVENT.SIGNUP_NOT_FOUND', '报名不存在')
  const e = await ports.store.get('events', s.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在')
  // A promotion may land between reading and cancelling: re-read and decide again.
  for (let attempt = 0; attempt < 3 && s; attempt++) {
    const now = ports.clock.now()
    if (s.status === 'cancelled') return fail('EVENT.ALREADY_CANCELLED', '报名已取消')
    if (s.status === 'checkedIn' || s.status === 'noShow') return fail('EVENT.CANCEL_TOO_LATE', '活动已签到或已结束，不能取消')
    if (s.status === 'pending') return fail('EVENT.NOT_CONFIRMED', '报名处理中，请稍后再试')
    if (cancelUntil(e, s, now) === null) {
      const rule = e.cancelHoursBefore > 0 ? `活动开始前 ${e.cancelHoursBefore} 小时内不能取消` : '活动已开始，不能取消'
      return fail('EVENT.CANCEL_TOO_LATE', rule)
    }
    const was = s.status
    const done = await ports.store.update('eventSignups', s._id, { set: { status: 'cancelled', cancelledAt: now, updatedAt: now } }, { status: was })
    if (done) {
      if (was === 'confirmed') {
        await releaseSeat(ports, e._id)
        await fillSeats(ports, e._id)
      } else {
        await leaveQueue(ports, e._id)
      }
      ports.log.info('event sign-up cancelled', { eventId: e._id, signupId: s._id, was })
      return ok(await signupView(ports.store, e, { ...s, status: 'cancelled', cancelledAt: now }, now))
    }
    s = await ports.store.get('eventSignups', s._id)
  }
  return fail('EVENT.SIGNUP_NOT_FOUND', '报名状态已变化，请刷新后重试')
}
