/**
 * Cash at the finance desk: finance lists what a household owes, takes cash for the items chosen
 * (the amount must match what the server prices), and the payment settles like any other: the
 * bills and orders are paid, the ledger has it, the member is told and the receipt says 现金.
 * A retry records once; a resident's open WeChat cashier is closed first; a refund of cash waits
 * for finance to hand the money back, and confirming twice refunds once.
 */
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, as, makeHarness } from '../support/harness'
import { HOME, HOME_PARKING_FEN, HOME_PROPERTY_FEN, OPERATOR, WANG, bill, createPayment, kinds, ledger, newCrid, paymentDoc, reconcile, runJob, sandboxOf, unpaidIds } from '../support/pay'
import { buy } from '../support/presale'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { codeOf, errorOf, okData, snapshot } from './support'

const HE = as('u-finance-he')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const due = async (householdId = HOME) => okData(await h.call('pay.cashDue', { householdId }, HE, COMMUNITY_A))
const record = (payables: { type: 'bill' | 'order' | 'booking'; id: string }[], receivedFen: number, clientRequestId = newCrid()) =>
  h.call('pay.recordCash', { householdId: HOME, payables, receivedFen, payerName: '王建国', clientRequestId }, HE, COMMUNITY_A)

describe('what a household owes', () => {
  it('lists the unpaid bills with their amounts, and an order waiting for payment', async () => {
    const order = await buy(h, { skuId: 's1', quantity: 1 })
    const d = await due()
    expect(d.householdLabel).toContain('101')
    const bills = d.items.filter((i) => i.type === 'bill')
    expect(bills.map((b) => b.id).sort()).toEqual((await unpaidIds(h)).sort())
    // Overdue bills carry their late fee, as the resident's cashier would charge it.
    expect(bills.map((b) => b.amountFen)).toEqual(expect.arrayContaining([HOME_PARKING_FEN, HOME_PROPERTY_FEN]))
    expect(bills.some((b) => b.title.includes('含滞纳金'))).toBe(true)
    expect(d.items.find((i) => i.type === 'order')).toMatchObject({ id: order.id, amountFen: order.amountFen, detail: expect.stringContaining(order.code) })
  })
})

