/**
 * Refunds through `pay.refund` and WeChat Pay's refund notifications: never more than was paid
 * (per line and in total, also under concurrency), partial refunds add up, a resubmitted request
 * returns the same refund, a failed refund gives its reservation back, and a bill becomes
 * `refunded` once its whole payment line is refunded.
 */
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { type Harness, as, makeHarness } from '../support/harness'
import {
  COMMUNITY_A,
  COMMUNITY_B,
  OPERATOR,
  WANG,
  bill,
  createPayment,
  ledger,
  newCrid,
  payBills,
  kinds,
  paymentDoc,
  prepayIdOf,
  reconcile,
  refundResource,
  refundsOf,
  runJob,
  sandboxOf,
  sandboxSigner,
  sumFen,
  unpaidIds
} from '../support/pay'
import { codeOf, grantFreshUser, okData, snapshot } from './support'

let h: Harness
let paid: PaymentDoc
beforeEach(async () => {
  h = await makeHarness()
  paid = await payBills(h, (await unpaidIds(h)).slice(0, 2))
})
afterEach(async () => {
  await h.close()
})

const anomalies = () => findAll(h.store, 'paymentAnomalies')

const line = (i: number) => {
  const l = paid.lines[i]
  if (!l) throw new Error(`no line ${i}`)
  return l
}

function refundInput(lines: { payableId: string; amountFen: number }[], clientRequestId = newCrid(), paymentId = paid._id) {
  return { paymentId, lines, reason: '业主多缴，退回', clientRequestId }
}
const refund = (lines: { payableId: string; amountFen: number }[], clientRequestId?: string, who = OPERATOR, communityId = COMMUNITY_A) =>
  h.call('pay.refund', refundInput(lines, clientRequestId), who, communityId)

describe('a full refund of one line', () => {
  it('is processing until WeChat Pay notifies; then succeeded, ledger entry, bill refunded', async () => {
    const l0 = line(0)
    const res = okData(await refund([{ payableId: l0.id, amountFen: l0.amountFen }]))
    expect(res.refunds).toEqual([expect.objectContaining({ status: 'processing', amountFen: l0.amountFen, automatic: false })])
    expect(res.refundedFen).toBe(0)
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(l0.amountFen)
    await sandboxOf(h).flush()
    const view = okData(await h.call('pay.get', { paymentId: paid._id }, OPERATOR, COMMUNITY_A))
    expect(view.refunds[0]?.status).toBe('succeeded')
    expect(view.refundedFen).toBe(l0.amountFen)
    expect(view.lines[0]?.refundedFen).toBe(l0.amountFen)
    expect(view.lines[1]?.refundedFen).toBe(0)
    expect(await bill(h, l0.id)).toMatchObject({ status: 'refunded', refundedFen: l0.amountFen })
    expect((await bill(h, line(1).id)).status).toBe('paid')
    const entries = await ledger(h, paid._id)
    expect(entries.map((e) => [e.kind, e.amountFen]).sort()).toEqual([
      ['payment', paid.totalFen],
      ['refund', -l0.amountFen]
    ])
    // The receipt shows it too; the payment stays paid.
    expect(okData(await h.call('pay.receipt', { paymentId: paid._id }, WANG, COMMUNITY_A)).refundedFen).toBe(l0.amountFen)
    expect((await paymentDoc(h, paid._id)).status).toBe('paid')
    expect((await reconcile(h)).mismatches).toEqual([])
  })
})

