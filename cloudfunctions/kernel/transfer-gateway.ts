/**
 * The transfer port: WeChat Pay 商家转账 (the upgraded 2025 API, `/v3/fund-app/mch-transfer/
 * transfer-bills`) in CloudBase, a local sandbox that signs like WeChat Pay in the local server.
 * A bill waits for its recipient to confirm it in WeChat (`wx.requestMerchantTransfer`), so a
 * created bill is not yet money paid: only SUCCESS is.
 */

/** Why we pay: the scene decides WeChat's 转账场景 (1005 佣金报酬, 1000 现金营销) and what the recipient reads. */
export type TransferScene = 'commission' | 'reward'

export type TransferState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED'

/** WeChat never changes a bill in one of these again; only then may a new out_bill_no be tried. */
export const FINAL_TRANSFER_STATES: readonly TransferState[] = ['SUCCESS', 'FAIL', 'CANCELLED']

export function isFinalTransferState(state: TransferState): boolean {
  return FINAL_TRANSFER_STATES.includes(state)
}

/** From ¥2,000 a bill must carry the recipient's RSA-encrypted real name; we store no names, so such payouts are refused. */
export const REAL_NAME_FROM_FEN = 200_000

export interface TransferRequest {
  /** Letters and digits, at most 32; resubmitting the same number is the same bill. */
  outBillNo: string
  openid: string
  amountFen: number
  /** What the recipient reads in WeChat (at most 32 characters). */
  remark: string
  scene: TransferScene
}

/**
 * `definite`: WeChat Pay refused the bill (a business error), so no bill exists under this number.
 * Otherwise (network error, 5xx, timeout) the outcome is unknown: query before anything else.
 */
export type TransferCreateResult =
  | { ok: true; state: TransferState; billNo: string | null; packageInfo: string | null }
  | { ok: false; reason: string; definite: boolean }

/** A bill as WeChat Pay describes it (a query, or the decrypted resource of a notification). */
export interface TransferBill {
  outBillNo: string
  billNo: string | null
  state: TransferState
  amountFen: number | null
  failReason: string | null
  /** For a WAIT_USER_CONFIRM bill: what the recipient's tap hands to wx.requestMerchantTransfer. */
  packageInfo: string | null
}

export type CancelResult = { ok: true; state: TransferState } | { ok: false; reason: string }

export interface TransferNotification {
  id: string
  eventType: string
  bill: TransferBill
}

export type TransferNotificationCheck = { ok: true; notification: TransferNotification } | { ok: false; reason: string }

export interface TransferGateway {
  channel: 'wechat' | 'sandbox'
  /** What the mini-program hands wx.requestMerchantTransfer beside the package. */
  readonly mchId: string
  readonly appId: string
  create(req: TransferRequest): Promise<TransferCreateResult>
  /** The bill by out_bill_no; null when WeChat Pay never received it (404 NOT_FOUND). */
  query(outBillNo: string): Promise<TransferBill | null>
  /** Only before the recipient confirms; WeChat answers CANCELING and finishes later. */
  cancel(outBillNo: string): Promise<CancelResult>
  /** Checks the signature (either key mode), the timestamp and decrypts a MCHTRANSFER.* resource. */
  verifyNotification(headers: Readonly<Record<string, string | undefined>>, body: string): TransferNotificationCheck
}
