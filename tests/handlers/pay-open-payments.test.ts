/**
 * Issue 17, payments: one open payment per payable under parallel creates, cancellation closes the
 * open payment at the gateway, money under an unknown out_trade_no reaches an operator, and a
 * receipt for an unknown payment says it was not found.
 */
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import { DAY, HOUR, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, makeHarness } from '../support/harness'
import { COMMUNITY_A, COMMUNITY_B, LI, OPERATOR, WANG, confirm, createPayment, ledger, payInput, paymentDoc, prepayIdOf, sandboxOf, sandboxSigner, transactionResource, unpaidIds } from '../support/pay'
import { buy, newCrid, orderDoc } from '../support/presale'
import { codeOf, errorOf, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const openPaymentsOf = async (type: string, id: string) =>
  (await findAll(h.store, 'payments')).filter((p) => (p.status === 'awaiting' || p.status === 'created') && p.lines.some((l) => l.type === type && l.id === id))

describe('one open payment per payable', () => {
  it('20 parallel pay.create for one order with different request ids open one payment', async () => {
    const o = await buy(h)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    )
    expect(await openPaymentsOf('order', o.id)).toHaveLength(1)
    expect(await findAll(h.store, 'payments')).toHaveLength(1)
    // Every answer is that payment, or "in progress" while its prepay was being asked for.
    const ids = new Set(results.flatMap((r) => (r.ok ? [r.data.payment.id] : [])))
    expect(ids.size).toBe(1)
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('PAY.IN_PROGRESS')
    // Paying it charges once.
    const [id] = [...ids]
    const created = results.find((r) => r.ok && r.data.launch)
    if (!created?.ok) throw new Error('no launch returned')
    expect(await confirm(h, created.data)).toBe(204)
    await sandboxOf(h).flush()
    expect((await orderDoc(h, o.id)).status).toBe('paid')
    expect((await ledger(h)).map((e) => e.paymentId)).toEqual([id])
  })

  it('20 parallel creates for the same bills open one payment; a later create for the same bills reopens it', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    await Promise.all(Array.from({ length: 20 }, () => h.call('pay.create', payInput(ids), WANG, COMMUNITY_A)))
    const open = await openPaymentsOf('bill', ids[0]!)
    expect(open).toHaveLength(1)
    const again = okData(await h.call('pay.create', payInput(ids), WANG, COMMUNITY_A))
    expect(again.payment.id).toBe(open[0]!._id)
    expect(again.launch).not.toBeNull()
  })

  it('another household member cannot open a second payment for the same bill', async () => {
    const [first] = await unpaidIds(h)
    await createPayment(h, [first!])
    expect(codeOf(await h.call('pay.create', payInput([first!]), LI, COMMUNITY_A))).toBe('PAY.IN_PROGRESS')
    expect(await openPaymentsOf('bill', first!)).toHaveLength(1)
  })

  it('a new choice of items by the same resident closes the older payment at the gateway and replaces it', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const both = await createPayment(h, ids)
    const one = await createPayment(h, [ids[0]!])
    expect(one.payment.id).not.toBe(both.payment.id)
    expect((await paymentDoc(h, both.payment.id)).status).toBe('closed')
    expect(sandboxOf(h).order(prepayIdOf(both.launch))?.state).toBe('CLOSED')
    expect(await openPaymentsOf('bill', ids[0]!)).toHaveLength(1)
  })

  it('an expired payment no longer holds its bills', async () => {
    const [first] = await unpaidIds(h)
    const old = await createPayment(h, [first!])
    h.clock.advance(16 * 60_000)
    const fresh = await createPayment(h, [first!])
    expect(fresh.payment.id).not.toBe(old.payment.id)
  })
})

describe('cancellation closes the open payment', () => {
  it('order.cancel closes its open payment at the gateway, so it can no longer be paid', async () => {
    const o = await buy(h)
    const created = okData(await h.call('pay.create', { payables: [{ type: 'order', id: o.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    expect(okData(await h.call('order.cancel', { orderId: o.id }, WANG, COMMUNITY_A)).status).toBe('cancelled')
    expect((await paymentDoc(h, created.payment.id)).status).toBe('closed')
    expect(sandboxOf(h).order(prepayIdOf(created.launch))?.state).toBe('CLOSED')
    expect(await sandboxOf(h).confirm(prepayIdOf(created.launch))).toMatchObject({ ok: false })
  })
})

describe('a notification for an unknown out_trade_no', () => {
  it('is acknowledged and recorded as an unknown_payment anomaly every operator sees, once', async () => {
    const n = sandboxSigner(h)({ resource: transactionResource('P20260106UNKNOWN0000001', 4200) })
    expect((await handlePayNotification(h.ports, n.headers, n.body)).status).toBe(204)
    expect((await handlePayNotification(h.ports, n.headers, n.body)).status).toBe(204)
    const recorded = await findAll(h.store, 'paymentAnomalies')
    expect(recorded).toHaveLength(1)
    expect(recorded[0]).toMatchObject({ kind: 'unknown_payment', outTradeNo: 'P20260106UNKNOWN0000001', amountFen: 4200 })
    for (const community of [COMMUNITY_A, COMMUNITY_B]) {
      const list = okData(await h.call('pay.anomalies', {}, OPERATOR, community)).anomalies
      expect(list).toEqual([expect.objectContaining({ kind: 'unknown_payment', outTradeNo: 'P20260106UNKNOWN0000001', amountFen: 4200, actions: ['accept'] })])
    }
    const resolved = okData(await h.call('pay.resolveAnomaly', { anomalyId: recorded[0]!._id, action: 'accept', note: '已在商户平台核实' }, OPERATOR, COMMUNITY_A))
    expect(resolved.resolvedAt).not.toBeNull()
    expect(await ledger(h)).toEqual([])
  })
})

describe('pay.receipt', () => {
  it('says an unknown payment was not found, and an unpaid one is not paid yet', async () => {
    expect(errorOf(await h.call('pay.receipt', { paymentId: 'no-such-payment' }, WANG, COMMUNITY_A))).toMatchObject({ code: 'PAY.NOT_FOUND', message: '支付记录不存在' })
    const [first] = await unpaidIds(h)
    const open = await createPayment(h, [first!])
    expect(codeOf(await h.call('pay.receipt', { paymentId: open.payment.id }, WANG, COMMUNITY_A))).toBe('PAY.NOT_PAID')
  })
})

describe('booking cancellation closes the open payment', () => {
  it('booking.cancel of an unpaid upfront booking closes its payment at the gateway', async () => {
    const slotStart = localMidnight(h.clock.now()) + 2 * DAY + 9 * HOUR
    const booked = okData(await h.call('booking.book', { lineId: DEMO_LINES.clean, householdId: 'h-a1-101', slotStart, payMode: 'upfront', clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    const created = okData(await h.call('pay.create', { payables: [{ type: 'booking', id: booked.booking.id }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))
    expect(okData(await h.call('booking.cancel', { bookingId: booked.booking.id }, WANG, COMMUNITY_A)).booking.status).toBe('cancelled')
    expect((await paymentDoc(h, created.payment.id)).status).toBe('closed')
    expect(sandboxOf(h).order(prepayIdOf(created.launch))?.state).toBe('CLOSED')
  })
})
