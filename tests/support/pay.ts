/**
 * Helpers for the payment and fee tests: the demo household in arrears, creating and confirming
 * payments through the real request path, reading the ledger, running jobs, and signing WeChat Pay
 * notifications with keys made here (so forged, tampered and both key modes can be tested).
 */
import { createHash, createSign, generateKeyPairSync } from 'node:crypto'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { PaymentViewT } from '../../cloudfunctions/contracts/pay'
import type { BillDoc } from '../../cloudfunctions/domain/fee/docs'
import type { LedgerDoc, PaymentDoc, RefundDoc } from '../../cloudfunctions/domain/payment/docs'
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import type { JobReport } from '../../cloudfunctions/kernel/module'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import type { LocalPorts } from '../../scripts/server/local-runtime'
import type { PaySandbox, SignedNotification } from '../../scripts/server/pay-sandbox'
import { okData } from '../handlers/support'
import { type Harness, as } from './harness'

export { COMMUNITY_A, COMMUNITY_B }
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** 王建国 owns 1栋 101 (in arrears since the seed's first month) and 2栋 302. */
export const WANG = as('u-wang')
/** 李秀英: family member of 1栋 101. */
export const LI = as('u-li')
export const OPERATOR = as('u-operator-wu')
export const HOME = 'h-a1-101'
export const HOME2 = 'h-a2-302'
/** 1栋 101: 100.37 m² at 2.80 元/m² (rounded half up) and one parking space at 150 元. */
export const HOME_PROPERTY_FEN = 28104
export const HOME_PARKING_FEN = 15000

export function sandboxOf(h: Harness): PaySandbox {
  return (h.ports as LocalPorts).sandbox
}

export async function billsOf(h: Harness, householdId: string, status?: BillDoc['status']): Promise<BillDoc[]> {
  const all = await findAll(h.store, 'bills', { householdId, ...(status ? { status } : {}) })
  return all.sort((a, b) => a.dueAt - b.dueAt || a._id.localeCompare(b._id))
}

export async function bill(h: Harness, id: string): Promise<BillDoc> {
  const b = await h.store.get('bills', id)
  if (!b) throw new Error(`no bill ${id}`)
  return b
}

export async function paymentDoc(h: Harness, id: string): Promise<PaymentDoc> {
  const p = await h.store.get('payments', id)
  if (!p) throw new Error(`no payment ${id}`)
  return p
}

/** The bill ids of a household's unpaid bills, oldest first: `[0]` is overdue with a late fee. */
export async function unpaidIds(h: Harness, householdId = HOME): Promise<string[]> {
  return (await billsOf(h, householdId, 'unpaid')).map((b) => b._id)
}

let crid = 0
export const newCrid = () => `crid-${String(++crid).padStart(6, '0')}`

export function payInput(billIds: readonly string[], clientRequestId = newCrid()) {
  return { payables: billIds.map((id) => ({ type: 'bill' as const, id })), clientRequestId }
}

/** `pay.create` as a resident of community A; throws unless it succeeds. */
export async function createPayment(h: Harness, billIds: readonly string[], who = WANG, clientRequestId = newCrid()) {
  return okData(await h.call('pay.create', payInput(billIds, clientRequestId), who, COMMUNITY_A))
}

export function prepayIdOf(launch: { kind: string; prepayId?: string } | null): string {
  if (!launch || launch.kind !== 'sandbox' || !launch.prepayId) throw new Error(`not a sandbox launch: ${JSON.stringify(launch)}`)
  return launch.prepayId
}

/** The payer confirms on the sandbox sheet: a signed TRANSACTION.SUCCESS reaches the notify handler. */
export async function confirm(h: Harness, created: { launch: { kind: string; prepayId?: string } | null }, opts: { amountFen?: number } = {}) {
  const res = await sandboxOf(h).confirm(prepayIdOf(created.launch), opts)
  if (!res.ok) throw new Error(`sandbox refused: ${res.reason}`)
  return res.status
}

/** Creates and pays; waits for follow-up notifications (automatic refunds). */
export async function payBills(h: Harness, billIds: readonly string[], who = WANG): Promise<PaymentDoc> {
  const created = await createPayment(h, billIds, who)
  expect(await confirm(h, created)).toBe(204)
  await sandboxOf(h).flush()
  return paymentDoc(h, created.payment.id)
}

/**
 * Notifications the sandbox sends are held instead of delivered (a lost or delayed notification).
 * `restore()` reconnects the sandbox to the real notify handler.
 */
export function holdNotifications(h: Harness): { held: SignedNotification[]; restore(): void } {
  const held: SignedNotification[] = []
  const sandbox = sandboxOf(h)
  sandbox.connect(async (headers, body) => {
    held.push({ headers, body })
    return { status: 204, body: '' }
  })
  return { held, restore: () => sandbox.connect((headers, body) => handlePayNotification(h.ports, headers, body)) }
}

export async function ledger(h: Harness, paymentId?: string): Promise<LedgerDoc[]> {
  return findAll(h.store, 'ledger', paymentId ? { paymentId } : undefined)
}

export const sumFen = (xs: readonly { amountFen: number }[]) => xs.reduce((n, x) => n + x.amountFen, 0)

export async function refundsOf(h: Harness, paymentId: string): Promise<RefundDoc[]> {
  return (await findAll(h.store, 'refunds', { paymentId })).sort((a, b) => a.createdAt - b.createdAt)
}

/** Runs a timer job through the function's main, as CloudBase's trigger would. */
export async function runJob(h: Harness, fn: 'pay' | 'fee', name: string): Promise<JobReport> {
  const res = (await h.raw(fn, { Type: 'Timer', TriggerName: name }, null)) as { ok: boolean; report?: JobReport; error?: string }
  if (!res.ok || !res.report) throw new Error(`job ${fn}/${name} failed: ${JSON.stringify(res)}`)
  return res.report
}

export interface Mismatch {
  kind: string
  ref: string
  detail: string
}

/** Runs `reconcile-payments` and returns community A's report as the operator reads it. */
export async function reconcile(h: Harness, communityId = COMMUNITY_A): Promise<{ total: number; mismatches: Mismatch[] }> {
  const report = await runJob(h, 'pay', 'reconcile-payments')
  const view = okData(await h.call('pay.reconciliation', {}, OPERATOR, communityId))
  return { total: Number(report.mismatches), mismatches: view.mismatches }
}

export const kinds = (ms: readonly Mismatch[]) => [...new Set(ms.map((m) => m.kind))].sort()

export function view(res: ApiResponse<PaymentViewT>): PaymentViewT {
  return okData(res)
}

// ---------------------------------------------------------------- keys and signatures

export interface KeyPair {
  privateKey: string
  publicKey: string
}

const pairs: KeyPair[] = []
/** The n-th RSA-2048 key pair of this test process (generated once, on first use). */
export function rsaKeyPair(n = 0): KeyPair {
  while (pairs.length <= n) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
    })
    pairs.push({ privateKey, publicKey })
  }
  return pairs[n]!
}

