/**
 * WeChat Pay notifications with real signatures and real AES-256-GCM encryption, through the notify
 * handler (the sandbox delivers to it as notify_url would) and through the CloudBase HTTP entry.
 * A forged or tampered notification changes nothing; a genuine one is applied exactly once however
 * often it repeats; a wrong amount marks nothing paid; money paid for a bill that was settled
 * another way meanwhile is refunded automatically; a payment closed as expired that was in fact
 * paid is applied.
 */
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { HttpResponse } from '../../cloudfunctions/kernel/http-main'
import { MAX_NOTIFY_BODY_BYTES, createPayMain } from '../../cloudfunctions/pay/http-entry'
import { localRuntime } from '../../scripts/server/local-runtime'
import type { SignedNotification } from '../../scripts/server/pay-sandbox'
import { type Harness, makeHarness } from '../support/harness'
import {
  HOME,
  LI,
  MINUTE,
  WANG,
  bill,
  confirm,
  createPayment,
  holdNotifications,
  httpEvent,
  kinds,
  ledger,
  paymentDoc,
  prepayIdOf,
  reconcile,
  refundsOf,
  rsaKeyPair,
  runJob,
  sandboxOf,
  sandboxSigner,
  sumFen,
  transactionResource,
  unpaidIds
} from '../support/pay'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const notifications = () => findAll(h.store, 'payNotifications')
const anomalies = () => findAll(h.store, 'paymentAnomalies')
/** What a notification may change: nothing of it may move when one is refused. */
async function moneyState() {
  return {
    payments: await findAll(h.store, 'payments'),
    bills: await findAll(h.store, 'bills', { householdId: HOME }),
    ledger: await ledger(h),
    notifications: await notifications(),
    anomalies: await anomalies()
  }
}

/** An open payment of two bills of 1栋 101 and its sandbox order. */
async function openPayment(billCount = 2, who = WANG) {
  const ids = (await unpaidIds(h)).slice(0, billCount)
  const created = await createPayment(h, ids, who)
  const order = sandboxOf(h).order(prepayIdOf(created.launch))
  if (!order) throw new Error('no sandbox order')
  return { created, ids, order, paymentId: created.payment.id, outTradeNo: created.payment.outTradeNo, totalFen: created.payment.totalFen }
}

const deliver = (n: SignedNotification) => handlePayNotification(h.ports, n.headers, n.body)

async function expectUnpaid(paymentId: string, billIds: readonly string[]) {
  expect((await paymentDoc(h, paymentId)).status).toBe('awaiting')
  for (const id of billIds) expect((await bill(h, id)).status).toBe('unpaid')
  expect(await ledger(h)).toEqual([])
}

