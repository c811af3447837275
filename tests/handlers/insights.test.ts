/**
 * The `insights` function and its nightly pass on the seeded demo (five months of history) and on
 * hand-made data in the second community, where every figure is computed by hand below.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { bookingPayable } from '../../cloudfunctions/domain/booking/booking-payable'
import { DAY_MS, addDays, dayOf, dayStart } from '../../cloudfunctions/domain/insights/time'
import { shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import type { OrderDoc } from '../../cloudfunctions/domain/order/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, okData, snapshot } from './support'
import type { CollectionName, DocOf } from '../../cloudfunctions/kernel/collections'
import { rawStore } from '../support/raw-store'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang')
const LIU = as('u-butler-liu')
const WANG = as('u-wang')
let rid = 0
const req = () => `insights-req-${++rid}-xxxx`

/** A paid pre-sale order in community B, written as the order function would leave it. */
function order(id: string, householdId: string, paidAt: number, paidFen: number, extra: Partial<OrderDoc> = {}): OrderDoc {
  return {
    _id: id,
    idempotencyKey: `k-${id}`,
    code: `C${id}`,
    communityId: COMMUNITY_B,
    campaignId: 'cp-hand',
    householdId,
    buildingId: 'b-b1',
    userId: 'u-b-resident',
    skuId: 's1',
    skuName: '大米',
    quantity: 1,
    unitPriceFen: paidFen,
    subtotalFen: paidFen,
    couponId: null,
    pointsUsed: 0,
    discountFen: 0,
    amountFen: paidFen,
    note: '',
    status: 'delivered',
    expiresAt: paidAt,
    payingUntil: paidAt,
    releaseDue: false,
    paymentId: `p-${id}`,
    paidFen,
    paidAt,
    gridId: 'g-b-main',
    deliveredAt: paidAt + DAY_MS,
    deliveredBy: null,
    refundReason: null,
    refundRequestedAt: null,
    refundAttempts: 0,
    refundedFen: 0,
    refundedAt: null,
    afterSale: null,
    invitationId: null,
    inviterUserId: null,
    openGId: null,
    createdAt: paidAt,
    updatedAt: paidAt,
    ...extra
  }
}

const today = () => dayOf(h.clock.now())

