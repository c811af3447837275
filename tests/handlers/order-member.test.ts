/**
 * Membership at the pre-sale checkout (domain/member/checkout.ts): the coupon is checked and
 * locked when the order is placed, used when it is paid, and comes back (with the points spent)
 * when the order is cancelled, expires, or is refunded — including every order of a failed group.
 */
import { EXPIRY_GRACE_MS, ORDER_PAY_WINDOW_MS, SETTLE_GRACE_MS } from '../../cloudfunctions/domain/order/rules'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import {
  COMMUNITY_A,
  FRUIT,
  HOME2,
  VEG,
  WANG,
  buy,
  campaignDoc,
  checkCounters,
  newCampaign,
  newCrid,
  orderDoc,
  pay,
  placeOrder,
  runOrderJob,
  stockOf
} from '../support/presale'
import { codeOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

/** 王建国 claims a coupon from a seeded template: 生鲜满减 (¥8 off from ¥50, fresh food) or 新人券 (¥5 off anything). */
async function claim(templateId: 'ct-demo-fresh' | 'ct-demo-welcome'): Promise<string> {
  return okData(await h.call('member.claimCoupon', { templateId }, WANG, COMMUNITY_A)).coupon.id
}
const coupon = async (id: string) => (await h.store.get('coupons', id))!
const balance = async () => (await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))?.balance ?? 0

it('a coupon is checked and locked at the order, used when paid; the payment is for the discounted amount', async () => {
  const couponId = await claim('ct-demo-fresh')
  const o = await buy(h, { quantity: 1, couponId })
  expect(o).toMatchObject({ subtotalFen: 6800, discountFen: 800, amountFen: 6000, couponId, status: 'pending_payment' })
  expect(await coupon(couponId)).toMatchObject({ status: 'locked', holder: o.id })
  const payment = await pay(h, o.id)
  expect(payment.totalFen).toBe(6000)
  expect(await coupon(couponId)).toMatchObject({ status: 'used', holder: o.id })
  // The same coupon cannot be used again.
  expect(codeOf(await placeOrder(h, { householdId: HOME2, couponId }))).toBe('MEMBER.COUPON_UNUSABLE')
})

it('a coupon outside its scope or not the buyer’s is refused, and nothing is written', async () => {
  const before = await snapshot(h.store)
  // The seeded housekeeping coupon does not apply to vegetables.
  const res = await placeOrder(h, { couponId: 'bseeddemo0000001:u-wang' })
  expect(codeOf(res)).toBe('MEMBER.COUPON_UNUSABLE')
  expect(res.ok ? [] : res.error.fields?.map((f) => f.path)).toEqual(['couponId'])
  expect(codeOf(await placeOrder(h, { couponId: 'vseed-neighbour-u-r1' }))).toBe('MEMBER.COUPON_NOT_FOUND')
  expect(await snapshot(h.store)).toEqual(before)
})

it('points pay part of the order; an unpaid order that expires gives back the coupon and the points', async () => {
  const couponId = await claim('ct-demo-fresh')
  const start = await balance()
  expect(start).toBeGreaterThan(0)
  const o = await buy(h, { quantity: 2, couponId, usePoints: true })
  // ¥136 − ¥8 coupon, then points: at most 20 % of ¥128 (100 points = ¥1).
  const pointsFen = Math.min(Math.floor((12800 * 20) / 100), start)
  expect(o).toMatchObject({ subtotalFen: 13600, pointsUsed: pointsFen, discountFen: 800 + pointsFen, amountFen: 12800 - pointsFen })
  expect(await balance()).toBe(start - pointsFen)

  h.clock.advance(ORDER_PAY_WINDOW_MS + EXPIRY_GRACE_MS + 1)
  await runOrderJob(h, 'presale-orders')
  expect((await orderDoc(h, o.id)).status).toBe('expired')
  expect(await coupon(couponId)).toMatchObject({ status: 'available' })
  expect((await coupon(couponId)).holder).toBeUndefined()
  expect(await balance()).toBe(start)
  // Running again returns nothing twice.
  await runOrderJob(h, 'presale-orders')
  expect(await balance()).toBe(start)
})

it('a failed group refunds the money and returns the coupon and the points', async () => {
  const couponId = await claim('ct-demo-fresh')
  const start = await balance()
  const o = await buy(h, { campaignId: FRUIT, quantity: 1, couponId, usePoints: true })
  await pay(h, o.id)
  expect(await coupon(couponId)).toMatchObject({ status: 'used' })
  h.clock.t = (await campaignDoc(h, FRUIT)).endAt + SETTLE_GRACE_MS
  await runOrderJob(h, 'presale-settle')
  expect(await orderDoc(h, o.id)).toMatchObject({ status: 'refunded', refundReason: 'group_failed', refundedFen: o.amountFen })
  expect(await coupon(couponId)).toMatchObject({ status: 'available' })
  // Points spent come back; points the payment earned are taken back by the membership listener.
  expect(await balance()).toBe(start)
})

