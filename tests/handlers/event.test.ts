/**
 * The `event` function through its real request path on an in-memory SQLite store seeded with
 * the demo data: sign-ups and the waitlist, cancellation and promotion, tickets and check-in,
 * feedback and rewards, butler invitations, export and the timer jobs.
 */
import { eventContracts } from '../../cloudfunctions/contracts/event'
import type { InboxDoc, SubscriptionDoc } from '../../cloudfunctions/domain/docs'
import type { EventDoc, InviteDoc, RewardGrantDoc, SignupDoc, VisitDoc } from '../../cloudfunctions/domain/event/docs'
import { localEventPorts } from '../../cloudfunctions/adapters/event/local'
import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
import { createEventModule } from '../../cloudfunctions/event/module'
import { createMain } from '../../cloudfunctions/kernel/main'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { localRuntime } from '../../scripts/server/local-runtime'
import { type Harness, as, makeHarness } from '../support/harness'
import { BUTLER, DAY, HOUR, STAFF, VERIFIER, createEvent, draft, resident } from '../support/events'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const A = COMMUNITY_A
const signUp = (r: { openid: string; householdId: string }, eventId: string, extra: Record<string, unknown> = {}) =>
  h.call('event.signUp', { eventId, householdId: r.householdId, ...extra }, r.openid, A)
const inboxOf = (userId: string) => h.store.find<InboxDoc>('inbox', { where: { userId }, limit: 100 })
const eventDoc = async (id: string) => {
  const e = await h.store.get<EventDoc>('events', id)
  if (!e) throw new Error(`no event ${id}`)
  return e
}

it('covers every action of the event function', () => {
  expect(Object.keys(eventContracts).sort()).toEqual(
    [
      'list', 'get', 'editorOptions', 'create', 'update', 'signUp', 'cancel', 'mine', 'ticket', 'checkIn', 'signups',
      'exportAttendees', 'submitFeedback', 'feedbackSummary', 'listIdeas', 'updateIdea', 'shareInvite', 'invitePoster',
      'inviteStats', 'recordVisit'
    ].sort()
  )
})

describe('staff create and edit events', () => {
  it('creates an event residents of the community see, and no one elsewhere', async () => {
    const id = await createEvent(h)
    const list = okData(await h.call('event.list', {}, resident(1).openid, A))
    expect(list.events.map((e) => e.id)).toContain(id)
    expect(list.events.find((e) => e.id === id)).toMatchObject({ capacity: 2, confirmed: 0, waiting: 0, phase: 'open' })
    expect(list.events.every((e) => e.communityId === A)).toBe(true)
    expect(codeOf(await h.call('event.get', { id }, as('u-b-resident'), COMMUNITY_B))).toBe('EVENT.NOT_FOUND')
    expect(okData(await h.call('event.list', {}, as('u-b-resident'), COMMUNITY_B)).events).toEqual([])
  })

  it('rejects an inconsistent draft with named fields and writes nothing', async () => {
    const before = await snapshot(h.store)
    const now = h.clock.now()
    const bad = draft(now, { endAt: now, signupClosesAt: now + 3 * DAY, fields: [{ key: 'size', label: '尺码', type: 'choice', required: true, options: ['L'] }] })
    const err = errorOf(await h.call('event.create', { event: bad }, STAFF, A))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['event.endAt', 'event.signupClosesAt', 'event.fields.0.options']))
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('only appoints verifiers of the community', async () => {
    const err = errorOf(await h.call('event.create', { event: draft(h.clock.now(), { verifierIds: ['u-wang'] }) }, STAFF, A))
    expect(err.code).toBe('EVENT.INVALID')
    expect(okData(await h.call('event.editorOptions', {}, STAFF, A)).verifiers).toEqual([{ id: 'u-verifier-zhou', name: '周核销' }])
  })

  it('never lowers capacity below the confirmed seats, and raising it promotes the waitlist', async () => {
    const id = await createEvent(h, { capacity: 1 })
    okData(await signUp(resident(1), id))
    const waiting = okData(await signUp(resident(2), id))
    expect(waiting).toMatchObject({ status: 'waitlisted', position: 1 })
    const e = await eventDoc(id)
    const ev = { ...draft(h.clock.now()), startAt: e.startAt, endAt: e.endAt, signupOpensAt: e.signupOpensAt, signupClosesAt: e.signupClosesAt }
    expect(okData(await h.call('event.update', { id, event: { ...ev, capacity: 1, title: '改名' } }, STAFF, A)).title).toBe('改名')
    const grown = okData(await h.call('event.update', { id, event: { ...ev, capacity: 2 } }, STAFF, A))
    expect(grown).toMatchObject({ capacity: 2, confirmed: 2, waiting: 0 })
    expect((await h.store.get<SignupDoc>('eventSignups', waiting.id))?.status).toBe('confirmed')
    const err = errorOf(await h.call('event.update', { id, event: { ...ev, capacity: 1 } }, STAFF, A))
    expect(err).toMatchObject({ code: 'EVENT.INVALID', fields: [{ path: 'event.capacity', message: '名额少于已确认人数' }] })
  })
})