describe('metric definitions on hand-computed data (community B)', () => {
  /**
   * Yesterday-ending 7-day window:
   * - 101: two orders (¥100, ¥300) → a repeater;
   * - 102: one order ¥200, and one refunded in full (does not count);
   * - 103: one order ¥50 with ¥20 refunded (counts ¥30), and one 10 days ago (outside the window).
   * Orders 4, GMV 100+300+200+30 = ¥630, 客单价 ¥157.50, purchasers 3, repeaters 1 → 33.33 %.
   */
  async function handData() {
    const t = dayStart(today())
    const docs = [
      order('o1', 'h-b1-101', t - 2 * DAY_MS + 3_600_000, 10000),
      order('o2', 'h-b1-101', t - 5 * DAY_MS, 30000),
      order('o3', 'h-b1-102', t - 3 * DAY_MS, 20000),
      order('o4', 'h-b1-102', t - 3 * DAY_MS, 15000, { status: 'refunded', refundedFen: 15000, refundedAt: t - 2 * DAY_MS, updatedAt: t - 2 * DAY_MS }),
      order('o5', 'h-b1-103', t - 1 * DAY_MS, 5000, { refundedFen: 2000 }),
      order('o6', 'h-b1-103', t - 10 * DAY_MS, 8000)
    ]
    for (const d of docs) await h.store.insert('orders', d)
  }

  test('orders, GMV, 客单价 and 回购率 over the stored window', async () => {
    await handData()
    const report = await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect(report.complete).toBe(1)
    const d = okData(await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -7), to: addDays(today(), -1) }, OPERATOR, COMMUNITY_B))
    expect(d.figures).toMatchObject({ orders: 4, gmvFen: 63000, aovFen: 15750, repeaters: 1, purchasers: 3, repurchaseBp: 3333, repurchaseWindow: '7d' })
    // The day before the window holds o6 only.
    expect(d.previous.orders).toBe(1)
    expect(d.previous.gmvFen).toBe(8000)
    // Daily rows add up to the figures, and a day's buyers are distinct households.
    expect(d.days.reduce((n, r) => n + r.orders, 0)).toBe(4)
    const threeAgo = d.days.find((r) => r.day === addDays(today(), -3))
    expect(threeAgo).toMatchObject({ orders: 1, gmvFen: 20000, buyers: 1 })
    expect(d.lines).toEqual([{ line: 'presale', label: '邻里严选', orders: 4, gmvFen: 63000 }])
  })

  test('the invitation funnel: visits, sign-ups and orders through invitations, converted and repeat households', async () => {
    const t = dayStart(today())
    await h.store.insert('eventInvites', { _id: 'ev-x:u-b-butler', eventId: 'ev-x', communityId: COMMUNITY_B, butlerUserId: 'u-b-butler', token: 'tokx', shares: 1, visits: 4, signups: 1, checkins: 0, createdAt: t - 6 * DAY_MS })
    await h.store.insert('eventSignups', { _id: 'ev-x:h-b1-102:1', eventId: 'ev-x', communityId: COMMUNITY_B, householdId: 'h-b1-102', userId: 'u-x', status: 'confirmed', answers: {}, queueKey: 'q', createdAt: t - 5 * DAY_MS, updatedAt: t - 5 * DAY_MS, inviteId: 'ev-x:u-b-butler' })
    // 101 ordered through an invitation, then again; 102 only signed up; 103 ordered without one.
    await h.store.insert('orders', order('f1', 'h-b1-101', t - 4 * DAY_MS, 5000, { invitationId: 'inv-1' }))
    await h.store.insert('orders', order('f2', 'h-b1-101', t - 2 * DAY_MS, 5000))
    await h.store.insert('orders', order('f3', 'h-b1-103', t - 2 * DAY_MS, 5000))
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    const d = okData(await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -7), to: addDays(today(), -1) }, OPERATOR, COMMUNITY_B))
    expect(d.funnel).toEqual({ visits: 4, signups: 1, orders: 1, converted: 2, repeat: 1 })
  })

  test('a custom range has exact sums and no repurchase rate (not additive over days)', async () => {
    await handData()
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    const d = okData(await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -5), to: addDays(today(), -2) }, OPERATOR, COMMUNITY_B))
    expect(d.figures.orders).toBe(3)
    expect(d.figures.gmvFen).toBe(60000)
    expect(d.figures.repurchaseBp).toBeNull()
  })

  test('incremental: one changed order recomputes one household and its day, and the figures follow', async () => {
    await handData()
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    h.clock.advance(DAY_MS)
    const quiet = await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect(quiet).toMatchObject({ projected: 0, households: 0, days: 0 })
    // o2 refunded in full: 101 now has one order.
    const t = h.clock.now()
    await h.store.update('orders', 'o2', { set: { status: 'refunded', refundedFen: 30000, refundedAt: t, updatedAt: t } })
    h.clock.advance(DAY_MS)
    const r = await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect(r).toMatchObject({ projected: 1, households: 1, days: 1 })
    const stats = await h.store.get('householdStats', 'h-b1-101')
    expect(stats?.orders).toBe(1)
    const day = dayOf(dayStart(addDays(today(), -2)) - 5 * DAY_MS + DAY_MS * 2)
    const dm = await h.store.get('dayMetrics', `${COMMUNITY_B}:${addDays(day, -2)}`)
    expect(dm === null || dm.orders === 0).toBe(true)
  })

  test('a pass cut short by its budget resumes to the same result as one uninterrupted pass', async () => {
    await handData()
    const first = await runNightly(h.ports, { communityId: COMMUNITY_B, budgetMs: 0 })
    expect(first.complete).toBe(0)
    let guard = 0
    while ((await runNightly(h.ports, { communityId: COMMUNITY_B, budgetMs: 0 })).complete === 0 && guard++ < 200);
    const final = await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect(final.complete).toBe(1)
    const d = okData(await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -7), to: addDays(today(), -1) }, OPERATOR, COMMUNITY_B))
    expect(d.figures).toMatchObject({ orders: 4, gmvFen: 63000, repurchaseBp: 3333 })
  })

  test('bookings count when paid with money; card and free ones are uses, not orders', async () => {
    const t = dayStart(today()) - 2 * DAY_MS
    const base = { communityId: COMMUNITY_B, householdId: 'h-b1-101', userId: 'u-b-resident', contactName: '', lineId: 'l', lineName: '保洁', category: 'housekeeping', kind: 'service', slotStart: t, slotEnd: t + 7_200_000, counterHeld: false, workerId: null, holdUntil: null, note: '', photos: [], steps: {}, reassignments: [], rated: false, createdAt: t, updatedAt: t } as const
    await rawStore(h.store).insert('bookings', { ...base, _id: 'bk1', idempotencyKey: 'bk1', status: 'done', payMode: 'upfront', payState: 'paid', priceFen: 12000, paidAt: t })
    await rawStore(h.store).insert('bookings', { ...base, _id: 'bk2', idempotencyKey: 'bk2', status: 'done', payMode: 'card', payState: 'card', priceFen: null, finishedAt: t })
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    const purchases = await findAll(h.store, 'purchases', { communityId: COMMUNITY_B })
    expect(purchases.map((p) => [p._id, p.counted, p.used]).sort()).toEqual([['booking:bk1', true, true], ['booking:bk2', false, true]])
    const s = await h.store.get('householdStats', 'h-b1-101')
    expect(s?.orders).toBe(1)
    expect(Object.values(s?.lineDays['service:housekeeping'] ?? {}).reduce((a, b) => a + b, 0)).toBe(2)
  })
})

