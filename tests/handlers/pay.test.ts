/**
 * `pay.create` / `pay.get` / history / receipt / search through the real request path, on the demo
 * data (1栋 101 is in arrears) with the local WeChat Pay sandbox. The server prices every payment
 * from the bills; a payment record with its out_trade_no exists before the prepay; a resubmitted
 * create returns the same payment, also under concurrency.
 */
import { PAYMENT_STATUSES, payContracts } from '../../cloudfunctions/contracts/pay'
import type { BillDoc } from '../../cloudfunctions/domain/fee/docs'
import { lateFeeFen } from '../../cloudfunctions/domain/fee/money'
import type { PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { PAYMENT_WINDOW_MS } from '../../cloudfunctions/domain/payment/ids'
import type { PrepayRequest } from '../../cloudfunctions/kernel/payment-gateway'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { FEE_SETTINGS } from '../../scripts/seed/fees'
import { type Harness, as, makeHarness } from '../support/harness'
import {
  COMMUNITY_A,
  COMMUNITY_B,
  DAY,
  HOME,
  HOME2,
  HOME_PARKING_FEN,
  HOME_PROPERTY_FEN,
  LI,
  OPERATOR,
  WANG,
  bill,
  billsOf,
  confirm,
  createPayment,
  holdNotifications,
  ledger,
  newCrid,
  payBills,
  payInput,
  paymentDoc,
  prepayIdOf,
  sandboxOf,
  unpaidIds
} from '../support/pay'
import { countReads } from '../support/counting'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const RULE_A = FEE_SETTINGS.find((s) => s._id === COMMUNITY_A)!.lateFee
const payments = () => findAll(h.store, 'payments')

it('covers every action of the pay function', () => {
  expect(Object.keys(payContracts).sort()).toEqual(['create', 'createAsDriver', 'driverPayment', 'get', 'history', 'receipt', 'search', 'refund', 'reconciliation', 'anomalies', 'resolveAnomaly'].sort())
})

it('the payment states are explicit: created → awaiting → paid | closed | failed | anomaly', () => {
  expect([...PAYMENT_STATUSES]).toEqual(['created', 'awaiting', 'paid', 'closed', 'failed', 'anomaly'])
})

describe('pay.create prices on the server', () => {
  it('charges each bill its stored amount plus the late fee accrued by now', async () => {
    const overdue = await bill(h, `${HOME}:fi-a-property:2025-11`)
    const current = await bill(h, `${HOME}:fi-a-parking:2026-01`)
    // Seeded at 2026-01-06: 2025-11 property is 51 days overdue at 0.05 % a day; 2026-01 is not due.
    expect(overdue!.period).toBe('2025-11')
    expect(overdue!.amountFen).toBe(HOME_PROPERTY_FEN)
    expect(current!.period).toBe('2026-01')
    const late = Math.floor((HOME_PROPERTY_FEN * 5 * 51) / 10_000)
    expect(late).toBe(716)

    const created = await createPayment(h, [overdue!._id, current!._id])
    expect(created.payment.totalFen).toBe(HOME_PROPERTY_FEN + late + current!.amountFen)
    expect(created.payment.lines).toEqual([
      { type: 'bill', id: overdue!._id, title: `${overdue!.title}（含滞纳金）`, amountFen: HOME_PROPERTY_FEN + late, refundedFen: 0 },
      { type: 'bill', id: current!._id, title: current!.title, amountFen: current!.amountFen, refundedFen: 0 }
    ])
    // WeChat Pay is asked for exactly that amount.
    const order = sandboxOf(h).order(prepayIdOf(created.launch))
    expect(order?.totalFen).toBe(created.payment.totalFen)
    expect(order?.openid).toBe(WANG)
  })

  it('computes the late fee from the clock: ten days later the same bill costs more', async () => {
    const overdue = `${HOME}:fi-a-property:2025-11`
    const before = await createPayment(h, [overdue])
    h.clock.advance(10 * DAY)
    const after = await createPayment(h, [overdue])
    const b = await bill(h, overdue)
    expect(before.payment.totalFen).toBe(b.amountFen + lateFeeFen(b, RULE_A, h.clock.now() - 10 * DAY))
    expect(after.payment.totalFen).toBe(b.amountFen + Math.floor((b.amountFen * 5 * 61) / 10_000))
    expect(after.payment.totalFen - before.payment.totalFen).toBe(Math.floor((b.amountFen * 5 * 61) / 10_000) - 716)
  })

  it('refuses an amount from the client (strict schema) and writes nothing', async () => {
    const [id] = await unpaidIds(h)
    const before = await snapshot(h.store)
    const top = errorOf(await h.raw('pay', { action: 'create', communityId: COMMUNITY_A, input: { ...payInput([id!]), amountFen: 1 } }, WANG))
    expect(top.code).toBe('REQUEST.INVALID_INPUT')
    expect(top.fields?.map((f) => f.path)).toContain('amountFen')
    const nested = errorOf(
      await h.raw('pay', { action: 'create', communityId: COMMUNITY_A, input: { payables: [{ type: 'bill', id, amountFen: 1 }], clientRequestId: newCrid() } }, WANG)
    )
    expect(nested.code).toBe('REQUEST.INVALID_INPUT')
    expect(nested.fields?.map((f) => f.path)).toContain('payables.0.amountFen')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('a bill of another household or community, or no bill at all: PAY.PAYABLE_NOT_FOUND, nothing written', async () => {
    const [neighbours] = await unpaidIds(h, 'h-a1-102')
    const [otherCommunity] = await unpaidIds(h, 'h-b1-101')
    expect(neighbours && otherCommunity).toBeTruthy()
    const before = await snapshot(h.store)
    for (const id of [neighbours!, otherCommunity!, 'no-such-bill']) {
      const res = await h.call('pay.create', payInput([id]), WANG, COMMUNITY_A)
      expect(codeOf(res)).toBe('PAY.PAYABLE_NOT_FOUND')
    }
    // Mixed in with his own bill, still refused.
    const [own] = await unpaidIds(h)
    expect(codeOf(await h.call('pay.create', payInput([own!, neighbours!]), WANG, COMMUNITY_A))).toBe('PAY.PAYABLE_NOT_FOUND')
    // The owner of the other community's household cannot pay it from community A either.
    expect(codeOf(await h.call('pay.create', payInput([otherCommunity!]), as('u-b-resident'), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
    expect(sandboxOf(h).order('sbx_anything')).toBeUndefined()
  })

  it('a paid or cancelled bill: PAY.NOT_PAYABLE', async () => {
    const [paid, cancelled, fine] = await unpaidIds(h)
    await payBills(h, [paid!])
    expect(await h.store.update('bills', cancelled!, { set: { status: 'cancelled' } })).toBe(true)
    const count = (await payments()).length
    expect(codeOf(await h.call('pay.create', payInput([paid!]), WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
    expect(codeOf(await h.call('pay.create', payInput([cancelled!]), WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
    expect(codeOf(await h.call('pay.create', payInput([fine!, cancelled!]), WANG, COMMUNITY_A))).toBe('PAY.NOT_PAYABLE')
    expect((await payments()).length).toBe(count)
  })

  it('bills of two households in one payment: PAY.MIXED_HOUSEHOLDS', async () => {
    const [a] = await unpaidIds(h, HOME)
    const [b] = await unpaidIds(h, HOME2)
    expect(b).toBeDefined()
    expect(codeOf(await h.call('pay.create', payInput([a!, b!]), WANG, COMMUNITY_A))).toBe('PAY.MIXED_HOUSEHOLDS')
    expect(await payments()).toEqual([])
  })

  it('the same bill listed twice is charged once', async () => {
    const [id] = await unpaidIds(h)
    const created = await createPayment(h, [id!, id!])
    expect(created.payment.lines).toHaveLength(1)
  })
})

describe('the payment record', () => {
  it('exists, with its out_trade_no, before WeChat Pay is asked for a prepay id', async () => {
    const sandbox = sandboxOf(h)
    const real = sandbox.prepay.bind(sandbox)
    let seen: PaymentDoc | undefined
    let asked: PrepayRequest | undefined
    jest.spyOn(sandbox, 'prepay').mockImplementation(async (req) => {
      asked = req
      ;[seen] = await h.store.find('payments', { where: { outTradeNo: req.outTradeNo } })
      return real(req)
    })
    const ids = await unpaidIds(h)
    const created = await createPayment(h, ids.slice(0, 2))
    expect(seen?.status).toBe('created')
    expect(seen?._id).toBe(created.payment.id)
    expect(asked?.totalFen).toBe(seen?.totalFen)
    expect(asked?.outTradeNo).toMatch(/^[0-9A-Za-z_-]{6,32}$/)
    expect(asked?.expiresAt).toBe(h.clock.now() + PAYMENT_WINDOW_MS)
    expect(asked?.openid).toBe(WANG)
    const stored = await paymentDoc(h, created.payment.id)
    expect(stored.status).toBe('awaiting')
    expect(stored.prepayId).toBe(prepayIdOf(created.launch))
    expect(stored.outTradeNo).toBe(created.payment.outTradeNo)
    expect(stored.householdId).toBe(HOME)
    expect(stored.communityId).toBe(COMMUNITY_A)
  })

  it('a refused prepay leaves the payment failed and answers PAY.GATEWAY_FAILED', async () => {
    jest.spyOn(h.ports.payment, 'prepay').mockResolvedValue({ ok: false, reason: 'SYSTEMERROR' })
    const [id] = await unpaidIds(h)
    expect(codeOf(await h.call('pay.create', payInput([id!]), WANG, COMMUNITY_A))).toBe('PAY.GATEWAY_FAILED')
    const [p] = await payments()
    expect(p?.status).toBe('failed')
    expect(p?.anomaly).toBe('SYSTEMERROR')
    expect((await bill(h, id!)).status).toBe('unpaid')
  })

  it('created → awaiting → paid: bills paid with the payment id and the amount charged, one ledger entry', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const created = await createPayment(h, ids)
    expect(created.payment.status).toBe('awaiting')
    expect(created.launch).toEqual({ kind: 'sandbox', prepayId: expect.stringMatching(/^sbx_/) })
    expect(await confirm(h, created)).toBe(204)
    const p = await paymentDoc(h, created.payment.id)
    expect(p.status).toBe('paid')
    expect(p.settledAt).toBeDefined()
    expect(p.transactionId).toMatch(/^4200/)
    for (const line of created.payment.lines) {
      const b = await bill(h, line.id)
      expect(b).toMatchObject({ status: 'paid', paymentId: p._id, paidFen: line.amountFen })
    }
    const entries = await ledger(h, p._id)
    expect(entries).toEqual([expect.objectContaining({ _id: `pay:${p.outTradeNo}`, kind: 'payment', amountFen: p.totalFen, communityId: COMMUNITY_A })])
  })

  it('a resubmitted create with the same clientRequestId returns the same payment and cashier', async () => {
    const ids = await unpaidIds(h)
    const spy = jest.spyOn(sandboxOf(h), 'prepay')
    const first = await createPayment(h, ids.slice(0, 1), WANG, 'same-request-1')
    const again = await createPayment(h, ids.slice(0, 1), WANG, 'same-request-1')
    expect(again.payment.id).toBe(first.payment.id)
    expect(again.payment.outTradeNo).toBe(first.payment.outTradeNo)
    expect(again.launch).toEqual(first.launch)
    expect(spy).toHaveBeenCalledTimes(1)
    // Another member of the household using the same id is another request: not handed his
    // payment, and the bill has an open payment already, so she waits (issue 17).
    expect(codeOf(await h.call('pay.create', payInput(ids.slice(0, 1), 'same-request-1'), LI, COMMUNITY_A))).toBe('PAY.IN_PROGRESS')
    expect((await payments()).length).toBe(1)
  })

  it('10 parallel creates with one clientRequestId make one payment and one prepay', async () => {
    const ids = await unpaidIds(h)
    const spy = jest.spyOn(sandboxOf(h), 'prepay')
    const input = payInput(ids.slice(0, 3), 'parallel-request')
    const results = await Promise.all(Array.from({ length: 10 }, () => h.call('pay.create', input, WANG, COMMUNITY_A)))
    // Duplicates arriving while the first prepay is in flight are told so; none makes a payment.
    const views = results.filter((r) => r.ok).map(okData)
    const refused = results.filter((r) => !r.ok)
    expect(refused.every((r) => !r.ok && r.error.code === 'PAY.IN_PROGRESS')).toBe(true)
    expect(views.length).toBeGreaterThanOrEqual(1)
    expect(new Set(views.map((v) => v.payment.id)).size).toBe(1)
    expect(await payments()).toHaveLength(1)
    expect(spy).toHaveBeenCalledTimes(1)
    // Paying it settles every bill exactly once.
    const withLaunch = views.find((v) => v.launch)
    expect(withLaunch).toBeDefined()
    await confirm(h, withLaunch!)
    expect(await ledger(h)).toHaveLength(1)
  })
})

describe('pay.get', () => {
  it('an awaiting payment older than 5 s is looked up with WeChat Pay and a success applied', async () => {
    const hold = holdNotifications(h)
    const ids = (await unpaidIds(h)).slice(0, 2)
    const created = await createPayment(h, ids)
    await confirm(h, created)
    expect(hold.held).toHaveLength(1)
    const query = jest.spyOn(sandboxOf(h), 'query')

    h.clock.advance(4_000)
    expect(okData(await h.call('pay.get', { paymentId: created.payment.id }, WANG, COMMUNITY_A)).status).toBe('awaiting')
    expect(query).not.toHaveBeenCalled()

    h.clock.advance(2_000)
    const got = okData(await h.call('pay.get', { paymentId: created.payment.id }, WANG, COMMUNITY_A))
    expect(query).toHaveBeenCalledWith(created.payment.outTradeNo)
    expect(got.status).toBe('paid')
    expect(got.paidAt).not.toBeNull()
    for (const id of ids) expect((await bill(h, id)).status).toBe('paid')
    expect(await ledger(h)).toHaveLength(1)

    // The late notification then changes nothing.
    hold.restore()
    expect((await sandboxOf(h).send(hold.held[0]!)).status).toBe(204)
    expect(await ledger(h)).toHaveLength(1)
  })

  it('an unpaid order stays awaiting after the lookup', async () => {
    const created = await createPayment(h, (await unpaidIds(h)).slice(0, 1))
    h.clock.advance(10_000)
    expect(okData(await h.call('pay.get', { paymentId: created.payment.id }, WANG, COMMUNITY_A)).status).toBe('awaiting')
  })

  it('residents of other households and operators of other communities do not see it', async () => {
    const created = await createPayment(h, (await unpaidIds(h)).slice(0, 1))
    expect(okData(await h.call('pay.get', { paymentId: created.payment.id }, LI, COMMUNITY_A)).id).toBe(created.payment.id)
    expect(okData(await h.call('pay.get', { paymentId: created.payment.id }, OPERATOR, COMMUNITY_A)).id).toBe(created.payment.id)
    expect(codeOf(await h.call('pay.get', { paymentId: created.payment.id }, as('u-r2'), COMMUNITY_A))).toBe('PAY.NOT_FOUND')
    expect(codeOf(await h.call('pay.get', { paymentId: created.payment.id }, OPERATOR, COMMUNITY_B))).toBe('PAY.NOT_FOUND')
  })
})

describe('history, receipt and search', () => {
  it('show a paid payment to the household and the operator; a receipt only once paid', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const open = await createPayment(h, ids.slice(1))
    expect(codeOf(await h.call('pay.receipt', { paymentId: open.payment.id }, WANG, COMMUNITY_A))).toBe('PAY.NOT_PAID')
    const paid = await payBills(h, ids.slice(0, 1))

    const history = okData(await h.call('pay.history', { householdId: HOME }, LI, COMMUNITY_A))
    expect(history.payments.map((p) => p.id)).toEqual([paid._id])
    expect(codeOf(await h.call('pay.history', { householdId: HOME }, as('u-r2'), COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')

    const receipt = okData(await h.call('pay.receipt', { paymentId: paid._id }, WANG, COMMUNITY_A))
    expect(receipt).toMatchObject({ receiptNo: paid.outTradeNo, totalFen: paid.totalFen, refundedFen: 0, communityName: '临苑社区', householdLabel: '1栋 101' })
    expect(receipt.lines).toEqual(paid.lines.map((l) => ({ title: l.title, amountFen: l.amountFen })))

    const byNo = okData(await h.call('pay.search', { query: paid.outTradeNo }, OPERATOR, COMMUNITY_A))
    expect(byNo.payments.map((p) => p.id)).toEqual([paid._id])
    const byRoom = okData(await h.call('pay.search', { query: '1栋 101' }, OPERATOR, COMMUNITY_A))
    expect(byRoom.payments.map((p) => p.id)).toEqual([paid._id])
    expect(okData(await h.call('pay.search', { query: '' }, OPERATOR, COMMUNITY_B)).payments).toEqual([])
    expect(codeOf(await h.call('pay.search', { query: '' }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })

  it('history and search read a fixed number of times, however many payments they show (no read per payment)', async () => {
    const ids = await unpaidIds(h)
    const first = await payBills(h, ids.slice(0, 1))
    const reads = countReads(h)
    const measure = async () => {
      reads.reset()
      const history = okData(await h.call('pay.history', { householdId: HOME }, WANG, COMMUNITY_A))
      const historyReads = reads.total.calls
      reads.reset()
      const search = okData(await h.call('pay.search', { query: '1栋 101' }, OPERATOR, COMMUNITY_A))
      return { history, search, historyReads, searchReads: reads.total.calls, refundQueries: reads.of('refunds').calls, householdReads: reads.of('households').calls }
    }
    try {
      const one = await measure()
      expect(one.history.payments).toHaveLength(1)
      // Three more payments, one of them partly refunded, and one of another household (2栋 302).
      const more = [await payBills(h, ids.slice(1, 2)), await payBills(h, ids.slice(2, 3)), await payBills(h, ids.slice(3, 4))]
      const line = more[0]!.lines[0]!
      okData(await h.call('pay.refund', { paymentId: more[0]!._id, lines: [{ payableId: line.id, amountFen: 100 }], reason: '部分退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
      await sandboxOf(h).flush()
      await payBills(h, (await unpaidIds(h, HOME2)).slice(0, 1))
      const four = await measure()
      expect(four.history.payments.map((p) => p.id).sort()).toEqual([first._id, ...more.map((p) => p._id)].sort())
      expect(four.search.payments).toHaveLength(4)
      expect(four.history.payments.find((p) => p.id === more[0]!._id)).toMatchObject({ refundedFen: 100, householdLabel: '1栋 101', refunds: [expect.objectContaining({ amountFen: 100, status: 'succeeded' })] })
      expect(four.history.payments.every((p) => p.householdLabel === '1栋 101')).toBe(true)
      // The same reads for four payments as for one: refunds, households and buildings in one batch each.
      expect(four.historyReads).toBe(one.historyReads)
      expect(four.searchReads).toBe(one.searchReads)
      expect(four.refundQueries).toBe(1)
      expect(four.householdReads).toBe(1)
      const all = okData(await h.call('pay.search', { query: '' }, OPERATOR, COMMUNITY_A))
      expect(all.payments.map((p) => p.householdLabel).sort()).toEqual(['1栋 101', '1栋 101', '1栋 101', '1栋 101', '2栋 302'])
    } finally {
      reads.restore()
    }
  })

  it('the parking bill of 1栋 101 is 150 元 a month', async () => {
    const parking = (await billsOf(h, HOME)).filter((b: BillDoc) => b.kind === 'parking')
    expect(parking.map((b) => b.amountFen)).toEqual([HOME_PARKING_FEN, HOME_PARKING_FEN, HOME_PARKING_FEN])
  })
})
