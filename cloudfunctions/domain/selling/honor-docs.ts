import type { HonorKind, HonorRollStatus } from '../../contracts/selling-labels'

export interface HonorEntry {
  kind: HonorKind
  /** The worker id, or the butler's user id. */
  refId: string
  /** Who receives rewards and the notice: the worker's or the butler's user. */
  userId: string
  /** Name and photo as stored when the roll was saved. */
  name: string
  photo: string
  reason: string
}

/** `_id` is `${communityId}:${month}`. */
export interface HonorRollDoc {
  _id: string
  communityId: string
  month: string
  status: HonorRollStatus
  entries: HonorEntry[]
  savedBy: string
  savedAt: number
  publishedAt: number | null
  publishedBy: string
}
