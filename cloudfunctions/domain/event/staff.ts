import type { EventDraft, eventContracts } from '../../contracts/event'
import { SIGNUP_STATUS_LABELS } from '../../contracts/event'
import type { CommunityActor } from '../../kernel/actor'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { StaffRoleDoc } from '../docs'
import { storedPhoto } from '../photos'
import { maskPhone } from '../user/format'
import { householdLabels } from '../user/labels'
import { eventInCommunity } from './access'
import { toCsv } from '../../contracts/csv'
import type { EventDoc, SignupDoc } from './docs'
import { shanghaiText } from './notify'
import type { EventHandler } from './ports'
import { fillSeats } from './seats'
import { eventView } from './views'

type C = typeof eventContracts

async function verifiersOf(ports: Ports, communityId: string): Promise<StaffRoleDoc[]> {
  return ports.store.find('staffRoles', { where: { communityId, role: 'verifier' }, limit: 100 })
}

/** Appointed verifiers must hold the verifier role in the event's community. */
async function checkVerifiers(ports: Ports, actor: CommunityActor, ids: readonly string[]) {
  const allowed = new Set((await verifiersOf(ports, actor.communityId)).map((v) => v.userId))
  const bad = ids.filter((id) => !allowed.has(id))
  return bad.length ? fail('EVENT.INVALID', '只能指派本社区的核销员', [{ path: 'event.verifierIds', message: '包含非本社区核销员' }]) : null
}

function draftFields(d: EventDraft) {
  return {
    kind: d.kind,
    title: d.title,
    cover: d.cover,
    description: d.description,
    venue: d.venue,
    startAt: d.startAt,
    endAt: d.endAt,
    capacity: d.capacity,
    signupOpensAt: d.signupOpensAt,
    signupClosesAt: d.signupClosesAt,
    cancelHoursBefore: d.cancelHoursBefore,
    seatsPerHousehold: d.seatsPerHousehold,
    fields: d.fields,
    rewards: d.rewards,
    verifierIds: [...new Set(d.verifierIds)]
  }
}

export const editorOptions: EventHandler<C['editorOptions']> = async ({ ports, actor }) => {
  const roles = await verifiersOf(ports, actor.communityId)
  const [users, templates] = await Promise.all([
    getMany(ports.store, 'users', roles.map((r) => r.userId)),
    ports.store.find('eventTemplates', { where: { communityId: actor.communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 50 })
  ])
  return ok({
    verifiers: roles.map((r) => ({ id: r.userId, name: users.get(r.userId)?.nickname ?? '' })),
    templates: templates.map((t) => ({
      id: t._id,
      kind: t.kind,
      title: t.title,
      cover: storedPhoto(t.cover),
      description: t.description,
      venue: t.venue,
      durationMin: t.durationMin,
      capacity: t.capacity,
      seatsPerHousehold: t.seatsPerHousehold,
      cancelHoursBefore: t.cancelHoursBefore,
      fields: t.fields,
      rewards: t.rewards
    }))
  })
}

export const create: EventHandler<C['create']> = async ({ ports, actor }, input) => {
  const bad = await checkVerifiers(ports, actor, input.event.verifierIds)
  if (bad) return bad
  const now = ports.clock.now()
  const doc: EventDoc = {
    _id: `ev-${ports.random.id(9)}`,
    communityId: actor.communityId,
    ...draftFields(input.event),
    status: 'published',
    confirmed: 0,
    waiting: 0,
    ticketSecret: ports.random.id(24),
    createdBy: actor.user._id,
    createdAt: now,
    updatedAt: now
  }
  const res = await ports.store.insert('events', doc)
  if (!res.ok) return fail('INTERNAL.ERROR', '创建失败，请重试')
  ports.log.info('event created', { eventId: doc._id, communityId: doc.communityId })
  return ok(eventView(doc, now))
}

export const update: EventHandler<C['update']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.id)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const bad = await checkVerifiers(ports, actor, input.event.verifierIds)
  if (bad) return bad
  const next = draftFields(input.event)
  const tooSmall = fail('EVENT.INVALID', `已有 ${e.confirmed} 人确认报名，名额不能少于此数`, [{ path: 'event.capacity', message: '名额少于已确认人数' }])
  if (next.capacity < e.confirmed) return tooSmall
  // The condition keeps the check true at the moment of writing, however many sign up meanwhile.
  const saved = await ports.store.update('events', e._id, { set: { ...next, updatedAt: ports.clock.now() } }, { confirmed: { lte: next.capacity } })
  if (!saved) return tooSmall
  if (next.capacity > e.capacity) await fillSeats(ports, e._id)
  const fresh = await ports.store.get('events', e._id)
  return ok(eventView(fresh ?? { ...e, ...next }, ports.clock.now()))
}

