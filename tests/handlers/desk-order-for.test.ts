/**
 * 客服 placing a pre-sale order for a household on the phone: the order is the chosen member's,
 * priced by the server, with the channel and the clerk on it and a longer time to pay; the member
 * is told how to pay (the mini-program, or cash at the finance desk), and a retry orders once.
 */
import { DESK_ORDER_PAY_WINDOW_MS } from '../../cloudfunctions/domain/desk/order-for'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A, HOUR, VEG, newCampaign, pay, setCampaign, stockOf } from '../support/presale'
import { sandboxOf } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

const ZHAO = as('u-service-zhao')
const HE = as('u-finance-he')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const input = (o: Partial<{ campaignId: string; skuId: string; quantity: number; memberUserId: string; householdId: string; clientRequestId: string }> = {}) => ({
  householdId: 'h-a1-101',
  memberUserId: 'u-wang',
  campaignId: VEG,
  skuId: 's1',
  quantity: 1,
  channel: 'phone400' as const,
  note: '放门卫室',
  clientRequestId: 'desk-order-0001',
  ...o
})

describe('ordering for a household', () => {
  it('lists what is on sale with the stock left, and the members to order for', async () => {
    const o = okData(await h.call('desk.orderOptions', { householdId: 'h-a1-101' }, ZHAO, COMMUNITY_A))
    const veg = o.campaigns.find((c) => c.id === VEG)
    expect(veg).toBeDefined()
    expect(veg!.skus[0]).toMatchObject({ skuId: 's1', available: (await stockOf(h, VEG)).available })
    expect(o.members).toEqual(expect.arrayContaining([{ userId: 'u-wang', name: '王*国', relation: 'owner' }]))
  })

  it("orders in the member's name with the channel and clerk, tells them how to pay, and a retry orders once", async () => {
    const before = (await stockOf(h, VEG)).available
    const made = okData(await h.call('desk.orderFor', input(), ZHAO, COMMUNITY_A))
    const o = (await h.store.get('orders', made.orderId))!
    expect(o).toMatchObject({ userId: 'u-wang', householdId: 'h-a1-101', status: 'pending_payment', channel: 'phone400', enteredBy: { userId: 'u-service-zhao', name: '赵客服' }, couponId: null, pointsUsed: 0 })
    expect(o.note).toBe('400 电话代下单：放门卫室')
    expect(made).toMatchObject({ code: o.code, amountFen: o.amountFen, memberName: '王*国', expiresAt: o.expiresAt })
    expect(o.expiresAt - o.createdAt).toBe(Math.min(DESK_ORDER_PAY_WINDOW_MS, (await h.store.get('campaigns', VEG))!.endAt - o.createdAt))
    expect((await stockOf(h, VEG)).available).toBe(before - 1)
    const told = await findAll(h.store, 'inbox', { userId: 'u-wang', title: '物业客服已为你下单，请付款' })
    expect(told).toHaveLength(1)
    expect(told[0]!.body).toContain('现金缴纳')
    expect(told[0]!.link).toContain(made.orderId)

    const again = okData(await h.call('desk.orderFor', input(), ZHAO, COMMUNITY_A))
    expect(again.orderId).toBe(made.orderId)
    expect((await stockOf(h, VEG)).available).toBe(before - 1)

    // 王建国 pays it from the message like any order of his.
    await pay(h, made.orderId)
    expect((await h.store.get('orders', made.orderId))!.status).toBe('paid')
  })

  it('is paid in cash at the finance desk', async () => {
    const made = okData(await h.call('desk.orderFor', input({ clientRequestId: 'desk-order-0002' }), ZHAO, COMMUNITY_A))
    const due = okData(await h.call('pay.cashDue', { householdId: 'h-a1-101' }, HE, COMMUNITY_A))
    expect(due.items.find((i) => i.id === made.orderId)).toMatchObject({ type: 'order', amountFen: made.amountFen })
    const r = okData(await h.call('pay.recordCash', { householdId: 'h-a1-101', payables: [{ type: 'order', id: made.orderId }], receivedFen: made.amountFen, payerName: '王建国', clientRequestId: 'cash-0000001' }, HE, COMMUNITY_A))
    expect((await h.store.get('orders', made.orderId))).toMatchObject({ status: 'paid', paymentId: r.paymentId })
  })

  it('refuses a sold-out size, a finished sale, a stranger and a foreign household, and writes nothing', async () => {
    const small = await newCampaign(h, { stock: 1, limit: 2 })
    const before = await snapshot(h.store)
    expect(errorOf(await h.call('desk.orderFor', input({ campaignId: small, quantity: 2 }), ZHAO, COMMUNITY_A))).toMatchObject({ code: 'ORDER.SOLD_OUT' })
    expect(errorOf(await h.call('desk.orderFor', input({ memberUserId: 'u-zhao' }), ZHAO, COMMUNITY_A))).toMatchObject({ code: 'DESK.NOT_A_MEMBER', fields: [expect.objectContaining({ path: 'memberUserId' })] })
    expect(errorOf(await h.call('desk.orderFor', input({ householdId: 'h-b1-101' }), ZHAO, COMMUNITY_A))).toMatchObject({ code: 'DESK.HOUSEHOLD_NOT_FOUND', fields: [expect.objectContaining({ path: 'householdId' })] })
    expect(errorOf(await h.call('desk.orderFor', input({ skuId: 'nope' }), ZHAO, COMMUNITY_A))).toMatchObject({ code: 'ORDER.SKU_NOT_FOUND', fields: [expect.objectContaining({ path: 'skuId' })] })
    expect(await snapshot(h.store)).toEqual(before)
    await setCampaign(h, small, { endAt: h.clock.now() - HOUR, startAt: h.clock.now() - 2 * HOUR })
    expect(codeOf(await h.call('desk.orderFor', input({ campaignId: small }), ZHAO, COMMUNITY_A))).toBe('ORDER.CAMPAIGN_ENDED')
    expect(codeOf(await h.call('desk.orderFor', input(), as('u-finance-he'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})
