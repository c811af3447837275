import type { Ports } from '../../kernel/ports'
import type { PaymentAnomalyDoc, PaymentDoc, RefundDoc } from './docs'

/**
 * The community of an anomaly nobody's payment explains (money under an out_trade_no we never
 * issued). The merchant account is the company's, so every operator is shown it.
 */
export const UNATTRIBUTED = '*'

/** Records something a person has to look at, once per `kind:key` (a repeat is a no-op), and logs it. */
export async function recordAnomaly(
  ports: Ports,
  payment: Pick<PaymentDoc, '_id' | 'communityId'>,
  kind: PaymentAnomalyDoc['kind'],
  detail: string,
  key: string,
  extra: Pick<PaymentAnomalyDoc, 'refundLines' | 'outTradeNo' | 'amountFen'> = {}
): Promise<void> {
  const doc: PaymentAnomalyDoc = { _id: `${kind}:${key}`, communityId: payment.communityId, paymentId: payment._id, kind, detail, createdAt: ports.clock.now(), ...extra }
  await ports.store.insert('paymentAnomalies', doc)
  ports.log.warn('payment anomaly', { paymentId: payment._id, kind, detail })
}

const ANOMALY_KEY = 'anomaly:'

/** The idempotency key of the refund an operator decided for an anomaly (attempt n from 1). */
export function anomalyRefundKey(anomalyId: string, attempt: number): string {
  return `${ANOMALY_KEY}${anomalyId}:${attempt}`
}

function parseAnomalyRefundKey(key: string): { anomalyId: string; attempt: number } | null {
  if (!key.startsWith(ANOMALY_KEY)) return null
  const at = key.lastIndexOf(':')
  const attempt = Number(key.slice(at + 1))
  return at > ANOMALY_KEY.length && Number.isInteger(attempt) ? { anomalyId: key.slice(ANOMALY_KEY.length, at), attempt } : null
}

/**
 * The refund decided for an anomaly (attempt `attempt`) failed: the decision is withdrawn and the
 * anomaly is open again, with the reason, so an operator decides anew (a new attempt, a new key).
 * Conditional on that attempt still being the decision: at most once, and never undoes a later one.
 */
export async function reopenAnomaly(ports: Ports, anomalyId: string, attempt: number, reason: string): Promise<boolean> {
  const reopened = await ports.store.update(
    'paymentAnomalies',
    anomalyId,
    { set: { lastFailure: reason.slice(0, 120) }, unset: ['resolution', 'resolvedBy', 'note', 'decidedAt', 'resolvedAt', 'refundId'] },
    { resolution: 'refund', attempts: attempt }
  )
  if (reopened) ports.log.warn('anomaly refund failed, anomaly reopened', { anomalyId, attempt, reason })
  return reopened
}

/**
 * An automatic refund WeChat Pay closed (or refused) after its payment was settled: nothing retries
 * it any more, so a person is told, with the lines it should have returned.
 */
export async function recordAutoRefundClosed(ports: Ports, refund: RefundDoc, reason: string): Promise<void> {
  await recordAnomaly(
    ports,
    { _id: refund.paymentId, communityId: refund.communityId },
    'auto_refund_closed',
    `自动退款 ${refund.outRefundNo}（${refund.amountFen} 分）失败（${reason}），不再重试，请人工处理`,
    refund.outRefundNo,
    { refundLines: refund.lines.map((l) => ({ payableId: l.payableId, amountFen: l.amountFen })) }
  )
}

/**
 * Called once per refund that failed for good (the claim of `→ failed`), so money owed back is
 * never silently dropped: a refund an operator decided for an anomaly reopens it; an automatic
 * refund of a payment already settled (nothing will retry it) becomes an `auto_refund_closed`
 * anomaly. An automatic refund of a payment not yet settled is retried by `settlePaid` under a
 * new key, which also records the anomaly if the failure lands while it settles.
 */
export async function noteRefundFailed(ports: Ports, refund: RefundDoc, reason: string): Promise<void> {
  const decided = parseAnomalyRefundKey(refund.idempotencyKey)
  if (decided) await reopenAnomaly(ports, decided.anomalyId, decided.attempt, `退款失败：${reason}`)
  if (!refund.automatic) return
  const payment = await ports.store.get('payments', refund.paymentId)
  if (payment?.settledAt) await recordAutoRefundClosed(ports, refund, reason)
}
