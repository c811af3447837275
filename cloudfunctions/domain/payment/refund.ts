import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { PaymentDoc, RefundDoc, RefundLine } from './docs'
import { newTradeNo } from './ids'

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
 * The idempotency key makes a resubmitted request return the refund it already created.
 */
export async function requestRefund(ports: Ports, payment: PaymentDoc, input: RefundInput): Promise<Result<RefundDoc>> {
  const [existing] = await ports.store.find<RefundDoc>('refunds', { where: { idempotencyKey: input.idempotencyKey }, limit: 1 })
  if (existing) return ok(existing)
  if (payment.status !== 'paid') return fail('PAY.NOT_PAID', '该笔支付尚未成功，不能退款')

  const lines: RefundLine[] = []
  for (const req of input.lines) {
    const line = payment.lines.find((l) => l.id === req.payableId)
    if (!line) return fail('PAY.PAYABLE_NOT_FOUND', '退款项目不在这笔支付中', [{ path: 'lines', message: `${req.payableId} 不在支付中` }])
    const prior = lines.find((l) => l.key === line.key)
    if (prior) prior.amountFen += req.amountFen
    else lines.push({ key: line.key, payableId: line.id, amountFen: req.amountFen })
  }
  const amountFen = lines.reduce((n, l) => n + l.amountFen, 0)

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
    createdAt: now
  }
  const inserted = await ports.store.insert('refunds', refund)
  if (!inserted.ok) {
    const [winner] = await ports.store.find<RefundDoc>('refunds', { where: { idempotencyKey: input.idempotencyKey }, limit: 1 })
    return winner ? ok(winner) : fail('INTERNAL.ERROR', '创建退款失败，请重试')
  }

  const inc: Record<string, number> = { refundReservedFen: amountFen }
  const when: Record<string, { lte: number }> = { refundReservedFen: { lte: payment.totalFen - amountFen } }
  for (const l of lines) {
    const line = payment.lines.find((x) => x.key === l.key)!
    inc[`refundReservedByLine.${l.key}`] = l.amountFen
    when[`refundReservedByLine.${l.key}`] = { lte: line.amountFen - l.amountFen }
  }
  const reserved = await ports.store.update('payments', payment._id, { inc }, { and: [{ status: 'paid' }, when] })
  if (!reserved) {
    await ports.store.update('refunds', refund._id, { set: { status: 'failed', failure: 'exceeds' } }, { status: 'processing' })
    return fail('PAY.REFUND_EXCEEDS', '退款金额超过可退金额')
  }
  await ports.store.update('refunds', refund._id, { set: { reserved: true } })

  const res = await ports.payment.refund({
    outTradeNo: payment.outTradeNo,
    outRefundNo: refund.outRefundNo,
    refundFen: amountFen,
    totalFen: payment.totalFen,
    reason: input.reason.slice(0, 80)
  })
  if (!res.ok && res.definite) {
    await failRefund(ports, { ...refund, reserved: true }, res.reason)
    return fail('PAY.REFUND_FAILED', `退款失败：${res.reason}`)
  }
  if (!res.ok) {
    // Unknown outcome: keep the reservation and let the refund sync ask WeChat Pay; failing it
    // here could release money that was in fact refunded.
    ports.log.warn('refund outcome unknown', { outRefundNo: refund.outRefundNo, reason: res.reason })
    return ok({ ...refund, reserved: true })
  }
  await ports.store.update('refunds', refund._id, { set: { refundId: res.refundId } })
  ports.log.info('refund requested', { paymentId: payment._id, outRefundNo: refund.outRefundNo, amountFen, automatic: input.automatic })
  return ok({ ...refund, reserved: true, refundId: res.refundId })
}

/** Marks a refund failed exactly once and gives its reservation back to the payment. */
export async function failRefund(ports: Ports, refund: RefundDoc, reason: string): Promise<void> {
  const claimed = await ports.store.update('refunds', refund._id, { set: { status: 'failed', failure: reason } }, { status: 'processing' })
  if (!claimed || !refund.reserved) return
  const inc: Record<string, number> = { refundReservedFen: -refund.amountFen }
  for (const l of refund.lines) inc[`refundReservedByLine.${l.key}`] = -l.amountFen
  await ports.store.update('payments', refund.paymentId, { inc })
}
