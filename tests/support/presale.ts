/**
 * Helpers for the pre-sale tests: the seeded campaigns, buying and paying through the real
 * request path (order.create, then pay.create and the sandbox cashier), running the order jobs
 * as their timer triggers would, and checking the counters' invariants.
 */
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { OrderViewT } from '../../cloudfunctions/contracts/order'
import type { HouseholdDoc, MembershipDoc, UserDoc } from '../../cloudfunctions/domain/docs'
import type { CampaignDoc, CampaignStockDoc, OrderDoc } from '../../cloudfunctions/domain/order/docs'
import type { JobReport } from '../../cloudfunctions/kernel/module'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { PRESALE_IDS } from '../../scripts/seed/presale'
import { okData } from '../handlers/support'
import { type Harness, as } from './harness'
import { COMMUNITY_A, DAY, HOUR, MINUTE, confirm, sandboxOf } from './pay'

export { COMMUNITY_A, DAY, HOUR, MINUTE, PRESALE_IDS }
export const VEG = PRESALE_IDS.veg
export const FRUIT = PRESALE_IDS.fruit
export const CLEAN = PRESALE_IDS.clean
export const RICE_B = PRESALE_IDS.rice

/** 王建国: owner of 1栋 101 (east grid, 张管家) and 2栋 302 (west grid, 刘管家). */
export const WANG = as('u-wang')
export const LI = as('u-li')
export const ZHAO = as('u-zhao')
export const OPERATOR = as('u-operator-wu')
export const BUTLER_EAST = as('u-butler-zhang')
export const BUTLER_WEST = as('u-butler-liu')
export const VERIFIER = as('u-verifier-zhou')
export const HOME = 'h-a1-101'
export const HOME2 = 'h-a2-302'
/** 赵晓雨 rents 3栋 201 (west grid). */
export const ZHAO_HOME = 'h-a3-201'

let crid = 0
export const newCrid = () => `ord-${String(++crid).padStart(6, '0')}`

export interface BuyOptions {
  campaignId?: string
  skuId?: string
  quantity?: number
  householdId?: string
  clientRequestId?: string
  who?: string
  couponId?: string | null
  usePoints?: boolean
}

export function orderInput(o: BuyOptions = {}) {
  return {
    campaignId: o.campaignId ?? VEG,
    skuId: o.skuId ?? 's1',
    quantity: o.quantity ?? 1,
    householdId: o.householdId ?? HOME,
    clientRequestId: o.clientRequestId ?? newCrid(),
    ...(o.couponId !== undefined ? { couponId: o.couponId } : {}),
    ...(o.usePoints !== undefined ? { usePoints: o.usePoints } : {})
  }
}

export function placeOrder(h: Harness, o: BuyOptions = {}): Promise<ApiResponse<OrderViewT>> {
  return h.call('order.create', orderInput(o), o.who ?? WANG, COMMUNITY_A)
}

/** `order.create`; throws unless it succeeds. */
export async function buy(h: Harness, o: BuyOptions = {}): Promise<OrderViewT> {
  return okData(await placeOrder(h, o))
}

/** Pays an order through the payment module and the sandbox cashier, as the mini-program does. */
export async function pay(h: Harness, orderId: string, who = WANG) {
  const created = okData(await h.call('pay.create', { payables: [{ type: 'order', id: orderId }], clientRequestId: newCrid() }, who, COMMUNITY_A))
  expect(await confirm(h, created)).toBe(204)
  await sandboxOf(h).flush()
  return created.payment
}

export async function buyAndPay(h: Harness, o: BuyOptions = {}): Promise<OrderDoc> {
  const v = await buy(h, o)
  await pay(h, v.id, o.who ?? WANG)
  return orderDoc(h, v.id)
}

export async function orderDoc(h: Harness, id: string): Promise<OrderDoc> {
  const o = await h.store.get('orders', id)
  if (!o) throw new Error(`no order ${id}`)
  return o
}

export async function campaignDoc(h: Harness, id: string): Promise<CampaignDoc> {
  const c = await h.store.get('campaigns', id)
  if (!c) throw new Error(`no campaign ${id}`)
  return c
}

export async function stockOf(h: Harness, campaignId: string, skuId = 's1'): Promise<CampaignStockDoc> {
  const s = await h.store.get('campaignStock', `${campaignId}:${skuId}`)
  if (!s) throw new Error(`no stock ${campaignId}:${skuId}`)
  return s
}

export async function ordersOf(h: Harness, campaignId: string): Promise<OrderDoc[]> {
  return findAll(h.store, 'orders', { campaignId })
}