describe('event.signUp', () => {
  it('gives seats until full, then numbered waitlist places in sign-up order', async () => {
    const id = await createEvent(h, { capacity: 2 })
    const got = []
    for (let n = 1; n <= 5; n++) {
      got.push(okData(await signUp(resident(n), id)))
      h.clock.advance(1000)
    }
    expect(got.map((s) => [s.status, s.position])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
      ['waitlisted', 3]
    ])
    expect(await eventDoc(id)).toMatchObject({ confirmed: 2, waiting: 3 })
    const list = okData(await h.call('event.signups', { eventId: id }, STAFF, A))
    expect(list.waitlist.map((w) => [w.name, w.position])).toEqual([['郑先生', 1], ['冯先生', 2], ['陈先生', 3]])
  })

  it('validates the form with the event schema, naming the fields, and writes nothing', async () => {
    const id = await createEvent(h, {
      fields: [
        { key: 'name', label: '姓名', type: 'text', required: true, options: [] },
        { key: 'size', label: '人数', type: 'number', required: false, options: [] },
        { key: 'slot', label: '场次', type: 'choice', required: true, options: ['上午', '下午'] }
      ]
    })
    const before = await snapshot(h.store)
    const err = errorOf(await signUp(resident(1), id, { answers: { name: '  ', slot: '晚上', extra: 'x' } }))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.map((f) => f.path).sort()).toEqual(['answers.extra', 'answers.name', 'answers.slot'])
    expect(err.fields?.find((f) => f.path === 'answers.name')?.message).toBe('请填写姓名')
    expect(await snapshot(h.store)).toEqual(before)
    const ok = okData(await signUp(resident(1), id, { answers: { name: '郑先生', slot: '上午', size: 2 } }))
    expect(ok.answers).toEqual({ name: '郑先生', slot: '上午', size: 2 })
  })

  it('refuses before the window opens, after it closes, other communities and other households; writing nothing', async () => {
    const now = h.clock.now()
    const later = await createEvent(h, { signupOpensAt: now + HOUR })
    const id = await createEvent(h)
    const before = await snapshot(h.store)
    expect(codeOf(await signUp(resident(1), later))).toBe('EVENT.SIGNUP_NOT_OPEN')
    expect(codeOf(await signUp({ openid: resident(1).openid, householdId: resident(2).householdId }, id))).toBe('HOUSEHOLD.NOT_MEMBER')
    expect(codeOf(await h.call('event.signUp', { eventId: id, householdId: 'h-b1-101' }, as('u-b-resident'), COMMUNITY_B))).toBe('EVENT.NOT_FOUND')
    h.clock.advance(2 * DAY)
    expect(codeOf(await signUp(resident(1), id))).toBe('EVENT.SIGNUP_CLOSED')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('keeps a household within its seats, and a cancelled seat can be taken again', async () => {
    const id = await createEvent(h, { capacity: 10, seatsPerHousehold: 2 })
    const wang = { openid: as('u-wang'), householdId: 'h-a1-101' }
    const li = { openid: as('u-li'), householdId: 'h-a1-101' }
    const first = okData(await signUp(wang, id))
    okData(await signUp(li, id))
    expect(codeOf(await signUp(wang, id))).toBe('EVENT.HOUSEHOLD_FULL')
    okData(await h.call('event.cancel', { signupId: first.id }, as('u-wang'), A))
    expect(okData(await signUp(wang, id)).status).toBe('confirmed')
    expect(await h.store.count('eventSignups', { eventId: id, householdId: 'h-a1-101', status: 'confirmed' })).toBe(2)
    expect(await eventDoc(id)).toMatchObject({ confirmed: 2 })
  })

  it('records the subscribe grants the resident accepted on the tap', async () => {
    const id = await createEvent(h)
    okData(await signUp(resident(1), id, { subscribed: ['event_reminder', 'event_promoted'] }))
    const grants = await h.store.find<SubscriptionDoc>('subscriptions', { where: { userId: 'u-r1' } })
    expect(grants.map((g) => [g.template, g.status]).sort()).toEqual([['event_promoted', 'granted'], ['event_reminder', 'granted']])
  })
})

