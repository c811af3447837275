import type { Ports } from '../../kernel/ports'
import { applyRefundOutcome, applyTransaction } from './apply'
import type { PayNotificationDoc } from './docs'

export interface NotifyReply {
  status: number
  body: string
}

const FAIL = (message: string, status: number): NotifyReply => ({ status, body: JSON.stringify({ code: 'FAIL', message }) })

/**
 * WeChat Pay's notification endpoint. A forged or tampered notification is refused before
 * anything is read; a genuine one is applied (idempotently) and acknowledged, so repeats change
 * nothing. An unexpected error answers 500 and WeChat Pay retries later.
 */
export async function handlePayNotification(ports: Ports, headers: Readonly<Record<string, string | undefined>>, body: string): Promise<NotifyReply> {
  const check = ports.payment.verifyNotification(headers, body)
  if (!check.ok) {
    ports.log.warn('pay notification rejected', { reason: check.reason })
    return FAIL(check.reason, 401)
  }
  const n = check.notification
  const outTradeNo = n.kind === 'transaction' ? n.transaction.outTradeNo : n.refund.outTradeNo
  const record: PayNotificationDoc = { _id: n.id, eventType: n.eventType, outTradeNo, outcome: 'received', receivedAt: ports.clock.now(), deliveries: 1 }
  // The record of the delivery and its application do not depend on each other: together.
  const recorded = async () => {
    const first = await ports.store.insert('payNotifications', record)
    if (!first.ok) await ports.store.update('payNotifications', n.id, { inc: { deliveries: 1 } })
    return first
  }
  // Both finish before the answer, even when one throws (then WeChat Pay retries, and both are idempotent).
  const [rec, app] = await Promise.allSettled([recorded(), n.kind === 'transaction' ? applyTransaction(ports, n.transaction) : applyRefundOutcome(ports, n.refund)])
  if (rec.status === 'rejected') throw rec.reason
  if (app.status === 'rejected') throw app.reason
  const [first, outcome] = [rec.value, app.value]
  await ports.store.update('payNotifications', n.id, { set: { outcome } })
  ports.log.info('pay notification', { id: n.id, eventType: n.eventType, outTradeNo, outcome, repeat: !first.ok })
  return { status: 204, body: '' }
}