describe('refunds never exceed what was paid', () => {
  it('two partial refunds add up to the line; a third of 1 fen: PAY.REFUND_EXCEEDS', async () => {
    const l0 = line(0)
    const first = Math.floor(l0.amountFen / 3)
    okData(await refund([{ payableId: l0.id, amountFen: first }]))
    await sandboxOf(h).flush()
    expect(await bill(h, l0.id)).toMatchObject({ status: 'paid', refundedFen: first })
    okData(await refund([{ payableId: l0.id, amountFen: l0.amountFen - first }]))
    await sandboxOf(h).flush()
    expect(await bill(h, l0.id)).toMatchObject({ status: 'refunded', refundedFen: l0.amountFen })

    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }]))).toBe('PAY.REFUND_EXCEEDS')
    await sandboxOf(h).flush()
    const refunds = await refundsOf(h, paid._id)
    expect(refunds.map((r) => r.status).sort()).toEqual(['failed', 'succeeded', 'succeeded'])
    expect(sumFen(refunds.filter((r) => r.status === 'succeeded'))).toBe(l0.amountFen)
    expect(sumFen(await ledger(h, paid._id))).toBe(paid.totalFen - l0.amountFen)
    expect(sandboxOf(h).order(paid.prepayId!)?.refundedFen).toBe(l0.amountFen)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('one line cannot take another line’s money, and the payment total caps everything', async () => {
    const [l0, l1] = [line(0), line(1)]
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: l0.amountFen + 1 }]))).toBe('PAY.REFUND_EXCEEDS')
    // Split across both lines in one request: fine up to each line.
    okData(await refund([{ payableId: l0.id, amountFen: l0.amountFen }, { payableId: l1.id, amountFen: l1.amountFen }]))
    expect(codeOf(await refund([{ payableId: l1.id, amountFen: 1 }]))).toBe('PAY.REFUND_EXCEEDS')
    await sandboxOf(h).flush()
    expect(sumFen(await ledger(h, paid._id))).toBe(0)
    // Both lines are fully reserved now.
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(paid.totalFen)
  })

  it('the same line listed twice in one request is summed against the cap', async () => {
    const l0 = line(0)
    const half = Math.ceil(l0.amountFen / 2) + 1
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: half }, { payableId: l0.id, amountFen: half }]))).toBe('PAY.REFUND_EXCEEDS')
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(0)
  })

  it('concurrent refunds of one line: never over (8 requests of 40 % each → 2 succeed)', async () => {
    const l0 = line(0)
    const part = Math.floor((l0.amountFen * 4) / 10)
    const results = await Promise.all(Array.from({ length: 8 }, () => refund([{ payableId: l0.id, amountFen: part }])))
    expect(results.filter((r) => r.ok)).toHaveLength(2)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(6).fill('PAY.REFUND_EXCEEDS'))
    await sandboxOf(h).flush()
    const refunds = await refundsOf(h, paid._id)
    const succeeded = refunds.filter((r) => r.status === 'succeeded')
    expect(sumFen(succeeded)).toBe(2 * part)
    expect(sumFen(succeeded)).toBeLessThanOrEqual(l0.amountFen)
    expect((await paymentDoc(h, paid._id)).refundReservedByLine.l0).toBe(2 * part)
    expect(sandboxOf(h).order(paid.prepayId!)?.refundedFen).toBe(2 * part)
    expect((await bill(h, l0.id)).refundedFen).toBe(2 * part)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('concurrent full refunds of the whole payment: exactly one goes through', async () => {
    const all = paid.lines.map((l) => ({ payableId: l.id, amountFen: l.amountFen }))
    const results = await Promise.all(Array.from({ length: 5 }, () => refund(all)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    await sandboxOf(h).flush()
    expect(sumFen(await ledger(h, paid._id))).toBe(0)
    expect(sandboxOf(h).order(paid.prepayId!)?.refundedFen).toBe(paid.totalFen)
  })
})

describe('idempotency and access', () => {
  it('a refund resubmitted with the same clientRequestId returns the same refund (also concurrently)', async () => {
    const l0 = line(0)
    const spy = jest.spyOn(sandboxOf(h), 'refund')
    const a = okData(await refund([{ payableId: l0.id, amountFen: 100 }], 'refund-req-1'))
    const b = okData(await refund([{ payableId: l0.id, amountFen: 100 }], 'refund-req-1'))
    expect(b.refunds.map((r) => r.id)).toEqual(a.refunds.map((r) => r.id))
    const parallel = await Promise.all(Array.from({ length: 6 }, () => refund([{ payableId: l0.id, amountFen: 100 }], 'refund-req-2')))
    expect(parallel.every((r) => r.ok)).toBe(true)
    await sandboxOf(h).flush()
    const refunds = await refundsOf(h, paid._id)
    expect(refunds).toHaveLength(2)
    expect(spy).toHaveBeenCalledTimes(2)
    expect(sumFen(refunds)).toBe(200)
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(200)
  })

  it('refunding an unpaid payment: PAY.NOT_PAID', async () => {
    const open = await createPayment(h, (await unpaidIds(h)).slice(0, 1))
    const res = await h.call('pay.refund', refundInput([{ payableId: open.payment.lines[0]!.id, amountFen: 1 }], newCrid(), open.payment.id), OPERATOR, COMMUNITY_A)
    expect(codeOf(res)).toBe('PAY.NOT_PAID')
    expect(await refundsOf(h, open.payment.id)).toEqual([])
  })

  it('a bill that is not in the payment: PAY.PAYABLE_NOT_FOUND', async () => {
    const [other] = await unpaidIds(h)
    expect(codeOf(await refund([{ payableId: other!, amountFen: 1 }]))).toBe('PAY.PAYABLE_NOT_FOUND')
  })

  it('an operator of another community cannot refund; residents cannot refund at all', async () => {
    const opB = await grantFreshUser(h.store, 'u-operator-b', COMMUNITY_B, 'operator')
    const l0 = line(0)
    const before = await snapshot(h.store)
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }], undefined, opB, COMMUNITY_B))).toBe('PAY.NOT_FOUND')
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }], undefined, opB, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    // 吴运营 runs both communities, but in B's context A's payment does not exist.
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }], undefined, OPERATOR, COMMUNITY_B))).toBe('PAY.NOT_FOUND')
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }], undefined, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 1 }], undefined, as('u-butler-zhang'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('failed refunds give their reservation back', () => {
  it('a refund WeChat Pay refuses: PAY.REFUND_FAILED, refund failed, reservation released', async () => {
    const l0 = line(0)
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: false, reason: 'SYSTEM_ERROR', definite: true })
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: l0.amountFen }]))).toBe('PAY.REFUND_FAILED')
    const [failed] = await refundsOf(h, paid._id)
    expect(failed).toMatchObject({ status: 'failed', failure: 'SYSTEM_ERROR', reserved: true })
    const p = await paymentDoc(h, paid._id)
    expect(p.refundReservedFen).toBe(0)
    expect(p.refundReservedByLine.l0).toBe(0)
    // The whole line can still be refunded.
    okData(await refund([{ payableId: l0.id, amountFen: l0.amountFen }]))
    await sandboxOf(h).flush()
    expect((await bill(h, l0.id)).status).toBe('refunded')
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('an unknown outcome (timeout, 5xx) keeps the refund pending and reserved until WeChat Pay is asked', async () => {
    const l0 = line(0)
    const sandbox = sandboxOf(h)
    jest.spyOn(sandbox, 'refund').mockResolvedValueOnce({ ok: false, reason: 'timeout of 10000ms exceeded', definite: false })
    const view = okData(await refund([{ payableId: l0.id, amountFen: 700 }]))
    expect(view.refunds).toEqual([expect.objectContaining({ status: 'processing', amountFen: 700 })])
    const [pending] = await refundsOf(h, paid._id)
    expect(pending).toMatchObject({ status: 'processing', reserved: true })
    // The money may have left: the reservation holds, so no second refund can exceed the paid total.
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(700)
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: l0.amountFen - 699 }]))).toBe('PAY.REFUND_EXCEEDS')

    // Too early for the sync: nothing happens yet.
    await h.raw('pay', { Type: 'Timer', TriggerName: 'close-expired-payments' }, null)
    expect((await refundsOf(h, paid._id)).find((r) => r._id === pending!._id)?.status).toBe('processing')

    // Later, WeChat Pay has no record of it: it is sent again under the same out_refund_no.
    h.clock.advance(3 * 60_000)
    const refundCalls = jest.spyOn(sandbox, 'refund')
    await h.raw('pay', { Type: 'Timer', TriggerName: 'close-expired-payments' }, null)
    expect(refundCalls).toHaveBeenCalledWith(expect.objectContaining({ outRefundNo: pending!.outRefundNo, refundFen: 700 }))
    await sandbox.flush()
    expect((await refundsOf(h, paid._id)).find((r) => r._id === pending!._id)?.status).toBe('succeeded')

    // Asking again changes nothing: WeChat Pay knows it as the same refund.
    h.clock.advance(3 * 60_000)
    await h.raw('pay', { Type: 'Timer', TriggerName: 'close-expired-payments' }, null)
    await sandbox.flush()
    const ledger = await h.store.find('ledger', { where: { paymentId: paid._id }, limit: 10 })
    expect(ledger.filter((e) => e.amountFen < 0)).toEqual([expect.objectContaining({ _id: `refund:${pending!.outRefundNo}`, amountFen: -700 })])
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('REFUND.ABNORMAL notification: refund abnormal, reservation KEPT (the money may be held), an anomaly; repeats change nothing', async () => {
    const l0 = line(0)
    // WeChat Pay accepts the refund and reports the outcome later.
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '50300000000001' })
    okData(await refund([{ payableId: l0.id, amountFen: 500 }]))
    const [r] = await refundsOf(h, paid._id)
    expect(r).toMatchObject({ status: 'processing', reserved: true })
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(500)
    const sign = sandboxSigner(h)
    const abnormal = sign({
      originalType: 'refund',
      eventType: 'REFUND.ABNORMAL',
      resource: refundResource({ outTradeNo: paid.outTradeNo, outRefundNo: r!.outRefundNo, refundFen: 500, totalFen: paid.totalFen, status: 'ABNORMAL' })
    })
    expect((await sandboxOf(h).send(abnormal)).status).toBe(204)
    expect((await sandboxOf(h).send(abnormal)).status).toBe(204)
    const [after] = await refundsOf(h, paid._id)
    expect(after).toMatchObject({ status: 'abnormal', failure: 'ABNORMAL', reserved: true })
    // WeChat Pay may still pay it out by hand: the reservation stays, so no second refund can exceed the paid total.
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(500)
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: l0.amountFen - 499 }]))).toBe('PAY.REFUND_EXCEEDS')
    expect(await ledger(h, paid._id)).toHaveLength(1)
    expect((await bill(h, l0.id)).refundedFen).toBe(0)
    expect(await anomalies()).toEqual([expect.objectContaining({ kind: 'refund_abnormal', paymentId: paid._id, detail: expect.stringContaining(r!.outRefundNo) })])
    // The sync leaves it to a person; the operators' reconciliation shows it.
    h.clock.advance(3 * 60_000)
    const calls = jest.spyOn(sandboxOf(h), 'refund')
    calls.mockClear()
    await runJob(h, 'pay', 'close-expired-payments')
    expect(calls).not.toHaveBeenCalled()
    expect((await refundsOf(h, paid._id)).find((x) => x._id === r!._id)?.status).toBe('abnormal')
    expect(kinds((await reconcile(h)).mismatches)).toEqual(['refund_abnormal'])
  })

  it('a refund WeChat Pay answers ABNORMAL at once: abnormal, reservation kept, an anomaly', async () => {
    const l0 = line(0)
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'ABNORMAL', refundId: '50300000000003' })
    const view = okData(await refund([{ payableId: l0.id, amountFen: 600 }]))
    expect(view.refunds).toEqual([expect.objectContaining({ status: 'abnormal', amountFen: 600 })])
    const [r] = await refundsOf(h, paid._id)
    expect(r).toMatchObject({ status: 'abnormal', reserved: true })
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(600)
    expect(await anomalies()).toEqual([expect.objectContaining({ kind: 'refund_abnormal', paymentId: paid._id })])
  })

  it('REFUND.SUCCESS repeated: one ledger entry', async () => {
    const l0 = line(0)
    jest.spyOn(sandboxOf(h), 'refund').mockResolvedValueOnce({ ok: true, status: 'PROCESSING', refundId: '50300000000002' })
    okData(await refund([{ payableId: l0.id, amountFen: 700 }]))
    const [r] = await refundsOf(h, paid._id)
    const success = sandboxSigner(h)({
      originalType: 'refund',
      resource: refundResource({ outTradeNo: paid.outTradeNo, outRefundNo: r!.outRefundNo, refundFen: 700, totalFen: paid.totalFen, status: 'SUCCESS' })
    })
    for (let i = 0; i < 5; i++) expect((await sandboxOf(h).send(success)).status).toBe(204)
    const refunds = await findAll(h.store, 'refunds')
    expect(refunds.map((x) => x.status)).toEqual(['succeeded'])
    expect((await ledger(h, paid._id)).filter((e) => e.kind === 'refund').map((e) => e.amountFen)).toEqual([-700])
    expect((await bill(h, l0.id)).refundedFen).toBe(700)
  })
})

