import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { type ChainNode, type ClientConfig, errorText, httpStatus, signedClient } from './client'
import type { Clock } from '../../kernel/ports'
import type { PaymentGateway, PrepayRequest, RefundOutcome, RefundRequest, RefundResult, Transaction } from '../../kernel/payment-gateway'
import type { MerchantConfig } from './env'
import { makeNotificationVerifier } from './notification'
import { shanghaiRfc3339 } from '../../contracts/shanghai'

/** WeChat Pay wants RFC 3339 with the +08:00 offset, e.g. 2026-11-23T10:34:56+08:00. */
export const rfc3339Shanghai = shanghaiRfc3339

/**
 * WeChat Pay API v3 for a direct merchant, through wechatpay-axios-plugin: it signs every
 * request with the merchant key and verifies every response with the platform certificates or
 * the WeChat Pay public key (whichever the merchant has), like notifications below.
 */
export class WechatPayGateway implements PaymentGateway {
  readonly channel = 'wechat' as const
  private readonly client: ChainNode
  private readonly privateKey: ReturnType<typeof Rsa.from>
  readonly verifyNotification: PaymentGateway['verifyNotification']

  constructor(
    private readonly cfg: MerchantConfig,
    private readonly clock: Clock,
    /** Tests pass an axios adapter here to answer in place of api.mch.weixin.qq.com. */
    axiosConfig: Partial<ClientConfig> = {}
  ) {
    const { client, privateKey } = signedClient(cfg, axiosConfig)
    this.client = client
    this.privateKey = privateKey
    this.verifyNotification = makeNotificationVerifier({ apiV3Key: cfg.apiV3Key, publicKeys: cfg.publicKeys, clock })
  }

  private get v3(): ChainNode {
    return this.client.v3!
  }

  async prepay(req: PrepayRequest) {
    try {
      const { data } = await this.v3.pay!.transactions!.jsapi!.post({
        appid: this.cfg.appid,
        mchid: this.cfg.mchid,
        description: req.description,
        out_trade_no: req.outTradeNo,
        time_expire: rfc3339Shanghai(req.expiresAt),
        notify_url: this.cfg.notifyUrl,
        amount: { total: req.totalFen, currency: 'CNY' },
        payer: { openid: req.openid }
      })
      const prepayId = (data as { prepay_id?: unknown }).prepay_id
      if (typeof prepayId !== 'string') return { ok: false as const, reason: 'no prepay_id in response' }
      return { ok: true as const, prepayId, launch: { kind: 'wechat' as const, params: this.payParams(prepayId) } }
    } catch (e) {
      return { ok: false as const, reason: errorText(e) }
    }
  }

  /** The parameters of wx.requestPayment, signed with the merchant key (paySign). */
  payParams(prepayId: string) {
    const timeStamp = String(Math.floor(this.clock.now() / 1000))
    const nonceStr = Formatter.nonce()
    const pkg = `prepay_id=${prepayId}`
    const paySign = Rsa.sign(Formatter.joinedByLineFeed(this.cfg.appid, timeStamp, nonceStr, pkg), this.privateKey)
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA' as const, paySign }
  }

  async query(outTradeNo: string): Promise<Transaction> {
    try {
      const { data } = await this.v3.pay!.transactions!.outTradeNo!['{out_trade_no}']!.get({ params: { mchid: this.cfg.mchid }, out_trade_no: outTradeNo })
      const d = data as { trade_state?: string; transaction_id?: string; amount?: { total?: number }; success_time?: string }
      return {
        outTradeNo,
        transactionId: d.transaction_id ?? null,
        tradeState: (d.trade_state ?? 'NOTPAY') as Transaction['tradeState'],
        totalFen: d.amount?.total ?? null,
        successAt: d.success_time ? Date.parse(d.success_time) : null
      }
    } catch (e) {
      if (httpStatus(e) === 404) return { outTradeNo, transactionId: null, tradeState: 'NOT_FOUND', totalFen: null, successAt: null }
      throw e
    }
  }

  async close(outTradeNo: string): Promise<void> {
    await this.v3.pay!.transactions!.outTradeNo!['{out_trade_no}']!.close!.post({ mchid: this.cfg.mchid }, { out_trade_no: outTradeNo })
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    try {
      const { data } = await this.v3.refund!.domestic!.refunds!.post({
        out_trade_no: req.outTradeNo,
        out_refund_no: req.outRefundNo,
        reason: req.reason,
        notify_url: this.cfg.notifyUrl,
        amount: { refund: req.refundFen, total: req.totalFen, currency: 'CNY' }
      })
      const d = data as { status?: string; refund_id?: string }
      if (d.status !== 'SUCCESS' && d.status !== 'PROCESSING' && d.status !== 'ABNORMAL') return { ok: false, reason: `refund status ${String(d.status)}`, definite: true }
      return { ok: true, status: d.status, refundId: d.refund_id ?? '' }
    } catch (e) {
      // Only a 4xx answer (other than rate limiting) says WeChat Pay refused; anything else may
      // still have gone through, so the refund stays pending until a query settles it.
      const status = httpStatus(e)
      const definite = status !== undefined && status >= 400 && status < 500 && status !== 429
      return { ok: false, reason: errorText(e), definite }
    }
  }

  async queryRefund(outRefundNo: string): Promise<RefundOutcome | null> {
    try {
      const { data } = await this.v3.refund!.domestic!.refunds!['{out_refund_no}']!.get({ out_refund_no: outRefundNo })
      const d = data as { out_trade_no?: string; refund_id?: string; status?: string; amount?: { refund?: number }; success_time?: string }
      return {
        outTradeNo: d.out_trade_no ?? '',
        outRefundNo,
        refundId: d.refund_id ?? '',
        status: (d.status ?? 'PROCESSING') as RefundOutcome['status'],
        refundFen: d.amount?.refund ?? 0,
        successAt: d.success_time ? Date.parse(d.success_time) : null
      }
    } catch (e) {
      if (httpStatus(e) === 404) return null
      throw e
    }
  }
}
