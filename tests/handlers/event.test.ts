/**
 * The `event` function through its real request path on an in-memory SQLite store seeded with
 * the demo data: sign-ups and the waitlist, cancellation and promotion, tickets and check-in,
 * feedback and rewards, butler invitations, export and the timer jobs.
 */
import { eventContracts } from '../../cloudfunctions/contracts/event'
import type { SubscriptionDoc } from '../../cloudfunctions/domain/docs'
import type { SignupDoc, VisitDoc } from '../../cloudfunctions/domain/event/docs'
import { localEventPorts } from '../../cloudfunctions/adapters/event/local'
import { MAX_UNUSED_GRANTS, addGrant } from '../../cloudfunctions/domain/subscribe-grants'
import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
import { createEventModule } from '../../cloudfunctions/event/module'
import { createMain } from '../../cloudfunctions/kernel/main'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { localRuntime } from '../../scripts/server/local-runtime'
import { countReads } from '../support/counting'
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
const inboxOf = (userId: string) => h.store.find('inbox', { where: { userId }, limit: 100 })
const eventDoc = async (id: string) => {
  const e = await h.store.get('events', id)
  if (!e) throw new Error(`no event ${id}`)
  return e
}

it('covers every action of the event function', () => {
  expect(Object.keys(eventContracts).sort()).toEqual(
    [
      'list', 'get', 'editorOptions', 'create', 'update', 'signUp', 'cancel', 'mine', 'ticket', 'ticketCode', 'checkIn', 'signups',
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
    expect((await h.store.get('eventSignups', waiting.id))?.status).toBe('confirmed')
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
    const grants = await h.store.find('subscriptions', { where: { userId: 'u-r1' } })
    expect(grants.map((g) => [g._id, g.template, 'available' in g ? g.available : g.status]).sort()).toEqual([
      ['u-r1:event_promoted', 'event_promoted', 1],
      ['u-r1:event_reminder', 'event_reminder', 1]
    ])
  })

  it('repeated sign-up taps keep one capped grant counter per template, not a row per tap', async () => {
    const id = await createEvent(h)
    for (let i = 0; i < MAX_UNUSED_GRANTS + 5; i++) {
      const s = okData(await signUp(resident(1), id, { subscribed: ['event_reminder', 'event_promoted'] }))
      okData(await h.call('event.cancel', { signupId: s.id }, resident(1).openid, A))
    }
    const grants = await h.store.find('subscriptions', { where: { userId: 'u-r1' } })
    expect(grants.map((g) => [g._id, 'available' in g ? g.available : g.status]).sort()).toEqual([
      ['u-r1:event_promoted', MAX_UNUSED_GRANTS],
      ['u-r1:event_reminder', MAX_UNUSED_GRANTS]
    ])
    // Twice as many taps at once still make one counter each, never past the cap.
    await Promise.all(Array.from({ length: 2 * MAX_UNUSED_GRANTS }, () => addGrant(h.store, h.clock, 'u-r2', 'event_reminder')))
    expect(await h.store.find('subscriptions', { where: { userId: 'u-r2' } })).toEqual([
      expect.objectContaining({ _id: 'u-r2:event_reminder', available: MAX_UNUSED_GRANTS })
    ])
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
    expect((await h.store.get('eventSignups', b.id))?.status).toBe('confirmed')
    expect((await h.store.get('eventSignups', c.id))?.status).toBe('waitlisted')
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

describe('short codes are keyed, and the ticket refresh is narrow', () => {
  /** `n` seated residents of one event, an hour before it starts. */
  async function seatedMany(n: number) {
    const id = await createEvent(h, { capacity: n })
    const made = []
    for (let i = 1; i <= n; i++) made.push(okData(await signUp(resident(i), id)))
    h.clock.advance(2 * DAY - HOUR)
    return { id, made }
  }

  it('a typed code finds its sign-up by key, reading no other seat holder; keys are unique in the event', async () => {
    const { id, made } = await seatedMany(12)
    const tickets = []
    for (let i = 0; i < made.length; i++) tickets.push(okData(await h.call('event.ticket', { signupId: made[i]!.id }, resident(i + 1).openid, A)))
    const keys = tickets.map((t) => t.shortCode.slice(0, 3))
    expect(new Set(keys).size).toBe(made.length)
    expect(await h.store.count('eventTicketKeys', { eventId: id })).toBe(made.length)
    const reads = countReads(h)
    try {
      const done = okData(await h.call('event.checkIn', { eventId: id, code: tickets[7]!.shortCode }, VERIFIER, A))
      expect(done.signupId).toBe(made[7]!.id)
      expect(reads.of('eventTicketKeys')).toMatchObject({ calls: 1, rows: 1 })
      expect(reads.idsRead('eventSignups')).toEqual([made[7]!.id])
      reads.reset()
      // A code that names no key costs one keyed read and finds nothing.
      const unknown = ['2', '3', '4', '5'].map((c) => c.repeat(3)).find((k) => !keys.includes(k))!
      expect(codeOf(await h.call('event.checkIn', { eventId: id, code: `${unknown}ABC` }, VERIFIER, A))).toBe('EVENT.TICKET_INVALID')
      expect(reads.of('eventSignups').rows).toBe(0)
    } finally {
      reads.restore()
    }
    // The right key with a wrong rotating part is refused.
    const t = tickets[3]!.shortCode
    const wrong = `${t.slice(0, 3)}${t.slice(3) === '222' ? '333' : '222'}`
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: wrong }, VERIFIER, A))).toBe('EVENT.TICKET_INVALID')
  })

  it('a sign-up made before keys existed gets one on its next ticket; racing requests agree on one key', async () => {
    const { id, made } = await seatedMany(1)
    const s = made[0]!
    expect((await h.store.get('eventSignups', s.id))?.ticketKey).toBeUndefined()
    const [ra, rb] = await Promise.all([
      h.call('event.ticketCode', { signupId: s.id }, resident(1).openid, A),
      h.call('event.ticket', { signupId: s.id }, resident(1).openid, A)
    ])
    const a = okData(ra)
    expect(a.shortCode).toBe(okData(rb).shortCode)
    const key = (await h.store.get('eventSignups', s.id))?.ticketKey
    expect(a.shortCode.startsWith(key ?? '-')).toBe(true)
    expect(await h.store.find('eventTicketKeys', { where: { eventId: id } })).toEqual([expect.objectContaining({ _id: `${id}:${key}`, signupId: s.id })])
    expect(okData(await h.call('event.checkIn', { eventId: id, code: a.shortCode }, VERIFIER, A)).signupId).toBe(s.id)
  })

  it('a key document the sign-up does not hold (left by a lost race) opens nothing', async () => {
    const { id, made } = await seatedMany(2)
    const t = okData(await h.call('event.ticket', { signupId: made[0]!.id }, resident(1).openid, A))
    const key = t.shortCode.slice(0, 3)
    // Point the key at the other sign-up, as an orphan would.
    await h.store.update('eventTicketKeys', `${id}:${key}`, { set: { signupId: made[1]!.id } })
    expect(codeOf(await h.call('event.checkIn', { eventId: id, code: t.shortCode }, VERIFIER, A))).toBe('EVENT.TICKET_INVALID')
  })

  it('the 30-second refresh reads the sign-up and the event only, and its codes check in', async () => {
    const { id, made } = await seatedMany(3)
    const s = made[1]!
    okData(await h.call('event.ticket', { signupId: s.id }, resident(2).openid, A))
    h.clock.advance(30_000)
    const reads = countReads(h)
    let fresh
    try {
      fresh = okData(await h.call('event.ticketCode', { signupId: s.id }, resident(2).openid, A))
      expect(reads.of('eventSignups')).toMatchObject({ calls: 1, rows: 1 })
      expect(reads.of('events')).toMatchObject({ calls: 1, rows: 1 })
      for (const c of ['rewardGrants', 'households', 'buildings', 'eventTicketKeys'] as const) expect(reads.of(c).calls).toBe(0)
    } finally {
      reads.restore()
    }
    expect(fresh).toMatchObject({ status: 'confirmed', refreshAt: fresh.expiresAt - 30_000 })
    expect(codeOf(await h.call('event.ticketCode', { signupId: s.id }, resident(3).openid, A))).toBe('EVENT.SIGNUP_NOT_FOUND')
    okData(await h.call('event.checkIn', { eventId: id, code: fresh.shortCode }, VERIFIER, A))
    expect(okData(await h.call('event.ticketCode', { signupId: s.id }, resident(2).openid, A)).status).toBe('checkedIn')
  })
})

