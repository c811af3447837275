/**
 * The settlement job at each campaign's end: threshold met → confirmed orders and a delivery task
 * per butler grid, then last-mile delivery by order code; threshold missed → every paid order is
 * refunded through the sandbox. Idempotent, safe to run twice at once, and a crash halfway is
 * finished by the next run.
 */
import type { OrderDoc } from '../../cloudfunctions/domain/order/docs'
import type { RefundDoc } from '../../cloudfunctions/domain/payment/docs'
import { ORDER_PAY_WINDOW_MS, SETTLE_GRACE_MS } from '../../cloudfunctions/domain/order/rules'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { Store } from '../../cloudfunctions/kernel/store'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import {
  BUTLER_EAST,
  BUTLER_WEST,
  COMMUNITY_A,
  DAY,
  FRUIT,
  HOME,
  HOME2,
  MINUTE,
  OPERATOR,
  VEG,
  VERIFIER,
  WANG,
  ZHAO,
  ZHAO_HOME,
  buy,
  buyAndPay,
  campaignDoc,
  checkCounters,
  orderDoc,
  ordersOf,
  runOrderJob,
  setCampaign
} from '../support/presale'
import { codeOf, errorOf, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  // Refund notifications arrive after the call returns: let them land before the store closes.
  await sandboxOf(h).flush()
  jest.restoreAllMocks()
  await h.close()
})

/** Moves the clock past the campaign's end and the settlement grace. */
async function pastEnd(id: string) {
  const c = await campaignDoc(h, id)
  h.clock.t = Math.max(h.clock.t, c.endAt + SETTLE_GRACE_MS)
}

async function refundsFor(order: OrderDoc): Promise<RefundDoc[]> {
  return findAll(h.store, 'refunds', { paymentId: order.paymentId ?? '' })
}