describe('event.cancel', () => {
  it('frees the seat, promotes the first waitlisted resident and notifies them', async () => {
    const id = await createEvent(h, { capacity: 1 })
    const a = okData(await signUp(resident(1), id))
    h.clock.advance(1000)
    const b = okData(await signUp(resident(2), id))
    h.clock.advance(1000)
    const c = okData(await signUp(resident(3), id))
    const cancelled = okData(await h.call('event.cancel', { signupId: a.id }, resident(1).openid, A))
    expect(cancelled.status).toBe('cancelled')
    expect((await h.store.get<SignupDoc>('eventSignups', b.id))?.status).toBe('confirmed')
    expect((await h.store.get<SignupDoc>('eventSignups', c.id))?.status).toBe('waitlisted')
    expect(await eventDoc(id)).toMatchObject({ confirmed: 1, waiting: 1 })
    const inbox = await inboxOf('u-r2')
    expect(inbox).toEqual([expect.objectContaining({ kind: 'event-promoted', title: '候补成功，已为你保留席位' })])
    expect(okData(await h.call('event.get', { id }, resident(3).openid, A)).mine[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(codeOf(await h.call('event.cancel', { signupId: a.id }, resident(1).openid, A))).toBe('EVENT.ALREADY_CANCELLED')
  })

  it('lets a waitlisted resident leave the queue without touching seats', async () => {
    const id = await createEvent(h, { capacity: 1 })
    okData(await signUp(resident(1), id))
    const b = okData(await signUp(resident(2), id))
    okData(await h.call('event.cancel', { signupId: b.id }, resident(2).openid, A))
    expect(await eventDoc(id)).toMatchObject({ confirmed: 1, waiting: 0 })
  })

  it('refuses within the cancellation rule, and someone else\u2019s sign-up, writing nothing', async () => {
    const id = await createEvent(h, { cancelHoursBefore: 24 })
    const a = okData(await signUp(resident(1), id))
    expect(codeOf(await h.call('event.cancel', { signupId: a.id }, resident(2).openid, A))).toBe('EVENT.SIGNUP_NOT_FOUND')
    h.clock.advance(DAY + HOUR)
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('event.cancel', { signupId: a.id }, resident(1).openid, A))
    expect(err).toMatchObject({ code: 'EVENT.CANCEL_TOO_LATE', message: '活动开始前 24 小时内不能取消' })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('tickets and check-in', () => {
  async function seated() {
    const id = await createEvent(h, { capacity: 5, rewards: { attendance: { type: 'points', points: 20 }, feedback: null } })
    const s = okData(await signUp(resident(1), id))
    h.clock.advance(2 * DAY - HOUR) // an hour before the start
    return { id, s }
  }

  it('a verifier types the short code: checked in once, with the attendance reward', async () => {
    const { id, s } = await seated()
    const t = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    expect(t.shortCode).toMatch(/^[2-9A-Z]{6}$/)
    expect(t.expiresAt - h.clock.now()).toBeGreaterThan(30_000)
    const done = okData(await h.call('event.checkIn', { eventId: id, code: t.shortCode.toLowerCase() }, VERIFIER, A))
    expect(done).toMatchObject({ signupId: s.id, name: '周先生', rewardText: '20 积分' })
    const again = errorOf(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))
    expect(again.code).toBe('EVENT.ALREADY_CHECKED_IN')
    expect(await h.store.count('rewardGrants', { userId: 'u-r1' })).toBe(1)
    expect(okData(await h.call('event.mine', {}, resident(1).openid, A)).rewards.map((r) => r.text)).toEqual(['20 积分'])
  })

  it('accepts the scanned token for 30-60 s, then calls it expired; forged tokens are invalid', async () => {
    const { id, s } = await seated()
    const t = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    const forged = t.token.slice(0, -2) + (t.token.endsWith('AA') ? 'BB' : 'AA')
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: forged }, VERIFIER, A))).toBe('EVENT.TICKET_INVALID')
    h.clock.advance(61_000)
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: t.token }, VERIFIER, A))).toBe('EVENT.TICKET_EXPIRED')
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))).toBe('EVENT.TICKET_INVALID')
    const fresh = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    expect(okData(await h.call('event.checkIn', { eventId: id, code: fresh.token }, VERIFIER, A)).signupId).toBe(s.id)
  })

  it('only appointed verifiers, only around the event, and never a waitlisted ticket', async () => {
    const id = await createEvent(h, { capacity: 1, verifierIds: [] })
    const s = okData(await signUp(resident(1), id))
    const w = okData(await signUp(resident(2), id))
    expect(codeOf(await h.call('event.ticket', { signupId: w.id }, resident(2).openid, A))).toBe('EVENT.NOT_CONFIRMED')
    const t = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))).toBe('EVENT.NOT_VERIFIER')
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, STAFF, A))).toBe('EVENT.CHECKIN_CLOSED')
  })
})

