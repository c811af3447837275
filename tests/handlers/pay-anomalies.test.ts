/**
 * Payment anomalies an operator resolves (`pay.anomalies`, `pay.resolveAnomaly`): a payment held
 * for a wrong amount is refunded in full through the ordinary refund path, or accepted (recorded,
 * nothing settled, nothing moved); an automatic refund WeChat Pay closes after its payment was
 * settled becomes an anomaly in the same list. Every decision is recorded with who, when and why,
 * once, however often and however concurrently it is sent.
 */
import type { AnomalyViewT } from '../../cloudfunctions/contracts/pay'
import { applyRefundOutcome } from '../../cloudfunctions/domain/payment/apply'
import type { PaymentAnomalyDoc, PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { UpdateSpec } from '../../cloudfunctions/kernel/store'
import { type Harness, makeHarness } from '../support/harness'
import {
  COMMUNITY_A,
  COMMUNITY_B,
  MINUTE,
  OPERATOR,
  WANG,
  bill,
  createPayment,
  kinds,
  ledger,
  paymentDoc,
  prepayIdOf,
  reconcile,
  refundResource,
  refundsOf,
  runJob,
  sandboxOf,
  sandboxSigner,
  unpaidIds
} from '../support/pay'
import { codeOf, grantFreshUser, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const OPERATOR_ID = 'u-operator-wu'
const anomalyDocs = () => findAll(h.store, 'paymentAnomalies')
const openList = async (communityId = COMMUNITY_A) => okData(await h.call('pay.anomalies', {}, OPERATOR, communityId)).anomalies
const resolve = (anomalyId: string, action: 'refund' | 'accept', note = '与业主核实后处理', who = OPERATOR, communityId = COMMUNITY_A) =>
  h.call('pay.resolveAnomaly', { anomalyId, action, note }, who, communityId)

/** A payment of two bills of 1栋 101 that WeChat Pay reports with 1 fen less than due. */
async function mismatch(paidFen?: number) {
  const ids = (await unpaidIds(h)).slice(0, 2)
  const created = await createPayment(h, ids)
  const paid = paidFen ?? created.payment.totalFen - 1
  expect(await sandboxOf(h).confirm(prepayIdOf(created.launch), { amountFen: paid })).toEqual({ ok: true, status: 204 })
  const payment = await paymentDoc(h, created.payment.id)
  expect(payment).toMatchObject({ status: 'anomaly', paidFen: paid })
  return { ids, payment, paidFen: paid, anomalyId: `amount_mismatch:${payment.outTradeNo}` }
}

async function anomalyDoc(id: string): Promise<PaymentAnomalyDoc> {
  const a = await h.store.get('paymentAnomalies', id)
  if (!a) throw new Error(`no anomaly ${id}`)
  return a
}

describe('a payment held for a wrong amount', () => {
  it('is listed for the operators with both actions and the money at stake', async () => {
    const m = await mismatch()
    const [a, ...rest] = await openList()
    expect(rest).toEqual([])
    expect(a).toMatchObject({
      id: m.anomalyId,
      kind: 'amount_mismatch',
      paymentId: m.payment._id,
      outTradeNo: m.payment.outTradeNo,
      householdLabel: '1栋 101',
      amountFen: m.paidFen,
      actions: ['refund', 'accept'],
      resolution: null,
      resolvedAt: null
    })
    // Only the operators of its community see it.
    expect(await openList(COMMUNITY_B)).toEqual([])
    expect(codeOf(await h.call('pay.anomalies', {}, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    const otherOperator = await grantFreshUser(h.store, 'u-b-operator-test', COMMUNITY_B, 'operator')
    expect(codeOf(await resolve(m.anomalyId, 'accept', '另一社区', otherOperator, COMMUNITY_B))).toBe('PAY.NOT_FOUND')
    expect(await anomalyDoc(m.anomalyId)).not.toHaveProperty('resolution')
    expect(codeOf(await resolve(m.anomalyId, 'accept', 'x'))).toBe('REQUEST.INVALID_INPUT')
  })

  it('refund: everything WeChat Pay took goes back through the refund path; resolved with who, when and why', async () => {
    const m = await mismatch()
    const gateway = jest.spyOn(sandboxOf(h), 'refund')
    const view = okData(await resolve(m.anomalyId, 'refund', '金额不符，全额退回'))
    expect(view).toMatchObject({ resolution: 'refund', resolvedBy: expect.any(String), resolvedAt: h.clock.now(), note: '金额不符，全额退回', actions: [] })
    expect(gateway).toHaveBeenCalledTimes(1)
    // The order total WeChat Pay knows is what it took, not what was due.
    expect(gateway).toHaveBeenCalledWith(expect.objectContaining({ outTradeNo: m.payment.outTradeNo, refundFen: m.paidFen, totalFen: m.paidFen }))
    const [r] = await refundsOf(h, m.payment._id)
    expect(r).toMatchObject({ idempotencyKey: `anomaly:${m.anomalyId}:1`, amountFen: m.paidFen, lines: [], automatic: false, requestedBy: OPERATOR_ID, reserved: true })
    expect((await paymentDoc(h, m.payment._id)).refundReservedFen).toBe(m.paidFen)
    await sandboxOf(h).flush()
    expect((await refundsOf(h, m.payment._id)).map((x) => x.status)).toEqual(['succeeded'])
    expect(await anomalyDoc(m.anomalyId)).toMatchObject({ resolution: 'refund', resolvedBy: OPERATOR_ID, resolvedAt: expect.any(Number), note: '金额不符，全额退回', refundId: r!._id, attempts: 1 })
    // Nothing was settled: the bills are unpaid, the money never entered the ledger nor left it.
    for (const id of m.ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(await ledger(h)).toEqual([])
    const p = okData(await h.call('pay.get', { paymentId: m.payment._id }, OPERATOR, COMMUNITY_A))
    expect(p).toMatchObject({ status: 'anomaly', refundedFen: m.paidFen })
    expect(await openList()).toEqual([])
    expect((await reconcile(h)).mismatches).toEqual([])
    // A repeat changes nothing and answers the same.
    expect(okData(await resolve(m.anomalyId, 'refund'))).toMatchObject({ resolution: 'refund', resolvedAt: view.resolvedAt })
    expect(gateway).toHaveBeenCalledTimes(1)
    expect(await refundsOf(h, m.payment._id)).toHaveLength(1)
    // Any other decision is refused now.
    expect(codeOf(await resolve(m.anomalyId, 'accept'))).toBe('PAY.ANOMALY_RESOLVED')
    // And the ordinary refund action cannot take the money a second time.
    expect(codeOf(await h.call('pay.refund', { paymentId: m.payment._id, lines: [{ payableId: m.ids[0]!, amountFen: 1 }], reason: '再退一次', clientRequestId: 'crid-again-0001' }, OPERATOR, COMMUNITY_A))).toBe('PAY.NOT_PAID')
  })

  it('refund twins (8 at once, two operators): one refund, WeChat Pay asked once, all answered alike', async () => {
    const m = await mismatch()
    const gateway = jest.spyOn(sandboxOf(h), 'refund')
    const second = await grantFreshUser(h.store, 'u-operator-test2', COMMUNITY_A, 'operator')
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => resolve(m.anomalyId, 'refund', `第 ${i} 次点击`, i % 2 ? OPERATOR : second)))
    const views = results.map((r) => okData(r))
    expect(new Set(views.map((v) => v.note)).size).toBe(1)
    expect(views.every((v) => v.resolution === 'refund' && v.resolvedAt !== null)).toBe(true)
    expect(gateway).toHaveBeenCalledTimes(1)
    await sandboxOf(h).flush()
    expect((await refundsOf(h, m.payment._id)).map((r) => [r.status, r.amountFen])).toEqual([['succeeded', m.paidFen]])
    expect((await paymentDoc(h, m.payment._id)).refundReservedFen).toBe(m.paidFen)
    expect((await anomalyDoc(m.anomalyId)).attempts).toBe(1)
  })

  it('accept: recorded, nothing settled and nothing moved; repeats answer the same; a refund afterwards is refused', async () => {
    const m = await mismatch(1)
    const gateway = jest.spyOn(sandboxOf(h), 'refund')
    const view = okData(await resolve(m.anomalyId, 'accept', '业主线下补缴差额'))
    expect(view).toMatchObject({ resolution: 'accept', resolvedAt: h.clock.now(), note: '业主线下补缴差额', actions: [] })
    expect(await anomalyDoc(m.anomalyId)).toMatchObject({ resolution: 'accept', resolvedBy: OPERATOR_ID, resolvedAt: h.clock.now(), note: '业主线下补缴差额' })
    expect(await paymentDoc(h, m.payment._id)).toMatchObject({ status: 'anomaly', refundReservedFen: 0 })
    for (const id of m.ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(await ledger(h)).toEqual([])
    expect(await refundsOf(h, m.payment._id)).toEqual([])
    h.clock.advance(MINUTE)
    expect(okData(await resolve(m.anomalyId, 'accept', '再点一次'))).toMatchObject({ resolution: 'accept', note: '业主线下补缴差额', resolvedAt: view.resolvedAt })
    expect(codeOf(await resolve(m.anomalyId, 'refund'))).toBe('PAY.ANOMALY_RESOLVED')
    expect(gateway).not.toHaveBeenCalled()
    expect(await openList()).toEqual([])
    // Resolved: the daily reconciliation no longer reports it.
    expect((await reconcile(h)).mismatches).toEqual([])
    // The bills can still be paid the ordinary way.
    expect((await unpaidIds(h)).slice(0, 2)).toEqual(m.ids)
  })

  it('accept never settles, even when WeChat Pay took more than was due', async () => {
    const due = (await createPayment(h, (await unpaidIds(h)).slice(0, 2))).payment.totalFen
    const m = await mismatch(due + 500)
    expect((await openList())[0]).toMatchObject({ id: m.anomalyId, amountFen: due + 500 })
    okData(await resolve(m.anomalyId, 'accept', '多收部分线下退还'))
    expect((await paymentDoc(h, m.payment._id)).status).toBe('anomaly')
    for (const id of m.ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(await ledger(h)).toEqual([])
  })

  it('accept and refund at once: exactly one decision wins, the other is refused', async () => {
    const m = await mismatch()
    const [x, y] = await Promise.all([resolve(m.anomalyId, 'accept'), resolve(m.anomalyId, 'refund')])
    const codes = [x, y].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(codes).toEqual(['PAY.ANOMALY_RESOLVED', 'ok'])
    const a = await anomalyDoc(m.anomalyId)
    await sandboxOf(h).flush()
    expect(await refundsOf(h, m.payment._id)).toHaveLength(a.resolution === 'refund' ? 1 : 0)
  })

  it('a refund WeChat Pay refuses reopens the anomaly with the reason; deciding again refunds under a new key', async () => {
    const m = await mismatch()
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: false, reason: 'NOT_ENOUGH 基本账户余额不足', definite: true })
    expect(codeOf(await resolve(m.anomalyId, 'refund'))).toBe('PAY.REFUND_FAILED')
    expect((await paymentDoc(h, m.payment._id)).refundReservedFen).toBe(0)
    const [open] = await openList()
    expect(open).toMatchObject({ id: m.anomalyId, resolution: null, actions: ['refund', 'accept'], lastFailure: expect.stringContaining('NOT_ENOUGH') })
    h.clock.advance(MINUTE)
    okData(await resolve(m.anomalyId, 'refund', '余额已补足，重新退款'))
    await sandboxOf(h).flush()
    expect((await refundsOf(h, m.payment._id)).map((r) => [r.idempotencyKey, r.status])).toEqual([
      [`anomaly:${m.anomalyId}:1`, 'failed'],
      [`anomaly:${m.anomalyId}:2`, 'succeeded']
    ])
    expect(await openList()).toEqual([])
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('a refund WeChat Pay closes later (notification) reopens the anomaly', async () => {
    const m = await mismatch()
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '50300000000077' })
    okData(await resolve(m.anomalyId, 'refund'))
    expect(await openList()).toEqual([])
    const [r] = await refundsOf(h, m.payment._id)
    const closed = sandboxSigner(h)({
      originalType: 'refund',
      eventType: 'REFUND.CLOSED',
      resource: refundResource({ outTradeNo: m.payment.outTradeNo, outRefundNo: r!.outRefundNo, refundFen: m.paidFen, totalFen: m.paidFen, status: 'CLOSED' })
    })
    expect((await sandboxOf(h).send(closed)).status).toBe(204)
    expect((await sandboxOf(h).send(closed)).status).toBe(204)
    expect(await openList()).toEqual([expect.objectContaining({ id: m.anomalyId, resolution: null, actions: ['refund', 'accept'], lastFailure: expect.stringContaining('CLOSED') })])
    expect((await paymentDoc(h, m.payment._id)).refundReservedFen).toBe(0)
  })
})

describe('an automatic refund WeChat Pay closes after its payment was settled', () => {
  /** A payment of one bill that gets cancelled meanwhile: paid, settled, its automatic refund processing. */
  async function settledWithAutoRefund() {
    const [id] = await unpaidIds(h)
    const open = await createPayment(h, [id!])
    await h.store.update('bills', id!, { set: { status: 'cancelled' } })
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '50300000000088' })
    await sandboxOf(h).confirm(prepayIdOf(open.launch))
    const payment = await paymentDoc(h, open.payment.id)
    const [auto] = await refundsOf(h, payment._id)
    expect(auto).toMatchObject({ automatic: true, status: 'processing' })
    return { billId: id!, payment, auto: auto! }
  }
  const closedOutcome = (p: PaymentDoc, outRefundNo: string) => ({ outTradeNo: p.outTradeNo, outRefundNo, refundId: '50300000000088', status: 'CLOSED' as const, refundFen: p.totalFen, successAt: null })

  it('becomes an anomaly in the operators list (notification); the operator refunds it through the refund path', async () => {
    const { billId, payment, auto } = await settledWithAutoRefund()
    expect(payment.settledAt).toBeDefined()
    const closed = sandboxSigner(h)({
      originalType: 'refund',
      eventType: 'REFUND.CLOSED',
      resource: refundResource({ outTradeNo: payment.outTradeNo, outRefundNo: auto.outRefundNo, refundFen: payment.totalFen, totalFen: payment.totalFen, status: 'CLOSED' })
    })
    expect((await sandboxOf(h).send(closed)).status).toBe(204)
    expect((await sandboxOf(h).send(closed)).status).toBe(204)
    const list = await openList()
    expect(list).toEqual([
      expect.objectContaining({
        id: `auto_refund_closed:${auto.outRefundNo}`,
        kind: 'auto_refund_closed',
        paymentId: payment._id,
        amountFen: payment.totalFen,
        actions: ['refund', 'accept']
      })
    ])
    // Nothing retries it on its own.
    h.clock.advance(10 * MINUTE)
    await runJob(h, 'pay', 'close-expired-payments')
    expect((await refundsOf(h, payment._id)).map((r) => r.status)).toEqual(['failed'])

    okData(await resolve(list[0]!.id, 'refund', '重新退回已取消账单的款项'))
    await sandboxOf(h).flush()
    const refunds = await refundsOf(h, payment._id)
    expect(refunds.map((r) => [r.automatic, r.status, r.amountFen])).toEqual([
      [true, 'failed', payment.totalFen],
      [false, 'succeeded', payment.totalFen]
    ])
    expect(refunds[1]!.lines).toEqual([expect.objectContaining({ payableId: billId, amountFen: payment.totalFen })])
    expect(await openList()).toEqual([])
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('also when it is closed by the refund sync (order query)', async () => {
    const { payment, auto } = await settledWithAutoRefund()
    jest.spyOn(sandboxOf(h), 'queryRefund').mockResolvedValue(closedOutcome(payment, auto.outRefundNo))
    h.clock.advance(3 * MINUTE)
    await runJob(h, 'pay', 'close-expired-payments')
    expect((await anomalyDocs()).filter((a) => a.kind === 'auto_refund_closed')).toEqual([expect.objectContaining({ paymentId: payment._id })])
  })

  it('also when the closing lands while the payment is being settled (before it counts as settled)', async () => {
    const [id] = await unpaidIds(h)
    const open = await createPayment(h, [id!])
    await h.store.update('bills', id!, { set: { status: 'cancelled' } })
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '50300000000099' })
    // Just before the settle is recorded, WeChat Pay's CLOSED for the automatic refund is applied.
    const update = h.store.update.bind(h.store)
    jest.spyOn(h.store, 'update').mockImplementation(async (c: Parameters<Harness['store']['update']>[0], docId: string, spec: UpdateSpec, when?: Parameters<Harness['store']['update']>[3]) => {
      if (c === 'payments' && spec.set && 'settledAt' in spec.set) {
        const [auto] = await refundsOf(h, open.payment.id)
        expect(await applyRefundOutcome(h.ports, closedOutcome(await paymentDoc(h, open.payment.id), auto!.outRefundNo))).toBe('failed')
        expect(await anomalyDocs()).toEqual([expect.objectContaining({ kind: 'paid_after_settled' })])
      }
      return update(c, docId, spec, when)
    })
    await sandboxOf(h).confirm(prepayIdOf(open.launch))
    jest.mocked(h.store.update).mockRestore()
    expect((await paymentDoc(h, open.payment.id)).settledAt).toBeDefined()
    expect(kinds((await anomalyDocs()).map((a) => ({ kind: a.kind, ref: a._id, detail: '' })))).toEqual(['auto_refund_closed', 'paid_after_settled'])
    expect((await openList()).map((a: AnomalyViewT) => a.kind)).toEqual(['auto_refund_closed'])
  })
})

describe('other anomalies', () => {
  it('a refund held ABNORMAL by WeChat Pay can only be recorded as handled by hand', async () => {
    const ids = (await unpaidIds(h)).slice(0, 1)
    const created = await createPayment(h, ids)
    await sandboxOf(h).confirm(prepayIdOf(created.launch))
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'ABNORMAL', refundId: '50300000000003' })
    okData(await h.call('pay.refund', { paymentId: created.payment.id, lines: [{ payableId: ids[0]!, amountFen: 100 }], reason: '部分退款', clientRequestId: 'crid-abn-000001' }, OPERATOR, COMMUNITY_A))
    const [a] = await openList()
    expect(a).toMatchObject({ kind: 'refund_abnormal', actions: ['accept'], amountFen: null })
    expect(codeOf(await resolve(a!.id, 'refund'))).toBe('PAY.ANOMALY_ACTION')
    expect(okData(await resolve(a!.id, 'accept', '已在商户平台人工退款'))).toMatchObject({ resolution: 'accept' })
    expect(await openList()).toEqual([])
  })

  it('an automatic refund given up after 5 failures is refunded by the operator from the list', async () => {
    const [id] = await unpaidIds(h)
    const open = await createPayment(h, [id!])
    await h.store.update('bills', id!, { set: { status: 'cancelled' } })
    const spy = jest.spyOn(sandboxOf(h), 'refund').mockResolvedValue({ ok: false, reason: 'NOT_ENOUGH', definite: true })
    await sandboxOf(h).confirm(prepayIdOf(open.launch))
    for (let i = 0; i < 6; i++) {
      h.clock.advance(5 * MINUTE)
      await runJob(h, 'pay', 'close-expired-payments')
    }
    spy.mockRestore()
    const [a] = await openList()
    expect(a).toMatchObject({ kind: 'auto_refund_failed', actions: ['refund', 'accept'], amountFen: open.payment.totalFen })
    okData(await resolve(a!.id, 'refund', '账户余额已补足'))
    await sandboxOf(h).flush()
    expect((await refundsOf(h, open.payment.id)).filter((r) => r.status === 'succeeded')).toEqual([expect.objectContaining({ automatic: false, amountFen: open.payment.totalFen })])
    expect(await openList()).toEqual([])
    expect(kinds((await reconcile(h)).mismatches)).toEqual([])
  })
})
