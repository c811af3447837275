import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { applyRefundOutcome, applyTransaction, settlePaid } from './apply'
import { failRefund, markRefundAbnormal, resumeRefund } from './refund'
import type { LedgerDoc, PaymentDoc, ReconciliationDoc, RefundDoc } from './docs'

/** Grace after expiry before closing, so a payment made in the last seconds is not closed. */
const CLOSE_GRACE_MS = 60_000

/**
 * Every few minutes: payments past their window are looked up with WeChat Pay (order query). A
 * lost notification is applied from the query; an unpaid order is closed so it cannot be paid
 * later. Paid payments whose follow-ups were interrupted are finished here too.
 */
export async function closeExpiredPayments(ports: Ports): Promise<{ closed: number; recovered: number; resettled: number }> {
  const now = ports.clock.now()
  let closed = 0
  let recovered = 0
  let resettled = 0
  const due = { status: { in: ['created', 'awaiting'] }, expiresAt: { lt: now - CLOSE_GRACE_MS } }
  for await (const batch of pages<PaymentDoc>(ports.store, 'payments', due)) {
    for (const p of batch) {
      // One payment WeChat Pay cannot answer for (or one paid between query and close, which
      // close refuses) must not stop the sweep: it is logged and looked at again next run.
      try {
        const tx = await ports.payment.query(p.outTradeNo)
        if (tx.tradeState === 'SUCCESS') {
          if ((await applyTransaction(ports, tx)) === 'applied') recovered++
          continue
        }
        if (tx.tradeState !== 'NOT_FOUND') await ports.payment.close(p.outTradeNo)
        const done = await ports.store.update('payments', p._id, { set: { status: 'closed', updatedAt: now } }, { status: { in: ['created', 'awaiting'] } })
        if (done) closed++
      } catch (e) {
        ports.log.error('expiring a payment failed', { outTradeNo: p.outTradeNo, error: String(e) })
      }
    }
  }
  const unsettled = { status: 'paid', settledAt: null, paidAt: { lt: now - CLOSE_GRACE_MS } }
  for await (const batch of pages<PaymentDoc>(ports.store, 'payments', unsettled)) {
    for (const p of batch) {
      await settlePaid(ports, p)
      resettled++
    }
  }
  const refunds = await syncPendingRefunds(ports)
  return { closed, recovered, resettled, ...refunds }
}

/** Refunds still processing after this long are asked about (WeChat Pay usually answers in seconds). */
const REFUND_SYNC_AFTER_MS = 2 * 60_000

/**
 * Refunds whose outcome is unknown (a lost notification, or a refund call that timed out) are
 * settled by asking WeChat Pay. One it never received is sent again under the same
 * out_refund_no, which WeChat Pay treats as the same refund, so money never leaves twice; one
 * cut short before its reservation is finished (reserved once, then sent).
 */
export async function syncPendingRefunds(ports: Ports): Promise<{ refundsSettled: number; refundsResent: number }> {
  const now = ports.clock.now()
  let refundsSettled = 0
  let refundsResent = 0
  for await (const batch of pages<RefundDoc>(ports.store, 'refunds', { status: 'processing', createdAt: { lt: now - REFUND_SYNC_AFTER_MS } })) {
    for (const r of batch) {
      try {
        await syncRefund(r)
      } catch (e) {
        ports.log.error('refund sync failed', { outRefundNo: r.outRefundNo, error: String(e) })
      }
    }
  }
  return { refundsSettled, refundsResent }

  async function syncRefund(r: RefundDoc): Promise<void> {
    const outcome = await ports.payment.queryRefund(r.outRefundNo)
    if (outcome) {
      const applied = await applyRefundOutcome(ports, outcome)
      if (applied === 'succeeded' || applied === 'failed') refundsSettled++
      return
    }
    if (!r.reserved) {
      const resumed = await resumeRefund(ports, r)
      if (resumed.ok && resumed.value.reserved) refundsResent++
      return
    }
    const payment = await ports.store.get<PaymentDoc>('payments', r.paymentId)
    if (!payment) return
    const res = await ports.payment.refund({ outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo, refundFen: r.amountFen, totalFen: payment.totalFen, reason: r.reason })
    if (res.ok && res.status === 'ABNORMAL') await markRefundAbnormal(ports, r)
    else if (res.ok) refundsResent++
    else if (res.definite) await failRefund(ports, r, res.reason)
  }
}

type Mismatch = ReconciliationDoc['mismatches'][number]

/**
 * Daily: compares payments, refunds and the ledger and reports every mismatch per community.
 * It only reads and reports; money is never moved by reconciliation.
 */