describe('recording cash', () => {
  it('pays the bills, books the ledger, tells the member and writes a receipt that says 现金', async () => {
    const ids = await unpaidIds(h)
    const total = (await due()).items.filter((i) => i.type === 'bill').reduce((n, i) => n + i.amountFen, 0)
    const r = okData(await record(ids.map((id) => ({ type: 'bill', id })), total))
    expect(r.totalFen).toBe(total)
    expect(r.receiptNo).toMatch(/^C\d{8}/)
    for (const id of ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: r.paymentId, paidFen: expect.any(Number) })
    expect((await ledger(h, r.paymentId)).map((e) => e.amountFen)).toEqual([total])
    const p = await paymentDoc(h, r.paymentId)
    expect(p).toMatchObject({ channel: 'cash', status: 'paid', userId: 'u-wang', cash: { cashierId: 'u-finance-he', cashierName: '何财务', payerName: '王建国' } })
    expect(p.settledAt).toBeDefined()
    expect((await findAll(h.store, 'inbox', { userId: 'u-wang', kind: 'payment' })).map((m) => m.link)).toEqual([expect.stringContaining(r.paymentId)])
    const receipt = okData(await h.call('pay.receipt', { paymentId: r.paymentId }, HE, COMMUNITY_A))
    expect(receipt).toMatchObject({ receiptNo: r.receiptNo, payerName: '王建国', totalFen: total, channelLabel: '现金（经办：何财务）' })
    // The member sees the same receipt in the mini-program.
    expect(okData(await h.call('pay.receipt', { paymentId: r.paymentId }, WANG, COMMUNITY_A)).receiptNo).toBe(r.receiptNo)
    expect((await due()).items.filter((i) => i.type === 'bill')).toEqual([])
    expect(kinds((await reconcile(h)).mismatches)).toEqual([])
  })

  it('pays an order placed for the household, and the sweep never asks WeChat Pay about cash', async () => {
    const order = await buy(h, { skuId: 's1', quantity: 1 })
    const r = okData(await record([{ type: 'order', id: order.id }], order.amountFen))
    expect((await h.store.get('orders', order.id))).toMatchObject({ status: 'paid', paymentId: r.paymentId })
    h.clock.advance(24 * 3600_000)
    await runJob(h, 'pay', 'close-expired-payments')
    expect((await paymentDoc(h, r.paymentId)).status).toBe('paid')
  })

  it('refuses an amount that is not what is due, naming the field, and writes nothing', async () => {
    const ids = await unpaidIds(h)
    const before = await snapshot(h.store)
    const err = errorOf(await record([{ type: 'bill', id: ids[0]! }], 100))
    expect(err).toMatchObject({ code: 'PAY.CASH_MISMATCH', fields: [expect.objectContaining({ path: 'receivedFen' })] })
    expect(err.message).toContain('应收')
    expect(codeOf(await h.call('pay.recordCash', { householdId: 'h-b1-101', payables: [{ type: 'bill', id: ids[0]! }], receivedFen: 100, payerName: '王', clientRequestId: newCrid() }, HE, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_FOUND')
    expect(codeOf(await h.call('pay.recordCash', { householdId: 'h-a2-302', payables: [{ type: 'bill', id: ids[0]! }], receivedFen: 100, payerName: '王', clientRequestId: newCrid() }, HE, COMMUNITY_A))).toBe('PAY.PAYABLE_NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
    expect(codeOf(await h.call('pay.recordCash', { householdId: HOME, payables: [{ type: 'bill', id: ids[0]! }], receivedFen: 100, payerName: '王', clientRequestId: newCrid() }, as('u-service-zhao'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })

  it('records once when the clerk submits ten times at once', async () => {
    const [id] = await unpaidIds(h)
    const amount = (await due()).items.find((i) => i.id === id)!.amountFen
    const crid = newCrid()
    const all = await Promise.all(Array.from({ length: 10 }, () => record([{ type: 'bill', id: id! }], amount, crid)))
    const ids = new Set(all.map((r) => okData(r).paymentId))
    expect(ids.size).toBe(1)
    expect(await findAll(h.store, 'payments', { channel: 'cash' })).toHaveLength(1)
    expect(await ledger(h, [...ids][0])).toHaveLength(1)
  })

  it("closes the resident's open WeChat cashier for the same bill first, so it cannot be paid twice", async () => {
    const [id] = await unpaidIds(h)
    const open = await createPayment(h, [id!])
    const amount = (await due()).items.find((i) => i.id === id)!.amountFen
    const r = okData(await record([{ type: 'bill', id: id! }], amount))
    expect((await paymentDoc(h, open.payment.id)).status).toBe('closed')
    expect(await bill(h, id!)).toMatchObject({ status: 'paid', paymentId: r.paymentId })
    // The resident's cashier now answers that the bill is settled.
    expect(codeOf(await h.call('pay.create', { payables: [{ type: 'bill', id: id! }], clientRequestId: newCrid() }, WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
  })
})

describe('refunding cash', () => {
  it('waits for finance to hand the cash back; confirming twice refunds once and tells the member', async () => {
    const [id] = await unpaidIds(h)
    const amount = (await due()).items.find((i) => i.id === id)!.amountFen
    const r = okData(await record([{ type: 'bill', id: id! }], amount))
    okData(await h.call('pay.refund', { paymentId: r.paymentId, lines: [{ payableId: id!, amountFen: amount }], reason: '业主多缴，退回', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await runJob(h, 'pay', 'close-expired-payments')
    const pending = okData(await h.call('pay.cashRefunds', {}, HE, COMMUNITY_A)).refunds
    expect(pending).toEqual([expect.objectContaining({ paymentId: r.paymentId, amountFen: amount, payerName: '王建国', householdLabel: expect.stringContaining('101') })])
    expect(await ledger(h, r.paymentId)).toHaveLength(1)

    const confirms = await Promise.all([1, 2].map(() => h.call('pay.confirmCashRefund', { refundId: pending[0]!.id, receiverName: '王建国' }, HE, COMMUNITY_A)))
    for (const c of confirms) expect(okData(c).amountFen).toBe(amount)
    expect((await ledger(h, r.paymentId)).map((e) => e.amountFen).sort((a, b) => a - b)).toEqual([-amount, amount])
    expect(await bill(h, id!)).toMatchObject({ status: 'refunded' })
    expect(await h.store.get('refunds', pending[0]!.id)).toMatchObject({ status: 'succeeded', handedBy: 'u-finance-he', receiverName: '王建国' })
    const told = await findAll(h.store, 'inbox', { userId: 'u-wang', kind: 'refund' })
    expect(told).toHaveLength(1)
    expect(told[0]!.body).toContain('现金已退还')
    expect(okData(await h.call('pay.cashRefunds', {}, HE, COMMUNITY_A)).refunds).toEqual([])
    expect(kinds((await reconcile(h)).mismatches)).toEqual([])
  })

  it('refuses to confirm a refund that is not cash', async () => {
    expect(codeOf(await h.call('pay.confirmCashRefund', { refundId: 'r-nope', receiverName: '王' }, HE, COMMUNITY_A))).toBe('PAY.NOT_FOUND')
  })
})
