/**
 * The real WeChat Pay adapter (`WechatPayGateway`, through wechatpay-axios-plugin) against a fake
 * api.mch.weixin.qq.com: an axios adapter that checks each request (URL, method, JSON body, the
 * merchant's Authorization signature) and answers with responses signed by a WeChat Pay key, as
 * the plugin verifies every response. No network is involved.
 */
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import type { MerchantConfig } from '../../cloudfunctions/adapters/wechatpay/env'
import { WechatPayGateway, rfc3339Shanghai } from '../../cloudfunctions/adapters/wechatpay/gateway'
import { FakeClock } from '../support/harness'
import { type KeyPair, apiV3Key, platformCertificate, rsaKeyPair, signNotification, transactionResource } from '../support/pay'

type AxiosOverrides = NonNullable<ConstructorParameters<typeof WechatPayGateway>[2]>
type Adapter = Extract<NonNullable<AxiosOverrides['adapter']>, (...args: never[]) => unknown>
type RequestConfig = Parameters<Adapter>[0]
type Response = Awaited<ReturnType<Adapter>>

const merchant = rsaKeyPair(0)
const wechat = rsaKeyPair(1)
const stranger = rsaKeyPair(2)
const PUB_KEY_ID = 'PUB_KEY_ID_0114232019043020000000000012345678'
const CERT_SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1'

function config(publicKeys: Record<string, string>): MerchantConfig {
  return {
    appid: 'wx0123456789abcdef',
    mchid: '1900000109',
    serial: MERCHANT_SERIAL,
    privateKey: merchant.privateKey,
    apiV3Key: apiV3Key('gateway'),
    notifyUrl: 'https://linli.example.com/pay/notify',
    publicKeys
  }
}

interface Seen {
  method: string
  path: string
  body: Record<string, unknown> | null
  rawBody: string
  authorization: string
}

interface Answer {
  status: number
  body?: Record<string, unknown>
  /** Who signs the response: WeChat Pay's key under its id by default. */
  signer?: { pair: KeyPair; keyId: string } | null
}