describe('what the nightly pass must not miss', () => {
  test('a booking refunded later (in part, then in full) leaves the figures of its payment day', async () => {
    const t = dayStart(today()) - 3 * DAY_MS
    const base = { communityId: COMMUNITY_B, householdId: 'h-b1-101', userId: 'u-b-resident', contactName: '', lineId: 'l', lineName: '保洁', category: 'housekeeping', kind: 'service', slotStart: t, slotEnd: t + 7_200_000, counterHeld: false, workerId: null, holdUntil: null, note: '', photos: [], steps: {}, reassignments: [], rated: false, createdAt: t, updatedAt: t } as const
    await rawStore(h.store).insert('bookings', { ...base, _id: 'bkr', idempotencyKey: 'bkr', status: 'done', payMode: 'upfront', payState: 'paid', priceFen: 12000, paidAt: t, paymentId: 'pay-bkr' })
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    const day = `${COMMUNITY_B}:${dayOf(t)}`
    expect((await h.store.get('dayMetrics', day))?.gmvFen).toBe(12000)
    const payment = { _id: 'pay-bkr' } as Parameters<typeof bookingPayable.onRefunded>[1]
    const line = { kind: 'booking', id: 'bkr', amountFen: 12000 } as unknown as Parameters<typeof bookingPayable.onRefunded>[2]
    h.clock.advance(DAY_MS)
    await bookingPayable.onRefunded(h.ports, payment, line, 2000)
    h.clock.advance(DAY_MS)
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect((await h.store.get('dayMetrics', day))?.gmvFen).toBe(10000)
    h.clock.advance(DAY_MS)
    await bookingPayable.onRefunded(h.ports, payment, line, 12000)
    h.clock.advance(DAY_MS)
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect(await h.store.get('dayMetrics', day)).toBeNull()
  })

  test('a pass that dies after writing a purchase still recomputes what it touched', async () => {
    await h.store.insert('orders', order('crash', 'h-b1-101', dayStart(today()) - DAY_MS, 7000))
    // The store fails the first recompute mark, after nothing else: the pass dies mid-page.
    const insert = h.store.insert.bind(h.store)
    let failed = false
    h.store.insert = (async (collection: string, doc: { _id: string }) => {
      if (collection === 'insightsDirty' && !failed) {
        failed = true
        throw new Error('store unavailable')
      }
      return insert(collection as CollectionName, doc as DocOf<CollectionName>)
    }) as typeof h.store.insert
    await expect(runNightly(h.ports, { communityId: COMMUNITY_B })).rejects.toThrow('store unavailable')
    h.store.insert = insert
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    expect((await h.store.get('dayMetrics', `${COMMUNITY_B}:${addDays(today(), -1)}`))?.gmvFen).toBe(7000)
  })

  test('a household whose case ended 未召回 gets no new case until it shows activity again', async () => {
    const t = dayStart(today())
    for (let i = 0; i < 8; i++) await h.store.insert('orders', order(`gone${i}`, 'h-b1-104', t - (160 - i * 10) * DAY_MS, 8000))
    await runNightly(h.ports, { communityId: COMMUNITY_B })
    const first = await findAll(h.store, 'churnCases', { householdId: 'h-b1-104' })
    expect(first).toHaveLength(1)
    for (let d = 0; d < 47; d++) {
      h.clock.advance(DAY_MS)
      await runNightly(h.ports, { communityId: COMMUNITY_B })
    }
    const cases = await findAll(h.store, 'churnCases', { householdId: 'h-b1-104' })
    expect(cases.map((c) => c.status)).toEqual(['lost'])
    expect((await h.store.get('householdStats', 'h-b1-104'))?.atRisk).toBe(true)
  })
})

