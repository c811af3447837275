import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { PaymentDoc, PaymentLine, RefundDoc } from '../payment/docs'
import type { PaymentListener } from '../payment/listeners'
import { accountId, earnPoints, refreshLevel, reversePoints, withEntries } from './points'
import { rulesOf } from './rules'

/**
 * Membership listens to the payment module: every paid line (bills, orders, any later payable
 * kind) earns points for the payer by the community's rule, and a successful refund takes back
 * the points of what it refunded. Keys come from WeChat Pay's numbers, so a notification that
 * arrives twice earns once: `pay:<outTradeNo>:<lineKey>`, and `…:refund:<outRefundNo>`.
 */
export function earnSource(p: Pick<PaymentDoc, 'outTradeNo'>, line: Pick<PaymentLine, 'key'>): string {
  return `pay:${p.outTradeNo}:${line.key}`
}

export async function earnForPayment(ports: Ports, payment: PaymentDoc): Promise<number> {
  // Cash from a household with no registered member earns for nobody.
  if (payment.status !== 'paid' || !payment.userId) return 0
  // The account before, so the level after these earns needs no read of its own (withEntries).
  const [rules, before] = await Promise.all([rulesOf(ports, payment.communityId), ports.store.get('memberAccounts', accountId(payment.communityId, payment.userId))])
  // Each line has its own entry (its own key on the account): earned together, the level once after.
  const results = await Promise.all(
    payment.lines.map((line) => {
      const rate = line.type === 'bill' ? rules.billPointsPerYuan : rules.orderPointsPerYuan
      const input = {
        communityId: payment.communityId,
        userId: payment.userId,
        source: earnSource(payment, line),
        points: Math.floor((line.amountFen * rate) / 100),
        spendFen: line.amountFen,
        title: `${line.type === 'bill' ? '缴费' : '消费'} · ${line.title}`,
        ref: payment._id
      }
      return earnPoints(ports, input, { rules, refresh: false })
    })
  )
  const fresh = results.flatMap((res) => (res.status === 'earned' ? [res.entry] : []))
  const earned = fresh.reduce((n, e) => n + e.delta, 0)
  // A refund that succeeded before these points existed (a late catch-up) is reversed right away.
  const [, refunds] = await Promise.all([
    fresh.length > 0 ? refreshLevel(ports, payment.communityId, payment.userId, rules, before ? withEntries(before, fresh) : undefined) : Promise.resolve(null),
    succeededRefunds(ports, payment._id)
  ])
  for (const r of refunds) await reverseForRefund(ports, payment, r, refunds)
  return earned
}

async function succeededRefunds(ports: Ports, paymentId: string): Promise<RefundDoc[]> {
  return ports.store.find('refunds', { where: { paymentId, status: 'succeeded' }, limit: 100 })
}

export async function reverseForRefund(ports: Ports, payment: PaymentDoc, refund: RefundDoc, known?: readonly RefundDoc[]): Promise<number> {
  if (refund.status !== 'succeeded' || !payment.userId) return 0
  const all = known ?? (await succeededRefunds(ports, payment._id))
  const succeeded = all.some((r) => r._id === refund._id) ? all : [...all, refund]
  let reversed = 0
  for (const rl of refund.lines) {
    const line = payment.lines.find((l) => l.key === rl.key)
    if (!line) continue
    const refundedTotalFen = succeeded.flatMap((r) => r.lines).filter((l) => l.key === rl.key).reduce((n, l) => n + l.amountFen, 0)
    const source = earnSource(payment, line)
    const res = await reversePoints(ports, source, {
      source: `${source}:refund:${refund.outRefundNo}`,
      refundFen: rl.amountFen,
      totalFen: line.amountFen,
      refundedTotalFen,
      title: `退款扣回 · ${line.title}`
    })
    if (res.status === 'reversed') reversed -= res.entry.delta
  }
  return reversed
}

export const memberPaymentListener: PaymentListener = {
  name: 'member',
  async onSettled(ports, payment) {
    await earnForPayment(ports, payment)
  },
  async onRefundSucceeded(ports, payment, refund) {
    await reverseForRefund(ports, payment, refund)
  }
}

const CATCH_UP_MS = 3 * 24 * 3600_000

async function done(ports: Ports, id: string): Promise<boolean> {
  const e = await ports.store.get('pointEntries', id)
  return e?.state === 'applied' || e?.state === 'closed'
}

/**
 * The listener's own catch-up: payments paid and refunds succeeded in the last three days are
 * replayed (idempotently), so a listener call that failed is made good within the hour.
 */
export async function catchUpPayments(ports: Ports): Promise<{ payments: number; refunds: number }> {
  const since = ports.clock.now() - CATCH_UP_MS
  let payments = 0
  let refunds = 0
  for await (const batch of pages(ports.store, 'payments', { status: 'paid', expiresAt: { gte: since } })) {
    for (const p of batch) {
      const missing = []
      for (const l of p.lines) if (!(await done(ports, earnSource(p, l)))) missing.push(l)
      if (missing.length === 0) continue
      await earnForPayment(ports, p)
      payments++
    }
  }
  for await (const batch of pages(ports.store, 'refunds', { status: 'succeeded', createdAt: { gte: since } })) {
    for (const r of batch) {
      const p = await ports.store.get('payments', r.paymentId)
      if (!p) continue
      const pending = []
      for (const rl of r.lines) {
        const line = p.lines.find((l) => l.key === rl.key)
        if (line && !(await done(ports, `${earnSource(p, line)}:refund:${r.outRefundNo}`))) pending.push(rl)
      }
      if (pending.length === 0) continue
      if ((await reverseForRefund(ports, p, r)) > 0) refunds++
    }
  }
  return { payments, refunds }
}
