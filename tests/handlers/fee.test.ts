/**
 * The `fee` function through its real request path and timer jobs: monthly billing (idempotent),
 * residents' bills with late fees, operators' collection rates and arrears, one-off charges
 * (idempotent, scoped to the community), and arrears reminders (inbox always, at most weekly per
 * bill, a subscribe message only against a grant the resident gave).
 */
import { feeContracts } from '../../cloudfunctions/contracts/fee'
import type { HouseholdDoc, SubscriptionDoc } from '../../cloudfunctions/domain/docs'
import { dueAtOf, lateFeeFen } from '../../cloudfunctions/domain/fee/money'
import { MAX_UNUSED_GRANTS, grantCounterId } from '../../cloudfunctions/domain/subscribe-grants'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { FEE_SETTINGS } from '../../scripts/seed/fees'
import { type Harness, as, makeHarness } from '../support/harness'
import {
  COMMUNITY_A,
  COMMUNITY_B,
  DAY,
  HOME,
  HOME2,
  HOME_PARKING_FEN,
  HOME_PROPERTY_FEN,
  LI,
  OPERATOR,
  WANG,
  billsOf,
  createPayment,
  confirm,
  newCrid,
  payBills,
  runJob
} from '../support/pay'
import { codeOf, grantFreshUser, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const RULE_A = FEE_SETTINGS.find((s) => s._id === COMMUNITY_A)!.lateFee!
const households = (communityId: string) => findAll(h.store, 'households', { communityId })
/** Arrears reminders a user got about 1栋 101 (王建国 also owns 2栋 302, which is one bill behind). */
/** A user's subscribe-grant counter for the arrears template (domain/subscribe-grants.ts). */
const counter = (userId: string) => h.store.get('subscriptions', grantCounterId(userId, 'arrears'))
const inboxOf = async (userId: string, householdId = HOME) =>
  (await findAll(h.store, 'inbox', { userId, kind: 'arrears' })).filter((m) => m.link === `/packages/fee/pages/bills/index?householdId=${householdId}&communityId=${COMMUNITY_A}`)

it('covers every action of the fee function', () => {
  // items, saveItem, saveSettings and runBilling: fee-setup.test.ts; remind and logCall: fee-arrears.test.ts.
  expect(Object.keys(feeContracts).sort()).toEqual(['myBills', 'subscribe', 'collection', 'arrears', 'items', 'saveItem', 'saveSettings', 'runBilling', 'remind', 'logCall', 'chargeOneOff'].sort())
})

describe('the billing job', () => {
  it('creates each household’s bills for the month (area × price rounded half up; parking per space); twice creates nothing', async () => {
    // 1 Feb 2026, 01:00 in Shanghai, as the cron fires.
    h.clock.t = Date.UTC(2026, 0, 31, 17, 0, 0)
    const items = await findAll(h.store, 'feeItems', { active: true })
    let expected = 0
    let zero = 0
    const expectedBills = new Map<string, number>()
    for (const c of [COMMUNITY_A, COMMUNITY_B]) {
      for (const hh of await households(c)) {
        for (const it of items.filter((i) => i.communityId === c)) {
          const amount = it.kind === 'property' ? Math.round((hh.areaCm2 * it.unitPriceFen) / 100) : (hh.parkingSpaces ?? 0) * it.unitPriceFen
          if (amount > 0) {
            expected++
            expectedBills.set(`${hh._id}:${it._id}:2026-02`, amount)
          } else zero++
        }
      }
    }
    expect(expected).toBeGreaterThan(60)

    const first = await runJob(h, 'fee', 'billing')
    expect(first).toEqual({ period: '2026-02', created: expected, existing: 0, skippedZero: zero })
    const bills = await findAll(h.store, 'bills', { period: '2026-02' })
    expect(bills).toHaveLength(expected)
    for (const b of bills) {
      expect(b.amountFen).toBe(expectedBills.get(b._id))
      expect(b.status).toBe('unpaid')
      expect(b.dueAt).toBe(dueAtOf('2026-02', b.communityId === COMMUNITY_A ? 15 : 20))
    }
    expect(bills.find((b) => b._id === `${HOME}:fi-a-property:2026-02`)).toMatchObject({ amountFen: HOME_PROPERTY_FEN, title: '2026-02 物业费', kind: 'property' })
    expect(bills.find((b) => b._id === `${HOME}:fi-a-parking:2026-02`)).toMatchObject({ amountFen: HOME_PARKING_FEN, title: '2026-02 车位管理费' })

    const before = await snapshot(h.store)
    expect(await runJob(h, 'fee', 'billing')).toEqual({ period: '2026-02', created: 0, existing: expected, skippedZero: zero })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('after a new household arrives, a rerun bills only that household; inactive items are not billed', async () => {
    h.clock.t = Date.UTC(2026, 0, 31, 17, 0, 0)
    await runJob(h, 'fee', 'billing')
    const newcomer: HouseholdDoc = { _id: 'h-a3-999', communityId: COMMUNITY_A, buildingId: 'b-a3', room: '999', areaCm2: 10001, parkingSpaces: 2, codeHash: 'new-999', createdAt: h.clock.now() }
    await h.store.insert('households', newcomer)
    await h.store.update('feeItems', 'fi-a-parking', { set: { active: false } })
    const again = await runJob(h, 'fee', 'billing')
    expect(again.created).toBe(1)
    const mine = await billsOf(h, 'h-a3-999')
    expect(mine.map((b) => [b.kind, b.amountFen])).toEqual([['property', 28003]])
  })

  it('the seeded month already exists: running the job now creates nothing', async () => {
    const report = await runJob(h, 'fee', 'billing')
    expect(report.period).toBe('2026-01')
    expect(report.created).toBe(0)
  })
})

describe('fee.myBills', () => {
  it('lists the household’s outstanding bills, oldest first, with today’s late fee', async () => {
    const res = okData(await h.call('fee.myBills', { householdId: HOME }, LI, COMMUNITY_A))
    expect(res.householdLabel).toBe('1栋 101')
    expect(res.reminderTemplateId).toBe('local-arrears')
    expect(res.bills.map((b) => b.period)).toEqual(['2025-11', '2025-11', '2025-12', '2025-12', '2026-01', '2026-01'])
    expect(res.bills.map((b) => b.kind).sort()).toEqual(['parking', 'parking', 'parking', 'property', 'property', 'property'])
    const now = h.clock.now()
    for (const b of res.bills) {
      expect(b.lateFeeFen).toBe(lateFeeFen(b, RULE_A, now))
      expect(b.dueNowFen).toBe(b.amountFen + b.lateFeeFen)
    }
    const oldProperty = res.bills.find((b) => b.id === `${HOME}:fi-a-property:2025-11`)!
    expect(oldProperty).toMatchObject({ amountFen: HOME_PROPERTY_FEN, lateFeeFen: 716, overdueDays: 51, status: 'unpaid', paymentId: null })
    expect(res.bills[4]).toMatchObject({ lateFeeFen: 0, overdueDays: 0 })
    expect(res.outstandingFen).toBe(res.bills.reduce((n, b) => n + b.dueNowFen, 0))
  })

  it('after paying, the settled list shows the bill with its payment and the late fee charged', async () => {
    const id = `${HOME}:fi-a-property:2025-11`
    const p = await payBills(h, [id])
    const settled = okData(await h.call('fee.myBills', { householdId: HOME, status: 'settled' }, WANG, COMMUNITY_A))
    expect(settled.bills).toEqual([expect.objectContaining({ id, status: 'paid', paymentId: p._id, lateFeeFen: 716, dueNowFen: 0, overdueDays: 0 })])
    const outstanding = okData(await h.call('fee.myBills', { householdId: HOME }, WANG, COMMUNITY_A))
    expect(outstanding.bills.map((b) => b.id)).not.toContain(id)
    // A month later the paid bill's late fee has not grown.
    h.clock.advance(30 * DAY)
    expect(okData(await h.call('fee.myBills', { householdId: HOME, status: 'settled' }, WANG, COMMUNITY_A)).bills[0]?.lateFeeFen).toBe(716)
  })

  it('refuses a household the caller is not a member of', async () => {
    expect(codeOf(await h.call('fee.myBills', { householdId: 'h-a1-102' }, WANG, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
    expect(codeOf(await h.call('fee.myBills', { householdId: 'h-b1-101' }, WANG, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })
})

describe('fee.collection', () => {
  async function expectedFor(period: string, communityId = COMMUNITY_A) {
    const bills = (await findAll(h.store, 'bills', { communityId, period })).filter((b) => b.status !== 'cancelled')
    const by = new Map<string, { billed: number; collected: number; bills: number; paid: number }>()
    for (const b of bills) {
      const r = by.get(b.buildingId) ?? { billed: 0, collected: 0, bills: 0, paid: 0 }
      r.billed += b.amountFen
      r.bills++
      if (b.status === 'paid' || b.status === 'refunded') {
        r.collected += b.amountFen
        r.paid++
      }
      by.set(b.buildingId, r)
    }
    return by
  }

  it('per building, billed and collected for the period, and a 6-month trend', async () => {
    const res = okData(await h.call('fee.collection', {}, OPERATOR, COMMUNITY_A))
    expect(res.period).toBe('2026-01')
    expect(res.buildings.map((b) => b.buildingName)).toEqual(['1栋', '2栋', '3栋'])
    const expected = await expectedFor('2026-01')
    for (const b of res.buildings) {
      const e = expected.get(b.buildingId)!
      expect(b).toMatchObject({ billedFen: e.billed, collectedFen: e.collected, bills: e.bills, paidBills: e.paid })
    }
    expect(res.months.map((m) => m.period)).toEqual(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'])
    expect(res.months.slice(0, 3).every((m) => m.billedFen === 0 && m.collectedFen === 0)).toBe(true)
    for (const m of res.months.slice(3)) {
      const e = [...(await expectedFor(m.period)).values()]
      expect(m.billedFen).toBe(e.reduce((n, x) => n + x.billed, 0))
      expect(m.collectedFen).toBe(e.reduce((n, x) => n + x.collected, 0))
    }
    // The seed: earlier months are mostly paid at the office, this month not yet.
    expect(res.months[3]!.collectedFen).toBeGreaterThan(0)
    expect(res.months[5]!.collectedFen).toBe(0)
  })

  it('an online payment raises the building’s collected amount by the bill amount (not the late fee)', async () => {
    const before = okData(await h.call('fee.collection', { period: '2025-11' }, OPERATOR, COMMUNITY_A))
    await payBills(h, [`${HOME}:fi-a-property:2025-11`])
    const after = okData(await h.call('fee.collection', { period: '2025-11' }, OPERATOR, COMMUNITY_A))
    const b1 = (r: typeof before) => r.buildings.find((b) => b.buildingId === 'b-a1')!
    expect(b1(after).collectedFen - b1(before).collectedFen).toBe(HOME_PROPERTY_FEN)
    expect(b1(after).paidBills - b1(before).paidBills).toBe(1)
    expect(b1(after).billedFen).toBe(b1(before).billedFen)
  })

  it('shows only the caller’s community; residents may not call it', async () => {
    const res = okData(await h.call('fee.collection', {}, OPERATOR, COMMUNITY_B))
    expect(res.buildings.map((b) => b.buildingId)).toEqual(['b-b1'])
    expect(codeOf(await h.call('fee.collection', {}, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})

describe('fee.arrears', () => {
  it('lists overdue households sorted by amount owed (late fees included)', async () => {
    const res = okData(await h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A))
    const owed = res.households.map((r) => r.owedFen)
    expect(owed).toEqual([...owed].sort((a, b) => b - a))
    expect(res.totalOwedFen).toBe(owed.reduce((a, b) => a + b, 0))
    // Independently: every unpaid bill past its due date, per household.
    const now = h.clock.now()
    const overdue = (await findAll(h.store, 'bills', { communityId: COMMUNITY_A, status: 'unpaid' })).filter((b) => b.dueAt < now)
    const byHousehold = new Map<string, number>()
    for (const b of overdue) byHousehold.set(b.householdId, (byHousehold.get(b.householdId) ?? 0) + b.amountFen + lateFeeFen(b, RULE_A, now))
    expect(new Map(res.households.map((r) => [r.householdId, r.owedFen]))).toEqual(byHousehold)
    const home = res.households.find((r) => r.householdId === HOME)!
    expect(home).toMatchObject({ label: '1栋 101', bills: 4, oldestDueAt: dueAtOf('2025-11', 15), lastRemindedAt: null })
    expect(home.owedFen).toBe(2 * HOME_PROPERTY_FEN + 2 * HOME_PARKING_FEN + 716 + 382 + 295 + 157)
  })

  it('filters by building, and a paid household drops off', async () => {
    const b2 = okData(await h.call('fee.arrears', { buildingId: 'b-a2' }, OPERATOR, COMMUNITY_A))
    expect(b2.households.length).toBeGreaterThan(0)
    expect(b2.households.every((r) => r.label.startsWith('2栋'))).toBe(true)
    const overdue = (await billsOf(h, HOME, 'unpaid')).filter((b) => b.dueAt < h.clock.now())
    await payBills(h, overdue.map((b) => b._id))
    const all = okData(await h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A))
    expect(all.households.map((r) => r.householdId)).not.toContain(HOME)
    // Another community's building does not exist here, as chargeOneOff says too (issue 17).
    expect(codeOf(await h.call('fee.arrears', { buildingId: 'b-b1' }, OPERATOR, COMMUNITY_A))).toBe('FEE.BUILDING_NOT_FOUND')
  })
})

describe('fee.items', () => {
  it('shows the community’s items and late-fee rule', async () => {
    const res = okData(await h.call('fee.items', {}, OPERATOR, COMMUNITY_A))
    expect(res.dueDay).toBe(15)
    expect(res.lateFee).toEqual(RULE_A)
    expect(res.items.map((i) => [i.kind, i.unitPriceFen, i.unit])).toEqual(
      expect.arrayContaining([
        ['property', 280, '元/㎡/月'],
        ['parking', 15000, '元/个/月']
      ])
    )
    expect(okData(await h.call('fee.items', {}, OPERATOR, COMMUNITY_B)).lateFee).toBeNull()
  })
})

describe('fee.chargeOneOff', () => {
  const charge = (over: Record<string, unknown> = {}, who = OPERATOR, communityId = COMMUNITY_A) =>
    h.call('fee.chargeOneOff', { title: '电梯维修分摊', amountFen: 5000, buildingIds: ['b-a3'], dueAt: h.clock.now() + 10 * DAY, clientRequestId: 'charge-req-0001', ...over }, who, communityId)

  it('creates one bill per household of the chosen buildings, payable like any bill', async () => {
    const res = okData(await charge())
    const inB3 = await findAll(h.store, 'households', { buildingId: 'b-a3' })
    expect(res.bills).toBe(inB3.length)
    const bills = await findAll(h.store, 'bills', { chargeId: res.chargeId })
    expect(bills.map((b) => b.householdId).sort()).toEqual(inB3.map((x) => x._id).sort())
    expect(bills.every((b) => b.kind === 'oneoff' && b.amountFen === 5000 && b.status === 'unpaid' && b.period === '2026-01')).toBe(true)
    expect(await h.store.get('charges', res.chargeId)).toMatchObject({ title: '电梯维修分摊', bills: inB3.length, createdBy: 'u-operator-wu' })
    // 赵晓雨 (tenant of 3栋 201) sees and pays it.
    const zhao = as('u-zhao')
    const mine = okData(await h.call('fee.myBills', { householdId: 'h-a3-201' }, zhao, COMMUNITY_A))
    const oneOff = mine.bills.find((b) => b.kind === 'oneoff')!
    expect(oneOff).toMatchObject({ title: '电梯维修分摊', amountFen: 5000, dueNowFen: 5000 })
    const created = await createPayment(h, [oneOff.id], zhao)
    expect(created.payment.totalFen).toBe(5000)
    await confirm(h, created)
    expect((await h.store.get('bills', oneOff.id))?.status).toBe('paid')
  })

  it('is idempotent per clientRequestId: a resubmission creates nothing new', async () => {
    const first = okData(await charge())
    const before = await snapshot(h.store)
    const again = okData(await charge())
    expect(again).toEqual(first)
    expect(await snapshot(h.store)).toEqual(before)
    // Another request id is another charge.
    const second = okData(await charge({ clientRequestId: 'charge-req-0002' }))
    expect(second.chargeId).not.toBe(first.chargeId)
    expect(await findAll(h.store, 'bills', { chargeId: second.chargeId })).toHaveLength(first.bills)
  })

  it('without a building filter, charges every household of the community (only that community)', async () => {
    const res = okData(await charge({ buildingIds: [], clientRequestId: newCrid() }))
    expect(res.bills).toBe((await households(COMMUNITY_A)).length)
    const bills = await findAll(h.store, 'bills', { chargeId: res.chargeId })
    expect(bills.every((b) => b.communityId === COMMUNITY_A)).toBe(true)
  })

  it('refuses another community’s (or an unknown) building, writing nothing', async () => {
    const before = await snapshot(h.store)
    for (const buildingIds of [['b-b1'], ['b-a1', 'b-b1'], ['b-nowhere']]) {
      const res = await charge({ buildingIds, clientRequestId: newCrid() })
      expect(codeOf(res)).toBe('FEE.BUILDING_NOT_FOUND')
    }
    expect(await snapshot(h.store)).toEqual(before)
    // Only operators charge.
    expect(codeOf(await charge({}, WANG))).toBe('AUTH.FORBIDDEN')
    // An operator of B alone cannot charge A's buildings from B.
    const opB = await grantFreshUser(h.store, 'u-operator-b', COMMUNITY_B, 'operator')
    expect(codeOf(await charge({ buildingIds: ['b-a1'] }, opB, COMMUNITY_B))).toBe('FEE.BUILDING_NOT_FOUND')
  })
})

describe('arrears reminders', () => {
  const reminders = () => runJob(h, 'fee', 'arrears-reminders')

  it('puts an inbox entry for every member, for every overdue bill; at most once a week per bill', async () => {
    const now = h.clock.now()
    const overdue = (await findAll(h.store, 'bills', { status: 'unpaid' })).filter((b) => b.dueAt < now)
    const first = await reminders()
    expect(first.reminded).toBe(overdue.length)
    // 1栋 101 has 4 overdue bills and two members.
    for (const user of ['u-wang', 'u-li']) {
      const inbox = await inboxOf(user)
      expect(inbox).toHaveLength(4)
      expect(inbox.every((m) => m.communityId === COMMUNITY_A && m.title === '缴费提醒')).toBe(true)
    }
    expect((await inboxOf('u-wang', HOME2)).map((m) => m.body)).toEqual([expect.stringMatching(/^2025-12 物业费 ¥357\.67 已逾期 21 天/)])
    expect((await inboxOf('u-li')).map((m) => m.body).sort()).toEqual([
      '2025-11 物业费 ¥281.04 已逾期 51 天，请及时缴纳',
      '2025-11 车位管理费 ¥150.00 已逾期 51 天，请及时缴纳',
      '2025-12 物业费 ¥281.04 已逾期 21 天，请及时缴纳',
      '2025-12 车位管理费 ¥150.00 已逾期 21 天，请及时缴纳'
    ])

    // Same day again, and six days later: nothing new.
    expect(await reminders()).toEqual({ reminded: 0, messages: 0 })
    h.clock.advance(6 * DAY)
    expect(await reminders()).toEqual({ reminded: 0, messages: 0 })
    expect(await inboxOf('u-wang')).toHaveLength(4)
    // A week after the first run: again.
    h.clock.advance(DAY)
    expect((await reminders()).reminded).toBe(overdue.length)
    expect(await inboxOf('u-wang')).toHaveLength(8)
    const arrears = okData(await h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A))
    expect(arrears.households.find((r) => r.householdId === HOME)?.lastRemindedAt).toBe(h.clock.now())
  })

  it('parallel runs send one reminder per bill', async () => {
    const [a, b] = await Promise.all([reminders(), reminders()])
    const now = h.clock.now()
    const overdue = (await findAll(h.store, 'bills', { status: 'unpaid' })).filter((x) => x.dueAt < now)
    expect(Number(a.reminded) + Number(b.reminded)).toBe(overdue.length)
    expect(await inboxOf('u-wang')).toHaveLength(4)
  })

  it('a paid bill is no longer reminded', async () => {
    await payBills(h, [`${HOME}:fi-a-property:2025-11`, `${HOME}:fi-a-parking:2025-11`])
    await reminders()
    expect(await inboxOf('u-wang')).toHaveLength(2)
  })

  it('a subscribe message goes out only against a grant, which is used once; the inbox gets everything', async () => {
    const send = jest.spyOn(h.ports.push, 'send')
    expect(okData(await h.call('fee.subscribe', { template: 'arrears' }, WANG, COMMUNITY_A))).toEqual({ granted: 1 })
    await reminders()
    // One grant, one push (for the first of his five overdue bills), to 王建国 only; 李秀英 gave none.
    expect(send).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledWith(WANG, 'local-arrears', `packages/fee/pages/bills/index?householdId=${HOME}&communityId=${COMMUNITY_A}`, expect.objectContaining({ thing1: expect.any(String), amount2: expect.any(String), number3: expect.any(String) }))
    // The grant was counted on 王建国's counter, and the send took it.
    const grants = await findAll(h.store, 'subscriptions', { userId: 'u-wang' })
    expect(grants).toEqual([expect.objectContaining({ _id: grantCounterId('u-wang', 'arrears'), available: 0, outcome: 'sent', usedAt: h.clock.now() })])
    expect(await inboxOf('u-wang')).toHaveLength(4)
    expect(await inboxOf('u-li')).toHaveLength(4)

    // Next week: no grant left, so inbox only.
    h.clock.advance(7 * DAY)
    await reminders()
    expect(send).toHaveBeenCalledTimes(1)
    expect(await inboxOf('u-wang')).toHaveLength(8)

    // Two taps, two grants: two pushes the week after.
    expect(okData(await h.call('fee.subscribe', { template: 'arrears' }, WANG, COMMUNITY_A)).granted).toBe(1)
    expect(okData(await h.call('fee.subscribe', { template: 'arrears' }, WANG, COMMUNITY_A)).granted).toBe(2)
    h.clock.advance(7 * DAY)
    await reminders()
    expect(send).toHaveBeenCalledTimes(3)
    expect(await counter('u-wang')).toMatchObject({ available: 0 })
    expect(await h.store.count('subscriptions', { userId: 'u-wang' })).toBe(1)
  })

  it('one message uses one grant; two messages at once with one grant push once', async () => {
    const send = jest.spyOn(h.ports.push, 'send')
    const msg = { userId: 'u-li', communityId: COMMUNITY_A, kind: 'arrears', title: '缴费提醒', body: 'b', push: { template: 'arrears', page: 'p', data: {} } }
    okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A))
    okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A))
    await h.ports.notifier.notify(msg)
    expect(send).toHaveBeenCalledTimes(1)
    expect(await counter('u-li')).toMatchObject({ available: 1 })
    await Promise.all([h.ports.notifier.notify(msg), h.ports.notifier.notify(msg), h.ports.notifier.notify(msg)])
    expect(send).toHaveBeenCalledTimes(2)
    expect(await counter('u-li')).toMatchObject({ available: 0 })
    expect(await h.store.count('subscriptions', { userId: 'u-li' })).toBe(1)
    expect(await h.store.count('inbox', { userId: 'u-li', kind: 'arrears' })).toBe(4)
  })

  it('a message and its push open in the community they are about, whatever the link already says', async () => {
    const send = jest.spyOn(h.ports.push, 'send')
    okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A))
    await h.ports.notifier.notify({
      userId: 'u-li',
      communityId: COMMUNITY_A,
      kind: 'booking_assigned',
      title: '新工单',
      body: 'b',
      link: '/packages/service-staff/pages/job/index?id=bk-1',
      push: { template: 'arrears', page: 'packages/service-staff/pages/job/index?id=bk-1', data: {} }
    })
    await h.ports.notifier.notify({ userId: 'u-li', communityId: COMMUNITY_A, kind: 'coupon', title: 't', body: 'b', link: `/packages/member/pages/coupons/index?communityId=${COMMUNITY_B}` })
    await h.ports.notifier.notify({ userId: 'u-li', communityId: COMMUNITY_A, kind: 'plain', title: 't', body: 'b' })
    const links = (await findAll(h.store, 'inbox', { userId: 'u-li' })).map((m) => [m.kind, m.link ?? null])
    expect(links).toEqual(
      expect.arrayContaining([
        ['booking_assigned', `/packages/service-staff/pages/job/index?id=bk-1&communityId=${COMMUNITY_A}`],
        ['coupon', `/packages/member/pages/coupons/index?communityId=${COMMUNITY_B}`],
        ['plain', null]
      ])
    )
    expect(send.mock.calls[0]?.[2]).toBe(`packages/service-staff/pages/job/index?id=bk-1&communityId=${COMMUNITY_A}`)
  })

  it('a refused push (43101) uses the grant and is recorded; no template configured keeps the grant', async () => {
    jest.spyOn(h.ports.push, 'send').mockResolvedValue({ ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg' })
    okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A))
    await reminders()
    expect(await findAll(h.store, 'subscriptions', { userId: 'u-li' })).toEqual([expect.objectContaining({ available: 0, outcome: '43101' })])
    expect(await inboxOf('u-li')).toHaveLength(4)

    jest.spyOn(h.ports.push, 'templateId').mockReturnValue(null)
    okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A))
    h.clock.advance(7 * DAY)
    await reminders()
    expect(await counter('u-li')).toMatchObject({ available: 1 })
    expect(await inboxOf('u-li')).toHaveLength(8)
  })

  it('repeated taps count on one bounded counter: the collection does not grow', async () => {
    const send = jest.spyOn(h.ports.push, 'send')
    const tap = async () => okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A)).granted
    const answers: number[] = []
    for (let i = 0; i < MAX_UNUSED_GRANTS + 5; i++) answers.push(await tap())
    // Each tap counts until the cap; beyond it the answer stays at the cap.
    expect(answers).toEqual([...Array.from({ length: MAX_UNUSED_GRANTS }, (_, i) => i + 1), ...Array<number>(5).fill(MAX_UNUSED_GRANTS)])
    await Promise.all(Array.from({ length: 5 }, tap))
    expect(await h.store.count('subscriptions', { userId: 'u-li' })).toBe(1)
    expect(await counter('u-li')).toMatchObject({ available: MAX_UNUSED_GRANTS })
    // A send takes one; the next tap fills it again, still in the same document.
    await h.ports.notifier.notify({ userId: 'u-li', communityId: COMMUNITY_A, kind: 'arrears', title: '缴费提醒', body: 'b', push: { template: 'arrears', page: 'p', data: {} } })
    expect(send).toHaveBeenCalledTimes(1)
    expect(await counter('u-li')).toMatchObject({ available: MAX_UNUSED_GRANTS - 1 })
    expect(await tap()).toBe(MAX_UNUSED_GRANTS)
    expect(await h.store.count('subscriptions', { userId: 'u-li' })).toBe(1)
  })

  it('a grant of the older one-row shape still counts and is used after the counter', async () => {
    const send = jest.spyOn(h.ports.push, 'send')
    const old: SubscriptionDoc = { _id: 'sub-legacy-1', userId: 'u-li', template: 'arrears', status: 'granted', grantedAt: h.clock.now() - DAY }
    expect((await h.store.insert('subscriptions', old)).ok).toBe(true)
    expect(okData(await h.call('fee.subscribe', { template: 'arrears' }, LI, COMMUNITY_A)).granted).toBe(2)
    const msg = { userId: 'u-li', communityId: COMMUNITY_A, kind: 'arrears', title: '缴费提醒', body: 'b', push: { template: 'arrears', page: 'p', data: {} } }
    await h.ports.notifier.notify(msg)
    expect(await counter('u-li')).toMatchObject({ available: 0 })
    expect(await h.store.get('subscriptions', old._id)).toMatchObject({ status: 'granted' })
    await h.ports.notifier.notify(msg)
    expect(send).toHaveBeenCalledTimes(2)
    expect(await h.store.get('subscriptions', old._id)).toMatchObject({ status: 'used', outcome: 'sent' })
    expect(await h.store.count('subscriptions', { userId: 'u-li' })).toBe(2)
  })
})

it('a payment of a bill in arrears started from myBills uses the bill ids only', async () => {
  const shown = okData(await h.call('fee.myBills', { householdId: HOME }, WANG, COMMUNITY_A)).bills
  const picked = shown.filter((b) => b.overdueDays > 0)
  const res = await h.call('pay.create', { payables: picked.map((b) => ({ type: 'bill' as const, id: b.id })), clientRequestId: newCrid() }, WANG, COMMUNITY_A)
  expect(okData(res).payment.totalFen).toBe(picked.reduce((n, b) => n + b.dueNowFen, 0))
})
