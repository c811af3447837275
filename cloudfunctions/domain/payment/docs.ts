import type { AnomalyAction, PayableType, PaymentAnomalyKind, PaymentStatus, ReconciliationMismatchKind, RefundStatus } from '../../contracts/pay'
import type { Launch } from '../../kernel/payment-gateway'

/** One thing paid for. Lines are fixed when the payment is created: the server priced them. */
export interface PaymentLine {
  /** `l0`, `l1`, ...: a field-safe key for per-line refund counters. */
  key: string
  type: PayableType
  id: string
  title: string
  amountFen: number
}

export interface PaymentDoc {
  _id: string
  /** 6-32 characters, as WeChat Pay requires. */
  outTradeNo: string
  /** `${userId}:${clientRequestId}`: a resubmitted create returns this payment. */
  idempotencyKey: string
  communityId: string
  householdId: string
  userId: string
  openid: string
  /** `cash`: taken at the finance desk (cash.ts); never sent to WeChat Pay, nor are its refunds. */
  channel: 'wechat' | 'sandbox' | 'cash'
  cash?: { cashierId: string; cashierName: string; payerName: string }
  lines: PaymentLine[]
  totalFen: number
  status: PaymentStatus
  prepayId?: string
  /** The cashier parameters, kept so a retried create reopens the same prepay (valid 2 h). */
  launch?: Launch
  transactionId?: string
  paidAt?: number
  expiresAt: number
  /** Refund money reserved (processing or succeeded): the cap that keeps refunds ≤ paid. */
  refundReservedFen: number
  refundReservedByLine: Record<string, number>
  /**
   * The refunds holding part of that reservation, by out_refund_no (fen): written in the same
   * conditional update as the counters, so a retried reservation cannot take twice and a release
   * gives back once. Absent on payments from before it existed.
   */
  refundHolds?: Record<string, number>
  /** Set once every follow-up of the payment (ledger, payables, automatic refunds) is done. */
  settledAt?: number
  anomaly?: string
  /**
   * What WeChat Pay actually took, when it differs from `totalFen` (status `anomaly`): the cap of
   * the whole refund an operator may decide (`pay.resolveAnomaly`). See `chargedFen`.
   */
  paidFen?: number
  createdAt: number
  updatedAt: number
}

export interface RefundLine {
  key: string
  payableId: string
  amountFen: number
}

export interface RefundDoc {
  _id: string
  outRefundNo: string
  /** `op:<userId>:<clientRequestId>`, `auto:<outTradeNo>:<n>` or `anomaly:<anomalyId>:<attempt>`. */
  idempotencyKey: string
  paymentId: string
  outTradeNo: string
  communityId: string
  /** Empty for the whole refund of a payment held as an anomaly: no payable was settled by it. */
  lines: RefundLine[]
  amountFen: number
  reason: string
  automatic: boolean
  requestedBy: string
  status: RefundStatus
  /** Money of a cash payment: handed back by finance, who confirms it (`pay.confirmCashRefund`). */
  cash?: true
  /** Who handed the cash back, and to whom (the confirmation). */
  handedBy?: string
  receiverName?: string
  /**
   * Set once the reservation is in place (`payments.refundHolds.<outRefundNo>`) by the one call
   * that then asks WeChat Pay: a processing refund without it was cut short, and a retry with
   * its idempotency key (or the refund sync) finishes it.
   */
  reserved: boolean
  refundId?: string
  failure?: string
  createdAt: number
  succeededAt?: number
}

/** Append-only; `_id` is the movement's source (`pay:<outTradeNo>`, `refund:<outRefundNo>`). */
export interface LedgerDoc {
  _id: string
  kind: 'payment' | 'refund'
  communityId: string
  paymentId: string
  refundId?: string
  /** Positive for money in, negative for money out. */
  amountFen: number
  /** When the money moved (paid, refund succeeded). */
  at: number
  /**
   * When the entry was written: a payment settled late (a sweep, an anomaly resolved) is booked
   * long after it was paid, and readers that follow the ledger (the insights pass) page on this.
   */
  bookedAt: number
}

export interface PayNotificationDoc {
  /** WeChat Pay's notification id: a repeat is recorded once. */
  _id: string
  eventType: string
  outTradeNo: string
  outcome: string
  receivedAt: number
  deliveries: number
}

/** `_id` is `<kind>:<key>`: recorded once. Open while `resolvedAt` is absent. */
export interface PaymentAnomalyDoc {
  _id: string
  /** {@link UNATTRIBUTED} for money taken under an out_trade_no we never issued: every operator sees it. */
  communityId: string
  /** Empty for `unknown_payment`: there is no payment record. */
  paymentId: string
  /** For `unknown_payment`: the merchant order number and what WeChat Pay took under it. */
  outTradeNo?: string
  amountFen?: number
  /** See PAYMENT_ANOMALY_KINDS. */
  kind: PaymentAnomalyKind
  detail: string
  createdAt: number
  /** What an operator refund returns (automatic refunds that failed or were closed). */
  refundLines?: { payableId: string; amountFen: number }[]
  /**
   * An operator's decision (`pay.resolveAnomaly`), taken by one conditional update while absent:
   * twins and retries carry out the same decision, never a second one.
   */
  resolution?: AnomalyAction
  resolvedBy?: string
  note?: string
  decidedAt?: number
  /** Accept: when decided. Refund: once WeChat Pay took the refund (`refundId`). */
  resolvedAt?: number
  /** Refunds decided so far: attempt n refunds under `anomaly:<_id>:<n>`; a failed one reopens the anomaly. */
  attempts?: number
  refundId?: string
  lastFailure?: string
}

/** The latest report per community: counts are those of the days that run reconciled (see reconcilePayments). */
export interface ReconciliationDoc {
  /** Community id. */
  _id: string
  ranAt: number
  payments: number
  refunds: number
  ledgerEntries: number
  mismatches: { kind: ReconciliationMismatchKind; ref: string; detail: string }[]
}
