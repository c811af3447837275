import type { RefundOutcome, Transaction } from '../../kernel/payment-gateway'
import type { Ports } from '../../kernel/ports'
import { UNATTRIBUTED, recordAnomaly, recordAutoRefundClosed } from './anomalies'
import type { LedgerDoc, PaymentDoc, RefundDoc } from './docs'
import { failRefund, markRefundAbnormal, requestRefund } from './refund'
import { PAYABLES, PAYMENT_LISTENERS } from './registry'
import { tellListeners } from './listeners'
import { refundsOf, succeededByLine } from './view'

export type ApplyOutcome = 'applied' | 'already_applied' | 'not_paid' | 'unknown_payment' | 'amount_mismatch'

async function byOutTradeNo(ports: Ports, outTradeNo: string): Promise<PaymentDoc | null> {
  const [p] = await ports.store.find('payments', { where: { outTradeNo }, limit: 1 })
  return p ?? null
}

/**
 * Applies a successful transaction, whatever reported it (notification, order query, expiry
 * job). The claim `→ paid` is one conditional update; everything after it is idempotent and runs
 * on every delivery until the payment is settled, so a crash halfway is finished by the retry.
 */
export async function applyTransaction(ports: Ports, tx: Transaction): Promise<ApplyOutcome> {
  if (tx.tradeState !== 'SUCCESS') return 'not_paid'
  const payment = await byOutTradeNo(ports, tx.outTradeNo)
  if (!payment) {
    // Money may have been taken under a number we never issued: a person must look at it. The
    // notification is still acknowledged (WeChat Pay would only repeat it), and a repeat records nothing new.
    const amount = tx.totalFen === null ? '金额未知' : `${tx.totalFen} 分`
    await recordAnomaly(ports, { _id: '', communityId: UNATTRIBUTED }, 'unknown_payment', `微信支付报告商户订单号 ${tx.outTradeNo} 已付款（${amount}，交易号 ${tx.transactionId ?? '无'}），系统中没有这笔支付`, tx.outTradeNo, {
      outTradeNo: tx.outTradeNo,
      ...(tx.totalFen === null ? {} : { amountFen: tx.totalFen })
    })
    return 'unknown_payment'
  }
  if (tx.totalFen !== payment.totalFen) {
    // Never mark anything paid on a wrong amount: hold it for a person to look at.
    // What WeChat Pay took is kept (`paidFen`): an operator may decide to refund all of it.
    await ports.store.update(
      'payments',
      payment._id,
      { set: { status: 'anomaly', anomaly: `amount ${tx.totalFen} != ${payment.totalFen}`, paidFen: tx.totalFen, transactionId: tx.transactionId ?? '', updatedAt: ports.clock.now() } },
      { status: { in: ['created', 'awaiting', 'closed', 'failed'] } }
    )
    await recordAnomaly(ports, payment, 'amount_mismatch', `通知金额 ${tx.totalFen} 分，应付 ${payment.totalFen} 分`, payment.outTradeNo)
    return 'amount_mismatch'
  }
  const paidAt = tx.successAt ?? ports.clock.now()
  const set = { status: 'paid' as const, transactionId: tx.transactionId ?? '', paidAt, updatedAt: ports.clock.now() }
  const claimed = await ports.store.update('payments', payment._id, { set }, { status: { in: ['created', 'awaiting', 'closed', 'failed'] } })
  // Claimed here: the payment is what was read, paid now. Otherwise someone else moved it: read it.
  const fresh = claimed ? { ...payment, ...set } : await ports.store.get('payments', payment._id)
  if (!fresh || fresh.status !== 'paid') return 'not_paid'
  if (fresh.settledAt && !claimed) return 'already_applied'
  await settlePaid(ports, fresh)
  return claimed ? 'applied' : 'already_applied'
}

/** Definite failures of a payment's automatic refund before it is left to a person (anomaly `auto_refund_failed`). */
export const MAX_AUTO_REFUND_ATTEMPTS = 5

/**
 * The idempotent follow-ups of a paid payment: ledger, payables, automatic refunds, and the
 * listeners (membership points). The listeners run alongside and do not hold up `settledAt`:
 * their failures are logged, never ours, and their own catch-up job makes them good.
 */
export async function settlePaid(ports: Ports, payment: PaymentDoc): Promise<void> {
  // Settled: both finish before the request answers, even when the payables' part throws.
  const [, payables] = await Promise.allSettled([tellListeners(ports, PAYMENT_LISTENERS, `settled ${payment.outTradeNo}`, (l) => l.onSettled(ports, payment)), settlePayables(ports, payment)])
  if (payables.status === 'rejected') throw payables.reason
}

