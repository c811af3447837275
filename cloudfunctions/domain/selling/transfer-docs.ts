import type { TransferScene, TransferState } from '../../kernel/transfer-gateway'

/** What a transfer pays: a commission statement, or a cash reward (光荣榜). */
export type TransferPurpose = 'statement' | 'reward'

/** WeChat Pay's state of the bill; `UNSENT` until WeChat Pay has answered its creation. */
export type TransferRowState = TransferState | 'UNSENT'

/**
 * `_id` is the out_bill_no (`T` + 24 hex of sha1(purpose:refId) + `A` + attempt): one attempt is one
 * bill, inserted once, and WeChat Pay dedupes by the same number however often it is resubmitted.
 */
export interface TransferDoc {
  _id: string
  purpose: TransferPurpose
  refId: string
  attempt: number
  communityId: string
  userId: string
  openid: string
  amountFen: number
  remark: string
  scene: TransferScene
  state: TransferRowState
  billNo: string | null
  packageInfo: string | null
  failReason: string | null
  /** WeChat Pay refused the bill outright (a definite create error): no bill exists under the number. */
  refused: boolean
  /** The last create or query that answered nothing certain, for the operator's eye. */
  lastError: string | null
  createdAt: number
  updatedAt: number
  finishedAt: number | null
}