it('an automatic refund is reused, not repeated, while it is processing', async () => {
  // The line's bill gets cancelled while another payment for it is open; the automatic refund
  // stays processing (WeChat Pay has not answered) and repeated notifications reuse it.
  const [id] = await unpaidIds(h)
  const open = await createPayment(h, [id!])
  await h.store.update('bills', id!, { set: { status: 'cancelled' } })
  const spy = jest.spyOn(sandboxOf(h), 'refund').mockResolvedValue({ ok: true, status: 'PROCESSING', refundId: '5030000000009' })
  for (let i = 0; i < 3; i++) await sandboxOf(h).confirm(prepayIdOf(open.launch))
  expect(spy).toHaveBeenCalledTimes(1)
  expect(await refundsOf(h, open.payment.id)).toHaveLength(1)
  expect((await paymentDoc(h, open.payment.id)).settledAt).toBeDefined()
})

describe('automatic refunds that keep failing', () => {
  it('are retried under new keys at most 5 times; then an anomaly is recorded and the retries stop', async () => {
    const [id] = await unpaidIds(h)
    const open = await createPayment(h, [id!])
    await h.store.update('bills', id!, { set: { status: 'cancelled' } })
    const spy = jest.spyOn(sandboxOf(h), 'refund').mockResolvedValue({ ok: false, reason: 'NOT_ENOUGH 基本账户余额不足', definite: true })
    await sandboxOf(h).confirm(prepayIdOf(open.launch))
    for (let i = 0; i < 12; i++) {
      h.clock.advance(5 * 60_000)
      await runJob(h, 'pay', 'close-expired-payments')
    }
    expect(spy).toHaveBeenCalledTimes(5)
    const refunds = await refundsOf(h, open.payment.id)
    expect(refunds.map((r) => [r.idempotencyKey, r.status])).toEqual([0, 1, 2, 3, 4].map((n) => [`auto:${open.payment.outTradeNo}:${n}`, 'failed']))
    expect((await paymentDoc(h, open.payment.id)).refundReservedFen).toBe(0)
    const gaveUp = (await anomalies()).filter((a) => a.kind === 'auto_refund_failed')
    expect(gaveUp).toEqual([expect.objectContaining({ paymentId: open.payment.id })])
    // The payment is no longer picked up by the sweep: it waits for a person.
    expect((await paymentDoc(h, open.payment.id)).settledAt).toBeDefined()
  })
})