describe('threshold met', () => {
  /** Three paid orders from both grids (threshold 4 units), and one left unpaid. */
  async function soldOut() {
    await setCampaign(h, VEG, { threshold: 4 })
    const east = await buyAndPay(h, { quantity: 2, householdId: HOME })
    const west = await buyAndPay(h, { quantity: 1, householdId: HOME2 })
    const tenant = await buyAndPay(h, { quantity: 1, householdId: ZHAO_HOME, who: ZHAO })
    return { east, west, tenant }
  }

  it('waits for unpaid orders, then succeeds: orders confirmed, one delivery task per butler grid', async () => {
    const { east, west, tenant } = await soldOut()
    h.clock.t = (await campaignDoc(h, VEG)).endAt - MINUTE
    const unpaid = await buy(h, { quantity: 1, householdId: HOME2 })
    await pastEnd(VEG)
    expect(await runOrderJob(h, 'presale-settle')).toMatchObject({ waiting: 1, confirmedOrders: 0 })
    expect((await campaignDoc(h, VEG)).status).toBe('ended')

    h.clock.advance(ORDER_PAY_WINDOW_MS)
    const report = await runOrderJob(h, 'presale-settle')
    expect(report).toMatchObject({ expired: 1, succeeded: 1, confirmedOrders: 3, waiting: 0 })
    expect((await orderDoc(h, unpaid.id)).status).toBe('expired')
    expect(await campaignDoc(h, VEG)).toMatchObject({ status: 'succeeded', outcome: 'succeeded', paidQuantityAtSettlement: 4 })
    expect(await orderDoc(h, east._id)).toMatchObject({ status: 'confirmed', gridId: 'g-a-east' })
    expect(await orderDoc(h, west._id)).toMatchObject({ status: 'confirmed', gridId: 'g-a-west' })
    expect(await orderDoc(h, tenant._id)).toMatchObject({ status: 'confirmed', gridId: 'g-a-west' })
    const tasks = (await findAll(h.store, 'deliveryTasks', { campaignId: VEG })).sort((a, b) => a._id.localeCompare(b._id))
    expect(tasks.map((t) => ({ id: t._id, butler: t.butlerUserId, orders: t.orders, quantity: t.quantity, buildings: t.buildings }))).toEqual([
      { id: `${VEG}:g-a-east`, butler: 'u-butler-zhang', orders: 1, quantity: 2, buildings: [{ buildingId: 'b-a1', orders: 1, quantity: 2 }] },
      {
        id: `${VEG}:g-a-west`,
        butler: 'u-butler-liu',
        orders: 2,
        quantity: 2,
        buildings: expect.arrayContaining([
          { buildingId: 'b-a2', orders: 1, quantity: 1 },
          { buildingId: 'b-a3', orders: 1, quantity: 1 }
        ])
      }
    ])
    const inbox = await findAll(h.store, 'inbox', { userId: 'u-wang', kind: 'presale' })
    expect(inbox.map((m) => m.title)).toEqual(['拼团成功', '拼团成功'])

    // Running again changes nothing.
    const before = await findAll(h.store, 'orders', { campaignId: VEG })
    expect(await runOrderJob(h, 'presale-settle')).toMatchObject({ started: 0, succeeded: 0, confirmedOrders: 0 })
    expect(await findAll(h.store, 'orders', { campaignId: VEG })).toEqual(before)
    expect(await findAll(h.store, 'deliveryTasks', { campaignId: VEG })).toHaveLength(2)
    await checkCounters(h, VEG)
  })

  it('the butler sees the delivery list per building and hands over by scanning the order code; the campaign is then fulfilled', async () => {
    const { east, west, tenant } = await soldOut()
    await pastEnd(VEG)
    await runOrderJob(h, 'presale-settle')

    const eastList = okData(await h.call('order.deliveries', {}, BUTLER_EAST, COMMUNITY_A))
    expect(eastList.tasks).toHaveLength(1)
    expect(eastList.tasks[0]).toMatchObject({ campaignId: VEG, gridName: '东区网格', orders: 1, delivered: 0 })
    expect(eastList.tasks[0]?.buildings).toEqual([{ buildingId: 'b-a1', buildingName: '1栋', orders: [expect.objectContaining({ id: east._id, householdLabel: '1栋 101', quantity: 2, status: 'confirmed' })] }])
    const westList = okData(await h.call('order.deliveries', {}, BUTLER_WEST, COMMUNITY_A))
    expect(westList.tasks[0]?.buildings.map((b) => b.buildingName)).toEqual(['2栋', '3栋'])

    // The west butler cannot hand over an east order; a typo is refused; the east butler can.
    expect(codeOf(await h.call('order.deliver', { code: east.code }, BUTLER_WEST, COMMUNITY_A))).toBe('ORDER.NOT_IN_GRID')
    expect(codeOf(await h.call('order.deliver', { code: 'ZZZZ-ZZZZ' }, BUTLER_EAST, COMMUNITY_A))).toBe('ORDER.CODE_INVALID')
    expect(codeOf(await h.call('order.deliver', { code: 'bad' }, BUTLER_EAST, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    const typed = `${east.code.slice(0, 4).toLowerCase()}-${east.code.slice(4)}`
    const done = okData(await h.call('order.deliver', { code: typed }, BUTLER_EAST, COMMUNITY_A))
    expect(done).toMatchObject({ orderId: east._id, householdLabel: '1栋 101', quantity: 2, deliveredAt: h.clock.now() })
    expect(await orderDoc(h, east._id)).toMatchObject({ status: 'delivered', deliveredBy: 'u-butler-zhang' })
    expect(errorOf(await h.call('order.deliver', { code: east.code }, BUTLER_EAST, COMMUNITY_A)).code).toBe('ORDER.ALREADY_DELIVERED')
    // A pickup point cannot verify a door-delivery order.
    expect(codeOf(await h.call('order.verifyPickup', { code: west.code }, VERIFIER, COMMUNITY_A))).toBe('ORDER.WRONG_DELIVERY_MODE')

    okData(await h.call('order.deliver', { code: west.code }, BUTLER_WEST, COMMUNITY_A))
    expect((await campaignDoc(h, VEG)).status).toBe('succeeded')
    // The last one: the resident confirms receipt themselves.
    const confirmed = okData(await h.call('order.confirmReceived', { orderId: tenant._id }, ZHAO, COMMUNITY_A))
    expect(confirmed).toMatchObject({ status: 'delivered', deliveredBy: '本人确认收货' })
    expect((await campaignDoc(h, VEG)).status).toBe('fulfilled')
    const view = okData(await h.call('order.get', { orderId: east._id }, WANG, COMMUNITY_A))
    expect(view).toMatchObject({ status: 'delivered', deliveredBy: '张管家', campaignStatus: 'fulfilled', actions: { afterSale: true, confirmReceived: false } })
  })

  it('a butler cannot hand over an order whose group has not succeeded yet', async () => {
    const o = await buyAndPay(h)
    expect(codeOf(await h.call('order.deliver', { code: o.code }, BUTLER_EAST, COMMUNITY_A))).toBe('ORDER.NOT_DELIVERABLE')
    expect(codeOf(await h.call('order.confirmReceived', { orderId: o._id }, WANG, COMMUNITY_A))).toBe('ORDER.NOT_DELIVERABLE')
  })

  it('pickup campaigns: one pickup task; the verifier hands over by code', async () => {
    await setCampaign(h, FRUIT, { threshold: 1 })
    const o = await buyAndPay(h, { campaignId: FRUIT, quantity: 1 })
    await pastEnd(FRUIT)
    await runOrderJob(h, 'presale-settle')
    expect(await findAll(h.store, 'deliveryTasks', { campaignId: FRUIT })).toEqual([
      expect.objectContaining({ _id: `${FRUIT}:pickup`, mode: 'pickup', gridName: '自提点', orders: 1 })
    ])
    expect(codeOf(await h.call('order.deliver', { code: o.code }, BUTLER_EAST, COMMUNITY_A))).toBe('ORDER.WRONG_DELIVERY_MODE')
    expect(okData(await h.call('order.verifyPickup', { code: o.code }, VERIFIER, COMMUNITY_A)).orderId).toBe(o._id)
    expect((await campaignDoc(h, FRUIT)).status).toBe('fulfilled')
    expect(codeOf(await h.call('order.verifyPickup', { code: o.code }, OPERATOR, COMMUNITY_A))).toBe('ORDER.ALREADY_DELIVERED')
  })
})

describe('threshold missed', () => {
  async function failing() {
    // 水果礼盒: threshold 40; three paid orders for 4 units, and one unpaid.
    const a = await buyAndPay(h, { campaignId: FRUIT, quantity: 2, householdId: HOME })
    const b = await buyAndPay(h, { campaignId: FRUIT, quantity: 1, householdId: HOME2 })
    const c = await buyAndPay(h, { campaignId: FRUIT, quantity: 1, householdId: ZHAO_HOME, who: ZHAO })
    const unpaid = await buy(h, { campaignId: FRUIT, quantity: 1, householdId: HOME2 })
    return { paid: [a, b, c], unpaid }
  }

  it('every paid order is refunded automatically through the sandbox, once; the campaign fails', async () => {
    const { paid, unpaid } = await failing()
    await pastEnd(FRUIT)
    h.clock.advance(ORDER_PAY_WINDOW_MS)
    const report = await runOrderJob(h, 'presale-settle')
    expect(report).toMatchObject({ expired: 1, started: 1, failed: 1, refundedOrders: 3 })
    expect(await campaignDoc(h, FRUIT)).toMatchObject({ status: 'failed', outcome: 'failed', paidQuantityAtSettlement: 4 })
    expect((await orderDoc(h, unpaid.id)).status).toBe('expired')
    for (const o of paid) {
      expect(await orderDoc(h, o._id)).toMatchObject({ status: 'refunded', refundReason: 'group_failed', refundedFen: o.paidFen })
      expect(await refundsFor(o)).toEqual([expect.objectContaining({ idempotencyKey: `group-failed:${o._id}`, amountFen: o.paidFen, status: 'succeeded', automatic: true })])
    }
    const ledger = await findAll(h.store, 'ledger', { kind: 'refund' })
    expect(ledger.reduce((n, e) => n + e.amountFen, 0)).toBe(-paid.reduce((n, o) => n + o.paidFen, 0))
    const view = okData(await h.call('order.get', { orderId: paid[0]!._id }, WANG, COMMUNITY_A))
    expect(view).toMatchObject({ status: 'refunded', refundReason: 'group_failed', campaignStatus: 'failed' })
    const inbox = await findAll(h.store, 'inbox', { userId: 'u-zhao', kind: 'presale' })
    expect(inbox.map((m) => m.title)).toEqual(['拼团未成功，已自动退款'])

    // Twice more, once concurrently: no refund is requested again.
    await Promise.all([runOrderJob(h, 'presale-settle'), runOrderJob(h, 'presale-settle')])
    expect(await findAll(h.store, 'refunds', {})).toHaveLength(3)
  })

  it('two settlement runs at once refund each order exactly once', async () => {
    const { paid } = await failing()
    await pastEnd(FRUIT)
    h.clock.advance(ORDER_PAY_WINDOW_MS)
    await Promise.all([runOrderJob(h, 'presale-settle'), runOrderJob(h, 'presale-settle'), runOrderJob(h, 'presale-settle')])
    for (const o of paid) {
      expect(await refundsFor(o)).toHaveLength(1)
      expect((await orderDoc(h, o._id)).status).toBe('refunded')
    }
    expect((await campaignDoc(h, FRUIT)).status).toBe('failed')
  })

  /** Makes the store throw on the n-th update that matches, as a function killed mid-run would stop. */
  function crashOn(match: (collection: string, spec: Parameters<Store['update']>[2]) => boolean, n = 1) {
    const real = h.store.update.bind(h.store)
    let seen = 0
    return jest.spyOn(h.store, 'update').mockImplementation(async (collection, id, spec, when) => {
      if (match(collection, spec) && ++seen === n) throw new Error('crash')
      return real(collection, id, spec, when)
    })
  }

  it.each([
    ['while moving the second order to refunding', (c: string, s: Parameters<Store['update']>[2]) => c === 'orders' && s.set?.status === 'refunding', 2],
    ['after a refund was requested, before the order recorded it', (c: string, s: Parameters<Store['update']>[2]) => c === 'orders' && s.set?.refundRequestedAt !== undefined, 1],
    ['before the campaign is marked failed', (c: string, s: Parameters<Store['update']>[2]) => c === 'campaigns' && s.set?.status === 'failed', 1]
  ])('a crash %s: the next run finishes, refunding each order exactly once', async (_name, match, n) => {
    const { paid } = await failing()
    await pastEnd(FRUIT)
    h.clock.advance(ORDER_PAY_WINDOW_MS)
    const spy = crashOn(match, n)
    await expect(runOrderJob(h, 'presale-settle')).rejects.toThrow()
    spy.mockRestore()
    await sandboxOf(h).flush()
    expect((await campaignDoc(h, FRUIT)).status).toBe('settling')
    await runOrderJob(h, 'presale-settle')
    await runOrderJob(h, 'presale-settle')
    for (const o of paid) {
      expect(await refundsFor(o)).toEqual([expect.objectContaining({ idempotencyKey: `group-failed:${o._id}`, status: 'succeeded' })])
      expect((await orderDoc(h, o._id)).status).toBe('refunded')
    }
    expect((await campaignDoc(h, FRUIT)).status).toBe('failed')
  })

  it('a crash halfway through a success is finished the same way, even if the paid quantity changed meanwhile', async () => {
    await setCampaign(h, VEG, { threshold: 3 })
    const a = await buyAndPay(h, { quantity: 2 })
    const b = await buyAndPay(h, { quantity: 1, householdId: HOME2 })
    await pastEnd(VEG)
    const spy = crashOn((c, s) => c === 'orders' && s.set?.status === 'confirmed', 2)
    await expect(runOrderJob(h, 'presale-settle')).rejects.toThrow()
    spy.mockRestore()
    expect(await campaignDoc(h, VEG)).toMatchObject({ status: 'settling', outcome: 'succeeded', paidQuantityAtSettlement: 3 })
    // Meanwhile the operator refunds the order still waiting: the decision taken stays.
    const waiting = [await orderDoc(h, a._id), await orderDoc(h, b._id)].find((o) => o.status === 'paid')!
    const confirmedFirst = waiting._id === a._id ? b : a
    okData(await h.call('pay.refund', { paymentId: waiting.paymentId!, lines: [{ payableId: waiting._id, amountFen: waiting.paidFen }], reason: '住户要求退款', clientRequestId: 'op-refund-0001' }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    expect(await orderDoc(h, waiting._id)).toMatchObject({ status: 'refunded', refundReason: 'operator' })
    await runOrderJob(h, 'presale-settle')
    expect((await campaignDoc(h, VEG)).status).toBe('succeeded')
    expect((await orderDoc(h, confirmedFirst._id)).status).toBe('confirmed')
    expect((await orderDoc(h, waiting._id)).status).toBe('refunded')
    expect(await findAll(h.store, 'deliveryTasks', { campaignId: VEG })).toEqual([expect.objectContaining({ orders: 1, quantity: confirmedFirst.quantity })])
  })

  it('a refund the gateway refuses is retried under a new key (by the next pass, then by the sweeper)', async () => {
    const { paid } = await failing()
    await pastEnd(FRUIT)
    h.clock.advance(ORDER_PAY_WINDOW_MS)
    // WeChat Pay refuses every refund during the settlement run.
    const refund = jest.spyOn(sandboxOf(h), 'refund').mockResolvedValue({ ok: false, reason: 'SYSTEM_ERROR', definite: true } as never)
    await runOrderJob(h, 'presale-settle')
    refund.mockRestore()
    // The campaign's outcome is final; the refunds wait for a retry, visible on the dashboard.
    expect((await campaignDoc(h, FRUIT)).status).toBe('failed')
    for (const o of paid) expect(await orderDoc(h, o._id)).toMatchObject({ status: 'refunding', refundAttempts: 2, refundRequestedAt: null })
    expect(okData(await h.call('order.dashboard', { campaignId: FRUIT }, OPERATOR, COMMUNITY_A)).stuckRefunds).toBe(3)

    await runOrderJob(h, 'presale-orders')
    for (const o of paid) {
      const refunds = await refundsFor(o)
      expect(refunds.map((r) => [r.idempotencyKey, r.status]).sort()).toEqual([
        [`group-failed:${o._id}`, 'failed'],
        [`group-failed:${o._id}:1`, 'failed'],
        [`group-failed:${o._id}:2`, 'succeeded']
      ])
      expect((await orderDoc(h, o._id)).status).toBe('refunded')
      // Money out never exceeds money in.
      const ledger = await findAll(h.store, 'ledger', { paymentId: o.paymentId ?? '' })
      expect(ledger.reduce((n, e) => n + e.amountFen, 0)).toBe(0)
    }
    expect(okData(await h.call('order.dashboard', { campaignId: FRUIT }, OPERATOR, COMMUNITY_A)).stuckRefunds).toBe(0)
  })
})

it('the campaign list and detail follow the clock: scheduled, live, ended, then the outcome', async () => {
  const list = okData(await h.call('order.campaigns', {}, WANG, COMMUNITY_A)).campaigns
  expect(list.map((c) => [c.id, c.status])).toEqual([
    [FRUIT, 'live'],
    [VEG, 'live'],
    ['pc-a-season', 'live'],
    ['pc-a-clean', 'scheduled']
  ])
  expect(list.some((c) => c.id === 'pc-b-rice')).toBe(false)
  h.clock.advance(DAY)
  await runOrderJob(h, 'presale-settle')
  const later = okData(await h.call('order.campaigns', {}, WANG, COMMUNITY_A)).campaigns
  expect(Object.fromEntries(later.map((c) => [c.id, c.status]))).toEqual({ [VEG]: 'live', [FRUIT]: 'failed', 'pc-a-season': 'live', 'pc-a-clean': 'live' })
  expect((await campaignDoc(h, 'pc-a-clean')).status).toBe('live')
  const past = okData(await h.call('order.campaigns', { scope: 'past' }, WANG, COMMUNITY_A)).campaigns
  expect(past.map((c) => c.id)).toEqual([FRUIT])
  expect((await ordersOf(h, FRUIT)).length).toBe(0)
})
