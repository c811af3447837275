/**
 * Stored shapes of the insights area. Everything here is derived from what the other functions
 * record (orders, bookings, sign-ups, ratings, bills) except profiles, rules, follow-up logs and
 * tasks. Derived documents are recomputed from their sources, never incremented, so a job that
 * dies half-way and runs again converges on the same figures.
 */
import type { ProfileFact, SurveyChannel } from '../../contracts/survey-kinds'
import type { AgeBand, ChurnCaseStatus, ChurnReason, FollowChannel, Need, PetKind, TaskKind } from '../../contracts/insights-labels'
import type { ChurnSettingsT, SegmentRuleT } from '../../contracts/insights'
import type { EventDoc } from '../event/docs'

/** One paid order or booking, normalised: the unit every sales metric counts. */
export interface PurchaseDoc {
  /** `order:${orderId}` or `booking:${bookingId}`. */
  _id: string
  communityId: string
  householdId: string
  /** `presale`, or the booked service's category (`housekeeping`, `plumbing`, …). */
  line: string
  kind: 'presale' | 'service' | 'repair'
  paidAt: number
  /** Shanghai day of `paidAt`, `YYYY-MM-DD`. */
  day: string
  /** Paid minus refunded. A purchase refunded in full stops counting. */
  netFen: number
  counted: boolean
  /** A service actually used (also card and free ones); the household's habits count these. */
  used: boolean
  /** Paid less than list price thanks to a coupon, points or a level discount. */
  discounted: boolean
  /** Came through a butler invitation. */
  invited: boolean
  /** Delivered to the door (pre-sale) or served at home (booking). */
  atDoor: boolean
  updatedAt: number
}

/** Per household, recomputed from its purchases, sign-ups and ratings whenever one of them moved. */
export interface HouseholdStatsDoc {
  /** The household id. */
  _id: string
  communityId: string
  buildingId: string
  orders: number
  spentFen: number
  firstPaidAt: number | null
  lastPaidAt: number | null
  /** Counted purchases per Shanghai day over the last 400 days: `[count, fen, discounted, presale, atDoor]`. */
  days: Record<string, [number, number, number, number, number]>
  /** Uses per `${kind}:${line}` per day over the last 400 days (card and free services included). */
  lineDays: Record<string, Record<string, number>>
  /** Spend per line per month, last 12 months. */
  months: Record<string, Record<string, number>>
  attendedDays: string[]
  lastAttendedAt: number | null
  lastSignupAt: number | null
  lowRatingDays: string[]
  lastActivityAt: number | null
  recomputedAt: number
  /** Outputs of the nightly scoring. */
  score: number | null
  atRisk: boolean
  reasons: { code: ChurnReason; points: number; detail: string }[]
  needs: Need[]
  /**
   * Why each need was found: `because` for staff (the rule with the household's numbers),
   * `residentReason` for the resident (plain words; absent on stats scored before it existed).
   */
  needReasons: { need: Need; because: string; residentReason?: string }[]
  /**
   * One flag per need, each indexed with the community: the store cannot match inside arrays
   * portably, and segments must be listed without reading every household.
   */
  needFlags: Record<Need, boolean>
  scoredDay: string | null
  /** The open churn case, if any: a conditional set on `null` keeps one case per household. */
  openCaseId: string | null
  /** When the last case ended 未召回; a new case waits for activity after it. */
  lastCaseLostAt?: number | null
}

/** Per community and Shanghai day, recomputed from that day's purchases and ratings. */
export interface DayMetricsDoc {
  /** `${communityId}:${day}` */
  _id: string
  communityId: string
  day: string
  orders: number
  gmvFen: number
  buyers: number
  lines: Record<string, [number, number]>
  invitedOrders: number
  serviceRatingSum100: number
  serviceRatings: number
  eventRatingSum100: number
  eventRatings: number
  /**
   * Parking paid that day, net of refunds: `[paid lines, fen]` of temporary stays and of monthly
   * cards. Absent on days last recomputed before parking was counted (read as none).
   */
  parking?: { stays: [number, number]; cards: [number, number] }
  updatedAt: number
}

/**
 * `_id` is the payment id: the parking lines of one paid payment, normalised like a purchase.
 * Projected from the ledger (a payment or a refund of it booked), so the dashboard counts the
 * money the ledger holds; drivers' payments have no household, so these are not purchases.
 */
export interface ParkingIncomeDoc {
  _id: string
  communityId: string
  /** Shanghai day of the payment: a refund lowers the day the money came in, as for orders. */
  day: string
  paidAt: number
  /** `[lines with money left after refunds, that money]` per kind. */
  stays: [number, number]
  cards: [number, number]
  updatedAt: number
}