async function settlePayables(ports: Ports, payment: PaymentDoc): Promise<void> {
  const entry: LedgerDoc = {
    _id: `pay:${payment.outTradeNo}`,
    kind: 'payment',
    communityId: payment.communityId,
    paymentId: payment._id,
    amountFen: payment.totalFen,
    at: payment.paidAt ?? ports.clock.now(),
    bookedAt: ports.clock.now()
  }
  // The ledger entry and each line's payable are independent and each idempotent: all at once.
  // Points are earned on every line; a line refunded below gives them back when the refund succeeds.
  const [, outcomes] = await Promise.all([ports.store.insert('ledger', entry), Promise.all(payment.lines.map((line) => PAYABLES[line.type].onPaid(ports, payment, line)))])
  const unsettled = payment.lines.flatMap((line, i) => (outcomes[i] === 'already_settled' ? [{ payableId: line.id, amountFen: line.amountFen }] : []))
  let autoRefund: RefundDoc | null = null
  if (unsettled.length > 0) {
    await recordAnomaly(ports, payment, 'paid_after_settled', unsettled.map((u) => u.payableId).join(','), payment.outTradeNo)
    // A failed automatic refund is retried under a new key; a processing or done one is reused.
    const failedBefore = await ports.store.count('refunds', { paymentId: payment._id, automatic: true, status: 'failed' })
    if (failedBefore >= MAX_AUTO_REFUND_ATTEMPTS) {
      // WeChat Pay keeps refusing: stop asking, and leave the money to a person. The payment is
      // settled below, so neither the sweep nor a repeated notification starts another attempt.
      ports.log.error('automatic refund given up', { paymentId: payment._id, attempts: failedBefore })
      await recordAnomaly(ports, payment, 'auto_refund_failed', `自动退款失败 ${failedBefore} 次，已停止重试，请人工退款：${unsettled.map((u) => u.payableId).join(',')}`, payment.outTradeNo, {
        refundLines: unsettled
      })
    } else {
      const res = await requestRefund(ports, payment, {
        lines: unsettled,
        reason: '账单已结清或已取消，自动退款',
        idempotencyKey: `auto:${payment.outTradeNo}:${failedBefore}`,
        requestedBy: 'system',
        automatic: true
      })
      // A gateway failure leaves the payment unsettled: the next delivery or the expiry job retries.
      if (!res.ok) return
      if (res.value.status === 'failed') {
        ports.log.error('automatic refund failed', { paymentId: payment._id })
        return
      }
      autoRefund = res.value
    }
  }
  await ports.store.update('payments', payment._id, { set: { settledAt: ports.clock.now() } })
  if (autoRefund) {
    // WeChat Pay may have closed the refund while this ran, before the payment counted as settled
    // (so the failure left it to this run): nothing retries it now, so a person is told.
    const now = await ports.store.get('refunds', autoRefund._id)
    if (now?.status === 'failed') await recordAutoRefundClosed(ports, now, now.failure ?? 'FAILED')
  }
}

export type RefundApplyOutcome = 'succeeded' | 'already_applied' | 'failed' | 'abnormal' | 'processing' | 'unknown_refund'

/**
 * A refund's final state from WeChat Pay: claim once, then idempotent ledger and payable updates.
 * ABNORMAL is not a failure: the money may be held for manual handling, so the reservation stays
 * and an anomaly is recorded; a later SUCCESS (or CLOSED) from WeChat Pay still settles it.
 */
export async function applyRefundOutcome(ports: Ports, outcome: RefundOutcome): Promise<RefundApplyOutcome> {
  const [refund] = await ports.store.find('refunds', { where: { outRefundNo: outcome.outRefundNo }, limit: 1 })
  if (!refund) return 'unknown_refund'
  if (outcome.status === 'PROCESSING') return 'processing'
  if (outcome.status === 'ABNORMAL') {
    await markRefundAbnormal(ports, refund)
    return 'abnormal'
  }
  if (outcome.status !== 'SUCCESS') {
    await failRefund(ports, refund, outcome.status)
    return 'failed'
  }
  if (outcome.refundFen !== refund.amountFen) ports.log.error('refund amount differs', { outRefundNo: refund.outRefundNo, notified: outcome.refundFen, requested: refund.amountFen })
  const payment = await ports.store.get('payments', refund.paymentId)
  const claimed = await ports.store.update(
    'refunds',
    refund._id,
    { set: { status: 'succeeded', succeededAt: outcome.successAt ?? ports.clock.now(), refundId: outcome.refundId } },
    { status: { in: ['processing', 'abnormal'] } }
  )
  const fresh = await ports.store.get('refunds', refund._id)
  if (fresh?.status !== 'succeeded') return 'failed'
  // The whole refund of a payment held as an anomaly: its money never entered the ledger and
  // settled no payable, so neither the ledger, the payables nor the listeners hear of it.
  if (payment?.status === 'anomaly') return claimed ? 'succeeded' : 'already_applied'
  const entry: LedgerDoc = {
    _id: `refund:${refund.outRefundNo}`,
    kind: 'refund',
    communityId: refund.communityId,
    paymentId: refund.paymentId,
    refundId: refund._id,
    amountFen: -refund.amountFen,
    at: fresh.succeededAt ?? ports.clock.now(),
    bookedAt: ports.clock.now()
  }
  await ports.store.insert('ledger', entry)
  if (payment) {
    const byLine = succeededByLine(await refundsOf(ports, payment._id))
    for (const l of refund.lines) {
      const line = payment.lines.find((x) => x.key === l.key)
      if (line) await PAYABLES[line.type].onRefunded(ports, payment, line, byLine.get(line.key) ?? 0)
    }
    await tellListeners(ports, PAYMENT_LISTENERS, `refund ${refund.outRefundNo}`, (l) => l.onRefundSucceeded(ports, payment, fresh))
  }
  return claimed ? 'succeeded' : 'already_applied'
}