/** Runs an order job through the function's main, as CloudBase's timer trigger would. */
export async function runOrderJob(h: Harness, name: 'presale-orders' | 'presale-settle'): Promise<JobReport> {
  const res = (await h.raw('order', { Type: 'Timer', TriggerName: name }, null)) as { ok: boolean; report?: JobReport; error?: string }
  if (!res.ok || !res.report) throw new Error(`job order/${name} failed: ${JSON.stringify(res)}`)
  await sandboxOf(h).flush()
  return res.report
}

/** Moves a campaign's end (and start, if needed) so the test controls where the clock is. */
export async function setCampaign(h: Harness, id: string, set: Partial<Pick<CampaignDoc, 'startAt' | 'endAt' | 'threshold' | 'householdLimit' | 'status'>>): Promise<void> {
  expect(await h.store.update('campaigns', id, { set })).toBe(true)
}

/**
 * The counters' invariants for a campaign: for every SKU, `available + held = stock` and no
 * order holds twice; for every household, `bought` equals its holds and stays within the limit;
 * and holds belong exactly to the orders that should hold.
 */
export async function checkCounters(h: Harness, campaignId: string): Promise<{ sold: number; available: number }> {
  const c = await campaignDoc(h, campaignId)
  const orders = new Map((await ordersOf(h, campaignId)).map((o) => [o._id, o]))
  let sold = 0
  let available = 0
  for (const s of c.skus) {
    const st = await stockOf(h, campaignId, s.skuId)
    const held = Object.values(st.holds).reduce((n, q) => n + q, 0)
    expect(st.available).toBeGreaterThanOrEqual(0)
    expect(st.available + held).toBe(s.stock)
    for (const [id, q] of Object.entries(st.holds)) {
      const o = orders.get(id)
      expect(o?.quantity).toBe(q)
      expect(['reserving', 'pending_payment', 'paid', 'confirmed', 'delivered', 'refunding', 'refunded']).toContain(o?.status)
    }
    sold += held
    available += st.available
  }
  const quotas = await findAll(h.store, 'orderQuotas', { campaignId })
  for (const q of quotas) {
    expect(q.bought).toBe(Object.values(q.holds).reduce((n, x) => n + x, 0))
    expect(q.bought).toBeLessThanOrEqual(c.householdLimit)
  }
  return { sold, available }
}

/** `n` extra households in community A's 3栋, each with its own owner (`x-user-<i>`). */
export async function addHouseholds(h: Harness, n: number, prefix = 'x'): Promise<{ householdId: string; openid: string }[]> {
  const out = []
  for (let i = 0; i < n; i++) {
    const hh: HouseholdDoc = { _id: `h-${prefix}-${i}`, communityId: COMMUNITY_A, buildingId: 'b-a3', room: `9${String(i).padStart(3, '0')}`, areaCm2: 9000, codeHash: `${prefix}-hash-${i}`, createdAt: 0 }
    const u: UserDoc = { _id: `${prefix}-user-${i}`, openid: `dev-${prefix}-user-${i}`, nickname: `住户${i}`, avatarUrl: '', createdAt: 0, updatedAt: 0 }
    const m: MembershipDoc = { _id: `${hh._id}:${u._id}`, userId: u._id, householdId: hh._id, communityId: COMMUNITY_A, relation: 'owner', status: 'active', via: 'seed', createdAt: 0 }
    expect((await h.store.insert('households', hh)).ok).toBe(true)
    expect((await h.store.insert('users', u)).ok).toBe(true)
    expect((await h.store.insert('memberships', m)).ok).toBe(true)
    out.push({ householdId: hh._id, openid: u.openid })
  }
  return out
}

export const advance = (h: Harness, ms: number) => h.clock.advance(ms)

export interface CampaignOptions {
  stock?: number
  limit?: number
  threshold?: number | null
  mode?: 'door' | 'pickup'
  startAt?: number
  endAt?: number
  priceFen?: number
}

/** A fresh campaign (veg box product, SKU s1) made and published by the operator through the API. */
export async function newCampaign(h: Harness, o: CampaignOptions = {}): Promise<string> {
  const now = h.clock.now()
  const endAt = o.endAt ?? now + DAY
  const campaign = {
    title: '测试预售',
    description: '',
    productId: 'pd-a-veg',
    skus: [{ skuId: 's1', priceFen: o.priceFen ?? 5000, stock: o.stock ?? 10 }],
    startAt: o.startAt ?? now - HOUR,
    endAt,
    householdLimit: o.limit ?? 2,
    threshold: o.threshold === undefined ? null : o.threshold,
    deliveryMode: o.mode ?? 'door',
    pickupPointId: o.mode === 'pickup' ? PRESALE_IDS.pickup : null,
    deliveryDate: endAt + DAY
  }
  const c = okData(await h.call('order.saveCampaign', { campaign }, OPERATOR, COMMUNITY_A))
  okData(await h.call('order.publishCampaign', { id: c.id }, OPERATOR, COMMUNITY_A))
  return c.id
}
