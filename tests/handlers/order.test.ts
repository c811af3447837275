/**
 * Pre-sale orders through the real request path: create (server pricing, stock and household
 * limit held), idempotent resubmission, bad input that writes nothing, payment through the
 * payment module and the sandbox, expiry, cancellation and refunds.
 */
import { PAYMENT_WINDOW_MS } from '../../cloudfunctions/domain/payment/ids'
import { EXPIRY_GRACE_MS, ORDER_PAY_WINDOW_MS } from '../../cloudfunctions/domain/order/rules'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { confirm, prepayIdOf, sandboxOf } from '../support/pay'
import {
  CLEAN,
  COMMUNITY_A,
  HOME,
  HOME2,
  HOUR,
  LI,
  MINUTE,
  RICE_B,
  VEG,
  WANG,
  ZHAO,
  ZHAO_HOME,
  buy,
  buyAndPay,
  checkCounters,
  newCampaign,
  newCrid,
  orderDoc,
  orderInput,
  pay,
  placeOrder,
  runOrderJob,
  setCampaign,
  stockOf
} from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  // Refund notifications arrive after the call returns: let them land before the store closes.
  await sandboxOf(h).flush()
  await h.close()
})

describe('create', () => {
  it('prices on the server, holds the stock and the household limit, and answers a pending order with a code', async () => {
    const o = await buy(h, { skuId: 's2', quantity: 2 })
    expect(o).toMatchObject({
      status: 'pending_payment',
      campaignId: VEG,
      skuName: '家庭箱 约 10 斤',
      quantity: 2,
      unitPriceFen: 11800,
      subtotalFen: 23600,
      discountFen: 0,
      amountFen: 23600,
      householdLabel: '1栋 101',
      payBefore: h.clock.now() + ORDER_PAY_WINDOW_MS,
      actions: { pay: true, cancel: true, confirmReceived: false, afterSale: false }
    })
    expect(o.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    const s2 = await stockOf(h, VEG, 's2')
    expect(s2.available).toBe(48)
    expect(s2.holds).toEqual({ [o.id]: 2 })
    const detail = okData(await h.call('order.campaign', { id: VEG, householdId: HOME }, WANG, COMMUNITY_A))
    expect(detail.mine).toEqual({ householdId: HOME, bought: 2, remainingLimit: 0 })
    expect(detail.campaign.skus.find((s) => s.id === 's2')?.remaining).toBe(48)
    expect(detail.campaign.soldQuantity).toBe(2)
    await checkCounters(h, VEG)
  })

  it('returns the same order for a resubmitted create, and holds once, even when the twins race', async () => {
    const crid = newCrid()
    const first = await buy(h, { clientRequestId: crid })
    const again = await buy(h, { clientRequestId: crid })
    expect(again.id).toBe(first.id)
    const racing = await Promise.all(Array.from({ length: 8 }, () => placeOrder(h, { clientRequestId: 'race-0000001', quantity: 1, householdId: HOME2 })))
    const ids = new Set(racing.map((r) => okData(r).id))
    expect(ids.size).toBe(1)
    expect(await findAll(h.store, 'orders', { campaignId: VEG })).toHaveLength(2)
    expect((await stockOf(h, VEG)).available).toBe(98)
    await checkCounters(h, VEG)
  })

  it('orders of the same household by different members share its limit', async () => {
    await buy(h, { quantity: 1 })
    await buy(h, { quantity: 1, who: LI })
    const before = await snapshot(h.store)
    const res = await placeOrder(h, { quantity: 1, who: LI })
    expect(codeOf(res)).toBe('ORDER.LIMIT_REACHED')
    expect(errorOf(res).message).toContain('本户已购 2 份')
    expect(await snapshot(h.store)).toEqual(before)
    // Another household of the same owner has its own limit.
    await buy(h, { quantity: 2, householdId: HOME2 })
  })

  describe('bad input is a clear error and writes nothing', () => {
    // Five entries each: jest reads a shorter row as a test that takes a `done` callback.
    const cases: [string, () => Promise<void>, Record<string, unknown>, string, string][] = [
      ['an unknown SKU', async () => undefined, { skuId: 's9' }, 'ORDER.SKU_NOT_FOUND', 'skuId'],
      ['quantity 0', async () => undefined, { quantity: 0 }, 'REQUEST.INVALID_INPUT', 'quantity'],
      ['a fractional quantity', async () => undefined, { quantity: 1.5 }, 'REQUEST.INVALID_INPUT', 'quantity'],
      ['quantity over the per-household limit', async () => undefined, { quantity: 3 }, 'ORDER.LIMIT_EXCEEDED', 'quantity'],
      ['another community’s campaign', async () => undefined, { campaignId: RICE_B }, 'ORDER.CAMPAIGN_NOT_FOUND', 'campaignId'],
      ['an unknown campaign', async () => undefined, { campaignId: 'pc-nowhere' }, 'ORDER.CAMPAIGN_NOT_FOUND', 'campaignId'],
      ['a household that is not the caller’s', async () => undefined, { householdId: ZHAO_HOME }, 'HOUSEHOLD.NOT_MEMBER', 'householdId'],
      ['a campaign that has not started', async () => undefined, { campaignId: CLEAN }, 'ORDER.CAMPAIGN_NOT_STARTED', ''],
      ['an ended campaign', async () => setCampaign(h, VEG, { endAt: h.clock.now() - 1 }), {}, 'ORDER.CAMPAIGN_ENDED', ''],
      ['a campaign at its exact end', async () => setCampaign(h, VEG, { endAt: h.clock.now() }), {}, 'ORDER.CAMPAIGN_ENDED', ''],
      ['a draft campaign', async () => setCampaign(h, VEG, { status: 'draft' }), {}, 'ORDER.CAMPAIGN_NOT_FOUND', 'campaignId']
    ]
    it.each(cases)('%s', async (_name, arrange, patch, code, field) => {
      await arrange()
      const before = await snapshot(h.store)
      const res = await h.call('order.create', { ...orderInput(), ...patch } as never, WANG, COMMUNITY_A)
      const err = errorOf(res)
      expect(err.code).toBe(code)
      expect(err.message.length).toBeGreaterThan(0)
      if (field) expect(err.fields?.map((f) => f.path)).toContain(field)
      expect(await snapshot(h.store)).toEqual(before)
    })

    it('sold out: nothing is written', async () => {
      const id = await newCampaign(h, { stock: 1 })
      await buy(h, { campaignId: id, householdId: HOME2 })
      const before = await snapshot(h.store)
      const res = await placeOrder(h, { campaignId: id, who: ZHAO, householdId: ZHAO_HOME })
      expect(codeOf(res)).toBe('ORDER.SOLD_OUT')
      expect(await snapshot(h.store)).toEqual(before)
    })

    it('a butler or an operator cannot order (residents only)', async () => {
      expect(codeOf(await h.call('order.create', orderInput(), 'dev-u-operator-wu', COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    })
  })
})

describe('paying through the payment module', () => {
  it('pays the order at its server price; the order is paid and counts towards the threshold', async () => {
    const o = await buy(h, { quantity: 2 })
    const payment = await pay(h, o.id)
    expect(payment.totalFen).toBe(13600)
    expect(payment.lines).toEqual([expect.objectContaining({ type: 'order', id: o.id, amountFen: 13600, title: '有机蔬菜箱 · 本周预售 · 标准箱 约 5 斤 ×2' })])
    const paid = await orderDoc(h, o.id)
    expect(paid).toMatchObject({ status: 'paid', paymentId: payment.id, paidFen: 13600, paidAt: h.clock.now() })
    const view = okData(await h.call('order.get', { orderId: o.id }, WANG, COMMUNITY_A))
    expect(view).toMatchObject({ status: 'paid', actions: { pay: false, cancel: true } })
    const c = okData(await h.call('order.campaign', { id: VEG }, WANG, COMMUNITY_A)).campaign
    expect(c.paidQuantity).toBe(2)
    // The payment module keeps it, but the fee history lists property fees only: the order has its own page.
    const history = okData(await h.call('pay.history', { householdId: HOME }, WANG, COMMUNITY_A))
    expect(history.payments.map((p) => p.id)).not.toContain(payment.id)
    // A repeated notification changes nothing.
    const p = await h.store.get('payments', payment.id)
    await sandboxOf(h).send(sandboxOf(h).transactionNotification({ ...sandboxOf(h).order(p!.prepayId!)!, state: 'SUCCESS' }))
    expect(await stockOf(h, VEG)).toMatchObject({ paidQuantity: 2, paid: { [o.id]: 2 } })
  })

  it('refuses to pay an order that is not the caller’s, already paid, or past its window', async () => {
    const o = await buy(h)
    expect(codeOf(await h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, ZHAO, COMMUNITY_A))).toBe('PAY.PAYABLE_NOT_FOUND')
    await pay(h, o.id)
    expect(codeOf(await h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
    const late = await buy(h, { householdId: HOME2 })
    h.clock.advance(ORDER_PAY_WINDOW_MS)
    expect(codeOf(await h.call('pay.create', { payables: [{ type: 'order', id: late.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
  })

  it('a payment that succeeds after the order expired is refunded automatically, and the stock stays released', async () => {
    const o = await buy(h)
    const created = okData(await h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    // The resident leaves the cashier open far too long; the order expires meanwhile.
    h.clock.advance(ORDER_PAY_WINDOW_MS + PAYMENT_WINDOW_MS)
    await runOrderJob(h, 'presale-orders')
    expect((await orderDoc(h, o.id)).status).toBe('expired')
    expect((await stockOf(h, VEG)).available).toBe(100)
    await confirm(h, created)
    await sandboxOf(h).flush()
    const refunds = await findAll(h.store, 'refunds', { paymentId: created.payment.id })
    expect(refunds).toEqual([expect.objectContaining({ automatic: true, amountFen: o.amountFen, status: 'succeeded' })])
    expect(await orderDoc(h, o.id)).toMatchObject({ status: 'expired', paymentId: null })
    expect((await stockOf(h, VEG)).available).toBe(100)
    await checkCounters(h, VEG)
  })
})

describe('expiry', () => {
  it('an unpaid order expires after its window and gives its stock and limit back exactly once', async () => {
    const o = await buy(h, { quantity: 2 })
    h.clock.advance(ORDER_PAY_WINDOW_MS + EXPIRY_GRACE_MS - 1)
    expect((await runOrderJob(h, 'presale-orders')).expired).toBe(0)
    h.clock.advance(2)
    expect((await runOrderJob(h, 'presale-orders')).expired).toBe(1)
    expect(await orderDoc(h, o.id)).toMatchObject({ status: 'expired', releaseDue: false })
    expect((await stockOf(h, VEG)).available).toBe(100)
    // Running again (or twice at once) gives nothing back twice.
    await Promise.all([runOrderJob(h, 'presale-orders'), runOrderJob(h, 'presale-orders')])
    expect((await stockOf(h, VEG)).available).toBe(100)
    expect(okData(await h.call('order.campaign', { id: VEG, householdId: HOME }, WANG, COMMUNITY_A)).mine?.bought).toBe(0)
    const view = okData(await h.call('order.get', { orderId: o.id }, WANG, COMMUNITY_A))
    expect(view).toMatchObject({ status: 'expired', actions: { pay: false, cancel: false } })
    // The household may buy again.
    await buy(h, { quantity: 2 })
    await checkCounters(h, VEG)
  })

  it('waits for a payment opened within the window', async () => {
    const o = await buy(h)
    h.clock.advance(ORDER_PAY_WINDOW_MS - MINUTE)
    const created = okData(await h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    h.clock.advance(MINUTE + EXPIRY_GRACE_MS + 1)
    expect((await runOrderJob(h, 'presale-orders')).expired).toBe(0)
    await sandboxOf(h).confirm(prepayIdOf(created.launch))
    await sandboxOf(h).flush()
    expect((await orderDoc(h, o.id)).status).toBe('paid')
  })
})

describe('cancel', () => {
  it('an unpaid order: cancelled and its stock is free again', async () => {
    const o = await buy(h, { quantity: 2 })
    const v = okData(await h.call('order.cancel', { orderId: o.id }, WANG, COMMUNITY_A))
    expect(v.status).toBe('cancelled')
    expect((await stockOf(h, VEG)).available).toBe(100)
    // Cancelling again is harmless.
    expect(okData(await h.call('order.cancel', { orderId: o.id }, WANG, COMMUNITY_A)).status).toBe('cancelled')
    expect((await stockOf(h, VEG)).available).toBe(100)
    await checkCounters(h, VEG)
  })

  it('a paid order before the end: refunded through the sandbox, stock and progress given back', async () => {
    const o = await buyAndPay(h, { quantity: 2 })
    const v = okData(await h.call('order.cancel', { orderId: o._id }, WANG, COMMUNITY_A))
    expect(v).toMatchObject({ status: 'refunding', refundReason: 'cancel' })
    await sandboxOf(h).flush()
    const done = await orderDoc(h, o._id)
    expect(done).toMatchObject({ status: 'refunded', refundedFen: 13600, refundReason: 'cancel' })
    const refunds = await findAll(h.store, 'refunds', { paymentId: o.paymentId! })
    expect(refunds).toEqual([expect.objectContaining({ idempotencyKey: `cancel:${o._id}`, amountFen: 13600, status: 'succeeded' })])
    expect(await stockOf(h, VEG)).toMatchObject({ available: 100, paidQuantity: 0, paid: {} })
    const view = okData(await h.call('order.get', { orderId: o._id }, WANG, COMMUNITY_A))
    expect(view).toMatchObject({ status: 'refunded', refundedFen: 13600, actions: { cancel: false } })
    await checkCounters(h, VEG)
  })

  it('a paid order after the end cannot be cancelled: it waits for the group outcome', async () => {
    const o = await buyAndPay(h)
    h.clock.advance(3 * 24 * HOUR)
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('order.cancel', { orderId: o._id }, WANG, COMMUNITY_A))).toBe('ORDER.NOT_CANCELLABLE')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('another household’s order does not exist for the caller', async () => {
    const o = await buy(h)
    expect(codeOf(await h.call('order.cancel', { orderId: o.id }, ZHAO, COMMUNITY_A))).toBe('ORDER.NOT_FOUND')
    expect(codeOf(await h.call('order.get', { orderId: o.id }, ZHAO, COMMUNITY_A))).toBe('ORDER.NOT_FOUND')
  })
})

describe('my orders', () => {
  it('lists the household’s orders, newest first, without refused attempts', async () => {
    const a = await buy(h)
    h.clock.advance(1000)
    const b = await buyAndPay(h)
    const list = okData(await h.call('order.mine', { householdId: HOME }, LI, COMMUNITY_A)).orders
    expect(list.map((o) => o.id)).toEqual([b._id, a.id])
    expect(codeOf(await h.call('order.mine', { householdId: HOME }, ZHAO, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })
})