describe('the demo community after the nightly pass', () => {
  beforeEach(async () => {
    await runNightly(h.ports)
  })

  test('households that stopped buying are flagged with their reasons, one case each, kept across passes', async () => {
    const stats = await findAll(h.store, 'householdStats', { communityId: COMMUNITY_A })
    const risky = stats.filter((s) => s.atRisk)
    expect(risky.length).toBeGreaterThan(0)
    expect(risky.some((s) => s.reasons.some((r) => r.code === 'inactive_long'))).toBe(true)
    for (const s of risky) {
      expect(s.score).toBeGreaterThanOrEqual(50)
      // The score is the sum of its reasons' points (capped at 100): nothing hidden.
      expect(Math.min(100, s.reasons.reduce((n, r) => n + r.points, 0))).toBe(s.score)
      expect(s.openCaseId).not.toBeNull()
    }
    const cases = await findAll(h.store, 'churnCases', { communityId: COMMUNITY_A })
    expect(new Set(cases.map((c) => c.householdId)).size).toBe(cases.length)
    expect(cases.length).toBe(risky.length)
    // A steady weekly buyer is not at risk.
    expect(stats.find((s) => s._id === 'h-a1-101')?.atRisk).toBe(false)
    h.clock.advance(DAY_MS)
    await runNightly(h.ports)
    expect((await findAll(h.store, 'churnCases', { communityId: COMMUNITY_A })).length).toBe(cases.length)
  })

  test('a household that comes back closes its case as reactivated', async () => {
    const [c] = await findAll(h.store, 'churnCases', { communityId: COMMUNITY_A, status: 'open' })
    expect(c).toBeDefined()
    h.clock.advance(DAY_MS)
    const t = h.clock.now()
    await h.store.insert('orders', { ...order('back1', c!.householdId, t, 6000), communityId: COMMUNITY_A, buildingId: c!.buildingId })
    h.clock.advance(DAY_MS)
    await runNightly(h.ports)
    const after = await h.store.get('churnCases', c!._id)
    expect(after?.status).toBe('reactivated')
    expect((await h.store.get('householdStats', c!.householdId))?.openCaseId).toBeNull()
  })

  test('segments carry the rule and the household numbers behind them', async () => {
    const seg = okData(await h.call('insights.segment', { need: 'save_money' }, OPERATOR, COMMUNITY_A))
    expect(seg.count).toBeGreaterThan(0)
    expect(seg.households[0]?.because).toMatch(/用券\/积分订单占比/)
    // A butler sees only their grid's households.
    const mine = okData(await h.call('insights.segment', { need: 'save_money' }, ZHANG, COMMUNITY_A))
    expect(mine.households.every((x) => x.label.startsWith('1栋'))).toBe(true)
    // Coupons target the segment's bound residents.
    const bound = await findAll(h.store, 'memberships', { communityId: COMMUNITY_A, status: 'active' })
    const all = await findAll(h.store, 'householdStats', { communityId: COMMUNITY_A })
    const inSegment = new Set(all.filter((s) => s.needs.includes('save_money')).map((s) => s._id))
    expect(inSegment.size).toBe(seg.count)
    const expected = new Set(bound.filter((m) => inSegment.has(m.householdId)).map((m) => m.userId))
    expect(expected.size).toBeGreaterThan(0)
    const preview = okData(await h.call('member.previewSegment', { segment: { type: 'need', need: 'save_money' } }, OPERATOR, COMMUNITY_A))
    expect(preview.recipients).toBe(expected.size)
    // Editing a rule changes who is in the segment on the next pass.
    const rules = okData(await h.call('insights.rules', {}, OPERATOR, COMMUNITY_A))
    const strict = rules.segments.map((r) => (r.need === 'save_money' ? { ...r, all: [{ metric: 'orders180' as const, op: 'gte' as const, value: 1000 }] } : r))
    okData(await h.call('insights.saveRules', { segments: strict, churn: rules.churn }, OPERATOR, COMMUNITY_A))
    h.clock.advance(DAY_MS)
    await runNightly(h.ports)
    expect(okData(await h.call('insights.segment', { need: 'save_money' }, OPERATOR, COMMUNITY_A)).count).toBe(0)
  })

  test('parcels registered at the desk become 近3个月快递数, a rule on it picks households, and older months drop out', async () => {
    // Only the parcels registered here count; the demo's own would blur the threshold.
    for (const c of ['parcels', 'parcelCodes', 'parcelMonths'] as const) for (const d of await findAll(h.store, c)) await h.store.remove(c, d._id)
    const many = 'h-a1-101'
    const one = (await findAll(h.store, 'householdStats', { communityId: COMMUNITY_A })).find((s) => s._id !== many)!._id
    // A household that never ordered, booked or signed up has no figures until its parcels arrive.
    const withStats = new Set((await findAll(h.store, 'householdStats')).map((x) => x._id))
    const quiet = (await findAll(h.store, 'households', { communityId: COMMUNITY_A })).find((x) => !withStats.has(x._id))!._id
    let k = 0
    const register = async (householdId: string) =>
      okData(await h.call('parcel.register', { householdId, courier: 'sf', trackingNo: `SF77${String(++k).padStart(8, '0')}`, shelf: 'B-01', clientRequestId: `${req()}-parcel` }, as('u-service-zhao'), COMMUNITY_A))
    const registeredAt = h.clock.now()
    await register(many)
    await register(many)
    await register(one)
    await register(quiet)
    await register(quiet)
    const rules = okData(await h.call('insights.rules', {}, OPERATOR, COMMUNITY_A))
    const byParcels = [...rules.segments.filter((r) => r.need !== 'save_time'), { need: 'save_time' as const, label: '快递多', all: [{ metric: 'parcels3m' as const, op: 'gte' as const, value: 2 }] }]
    okData(await h.call('insights.saveRules', { segments: byParcels, churn: rules.churn }, OPERATOR, COMMUNITY_A))
    const segment = async () => {
      await runNightly(h.ports)
      return okData(await h.call('insights.segment', { need: 'save_time' }, OPERATOR, COMMUNITY_A)).households
    }
    h.clock.advance(DAY_MS)
    const now = await segment()
    expect(now.map((x) => x.householdId).sort()).toEqual([many, quiet].sort())
    expect(now.find((x) => x.householdId === many)?.because).toBe('快递多（近3个月快递数 2 ≥ 2）')
    expect((await h.store.get('householdStats', many))?.needFlags.save_time).toBe(true)
    expect((await h.store.get('householdStats', one))?.needFlags.save_time).toBe(false)
    // The registration month is the oldest of the window on the last day two months on, and out of it the day after.
    const [y, m] = shanghaiMonth(registeredAt).split('-').map(Number) as [number, number]
    const windowLeavesIt = Date.UTC(y, m + 2, 1) - 8 * 3_600_000 // Shanghai midnight starting the third month after
    h.clock.advance(windowLeavesIt - DAY_MS - h.clock.now())
    expect((await segment()).map((x) => x.householdId).sort()).toEqual([many, quiet].sort())
    h.clock.advance(DAY_MS)
    expect(await segment()).toEqual([])
    expect((await h.store.get('householdStats', many))?.needFlags.save_time).toBe(false)
  })

  test('the butler completes a follow-up task from a real follow-up, and the scoreboard counts it', async () => {
    const tasks = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    const follow = tasks.tasks.find((t) => t.kind === 'follow_risk')
    expect(follow).toBeDefined()
    expect(follow!.progress).toBe(0)
    const target = follow!.households[0]!.householdId
    okData(await h.call('insights.logFollowUp', { householdId: target, channel: 'call', note: '电话回访，住户说最近出差', clientRequestId: req() }, ZHANG, COMMUNITY_A))
    const after = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    const f2 = after.tasks.find((t) => t.kind === 'follow_risk')!
    expect(f2.progress).toBe(1)
    expect(f2.households.find((x) => x.householdId === target)?.done).toBe(true)
    const [c] = await findAll(h.store, 'churnCases', { householdId: target })
    expect(c?.status).toBe('followed')
    const board = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, ZHANG, COMMUNITY_A))
    const row = board.rows.find((r) => r.butlerUserId === 'u-butler-zhang')!
    expect(row.followUps).toBe(1)
    expect(row.achieved).toBeGreaterThanOrEqual(1)
  })

  test('the rating follow-up task advances when the butler closes the follow-up', async () => {
    const tasks = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    const rating = tasks.tasks.find((t) => t.kind === 'follow_rating')
    expect(rating).toBeDefined()
    const stored = await h.store.get('butlerTasks', rating!.taskId)
    okData(await h.call('booking.closeFollowUp', { followUpId: stored!.refs[0]!, note: '已致歉并安排复查' }, ZHANG, COMMUNITY_A))
    const after = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    expect(after.tasks.find((t) => t.kind === 'follow_rating')?.progress).toBe(1)
  })

  test('a follow-up logged twice with one request id counts once; another grid is refused', async () => {
    const id = req()
    const hh = 'h-a1-102'
    okData(await h.call('insights.logFollowUp', { householdId: hh, channel: 'visit', note: '上门拜访', clientRequestId: id }, ZHANG, COMMUNITY_A))
    okData(await h.call('insights.logFollowUp', { householdId: hh, channel: 'visit', note: '上门拜访', clientRequestId: id }, ZHANG, COMMUNITY_A))
    expect((await findAll(h.store, 'followLogs', { householdId: hh })).length).toBe(1)
    expect(codeOf(await h.call('insights.logFollowUp', { householdId: hh, channel: 'visit', note: '上门拜访', clientRequestId: req() }, LIU, COMMUNITY_A))).toBe('INSIGHTS.OUT_OF_GRID')
  })
})