describe('feedback, ideas and rewards', () => {
  async function attended() {
    const id = await createEvent(h, { rewards: { attendance: null, feedback: { type: 'coupon', title: '保洁券', valueFen: 2000 } } })
    const s = okData(await signUp(resident(1), id))
    h.clock.advance(2 * DAY)
    const t = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    okData(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))
    return id
  }
  const fb = (id: string, extra = {}) => ({ eventId: id, ratings: { content: 5, organisation: 4, service: 3 }, comment: '很好', ideas: '希望有家电清洗', ...extra })

  it('feedback earns its reward once; the idea reaches the board', async () => {
    const id = await attended()
    const first = okData(await h.call('event.submitFeedback', fb(id), resident(1).openid, A))
    expect(first.rewardText).toBe('保洁券（20 元券）')
    expect(codeOf(await h.call('event.submitFeedback', fb(id), resident(1).openid, A))).toBe('FEEDBACK.ALREADY_SUBMITTED')
    const grants = await h.store.find<RewardGrantDoc>('rewardGrants', { where: { userId: 'u-r1' } })
    expect(grants.map((g) => g.kind)).toEqual(['feedback'])
    expect((await inboxOf('u-r1')).filter((m) => m.kind === 'event-reward')).toHaveLength(1)
    const sum = okData(await h.call('event.feedbackSummary', { eventId: id }, STAFF, A))
    expect(sum).toMatchObject({ responses: 1, attended: 1, averages: { content: 5, organisation: 4, service: 3 } })
    const ideas = okData(await h.call('event.listIdeas', {}, as('u-operator-wu'), A)).ideas.filter((i) => i.eventId === id)
    expect(ideas).toEqual([expect.objectContaining({ text: '希望有家电清洗', status: 'new', authorName: '周先生' })])
    const tagged = okData(await h.call('event.updateIdea', { id: ideas[0]!.id, status: 'planned', tags: ['家电', '家电', '保洁'] }, as('u-operator-wu'), A))
    expect(tagged).toMatchObject({ status: 'planned', tags: ['家电', '保洁'] })
    expect(okData(await h.call('event.listIdeas', { status: 'new' }, STAFF, A)).ideas.filter((i) => i.eventId === id)).toEqual([])
    expect(okData(await h.call('event.listIdeas', { status: 'planned' }, STAFF, A)).ideas.map((i) => i.id)).toEqual([ideas[0]!.id])
  })

  it('refuses feedback from someone who did not attend, and bad ratings, writing nothing', async () => {
    const id = await attended()
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('event.submitFeedback', fb(id), resident(2).openid, A))).toBe('FEEDBACK.NOT_ATTENDED')
    const err = errorOf(await h.call('event.submitFeedback', fb(id, { ratings: { content: 6, organisation: 0, service: 3 } }), resident(1).openid, A))
    expect(err.fields?.map((f) => f.path).sort()).toEqual(['ratings.content', 'ratings.organisation'])
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('butler invitations', () => {
  it('counts shares, visits (with the decrypted group), sign-ups and check-ins for the butler', async () => {
    const id = await createEvent(h, { capacity: 5 })
    const share = okData(await h.call('event.shareInvite', { eventId: id }, BUTLER, A))
    expect(share.token.length).toBeLessThanOrEqual(32)
    expect(share.path).toBe(`/packages/event/pages/detail/index?id=${id}&inv=${share.token}`)
    okData(await h.call('event.shareInvite', { eventId: id }, BUTLER, A))

    // The platform decrypts the cloudID of wx.getGroupEnterInfo into this shape.
    const decrypted = (cloudId: string, appid: string) => ({ cloudID: cloudId, data: { opengid: `G-${cloudId}`, watermark: { appid, timestamp: 1 } } })
    const module = createEventModule((ports) => ({
      ...localEventPorts(ports),
      groups: { resolve: async (cloudId: string) => decrypted(cloudId, cloudId === 'foreign' ? 'wx-other' : 'wx-app') }
    }))
    const main = createMain(module as never, localRuntime(h.ports))
    const visit = (openid: string, groupCloudId?: string) =>
      main({ action: 'recordVisit', input: { token: share.token, ...(groupCloudId ? { groupCloudId } : {}) } }, { request_id: 'r', identity: { openid, source: 'wechat', appid: 'wx-app' } })
    expect(await visit(resident(1).openid, 'one')).toMatchObject({ ok: true, data: { eventId: id, inviterName: '张管家', groupRecorded: true } })
    await visit(resident(1).openid, 'two')
    expect(await visit(resident(2).openid, 'foreign')).toMatchObject({ ok: true, data: { groupRecorded: false } })
    const v = await h.store.get<VisitDoc>('eventVisits', `${id}:u-butler-zhang:u-r1`)
    expect(v).toMatchObject({ opens: 2, groupIds: ['G-one', 'G-two'] })

    const s = okData(await signUp(resident(1), id))
    expect((await h.store.get<SignupDoc>('eventSignups', s.id))?.inviteId).toBe(`${id}:u-butler-zhang`)
    h.clock.advance(2 * DAY - HOUR)
    const t = okData(await h.call('event.ticket', { signupId: s.id }, resident(1).openid, A))
    okData(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))

    const stats = okData(await h.call('event.inviteStats', {}, BUTLER, A)).rows.find((r) => r.eventId === id)
    expect(stats).toMatchObject({ shares: 2, visits: 2, groups: 2, signups: 1, checkins: 1 })
    const csv = okData(await h.call('event.exportAttendees', { eventId: id }, STAFF, A)).csv
    expect(csv).toContain('张管家')
  })

  it('makes a poster token for the mini-program code; unknown tokens are refused', async () => {
    const id = await createEvent(h)
    const poster = okData(await h.call('event.invitePoster', { eventId: id }, BUTLER, A))
    expect(poster).toMatchObject({ page: 'packages/event/pages/detail/index', codeImage: null, butlerName: '张管家' })
    expect(poster.token).toMatch(/^[A-Za-z0-9]{1,32}$/)
    const inv = await h.store.find<InviteDoc>('eventInvites', { where: { token: poster.token } })
    expect(inv).toHaveLength(1)
    expect(codeOf(await h.call('event.recordVisit', { token: 'nosuchtoken' }, resident(1).openid))).toBe('INVITE.NOT_FOUND')
    // The butler opening their own card is not a visit.
    okData(await h.call('event.recordVisit', { token: poster.token }, BUTLER))
    expect(await h.store.count('eventVisits')).toBe(0)
  })
})

