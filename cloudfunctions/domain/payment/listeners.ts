import type { Ports } from '../../kernel/ports'
import type { PaymentDoc, RefundDoc } from './docs'

/**
 * Features that react to money moving without being a payable kind (membership earns points on
 * every paid bill and order, and takes them back on refunds). The payment module knows nothing
 * about them beyond this interface; they are listed in registry.ts.
 *
 * Contract:
 * - Called after the payment's own follow-ups (ledger, payables) on every delivery that runs
 *   them, so the same payment or refund may be reported more than once: listeners must be
 *   idempotent (key what they write by the payment's `outTradeNo` or the refund's `outRefundNo`).
 * - A listener that throws is logged and skipped: it never fails, delays or unsettles the
 *   payment. The listener owns catching up (membership replays recent payments and refunds
 *   in its sweep job).
 */
export interface PaymentListener {
  name: string
  /** The payment is paid and its payables were told (some lines may be refunded automatically). */
  onSettled(ports: Ports, payment: PaymentDoc): Promise<void>
  /** A refund of the payment succeeded (its payables were told first). */
  onRefundSucceeded(ports: Ports, payment: PaymentDoc, refund: RefundDoc): Promise<void>
}

/**
 * Runs the listeners side by side (they know nothing of each other, and each is a round trip or
 * more on CloudBase); a failure is logged with the listener's name and never rethrown.
 */
export async function tellListeners(
  ports: Ports,
  listeners: readonly PaymentListener[],
  what: string,
  call: (l: PaymentListener) => Promise<void>
): Promise<void> {
  await Promise.all(
    listeners.map(async (l) => {
      try {
        await call(l)
      } catch (e) {
        ports.log.error('payment listener failed', { listener: l.name, what, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
      }
    })
  )
}
