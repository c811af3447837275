import type { KitKind, KitUse, ScriptChannel } from '../../contracts/selling-labels'
import type { TrainingLine } from '../../contracts/training-labels'

/** `_id` is `${kind}:${refId}`. Key facts are never stored: the kit reads them from the campaign or event. */
export interface SellingKitDoc {
  _id: string
  kind: KitKind
  refId: string
  communityId: string
  line: TrainingLine
  scripts: { id: string; channel: ScriptChannel; title: string; text: string }[]
  notes: string[]
  version: number
  updatedBy: string
  updatedAt: number
}

/**
 * One use of a kit by a butler. `_id` is `${userId}:${clientRequestId}` for what the phone reports
 * (a retry is one use) and `share:${inviteId}:${random}` for the shares the server records.
 */
export interface KitUseDoc {
  _id: string
  communityId: string
  butlerUserId: string
  kind: KitKind
  refId: string
  what: KitUse
  scriptId: string | null
  /** Asia/Shanghai `YYYY-MM-DD`, the day the daily tasks count it in. */
  day: string
  at: number
}

/** `_id` is the campaign id: each butler's daily targets while the campaign is on sale. */
export interface SellingTargetDoc {
  _id: string
  communityId: string
  shares: number
  visits: number
  orders: number
  updatedBy: string
  updatedAt: number
}