describe('export', () => {
  it('is UTF-8 CSV with a BOM, quoted where needed, formula-safe', async () => {
    const id = await createEvent(h, { fields: [{ key: 'note', label: '备注', type: 'text', required: false, options: [] }] })
    okData(await signUp(resident(1), id, { answers: { note: '=1+1, "带孩子"' } }))
    const out = okData(await h.call('event.exportAttendees', { eventId: id }, STAFF, A))
    expect(out.csv.startsWith('\uFEFF序号,状态,候补名次,姓名,房屋,手机,备注,报名时间,签到时间,邀请管家\r\n')).toBe(true)
    expect(out.csv).toContain(`"'=1+1, ""带孩子"""`)
    expect(out.rows).toBe(1)
    expect(out.filename).toMatch(/家政服务体验会-报名名单\.csv$/)
  })
})

describe('timer jobs', () => {
  it('reminds the day before and the hour before, once each, always in the inbox', async () => {
    const id = await createEvent(h)
    okData(await signUp(resident(1), id, { subscribed: ['event_reminder'] }))
    okData(await signUp(resident(2), id))
    const run = () => h.raw('event', { Type: 'Timer', TriggerName: 'event-reminders' }, null)
    const sent = async () => (await h.store.find<{ _id: string; kind: string }>('eventReminders', { where: { eventId: id } })).map((r) => r.kind).sort()
    await run()
    expect(await sent()).toEqual([])
    h.clock.advance(DAY + 5 * 60_000)
    await run()
    await run()
    expect(await sent()).toEqual(['day', 'day'])
    h.clock.advance(DAY - HOUR)
    await run()
    await run()
    expect(await sent()).toEqual(['day', 'day', 'hour', 'hour'])
    expect((await inboxOf('u-r2')).map((m) => m.title)).toEqual(['活动提醒：明天开始', '活动提醒：一小时后开始'])
    // The one grant went with the first reminder; the second one reached the inbox only.
    const grants = await h.store.find<SubscriptionDoc>('subscriptions', { where: { userId: 'u-r1' } })
    expect(grants).toEqual([expect.objectContaining({ status: 'used', outcome: 'sent' })])
  })

  it('records 43101 (not subscribed) on the grant and still delivers to the inbox, without failing', async () => {
    const id = await createEvent(h)
    okData(await signUp(resident(1), id, { subscribed: ['event_reminder'] }))
    h.ports.notifier = inboxNotifier(h.store, h.clock, h.ports.random, {
      templateId: (t) => `tpl-${t}`,
      send: async () => ({ ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg' })
    })
    h.clock.advance(DAY + 5 * 60_000)
    const res = (await h.raw('event', { Type: 'Timer', TriggerName: 'event-reminders' }, null)) as { ok: boolean; report: Record<string, number> }
    expect(res).toMatchObject({ ok: true, report: { day: 1, failed: 0 } })
    expect(await h.store.find<SubscriptionDoc>('subscriptions', { where: { userId: 'u-r1' } })).toEqual([expect.objectContaining({ status: 'used', outcome: '43101' })])
    expect((await inboxOf('u-r1')).map((m) => m.kind)).toEqual(['event-reminder'])
  })

  it('marks no-shows after the event, once', async () => {
    const id = await createEvent(h, { capacity: 3 })
    const a = okData(await signUp(resident(1), id))
    const b = okData(await signUp(resident(2), id))
    h.clock.advance(2 * DAY)
    const t = okData(await h.call('event.ticket', { signupId: a.id }, resident(1).openid, A))
    okData(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))
    const run = () => h.raw('event', { Type: 'Timer', TriggerName: 'event-close' }, null) as Promise<{ report: Record<string, number> }>
    await run()
    expect((await h.store.get<SignupDoc>('eventSignups', b.id))?.status).toBe('confirmed')
    h.clock.advance(3 * HOUR)
    expect((await run()).report.noShows).toBeGreaterThanOrEqual(1)
    expect((await run()).report).toMatchObject({ closed: 0, noShows: 0 })
    expect((await h.store.get<SignupDoc>('eventSignups', b.id))?.status).toBe('noShow')
    expect((await h.store.get<SignupDoc>('eventSignups', a.id))?.status).toBe('checkedIn')
    expect((await eventDoc(id)).closedAt).toBe(h.clock.now())
  })

  it('repairs seat counters left behind by an interrupted request', async () => {
    const id = await createEvent(h, { capacity: 2 })
    okData(await signUp(resident(1), id))
    okData(await signUp(resident(2), id))
    okData(await signUp(resident(3), id))
    // A request killed after taking a seat but before writing its status.
    await h.store.update('events', id, { inc: { confirmed: 0 } })
    const stuck: SignupDoc = {
      ...(await findAll<SignupDoc>(h.store, 'eventSignups', { eventId: id }))[0]!,
      _id: `${id}:h-x:1`,
      householdId: 'h-x',
      status: 'pending'
    }
    await h.store.insert('eventSignups', stuck)
    const s1 = (await findAll<SignupDoc>(h.store, 'eventSignups', { eventId: id, status: 'confirmed' }))[0]!
    await h.store.update('eventSignups', s1._id, { set: { status: 'cancelled' } }) // the cancel finished, the release did not
    h.clock.advance(10 * 60_000)
    const res = (await h.raw('event', { Type: 'Timer', TriggerName: 'event-close' }, null)) as { report: Record<string, number> }
    expect(res.report.repaired).toBe(1)
    expect(await eventDoc(id)).toMatchObject({ confirmed: 2, waiting: 0 })
    expect((await h.store.get<SignupDoc>('eventSignups', stuck._id))?.status).toBe('cancelled')
    expect(await h.store.count('eventSignups', { eventId: id, status: 'confirmed' })).toBe(2)
  })
})
