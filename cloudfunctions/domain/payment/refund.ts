import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { noteRefundFailed, recordAnomaly } from './anomalies'
import type { PaymentDoc, RefundDoc, RefundLine } from './docs'
import { newTradeNo } from './ids'

/**
 * What WeChat Pay took for the payment: the total due, unless it reported another amount (an
 * `anomaly` payment keeps it in `paidFen`). Refunds are capped by it and WeChat Pay's refund call
 * names it as the order total.
 */
export function chargedFen(p: Pick<PaymentDoc, 'totalFen' | 'paidFen'>): number {
  return p.paidFen ?? p.totalFen
}

export interface RefundInput {
  lines: readonly { payableId: string; amountFen: number }[]
  reason: string
  idempotencyKey: string
  requestedBy: string
  automatic: boolean
}

/**
 * Refunds never exceed what was paid: the amount is reserved on the payment with one conditional
 * update (per line and in total) before WeChat Pay is asked, and released if the refund fails.
 * The idempotency key makes a resubmitted request return the refund it already created, and
 * finish it if it was cut short before WeChat Pay was asked (see {@link driveRefund}).
 */
export async function requestRefund(ports: Ports, payment: PaymentDoc, input: RefundInput): Promise<Result<RefundDoc>> {
  const [existing] = await ports.store.find('refunds', { where: { idempotencyKey: input.idempotencyKey }, limit: 1 })
  if (existing) return resume(ports, payment, existing)
  if (payment.status !== 'paid') return fail('PAY.NOT_PAID', '该笔支付尚未成功，不能退款')

  const lines: RefundLine[] = []
  for (const req of input.lines) {
    const line = payment.lines.find((l) => l.id === req.payableId)
    if (!line) return fail('PAY.PAYABLE_NOT_FOUND', '退款项目不在这笔支付中', [{ path: 'lines', message: `${req.payableId} 不在支付中` }])
    const prior = lines.find((l) => l.key === line.key)
    if (prior) prior.amountFen += req.amountFen
    else lines.push({ key: line.key, payableId: line.id, amountFen: req.amountFen })
  }
  if (lines.length === 0) return fail('PAY.PAYABLE_NOT_FOUND', '请选择退款项目', [{ path: 'lines', message: '请选择退款项目' }])
  return startRefund(ports, payment, input, lines, lines.reduce((n, l) => n + l.amountFen, 0))
}

/**
 * The whole refund of a payment held as an anomaly (WeChat Pay took another amount than was due):
 * everything it took goes back, through the same reservation, idempotency key and refund sync as
 * any refund. It has no lines: none of the payment's payables was settled by it.
 */
export async function requestWholeRefund(ports: Ports, payment: PaymentDoc, input: Omit<RefundInput, 'lines' | 'automatic'>): Promise<Result<RefundDoc>> {
  const [existing] = await ports.store.find('refunds', { where: { idempotencyKey: input.idempotencyKey }, limit: 1 })
  if (existing) return resume(ports, payment, existing)
  if (payment.status !== 'anomaly') return fail('PAY.NOT_PAID', '只有金额异常的支付可以整笔退回')
  return startRefund(ports, payment, { ...input, lines: [], automatic: false }, [], chargedFen(payment))
}

async function startRefund(ports: Ports, payment: PaymentDoc, input: RefundInput, lines: RefundLine[], amountFen: number): Promise<Result<RefundDoc>> {
  const now = ports.clock.now()
  const refund: RefundDoc = {
    _id: ports.random.id(),
    outRefundNo: newTradeNo(ports, 'R'),
    idempotencyKey: input.idempotencyKey,
    paymentId: payment._id,
    outTradeNo: payment.outTradeNo,
    communityId: payment.communityId,
    lines,
    amountFen,
    reason: input.reason,
    automatic: input.automatic,
    requestedBy: input.requestedBy,
    status: 'processing',
    reserved: false,
    ...(payment.channel === 'cash' ? { cash: true as const } : {}),
    createdAt: now
  }
  const inserted = await ports.store.insert('refunds', refund)
  if (!inserted.ok) {
    const [winner] = await ports.store.find('refunds', { where: { idempotencyKey: input.idempotencyKey }, limit: 1 })
    return winner ? resume(ports, payment, winner) : fail('INTERNAL.ERROR', '创建退款失败，请重试')
  }
  return driveRefund(ports, payment, refund)
}

