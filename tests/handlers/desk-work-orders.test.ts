/**
 * Work orders through the real request path: 客服 log a leak for a household on the phone, the
 * skilled worker gets it, the SLA timers run on the clock port (on time, a reminder at the
 * deadline, an escalation after it, a reopen restarting the clock), reassignment, the return visit
 * and the resident's rating, and the dashboard's figures. Residents' own repairs and complaints
 * become work orders too and follow their bookings and complaints.
 */
import type { WorkOrderDraftInput } from '../../cloudfunctions/contracts/desk-work'
import { runSlaSweep } from '../../cloudfunctions/domain/desk/sla-job'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const ZHAO = as('u-service-zhao') // 客服
const NIU = as('u-worker-niu') // plumbing, electric, appliance
const HU = as('u-worker-hu')
const WU = as('u-operator-wu')
const LIN = as('u-dispatch-lin')
const WANG = as('u-wang') // owner of 1栋 101
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const MIN = 60_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  // The demo's own work orders and conversation would raise alerts and fill lists of their own:
  // these tests count only what they make.
  for (const c of ['workOrders', 'chats', 'chatMessages'] as const) {
    for (const d of await findAll(h.store, c)) await h.store.remove(c, d._id)
  }
})
afterEach(async () => {
  await h.close()
})

/** Answers, arrives and finishes, in order, as the worker would. */
async function workThrough(id: string, as: string) {
  for (const step of ['accept', 'arrive', 'finish'] as const) okData(await h.call('desk.step', { workOrderId: id, step }, as, COMMUNITY_A))
}

let n = 0
function leak(over: Partial<WorkOrderDraftInput> = {}): WorkOrderDraftInput {
  return {
    householdId: 'h-a1-101',
    type: 'leak',
    channel: 'phone400',
    text: '卫生间天花板漏水，楼上在装修',
    photos: [],
    contactName: '王先生',
    contactPhone: '13800001111',
    clientRequestId: `wo-req-${++n}`,
    ...over
  }
}

const inboxOf = async (userId: string) => (await findAll(h.store, 'inbox', { userId })).filter((m) => m.kind.startsWith('work-order'))

