import type { Need } from '../../contracts/insights-labels'
import type { NoticeAudienceKind, NoticeCategory } from '../../contracts/message-kinds'
import type { NoticeBlock } from '../../contracts/message'

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