/** Per community: what the nightly pass learnt that is not additive over days. */
export interface CommunitySnapshotDoc {
  /** The community id. */
  _id: string
  communityId: string
  /** Through which day (inclusive) the windows are computed. */
  throughDay: string
  /** Rolling windows (`7d`, `30d`, …) and calendar months (`2026-10`): repeaters / purchasers. */
  repurchase: Record<string, [number, number]>
  atRisk: number
  scored: number
  computedAt: number
}

/** Fee collection of one billing month, recomputed for recent months each night. */
export interface FeeMonthDoc {
  /** `${communityId}:${period}` */
  _id: string
  communityId: string
  period: string
  billedFen: number
  collectedFen: number
  updatedAt: number
}

/** Where the nightly pass stands for one community; each phase resumes from here. */
export interface InsightsCursorDoc {
  /** The community id. */
  _id: string
  /** Per source collection: the `updatedAt` (or `at`) already projected, minus a safety margin. */
  since: Record<string, number>
  /** The day whose scoring and tasks are complete. */
  scoredDay: string | null
  /** Resume point of a scoring pass cut short by the time budget. */
  scoringAfter: string | null
  scoringDay: string | null
  /** Running sums of a scoring pass in progress. */
  acc?: { repurchase: Record<string, [number, number]>; atRisk: number; scored: number }
  updatedAt: number
}

/** A household or day whose derived figures must be recomputed. The key makes marking idempotent. */
export interface DirtyDoc {
  /** `h:${householdId}` or `d:${communityId}:${day}` */
  _id: string
  communityId: string
  kind: 'household' | 'day'
  ref: string
  at: number
}

export interface ProfileDoc {
  /** The household id. */
  _id: string
  communityId: string
  members: { name: string; ageBand: AgeBand | null; occupation: string }[]
  areaCm2: number | null
  /** Absent on profiles saved before it was asked. */
  moveInYear?: number | null
  cars: { plate: string }[]
  pets: { kind: PetKind; count: number }[]
  note: string
  enteredBy: 'resident' | 'butler'
  enteredByUserId: string
  consentAt: number
  updatedAt: number
  /**
   * Facts answered in surveys (家庭人口, 是否有老人, ...), each with where it came from; written
   * only while the household consents (a profile exists and it has not opted out).
   */
  facts?: Partial<Record<ProfileFact, ProfileFactValue>>
}

export interface ProfileFactValue {
  value: number | boolean
  surveyId: string
  surveyTitle: string
  channel: SurveyChannel
  at: number
}

/** A household that asked us to stop profiling it (PIPL). Nightly passes skip it. */
export interface OptOutDoc {
  /** The household id. */
  _id: string
  communityId: string
  byUserId: string
  at: number
}

export interface RulesDoc {
  /** The community id. */
  _id: string
  segments: SegmentRuleT[]
  churn: ChurnSettingsT
  updatedAt: number
  updatedBy: string
}

export interface ChurnCaseDoc {
  /** `${householdId}:${openedDay}` */
  _id: string
  communityId: string
  householdId: string
  buildingId: string
  butlerUserId: string
  score: number
  reasons: { code: ChurnReason; points: number; detail: string }[]
  status: ChurnCaseStatus
  openedAt: number
  /** Activity before this does not count as a comeback. */
  lastActivityAtOpen: number | null
  followedAt: number | null
  closedAt: number | null
  updatedAt: number
}

export interface FollowLogDoc {
  /** `${butlerUserId}:${clientRequestId}`: a resubmitted log is written once. */
  _id: string
  communityId: string
  householdId: string
  butlerUserId: string
  channel: FollowChannel
  note: string
  caseId: string | null
  day: string
  at: number
}

export interface ButlerTaskDoc {
  /** `${day}:${communityId}:${butlerUserId}:${kind}` */
  _id: string
  communityId: string
  butlerUserId: string
  day: string
  kind: TaskKind
  target: number
  /** What the task is about: the event, the cases, the delivery tasks, the follow-ups. */
  refs: string[]
  households: { householdId: string; label: string; why: string }[]
  detail: string
  /** Frozen when the day is over (and refreshed while it runs) so the scoreboard reads stored rows. */
  progress: number
  updatedAt: number
}

export interface RevealLogDoc {
  _id: string
  communityId: string
  butlerUserId: string
  householdId: string
  taskId: string
  at: number
}

/** A session's programme kept for reuse (replicated from a pilot community): no dates, no seats taken. */
export interface EventTemplateDoc {
  _id: string
  communityId: string
  kind: EventDoc['kind']
  title: string
  /** The source event's cover; absent on templates copied before covers existed. */
  cover?: string | null
  description: string
  venue: string
  durationMin: number
  capacity: number
  seatsPerHousehold: number
  cancelHoursBefore: number
  fields: EventDoc['fields']
  rewards: EventDoc['rewards']
  fromCommunityId: string
  createdAt: number
}
