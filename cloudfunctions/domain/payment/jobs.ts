import { put } from '../../kernel/put'
import { getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { MAX_PAGE } from '../../kernel/store'
import { applyRefundOutcome, applyTransaction, settlePaid } from './apply'
import { chargedFen, failRefund, markRefundAbnormal, resumeRefund } from './refund'
import type { PaymentDoc, ReconciliationDoc, RefundDoc } from './docs'
import { releaseClaims } from './open-payments'
import { refundsByPayment } from './view'
import { DAY_MS, shanghaiMidnight } from '../../contracts/shanghai'

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
  for await (const batch of pages(ports.store, 'payments', due)) {
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
        if (done) {
          closed++
          await releaseClaims(ports, p)
        }
      } catch (e) {
        ports.log.error('expiring a payment failed', { outTradeNo: p.outTradeNo, error: String(e) })
      }
    }
  }
  const unsettled = { status: 'paid', settledAt: null, paidAt: { lt: now - CLOSE_GRACE_MS } }
  for await (const batch of pages(ports.store, 'payments', unsettled)) {
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
  for await (const batch of pages(ports.store, 'refunds', { status: 'processing', createdAt: { lt: now - REFUND_SYNC_AFTER_MS } })) {
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
    // WeChat Pay never had a cash refund: only one cut short before its reservation is finished here.
    if (r.cash) {
      if (!r.reserved) await resumeRefund(ports, r)
      return
    }
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
    const payment = await ports.store.get('payments', r.paymentId)
    if (!payment) return
    const res = await ports.payment.refund({ outTradeNo: r.outTradeNo, outRefundNo: r.outRefundNo, refundFen: r.amountFen, totalFen: chargedFen(payment), reason: r.reason })
    if (res.ok && res.status === 'ABNORMAL') await markRefundAbnormal(ports, r)
    else if (res.ok) refundsResent++
    else if (res.definite) await failRefund(ports, r, res.reason)
  }
}

type Mismatch = ReconciliationDoc['mismatches'][number]

/** The first millisecond of the Asia/Shanghai calendar day holding `t`. */
export const shanghaiDayStart = shanghaiMidnight

/** Yesterday (complete when the job runs at 02:30) and today so far. */
export const RECONCILE_DAYS = 2
/** At most this many mismatches are kept in a community's report (all are logged and counted). */
const MAX_REPORTED = 500

export interface ReconcileOptions {
  /** Asia/Shanghai calendar days reconciled, ending with today's. */
  days?: number
  /** Rows per query page: at most CloudBase's 1000. */
  pageSize?: number
}

/**
 * Daily: compares payments, refunds and the ledger and reports every mismatch per community.
 * It only reads and reports; money is never moved by reconciliation.
 *
 * Memory and reads are bounded: it goes community by community and day window by day window
 * (Asia/Shanghai days, {@link RECONCILE_DAYS} of them), reading that day's payments, refunds and
 * ledger entries by index one page at a time; each page fetches what it is compared with (ledger
 * entries by id, refunds grouped by payment in one query) and is then dropped. A payment created
 * earlier is checked again when one of the day's refunds touches it. States that must not last
 * (anomalies no one resolved, unsettled payments, stuck or abnormal refunds) are looked up by
 * index whatever their day, so they are reported every day until someone acts. The report holds
 * the counts of the days reconciled.
 */
export async function reconcilePayments(ports: Ports, opts: ReconcileOptions = {}): Promise<{ communities: number; mismatches: number }> {
  const now = ports.clock.now()
  const days = opts.days ?? RECONCILE_DAYS
  const pageSize = opts.pageSize ?? MAX_PAGE
  const first = shanghaiDayStart(now) - (days - 1) * DAY_MS
  const windows = Array.from({ length: days }, (_, i) => ({ gte: first + i * DAY_MS, lt: first + (i + 1) * DAY_MS }))
  let communities = 0
  let total = 0
  for await (const batch of pages(ports.store, 'communities', undefined, pageSize)) {
    for (const community of batch) {
      const r = await reconcileCommunity(ports, community._id, windows, pageSize, now)
      if (r.payments + r.refunds + r.ledger === 0 && r.count === 0) continue
      const report: ReconciliationDoc = { _id: community._id, ranAt: now, payments: r.payments, refunds: r.refunds, ledgerEntries: r.ledger, mismatches: r.mismatches }
      await put(ports.store, 'reconciliations', report)
      communities++
      total += r.count
    }
  }
  return { communities, mismatches: total }
}

