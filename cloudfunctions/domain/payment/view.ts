import { PAYABLE_TYPE_LABELS, type PaymentViewT } from '../../contracts/pay'
import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { MAX_PAGE } from '../../kernel/store'
import { driverPayerLabels } from '../parking/payer-labels'
import { householdLabels } from '../user/labels'
import type { PaymentDoc, RefundDoc } from './docs'

export async function refundsOf(ports: Ports, paymentId: string): Promise<RefundDoc[]> {
  return ports.store.find('refunds', { where: { paymentId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 100 })
}

/** The refunds of many payments, grouped by payment and oldest first: one paged query per 1000 payments. */
export async function refundsByPayment(ports: Ports, paymentIds: readonly string[], pageSize = MAX_PAGE): Promise<Map<string, RefundDoc[]>> {
  const ids = [...new Set(paymentIds)]
  const by = new Map<string, RefundDoc[]>()
  for (let i = 0; i < ids.length; i += MAX_PAGE) {
    for await (const page of pages(ports.store, 'refunds', { paymentId: { in: ids.slice(i, i + MAX_PAGE) } }, pageSize)) {
      for (const r of page) {
        const own = by.get(r.paymentId)
        if (own) own.push(r)
        else by.set(r.paymentId, [r])
      }
    }
  }
  for (const own of by.values()) own.sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id))
  return by
}

/** Refunded money counts only once WeChat Pay says the refund succeeded. */
export function succeededByLine(refunds: readonly RefundDoc[]): Map<string, number> {
  const by = new Map<string, number>()
  for (const r of refunds) {
    if (r.status !== 'succeeded') continue
    for (const l of r.lines) by.set(l.key, (by.get(l.key) ?? 0) + l.amountFen)
  }
  return by
}

export async function paymentView(ports: Ports, p: PaymentDoc): Promise<PaymentViewT> {
  const [view] = await paymentViews(ports, [p])
  return view!
}

/**
 * Views of many payments with a fixed number of reads (refunds, households, buildings, drivers'
 * stays), never one round per payment. `labels` may be passed when the caller already has them.
 * A driver's payment has no household: its label says it was a stay and whose car, never blank.
 */
export async function paymentViews(ports: Ports, list: readonly PaymentDoc[], labels?: ReadonlyMap<string, string>): Promise<PaymentViewT[]> {
  if (list.length === 0) return []
  const [refunds, names, drivers] = await Promise.all([
    // Only a payment that was paid can have refunds: no read for one still open, closed or failed.
    refundsByPayment(ports, list.filter((p) => p.status === 'paid' || p.status === 'anomaly').map((p) => p._id)),
    labels ?? householdLabels(ports, list.map((p) => p.householdId), list[0]?.communityId),
    driverPayerLabels(ports, list)
  ])
  return list.map((p) => buildView(p, refunds.get(p._id) ?? [], drivers.get(p._id) ?? names.get(p.householdId) ?? ''))
}

function paidForOf(p: PaymentDoc): PaymentViewT['paidFor'] {
  const first = p.lines[0]
  // The create refuses a payment of nothing, so a payment without lines is corrupt data.
  if (!first) throw new Error(`payment ${p._id} has no lines`)
  return { type: first.type, label: PAYABLE_TYPE_LABELS[first.type], id: first.id }
}

function buildView(p: PaymentDoc, refunds: readonly RefundDoc[], householdLabel: string): PaymentViewT {
  const byLine = succeededByLine(refunds)
  return {
    id: p._id,
    outTradeNo: p.outTradeNo,
    status: p.status,
    totalFen: p.totalFen,
    // Whole-payment refunds (of a payment held as an anomaly) have no lines: count refunds, not lines.
    refundedFen: refunds.filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amountFen, 0),
    householdLabel,
    paidFor: paidForOf(p),
    lines: p.lines.map((l) => ({ type: l.type, id: l.id, title: l.title, amountFen: l.amountFen, refundedFen: byLine.get(l.key) ?? 0 })),
    refunds: refunds.map((r) => ({
      id: r._id,
      outRefundNo: r.outRefundNo,
      amountFen: r.amountFen,
      reason: r.reason,
      status: r.status,
      automatic: r.automatic,
      createdAt: r.createdAt,
      succeededAt: r.succeededAt ?? null
    })),
    createdAt: p.createdAt,
    paidAt: p.paidAt ?? null,
    expiresAt: p.expiresAt,
    transactionId: p.transactionId ?? null
  }
}
