import type { Ports } from '../../kernel/ports'
import type { PaymentAnomalyDoc, PaymentDoc } from './docs'

/** Records something a person has to look at, once per `kind:key` (a repeat is a no-op), and logs it. */
export async function recordAnomaly(ports: Ports, payment: Pick<PaymentDoc, '_id' | 'communityId'>, kind: PaymentAnomalyDoc['kind'], detail: string, key: string): Promise<void> {
  const doc: PaymentAnomalyDoc = { _id: `${kind}:${key}`, communityId: payment.communityId, paymentId: payment._id, kind, detail, createdAt: ports.clock.now() }
  await ports.store.insert('paymentAnomalies', doc)
  ports.log.warn('payment anomaly', { paymentId: payment._id, kind, detail })
}