export async function reconcilePayments(ports: Ports): Promise<{ communities: number; mismatches: number }> {
  const payments = new Map<string, PaymentDoc>()
  const refunds = new Map<string, RefundDoc>()
  const ledger = new Map<string, LedgerDoc>()
  for await (const b of pages<PaymentDoc>(ports.store, 'payments')) for (const p of b) payments.set(p._id, p)
  for await (const b of pages<RefundDoc>(ports.store, 'refunds')) for (const r of b) refunds.set(r._id, r)
  for await (const b of pages<LedgerDoc>(ports.store, 'ledger')) for (const e of b) ledger.set(e._id, e)

  const byCommunity = new Map<string, { mismatches: Mismatch[]; payments: number; refunds: number; ledger: number }>()
  const bucket = (c: string) => {
    let b = byCommunity.get(c)
    if (!b) byCommunity.set(c, (b = { mismatches: [], payments: 0, refunds: 0, ledger: 0 }))
    return b
  }
  const now = ports.clock.now()
  for (const p of payments.values()) {
    const b = bucket(p.communityId)
    b.payments++
    const entry = ledger.get(`pay:${p.outTradeNo}`)
    if (p.status === 'paid' && !entry) b.mismatches.push({ kind: 'paid_without_ledger', ref: p.outTradeNo, detail: `已支付 ${p.totalFen} 分，账本无入账` })
    if (p.status !== 'paid' && entry) b.mismatches.push({ kind: 'ledger_without_payment', ref: p.outTradeNo, detail: `账本入账 ${entry.amountFen} 分，支付状态为 ${p.status}` })
    if (entry && entry.amountFen !== p.totalFen) b.mismatches.push({ kind: 'ledger_amount', ref: p.outTradeNo, detail: `账本 ${entry.amountFen} 分，支付 ${p.totalFen} 分` })
    if (p.status === 'anomaly') b.mismatches.push({ kind: 'payment_anomaly', ref: p.outTradeNo, detail: p.anomaly ?? '' })
    if (p.status === 'paid' && !p.settledAt) b.mismatches.push({ kind: 'payment_unsettled', ref: p.outTradeNo, detail: '已支付但后续处理未完成' })
    const own = [...refunds.values()].filter((r) => r.paymentId === p._id)
    const reserved = own.filter((r) => r.reserved && r.status !== 'failed').reduce((n, r) => n + r.amountFen, 0)
    if (reserved !== p.refundReservedFen) b.mismatches.push({ kind: 'refund_reservation', ref: p.outTradeNo, detail: `预留 ${p.refundReservedFen} 分，退款单合计 ${reserved} 分` })
    const succeeded = own.filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amountFen, 0)
    if (succeeded > p.totalFen) b.mismatches.push({ kind: 'over_refunded', ref: p.outTradeNo, detail: `退款 ${succeeded} 分超过实付 ${p.totalFen} 分` })
  }
  for (const r of refunds.values()) {
    const b = bucket(r.communityId)
    b.refunds++
    const entry = ledger.get(`refund:${r.outRefundNo}`)
    if (r.status === 'succeeded' && !entry) b.mismatches.push({ kind: 'refund_without_ledger', ref: r.outRefundNo, detail: `退款成功 ${r.amountFen} 分，账本无出账` })
    if (r.status !== 'succeeded' && entry) b.mismatches.push({ kind: 'ledger_without_refund', ref: r.outRefundNo, detail: `账本出账，退款状态为 ${r.status}` })
    if (entry && entry.amountFen !== -r.amountFen) b.mismatches.push({ kind: 'ledger_amount', ref: r.outRefundNo, detail: `账本 ${entry.amountFen} 分，退款 ${r.amountFen} 分` })
    if (r.status === 'processing' && now - r.createdAt > 24 * 3600_000) b.mismatches.push({ kind: 'refund_stuck', ref: r.outRefundNo, detail: '退款处理超过 24 小时' })
    if (r.status === 'abnormal') b.mismatches.push({ kind: 'refund_abnormal', ref: r.outRefundNo, detail: `退款 ${r.amountFen} 分异常，资金待人工处理（已保留可退额度）` })
  }
  for (const e of ledger.values()) {
    const b = bucket(e.communityId)
    b.ledger++
    if (!payments.has(e.paymentId)) b.mismatches.push({ kind: 'ledger_orphan', ref: e._id, detail: '账本条目找不到对应支付' })
  }
  let total = 0
  for (const [communityId, b] of byCommunity) {
    const report: ReconciliationDoc = { _id: communityId, ranAt: now, payments: b.payments, refunds: b.refunds, ledgerEntries: b.ledger, mismatches: b.mismatches.slice(0, 500) }
    const { _id: _ignored, ...fields } = report
    if (!(await ports.store.update('reconciliations', communityId, { set: fields }))) await ports.store.insert('reconciliations', report)
    for (const m of b.mismatches) ports.log.warn('reconciliation mismatch', { communityId, ...m })
    total += b.mismatches.length
  }
  return { communities: byCommunity.size, mismatches: total }
}