it('cancelling a paid order refunds it and returns the coupon', async () => {
  const couponId = await claim('ct-demo-fresh')
  const o = await buy(h, { quantity: 1, couponId })
  await pay(h, o.id)
  okData(await h.call('order.cancel', { orderId: o.id }, WANG, COMMUNITY_A))
  await sandboxOf(h).flush()
  expect(await orderDoc(h, o.id)).toMatchObject({ status: 'refunded', refundedFen: 6000 })
  expect(await coupon(couponId)).toMatchObject({ status: 'available' })
  expect((await stockOf(h, VEG)).available).toBe(100)
})

it('a coupon that covers the whole price: the order is paid as placed (no payment), and refunded without one', async () => {
  const campaignId = await newCampaign(h, { priceFen: 500, stock: 5, threshold: 3 })
  const couponId = await claim('ct-demo-welcome')
  const o = await buy(h, { campaignId, quantity: 1, couponId })
  expect(o).toMatchObject({ status: 'paid', amountFen: 0, discountFen: 500, paymentId: null })
  expect(await coupon(couponId)).toMatchObject({ status: 'used', holder: o.id })
  expect(await stockOf(h, campaignId)).toMatchObject({ paidQuantity: 1 })
  // The group fails (3 needed): nothing to refund but the coupon, which comes back.
  h.clock.t = (await campaignDoc(h, campaignId)).endAt + SETTLE_GRACE_MS
  await runOrderJob(h, 'presale-settle')
  expect(await orderDoc(h, o.id)).toMatchObject({ status: 'refunded', refundReason: 'group_failed', refundedFen: 0 })
  expect(await coupon(couponId)).toMatchObject({ status: 'available' })
  expect((await campaignDoc(h, campaignId)).status).toBe('failed')
})

it('two orders racing for one coupon: one gets it, the other is refused and holds nothing', async () => {
  const couponId = await claim('ct-demo-fresh')
  const [a, b] = await Promise.all([placeOrder(h, { quantity: 1, couponId }), placeOrder(h, { quantity: 1, householdId: HOME2, couponId })])
  const results = [a!, b!]
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['MEMBER.COUPON_UNUSABLE'])
  const winner = results.find((r) => r.ok)
  expect(await coupon(couponId)).toMatchObject({ status: 'locked', holder: winner?.ok ? winner.data.id : '' })
  expect(await checkCounters(h, VEG)).toEqual({ sold: 1, available: 149 })
})

describe('a create cut short after its points were spent', () => {
  /** Crashes the create right before `reserving → pending_payment`: coupon locked, points spent. */
  async function crashBeforePlaced(o: { clientRequestId: string; couponId?: string; usePoints: boolean; quantity: number }) {
    const real = h.store.update.bind(h.store)
    const spy = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
      if (c === 'orders' && spec.set?.status === 'pending_payment') throw new Error('crash')
      return real(c, id, spec, when)
    })
    expect(codeOf(await placeOrder(h, o))).toBe('INTERNAL.ERROR')
    spy.mockRestore()
    const [stuck] = await findAll(h.store, 'orders', { idempotencyKey: `u-wang:${o.clientRequestId}` })
    expect(stuck).toMatchObject({ status: 'reserving' })
    return stuck!
  }

  it('is continued by its retry: the order’s own spend counts as available, and the points are spent once', async () => {
    const start = await balance()
    // Spend (nearly) the whole balance, so nothing would be left for a second quote.
    const quantity = Math.max(1, Math.ceil((start * 5) / 6800))
    const crid = newCrid()
    const stuck = await crashBeforePlaced({ clientRequestId: crid, usePoints: true, quantity })
    expect(stuck.pointsUsed).toBeGreaterThan(start / 2)
    expect(await balance()).toBe(start - stuck.pointsUsed)

    const retried = okData(await placeOrder(h, { clientRequestId: crid, usePoints: true, quantity }))
    expect(retried).toMatchObject({ id: stuck._id, status: 'pending_payment', pointsUsed: stuck.pointsUsed, amountFen: stuck.amountFen })
    expect(await balance()).toBe(start - stuck.pointsUsed)
    // A twin arriving now gets the same order and spends nothing more.
    expect(okData(await placeOrder(h, { clientRequestId: crid, usePoints: true, quantity }))).toMatchObject({ id: stuck._id, status: 'pending_payment' })
    expect(await balance()).toBe(start - stuck.pointsUsed)
  })

  it('refused on its retry: the coupon and the points come back with the stock and the limit', async () => {
    const couponId = await claim('ct-demo-fresh')
    const start = await balance()
    const crid = newCrid()
    const stuck = await crashBeforePlaced({ clientRequestId: crid, couponId, usePoints: true, quantity: 1 })
    expect(await coupon(couponId)).toMatchObject({ status: 'locked', holder: stuck._id })
    expect(await balance()).toBe(start - stuck.pointsUsed)
    // The coupon ran out meanwhile: the retry cannot hold it any more.
    await h.store.update('coupons', couponId, { set: { validTo: h.clock.now() - 1 } })

    expect(codeOf(await placeOrder(h, { clientRequestId: crid, couponId, usePoints: true, quantity: 1 }))).toBe('MEMBER.COUPON_UNUSABLE')
    expect(await orderDoc(h, stuck._id)).toMatchObject({ status: 'rejected', releaseDue: false })
    expect(await balance()).toBe(start)
    expect((await coupon(couponId)).holder).toBeUndefined()
    expect(await checkCounters(h, VEG)).toEqual({ sold: 0, available: 150 })
  })
})