export interface SignOptions {
  /** Signs the headers (WeChat Pay's private key, or a forger's). */
  privateKey: string
  /** `Wechatpay-Serial`: a platform certificate serial or a `PUB_KEY_ID_...`. */
  keyId: string
  apiV3Key: string
  eventType?: string
  /** `transaction`, `refund`, or `mch_payment` (商家转账). */
  originalType?: string
  resource: Record<string, unknown>
  /** Unix seconds; defaults to `nowMs`. */
  timestamp?: number
  nowMs: number
  id?: string
  /** Changes the ciphertext after encryption (and before signing). */
  mangleCiphertext?: (c: string) => string
  /** Key used for encryption, if not `apiV3Key`. */
  encryptWith?: string
  associatedData?: string
  /** The envelope's `associated_data`, if it should differ from what was encrypted with. */
  declaredAssociatedData?: string
}

let nonceN = 0
/** A notification built as WeChat Pay's API v3 builds it: AEAD_AES_256_GCM resource, RSA-SHA256 signature. */
export function signNotification(o: SignOptions): SignedNotification {
  const originalType = o.originalType ?? 'transaction'
  const nonce = `nonce${String(++nonceN).padStart(7, '0')}`
  const ad = o.associatedData ?? originalType
  let ciphertext = Aes.AesGcm.encrypt(JSON.stringify(o.resource), o.encryptWith ?? o.apiV3Key, nonce, ad)
  if (o.mangleCiphertext) ciphertext = o.mangleCiphertext(ciphertext)
  const body = JSON.stringify({
    id: o.id ?? `EV-test-${nonceN}`,
    create_time: '2026-01-06T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: o.eventType ?? (originalType === 'transaction' ? 'TRANSACTION.SUCCESS' : 'REFUND.SUCCESS'),
    summary: 'test',
    resource: { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: o.declaredAssociatedData ?? ad, nonce }
  })
  const timestamp = String(o.timestamp ?? Math.floor(o.nowMs / 1000))
  const headerNonce = `HN${nonceN}ABCDEFGHIJKLMNOPQRSTUVWXYZ`
  return {
    headers: {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': headerNonce,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, headerNonce, body), Rsa.from(o.privateKey, Rsa.KEY_TYPE_PRIVATE)),
      'Wechatpay-Serial': o.keyId,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048'
    },
    body
  }
}