interface Row {
  s: SignupDoc
  name: string
  phoneMasked: string | null
  label: string
  inviter: string | null
  position: number | null
}

async function rows(ports: Ports, e: EventDoc) {
  const all = (await findAll(ports.store, 'eventSignups', { eventId: e._id })).sort((a, b) => (a.queueKey < b.queueKey ? -1 : 1))
  const users = await getMany(ports.store, 'users', all.map((s) => s.userId))
  const labels = await householdLabels(ports, all.map((s) => s.householdId))
  const invites = await getMany(ports.store, 'eventInvites', all.flatMap((s) => (s.inviteId ? [s.inviteId] : [])))
  const butlers = await getMany(ports.store, 'users', [...invites.values()].map((i) => i.butlerUserId))
  let place = 0
  const make = (s: SignupDoc): Row => {
    const u = users.get(s.userId)
    const inv = s.inviteId ? invites.get(s.inviteId) : undefined
    return {
      s,
      name: u?.nickname ?? '',
      phoneMasked: maskPhone(u?.phone),
      label: labels.get(s.householdId) ?? '',
      inviter: inv ? (butlers.get(inv.butlerUserId)?.nickname ?? null) : null,
      position: s.status === 'waitlisted' ? ++place : null
    }
  }
  const made = all.filter((s) => s.status !== 'pending').map(make)
  return {
    attendees: made.filter((r) => ['confirmed', 'checkedIn', 'noShow'].includes(r.s.status)),
    waitlist: made.filter((r) => r.s.status === 'waitlisted'),
    cancelled: made.filter((r) => r.s.status === 'cancelled').length
  }
}

function attendee(r: Row) {
  const status = r.s.status === 'pending' ? 'waitlisted' : r.s.status
  return {
    signupId: r.s._id,
    status,
    position: r.position,
    name: r.name,
    householdLabel: r.label,
    phoneMasked: r.phoneMasked,
    answers: r.s.answers,
    createdAt: r.s.createdAt,
    checkedInAt: r.s.checkedInAt ?? null,
    inviterName: r.inviter
  }
}

export const signups: EventHandler<C['signups']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const r = await rows(ports, e)
  return ok({ event: eventView(e, ports.clock.now()), attendees: r.attendees.map(attendee), waitlist: r.waitlist.map(attendee), cancelled: r.cancelled })
}

export const exportAttendees: EventHandler<C['exportAttendees']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const r = await rows(ports, e)
  const list = [...r.attendees, ...r.waitlist]
  const header = ['序号', '状态', '候补名次', '姓名', '房屋', '手机', ...e.fields.map((f) => f.label), '报名时间', '签到时间', '邀请管家']
  const body = list.map((x, i) => [
    i + 1,
    SIGNUP_STATUS_LABELS[x.s.status === 'pending' ? 'waitlisted' : x.s.status],
    x.position,
    x.name,
    x.label,
    x.phoneMasked,
    ...e.fields.map((f) => x.s.answers[f.key]),
    shanghaiText(x.s.createdAt),
    x.s.checkedInAt ? shanghaiText(x.s.checkedInAt) : '',
    x.inviter
  ])
  const day = shanghaiText(e.startAt).slice(0, 10)
  return ok({ filename: `${day}-${e.title}-报名名单.csv`.replace(/[\\/:*?"<>|]/g, '_'), csv: toCsv(header, body), rows: body.length })
}
