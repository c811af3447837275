/**
 * The payment gateway port: WeChat Pay API v3 in CloudBase, a local sandbox that signs and
 * encrypts like WeChat Pay in the local server. Features never call either directly: they go
 * through the payment module (domain/payment), which talks to this port.
 */
export interface PrepayRequest {
  outTradeNo: string
  description: string
  totalFen: number
  openid: string
  expiresAt: number
}

export interface WechatLaunchParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export type Launch = { kind: 'wechat'; params: WechatLaunchParams } | { kind: 'sandbox'; prepayId: string }

export type PrepayResult = { ok: true; prepayId: string; launch: Launch } | { ok: false; reason: string }

/** The transaction as WeChat Pay describes it (the decrypted `transaction` resource or an order query). */
export interface Transaction {
  outTradeNo: string
  transactionId: string | null
  tradeState: 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'PAYERROR' | 'USERPAYING' | 'REVOKED' | 'NOT_FOUND'
  totalFen: number | null
  successAt: number | null
}

export interface RefundRequest {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  totalFen: number
  reason: string
}

/**
 * `definite`: WeChat Pay refused the refund (a business error), so nothing left the account.
 * Otherwise (network error, 5xx, timeout) the outcome is unknown and must be asked later.
 * `ABNORMAL` is not a refusal: WeChat Pay took the refund but could not pay it out (the money may
 * be held for manual handling), so it is reported as accepted with that status.
 */
export type RefundResult = { ok: true; status: 'SUCCESS' | 'PROCESSING' | 'ABNORMAL'; refundId: string } | { ok: false; reason: string; definite: boolean }

/** The decrypted `refund` resource of a refund notification. */
export interface RefundOutcome {
  outTradeNo: string
  outRefundNo: string
  refundId: string
  status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'PROCESSING'
  refundFen: number
  successAt: number | null
}

export type VerifiedNotification =
  | { kind: 'transaction'; id: string; eventType: string; transaction: Transaction }
  | { kind: 'refund'; id: string; eventType: string; refund: RefundOutcome }

export type NotificationCheck = { ok: true; notification: VerifiedNotification } | { ok: false; reason: string }

export interface PaymentGateway {
  channel: 'wechat' | 'sandbox'
  prepay(req: PrepayRequest): Promise<PrepayResult>
  query(outTradeNo: string): Promise<Transaction>
  close(outTradeNo: string): Promise<void>
  refund(req: RefundRequest): Promise<RefundResult>
  /** The refund as WeChat Pay knows it, by out_refund_no; null when it never received it. */
  queryRefund(outRefundNo: string): Promise<RefundOutcome | null>
  /** Checks the signature (either key mode), the timestamp and decrypts the resource. */
  verifyNotification(headers: Readonly<Record<string, string | undefined>>, body: string): NotificationCheck
}
