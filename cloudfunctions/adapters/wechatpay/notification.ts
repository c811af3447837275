import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import type { Clock } from '../../kernel/ports'
import type { NotificationCheck, RefundOutcome, Transaction } from '../../kernel/payment-gateway'

export interface VerifierConfig {
  apiV3Key: string
  /** By `Wechatpay-Serial`: platform certificate serials and/or the `PUB_KEY_ID_...` key id. */
  publicKeys: Record<string, string>
  clock: Clock
  /** Notifications older or newer than this are refused as replays. */
  maxSkewMs?: number
}

interface Envelope {
  id?: unknown
  event_type?: unknown
  resource?: { algorithm?: unknown; ciphertext?: unknown; associated_data?: unknown; nonce?: unknown; original_type?: unknown }
}

function lower(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out[k.toLowerCase()] = v
  return out
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null
}

function toTransaction(r: Record<string, unknown>): Transaction | null {
  const outTradeNo = str(r.out_trade_no)
  const state = str(r.trade_state)
  if (!outTradeNo || !state) return null
  const amount = (r.amount ?? {}) as Record<string, unknown>
  const success = str(r.success_time)
  return {
    outTradeNo,
    transactionId: str(r.transaction_id),
    tradeState: state as Transaction['tradeState'],
    totalFen: num(amount.total),
    successAt: success ? Date.parse(success) : null
  }
}

function toRefund(r: Record<string, unknown>): RefundOutcome | null {
  const outTradeNo = str(r.out_trade_no)
  const outRefundNo = str(r.out_refund_no)
  const status = str(r.refund_status)
  const amount = (r.amount ?? {}) as Record<string, unknown>
  const refund = num(amount.refund)
  if (!outTradeNo || !outRefundNo || !status || refund === null) return null
  const success = str(r.success_time)
  return {
    outTradeNo,
    outRefundNo,
    refundId: str(r.refund_id) ?? '',
    status: status as RefundOutcome['status'],
    refundFen: refund,
    successAt: success ? Date.parse(success) : null
  }
}

/** A notification whose signature checked out and whose resource decrypted, not yet read. */
export type OpenedNotification = { ok: true; id: string; eventType: string; plain: Record<string, unknown> } | { ok: false; reason: string }

/**
 * Opens a WeChat Pay notification exactly as the API v3 docs require: the signature over
 * `timestamp\nnonce\nbody\n` with the key named by Wechatpay-Serial (certificate or public-key
 * mode), a fresh timestamp, then AEAD_AES_256_GCM decryption of the resource with the APIv3 key.
 * Payments and transfers share it; each reads its own resource.
 */
export function makeNotificationOpener(cfg: VerifierConfig) {
  const keys = Object.fromEntries(Object.entries(cfg.publicKeys).map(([id, pem]) => [id, Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC)]))
  const maxSkew = cfg.maxSkewMs ?? 5 * 60_000
  return function open(headers: Readonly<Record<string, string | undefined>>, body: string): OpenedNotification {
    const h = lower(headers)
    const timestamp = h['wechatpay-timestamp']
    const nonce = h['wechatpay-nonce']
    const signature = h['wechatpay-signature']
    const serial = h['wechatpay-serial']
    if (!timestamp || !nonce || !signature || !serial) return { ok: false, reason: 'missing signature headers' }
    const key = keys[serial]
    if (!key) return { ok: false, reason: `unknown Wechatpay-Serial ${serial.slice(0, 40)}` }
    const ts = Number(timestamp) * 1000
    if (!Number.isFinite(ts) || Math.abs(cfg.clock.now() - ts) > maxSkew) return { ok: false, reason: 'stale or future timestamp' }
    let valid = false
    try {
      valid = Rsa.verify(Formatter.response(timestamp, nonce, body), signature, key)
    } catch {
      valid = false
    }
    if (!valid) return { ok: false, reason: 'bad signature' }

    let envelope: Envelope
    try {
      envelope = JSON.parse(body) as Envelope
    } catch {
      return { ok: false, reason: 'body is not JSON' }
    }
    const id = str(envelope.id)
    const eventType = str(envelope.event_type)
    const res = envelope.resource
    if (!id || !eventType || !res || res.algorithm !== 'AEAD_AES_256_GCM') return { ok: false, reason: 'unexpected envelope' }
    try {
      const text = Aes.AesGcm.decrypt(str(res.ciphertext) ?? '', cfg.apiV3Key, str(res.nonce) ?? '', str(res.associated_data) ?? '')
      return { ok: true, id, eventType, plain: JSON.parse(text) as Record<string, unknown> }
    } catch {
      return { ok: false, reason: 'resource does not decrypt' }
    }
  }
}

/** Payment notifications (TRANSACTION.*, REFUND.*), opened as above. */
export function makeNotificationVerifier(cfg: VerifierConfig) {
  const open = makeNotificationOpener(cfg)
  return function verify(headers: Readonly<Record<string, string | undefined>>, body: string): NotificationCheck {
    const opened = open(headers, body)
    if (!opened.ok) return opened
    const { id, eventType, plain } = opened
    if (eventType.startsWith('TRANSACTION.')) {
      const transaction = toTransaction(plain)
      return transaction ? { ok: true, notification: { kind: 'transaction', id, eventType, transaction } } : { ok: false, reason: 'bad transaction resource' }
    }
    if (eventType.startsWith('REFUND.')) {
      const refund = toRefund(plain)
      return refund ? { ok: true, notification: { kind: 'refund', id, eventType, refund } } : { ok: false, reason: 'bad refund resource' }
    }
    return { ok: false, reason: `unhandled event ${eventType}` }
  }
}