describe('a genuine notification', () => {
  it('is verified, decrypted and applied: payment paid, bills paid, one ledger entry', async () => {
    const o = await openPayment()
    const sign = sandboxSigner(h)
    const n = sign({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    expect(await deliver(n)).toEqual({ status: 204, body: '' })
    const p = await paymentDoc(h, o.paymentId)
    expect(p.status).toBe('paid')
    expect(p.transactionId).toBe(`4200000${o.outTradeNo.slice(-8)}`)
    expect(p.paidAt).toBe(Date.parse('2026-01-06T10:00:00+08:00'))
    for (const id of o.ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: o.paymentId })
    expect(await ledger(h)).toEqual([expect.objectContaining({ kind: 'payment', paymentId: o.paymentId, amountFen: o.totalFen })])
    const [record] = await notifications()
    expect(record).toMatchObject({ eventType: 'TRANSACTION.SUCCESS', outTradeNo: o.outTradeNo, outcome: 'applied', deliveries: 1 })
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('a non-success trade state (NOTPAY) is acknowledged and changes nothing', async () => {
    const o = await openPayment()
    const n = sandboxSigner(h)({ eventType: 'TRANSACTION.SUCCESS', resource: transactionResource(o.outTradeNo, o.totalFen, { trade_state: 'NOTPAY' }) })
    expect((await deliver(n)).status).toBe(204)
    await expectUnpaid(o.paymentId, o.ids)
    expect((await notifications())[0]?.outcome).toBe('not_paid')
  })

  it('for an unknown out_trade_no is acknowledged and recorded, nothing paid', async () => {
    const n = sandboxSigner(h)({ resource: transactionResource('P20260106UNKNOWN0000001', 100) })
    expect((await deliver(n)).status).toBe(204)
    expect((await notifications())[0]?.outcome).toBe('unknown_payment')
    expect(await ledger(h)).toEqual([])
  })
})

describe('a refused notification changes nothing (401)', () => {
  let o: Awaited<ReturnType<typeof openPayment>>
  let before: Awaited<ReturnType<typeof moneyState>>
  beforeEach(async () => {
    o = await openPayment()
    before = await moneyState()
  })
  afterEach(async () => {
    expect(await moneyState()).toEqual(before)
    // The genuine notification still works afterwards.
    expect((await deliver(sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) }))).status).toBe(204)
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
  })

  async function refused(n: SignedNotification, reason: string | RegExp) {
    const reply = await deliver(n)
    expect(reply.status).toBe(401)
    const body = JSON.parse(reply.body) as { code: string; message: string }
    expect(body.code).toBe('FAIL')
    expect(body.message).toMatch(reason)
  }

  it('forged: signed with another RSA key under the right serial', async () => {
    const forger = rsaKeyPair(1)
    await refused(sandboxSigner(h)({ privateKey: forger.privateKey, resource: transactionResource(o.outTradeNo, o.totalFen) }), 'bad signature')
  })

  it('tampered ciphertext (then signed with the genuine key): the AEAD tag fails', async () => {
    const flip = (c: string) => {
      const buf = Buffer.from(c, 'base64')
      buf[5] = buf[5]! ^ 0x01
      return buf.toString('base64')
    }
    await refused(sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen), mangleCiphertext: flip }), 'resource does not decrypt')
  })

  it('encrypted with another APIv3 key', async () => {
    await refused(sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen), encryptWith: 'x'.repeat(32) }), 'resource does not decrypt')
  })

  it('tampered body after signing', async () => {
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    await refused({ headers: n.headers, body: n.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ') }, 'bad signature')
    const other = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    // A valid body with another notification's signature.
    await refused({ headers: n.headers, body: other.body }, 'bad signature')
  })

  it('a re-serialised body (same JSON, other bytes)', async () => {
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    await refused({ headers: n.headers, body: JSON.stringify(JSON.parse(n.body), null, 1) }, 'bad signature')
  })

  it('unknown Wechatpay-Serial', async () => {
    await refused(sandboxSigner(h)({ keyId: 'PUB_KEY_ID_0114UNKNOWN', resource: transactionResource(o.outTradeNo, o.totalFen) }), /unknown Wechatpay-Serial/)
    await refused(sandboxSigner(h)({ keyId: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', resource: transactionResource(o.outTradeNo, o.totalFen) }), /unknown Wechatpay-Serial/)
  })

  it('stale timestamp (more than 5 minutes old) or from the future', async () => {
    const now = Math.floor(h.clock.now() / 1000)
    await refused(sandboxSigner(h)({ timestamp: now - 301, resource: transactionResource(o.outTradeNo, o.totalFen) }), 'stale or future timestamp')
    await refused(sandboxSigner(h)({ timestamp: now + 301, resource: transactionResource(o.outTradeNo, o.totalFen) }), 'stale or future timestamp')
    // A genuine notification replayed six minutes later.
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    h.clock.advance(6 * MINUTE)
    await refused(n, 'stale or future timestamp')
    h.clock.advance(-6 * MINUTE)
  })

  it('missing or garbled signature headers', async () => {
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    for (const drop of ['Wechatpay-Signature', 'Wechatpay-Serial', 'Wechatpay-Timestamp', 'Wechatpay-Nonce']) {
      const headers = { ...n.headers }
      delete headers[drop]
      await refused({ headers, body: n.body }, 'missing signature headers')
    }
    await refused({ headers: { ...n.headers, 'Wechatpay-Signature': 'not base64 at all!' }, body: n.body }, 'bad signature')
    await refused({ headers: { ...n.headers, 'Wechatpay-Timestamp': 'yesterday' }, body: n.body }, 'stale or future timestamp')
  })
})

describe('repeats', () => {
  it('the same notification 10 times is applied once: one ledger entry, bills paid once, 10 deliveries', async () => {
    const o = await openPayment(3)
    const hold = holdNotifications(h)
    await confirm(h, o.created)
    hold.restore()
    const [n] = hold.held
    const replies = []
    for (let i = 0; i < 10; i++) replies.push(await sandboxOf(h).send(n!))
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(204))
    expect(await ledger(h)).toHaveLength(1)
    expect(sumFen(await ledger(h))).toBe(o.totalFen)
    for (const id of o.ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: o.paymentId })
    const [record] = await notifications()
    expect(record).toMatchObject({ deliveries: 10, outcome: 'already_applied' })
    expect(await notifications()).toHaveLength(1)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('10 concurrent deliveries of it are applied once too', async () => {
    const o = await openPayment(3)
    const hold = holdNotifications(h)
    await confirm(h, o.created)
    hold.restore()
    const replies = await Promise.all(Array.from({ length: 10 }, () => sandboxOf(h).send(hold.held[0]!)))
    expect(replies.every((r) => r.status === 204)).toBe(true)
    expect(await ledger(h)).toHaveLength(1)
    const paidBy = await findAll(h.store, 'bills', { paymentId: o.paymentId })
    expect(paidBy.map((b) => b._id).sort()).toEqual([...o.ids].sort())
    expect((await notifications())[0]?.deliveries).toBe(10)
    expect((await paymentDoc(h, o.paymentId)).settledAt).toBeDefined()
  })

  it('a repeat finishes a settle that crashed after the claim (paid, no ledger, bills unpaid)', async () => {
    const o = await openPayment(2)
    const hold = holdNotifications(h)
    await confirm(h, o.created)
    hold.restore()
    // The first delivery claimed `→ paid` and died before anything else.
    await h.store.update('payments', o.paymentId, { set: { status: 'paid', paidAt: h.clock.now(), transactionId: o.order.transactionId ?? '' } })
    expect((await sandboxOf(h).send(hold.held[0]!)).status).toBe(204)
    const p = await paymentDoc(h, o.paymentId)
    expect(p.settledAt).toBeDefined()
    for (const id of o.ids) expect(await bill(h, id)).toMatchObject({ status: 'paid', paymentId: o.paymentId })
    expect(await ledger(h)).toEqual([expect.objectContaining({ amountFen: o.totalFen })])
    expect((await notifications())[0]?.outcome).toBe('already_applied')
  })

  it('WeChat Pay re-signing the same notification id later counts as a repeat', async () => {
    const o = await openPayment()
    const sign = sandboxSigner(h)
    expect((await deliver(sign({ id: 'EV-same', resource: transactionResource(o.outTradeNo, o.totalFen) }))).status).toBe(204)
    h.clock.advance(10 * MINUTE)
    expect((await deliver(sign({ id: 'EV-same', resource: transactionResource(o.outTradeNo, o.totalFen) }))).status).toBe(204)
    expect(await ledger(h)).toHaveLength(1)
    expect(await notifications()).toEqual([expect.objectContaining({ _id: 'EV-same', deliveries: 2 })])
  })
})

describe('a wrong amount', () => {
  it('marks the payment anomaly, nothing paid, an anomaly record, no ledger entry', async () => {
    const o = await openPayment()
    const res = await sandboxOf(h).confirm(prepayIdOf(o.created.launch), { amountFen: o.totalFen - 1 })
    expect(res).toEqual({ ok: true, status: 204 })
    const p = await paymentDoc(h, o.paymentId)
    expect(p.status).toBe('anomaly')
    expect(p.anomaly).toBe(`amount ${o.totalFen - 1} != ${o.totalFen}`)
    for (const id of o.ids) expect((await bill(h, id)).status).toBe('unpaid')
    expect(await ledger(h)).toEqual([])
    expect(await anomalies()).toEqual([expect.objectContaining({ kind: 'amount_mismatch', paymentId: o.paymentId })])
    expect((await notifications())[0]?.outcome).toBe('amount_mismatch')
    // Held for a person: a later notification with the right amount does not apply it either.
    await sandboxOf(h).confirm(prepayIdOf(o.created.launch))
    expect((await paymentDoc(h, o.paymentId)).status).toBe('anomaly')
    expect(await ledger(h)).toEqual([])
    expect(kinds((await reconcile(h)).mismatches)).toEqual(['payment_anomaly'])
  })

  it('a wrong amount arriving after the payment was applied does not undo it', async () => {
    const o = await openPayment()
    await confirm(h, o.created)
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen + 100) })
    expect((await deliver(n)).status).toBe(204)
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
    expect(await ledger(h)).toHaveLength(1)
  })
})