describe('a refund cut short before its reservation', () => {
  it.each([
    ['between the refund record and the reservation', (c: string, spec: Parameters<Harness['store']['update']>[2]) => c === 'payments' && (spec.inc?.refundReservedFen ?? 0) > 0],
    ['between the reservation and the gateway call', (c: string, spec: Parameters<Harness['store']['update']>[2]) => c === 'refunds' && spec.set?.reserved === true]
  ])('a crash %s: the retry with the same key finishes it (reserved once, sent once)', async (_name, crashes) => {
    const l0 = line(0)
    const real = h.store.update.bind(h.store)
    const crash = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
      if (crashes(c, spec)) throw new Error('crash')
      return real(c, id, spec, when)
    })
    const gateway = jest.spyOn(sandboxOf(h), 'refund')
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 800 }], 'refund-crash'))).toBe('INTERNAL.ERROR')
    crash.mockRestore()
    expect(gateway).not.toHaveBeenCalled()
    const [stuck] = await refundsOf(h, paid._id)
    expect(stuck).toMatchObject({ status: 'processing', reserved: false })

    const retried = okData(await refund([{ payableId: l0.id, amountFen: 800 }], 'refund-crash'))
    expect(retried.refunds).toEqual([expect.objectContaining({ id: stuck!._id, status: 'processing', amountFen: 800 })])
    expect(await refundsOf(h, paid._id)).toEqual([expect.objectContaining({ _id: stuck!._id, reserved: true })])
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(800)
    expect(gateway).toHaveBeenCalledTimes(1)
    // Retrying again changes nothing.
    okData(await refund([{ payableId: l0.id, amountFen: 800 }], 'refund-crash'))
    expect(gateway).toHaveBeenCalledTimes(1)
    await sandboxOf(h).flush()
    expect((await refundsOf(h, paid._id))[0]?.status).toBe('succeeded')
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(800)
    expect((await bill(h, l0.id)).refundedFen).toBe(800)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('twins of a refund cut short finish it together: reserved once, sent once', async () => {
    const l0 = line(0)
    const real = h.store.update.bind(h.store)
    const crash = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
      if (c === 'payments' && (spec.inc?.refundReservedFen ?? 0) > 0) throw new Error('crash')
      return real(c, id, spec, when)
    })
    expect(codeOf(await refund([{ payableId: l0.id, amountFen: 800 }], 'refund-twins'))).toBe('INTERNAL.ERROR')
    crash.mockRestore()
    const gateway = jest.spyOn(sandboxOf(h), 'refund')
    const twins = await Promise.all(Array.from({ length: 6 }, () => refund([{ payableId: l0.id, amountFen: 800 }], 'refund-twins')))
    expect(twins.every((r) => r.ok)).toBe(true)
    expect(gateway).toHaveBeenCalledTimes(1)
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(800)
    await sandboxOf(h).flush()
    expect((await reconcile(h)).mismatches).toEqual([])
  })
})

describe('the finance role', () => {
  it('finds the payment and refunds part of it, as an operator would', async () => {
    const finance = as('u-finance-he')
    const found = okData(await h.call('pay.search', { query: '' }, finance, COMMUNITY_A))
    expect(found.payments.map((p) => p.id)).toContain(paid._id)
    const l0 = line(0)
    okData(await refund([{ payableId: l0.id, amountFen: 100 }], undefined, finance))
    await sandboxOf(h).flush()
    expect((await refundsOf(h, paid._id)).map((r) => [r.amountFen, r.status])).toEqual([[100, 'succeeded']])
  })
})