describe('privacy', () => {
  test('butlers see contact details masked, and unmasked only for a task about the household (logged)', async () => {
    await runNightly(h.ports)
    const view = okData(await h.call('insights.household', { householdId: 'h-a1-101' }, ZHANG, COMMUNITY_A))
    expect(view.profile.masked).toBe(true)
    expect(view.profile.people.find((p) => p.nickname === '王建国')?.phone).toBe('138****1111')
    expect(view.revealTaskIds).toEqual([])
    expect(codeOf(await h.call('insights.reveal', { householdId: 'h-a1-101', taskId: 'whatever' }, ZHANG, COMMUNITY_A))).toBe('INSIGHTS.REVEAL_NOT_ALLOWED')
    const tasks = okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
    const follow = tasks.tasks.find((t) => t.kind === 'follow_risk')!
    const target = follow.households[0]!.householdId
    const v2 = okData(await h.call('insights.household', { householdId: target }, ZHANG, COMMUNITY_A))
    expect(v2.revealTaskIds).toEqual([follow.taskId])
    const shown = okData(await h.call('insights.reveal', { householdId: target, taskId: follow.taskId }, ZHANG, COMMUNITY_A))
    expect(shown.profile.masked).toBe(false)
    expect(await findAll(h.store, 'revealLog', { householdId: target })).toHaveLength(1)
    // Out of the butler's grid: refused outright.
    expect(codeOf(await h.call('insights.household', { householdId: 'h-a1-101' }, LIU, COMMUNITY_A))).toBe('INSIGHTS.OUT_OF_GRID')
  })

  test('plates are masked for butlers; consent is required; a resident exports and deletes their data', async () => {
    const profile = { members: [{ name: '王建国', ageBand: '46_60' as const, occupation: '教师' }], cars: [{ plate: '浙A12345' }], pets: [{ kind: 'dog' as const, count: 1 }], note: '' }
    const before = await snapshot(h.store)
    const noConsent = await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: false as unknown as true, profile }, WANG, COMMUNITY_A)
    expect(codeOf(noConsent)).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
    const badPlate = await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile: { ...profile, cars: [{ plate: 'ABC' }] } }, WANG, COMMUNITY_A)
    expect(JSON.stringify(badPlate)).toContain('profile.cars.0.plate')
    okData(await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile }, WANG, COMMUNITY_A))
    const butlerView = okData(await h.call('insights.household', { householdId: 'h-a1-101' }, ZHANG, COMMUNITY_A))
    expect(butlerView.profile.cars).toEqual([{ plate: '浙A·***45' }])
    // The butler edits other fields and sends the masked plate back: the stored plate stays.
    okData(await h.call('insights.butlerSaveProfile', { householdId: 'h-a1-101', consent: true, profile: { ...profile, note: '有一只金毛', cars: butlerView.profile.cars } }, ZHANG, COMMUNITY_A))
    expect((await h.store.get('householdProfiles', 'h-a1-101'))).toMatchObject({ cars: [{ plate: '浙A12345' }], note: '有一只金毛' })
    const forged = await h.call('insights.butlerSaveProfile', { householdId: 'h-a1-101', consent: true, profile: { ...profile, cars: [{ plate: '浙A·***99' }] } }, ZHANG, COMMUNITY_A)
    expect(JSON.stringify(forged)).toContain('profile.cars.0.plate')
    expect(okData(await h.call('insights.myProfile', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A)).profile.cars).toEqual([{ plate: '浙A12345' }])
    // Another household's data is not theirs to read.
    expect(codeOf(await h.call('insights.myProfile', { householdId: 'h-a1-102' }, WANG, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')

    await runNightly(h.ports)
    const exported = okData(await h.call('insights.exportProfile', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A))
    const data = JSON.parse(exported.json) as { profile: { cars: { plate: string }[] }; consumption: { orders: number } }
    expect(data.profile.cars[0]?.plate).toBe('浙A12345')
    expect(data.consumption.orders).toBeGreaterThan(0)

    okData(await h.call('insights.deleteProfile', { householdId: 'h-a1-101', confirm: true }, WANG, COMMUNITY_A))
    expect(await h.store.get('householdProfiles', 'h-a1-101')).toBeNull()
    expect(await h.store.get('householdStats', 'h-a1-101')).toBeNull()
    // New activity does not rebuild the profile of a household that opted out.
    h.clock.advance(DAY_MS)
    await h.store.insert('orders', { ...order('after-delete', 'h-a1-101', h.clock.now(), 5000), communityId: COMMUNITY_A, buildingId: 'b-a1' })
    await runNightly(h.ports)
    expect(await h.store.get('householdStats', 'h-a1-101')).toBeNull()
    const mine = okData(await h.call('insights.myProfile', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A))
    expect(mine.insight.optedOut).toBe(true)
    // …until they switch it back on.
    okData(await h.call('insights.restoreAnalysis', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A))
    await runNightly(h.ports)
    expect(await h.store.get('householdStats', 'h-a1-101')).not.toBeNull()
  })
})

