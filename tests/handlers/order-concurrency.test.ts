/**
 * The invariants under concurrency, through the real request path on SQLite: never more sold
 * than stock, never more than the household limit even from parallel requests of one household,
 * one order per client request id, and stock released by expiry or cancellation sold again
 * exactly once. A create cut short is continued by its retry, or repaired by the sweeper.
 */
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { OrderViewT } from '../../cloudfunctions/contracts/order'
import { ORDER_PAY_WINDOW_MS, EXPIRY_GRACE_MS, RESERVING_STALE_MS } from '../../cloudfunctions/domain/order/rules'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import {
  COMMUNITY_A,
  HOME,
  HOME2,
  LI,
  WANG,
  addHouseholds,
  buy,
  buyAndPay,
  checkCounters,
  newCampaign,
  newCrid,
  orderDoc,
  ordersOf,
  placeOrder,
  runOrderJob,
  stockOf
} from '../support/presale'
import { codeOf, okData } from './support'

jest.setTimeout(60_000)

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

const codes = (rs: readonly ApiResponse<OrderViewT>[]) => {
  const out: Record<string, number> = {}
  for (const r of rs) {
    const k = r.ok ? 'ok' : r.error.code
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

it('300 households at once for 20 in stock: exactly 20 orders, the rest sold out, counters consistent', async () => {
  const campaignId = await newCampaign(h, { stock: 20, limit: 1 })
  const buyers = await addHouseholds(h, 300)
  const results = await Promise.all(buyers.map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid })))
  expect(codes(results)).toEqual({ ok: 20, 'ORDER.SOLD_OUT': 280 })
  const orders = await ordersOf(h, campaignId)
  expect(orders.filter((o) => o.status === 'pending_payment')).toHaveLength(20)
  // Attempts refused after writing their order are marked rejected and hold nothing.
  expect(orders.every((o) => o.status === 'pending_payment' || (o.status === 'rejected' && o.rejectReason === 'ORDER.SOLD_OUT' && !o.releaseDue))).toBe(true)
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 20, available: 0 })
  expect(new Set(orders.map((o) => o.code)).size).toBe(orders.length)
})

it('20 requests at once from one household (two members), limit 2: exactly 2 units', async () => {
  const campaignId = await newCampaign(h, { stock: 50, limit: 2 })
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => placeOrder(h, { campaignId, householdId: HOME, who: i % 2 ? LI : WANG })))
  expect(codes(results)).toEqual({ ok: 2, 'ORDER.LIMIT_REACHED': 18 })
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 2, available: 48 })
  // Quantities 2 and 1 racing for a limit of 2: whichever lands first, the total stays ≤ 2.
  const mixed = await Promise.all([placeOrder(h, { campaignId, householdId: HOME2, quantity: 2 }), placeOrder(h, { campaignId, householdId: HOME2, quantity: 1 })])
  const held = mixed.filter((r) => r.ok).reduce((n, r) => n + (r.ok ? r.data.quantity : 0), 0)
  expect(held).toBeLessThanOrEqual(2)
  expect(held).toBeGreaterThan(0)
  await checkCounters(h, campaignId)
})

it('limit and stock together: many households, several requests each', async () => {
  const campaignId = await newCampaign(h, { stock: 30, limit: 2 })
  const buyers = await addHouseholds(h, 40)
  const results = await Promise.all(buyers.flatMap((b) => Array.from({ length: 4 }, () => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid }))))
  expect(results.filter((r) => r.ok)).toHaveLength(30)
  const orders = (await ordersOf(h, campaignId)).filter((o) => o.status === 'pending_payment')
  const perHousehold = new Map<string, number>()
  for (const o of orders) perHousehold.set(o.householdId, (perHousehold.get(o.householdId) ?? 0) + o.quantity)
  expect(Math.max(...perHousehold.values())).toBeLessThanOrEqual(2)
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 30, available: 0 })
})

it('stock released by expiry is sold again exactly once', async () => {
  const campaignId = await newCampaign(h, { stock: 1, limit: 1 })
  const first = await buy(h, { campaignId, householdId: HOME })
  const buyers = await addHouseholds(h, 30)
  expect(codes(await Promise.all(buyers.slice(0, 10).map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid }))))).toEqual({ 'ORDER.SOLD_OUT': 10 })

  h.clock.advance(ORDER_PAY_WINDOW_MS + EXPIRY_GRACE_MS + 1)
  // The sweeper twice at once, and 20 buyers racing it.
  const [, , ...rest] = await Promise.all([
    runOrderJob(h, 'presale-orders'),
    runOrderJob(h, 'presale-orders'),
    ...buyers.slice(10).map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid }))
  ])
  expect((await orderDoc(h, first.id)).status).toBe('expired')
  const won = (rest as ApiResponse<OrderViewT>[]).filter((r) => r.ok)
  expect(won.length).toBeLessThanOrEqual(1)
  // Whoever missed the moment tries again: exactly one order holds the unit in the end.
  if (won.length === 0) {
    const again = await Promise.all(buyers.slice(20).map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid })))
    expect(again.filter((r) => r.ok)).toHaveLength(1)
  }
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 1, available: 0 })
  expect((await ordersOf(h, campaignId)).filter((o) => o.status === 'pending_payment')).toHaveLength(1)
})