/** A decrypted TRANSACTION.SUCCESS resource as WeChat Pay sends it. */
export function transactionResource(outTradeNo: string, totalFen: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mchid: '1900000109',
    appid: 'wx0000000000000000',
    out_trade_no: outTradeNo,
    transaction_id: `4200000${outTradeNo.slice(-8)}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    success_time: '2026-01-06T10:00:00+08:00',
    payer: { openid: 'dev-u-wang' },
    amount: { total: totalFen, payer_total: totalFen, currency: 'CNY', payer_currency: 'CNY' },
    ...over
  }
}

export function refundResource(o: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; status: string }): Record<string, unknown> {
  return {
    mchid: '1900000109',
    out_trade_no: o.outTradeNo,
    transaction_id: '4200000000000000',
    out_refund_no: o.outRefundNo,
    refund_id: `50300${o.outRefundNo.slice(-8)}`,
    refund_status: o.status,
    ...(o.status === 'SUCCESS' ? { success_time: '2026-01-06T10:05:00+08:00' } : {}),
    user_received_account: '支付用户零钱',
    amount: { total: o.totalFen, refund: o.refundFen, payer_total: o.totalFen, payer_refund: o.refundFen }
  }
}

/** The sandbox's own keys: a notification signed with them is genuine for the local handler. */
export function sandboxSigner(h: Harness) {
  const k = sandboxOf(h).keys
  return (o: Omit<SignOptions, 'privateKey' | 'keyId' | 'apiV3Key' | 'nowMs'> & Partial<Pick<SignOptions, 'privateKey' | 'keyId' | 'apiV3Key'>>) =>
    signNotification({ privateKey: k.privateKey, keyId: k.keyId, apiV3Key: k.apiV3Key, nowMs: h.clock.now(), ...o })
}

/** CloudBase's HTTP access service event for a POST to /pay/notify (header names lower-cased, as gateways do). */
export function httpEvent(n: SignedNotification, opts: { base64?: boolean; method?: string } = {}) {
  return {
    httpMethod: opts.method ?? 'POST',
    path: '/pay/notify',
    headers: Object.fromEntries(Object.entries(n.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: opts.base64 ? Buffer.from(n.body, 'utf8').toString('base64') : n.body,
    isBase64Encoded: !!opts.base64
  }
}

// ---------------------------------------------------------------- a platform certificate

function der(tag: number, content: Buffer): Buffer {
  const n = content.length
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), len, content])
}
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts))
const oid = (hex: string) => der(0x06, Buffer.from(hex, 'hex'))
const SHA256_WITH_RSA = seq(oid('2a864886f70d01010b'), Buffer.from([0x05, 0x00]))
function positiveInt(hex: string): Buffer {
  const b = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  return der(0x02, b[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b)
}
function name(cn: string): Buffer {
  return seq(der(0x31, seq(oid('550403'), der(0x0c, Buffer.from(cn, 'utf8')))))
}
function utcTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'
  return der(0x17, Buffer.from(s, 'ascii'))
}

/**
 * A self-signed X.509 v3 certificate with the given serial (hex), like a WeChat Pay platform
 * certificate: the verifier reads the public key out of the certificate PEM.
 */
export function platformCertificate(pair: KeyPair, serialHex: string, cn = 'Tenpay.com Root CA (test)'): string {
  const spki = Buffer.from(pair.publicKey.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const tbs = seq(
    der(0xa0, positiveInt('02')),
    positiveInt(serialHex),
    SHA256_WITH_RSA,
    name(cn),
    seq(utcTime(new Date(Date.UTC(2025, 0, 1))), utcTime(new Date(Date.UTC(2035, 0, 1)))),
    name(cn),
    spki
  )
  const signature = createSign('sha256').update(tbs).sign(pair.privateKey)
  const cert = seq(tbs, SHA256_WITH_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])))
  const b64 = cert.toString('base64').replace(/(.{64})/g, '$1\n')
  return `-----BEGIN CERTIFICATE-----\n${b64}${b64.endsWith('\n') ? '' : '\n'}-----END CERTIFICATE-----\n`
}

/** A 32-character APIv3 key derived from a label, so tests are repeatable. */
export function apiV3Key(label: string): string {
  return createHash('sha256').update(label).digest('hex').slice(0, 32)
}