/** The fake WeChat Pay: records requests, checks the merchant signature, answers signed. */
function fakeWechatPay(answer: (req: Seen) => Answer, signer = { pair: wechat, keyId: PUB_KEY_ID }) {
  const seen: Seen[] = []
  const adapter = async (cfg: RequestConfig): Promise<Response> => {
    const url = new URL(cfg.url ?? '', cfg.baseURL)
    const params = new URLSearchParams((cfg.params ?? {}) as Record<string, string>).toString()
    const path = `${url.pathname}${params ? `?${params}` : url.search}`
    const rawBody = typeof cfg.data === 'string' ? cfg.data : ''
    const authorization = String(cfg.headers.get('Authorization') ?? '')
    const req: Seen = { method: String(cfg.method).toUpperCase(), path, body: rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : null, rawBody, authorization }
    seen.push(req)
    // The merchant's request signature must verify with the merchant's public key.
    const m = /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",serial_no="(\w+)",timestamp="(\d+)",nonce_str="(\w+)",signature="([^"]+)"$/.exec(authorization)
    if (!m) throw new Error(`bad Authorization header: ${authorization}`)
    const signed = Formatter.request(req.method, path, m[3]!, m[4]!, req.method === 'GET' ? '' : rawBody)
    if (!Rsa.verify(signed, m[5]!, Rsa.from(merchant.publicKey, Rsa.KEY_TYPE_PUBLIC))) throw new Error('merchant signature does not verify')

    const a = answer(req)
    const data = a.body === undefined ? '' : JSON.stringify(a.body)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = Formatter.nonce()
    const by = a.signer === undefined ? signer : a.signer
    const headers: Record<string, string> = by
      ? {
          'Wechatpay-Timestamp': timestamp,
          'Wechatpay-Nonce': nonce,
          'Wechatpay-Serial': by.keyId,
          'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, data), Rsa.from(by.pair.privateKey, Rsa.KEY_TYPE_PRIVATE)),
          'Request-ID': 'fake-request-id'
        }
      : {}
    const response: Response = { data, status: a.status, statusText: String(a.status), headers, config: cfg, request: {} }
    if (a.status >= 200 && a.status < 300) return response
    // What axios's own adapters do on a non-2xx status (settle → AxiosError with the response).
    throw Object.assign(new Error(`Request failed with status code ${a.status}`), { response, config: cfg, isAxiosError: true })
  }
  return { seen, adapter }
}

const clock = new FakeClock(Date.UTC(2026, 0, 6, 2, 0, 0))
function gateway(answer: (req: Seen) => Answer, keys: Record<string, string> = { [PUB_KEY_ID]: wechat.publicKey }, signer = { pair: wechat, keyId: PUB_KEY_ID }) {
  const fake = fakeWechatPay(answer, signer)
  return { gw: new WechatPayGateway(config(keys), clock, { adapter: fake.adapter }), seen: fake.seen }
}

const PREPAY = { outTradeNo: 'P20260106ABCDEFGHJKLMNP', description: '2026-01 物业费', totalFen: 28104, openid: 'o-wang-openid', expiresAt: Date.UTC(2026, 0, 6, 2, 15, 0) }

describe('prepay (POST /v3/pay/transactions/jsapi)', () => {
  it('sends the order as WeChat Pay wants it, signed by the merchant, and returns signed cashier parameters', async () => {
    const { gw, seen } = gateway(() => ({ status: 200, body: { prepay_id: 'wx06100000123456789' } }))
    const res = await gw.prepay(PREPAY)
    expect(seen).toHaveLength(1)
    const [req] = seen
    expect(req!.method).toBe('POST')
    expect(req!.path).toBe('/v3/pay/transactions/jsapi')
    expect(req!.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",serial_no="3775B6A45ACD588826D15E583A95F5DD3FD2A1E1",/)
    expect(req!.body).toEqual({
      appid: 'wx0123456789abcdef',
      mchid: '1900000109',
      description: '2026-01 物业费',
      out_trade_no: 'P20260106ABCDEFGHJKLMNP',
      time_expire: '2026-01-06T10:15:00+08:00',
      notify_url: 'https://linli.example.com/pay/notify',
      amount: { total: 28104, currency: 'CNY' },
      payer: { openid: 'o-wang-openid' }
    })
    expect(res.ok).toBe(true)
    if (!res.ok || res.launch.kind !== 'wechat') throw new Error('expected a wechat launch')
    expect(res.prepayId).toBe('wx06100000123456789')
    const p = res.launch.params
    expect(p).toEqual({ timeStamp: String(Math.floor(clock.now() / 1000)), nonceStr: expect.stringMatching(/^[0-9A-Za-z]{32}$/), package: 'prepay_id=wx06100000123456789', signType: 'RSA', paySign: expect.any(String) })
    // paySign: SHA256withRSA over appId\ntimeStamp\nnonceStr\npackage\n, checked with the merchant's public key.
    const message = `wx0123456789abcdef\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`
    expect(Rsa.verify(message, p.paySign, Rsa.from(merchant.publicKey, Rsa.KEY_TYPE_PUBLIC))).toBe(true)
    expect(Rsa.verify(message.replace('prepay_id=', 'prepay_id=x'), p.paySign, Rsa.from(merchant.publicKey, Rsa.KEY_TYPE_PUBLIC))).toBe(false)
  })

  it('an error answer from WeChat Pay becomes a reason, not a throw', async () => {
    const { gw } = gateway(() => ({ status: 400, body: { code: 'PARAM_ERROR', message: '参数错误' } }))
    expect(await gw.prepay(PREPAY)).toEqual({ ok: false, reason: 'PARAM_ERROR 参数错误' })
  })

  it('a 200 without prepay_id is refused', async () => {
    const { gw } = gateway(() => ({ status: 200, body: {} }))
    expect(await gw.prepay(PREPAY)).toEqual({ ok: false, reason: 'no prepay_id in response' })
  })

  it('a response not signed by WeChat Pay is refused (the plugin verifies responses)', async () => {
    const cases: [Answer['signer'], RegExp][] = [
      [{ pair: stranger, keyId: PUB_KEY_ID }, /^Verify the response's data with: .* failed\.$/],
      [{ pair: wechat, keyId: 'PUB_KEY_ID_0114OTHER' }, /^Cannot found the serial\(`PUB_KEY_ID_0114OTHER`\)/],
      [null, /^The response's Headers incomplete/]
    ]
    for (const [signer, reason] of cases) {
      const { gw } = gateway(() => ({ status: 200, body: { prepay_id: 'wx-forged' }, signer }))
      const res = await gw.prepay(PREPAY)
      expect(res).toEqual({ ok: false, reason: expect.stringMatching(reason) })
    }
  })

  it('time_expire is RFC 3339 in +08:00 across the date line', () => {
    expect(rfc3339Shanghai(Date.UTC(2026, 0, 6, 16, 30, 5))).toBe('2026-01-07T00:30:05+08:00')
    expect(rfc3339Shanghai(Date.UTC(2025, 11, 31, 15, 59, 59))).toBe('2025-12-31T23:59:59+08:00')
  })
})

describe('order query (GET /v3/pay/transactions/out-trade-no/{no}?mchid=)', () => {
  it('maps a SUCCESS order', async () => {
    const { gw, seen } = gateway(() => ({
      status: 200,
      body: { out_trade_no: PREPAY.outTradeNo, transaction_id: '4200002000202601061234567890', trade_state: 'SUCCESS', success_time: '2026-01-06T10:03:04+08:00', amount: { total: 28104, payer_total: 28104, currency: 'CNY' } }
    }))
    expect(await gw.query(PREPAY.outTradeNo)).toEqual({
      outTradeNo: PREPAY.outTradeNo,
      transactionId: '4200002000202601061234567890',
      tradeState: 'SUCCESS',
      totalFen: 28104,
      successAt: Date.UTC(2026, 0, 6, 2, 3, 4)
    })
    expect(seen[0]).toMatchObject({ method: 'GET', path: `/v3/pay/transactions/out-trade-no/${PREPAY.outTradeNo}?mchid=1900000109`, body: null })
  })

  it('maps NOTPAY and CLOSED; 404 ORDER_NOT_EXIST is NOT_FOUND; other errors throw', async () => {
    const notpay = gateway(() => ({ status: 200, body: { out_trade_no: PREPAY.outTradeNo, trade_state: 'NOTPAY', amount: { total: 28104 } } })).gw
    expect(await notpay.query(PREPAY.outTradeNo)).toMatchObject({ tradeState: 'NOTPAY', transactionId: null, successAt: null })
    const closed = gateway(() => ({ status: 200, body: { out_trade_no: PREPAY.outTradeNo, trade_state: 'CLOSED' } })).gw
    expect(await closed.query(PREPAY.outTradeNo)).toMatchObject({ tradeState: 'CLOSED', totalFen: null })
    const missing = gateway(() => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } })).gw
    expect(await missing.query(PREPAY.outTradeNo)).toEqual({ outTradeNo: PREPAY.outTradeNo, transactionId: null, tradeState: 'NOT_FOUND', totalFen: null, successAt: null })
    const down = gateway(() => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } })).gw
    await expect(down.query(PREPAY.outTradeNo)).rejects.toThrow('500')
  })

  it('a forged SUCCESS answer is not believed', async () => {
    const { gw } = gateway(() => ({ status: 200, body: { out_trade_no: PREPAY.outTradeNo, trade_state: 'SUCCESS', amount: { total: 28104 } }, signer: { pair: stranger, keyId: PUB_KEY_ID } }))
    await expect(gw.query(PREPAY.outTradeNo)).rejects.toThrow(/^Verify the response's data with/)
  })
})

