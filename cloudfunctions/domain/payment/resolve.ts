import type { AnomalyAction, AnomalyViewT, PaymentAnomalyKind } from '../../contracts/pay'
import type { Actor } from '../../kernel/actor'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { driverPayerLabels } from '../parking/payer-labels'
import { householdLabels } from '../user/labels'
import { UNATTRIBUTED, anomalyRefundKey, reopenAnomaly } from './anomalies'
import type { PaymentAnomalyDoc, PaymentDoc, RefundDoc } from './docs'
import { chargedFen, requestRefund, requestWholeRefund } from './refund'

/**
 * Kinds a person has to act on. `paid_after_settled` is not one: its money is refunded
 * automatically, and if that refund fails for good an `auto_refund_*` anomaly appears.
 */
const NEEDS_A_PERSON: readonly PaymentAnomalyKind[] = ['amount_mismatch', 'unknown_payment', 'refund_abnormal', 'auto_refund_failed', 'auto_refund_closed']

/** What an operator may do about an anomaly now. */
export function actionsFor(a: PaymentAnomalyDoc, p: PaymentDoc | null): AnomalyAction[] {
  if (a.resolvedAt) return []
  // A refund decided and not yet taken by WeChat Pay (cut short): repeating the decision finishes it.
  if (a.resolution === 'refund') return ['refund']
  if (p && a.kind === 'amount_mismatch' && p.status === 'anomaly') return ['refund', 'accept']
  if (p && (a.kind === 'auto_refund_failed' || a.kind === 'auto_refund_closed') && p.status === 'paid' && a.refundLines?.length) return ['refund', 'accept']
  // Anything else (money held by WeChat Pay for manual handling, a mismatch reported after the
  // payment was applied) is settled outside the app: the operator records that it was.
  return ['accept']
}

function amountAtStake(a: PaymentAnomalyDoc, p: PaymentDoc | null): number | null {
  if (a.kind === 'amount_mismatch' && p?.status === 'anomaly') return chargedFen(p)
  if (a.kind === 'unknown_payment') return a.amountFen ?? null
  return a.refundLines ? a.refundLines.reduce((n, l) => n + l.amountFen, 0) : null
}

async function anomalyViews(ports: Ports, list: readonly PaymentAnomalyDoc[]): Promise<AnomalyViewT[]> {
  const payments = await getMany(ports.store, 'payments', list.flatMap((a) => (a.paymentId ? [a.paymentId] : [])))
  const [labels, drivers, users] = await Promise.all([
    householdLabels(ports, [...payments.values()].map((p) => p.householdId)),
    driverPayerLabels(ports, [...payments.values()]),
    getMany(ports.store, 'users', list.flatMap((a) => (a.resolvedBy ? [a.resolvedBy] : [])))
  ])
  return list.map((a) => {
    const p = payments.get(a.paymentId) ?? null
    return {
      id: a._id,
      kind: a.kind,
      paymentId: a.paymentId,
      outTradeNo: p?.outTradeNo ?? a.outTradeNo ?? '',
      householdLabel: p ? (drivers.get(p._id) ?? labels.get(p.householdId) ?? '') : '',
      detail: a.detail,
      amountFen: amountAtStake(a, p),
      createdAt: a.createdAt,
      actions: actionsFor(a, p),
      resolution: a.resolution ?? null,
      resolvedBy: a.resolvedBy ? (users.get(a.resolvedBy)?.nickname ?? a.resolvedBy) : null,
      resolvedAt: a.resolvedAt ?? null,
      note: a.note ?? null,
      lastFailure: a.lastFailure ?? null
    }
  })
}

/** The community's open anomalies, and those no community explains (not resolved, refunds under way included), newest first. */
export async function openAnomalies(ports: Ports, communityId: string): Promise<AnomalyViewT[]> {
  const list = await ports.store.find('paymentAnomalies', {
    where: { communityId: { in: [communityId, UNATTRIBUTED] }, resolvedAt: null, kind: { in: NEEDS_A_PERSON } },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 100
  })
  return anomalyViews(ports, list)
}

export interface ResolveInput {
  anomalyId: string
  action: AnomalyAction
  note: string
}