async function reconcileCommunity(ports: Ports, communityId: string, windows: readonly { gte: number; lt: number }[], pageSize: number, now: number) {
  const { store } = ports
  const acc = { payments: 0, refunds: 0, ledger: 0, count: 0, mismatches: [] as Mismatch[] }
  const report = (m: Mismatch) => {
    acc.count++
    if (acc.mismatches.length < MAX_REPORTED) acc.mismatches.push(m)
    ports.log.warn('reconciliation mismatch', { communityId, ...m })
  }
  /** Payments already compared in this run (ids only): one created earlier may be touched by several refunds. */
  const checked = new Set<string>()

  const checkPayments = async (list: readonly PaymentDoc[]) => {
    const todo = list.filter((p) => !checked.has(p._id))
    if (todo.length === 0) return
    for (const p of todo) checked.add(p._id)
    const [entries, refunds] = await Promise.all([
      getMany(store, 'ledger', todo.map((p) => `pay:${p.outTradeNo}`)),
      refundsByPayment(ports, todo.map((p) => p._id), pageSize)
    ])
    for (const p of todo) {
      const entry = entries.get(`pay:${p.outTradeNo}`)
      if (p.status === 'paid' && !entry) report({ kind: 'paid_without_ledger', ref: p.outTradeNo, detail: `已支付 ${p.totalFen} 分，账本无入账` })
      if (p.status !== 'paid' && entry) report({ kind: 'ledger_without_payment', ref: p.outTradeNo, detail: `账本入账 ${entry.amountFen} 分，支付状态为 ${p.status}` })
      if (entry && entry.amountFen !== p.totalFen) report({ kind: 'ledger_amount', ref: p.outTradeNo, detail: `账本 ${entry.amountFen} 分，支付 ${p.totalFen} 分` })
      const own = refunds.get(p._id) ?? []
      const reserved = own.filter((r) => r.reserved && r.status !== 'failed').reduce((n, r) => n + r.amountFen, 0)
      if (reserved !== p.refundReservedFen) report({ kind: 'refund_reservation', ref: p.outTradeNo, detail: `预留 ${p.refundReservedFen} 分，退款单合计 ${reserved} 分` })
      const succeeded = own.filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amountFen, 0)
      if (succeeded > chargedFen(p)) report({ kind: 'over_refunded', ref: p.outTradeNo, detail: `退款 ${succeeded} 分超过实付 ${chargedFen(p)} 分` })
    }
  }

  for (const window of windows) {
    for await (const page of pages(store, 'payments', { communityId, createdAt: window }, pageSize)) {
      acc.payments += page.length
      await checkPayments(page)
    }
    for await (const page of pages(store, 'refunds', { communityId, createdAt: window }, pageSize)) {
      acc.refunds += page.length
      const [entries, owners] = await Promise.all([
        getMany(store, 'ledger', page.map((r) => `refund:${r.outRefundNo}`)),
        getMany(store, 'payments', page.map((r) => r.paymentId))
      ])
      for (const r of page) {
        const entry = entries.get(`refund:${r.outRefundNo}`)
        // The money of a payment held as an anomaly never entered the ledger, so its refund does not leave it.
        const booked = owners.get(r.paymentId)?.status !== 'anomaly'
        if (r.status === 'succeeded' && booked && !entry) report({ kind: 'refund_without_ledger', ref: r.outRefundNo, detail: `退款成功 ${r.amountFen} 分，账本无出账` })
        if (r.status !== 'succeeded' && entry) report({ kind: 'ledger_without_refund', ref: r.outRefundNo, detail: `账本出账，退款状态为 ${r.status}` })
        if (entry && entry.amountFen !== -r.amountFen) report({ kind: 'ledger_amount', ref: r.outRefundNo, detail: `账本 ${entry.amountFen} 分，退款 ${r.amountFen} 分` })
      }
      await checkPayments([...owners.values()])
    }
    for await (const page of pages(store, 'ledger', { communityId, at: window }, pageSize)) {
      acc.ledger += page.length
      const owners = await getMany(store, 'payments', page.map((e) => e.paymentId))
      for (const e of page) if (!owners.has(e.paymentId)) report({ kind: 'ledger_orphan', ref: e._id, detail: '账本条目找不到对应支付' })
    }
  }

  // Whatever their day: states that need someone (or that the sweep should have finished).
  for await (const page of pages(store, 'payments', { communityId, status: 'anomaly' }, pageSize)) {
    const anomalies = await getMany(store, 'paymentAnomalies', page.map((p) => `amount_mismatch:${p.outTradeNo}`))
    for (const p of page) {
      if (anomalies.get(`amount_mismatch:${p.outTradeNo}`)?.resolvedAt) continue
      report({ kind: 'payment_anomaly', ref: p.outTradeNo, detail: p.anomaly ?? '' })
    }
  }
  for await (const page of pages(store, 'payments', { communityId, status: 'paid', settledAt: null }, pageSize)) {
    for (const p of page) report({ kind: 'payment_unsettled', ref: p.outTradeNo, detail: '已支付但后续处理未完成' })
  }
  for await (const page of pages(store, 'refunds', { communityId, status: 'processing', createdAt: { lt: now - DAY_MS } }, pageSize)) {
    for (const r of page) report({ kind: 'refund_stuck', ref: r.outRefundNo, detail: r.cash ? '现金退款超过 24 小时未退还' : '退款处理超过 24 小时' })
  }
  for await (const page of pages(store, 'refunds', { communityId, status: 'abnormal' }, pageSize)) {
    for (const r of page) report({ kind: 'refund_abnormal', ref: r.outRefundNo, detail: `退款 ${r.amountFen} 分异常，资金待人工处理（已保留可退额度）` })
  }
  return acc
}