describe('close (POST /v3/pay/transactions/out-trade-no/{no}/close)', () => {
  it('posts the merchant id; a signed 204 resolves', async () => {
    const { gw, seen } = gateway(() => ({ status: 204 }))
    await expect(gw.close(PREPAY.outTradeNo)).resolves.toBeUndefined()
    expect(seen[0]).toMatchObject({ method: 'POST', path: `/v3/pay/transactions/out-trade-no/${PREPAY.outTradeNo}/close`, body: { mchid: '1900000109' } })
  })

  it('an error (e.g. the order was paid meanwhile) throws, so the job does not mark it closed', async () => {
    const { gw } = gateway(() => ({ status: 400, body: { code: 'ORDERPAID', message: '订单已支付' } }))
    await expect(gw.close(PREPAY.outTradeNo)).rejects.toThrow()
  })
})

describe('refund (POST /v3/refund/domestic/refunds)', () => {
  const REFUND = { outTradeNo: PREPAY.outTradeNo, outRefundNo: 'R20260106ABCDEFGHJKLMNP', refundFen: 1000, totalFen: 28104, reason: '业主多缴' }

  it('sends the refund with amount {refund, total, currency} and notify_url; SUCCESS and PROCESSING are accepted', async () => {
    for (const status of ['SUCCESS', 'PROCESSING'] as const) {
      const { gw, seen } = gateway(() => ({ status: 200, body: { refund_id: '50300001', out_refund_no: REFUND.outRefundNo, status, amount: { refund: 1000, total: 28104 } } }))
      expect(await gw.refund(REFUND)).toEqual({ ok: true, status, refundId: '50300001' })
      expect(seen[0]).toMatchObject({
        method: 'POST',
        path: '/v3/refund/domestic/refunds',
        body: {
          out_trade_no: REFUND.outTradeNo,
          out_refund_no: REFUND.outRefundNo,
          reason: '业主多缴',
          notify_url: 'https://linli.example.com/pay/notify',
          amount: { refund: 1000, total: 28104, currency: 'CNY' }
        }
      })
    }
  })

  it('an error answer or a closed refund is a failure with its reason; ABNORMAL is accepted as such', async () => {
    const notEnough = gateway(() => ({ status: 403, body: { code: 'NOT_ENOUGH', message: '基本账户余额不足' } })).gw
    // A 4xx business error: WeChat Pay refused, nothing was refunded.
    expect(await notEnough.refund(REFUND)).toEqual({ ok: false, reason: 'NOT_ENOUGH 基本账户余额不足', definite: true })
    const closed = gateway(() => ({ status: 200, body: { refund_id: '50300004', status: 'CLOSED' } })).gw
    expect(await closed.refund(REFUND)).toEqual({ ok: false, reason: 'refund status CLOSED', definite: true })
    // ABNORMAL: WeChat Pay holds the money for manual handling; not a refusal that frees the reservation.
    const abnormal = gateway(() => ({ status: 200, body: { refund_id: '50300002', status: 'ABNORMAL' } })).gw
    expect(await abnormal.refund(REFUND)).toEqual({ ok: true, status: 'ABNORMAL', refundId: '50300002' })
    // A response that fails verification or a 5xx: the outcome is unknown, the refund stays pending.
    const forged = gateway(() => ({ status: 200, body: { refund_id: '50300003', status: 'SUCCESS' }, signer: { pair: stranger, keyId: PUB_KEY_ID } })).gw
    expect(await forged.refund(REFUND)).toEqual({ ok: false, reason: expect.stringMatching(/^Verify the response's data with/), definite: false })
    const down = gateway(() => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统繁忙' } })).gw
    expect(await down.refund(REFUND)).toEqual({ ok: false, reason: 'SYSTEM_ERROR 系统繁忙', definite: false })
  })
})

describe('refund query (GET /v3/refund/domestic/refunds/{out_refund_no})', () => {
  it('reads the refund WeChat Pay knows; 404 means it never received it', async () => {
    const seen: string[] = []
    const found = gateway((req) => {
      seen.push(`${req.method.toUpperCase()} ${req.path}`)
      return { status: 200, body: { out_trade_no: 'P20261123ABC', out_refund_no: 'R20261123XYZ', refund_id: '50300009', status: 'SUCCESS', amount: { refund: 700, total: 44202 }, success_time: '2026-11-23T10:00:00+08:00' } }
    }).gw
    expect(await found.queryRefund('R20261123XYZ')).toEqual({
      outTradeNo: 'P20261123ABC',
      outRefundNo: 'R20261123XYZ',
      refundId: '50300009',
      status: 'SUCCESS',
      refundFen: 700,
      successAt: Date.parse('2026-11-23T10:00:00+08:00')
    })
    expect(seen.join()).toMatch(/GET .*\/v3\/refund\/domestic\/refunds\/R20261123XYZ/)
    const none = gateway(() => ({ status: 404, body: { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' } })).gw
    expect(await none.queryRefund('R20261123XYZ')).toBeNull()
  })
})

describe('both key modes for responses and notifications', () => {
  it('a platform-certificate merchant verifies responses and notifications signed under the certificate serial', async () => {
    const cert = platformCertificate(wechat, CERT_SERIAL)
    const { gw } = gateway(() => ({ status: 200, body: { prepay_id: 'wx-cert-mode' } }), { [CERT_SERIAL]: cert }, { pair: wechat, keyId: CERT_SERIAL })
    expect((await gw.prepay(PREPAY)).ok).toBe(true)
    const n = signNotification({ privateKey: wechat.privateKey, keyId: CERT_SERIAL, apiV3Key: apiV3Key('gateway'), resource: transactionResource(PREPAY.outTradeNo, 28104), nowMs: clock.now() })
    expect(gw.verifyNotification(n.headers, n.body)).toMatchObject({ ok: true, notification: { kind: 'transaction', transaction: { totalFen: 28104 } } })
  })

  it('a switching merchant accepts both, and the public-key one refuses an unknown certificate serial', async () => {
    const cert = platformCertificate(stranger, CERT_SERIAL)
    const both = { [CERT_SERIAL]: cert, [PUB_KEY_ID]: wechat.publicKey }
    expect((await gateway(() => ({ status: 200, body: { prepay_id: 'a' } }), both, { pair: stranger, keyId: CERT_SERIAL }).gw.prepay(PREPAY)).ok).toBe(true)
    expect((await gateway(() => ({ status: 200, body: { prepay_id: 'b' } }), both, { pair: wechat, keyId: PUB_KEY_ID }).gw.prepay(PREPAY)).ok).toBe(true)
    expect((await gateway(() => ({ status: 200, body: { prepay_id: 'c' } }), { [PUB_KEY_ID]: wechat.publicKey }, { pair: stranger, keyId: CERT_SERIAL }).gw.prepay(PREPAY)).ok).toBe(false)
  })

  it('the gateway’s notification verifier refuses a notification signed by someone else', () => {
    const { gw } = gateway(() => ({ status: 204 }))
    const n = signNotification({ privateKey: stranger.privateKey, keyId: PUB_KEY_ID, apiV3Key: apiV3Key('gateway'), resource: transactionResource(PREPAY.outTradeNo, 28104), nowMs: clock.now() })
    expect(gw.verifyNotification(n.headers, n.body)).toEqual({ ok: false, reason: 'bad signature' })
  })
})
