/** Stored shapes of the membership feature. Money in fen, times in UTC epoch ms. */
import type { CouponKind, CouponScope, CouponStatus, PointKind, RewardIncentive, Rules, Segment, ScopeType, Validity } from '../../contracts/member'
import type { JournalEntry, Marker } from './journal'

/**
 * One line of what is being bought, as the server prices it (never sent by a client: see
 * `PurchaseSchema` in contracts/member.ts); a scoped coupon applies only to the lines it covers.
 */
export interface CheckoutItem {
  amountFen: number
  category?: string
  productId?: string
  serviceId?: string
}

/** `_id` is the community id; a community without one uses DEFAULT_RULES. */
export interface MemberRulesDoc extends Rules {
  _id: string
  updatedAt: number
  updatedBy: string
}

/**
 * One member's account in one community: the cached balance and the figures levels and expiry
 * are computed from. Only journal entries change these fields (see journal.ts), each with one
 * conditional update, so the balance always equals the sum of the applied entries.
 */
export interface MemberAccountDoc {
  /** `${communityId}:${userId}` */
  _id: string
  communityId: string
  userId: string
  balance: number
  /** Points taken out by spending and expiry, less points given back. FIFO expiry reads it. */
  debitTotal: number
  /** Net credits of expiry months already folded away by the expiry job. */
  pastCredits: number
  /** `eYYYYMM` → net points that expire at the end of that month (Asia/Shanghai). */
  expiring: Record<string, number>
  /** `mYYYYMM` → fen spent that month (net of refunds): rolling 12-month spend for levels. */
  spend: Record<string, number>
  /** `mYYYYMM` → points earned that month (net of reversals): rolling 12-month points for levels. */
  earned: Record<string, number>
  level: string
  /** Bumped by every entry, so a level written from a stale read is refused. */
  rev: number
  j: Record<string, Marker>
  createdAt: number
  updatedAt: number
}

/** The append-only points ledger. `_id` is the entry's source, so each source counts once. */
export interface PointEntryDoc extends JournalEntry {
  communityId: string
  userId: string
  kind: PointKind
  /** Signed: credits positive, debits negative. */
  delta: number
  title: string
  /** What the entry is about (payment, order, event grant…), for lookups. */
  ref: string
  /** reverse: the earn entry it reverses; return: the spend entry it gives back. */
  of?: string
  /** earn/reverse: the expiry bucket (`eYYYYMM`) and the month (`mYYYYMM`) it counts in. */
  bucket?: string
  month?: string
  /** earn/reverse: the money behind it (negative on reverse), for rolling spend. */
  spendFen?: number
  expiresAt?: number
  at: number
}

export interface CouponTemplateDoc {
  _id: string
  communityId: string
  title: string
  kind: CouponKind
  valueFen: number
  percentOff: number
  capFen: number
  minSpendFen: number
  scope: CouponScope
  validity: Validity
  totalStock: number
  /** Reserved stock: claims and batches take it with a guarded `inc` (never past totalStock). */
  issued: number
  perUserLimit: number
  claimable: boolean
  active: boolean
  createdBy: string
  /** `${userId}:${clientRequestId}`: a resubmitted create returns the same template. */
  idempotencyKey: string
  j: Record<string, Marker>
  createdAt: number
  updatedAt: number
}

export type CouponSource = { kind: 'claim' | 'batch' | 'reward'; ref: string }

export interface CouponDoc {
  /** claim: `${templateId}:${userId}:${n}`; batch: `${batchId}:${userId}`; reward: `r:${key}`. */
  _id: string
  templateId: string | null
  communityId: string
  userId: string
  title: string
  kind: CouponKind
  valueFen: number
  percentOff: number
  capFen: number
  minSpendFen: number
  scope: CouponScope
  validFrom: number
  validTo: number
  status: CouponStatus
  source: CouponSource
  /** The order that holds it (locked, unpaid) or used it; cleared when released. */
  holder?: string
  lockedAt?: number
  /** A lock not consumed by then is released by the sweep (the order's payment window is over). */
  holdUntil?: number
  usedAt?: number
  createdAt: number
}

/** Journal of one claim: reserves one unit of a template's stock for one coupon id. */
export interface CouponClaimDoc extends JournalEntry {
  /** `_id` is `claim:${couponId}`. */
  couponId: string
  templateId: string
  userId: string
  communityId: string
  /** The template's stock when claimed: the guard refuses if an operator changed it meanwhile. */
  stockAt: number
}

/** Journal of an operator's batch: reserves stock for every recipient at once. */
export interface CouponBatchDoc extends JournalEntry {
  communityId: string
  templateId: string
  segment: Segment
  recipients: string[]
  stockAt: number
  /** Coupons written so far; the sweep finishes a batch an interrupted call left short. */
  issued: number
  done: boolean
  createdBy: string
}

export interface ServiceCardDoc {
  _id: string
  communityId: string
  householdId: string
  ownerUserId: string
  title: string
  scope: { type: ScopeType; value: string; label: string }
  usesTotal: number
  usesLeft: number
  validTo: number
  status: 'active' | 'void'
  source: { kind: 'purchase' | 'reward' | 'operator'; ref: string }
  /** What the card cost (purchase price or budget charge), for reporting. */
  valueFen: number
  transfers: number
  lastUsedAt?: number
  /** Set when a refund took back the uses left (产品包): how many. */
  revokedUses?: number
  j: Record<string, Marker>
  createdAt: number
  updatedAt: number
}

/**
 * Journal of redemptions (`use:`), their reversals (`restore:`) and a refund's take-back of the
 * uses left (`revoke:`); transfers are kept as history.
 */
export interface CardEventDoc extends JournalEntry {
  cardId: string
  kind: 'use' | 'restore' | 'transfer' | 'revoke'
  ref: string
  userId: string
  at: number
  toUserId?: string
  /** restore: the card's total, the ceiling the restore may not pass. */
  usesTotal?: number
  /** revoke: the uses left when it was written, all of which it takes (only while still so many). */
  uses?: number
}

export interface BudgetDoc {
  _id: string
  communityId: string
  title: string
  kind: 'event' | 'campaign'
  eventId: string | null
  capFen: number
  /** Only grows through guarded `inc`s: spentFen + cost ≤ capFen, checked in the same update. */
  spentFen: number
  grants: number
  createdBy: string
  idempotencyKey: string
  j: Record<string, Marker>
  createdAt: number
}

/**
 * Journal of a budget spend: one incentive to one resident, or cash to a recognised worker or
 * butler; `_id` is `reward:${key}`.
 */
export interface RewardDoc extends JournalEntry {
  budgetId: string
  communityId: string
  userId: string
  /** '' for cash: it goes to the person, not to a home. */
  householdId: string
  incentive: RewardIncentive
  costFen: number
  /** The budget's cap when charged: the guard refuses if an operator changed it meanwhile. */
  capAt: number
  issuedBy: string
  /** The coupon, card or point entry it became; for cash, the out_bill_no of its first transfer. */
  itemId: string
  at: number
}
