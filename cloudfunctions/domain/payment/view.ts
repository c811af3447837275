import type { PaymentViewT } from '../../contracts/pay'
import type { Ports } from '../../kernel/ports'
import type { PaymentDoc, RefundDoc } from './docs'
import { PAYABLES } from './registry'

export async function refundsOf(ports: Ports, paymentId: string): Promise<RefundDoc[]> {
  return ports.store.find<RefundDoc>('refunds', { where: { paymentId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 100 })
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
  const refunds = await refundsOf(ports, p._id)
  const byLine = succeededByLine(refunds)
  const first = p.lines[0]
  const householdLabel = first ? await PAYABLES[first.type].describeHousehold(ports, p.householdId) : ''
  return {
    id: p._id,
    outTradeNo: p.outTradeNo,
    status: p.status,
    totalFen: p.totalFen,
    refundedFen: [...byLine.values()].reduce((a, b) => a + b, 0),
    householdLabel,
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
