import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { makeNotificationVerifier } from '../../cloudfunctions/adapters/wechatpay/notification'
import { rfc3339Shanghai } from '../../cloudfunctions/adapters/wechatpay/gateway'
import type { Clock, Random } from '../../cloudfunctions/kernel/ports'
import type { PaymentGateway, PrepayRequest, RefundOutcome, RefundRequest, RefundResult, Transaction } from '../../cloudfunctions/kernel/payment-gateway'

/**
 * The local stand-in for WeChat Pay, in the local server only (never bundled into a function).
 * It signs its notifications with a locally generated "WeChat Pay public key" pair and encrypts
 * them with a local APIv3 key, so the production verification and decryption code runs on
 * every local payment and test.
 */
export interface SandboxKeys {
  keyId: string
  privateKey: string
  publicKey: string
  apiV3Key: string
}

let cachedKeys: SandboxKeys | null = null
/** RSA generation takes a moment: one key set per process is plenty for a sandbox. */
export function sandboxKeys(): SandboxKeys {
  if (cachedKeys) return cachedKeys
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
  cachedKeys = {
    keyId: `PUB_KEY_ID_0114SANDBOX${randomBytes(6).toString('hex').toUpperCase()}`,
    privateKey,
    publicKey,
    apiV3Key: randomBytes(16).toString('hex')
  }
  return cachedKeys
}

export type Deliver = (headers: Record<string, string>, body: string) => Promise<{ status: number; body: string }>

interface SandboxOrder {
  outTradeNo: string
  prepayId: string
  totalFen: number
  openid: string
  expiresAt: number
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED'
  transactionId?: string
  successAt?: number
  refundedFen: number
}

export interface SignedNotification {
  headers: Record<string, string>
  body: string
}

/**
 * A notification signed with the sandbox's "WeChat Pay" key and encrypted with its APIv3 key, as
 * WeChat Pay's API v3 does it; payment and transfer sandboxes both send these.
 */
