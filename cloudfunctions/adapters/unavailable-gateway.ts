import type { PaymentGateway } from '../kernel/payment-gateway'
import type { TransferGateway } from '../kernel/transfer-gateway'

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

/** The transfer gateway of a function deployed without payments: refuses like the one above. */
export function unavailableTransfer(fn: string): TransferGateway {
  const refuse = (): never => {
    throw new Error(`function ${fn} is not configured for transfers (set usesPayment in its module)`)
  }
  return { channel: 'wechat', mchId: '', appId: '', create: refuse, query: refuse, cancel: refuse, verifyNotification: refuse }
}
