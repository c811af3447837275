/**
 * The payment jobs, run as CloudBase's timer trigger runs them (a Timer event to the function):
 * `close-expired-payments` closes what was not paid, recovers what was paid but never notified,
 * and finishes interrupted settles; `reconcile-payments` reports nothing after normal flows and
 * each kind of mismatch when the data is corrupted.
 */
import type { BillDoc } from '../../cloudfunctions/domain/fee/docs'
import type { LedgerDoc, PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { PAYMENT_WINDOW_MS } from '../../cloudfunctions/domain/payment/ids'
import { reconcilePayments } from '../../cloudfunctions/domain/payment/jobs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { CountingStore } from '../support/counting'
import { type Harness, makeHarness } from '../support/harness'
import {
  COMMUNITY_A,
  COMMUNITY_B,
  DAY,
  MINUTE,
  OPERATOR,
  WANG,
  bill,
  confirm,
  createPayment,
  holdNotifications,
  kinds,
  ledger,
  newCrid,
  payBills,
  paymentDoc,
  prepayIdOf,
  reconcile,
  refundsOf,
  runJob,
  sandboxOf,
  sumFen,
  unpaidIds
} from '../support/pay'
import { codeOf, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const closeExpired = () => runJob(h, 'pay', 'close-expired-payments')

describe('close-expired-payments', () => {
  it('closes an unpaid payment after its window (and a minute of grace); WeChat Pay then refuses to take it', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const created = await createPayment(h, ids)
    const close = jest.spyOn(sandboxOf(h), 'close')
    h.clock.advance(PAYMENT_WINDOW_MS + 30_000)
    expect(await closeExpired()).toMatchObject({ closed: 0, recovered: 0, resettled: 0 })
    expect((await paymentDoc(h, created.payment.id)).status).toBe('awaiting')

    h.clock.advance(31_000)
    expect(await closeExpired()).toMatchObject({ closed: 1, recovered: 0, resettled: 0 })
    expect(close).toHaveBeenCalledWith(created.payment.outTradeNo)
    expect((await paymentDoc(h, created.payment.id)).status).toBe('closed')
    expect(await sandboxOf(h).confirm(prepayIdOf(created.launch))).toEqual({ ok: false, reason: '订单已关闭' })
    for (const id of ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(okData(await h.call('pay.get', { paymentId: created.payment.id }, WANG, COMMUNITY_A)).status).toBe('closed')
    // Running again finds nothing; the bills can be paid with a new payment.
    expect(await closeExpired()).toMatchObject({ closed: 0, recovered: 0, resettled: 0 })
    const again = await payBills(h, ids)
    expect(again.status).toBe('paid')
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('one payment WeChat Pay cannot answer for does not stop the sweep; the others are closed', async () => {
    const ids = await unpaidIds(h)
    const first = await createPayment(h, ids.slice(0, 1))
    const second = await createPayment(h, ids.slice(1, 2))
    const sandbox = sandboxOf(h)
    const realQuery = sandbox.query.bind(sandbox)
    jest.spyOn(sandbox, 'query').mockImplementation(async (no) => {
      if (no === first.payment.outTradeNo) throw new Error('SYSTEM_ERROR 系统繁忙')
      return realQuery(no)
    })
    h.clock.advance(PAYMENT_WINDOW_MS + 2 * 60_000)
    expect(await closeExpired()).toMatchObject({ closed: 1 })
    expect((await paymentDoc(h, first.payment.id)).status).toBe('awaiting')
    expect((await paymentDoc(h, second.payment.id)).status).toBe('closed')
    // A resident looking at the first one still sees its stored state.
    expect(okData(await h.call('pay.get', { paymentId: first.payment.id }, WANG, COMMUNITY_A)).status).toBe('awaiting')
    expect(h.logs.some((l) => l.level === 'error' && l.msg === 'expiring a payment failed')).toBe(true)
  })

  it('recovers a payment that was paid but never notified, by order query', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const hold = holdNotifications(h)
    const created = await createPayment(h, ids)
    await confirm(h, created)
    expect(hold.held).toHaveLength(1)
    const close = jest.spyOn(sandboxOf(h), 'close')
    h.clock.advance(PAYMENT_WINDOW_MS + 2 * MINUTE)
    expect(await closeExpired()).toMatchObject({ closed: 0, recovered: 1, resettled: 0 })
    expect(close).not.toHaveBeenCalled()
    const p = await paymentDoc(h, created.payment.id)
    expect(p.status).toBe('paid')
    expect(p.settledAt).toBeDefined()
    for (const id of ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: p._id })
    expect(sumFen(await ledger(h))).toBe(p.totalFen)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('finishes an interrupted settle: paid without settledAt, bills still unpaid', async () => {
    const ids = (await unpaidIds(h)).slice(0, 3)
    const created = await createPayment(h, ids)
    // The claim `→ paid` happened, then the function died before the ledger and the bills.
    const hold = holdNotifications(h)
    await confirm(h, created)
    expect(await h.store.update('payments', created.payment.id, { set: { status: 'paid', paidAt: h.clock.now(), transactionId: '4200-crashed' } })).toBe(true)
    for (const id of ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(kinds((await reconcile(h)).mismatches)).toEqual(['paid_without_ledger', 'payment_unsettled'])

    // Within the grace minute it is left alone (a notification may be settling it right now).
    expect((await closeExpired()).resettled).toBe(0)
    h.clock.advance(2 * MINUTE)
    expect((await closeExpired()).resettled).toBe(1)
    const p = await paymentDoc(h, created.payment.id)
    expect(p.settledAt).toBeDefined()
    for (const id of ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: p._id })
    expect(await ledger(h)).toEqual([expect.objectContaining({ amountFen: p.totalFen })])
    expect((await closeExpired()).resettled).toBe(0)
    // The notification arriving after all that changes nothing.
    hold.restore()
    await sandboxOf(h).send(sandboxOf(h).transactionNotification(sandboxOf(h).order(prepayIdOf(created.launch))!))
    expect(await ledger(h)).toHaveLength(1)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('a payment whose prepay never happened (no order at WeChat Pay) is closed without a close call', async () => {
    const created = await createPayment(h, (await unpaidIds(h)).slice(0, 1))
    const doc = await paymentDoc(h, created.payment.id)
    const orphan: PaymentDoc = { ...doc, _id: 'p-orphan', outTradeNo: 'P20260106NEVERPREPAID1', idempotencyKey: 'u-wang:orphan', status: 'created' }
    delete orphan.prepayId
    delete orphan.launch
    expect((await h.store.insert('payments', orphan)).ok).toBe(true)
    const close = jest.spyOn(sandboxOf(h), 'close')
    h.clock.advance(PAYMENT_WINDOW_MS + 2 * MINUTE)
    expect(await closeExpired()).toMatchObject({ closed: 2 })
    expect(close).toHaveBeenCalledTimes(1)
    expect(close).toHaveBeenCalledWith(created.payment.outTradeNo)
    expect((await paymentDoc(h, 'p-orphan')).status).toBe('closed')
  })

  it('is refused to a caller: timer events come from the platform only', async () => {
    const res = await h.raw('pay', { Type: 'Timer', TriggerName: 'close-expired-payments' }, WANG)
    expect(codeOf(res)).toBe('AUTH.FORBIDDEN')
  })
})

describe('reconcile-payments', () => {
  /** Paid payments, a partial refund, an automatic refund: everything a normal day brings. */
  async function normalDay() {
    const ids = await unpaidIds(h)
    const a = await payBills(h, ids.slice(0, 2))
    const b = await payBills(h, ids.slice(2, 3))
    const l0 = a.lines[0]!
    okData(await h.call('pay.refund', { paymentId: a._id, lines: [{ payableId: l0.id, amountFen: 1000 }], reason: '部分退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    const c = await createPayment(h, ids.slice(3, 4))
    await h.store.update('bills', ids[3]!, { set: { status: 'cancelled' } })
    await confirm(h, c)
    await sandboxOf(h).flush()
    // An unpaid one still open.
    await createPayment(h, ids.slice(4, 5))
    return { a, b, c: await paymentDoc(h, c.payment.id) }
  }

  it('reports zero mismatches after normal flows, with counts, per community', async () => {
    await normalDay()
    const money = async () => ({ ledger: await ledger(h), payments: await findAll(h.store, 'payments'), refunds: await findAll(h.store, 'refunds'), bills: await findAll(h.store, 'bills') })
    const before = await money()
    const report = await runJob(h, 'pay', 'reconcile-payments')
    expect(report).toEqual({ communities: 1, mismatches: 0 })
    const view = okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_A))
    expect(view).toEqual({ ranAt: h.clock.now(), payments: 4, refunds: 2, ledgerEntries: 5, mismatches: [] })
    // Nothing ran for community B: an empty report, not A's.
    expect(okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_B))).toEqual({ ranAt: null, payments: 0, refunds: 0, ledgerEntries: 0, mismatches: [] })
    // It only reads and reports: no money moved.
    expect(await money()).toEqual(before)
    const stored = await h.store.get('reconciliations', COMMUNITY_A)
    expect(stored?.mismatches).toEqual([])
  })

  it('a deleted ledger entry: paid_without_ledger (and refund_without_ledger)', async () => {
    const { a } = await normalDay()
    expect(await h.store.remove('ledger', `pay:${a.outTradeNo}`)).toBe(true)
    const [refund] = (await refundsOf(h, a._id)).filter((r) => !r.automatic)
    expect(await h.store.remove('ledger', `refund:${refund!.outRefundNo}`)).toBe(true)
    const r = await reconcile(h)
    expect(r.mismatches).toEqual([
      expect.objectContaining({ kind: 'paid_without_ledger', ref: a.outTradeNo }),
      expect.objectContaining({ kind: 'refund_without_ledger', ref: refund!.outRefundNo })
    ])
    expect(r.total).toBe(2)
  })

  it('a changed payment amount: ledger_amount', async () => {
    const { b } = await normalDay()
    await h.store.update('payments', b._id, { set: { totalFen: b.totalFen + 1 } })
    const r = await reconcile(h)
    expect(r.mismatches).toEqual([expect.objectContaining({ kind: 'ledger_amount', ref: b.outTradeNo })])
    expect(r.total).toBe(1)
  })

  it('a refund processing for more than a day: refund_stuck', async () => {
    const [id] = await unpaidIds(h)
    const p = await payBills(h, [id!])
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '503000' })
    okData(await h.call('pay.refund', { paymentId: p._id, lines: [{ payableId: id!, amountFen: 100 }], reason: '退款测试', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    h.clock.advance(23 * 3600_000)
    expect((await reconcile(h)).mismatches).toEqual([])
    h.clock.advance(2 * 3600_000)
    const [r] = await refundsOf(h, p._id)
    expect((await reconcile(h)).mismatches).toEqual([expect.objectContaining({ kind: 'refund_stuck', ref: r!.outRefundNo })])
  })

  it('every other kind: anomaly, reservation, over-refund, ledger without payment/refund, orphans', async () => {
    const { a, b, c } = await normalDay()
    const [autoRefund] = await refundsOf(h, c._id)
    // A payment marked failed whose money is in the ledger.
    await h.store.update('payments', b._id, { set: { status: 'failed' } })
    // A reservation that does not match the refunds.
    await h.store.update('payments', a._id, { inc: { refundReservedFen: 7 } })
    // A succeeded refund whose state went back to failed: its ledger entry has no refund.
    await h.store.update('refunds', autoRefund!._id, { set: { status: 'failed' } })
    // A ledger entry for no payment.
    const orphan: LedgerDoc = { _id: 'pay:P-GHOST', kind: 'payment', communityId: COMMUNITY_A, paymentId: 'p-ghost', amountFen: 1, at: h.clock.now(), bookedAt: h.clock.now() }
    await h.store.insert('ledger', orphan)
    // A payment reported with a wrong amount.
    const open = await createPayment(h, (await unpaidIds(h)).slice(-1))
    await sandboxOf(h).confirm(prepayIdOf(open.launch), { amountFen: 1 })
    const ms = (await reconcile(h)).mismatches
    expect(kinds(ms)).toEqual(['ledger_orphan', 'ledger_without_payment', 'ledger_without_refund', 'payment_anomaly', 'refund_reservation'].sort())
    // Over-refunded: succeeded refunds above the payment total.
    await h.store.update('refunds', autoRefund!._id, { set: { status: 'succeeded', amountFen: c.totalFen + 1, lines: [{ key: 'l0', payableId: c.lines[0]!.id, amountFen: c.totalFen + 1 }] } })
    const again = kinds((await reconcile(h)).mismatches)
    expect(again).toContain('over_refunded')
    expect(again).toContain('ledger_amount')
  })

  describe('goes community by community and day by day, a page at a time', () => {
    let extraMonth = 1
    /** Pays a bill of h-b1-101 in community B as its resident (the seed has one unpaid; later months are added). */
    async function payInB(): Promise<PaymentDoc> {
      const template = await bill(h, 'h-b1-101:fi-b-property:2026-01')
      const period = `2026-0${++extraMonth}`
      const b: BillDoc = { ...template, _id: `h-b1-101:fi-b-property:${period}`, period, status: 'unpaid' }
      delete b.paymentId
      expect((await h.store.insert('bills', b)).ok).toBe(true)
      const created = okData(await h.call('pay.create', { payables: [{ type: 'bill', id: b._id }], clientRequestId: newCrid() }, 'dev-u-b-resident', COMMUNITY_B))
      await confirm(h, created)
      await sandboxOf(h).flush()
      return paymentDoc(h, created.payment.id)
    }
    /**
     * Four days (Asia/Shanghai, the clock stays at 10:00): day 0 pays a0 (A) and b0 (B); day 1 refunds
     * part of a0 and pays a1; day 2 pays a2 and b2; day 3 (today) pays a3 and a4. The ledger entries
     * of a0, b0 and a3 are then lost.
     */
    async function fourDays() {
      const ids = await unpaidIds(h)
      const a0 = await payBills(h, ids.slice(0, 1))
      const b0 = await payInB()
      h.clock.advance(DAY)
      okData(await h.call('pay.refund', { paymentId: a0._id, lines: [{ payableId: a0.lines[0]!.id, amountFen: 100 }], reason: '部分退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
      await sandboxOf(h).flush()
      const a1 = await payBills(h, ids.slice(1, 2))
      h.clock.advance(DAY)
      const a2 = await payBills(h, ids.slice(2, 3))
      const b2 = await payInB()
      h.clock.advance(DAY)
      const a3 = await payBills(h, ids.slice(3, 4))
      const a4 = await payBills(h, ids.slice(4, 5))
      for (const p of [a0, b0, a3]) expect(await h.store.remove('ledger', `pay:${p.outTradeNo}`)).toBe(true)
      return { a0, a1, a2, a3, a4, b0, b2 }
    }
    const lost = (ms: readonly { kind: string; ref: string }[]) => ms.filter((m) => m.kind === 'paid_without_ledger').map((m) => m.ref).sort()
    const reportOf = async (communityId: string) => (await h.store.get('reconciliations', communityId))!

    it('by default yesterday and today: only their rows are read, in pages no larger than asked', async () => {
      const { a2, a3, a4, b2 } = await fourDays()
      const reads = new CountingStore(h.store)
      expect(await reconcilePayments({ ...h.ports, store: reads }, { pageSize: 2 })).toEqual({ communities: 2, mismatches: 1 })
      // Three payments of A in the window: two pages of payments; no read returned more than 2 rows.
      expect(reads.total.largest).toBeLessThanOrEqual(2)
      expect(reads.of('payments').calls).toBeGreaterThanOrEqual(2)
      // Nothing from the older days was read: not their payments, refunds or ledger entries.
      expect(reads.idsRead('payments')).toEqual([a2, a3, a4, b2].map((p) => p._id).sort())
      expect(reads.idsRead('refunds')).toEqual([])
      expect(reads.idsRead('ledger')).toEqual([a2, a4, b2].map((p) => `pay:${p.outTradeNo}`).sort())
      expect(await reportOf(COMMUNITY_A)).toMatchObject({ payments: 3, refunds: 0, ledgerEntries: 2, mismatches: [expect.objectContaining({ kind: 'paid_without_ledger', ref: a3.outTradeNo })] })
      expect(await reportOf(COMMUNITY_B)).toMatchObject({ payments: 1, refunds: 0, ledgerEntries: 1, mismatches: [] })
      // The timer job does the same with its defaults.
      expect(await runJob(h, 'pay', 'reconcile-payments')).toEqual({ communities: 2, mismatches: 1 })
    })

    it('more days reach further back; a payment refunded on a reconciled day is checked whatever its own day', async () => {
      const { a0, a3, b0 } = await fourDays()
      // Days 1-3: a0 is from day 0, but its refund of day 1 brings it in.
      expect(await reconcilePayments(h.ports, { days: 3, pageSize: 2 })).toEqual({ communities: 2, mismatches: 2 })
      expect(lost((await reportOf(COMMUNITY_A)).mismatches)).toEqual([a0.outTradeNo, a3.outTradeNo].sort())
      expect(await reportOf(COMMUNITY_A)).toMatchObject({ payments: 4, refunds: 1, ledgerEntries: 4 })
      expect((await reportOf(COMMUNITY_B)).mismatches).toEqual([])
      // Days 0-3: everything, B's day-0 payment too.
      expect(await reconcilePayments(h.ports, { days: 4, pageSize: 2 })).toEqual({ communities: 2, mismatches: 3 })
      expect(lost((await reportOf(COMMUNITY_B)).mismatches)).toEqual([b0.outTradeNo])
      expect(await reportOf(COMMUNITY_A)).toMatchObject({ payments: 5, refunds: 1, ledgerEntries: 4 })
    })

    it('what needs someone is reported every day, however old: a stuck refund, an unsettled payment', async () => {
      const [id] = await unpaidIds(h)
      const p = await payBills(h, [id!])
      jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '503000' })
      okData(await h.call('pay.refund', { paymentId: p._id, lines: [{ payableId: id!, amountFen: 100 }], reason: '退款测试', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
      await h.store.update('payments', p._id, { unset: ['settledAt'] })
      h.clock.advance(10 * DAY)
      const ms = (await reconcile(h)).mismatches
      expect(kinds(ms)).toEqual(['payment_unsettled', 'refund_stuck'])
    })
  })

  it('payments of two communities are reported apart', async () => {
    await normalDay()
    // A paid payment in community B (和谐家园, 钱多多).
    const [bBill] = (await h.store.find('bills', { where: { householdId: 'h-b1-101', status: 'unpaid' }, limit: 1 }))
    const created = okData(await h.call('pay.create', { payables: [{ type: 'bill', id: bBill!._id }], clientRequestId: newCrid() }, 'dev-u-b-resident', COMMUNITY_B))
    await confirm(h, created)
    await h.store.remove('ledger', `pay:${created.payment.outTradeNo}`)
    expect(await runJob(h, 'pay', 'reconcile-payments')).toEqual({ communities: 2, mismatches: 1 })
    expect(okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_A)).mismatches).toEqual([])
    expect(okData(await h.call('pay.reconciliation', {}, OPERATOR, COMMUNITY_B)).mismatches).toEqual([expect.objectContaining({ kind: 'paid_without_ledger' })])
    expect(codeOf(await h.call('pay.reconciliation', {}, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })
})