/** A resubmitted request: the refund as it is, unless it was cut short before its reservation. */
async function resume(ports: Ports, payment: PaymentDoc, refund: RefundDoc): Promise<Result<RefundDoc>> {
  if (refund.status !== 'processing' || refund.reserved || refund.paymentId !== payment._id) return ok(refund)
  return driveRefund(ports, payment, refund)
}

/**
 * Finishes a refund left `processing` but never marked reserved (a crash between its record and
 * its reservation, or before the gateway call): the refund sync's way in. Idempotent.
 */
export async function resumeRefund(ports: Ports, refund: RefundDoc): Promise<Result<RefundDoc>> {
  const payment = await ports.store.get('payments', refund.paymentId)
  if (!payment) return fail('PAY.NOT_FOUND', '支付不存在')
  return resume(ports, payment, refund)
}

const holdField = (r: Pick<RefundDoc, 'outRefundNo'>) => `refundHolds.${r.outRefundNo}`

/**
 * Reserves the refund's amount on the payment, once: the counters and the refund's own hold
 * (`refundHolds.<outRefundNo>`) change in the same conditional update, which applies only while
 * the hold is absent and the caps allow it. True when the hold is in place (now or before).
 */
async function reserve(ports: Ports, payment: PaymentDoc, refund: RefundDoc): Promise<boolean> {
  const hold = holdField(refund)
  const inc: Record<string, number> = { refundReservedFen: refund.amountFen, [hold]: refund.amountFen }
  const when: Record<string, { lte: number }> = { refundReservedFen: { lte: chargedFen(payment) - refund.amountFen } }
  for (const l of refund.lines) {
    const line = payment.lines.find((x) => x.key === l.key)
    if (!line) return false
    inc[`refundReservedByLine.${l.key}`] = l.amountFen
    when[`refundReservedByLine.${l.key}`] = { lte: line.amountFen - l.amountFen }
  }
  // A refund with lines returns settled payables of a paid payment; one without is the whole refund of an anomaly.
  const status = refund.lines.length > 0 ? 'paid' : 'anomaly'
  if (await ports.store.update('payments', payment._id, { inc }, { and: [{ status, [hold]: null }, when] })) return true
  const fresh = await ports.store.get('payments', payment._id)
  return fresh?.refundHolds?.[refund.outRefundNo] !== undefined
}

/** Gives the refund's reservation back to the payment, only while its hold is there: at most once. */
async function release(ports: Ports, refund: RefundDoc): Promise<boolean> {
  const hold = holdField(refund)
  const inc: Record<string, number> = { refundReservedFen: -refund.amountFen }
  for (const l of refund.lines) inc[`refundReservedByLine.${l.key}`] = -l.amountFen
  return ports.store.update('payments', refund.paymentId, { inc, unset: [hold] }, { [hold]: { gte: 1 } })
}

/**
 * Reserve, then ask WeChat Pay. Every step may be repeated by a retry or a twin request: the
 * reservation is held once per refund, and only the call that marks the refund `reserved`
 * (`reserved: false → true`, one conditional update) sends it to WeChat Pay. A crash after that
 * mark and before the call leaves a reserved refund WeChat Pay never received, which the refund
 * sync sends (same out_refund_no).
 */
