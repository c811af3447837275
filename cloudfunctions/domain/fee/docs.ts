import type { BillStatus, CallOutcome, FeeKind, ItemKind } from '../../contracts/fee'

export interface FeeItemDoc {
  _id: string
  communityId: string
  kind: ItemKind
  name: string
  /** Property: fen per m² per month; parking: fen per space per month; fixed: fen per household per month. */
  unitPriceFen: number
  active: boolean
  createdAt: number
  updatedAt?: number
}

export interface LateFeeRule {
  /** Days after the due date before a late fee accrues. */
  graceDays: number
  /** Basis points (1/10000) of the bill per overdue day, e.g. 5 = 0.05 % a day. */
  bpPerDay: number
  /** The late fee never exceeds this share of the bill, in basis points. */
  capBp: number
}

export interface FeeSettingsDoc {
  /** The community id. */
  _id: string
  /** Day of the billing month a bill falls due (1-28). */
  dueDay: number
  lateFee: LateFeeRule | null
}

export interface BillDoc {
  /** `${householdId}:${feeItemId}:${period}` (or `...:${chargeId}`): billing twice writes nothing new. */
  _id: string
  communityId: string
  householdId: string
  buildingId: string
  kind: FeeKind
  feeItemId: string
  title: string
  period: string
  amountFen: number
  dueAt: number
  status: BillStatus
  paymentId?: string
  /** What the payment charged for this bill, late fee included. */
  paidFen?: number
  paidAt?: number
  refundedFen: number
  lastRemindedAt?: number
  chargeId?: string
  createdAt: number
}

export interface ChargeDoc {
  _id: string
  communityId: string
  idempotencyKey: string
  title: string
  amountFen: number
  buildingIds: string[]
  dueAt: number
  createdBy: string
  bills: number
  createdAt: number
}

/** `_id` is `${communityId}:${period}`: what billing that month made, summed over its runs. */
export interface BillingRunDoc {
  _id: string
  communityId: string
  period: string
  bills: number
  billedFen: number
  /** The last run that billed anything. */
  lastRunAt: number
  /** The user who ran it from the console, or `job` for the monthly timer. */
  lastRunBy: string
}

/** A call the office made about a household's arrears. */
export interface ArrearsCallDoc {
  _id: string
  communityId: string
  householdId: string
  outcome: CallOutcome
  note: string
  by: string
  at: number
}