describe('logging a call', () => {
  it('makes a leak work order, gives it to the least busy plumber and tells the household', async () => {
    const { workOrder } = okData(await h.call('desk.createWorkOrder', leak(), ZHAO, COMMUNITY_A))
    expect(workOrder).toMatchObject({ type: 'leak', typeLabel: '漏水', channel: 'phone400', channelLabel: '400 电话', status: 'open', statusLabel: '待响应', householdLabel: '1栋 101', contactPhoneMasked: '138****1111' })
    expect(workOrder.no).toMatch(/^GD\d{4}-[A-Z0-9]{4}$/)
    expect(['u-worker-niu', 'u-worker-hu']).toContain(workOrder.assignee?.userId)
    const [respond, arrive, finish] = workOrder.stages
    expect(respond).toMatchObject({ stage: 'respond', dueAt: h.clock.now() + 15 * MIN, state: 'pending' })
    expect(arrive).toMatchObject({ stage: 'arrive', dueAt: h.clock.now() + 30 * MIN })
    expect(finish?.stage).toBe('finish')
    expect(await inboxOf(workOrder.assignee!.userId)).toEqual([expect.objectContaining({ kind: 'work-order', title: expect.stringContaining('新工单') })])
    // Every member of 1栋 101 hears that it was logged, with a link to follow it.
    const told = await findAll(h.store, 'inbox', { kind: 'work-order-resident' })
    expect(told.map((m) => m.userId).sort()).toEqual(['u-li', 'u-r1', 'u-wang'])
    expect(told[0]!.link).toContain(`/packages/service/pages/work-order/index?id=${workOrder.id}`)
  })

  it('answers a retry with the same work order and writes nothing more', async () => {
    const req = leak()
    const first = okData(await h.call('desk.createWorkOrder', req, ZHAO, COMMUNITY_A)).workOrder
    const before = await snapshot(h.store)
    const again = okData(await h.call('desk.createWorkOrder', req, ZHAO, COMMUNITY_A)).workOrder
    expect(again.id).toBe(first.id)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('sends a complaint to the grid butler and a chosen assignee where asked', async () => {
    const c = okData(await h.call('desk.createWorkOrder', leak({ type: 'complaint', channel: 'walkin', text: '楼道堆放杂物无人清理' }), ZHAO, COMMUNITY_A)).workOrder
    expect(c.assignee?.userId).toBe('u-butler-zhang')
    expect(c.stages.map((s) => s.stage)).toEqual(['respond', 'finish'])
    const chosen = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-hu' }), ZHAO, COMMUNITY_A)).workOrder
    expect(chosen.assignee).toEqual({ userId: 'u-worker-hu', name: '胡师傅' })
  })

  it.each([
    ['an unknown household', { householdId: 'h-nowhere' }, 'householdId', 'DESK.HOUSEHOLD_NOT_FOUND'],
    ["another community's household", { householdId: 'h-b1-101' }, 'householdId', 'DESK.HOUSEHOLD_NOT_FOUND'],
    ['an assignee who is no worker here', { assigneeUserId: 'u-wang' }, 'assigneeUserId', 'DESK.ASSIGNEE_INVALID'],
    ['a phone that is not one', { contactPhone: '12345' }, 'contactPhone', 'REQUEST.INVALID_INPUT'],
    ['no text', { text: '漏' }, 'text', 'REQUEST.INVALID_INPUT'],
    ['no channel', { channel: 'fax' as never }, 'channel', 'REQUEST.INVALID_INPUT']
  ])('refuses %s, naming the field, and writes nothing', async (_what, over, path, code) => {
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('desk.createWorkOrder', leak(over), ZHAO, COMMUNITY_A))
    expect(err.code).toBe(code)
    expect(err.fields?.map((f) => f.path)).toContain(path)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('is refused to residents and to workers', async () => {
    expect(codeOf(await h.call('desk.createWorkOrder', leak(), WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('desk.createWorkOrder', leak(), NIU, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})

describe('SLA timers on the clock', () => {
  async function logged(over: Partial<WorkOrderDraftInput> = {}) {
    return okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu', ...over }), ZHAO, COMMUNITY_A)).workOrder
  }

  it('stays quiet while every step is on time', async () => {
    const wo = await logged()
    h.clock.advance(10 * MIN)
    okData(await h.call('desk.step', { workOrderId: wo.id, step: 'accept' }, NIU, COMMUNITY_A))
    h.clock.advance(15 * MIN)
    okData(await h.call('desk.step', { workOrderId: wo.id, step: 'arrive' }, NIU, COMMUNITY_A))
    h.clock.advance(60 * MIN)
    const done = okData(await h.call('desk.step', { workOrderId: wo.id, step: 'finish', note: '更换了楼上的进水软管' }, NIU, COMMUNITY_A)).workOrder
    expect(done.stages.map((s) => s.state)).toEqual(['met', 'met', 'met'])
    expect(done).toMatchObject({ status: 'done', breached: false })
    h.clock.advance(24 * 60 * MIN)
    expect(await runSlaSweep(h.ports)).toMatchObject({ reminders: 0, escalations: 0 })
    expect(await findAll(h.store, 'inbox', { kind: 'work-order-breach' })).toEqual([])
  })

  it('reminds the assignee at the deadline, then escalates to operators and dispatchers, once each', async () => {
    const wo = await logged()
    h.clock.advance(14 * MIN)
    expect(await runSlaSweep(h.ports)).toMatchObject({ reminders: 0 })
    h.clock.advance(2 * MIN) // 16 minutes: the 15-minute answer is late
    expect(await runSlaSweep(h.ports)).toMatchObject({ reminders: 1, escalations: 0 })
    expect(await runSlaSweep(h.ports)).toMatchObject({ seen: 0 })
    const reminder = await findAll(h.store, 'inbox', { kind: 'work-order-breach' })
    expect(reminder).toEqual([expect.objectContaining({ userId: 'u-worker-niu', title: '工单响应已超时' })])
    // 15 minutes into the breach it goes up to the supervisors.
    h.clock.advance(15 * MIN)
    // The answer's breach goes up; the arrive deadline (30 min) has passed too, so the worker hears of it.
    expect(await runSlaSweep(h.ports)).toMatchObject({ escalations: 1, reminders: 1 })
    const up = (await findAll(h.store, 'inbox', { kind: 'work-order-breach' })).filter((m) => m.title.includes('升级'))
    expect(up.map((m) => m.userId).sort()).toEqual(['u-dispatch-lin', 'u-operator-wu'])
    const view = okData(await h.call('desk.workOrder', { workOrderId: wo.id }, ZHAO, COMMUNITY_A)).workOrder
    expect(view.breached).toBe(true)
    expect(view.stages[0]).toMatchObject({ state: 'breached', remindedAt: expect.any(Number), escalatedAt: expect.any(Number) })
    const breached = okData(await h.call('desk.workOrders', { view: 'breached' }, ZHAO, COMMUNITY_A)).workOrders
    expect(breached.map((w) => w.id)).toEqual([wo.id])
    // A late answer is recorded as late, and nothing more is sent for that stage.
    const answered = okData(await h.call('desk.step', { workOrderId: wo.id, step: 'accept' }, NIU, COMMUNITY_A)).workOrder
    expect(answered.stages[0]!.state).toBe('late')
  })

  it('tells the desk when nobody is assigned', async () => {
    // 3栋 without its grid: nobody looks after it, so nobody is assigned a lift fault there.
    await h.store.remove('grids', 'g-a-west')
    const lift = okData(await h.call('desk.createWorkOrder', leak({ type: 'lift', householdId: 'h-a3-201', text: '3栋电梯停在两层之间' }), ZHAO, COMMUNITY_A)).workOrder
    expect(lift.assignee).toBeNull()
    h.clock.advance(6 * MIN)
    await runSlaSweep(h.ports)
    expect((await findAll(h.store, 'inbox', { kind: 'work-order-breach' })).map((m) => m.userId)).toEqual(['u-service-zhao'])
  })

  it('restarts the clock on reopen under the rule of the day', async () => {
    const wo = await logged()
    await workThrough(wo.id, NIU)
    h.clock.advance(3 * 60 * MIN)
    okData(await h.call('desk.saveSlaRule', { type: 'leak', rule: { respondMin: 10, arriveMin: 20, finishMin: 120, escalateMin: 10 } }, WU, COMMUNITY_A))
    const reopened = okData(await h.call('desk.reopen', { workOrderId: wo.id, reason: '又漏了' }, ZHAO, COMMUNITY_A)).workOrder
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1, breached: false })
    expect(reopened.stages[0]).toMatchObject({ dueAt: h.clock.now() + 10 * MIN, doneAt: null, state: 'pending' })
    expect((await inboxOf('u-worker-niu')).some((m) => m.title.includes('工单重开'))).toBe(true)
    h.clock.advance(11 * MIN)
    expect(await runSlaSweep(h.ports)).toMatchObject({ reminders: 1 })
  })
})

describe('working, reassigning and closing', () => {
  it('takes steps in order, from the assignee only', async () => {
    const wo = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    expect(errorOf(await h.call('desk.step', { workOrderId: wo.id, step: 'arrive' }, NIU, COMMUNITY_A))).toMatchObject({ code: 'WORK_ORDER.BAD_STATE', message: '请先响应' })
    expect(codeOf(await h.call('desk.step', { workOrderId: wo.id, step: 'accept' }, HU, COMMUNITY_A))).toBe('WORK_ORDER.NOT_FOUND')
    const mine = okData(await h.call('desk.myWorkOrders', {}, NIU, COMMUNITY_A)).workOrders
    expect(mine.map((w) => w.id)).toContain(wo.id)
    expect(mine.find((w) => w.id === wo.id)?.can.step).toBe('accept')
  })

  it('reassigns with a reason, telling the new worker', async () => {
    const wo = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    const moved = okData(await h.call('desk.reassign', { workOrderId: wo.id, assigneeUserId: 'u-worker-hu', reason: '牛师傅在别的小区' }, LIN, COMMUNITY_A)).workOrder
    expect(moved.assignee?.name).toBe('胡师傅')
    expect(moved.history.at(-1)).toMatchObject({ action: '改派', note: expect.stringContaining('牛师傅 → 胡师傅') })
    expect((await inboxOf('u-worker-hu')).some((m) => m.title.includes('改派'))).toBe(true)
    expect(codeOf(await h.call('desk.reassign', { workOrderId: wo.id, assigneeUserId: 'u-worker-hu', reason: '再改' }, LIN, COMMUNITY_A))).toBe('WORK_ORDER.SAME_ASSIGNEE')
  })

  it('closes with a return visit call, or with the resident rating', async () => {
    const a = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    await workThrough(a.id, NIU)
    expect(errorOf(await h.call('desk.returnVisit', { workOrderId: a.id, reached: true, score: null, note: '住户满意' }, ZHAO, COMMUNITY_A)).fields?.[0]?.path).toBe('score')
    const missed = okData(await h.call('desk.returnVisit', { workOrderId: a.id, reached: false, score: null, note: '电话无人接听' }, ZHAO, COMMUNITY_A)).workOrder
    expect(missed.status).toBe('done')
    const visited = okData(await h.call('desk.returnVisit', { workOrderId: a.id, reached: true, score: 5, note: '住户满意' }, ZHAO, COMMUNITY_A)).workOrder
    expect(visited).toMatchObject({ status: 'visited', visit: { by: 'call', score: 5 } })

    const b = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    expect(codeOf(await h.call('desk.rateWorkOrder', { workOrderId: b.id, score: 4 }, WANG, COMMUNITY_A))).toBe('WORK_ORDER.BAD_STATE')
    await workThrough(b.id, NIU)
    const seen = okData(await h.call('desk.residentWorkOrder', { workOrderId: b.id }, WANG, COMMUNITY_A)).workOrder
    expect(seen.can.rate).toBe(true)
    const rated = okData(await h.call('desk.rateWorkOrder', { workOrderId: b.id, score: 4, comment: '来得很快' }, WANG, COMMUNITY_A)).workOrder
    expect(rated).toMatchObject({ status: 'visited', visit: { by: 'rating', score: 4 } })
    expect(codeOf(await h.call('desk.rateWorkOrder', { workOrderId: b.id, score: 4 }, WANG, COMMUNITY_A))).toBe('WORK_ORDER.BAD_STATE')
    // Not theirs: another resident of the community cannot read it.
    expect(codeOf(await h.call('desk.residentWorkOrder', { workOrderId: b.id }, as('u-zhao'), COMMUNITY_A))).toBe('WORK_ORDER.NOT_FOUND')
  })

  it('refuses an SLA of zero or out of order, naming the field, and writes nothing', async () => {
    const before = await snapshot(h.store)
    const zero = errorOf(await h.call('desk.saveSlaRule', { type: 'leak', rule: { respondMin: 0, arriveMin: 30, finishMin: 240, escalateMin: 15 } }, WU, COMMUNITY_A))
    expect(zero.fields).toEqual([expect.objectContaining({ path: 'rule.respondMin', message: expect.stringContaining('响应时限须大于 0') })])
    const order = errorOf(await h.call('desk.saveSlaRule', { type: 'leak', rule: { respondMin: 30, arriveMin: 10, finishMin: 240, escalateMin: 15 } }, WU, COMMUNITY_A))
    expect(order.fields?.[0]?.path).toBe('rule.arriveMin')
    expect(await snapshot(h.store)).toEqual(before)
    const rules = okData(await h.call('desk.slaRules', {}, ZHAO, COMMUNITY_A)).rules
    expect(rules.find((r) => r.type === 'leak')).toMatchObject({ respondMin: 15, arriveMin: 30 })
  })
})

describe("residents' own repairs and complaints", () => {
  it('a complaint becomes a work order for the butler and follows its answers and rating', async () => {
    const c = okData(await h.call('booking.complain', { householdId: 'h-a1-101', category: 'noise', text: '楼上每晚十二点后还在装修', photos: [], clientRequestId: 'cp-req-0001' }, WANG, COMMUNITY_A)).complaint
    const [wo] = await findAll(h.store, 'workOrders', { sourceId: c.id })
    expect(wo).toMatchObject({ type: 'complaint', channel: 'app', source: 'complaint', assigneeUserId: 'u-butler-zhang', status: 'open', follows: true })
    h.clock.advance(10 * MIN)
    okData(await h.call('booking.respond', { complaintId: c.id, status: 'resolved', response: '已与楼上沟通，晚十点后停工' }, ZHANG, COMMUNITY_A))
    const after = (await h.store.get('workOrders', wo!._id))!
    expect(after).toMatchObject({ status: 'done', respondedAt: h.clock.now(), finishedAt: h.clock.now() })
    okData(await h.call('booking.rateComplaint', { complaintId: c.id, score: 5 }, WANG, COMMUNITY_A))
    expect((await h.store.get('workOrders', wo!._id))!).toMatchObject({ status: 'visited', visit: { by: 'rating', score: 5 } })
    // The desk cannot step an order its complaint drives.
    expect(codeOf(await h.call('desk.step', { workOrderId: wo!._id, step: 'accept' }, as('u-butler-zhang'), COMMUNITY_A))).not.toBe('WORK_ORDER.CHANGED')
  })
})

describe('the dashboard', () => {
  it('counts work orders per channel and the SLA stages met', async () => {
    const a = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    okData(await h.call('desk.createWorkOrder', leak({ channel: 'wechat', type: 'request', text: '想咨询装修押金怎么退' }), ZHAO, COMMUNITY_A))
    okData(await h.call('desk.step', { workOrderId: a.id, step: 'accept' }, NIU, COMMUNITY_A))
    h.clock.advance(40 * MIN) // arrive was due at 30
    okData(await h.call('desk.step', { workOrderId: a.id, step: 'arrive' }, NIU, COMMUNITY_A))
    const s = okData(await h.call('desk.deskStats', { days: 30 }, WU, COMMUNITY_A))
    expect(s.total).toBe(2)
    expect(s.byChannel.find((c) => c.channel === 'phone400')?.count).toBe(1)
    expect(s.byChannel.find((c) => c.channel === 'wechat')?.count).toBe(1)
    // respond: the leak met it, the request's (60 min) is still pending → 1 of 1; arrive: late → 0 of 1.
    expect(s.compliance).toEqual([
      expect.objectContaining({ stage: 'respond', due: 1, metBp: 10_000 }),
      expect.objectContaining({ stage: 'arrive', due: 1, metBp: 0 }),
      expect.objectContaining({ stage: 'finish', due: 0, metBp: null })
    ])
    // Another community sees none of it.
    expect(okData(await h.call('desk.deskStats', { days: 30 }, WU, COMMUNITY_B)).total).toBe(0)
  })
})

describe('under concurrency', () => {
  it('three SLA sweeps at once send each reminder once', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu', clientRequestId: `burst-${i}-0000` }), ZHAO, COMMUNITY_A))
    )
    expect(made.every((r) => r.ok)).toBe(true)
    h.clock.advance(16 * MIN)
    const runs = await Promise.all([runSlaSweep(h.ports), runSlaSweep(h.ports), runSlaSweep(h.ports)])
    const sent = await findAll(h.store, 'inbox', { kind: 'work-order-breach' })
    expect(sent).toHaveLength(20)
    expect(new Set(sent.map((m) => m._id)).size).toBe(20)
    // Every order records its reminder, whichever sweep won it; none is left due.
    const orders = await findAll(h.store, 'workOrders', {})
    expect(orders.every((w) => w.alerts.respond?.remindedAt === h.clock.now() && w.breached)).toBe(true)
    expect((await runSlaSweep(h.ports)).seen).toBe(0)
    expect(runs.reduce((n, r) => n + Number(r.seen), 0)).toBeGreaterThanOrEqual(20)
  })

  it('ten taps of 响应 at once answer the order once, and each tap hears so', async () => {
    const wo = okData(await h.call('desk.createWorkOrder', leak({ assigneeUserId: 'u-worker-niu' }), ZHAO, COMMUNITY_A)).workOrder
    const taps = await Promise.all(Array.from({ length: 10 }, () => h.call('desk.step', { workOrderId: wo.id, step: 'accept' }, NIU, COMMUNITY_A)))
    // Every tap is answered with the order answered; only one wrote it.
    expect(taps.every((r) => r.ok && r.data.workOrder.status === 'accepted')).toBe(true)
    const after = (await h.store.get('workOrders', wo.id))!
    expect(after.history.filter((e) => e.action === '响应')).toHaveLength(1)
    expect(after.rev).toBe(2)
  })
})