const DECIDED_OTHERWISE = (a: PaymentAnomalyDoc) => fail('PAY.ANOMALY_RESOLVED', a.resolution === 'refund' ? '该异常已在退款处理中' : '该异常已确认处理')

/**
 * An operator's decision about an anomaly, recorded with who, when and why:
 * - `accept`: the money was dealt with outside the app (with the resident, or by hand in the
 *   merchant platform). Nothing moves and no payable is settled: a payment held for a wrong amount
 *   stays `anomaly`, its bills stay unpaid, and its money stays out of the ledger. Settling on a
 *   wrong amount is exactly what the anomaly exists to prevent, so no amount unlocks it.
 * - `refund`: the money goes back through the ordinary refund path (reservation, idempotent
 *   out_refund_no, refund sync): everything WeChat Pay took, for an amount mismatch; the lines the
 *   automatic refund should have returned, for a failed or closed automatic refund. Resolved once
 *   WeChat Pay takes the refund; if the refund fails, the anomaly is open again.
 *
 * The decision is one conditional update while none was taken, so twins and retries carry out the
 * same decision (the refund's key is the anomaly's and the attempt's) and a different one is refused.
 */
export async function resolveAnomaly(ports: Ports, actor: Actor, input: ResolveInput): Promise<Result<AnomalyViewT>> {
  const { store } = ports
  let a = await store.get('paymentAnomalies', input.anomalyId)
  if (!a || (a.communityId !== actor.communityId && a.communityId !== UNATTRIBUTED)) return fail('PAY.NOT_FOUND', '异常记录不存在')
  const payment = a.paymentId ? await store.get('payments', a.paymentId) : null

  if (!a.resolution) {
    if (!actionsFor(a, payment).includes(input.action)) {
      return fail('PAY.ANOMALY_ACTION', input.action === 'refund' ? '这条异常不能在这里退款，请确认已人工处理' : '这条异常当前不能这样处理')
    }
    const now = ports.clock.now()
    const decision = { resolution: input.action, resolvedBy: actor.user._id, note: input.note, decidedAt: now, ...(input.action === 'accept' ? { resolvedAt: now } : {}) }
    await store.update('paymentAnomalies', a._id, { set: decision, ...(input.action === 'refund' ? { inc: { attempts: 1 } } : {}) }, { resolution: null })
    // Won or lost, the anomaly as it is now says what was decided (a twin may have been first).
    a = await store.get('paymentAnomalies', a._id)
    if (!a) return fail('PAY.NOT_FOUND', '异常记录不存在')
  }
  if (a.resolution !== input.action) return DECIDED_OTHERWISE(a)
  if (input.action === 'accept' || a.resolvedAt) return ok((await anomalyViews(ports, [a]))[0]!)

  if (!payment) return fail('PAY.NOT_FOUND', '支付记录不存在')
  const attempt = a.attempts ?? 1
  const refundInput = { reason: `支付异常处理：${a.note ?? input.note}`.slice(0, 80), idempotencyKey: anomalyRefundKey(a._id, attempt), requestedBy: a.resolvedBy ?? actor.user._id }
  const res: Result<RefundDoc> =
    a.kind === 'amount_mismatch' ? await requestWholeRefund(ports, payment, refundInput) : await requestRefund(ports, payment, { ...refundInput, lines: a.refundLines ?? [], automatic: false })
  if (!res.ok || res.value.status === 'failed') {
    const reason = res.ok ? `退款失败：${res.value.failure ?? ''}` : res.message
    // Refused (by the cap, or by WeChat Pay): the decision is withdrawn, the operator decides again.
    await reopenAnomaly(ports, a._id, attempt, reason)
    return res.ok ? fail('PAY.REFUND_FAILED', reason) : res
  }
  // Taken by WeChat Pay (processing, or already done): resolved, unless its failure reopened it meanwhile.
  await store.update('paymentAnomalies', a._id, { set: { resolvedAt: ports.clock.now(), refundId: res.value._id } }, { resolution: 'refund', attempts: attempt, resolvedAt: null })
  const fresh = await store.get('paymentAnomalies', a._id)
  if (!fresh?.resolvedAt) return fail('PAY.REFUND_FAILED', fresh?.lastFailure ?? '退款失败，请重新处理')
  return ok((await anomalyViews(ports, [fresh]))[0]!)
}