export function signSandboxNotification(
  keys: SandboxKeys,
  clock: Clock,
  random: Random,
  n: { eventType: string; originalType: string; summary: string; resource: Record<string, unknown> }
): SignedNotification {
  const nonce = random.code(12, 'abcdefghijklmnopqrstuvwxyz0123456789')
  const ciphertext = Aes.AesGcm.encrypt(JSON.stringify(n.resource), keys.apiV3Key, nonce, n.originalType)
  const body = JSON.stringify({
    id: `EV-${random.id(12)}`,
    create_time: rfc3339Shanghai(clock.now()),
    resource_type: 'encrypt-resource',
    event_type: n.eventType,
    summary: n.summary,
    resource: { original_type: n.originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: n.originalType, nonce }
  })
  const timestamp = String(Math.floor(clock.now() / 1000))
  const headerNonce = random.code(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
  const signature = Rsa.sign(Formatter.response(timestamp, headerNonce, body), Rsa.from(keys.privateKey, Rsa.KEY_TYPE_PRIVATE))
  return {
    headers: {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': headerNonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': keys.keyId,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048'
    },
    body
  }
}

export class PaySandbox implements PaymentGateway {
  readonly channel = 'sandbox' as const
  readonly keys = sandboxKeys()
  readonly verifyNotification: PaymentGateway['verifyNotification']
  private readonly orders = new Map<string, SandboxOrder>()
  private readonly byPrepay = new Map<string, string>()
  private readonly pending = new Set<Promise<unknown>>()
  private readonly refunds = new Map<string, RefundOutcome>()
  private deliver: Deliver | null = null

  constructor(
    private readonly clock: Clock,
    private readonly random: Random
  ) {
    this.verifyNotification = makeNotificationVerifier({ apiV3Key: this.keys.apiV3Key, publicKeys: { [this.keys.keyId]: this.keys.publicKey }, clock })
  }

  /** Where notifications go: the same handler WeChat Pay's notify_url reaches in CloudBase. */
  connect(deliver: Deliver): void {
    this.deliver = deliver
  }

  async prepay(req: PrepayRequest) {
    const prepayId = `sbx_${this.random.id(12)}`
    this.orders.set(req.outTradeNo, { ...req, prepayId, state: 'NOTPAY', refundedFen: 0 })
    this.byPrepay.set(prepayId, req.outTradeNo)
    return { ok: true as const, prepayId, launch: { kind: 'sandbox' as const, prepayId } }
  }

  order(prepayId: string): SandboxOrder | undefined {
    const no = this.byPrepay.get(prepayId)
    return no ? this.orders.get(no) : undefined
  }

  /**
   * The payer confirmed on the sandbox sheet: the order succeeds and a signed, encrypted
   * TRANSACTION.SUCCESS notification is delivered. `amountFen` lets tests report a wrong amount.
   */
  async confirm(prepayId: string, opts: { amountFen?: number } = {}): Promise<{ ok: true; status: number } | { ok: false; reason: string }> {
    const order = this.order(prepayId)
    if (!order) return { ok: false, reason: '订单不存在或已失效' }
    if (order.state === 'CLOSED') return { ok: false, reason: '订单已关闭' }
    if (order.state === 'NOTPAY') {
      order.state = 'SUCCESS'
      order.transactionId = `4200${this.clock.now()}${this.random.code(6, '0123456789')}`
      order.successAt = this.clock.now()
    }
    const reply = await this.send(this.transactionNotification(order, opts.amountFen))
    return { ok: true, status: reply.status }
  }

  transactionNotification(order: SandboxOrder, amountFen = order.totalFen): SignedNotification {
    return this.sign('TRANSACTION.SUCCESS', 'transaction', '支付成功', {
      mchid: '1900000109',
      appid: 'wx0000000000000000',
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId,
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: rfc3339Shanghai(order.successAt ?? this.clock.now()),
      payer: { openid: order.openid },
      amount: { total: amountFen, payer_total: amountFen, currency: 'CNY', payer_currency: 'CNY' }
    })
  }

  /** A notification signed and encrypted exactly as WeChat Pay's API v3 does it. */
  sign(eventType: string, originalType: string, summary: string, resource: Record<string, unknown>): SignedNotification {
    return signSandboxNotification(this.keys, this.clock, this.random, { eventType, originalType, summary, resource })
  }

  async send(n: SignedNotification): Promise<{ status: number; body: string }> {
    if (!this.deliver) throw new Error('pay sandbox is not connected to a notify handler')
    const p = this.deliver(n.headers, n.body)
    this.pending.add(p)
    try {
      return await p
    } finally {
      this.pending.delete(p)
    }
  }

  /** Waits for notifications in flight (refund notifications are sent after the call returns). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending])
  }

  async query(outTradeNo: string): Promise<Transaction> {
    const o = this.orders.get(outTradeNo)
    if (!o) return { outTradeNo, transactionId: null, tradeState: 'NOT_FOUND', totalFen: null, successAt: null }
    return { outTradeNo, transactionId: o.transactionId ?? null, tradeState: o.state, totalFen: o.totalFen, successAt: o.successAt ?? null }
  }

  async queryRefund(outRefundNo: string): Promise<RefundOutcome | null> {
    return this.refunds.get(outRefundNo) ?? null
  }

  async close(outTradeNo: string): Promise<void> {
    const o = this.orders.get(outTradeNo)
    if (o && o.state === 'NOTPAY') o.state = 'CLOSED'
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    // Like WeChat Pay, the same out_refund_no is the same refund: a resubmission refunds nothing more.
    const known = this.refunds.get(req.outRefundNo)
    if (known) return { ok: true, status: known.status === 'SUCCESS' ? 'SUCCESS' : 'PROCESSING', refundId: known.refundId }
    const o = this.orders.get(req.outTradeNo)
    if (!o || o.state !== 'SUCCESS') return { ok: false, reason: 'ORDER_NOT_PAID', definite: true }
    // WeChat Pay refuses refunds beyond the paid total; the sandbox does too.
    if (o.refundedFen + req.refundFen > o.totalFen) return { ok: false, reason: 'NOT_ENOUGH', definite: true }
    o.refundedFen += req.refundFen
    const refundId = `5030${this.clock.now()}${this.random.code(6, '0123456789')}`
    this.refunds.set(req.outRefundNo, {
      outTradeNo: req.outTradeNo,
      outRefundNo: req.outRefundNo,
      refundId,
      status: 'SUCCESS',
      refundFen: req.refundFen,
      successAt: this.clock.now()
    })
    const note = this.sign('REFUND.SUCCESS', 'refund', '退款成功', {
      mchid: '1900000109',
      out_trade_no: req.outTradeNo,
      transaction_id: o.transactionId,
      out_refund_no: req.outRefundNo,
      refund_id: refundId,
      refund_status: 'SUCCESS',
      success_time: rfc3339Shanghai(this.clock.now()),
      user_received_account: '支付用户零钱',
      amount: { total: req.totalFen, refund: req.refundFen, payer_total: req.totalFen, payer_refund: req.refundFen }
    })
    // Like WeChat Pay, the outcome arrives as a separate notification after the call returns.
    const later = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.send(note))
    this.pending.add(later)
    void later.finally(() => this.pending.delete(later))
    return { ok: true, status: 'PROCESSING', refundId }
  }
}
