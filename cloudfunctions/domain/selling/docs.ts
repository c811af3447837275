import type {
  CommissionMode,
  CommissionScope,
  CommissionTouch,
  EntryKind,
  StatementStatus
} from '../../contracts/selling-labels'

/** `_id` is `${communityId}:campaign:${campaignId}` or `${communityId}:line:${line}`: one rule per scope. */
export interface CommissionRuleDoc {
  _id: string
  communityId: string
  scope: CommissionScope
  /** The campaign id, or the training line (`presale`, `service`) of a line rule. */
  refId: string
  mode: CommissionMode
  /** Basis points of the paid amount (800 = 8%); 0 for a fixed rule. */
  bp: number
  /** Fen per order, capped at the order's paid amount; 0 for a percent rule. */
  fixedFen: number
  touch: CommissionTouch
  /** Orders paid before the rule first existed never accrue under it, even when replayed later. */
  createdAt: number
  updatedBy: string
  updatedAt: number
}

/** The rule as it was when an order accrued: later edits never change earned commission. */
export interface RuleSnapshot {
  ruleId: string
  mode: CommissionMode
  bp: number
  fixedFen: number
  touch: CommissionTouch
}

/**
 * `_id` is `acc:${outTradeNo}:${orderId}` (the accrual of the payment that paid the order), `rev:${outRefundNo}:${orderId}` (one refund's reversal),
 * `rest:${orderId}` (the rounding remainder of a fully refunded order) or `carry:${statementId}`
 * (the previous statement's negative balance): each is written once by its key.
 */
export interface CommissionEntryDoc {
  _id: string
  kind: EntryKind
  communityId: string
  butlerUserId: string
  /** null for a carry entry. */
  orderId: string | null
  campaignId: string | null
  householdId: string | null
  touch: CommissionTouch | null
  /** The order's paid amount the commission was computed on (0 for a carry entry). */
  baseFen: number
  /** The refund's amount on this order line (rev), else 0. */
  refundFen: number
  /** Signed: accruals are positive, reversals, remainders and negative carries are negative. */
  amountFen: number
  ruleSnapshot: RuleSnapshot | null
  /** When the money moved (paid or refunded); decides the statement month. */
  at: number
  /** null while open; bound once to a statement by a conditional update. */
  statementId: string | null
  createdAt: number
}

/** `_id` is `${communityId}:${butlerUserId}:${month}` (month `YYYY-MM`, Asia/Shanghai). */
export interface CommissionStatementDoc {
  _id: string
  communityId: string
  butlerUserId: string
  month: string
  status: StatementStatus
  /** Σ bound entries, carry included (may be negative). */
  totalFen: number
  /** What this statement pays: max(0, total), or 0 under MIN_PAYOUT_FEN. */
  payableFen: number
  /** total − payable: taken into the next statement as a `carry:` entry. */
  carryInFen: number
  carryOutFen: number
  entries: number
  /** Payout attempts (S5): the out_bill_no is derived from it; 0 before the first. */
  payoutAttempt: number
  outBillNo: string | null
  packageInfo: string | null
  failReason: string | null
  approvedBy: string | null
  approvedAt: number | null
  /** `${userId}:${clientRequestId}` of the approval (S5): the same request again is answered, not refused. */
  approveRequest?: string
  /** Likewise for the last operator retry of a failed payout. */
  retryRequest?: string
  paidAt: number | null
  builtAt: number | null
  /** The run building it (a nonce) and since when: two builds at once would lose an entry bound between them. */
  builder?: string
  builderAt?: number
  createdAt: number
  updatedAt: number
}