describe('views read in batches, not once per row', () => {
  it('waitlist places in get and mine cost the same reads for two waitlisted sign-ups as for five', async () => {
    // Five full events, each with a waitlist; resident 1 waits behind one other in each.
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const id = await createEvent(h, { capacity: 1, seatsPerHousehold: 2 })
      okData(await signUp(resident(10), id))
      h.clock.advance(1000)
      okData(await signUp(resident(11), id))
      h.clock.advance(1000)
      ids.push(id)
    }
    const reads = countReads(h)
    const measure = async (events: string[]) => {
      for (const id of events) okData(await signUp(resident(1), id))
      reads.reset()
      const items = okData(await h.call('event.mine', {}, resident(1).openid, A)).items.filter((i) => ids.includes(i.event.id))
      return { items, calls: reads.of('eventSignups').calls }
    }
    try {
      const two = await measure(ids.slice(0, 2))
      expect(two.items.map((i) => [i.event.id, i.signup.position])).toEqual(ids.slice(0, 2).reverse().map((id) => [id, 2]))
      const five = await measure(ids.slice(2))
      expect(five.items.map((i) => i.signup.position)).toEqual([2, 2, 2, 2, 2])
      expect(five.calls).toBe(two.calls)
      // Two waitlisted seats of one household in one event: both placed with one query.
      h.clock.advance(1000)
      okData(await signUp(resident(1), ids[0]!))
      reads.reset()
      const got = okData(await h.call('event.get', { id: ids[0]! }, resident(1).openid, A))
      expect(got.mine.map((m) => m.position)).toEqual([2, 3])
      expect(reads.of('eventSignups').calls).toBe(2)
    } finally {
      reads.restore()
    }
  })

  it('inviteStats counts the groups of every invitation with one query, however many there are', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await createEvent(h))
    const share = async (id: string, n: number) => {
      const inv = okData(await h.call('event.shareInvite', { eventId: id }, BUTLER, A))
      for (let v = 0; v < n; v++) {
        const visit: VisitDoc = { _id: `${id}:u-butler-zhang:v${v}`, inviteId: `${id}:u-butler-zhang`, eventId: id, userId: `v${v}`, groupIds: [`G${v}`, 'G-common'], opens: 1, firstAt: 0, lastAt: 0 }
        await h.store.insert('eventVisits', visit)
      }
      return inv
    }
    const reads = countReads(h)
    const measure = async () => {
      reads.reset()
      const rows = okData(await h.call('event.inviteStats', {}, BUTLER, A)).rows
      return { rows, calls: reads.of('eventVisits').calls }
    }
    try {
      await share(ids[0]!, 1)
      await share(ids[1]!, 2)
      const two = await measure()
      await share(ids[2]!, 3)
      await share(ids[3]!, 1)
      await share(ids[4]!, 2)
      const five = await measure()
      expect(ids.map((id) => five.rows.find((r) => r.eventId === id)?.groups)).toEqual([2, 3, 4, 2, 3])
      expect(two.calls).toBe(1)
      expect(five.calls).toBe(1)
    } finally {
      reads.restore()
    }
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
    const grants = await h.store.find('rewardGrants', { where: { userId: 'u-r1' } })
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

  it('a crash between the feedback and its idea: the resubmission puts the stored idea on the board, paying once', async () => {
    const id = await attended()
    const realInsert = h.store.insert.bind(h.store)
    const crash = jest.spyOn(h.store, 'insert').mockImplementation(async (c, doc) => {
      if (c === 'serviceIdeas') throw new Error('crash')
      return realInsert(c, doc)
    })
    try {
      expect(codeOf(await h.call('event.submitFeedback', fb(id), resident(1).openid, A))).toBe('INTERNAL.ERROR')
    } finally {
      crash.mockRestore()
    }
    expect(await h.store.get('eventFeedback', `${id}:u-r1`)).not.toBeNull()
    expect(await h.store.get('serviceIdeas', `${id}:u-r1`)).toBeNull()
    // The form is still open, so the resident sends it again (the text typed again may differ).
    const mine = okData(await h.call('event.mine', {}, resident(1).openid, A)).items.find((i) => i.event.id === id)
    expect(mine?.signup.feedbackGiven).toBe(false)
    const again = okData(await h.call('event.submitFeedback', fb(id, { ideas: '再写一遍' }), resident(1).openid, A))
    expect(again.rewardText).toBe('保洁券（20 元券）')
    const ideas = okData(await h.call('event.listIdeas', {}, STAFF, A)).ideas.filter((i) => i.eventId === id)
    expect(ideas).toEqual([expect.objectContaining({ text: '希望有家电清洗', status: 'new' })])
    expect(await h.store.count('rewardGrants', { userId: 'u-r1', kind: 'feedback' })).toBe(1)
    expect(okData(await h.call('event.mine', {}, resident(1).openid, A)).items.find((i) => i.event.id === id)?.signup.feedbackGiven).toBe(true)
    expect(codeOf(await h.call('event.submitFeedback', fb(id), resident(1).openid, A))).toBe('FEEDBACK.ALREADY_SUBMITTED')
    expect(await h.store.count('serviceIdeas', { eventId: id })).toBe(1)
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
    expect(share.path).toBe(`/packages/event/pages/detail/index?id=${id}&inv=${share.token}&communityId=${A}`)
    okData(await h.call('event.shareInvite', { eventId: id }, BUTLER, A))

    // The platform decrypts the cloudID of wx.getGroupEnterInfo into this shape.
    const decrypted = (cloudId: string, appid: string) => ({ cloudID: cloudId, data: { opengid: `G-${cloudId}`, watermark: { appid, timestamp: 1 } } })
    const module = createEventModule((ports) => ({
      ...localEventPorts(ports),
      groups: { resolve: async (cloudId: string) => decrypted(cloudId, cloudId === 'foreign' ? 'wx-other' : 'wx-app') }
    }))
    const main = createMain(module, localRuntime(h.ports))
    const visit = (openid: string, groupCloudId?: string) =>
      main({ action: 'recordVisit', input: { token: share.token, ...(groupCloudId ? { groupCloudId } : {}) } }, { request_id: 'r', identity: { openid, source: 'wechat', appid: 'wx-app' } })
    expect(await visit(resident(1).openid, 'one')).toMatchObject({ ok: true, data: { eventId: id, inviterName: '张管家', groupRecorded: true } })
    await visit(resident(1).openid, 'two')
    expect(await visit(resident(2).openid, 'foreign')).toMatchObject({ ok: true, data: { groupRecorded: false } })
    const v = await h.store.get('eventVisits', `${id}:u-butler-zhang:u-r1`)
    expect(v).toMatchObject({ opens: 2, groupIds: ['G-one', 'G-two'] })

    const s = okData(await signUp(resident(1), id))
    expect((await h.store.get('eventSignups', s.id))?.inviteId).toBe(`${id}:u-butler-zhang`)
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
    const inv = await h.store.find('eventInvites', { where: { token: poster.token } })
    expect(inv).toHaveLength(1)
    expect(codeOf(await h.call('event.recordVisit', { token: 'nosuchtoken' }, resident(1).openid))).toBe('INVITE.NOT_FOUND')
    // The butler opening their own card is not a visit.
    okData(await h.call('event.recordVisit', { token: poster.token }, BUTLER))
    expect(await h.store.count('eventVisits', { inviteId: inv[0]!._id })).toBe(0)
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
    const sent = async () => (await h.store.find('eventReminders', { where: { eventId: id } })).map((r) => r.kind).sort()
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
    const grants = await h.store.find('subscriptions', { where: { userId: 'u-r1' } })
    expect(grants).toEqual([expect.objectContaining({ _id: 'u-r1:event_reminder', available: 0, outcome: 'sent' })])
  })

  it('sends use the counter first, then a grant recorded before the counter existed (one row per grant), once each', async () => {
    const id = await createEvent(h)
    okData(await signUp(resident(1), id, { subscribed: ['event_reminder'] }))
    const legacy: SubscriptionDoc = { _id: 'old-grant-1', userId: 'u-r1', template: 'event_reminder', status: 'granted', grantedAt: h.clock.now() }
    await h.store.insert('subscriptions', legacy)
    const sent: string[] = []
    h.ports.notifier = inboxNotifier(h.store, h.clock, h.ports.random, {
      templateId: (t) => `tpl-${t}`,
      send: async (openid) => {
        sent.push(openid)
        return { ok: true }
      }
    })
    const run = () => h.raw('event', { Type: 'Timer', TriggerName: 'event-reminders' }, null)
    h.clock.advance(DAY + 5 * 60_000)
    await run()
    expect(await h.store.get('subscriptions', 'u-r1:event_reminder')).toMatchObject({ available: 0, outcome: 'sent' })
    expect(await h.store.get('subscriptions', 'old-grant-1')).toMatchObject({ status: 'granted' })
    h.clock.advance(DAY - HOUR)
    await run()
    expect(await h.store.get('subscriptions', 'old-grant-1')).toMatchObject({ status: 'used', outcome: 'sent' })
    expect(sent).toEqual(['dev-u-r1', 'dev-u-r1'])
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
    expect(await h.store.find('subscriptions', { where: { userId: 'u-r1' } })).toEqual([expect.objectContaining({ available: 0, outcome: '43101' })])
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
    expect((await h.store.get('eventSignups', b.id))?.status).toBe('confirmed')
    h.clock.advance(3 * HOUR)
    expect((await run()).report.noShows).toBeGreaterThanOrEqual(1)
    expect((await run()).report).toMatchObject({ closed: 0, noShows: 0 })
    expect((await h.store.get('eventSignups', b.id))?.status).toBe('noShow')
    expect((await h.store.get('eventSignups', a.id))?.status).toBe('checkedIn')
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
      ...(await findAll(h.store, 'eventSignups', { eventId: id }))[0]!,
      _id: `${id}:h-x:1`,
      householdId: 'h-x',
      status: 'pending'
    }
    await h.store.insert('eventSignups', stuck)
    const s1 = (await findAll(h.store, 'eventSignups', { eventId: id, status: 'confirmed' }))[0]!
    await h.store.update('eventSignups', s1._id, { set: { status: 'cancelled' } }) // the cancel finished, the release did not
    h.clock.advance(10 * 60_000)
    const res = (await h.raw('event', { Type: 'Timer', TriggerName: 'event-close' }, null)) as { report: Record<string, number> }
    expect(res.report.repaired).toBe(1)
    expect(await eventDoc(id)).toMatchObject({ confirmed: 2, waiting: 0 })
    expect((await h.store.get('eventSignups', stuck._id))?.status).toBe('cancelled')
    expect(await h.store.count('eventSignups', { eventId: id, status: 'confirmed' })).toBe(2)
  })
})