describe('operator', () => {
  test('bad ranges are refused naming the field, and nothing is written', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('insights.dashboard', { scope: 'community', from: '2026-13-01', to: '2026-11-01' }, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    const reversed = await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -1), to: addDays(today(), -3) }, OPERATOR, COMMUNITY_A)
    expect(codeOf(reversed)).toBe('INSIGHTS.RANGE_INVALID')
    expect(codeOf(await h.call('insights.dashboard', { scope: 'community', from: addDays(today(), -400), to: today() }, OPERATOR, COMMUNITY_A))).toBe('INSIGHTS.RANGE_INVALID')
    expect(codeOf(await h.call('insights.dashboard', { scope: 'community', from: today(), to: addDays(today(), 1) }, OPERATOR, COMMUNITY_A))).toBe('INSIGHTS.RANGE_INVALID')
    expect(codeOf(await h.call('insights.dashboard', { scope: 'community', from: today(), to: today() }, ZHANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
  })

  test('across communities the figures add up, and the CSV has one row per community and day', async () => {
    await runNightly(h.ports)
    const range = { from: addDays(today(), -30), to: addDays(today(), -1) }
    const a = okData(await h.call('insights.dashboard', { scope: 'community', ...range }, OPERATOR, COMMUNITY_A))
    const all = okData(await h.call('insights.dashboard', { scope: 'all', ...range }, OPERATOR, COMMUNITY_A))
    expect(all.communities.map((c) => c.communityId).sort()).toEqual([COMMUNITY_A, COMMUNITY_B].sort())
    expect(all.figures.orders).toBe(all.communities.reduce((n, c) => n + c.orders, 0))
    expect(all.figures.orders).toBe(a.figures.orders)
    expect(a.figures.orders).toBeGreaterThan(0)
    expect(a.figures.repurchaseWindow).toBe('30d')
    expect(a.figures.collectionBp).not.toBeNull()
    const csv = okData(await h.call('insights.exportCsv', { scope: 'all', ...range }, OPERATOR, COMMUNITY_A))
    expect(csv.csv.startsWith('\uFEFF社区,日期,订单数')).toBe(true)
    expect(csv.csv.trim().split('\r\n')).toHaveLength(1 + 2 * 30)
  })

  test('replicating copies the set-up once into a new community the operator runs', async () => {
    const input = { name: '邻里新城', city: '杭州', address: '余杭区文一西路 100 号', clientRequestId: req() }
    const r = okData(await h.call('insights.replicate', input, OPERATOR, COMMUNITY_A))
    expect(r.copied.serviceLines).toBeGreaterThan(0)
    expect(r.copied.feeItems).toBeGreaterThan(0)
    expect(r.copied.products).toBeGreaterThan(0)
    expect(r.copied.eventTemplates).toBeGreaterThan(0)
    const again = okData(await h.call('insights.replicate', input, OPERATOR, COMMUNITY_A))
    expect(again.communityId).toBe(r.communityId)
    const lines = await findAll(h.store, 'serviceLines', { communityId: r.communityId })
    expect(lines).toHaveLength(r.copied.serviceLines)
    // The operator can work in the new community straight away.
    okData(await h.call('insights.rules', {}, OPERATOR, r.communityId))
    // Event staff there start sessions from the pilot's programmes.
    await h.store.insert('staffRoles', { _id: `${r.communityId}:u-staff-sun:staff`, userId: 'u-staff-sun', communityId: r.communityId, role: 'staff', createdAt: h.clock.now() })
    const pilotTitles = (await findAll(h.store, 'events', { communityId: COMMUNITY_A })).map((e) => e.title)
    const options = okData(await h.call('event.editorOptions', {}, as('u-staff-sun'), r.communityId))
    expect(options.templates.length).toBe(r.copied.eventTemplates)
    for (const t of options.templates) expect(pilotTitles).toContain(t.title)
    // Coupon templates start with their full stock in the new community.
    const coupons = await findAll(h.store, 'couponTemplates', { communityId: r.communityId })
    expect(coupons.length).toBe(r.copied.couponTemplates)
    expect(coupons.every((c) => c.issued === 0)).toBe(true)
    expect(codeOf(await h.call('insights.replicate', { ...input, clientRequestId: req() }, OPERATOR, COMMUNITY_A))).toBe('INSIGHTS.COMMUNITY_EXISTS')
  })
})

test('purchases are keyed by source so a re-projected order is written once', async () => {
  await h.store.insert('orders', order('once', 'h-b1-101', h.clock.now() - DAY_MS, 1000))
  await runNightly(h.ports, { communityId: COMMUNITY_B })
  h.clock.advance(DAY_MS)
  await runNightly(h.ports, { communityId: COMMUNITY_B })
  expect((await findAll(h.store, 'purchases', { communityId: COMMUNITY_B })).map((p) => p._id)).toEqual(['order:once'])
})
