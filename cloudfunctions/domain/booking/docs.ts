import type { Need } from '../../contracts/insights-labels'
import type { Channel } from '../../contracts/desk-kinds'
/** Stored shapes of home services, repairs and complaints. Money in fen, times in UTC epoch ms. */
import type { BookingStatus, ComplaintCategory, ComplaintStatus, PayMode, RatingDimension, ServiceCategory } from '../../contracts/booking'
import type { Priced } from '../member/checkout'
import type { PraiseStatus } from '../../contracts/praise-labels'

export interface ChecklistItem {
  key: string
  label: string
}

export interface ServiceLineDoc {
  _id: string
  communityId: string
  name: string
  category: ServiceCategory
  /** A repair (报修) is a booking of a repair line. */
  kind: 'service' | 'repair'
  /** A photo id; absent on lines stored before covers existed. */
  cover?: string | null
  /** 五省 it serves; absent on lines stored before need tags. */
  needs?: Need[]
  description: string
  /** Null: quoted on site, paid after the service. */
  priceFen: number | null
  durationMin: number
  /** Repairs covered by the property fee cost the household nothing. */
  freeUnderPropertyFee: boolean
  /** Most bookings of this line in one slot, whatever the number of free workers. */
  slotCapacity: number
  checklist: ChecklistItem[]
  active: boolean
  order: number
  createdAt: number
}

/** Weekly hours: local weekdays (0 = Sunday) and minutes after local midnight. */
export interface WorkHours {
  days: number[]
  startMin: number
  endMin: number
}

export interface WorkerDoc {
  _id: string
  communityId: string
  userId: string
  name: string
  phone: string
  /** A partner company's worker rather than in-house staff. */
  partner: boolean
  /** The partner company, for a partner's worker (absent on profiles made before the console). */
  partnerCompany?: string
  /** Service categories the worker may be assigned. */
  skills: ServiceCategory[]
  hours: WorkHours
  /** Certificate photos (absent on profiles made before they were uploaded). */
  certificates?: string[]
  active: boolean
  outstanding: boolean
  outstandingNote: string
  createdAt: number
  updatedAt?: number
}

export interface SlotCounterDoc {
  _id: string
  communityId: string
  lineId: string
  slotStart: number
  /** The capacity the latest booking was counted against (the bound is derived per request). */
  capacity: number
  booked: number
  /** The kernel counter's journal: the booking attempts holding a unit. */
  holds: Record<string, number>
  updatedAt: number
}

export interface SlotClaimDoc {
  _id: string
  communityId: string
  workerId: string
  slotStart: number
  bookingId: string
  /** The attempt that made the claim, so compensation removes only its own. */
  attempt: string
  createdAt: number
}

export type PayState = 'unpaid' | 'paid' | 'due' | 'card' | 'free' | 'refunded'

export interface ReassignEntry {
  from: string
  to: string
  reason: string
  by: string
  at: number
}

export interface BookingDoc {
  _id: string
  /** `${userId}:${clientRequestId}`: a resubmitted booking returns this one. */
  idempotencyKey: string
  communityId: string
  householdId: string
  userId: string
  contactName: string
  lineId: string
  lineName: string
  category: ServiceCategory
  kind: 'service' | 'repair'
  slotStart: number
  slotEnd: number
  /** This booking holds a unit of its slot counter (false once released, or for a repair over capacity). */
  counterHeld: boolean
  /** The attempt holding that unit in the counter's journal: the key that gives it back. */
  slotHolder?: string
  /** Null: a repair waiting for the dispatcher. */
  workerId: string | null
  status: BookingStatus
  payMode: PayMode
  payState: PayState
  /** What is left to pay (after `pricing`'s discounts); null: quoted on site. */
  priceFen: number | null
  /** The line's price and what membership took off it, when the booking was priced with money. */
  pricing?: Priced
  /**
   * Present when the booking asked for a coupon or points: false until they are held for it
   * (coupon locked, points spent, keyed by the booking id). It cannot be paid before.
   */
  discountHeld?: boolean
  cardId?: string
  paymentId?: string
  /** When the payment settled; insights count the booking as an order on that day. */
  paidAt?: number
  /** Refunded so far (a partial refund keeps `payState: 'paid'`). */
  refundedFen?: number
  holdUntil: number | null
  note: string
  photos: string[]
  assignedAt?: number
  onWayAt?: number
  arrivedAt?: number
  lateMin?: number
  /** Checklist progress by item key. */
  steps: Record<string, { at: number; photo: string | null }>
  finishedAt?: number
  finishNote?: string
  cancelledAt?: number
  cancelledBy?: string
  reassignments: ReassignEntry[]
  rated: boolean
  /** A 表扬信 was written for it (absent on bookings from before 表扬信). */
  praised?: boolean
  /** How a booking staff made for the household reached us (absent: the resident booked it). */
  channel?: Channel
  /** Who at the desk made it for the household. */
  enteredBy?: { userId: string; name: string }
  createdAt: number
  updatedAt: number
}

export interface RatingDoc {
  /** The booking id. */
  _id: string
  communityId: string
  workerId: string
  householdId: string
  lineId: string
  userId: string
  scores: Record<RatingDimension, number>
  /** Average × 100, an integer. */
  avg100: number
  comment: string
  nextTime: 'same' | 'different' | 'any'
  at: number
}

export interface FollowUpDoc {
  _id: string
  communityId: string
  butlerUserId: string
  householdId: string
  householdLabel: string
  bookingId: string
  lineName: string
  workerName: string
  avg100: number
  comment: string
  status: 'open' | 'closed'
  note: string
  createdAt: number
  closedAt: number | null
  closedBy?: string
}

export interface ComplaintDoc {
  _id: string
  idempotencyKey: string
  communityId: string
  householdId: string
  /** The household's building: butlers see and answer the complaints of their grids' buildings. */
  buildingId: string
  householdLabel: string
  userId: string
  category: ComplaintCategory
  text: string
  photos: string[]
  status: ComplaintStatus
  response: string
  firstResponseAt: number | null
  resolvedAt: number | null
  handledBy?: string
  rating: { score: number; comment: string } | null
  createdAt: number
  updatedAt: number
}

/** `_id` is the booking id: a household thanks a booking's worker once. */
export interface PraiseLetterDoc {
  _id: string
  communityId: string
  bookingId: string
  lineName: string
  workerId: string
  workerName: string
  householdId: string
  householdLabel: string
  userId: string
  /** The butler of the household's grid when written ('' when none): the letter counts on their scoreboard. */
  butlerUserId: string
  text: string
  /** The writer's request: a retry returns this letter instead of failing. */
  clientRequestId: string
  status: PraiseStatus
  reason: string
  at: number
  decidedAt: number | null
  decidedBy: string
}
