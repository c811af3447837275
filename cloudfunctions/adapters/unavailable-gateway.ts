import type { PaymentGateway } from '../kernel/payment-gateway'

/**
 * The gateway of a function deployed without payments: using it is a wiring mistake, so it
 * fails loudly instead of pretending a payment happened.
 */
export function unavailableGateway(fn: string): PaymentGateway {
  const refuse = (): never => {
    throw new Error(`function ${fn} is not configured for payments (set usesPayment in its module)`)
  }
  return { channel: 'wechat', prepay: refuse, query: refuse, close: refuse, refund: refuse, queryRefund: refuse, verifyNotification: refuse }
}
