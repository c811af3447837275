/** Stored shapes of smart parking (issue 18). Times are UTC epoch ms, money whole fen. */
import type { FeeRule } from '../../contracts/parking-fee'
import type { BarrierDirection, EventException, SessionKind, SessionStatus, SpaceType } from '../../contracts/parking-labels'

/** Which barrier door of which gate lets cars in or out of the lot. */
export interface LotBarrier {
  gateId: string
  doorId: string
  direction: BarrierDirection
}

export interface ParkingLotDoc {
  _id: string
  communityId: string
  name: string
  /** Spaces a temporary car may take; the occupancy figure is read against it. */
  capacity: number
  rule: FeeRule
  /** After paying, how long the driver has to reach the exit (default 15 minutes). */
  graceMinutes: number
  /** How many plates each space's household may register on it. */
  platesPerSpace: number
  /** A monthly card's price per month; null: the lot sells none. */
  monthlyFen: number | null
  barriers: LotBarrier[]
  createdBy: string
  createdAt: number
  updatedAt: number
}

/**
 * A space (`_id` = `${lotId}:${code}`), and the bounded counter of the plates registered on it
 * (kernel/counter.ts): `plates` rises under `platesPerSpace`, `holds.p<hex of plate>` names them.
 */
export interface ParkingSpaceDoc {
  _id: string
  communityId: string
  lotId: string
  code: string
  type: SpaceType
  /** The household that bought or rents it; null for a public space. */
  householdId: string | null
  /** A rental's last day (exclusive end, epoch ms); null when bought or public. */
  rentedUntil: number | null
  plates: number
  holds: Record<string, number>
  updatedAt: number
}

/** `_id` is `${communityId}:${plate}`: in a community a plate is registered by one household. */
export interface ParkingPlateDoc {
  _id: string
  communityId: string
  householdId: string
  spaceId: string
  plate: string
  /** The space counter's journal key of this plate. */
  holdKey: string
  createdBy: string
  createdAt: number
}

export type CardStatus = 'pending' | 'active' | 'cancelled'

/** A monthly card: a plate parks in a lot from `validFrom` to `validTo`, once paid (payable `parkingCard`). */
export interface ParkingCardDoc {
  _id: string
  communityId: string
  lotId: string
  householdId: string
  plate: string
  months: number
  amountFen: number
  validFrom: number
  validTo: number
  status: CardStatus
  /** `${userId}:${clientRequestId}`, unique: a retried purchase makes one card. */
  requestKey: string
  paymentId: string | null
  paidAt: number | null
  createdBy: string
  createdAt: number
}

/** `_id` is `${lotId}:${plate}`. */
export interface ParkingBlacklistDoc {
  _id: string
  communityId: string
  lotId: string
  plate: string
  reason: string
  by: string
  at: number
}

/** One payment on a session, in order: `n` is the payable's sequence (`${sessionId}~${n}`). */
export interface SessionCharge {
  n: number
  paymentId: string
  amountFen: number
  at: number
  /** What the office refunded of this charge, in total (absent: nothing). */
  refundedFen?: number
}

/**
 * A car's stay in a lot. While open, `openKey` is `${lotId}:${plate}` under a unique index, so a
 * plate has at most one open session per lot whatever events race; closing rewrites it to
 * `closed:${_id}` in the same conditional update.
 */
export interface ParkingSessionDoc {
  _id: string
  communityId: string
  lotId: string
  plate: string
  kind: SessionKind
  status: SessionStatus
  openKey: string
  enteredAt: number
  entryEventId: string | null
  exitedAt: number | null
  exitEventId: string | null
  /** A visitor's host household and pass; null for others. */
  hostHouseholdId: string | null
  passId: string | null
  /**
   * The end of what covers a monthly or visitor stay: the card's `validTo` (cards renewed back to
   * back count as one), the pass's `validTo`. Past it the stay is priced from it (exit-rule.ts).
   * Absent on sessions written before it existed.
   */
  freeUntil?: number | null
  /** Payments so far: their sum and count (the next payable's sequence). */
  paidFen: number
  paidCount: number
  lastPaidAt: number | null
  charges: SessionCharge[]
  /** What the session cost when it closed (fee at exit); null while open. */
  feeFen: number | null
  /** Why it closed other than through the barrier: released by staff, or replaced by a new entry. */
  closedBy: string | null
  closeReason: string | null
  updatedAt: number
}

/**
 * Every barrier event and manual opening, keyed `${gateId}:${eventId}` (manual: `manual:${id}`),
 * so a camera re-sending one event is recognised and answered as the first time.
 */
export interface ParkingEventDoc {
  _id: string
  communityId: string
  lotId: string
  gateId: string
  doorId: string
  direction: BarrierDirection | 'manual'
  plate: string | null
  /** When the camera saw the car (the event's own time, which may arrive late). */
  at: number
  receivedAt: number
  photo: string | null
  sessionId: string | null
  decision: 'open' | 'deny' | null
  reason: string | null
  message: string
  dueFen: number | null
  /** An exit with no entry waits to be matched by a late entry event. */
  matched: boolean
  exception: EventException | null
  /** 1 while an exception waits for staff, 0 once resolved or when there is none (indexed). */
  exceptionOpen: 0 | 1
  resolvedBy: string | null
  resolvedAt: number | null
  note: string | null
  /** Staff who opened by hand or resolved the exception. */
  byUserId: string | null
  byName: string | null
}