async function driveRefund(ports: Ports, payment: PaymentDoc, refund: RefundDoc): Promise<Result<RefundDoc>> {
  if (!(await reserve(ports, payment, refund))) {
    await ports.store.update('refunds', refund._id, { set: { status: 'failed', failure: 'exceeds' } }, { status: 'processing', reserved: false })
    return fail('PAY.REFUND_EXCEEDS', '退款金额超过可退金额')
  }
  if (!(await ports.store.update('refunds', refund._id, { set: { reserved: true } }, { status: 'processing', reserved: false }))) {
    // A twin marked it first and asks WeChat Pay; or it was refused as exceeding meanwhile, and
    // the hold this call just took is given back.
    const now = await ports.store.get('refunds', refund._id)
    if (!now) throw new Error(`refund ${refund._id} vanished`)
    if (now.status === 'failed' && !now.reserved) await release(ports, now)
    return now.status === 'failed' && now.failure === 'exceeds' ? fail('PAY.REFUND_EXCEEDS', '退款金额超过可退金额') : ok(now)
  }
  const held: RefundDoc = { ...refund, reserved: true }
  if (payment.channel === 'cash') {
    // Cash goes back across the finance desk: the refund waits, reserved, for finance to confirm it.
    ports.log.info('cash refund awaiting finance', { paymentId: payment._id, outRefundNo: refund.outRefundNo, amountFen: refund.amountFen })
    return ok(held)
  }

  const res = await ports.payment.refund({
    outTradeNo: payment.outTradeNo,
    outRefundNo: refund.outRefundNo,
    refundFen: refund.amountFen,
    totalFen: chargedFen(payment),
    reason: refund.reason.slice(0, 80)
  })
  if (!res.ok && res.definite) {
    await failRefund(ports, held, res.reason)
    return fail('PAY.REFUND_FAILED', `退款失败：${res.reason}`)
  }
  if (!res.ok) {
    // Unknown outcome: keep the reservation and let the refund sync ask WeChat Pay; failing it
    // here could release money that was in fact refunded.
    ports.log.warn('refund outcome unknown', { outRefundNo: refund.outRefundNo, reason: res.reason })
    return ok(held)
  }
  await ports.store.update('refunds', refund._id, { set: { refundId: res.refundId } })
  if (res.status === 'ABNORMAL') {
    await markRefundAbnormal(ports, { ...held, refundId: res.refundId })
    return ok({ ...held, refundId: res.refundId, status: 'abnormal', failure: 'ABNORMAL' })
  }
  ports.log.info('refund requested', { paymentId: payment._id, outRefundNo: refund.outRefundNo, amountFen: refund.amountFen, automatic: refund.automatic })
  return ok({ ...held, refundId: res.refundId })
}

/**
 * Marks a refund failed exactly once and gives its reservation back to the payment. An
 * `abnormal` refund may still fail (WeChat Pay closes it after all). The one call that claims the
 * failure also makes sure money still owed back is not forgotten ({@link noteRefundFailed}).
 */
export async function failRefund(ports: Ports, refund: RefundDoc, reason: string): Promise<void> {
  const claimed = await ports.store.update('refunds', refund._id, { set: { status: 'failed', failure: reason } }, { status: { in: ['processing', 'abnormal'] } })
  if (!claimed) return
  await releaseFailed(ports, refund)
  await noteRefundFailed(ports, refund, reason)
}

async function releaseFailed(ports: Ports, refund: RefundDoc): Promise<void> {
  if (await release(ports, refund)) return
  if (!refund.reserved) return
  // Reserved before holds were recorded per refund: only the flag says so, and this claim (won once) releases it.
  const payment = await ports.store.get('payments', refund.paymentId)
  if (!payment || payment.refundHolds?.[refund.outRefundNo] !== undefined) return
  const inc: Record<string, number> = { refundReservedFen: -refund.amountFen }
  for (const l of refund.lines) inc[`refundReservedByLine.${l.key}`] = -l.amountFen
  await ports.store.update('payments', refund.paymentId, { inc })
}

/**
 * WeChat Pay reported the refund ABNORMAL: it took the refund but could not pay it out (a closed
 * card, a frozen account), and the money may be held for manual handling in the merchant
 * platform. So this is not a failure: the reservation stays (no second refund may exceed the
 * paid total), the refund is marked `abnormal` and an anomaly is recorded for the operators.
 * Idempotent: repeats record nothing new.
 */
export async function markRefundAbnormal(ports: Ports, refund: RefundDoc): Promise<void> {
  await ports.store.update('refunds', refund._id, { set: { status: 'abnormal', failure: 'ABNORMAL' } }, { status: 'processing' })
  const fresh = await ports.store.get('refunds', refund._id)
  if (fresh?.status !== 'abnormal') return
  await recordAnomaly(ports, { _id: refund.paymentId, communityId: refund.communityId }, 'refund_abnormal', `退款 ${refund.outRefundNo}（${refund.amountFen} 分）异常，资金待人工处理`, refund.outRefundNo)
}
