import { getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { OrderDoc } from '../order/docs'
import type { PaymentDoc, RefundDoc } from '../payment/docs'
import type { PaymentListener } from '../payment/listeners'
import { accrualFen, reversalFen } from './commission-math'
import type { CommissionEntryDoc, CommissionRuleDoc } from './docs'
import { lineOfCampaign, orderRuleIds, ruleForOrder } from './rules'

/**
 * Commission listens to the payment module. A paid order whose campaign (or the line it sells in:
 * 严选预售 for goods, 到家服务 for a pre-sold service package) has a rule credits the butler the rule's touch names: `acc:${outTradeNo}:${orderId}`, written
 * once however often the payment is reported. A succeeded refund takes back its own share of that
 * accrual, `rev:${outRefundNo}:${orderId}`, computed from this refund's amount alone (no
 * read-modify-write), so refunds racing each other never reverse twice. Bookings carry no
 * attribution: skipped.
 *
 * Listeners run alongside the payables (payment/apply.ts), so the order may not show this payment
 * yet: the amounts come from the payment line, the attribution from the order (fixed when it was
 * created). Keyed by the payment too, a second payment of the same order that the payment module
 * refunds automatically accrues and reverses on its own and nets 0.
 */

export const accrualId = (outTradeNo: string, orderId: string) => `acc:${outTradeNo}:${orderId}`
export const reversalId = (outRefundNo: string, orderId: string) => `rev:${outRefundNo}:${orderId}`

/** The butler the rule credits: the first touch falls back to the last on orders from before first touch was kept. */
export function creditedButler(order: Pick<OrderDoc, 'inviterUserId' | 'firstInviterUserId' | 'userId'>, touch: CommissionRuleDoc['touch']): string | null {
  const butler = touch === 'first' ? (order.firstInviterUserId ?? order.inviterUserId) : order.inviterUserId
  // A butler's own purchase earns nothing (their own opens are no visits either, sharing.ts).
  return butler && butler !== order.userId ? butler : null
}

/** Paid by this payment, or still waiting for it (its payable is being told at the same time). */
function paidBy(order: OrderDoc, payment: PaymentDoc): boolean {
  return order.paymentId === payment._id || (order.paymentId === null && order.status === 'pending_payment')
}

async function insertOnce(ports: Ports, entry: CommissionEntryDoc): Promise<boolean> {
  const res = await ports.store.insert('commissionEntries', entry)
  return res.ok
}

/** What a call wrote (a job's report, hence a type alias: an interface has no index signature). */
export type Written = { accrued: number; reversed: number }
const NONE: Written = { accrued: 0, reversed: 0 }

/** Accrues every order the payment paid; then reverses refunds that succeeded before the accrual existed. */
export async function accrueForPayment(ports: Ports, payment: PaymentDoc): Promise<Written> {
  if (payment.status !== 'paid') return NONE
  const lines = payment.lines.filter((l) => l.type === 'order' && l.amountFen > 0)
  if (lines.length === 0) return NONE
  const orders = await getMany(
    ports.store,
    'orders',
    lines.map((l) => l.id)
  )
  // Only an order a butler's card brought can earn commission: others cost no further reads.
  const paid = lines.flatMap((line) => {
    const order = orders.get(line.id)
    return order && paidBy(order, payment) && (order.inviterUserId || order.firstInviterUserId) ? [{ line, order }] : []
  })
  if (paid.length === 0) return NONE
  const [rules, campaigns] = await Promise.all([
    getMany(
      ports.store,
      'commissionRules',
      paid.flatMap(({ order }) => orderRuleIds(order.communityId, order.campaignId))
    ),
    getMany(
      ports.store,
      'campaigns',
      paid.map(({ order }) => order.campaignId)
    )
  ])
  const now = ports.clock.now()
  let accrued = 0
  for (const { line, order } of paid) {
    const campaign = campaigns.get(order.campaignId)
    const rule = ruleForOrder(rules, order.communityId, order.campaignId, lineOfCampaign(campaign?.productKind ?? 'goods'))
    if (!rule || rule.createdAt > (payment.paidAt ?? now)) continue
    const butlerUserId = creditedButler(order, rule.touch)
    const amountFen = accrualFen(rule, line.amountFen)
    if (!butlerUserId || amountFen <= 0) continue
    const fresh = await insertOnce(ports, {
      _id: accrualId(payment.outTradeNo, order._id),
      kind: 'acc',
      communityId: order.communityId,
      butlerUserId,
      orderId: order._id,
      campaignId: order.campaignId,
      householdId: order.householdId,
      touch: rule.touch,
      baseFen: line.amountFen,
      refundFen: 0,
      amountFen,
      ruleSnapshot: { ruleId: rule._id, mode: rule.mode, bp: rule.bp, fixedFen: rule.fixedFen, touch: rule.touch },
      at: payment.paidAt ?? now,
      statementId: null,
      createdAt: now
    })
    if (fresh) accrued++
  }
  // A refund that succeeded while the accrual was missing (a listener failure the catch-up repairs).
  let reversed = 0
  if (accrued > 0 && payment.refundReservedFen > 0) {
    const refunds = await ports.store.find('refunds', { where: { paymentId: payment._id, status: 'succeeded' }, limit: 100 })
    for (const r of refunds) reversed += await reverseForRefund(ports, payment, r)
  }
  return { accrued, reversed }
}

/** Reverses the accruals of the orders one succeeded refund touched, pro rata to its own amount. */
export async function reverseForRefund(ports: Ports, payment: PaymentDoc, refund: RefundDoc): Promise<number> {
  if (refund.status !== 'succeeded') return 0
  const byKey = new Map(payment.lines.map((l) => [l.key, l]))
  const parts = refund.lines.flatMap((rl) => {
    const line = byKey.get(rl.key)
    return line?.type === 'order' ? [{ orderId: line.id, refundFen: rl.amountFen }] : []
  })
  if (parts.length === 0) return 0
  const accruals = await getMany(
    ports.store,
    'commissionEntries',
    parts.map((p) => accrualId(payment.outTradeNo, p.orderId))
  )
  const now = ports.clock.now()
  let reversed = 0
  for (const p of parts) {
    const acc = accruals.get(accrualId(payment.outTradeNo, p.orderId))
    if (!acc) continue
    const amountFen = reversalFen(acc.amountFen, acc.baseFen, p.refundFen)
    if (amountFen === 0) continue
    const fresh = await insertOnce(ports, {
      ...acc,
      _id: reversalId(refund.outRefundNo, p.orderId),
      kind: 'rev',
      refundFen: p.refundFen,
      amountFen,
      at: refund.succeededAt ?? now,
      statementId: null,
      createdAt: now
    })
    if (fresh) reversed++
  }
  return reversed
}

export const commissionPaymentListener: PaymentListener = {
  name: 'commission',
  async onSettled(ports, payment) {
    await accrueForPayment(ports, payment)
  },
  async onRefundSucceeded(ports, payment, refund) {
    await reverseForRefund(ports, payment, refund)
  }
}

const CATCH_UP_MS = 48 * 3600_000

/**
 * The listener's own catch-up (listener errors are only logged): payments and refunds of the last
 * 48 hours are replayed; every write is insert-once, so a replay of what is there writes nothing.
 */
export async function catchUpCommission(ports: Ports): Promise<Written> {
  const since = ports.clock.now() - CATCH_UP_MS
  let accrued = 0
  let reversed = 0
  for await (const batch of pages(ports.store, 'payments', { status: 'paid', expiresAt: { gte: since } })) {
    for (const p of batch) {
      if (!p.lines.some((l) => l.type === 'order')) continue
      const w = await accrueForPayment(ports, p)
      accrued += w.accrued
      reversed += w.reversed
    }
  }
  for await (const batch of pages(ports.store, 'refunds', { status: 'succeeded', createdAt: { gte: since } })) {
    const payments = await getMany(ports.store, 'payments', batch.map((r) => r.paymentId))
    for (const r of batch) {
      const p = payments.get(r.paymentId)
      if (p) reversed += await reverseForRefund(ports, p, r)
    }
  }
  return { accrued, reversed }
}