it('stock released by a cancellation (paid, refunded) is sold again exactly once', async () => {
  const campaignId = await newCampaign(h, { stock: 1, limit: 1 })
  const first = await buyAndPay(h, { campaignId, householdId: HOME })
  const buyers = await addHouseholds(h, 20)
  const [cancelled, ...attempts] = await Promise.all([
    h.call('order.cancel', { orderId: first._id }, WANG, COMMUNITY_A),
    h.call('order.cancel', { orderId: first._id }, WANG, COMMUNITY_A),
    ...buyers.map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid }))
  ])
  expect(cancelled?.ok).toBe(true)
  const later = await Promise.all(buyers.map((b) => placeOrder(h, { campaignId, householdId: b.householdId, who: b.openid })))
  expect([...attempts.slice(1), ...later].filter((r) => r.ok)).toHaveLength(1)
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 1, available: 0 })
})

it('a create cut short after its holds is continued by its retry (same request id)', async () => {
  const campaignId = await newCampaign(h, { stock: 5, limit: 2 })
  const crid = newCrid()
  const real = h.store.update.bind(h.store)
  const spy = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
    if (c === 'orders' && spec.set?.status === 'pending_payment') throw new Error('crash')
    return real(c, id, spec, when)
  })
  expect(codeOf(await placeOrder(h, { campaignId, clientRequestId: crid, quantity: 2 }))).toBe('INTERNAL.ERROR')
  spy.mockRestore()
  const [stuck] = await findAll(h.store, 'orders', { campaignId })
  expect(stuck).toMatchObject({ status: 'reserving' })
  expect((await stockOf(h, campaignId)).available).toBe(3)
  const retried = okData(await placeOrder(h, { campaignId, clientRequestId: crid, quantity: 2 }))
  expect(retried).toMatchObject({ id: stuck!._id, status: 'pending_payment' })
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 2, available: 3 })
})

it('a create abandoned halfway is rejected by the sweeper, and its holds come back once', async () => {
  const campaignId = await newCampaign(h, { stock: 5, limit: 2 })
  const real = h.store.update.bind(h.store)
  // Crash right after the household limit was held, before the stock.
  const spy = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
    if (c === 'campaignStock' && spec.inc?.available !== undefined && spec.inc.available < 0) throw new Error('crash')
    return real(c, id, spec, when)
  })
  const crid = newCrid()
  expect(codeOf(await placeOrder(h, { campaignId, clientRequestId: crid, quantity: 2 }))).toBe('INTERNAL.ERROR')
  spy.mockRestore()
  expect(okData(await h.call('order.campaign', { id: campaignId, householdId: HOME }, WANG, COMMUNITY_A)).mine?.bought).toBe(2)
  h.clock.advance(RESERVING_STALE_MS + 1)
  expect((await runOrderJob(h, 'presale-orders')).interrupted).toBe(1)
  const [o] = await ordersOf(h, campaignId)
  expect(o).toMatchObject({ status: 'rejected', rejectReason: 'ORDER.INTERRUPTED', releaseDue: false })
  expect(okData(await h.call('order.campaign', { id: campaignId, householdId: HOME }, WANG, COMMUNITY_A)).mine?.bought).toBe(0)
  // A late retry of that request learns it did not go through; a new request works.
  expect(codeOf(await placeOrder(h, { campaignId, clientRequestId: crid, quantity: 2 }))).toBe('ORDER.INTERRUPTED')
  okData(await placeOrder(h, { campaignId, quantity: 2 }))
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 2, available: 3 })
})

it('a hold left behind for an order that no longer holds is given back by the settlement job audit', async () => {
  const campaignId = await newCampaign(h, { stock: 5, limit: 2 })
  const o = await buy(h, { campaignId, quantity: 2 })
  // A slow request reserved after the order had already been given up (simulated: the order is
  // rejected while its holds stay).
  await h.store.update('orders', o.id, { set: { status: 'rejected', rejectReason: 'ORDER.INTERRUPTED', releaseDue: false } })
  h.clock.advance(60_000)
  expect((await runOrderJob(h, 'presale-settle')).holdsRepaired).toBe(2)
  expect(await stockOf(h, campaignId)).toMatchObject({ available: 5, holds: {} })
  expect(await checkCounters(h, campaignId)).toEqual({ sold: 0, available: 5 })
})
