/** Stored shapes of the event feature. Times are UTC epoch ms. */
import type { Answers, EventKind, FormField, IdeaStatus, RatingDimension, Reward, SignupStatus } from '../../contracts/event'

export interface EventDoc {
  _id: string
  communityId: string
  kind: EventKind
  title: string
  /** A photo id; events saved before photos were uploaded hold '' or an address (read as none). */
  cover: string | null
  description: string
  venue: string
  startAt: number
  endAt: number
  capacity: number
  signupOpensAt: number
  signupClosesAt: number
  cancelHoursBefore: number
  seatsPerHousehold: number
  fields: FormField[]
  rewards: { attendance: Reward | null; feedback: Reward | null }
  verifierIds: string[]
  status: 'published'
  /**
   * Seat counter, changed only by conditional `inc`: a seat is claimed with
   * `confirmed < capacity`, so it can never pass capacity, whatever runs at once.
   */
  confirmed: number
  /** Sign-ups on (or about to join) the waitlist; direct sign-ups need it at 0, so none jumps the queue. */
  waiting: number
  /** HMAC key of this event's tickets; never leaves the server. */
  ticketSecret: string
  /** Set once the no-show sweep has run after the end. */
  closedAt?: number
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface SignupDoc {
  /** `${eventId}:${householdId}:${slot}` with slot in 1..seatsPerHousehold. */
  _id: string
  eventId: string
  communityId: string
  householdId: string
  userId: string
  /** `pending` only between claiming the slot and learning whether a seat was free. */
  status: SignupStatus | 'pending'
  answers: Answers
  /**
   * Sign-up order: the acceptance time (zero-padded ms) plus a random tiebreaker. The waitlist is
   * ordered by it, promotion takes its head, and a place number is the rank within it.
   */
  queueKey: string
  createdAt: number
  updatedAt: number
  confirmedAt?: number
  promotedAt?: number
  cancelledAt?: number
  checkedInAt?: number
  checkedInBy?: string
  /** The butler invitation the sign-up came through, if any. */
  inviteId?: string
  /**
   * Written last by feedback, after the feedback row, its idea and its reward: until it is set the
   * form stays open, and a resubmission finishes the steps a crash left undone.
   */
  feedbackAt?: number
  /**
   * The fixed first part of the ticket's short code, unique within the event (held by a
   * {@link TicketKeyDoc}); given on the first ticket request, so sign-ups made before it existed
   * get one the next time their ticket page refreshes.
   */
  ticketKey?: string
}

/**
 * `_id` is `${eventId}:${ticketKey}`: the key makes a short code unique within its event and lets
 * check-in find the sign-up with one read. Valid only while the sign-up's `ticketKey` agrees (a
 * request that lost the race to key the sign-up may leave an orphan behind).
 */
export interface TicketKeyDoc {
  _id: string
  eventId: string
  signupId: string
  createdAt: number
}

export interface ReminderDoc {
  /** `${signupId}:${kind}` */
  _id: string
  eventId: string
  signupId: string
  userId: string
  kind: 'day' | 'hour'
  at: number
}

export interface FeedbackDoc {
  /** `${eventId}:${userId}` */
  _id: string
  eventId: string
  communityId: string
  userId: string
  ratings: Record<RatingDimension, number>
  comment: string
  ideas: string
  createdAt: number
}

export interface IdeaDoc {
  /** `${eventId}:${userId}`: one idea per feedback. */
  _id: string
  communityId: string
  eventId: string
  userId: string
  text: string
  tags: string[]
  status: IdeaStatus
  createdAt: number
  updatedAt: number
}

export interface InviteDoc {
  /** `${eventId}:${butlerUserId}` */
  _id: string
  eventId: string
  communityId: string
  butlerUserId: string
  /** The poster scene and the share-path parameter: ≤ 32 url-safe characters. */
  token: string
  shares: number
  visits: number
  signups: number
  checkins: number
  createdAt: number
}

export interface VisitDoc {
  /** `${inviteId}:${userId}`: a visitor counts once per invitation. */
  _id: string
  inviteId: string
  eventId: string
  userId: string
  groupIds: string[]
  opens: number
  firstAt: number
  lastAt: number
}

export interface RewardGrantDoc {
  /** `${eventId}:${userId}:${kind}` */
  _id: string
  eventId: string
  communityId: string
  userId: string
  kind: 'attendance' | 'feedback'
  reward: Reward
  eventTitle: string
  grantedAt: number
}
