import type { Need } from '../../contracts/insights-labels'
import type { NoticeAudienceKind, NoticeCategory } from '../../contracts/message-kinds'
import type { NoticeBlock } from '../../contracts/message'
import type { VoteChannel, VoteKind, VoteRule } from '../../contracts/vote-rules'
import type { Answers, Question } from '../../contracts/message-surveys'
import type { SurveyChannel, SurveyPer } from '../../contracts/survey-kinds'
import type { SmsTemplate } from '../../kernel/ports'
import type { Tally } from './tally'

/** When a user last marked all their messages read: messages older than it count as read. */
export interface InboxMarkDoc {
  /** The user's id. */
  _id: string
  readAllAt: number
}

/**
 * One notice, shared by every household in its audience: publishing writes this document only,
 * whatever the audience's size, and a household's receipt is written when one of its members
 * opens it (see noticeReads).
 */
export interface NoticeDoc {
  /** Derived from the author and the client's request id: a resubmitted publish writes nothing new. */
  _id: string
  communityId: string
  title: string
  category: NoticeCategory
  blocks: NoticeBlock[]
  pinned: boolean
  important: boolean
  publishAt: number
  expiresAt: number | null
  audience: { kind: NoticeAudienceKind; buildingIds: string[]; gridId?: string; need?: Need }
  /**
   * The buildings the audience comes to, fixed when saved (a grid's buildings at that moment);
   * null for the whole community or a need segment.
   */
  buildingIds: string[] | null
  /** 1栋、2栋 / 东区网格 / 省心人群, for lists. */
  audienceLabel: string
  withdrawnAt: number | null
  /** Households that opened it; counted once each, after their receipt is written. */
  reads: number
  /**
   * Texts to the audience's households no one in the mini-program can see it for (important
   * notices only): how far the job has gone, by household id, and whether it is done.
   */
  sms?: { after: string | null; done: boolean; sent: number }
  authorId: string
  authorName: string
  createdAt: number
  updatedAt: number
}

/** A household opened a notice (any member): `_id` is `${noticeId}:${householdId}`. */
export interface NoticeReadDoc {
  _id: string
  noticeId: string
  communityId: string
  householdId: string
  buildingId: string
  /** The member who opened it first. */
  userId: string
  at: number
}

/** A butler reminded a household to read an important notice: `_id` is `${noticeId}:${householdId}:${day}`. */
export interface NoticeNudgeDoc {
  _id: string
  noticeId: string
  communityId: string
  householdId: string
  butlerId: string
  /** Members messaged. */
  members: number
  at: number
}

/** An owner vote (业主表决): the matter, its rule, and the totals of the roll fixed when it was made. */
export interface VoteDoc {
  /** Derived from the author and the client's request id: a resubmitted create writes nothing new. */
  _id: string
  communityId: string
  title: string
  description: string
  rule: VoteRule
  kind: VoteKind
  options: string[]
  /** The buildings voting; null for the whole community. */
  buildingIds: string[] | null
  scopeLabel: string
  opensAt: number
  closesAt: number
  /** The roll: units that may vote, their area and their owners by head, fixed at creation. */
  units: number
  totalAreaCm2: number
  totalOwners: number
  rollChunks: number
  /** Counted on each ballot written, for lists; the tally counts the ballots themselves. */
  ballots: number
  /** Written once, at the close, by a conditional update on `null`. */
  tally: StoredTally | null
  createdBy: string
  createdByName: string
  createdAt: number
}

export interface StoredTally extends Tally {
  countedAt: number
}

/** Up to 500 units of one building in a vote's roll: `[householdId, areaCm2, ownerKey, buildingId]` each. */
export interface VoteRollDoc {
  _id: string
  voteId: string
  buildingId: string
  units: [string, number, string, string][]
}

/** One unit's ballot: written once under `${voteId}:${householdId}`, never changed. */
export interface BallotDoc {
  _id: string
  voteId: string
  communityId: string
  householdId: string
  buildingId: string
  areaCm2: number
  ownerKey: string
  option: number
  channel: VoteChannel
  /** Who cast it (the owner in the mini-program), or who entered the paper ballot. */
  castBy: string
  photo: string | null
  /** Printed for the owner and published with the tally: how an owner checks their ballot was counted. */
  receipt: string
  castAt: number
}

/** A survey (问卷): its questions and audience, saved as a notice's is. */
export interface SurveyDoc {
  /** Derived from the author and the client's request id: a resubmitted publish writes nothing new. */
  _id: string
  communityId: string
  title: string
  intro: string
  questions: Question[]
  audience: NoticeDoc['audience']
  buildingIds: string[] | null
  audienceLabel: string
  anonymous: boolean
  per: SurveyPer
  opensAt: number
  closesAt: number
  responses: number
  createdBy: string
  createdByName: string
  createdAt: number
}

/** One response: `${surveyId}:${householdId}` (one a household) or `${surveyId}:${userId}` (one a person). */
export interface SurveyResponseDoc {
  _id: string
  surveyId: string
  communityId: string
  householdId: string
  buildingId: string
  /** Who answered; null when the survey is anonymous, or for a paper copy entered by a butler. */
  userId: string | null
  channel: SurveyChannel
  /** The butler who entered a paper or door-to-door response. */
  enteredBy: string | null
  answers: Answers
  at: number
}

/** A community's texts: off unless the office switched them on, and a cap a month. */
export interface SmsSettingsDoc {
  /** The community's id. */
  _id: string
  enabled: boolean
  monthlyLimit: number
  updatedBy: string
  updatedAt: number
}

/** One text to a household, written before it is sent so none goes twice. */
export interface SmsSendDoc {
  /** `${kind}:${ref}:${householdId}` */
  _id: string
  communityId: string
  householdId: string
  kind: SmsTemplate
  /** The bill or the notice it is about. */
  ref: string
  /** Masked, as staff see phones. */
  phoneMasked: string
  status: 'pending' | 'sent' | 'failed' | 'over_budget'
  error?: string
  providerId?: string
  month: string
  at: number
}

/** The month's count of texts of a community: a bounded counter with its journal of sends. */
export interface SmsBudgetDoc {
  _id: string
  communityId: string
  month: string
  sent: number
  holds: Record<string, number>
}