describe('paid after the bill was settled another way', () => {
  it('cancelled while the payment was open: paid, the line refunded automatically, ledger balanced', async () => {
    const o = await openPayment(1)
    const [billId] = o.ids
    expect(await h.store.update('bills', billId!, { set: { status: 'cancelled' } })).toBe(true)
    await confirm(h, o.created)
    const p = await paymentDoc(h, o.paymentId)
    expect(p.status).toBe('paid')
    const [auto] = await refundsOf(h, o.paymentId)
    expect(auto).toMatchObject({ automatic: true, amountFen: o.totalFen, lines: [{ key: 'l0', payableId: billId, amountFen: o.totalFen }] })
    await sandboxOf(h).flush()
    const [done] = await refundsOf(h, o.paymentId)
    expect(done?.status).toBe('succeeded')
    expect((await bill(h, billId!)).status).toBe('cancelled')
    const entries = await ledger(h, o.paymentId)
    expect(entries.map((e) => e.kind).sort()).toEqual(['payment', 'refund'])
    expect(sumFen(entries)).toBe(0)
    expect((await paymentDoc(h, o.paymentId)).settledAt).toBeDefined()
    expect(await anomalies()).toEqual([expect.objectContaining({ kind: 'paid_after_settled', detail: billId })])
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('paid by another member meanwhile: only that line is refunded, the other bill is paid', async () => {
    const ids = (await unpaidIds(h)).slice(0, 2)
    const mine = await createPayment(h, ids, WANG)
    // He pays at the last moment and the notification is lost; once his payment's window is over
    // its bills are free, and a family member pays one of them. The sweep then finds his.
    const hold = holdNotifications(h)
    await confirm(h, mine)
    hold.restore()
    h.clock.advance(17 * MINUTE)
    const hers = await createPayment(h, ids.slice(0, 1), LI)
    await confirm(h, hers)
    await runJob(h, 'pay', 'close-expired-payments')
    await sandboxOf(h).flush()
    const p = await paymentDoc(h, mine.payment.id)
    expect(p.status).toBe('paid')
    const line0 = p.lines.find((l) => l.id === ids[0])!
    const line1 = p.lines.find((l) => l.id === ids[1])!
    // The bill keeps the payment that settled it first.
    expect(await bill(h, ids[0]!)).toMatchObject({ status: 'paid', paymentId: hers.payment.id })
    expect(await bill(h, ids[1]!)).toMatchObject({ status: 'paid', paymentId: mine.payment.id })
    const refunds = await refundsOf(h, p._id)
    expect(refunds).toEqual([expect.objectContaining({ automatic: true, status: 'succeeded', amountFen: line0.amountFen })])
    expect(sumFen(await ledger(h, p._id))).toBe(line1.amountFen)
    expect(sumFen(await ledger(h, hers.payment.id))).toBe(line0.amountFen)
    expect(sandboxOf(h).order(prepayIdOf(mine.launch))?.refundedFen).toBe(line0.amountFen)
    // A repeated notification after all that starts no second refund.
    await confirm(h, mine)
    await sandboxOf(h).flush()
    expect(await refundsOf(h, p._id)).toHaveLength(1)
    expect((await reconcile(h)).mismatches).toEqual([])
  })
})

describe('an expired payment that was in fact paid', () => {
  it('closed by the expiry job on a stale order query, then notified: applied, money not lost', async () => {
    const o = await openPayment()
    const hold = holdNotifications(h)
    await confirm(h, o.created) // paid at WeChat Pay; the notification is delayed
    h.clock.advance(17 * MINUTE)
    // The order query answered NOTPAY (the payer paid between query and close).
    jest.spyOn(sandboxOf(h), 'query').mockResolvedValueOnce({ outTradeNo: o.outTradeNo, transactionId: null, tradeState: 'NOTPAY', totalFen: o.totalFen, successAt: null })
    expect(await runJob(h, 'pay', 'close-expired-payments')).toMatchObject({ closed: 1, recovered: 0 })
    expect((await paymentDoc(h, o.paymentId)).status).toBe('closed')
    // WeChat Pay retries the notification (re-signed at its new time).
    hold.restore()
    expect((await sandboxOf(h).send(sandboxOf(h).transactionNotification(o.order))).status).toBe(204)
    const p = await paymentDoc(h, o.paymentId)
    expect(p.status).toBe('paid')
    for (const id of o.ids) expect((await bill(h, id)).status).toBe('paid')
    expect(sumFen(await ledger(h))).toBe(o.totalFen)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('closed as expired and its bill then paid by another payment: the late money is refunded', async () => {
    const o = await openPayment(1)
    const hold = holdNotifications(h)
    await confirm(h, o.created)
    h.clock.advance(17 * MINUTE)
    jest.spyOn(sandboxOf(h), 'query').mockResolvedValueOnce({ outTradeNo: o.outTradeNo, transactionId: null, tradeState: 'NOTPAY', totalFen: o.totalFen, successAt: null })
    await runJob(h, 'pay', 'close-expired-payments')
    hold.restore()
    const again = await createPayment(h, o.ids)
    await confirm(h, again)
    await sandboxOf(h).send(sandboxOf(h).transactionNotification(o.order))
    await sandboxOf(h).flush()
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
    expect(await refundsOf(h, o.paymentId)).toEqual([expect.objectContaining({ automatic: true, status: 'succeeded' })])
    expect(sumFen(await ledger(h, o.paymentId))).toBe(0)
    expect(sumFen(await ledger(h))).toBe(again.payment.totalFen)
    expect((await reconcile(h)).mismatches).toEqual([])
  })
})

describe('the CloudBase HTTP entry (/pay/notify through the kernel HTTP entry)', () => {
  const runtime = () => localRuntime(h.ports)
  /** The deployed `main` of `pay`, handed the HTTP access service's event. */
  async function handleNotifyHttp(event: unknown, rt = runtime()): Promise<HttpResponse> {
    const res = await createPayMain(rt)(event)
    if (!('statusCode' in res)) throw new Error(`not an HTTP reply: ${JSON.stringify(res)}`)
    return res
  }

  it('routes HTTP-shaped events to the notify route, mini-program calls to the request path', async () => {
    const main = createPayMain(runtime())
    expect(await main({ action: 'create', input: {} })).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } })
    expect(await main(null)).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } })
    expect(await main({ httpMethod: 'POST', path: '/pay/other', headers: {}, body: '' })).toMatchObject({ statusCode: 404 })
    // An empty body reaches the notify route and fails its signature check.
    expect(await main({ httpMethod: 'POST', path: '/pay/notify', headers: {}, body: '' })).toMatchObject({ statusCode: 401 })
  })

  it('refuses a body over the limit before verifying it; nothing changes', async () => {
    const o = await openPayment()
    const before = await moneyState()
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen, { padding: 'x'.repeat(MAX_NOTIFY_BODY_BYTES) }) })
    const verify = jest.spyOn(sandboxOf(h), 'verifyNotification')
    const reply = await handleNotifyHttp(httpEvent(n))
    expect(reply.statusCode).toBe(413)
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'FAIL' })
    expect(verify).not.toHaveBeenCalled()
    expect(await moneyState()).toEqual(before)
  })

  it('applies a genuine notification, plain or base64 body, with lower-cased headers', async () => {
    const o = await openPayment()
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    const reply = await handleNotifyHttp(httpEvent(n, { base64: true }))
    expect(reply).toMatchObject({ statusCode: 204, body: '', isBase64Encoded: false })
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
    const again = await handleNotifyHttp(httpEvent(n))
    expect(again.statusCode).toBe(204)
    expect(await ledger(h)).toHaveLength(1)
    expect((await notifications())[0]?.deliveries).toBe(2)
  })

  it('refuses forged, tampered and stale notifications and other methods; nothing changes', async () => {
    const o = await openPayment()
    const before = await moneyState()
    const sign = sandboxSigner(h)
    const forged = sign({ privateKey: rsaKeyPair(1).privateKey, resource: transactionResource(o.outTradeNo, o.totalFen) })
    expect((await handleNotifyHttp(httpEvent(forged))).statusCode).toBe(401)
    const genuine = sign({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    const tampered = { ...httpEvent(genuine), body: genuine.body.replace('"summary":"test"', '"summary":"tset"') }
    expect(tampered.body).not.toBe(genuine.body)
    expect((await handleNotifyHttp(tampered)).statusCode).toBe(401)
    // base64 flag lying about the body: the decoded bytes are not what was signed.
    expect((await handleNotifyHttp({ ...httpEvent(genuine), isBase64Encoded: true })).statusCode).toBe(401)
    const stale = sign({ timestamp: Math.floor(h.clock.now() / 1000) - 400, resource: transactionResource(o.outTradeNo, o.totalFen) })
    expect((await handleNotifyHttp(httpEvent(stale))).statusCode).toBe(401)
    const get = await handleNotifyHttp(httpEvent(genuine, { method: 'GET' }))
    expect(get.statusCode).toBe(405)
    expect(await moneyState()).toEqual(before)
  })

  it('an unexpected error answers 500 (WeChat Pay retries) and the retry applies it', async () => {
    const o = await openPayment()
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    // The payment's first write fails: nothing is paid, and WeChat Pay is told to retry.
    jest.spyOn(h.store, 'update').mockRejectedValueOnce(new Error('database unavailable'))
    const reply = await handleNotifyHttp(httpEvent(n))
    expect(reply.statusCode).toBe(500)
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'FAIL' })
    expect(h.logs.some((l) => l.level === 'error' && l.msg === 'pay notification failed')).toBe(true)
    expect((await paymentDoc(h, o.paymentId)).status).toBe('awaiting')
    expect((await handleNotifyHttp(httpEvent(n))).statusCode).toBe(204)
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
    expect(await ledger(h)).toHaveLength(1)
  })

  it('a notification whose own record fails still answers 500, and its retry applies nothing twice', async () => {
    const o = await openPayment()
    const n = sandboxSigner(h)({ resource: transactionResource(o.outTradeNo, o.totalFen) })
    // The record of the delivery and its application run together: the payment is applied, the
    // record is not, and WeChat Pay retries.
    jest.spyOn(h.store, 'insert').mockRejectedValueOnce(new Error('database unavailable'))
    expect((await handleNotifyHttp(httpEvent(n))).statusCode).toBe(500)
    expect((await handleNotifyHttp(httpEvent(n))).statusCode).toBe(204)
    expect((await paymentDoc(h, o.paymentId)).status).toBe('paid')
    expect(await ledger(h)).toHaveLength(1)
  })
})
