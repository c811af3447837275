/**
 * The real WeChat Pay 商家转账 adapter (`WechatTransferGateway`, through wechatpay-axios-plugin)
 * against a fake api.mch.weixin.qq.com: each request's URL, method, body and merchant signature
 * are checked, answers are signed by a WeChat Pay key (the plugin verifies them), and
 * MCHTRANSFER notifications are verified and decrypted like payment ones. No network is involved.
 */
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { type TransferConfig, readTransferConfig } from '../../cloudfunctions/adapters/wechatpay/env'
import { WechatTransferGateway } from '../../cloudfunctions/adapters/wechatpay/transfer'
import { FakeClock } from '../support/harness'
import { apiV3Key, rsaKeyPair, signNotification } from '../support/pay'

type AxiosOverrides = NonNullable<ConstructorParameters<typeof WechatTransferGateway>[2]>
type Adapter = Extract<NonNullable<AxiosOverrides['adapter']>, (...args: never[]) => unknown>
type RequestConfig = Parameters<Adapter>[0]
type Response = Awaited<ReturnType<Adapter>>

const merchant = rsaKeyPair(0)
const wechat = rsaKeyPair(1)
const stranger = rsaKeyPair(2)
const PUB_KEY_ID = 'PUB_KEY_ID_0114232019043020000000000012345678'
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1'
const KEY = apiV3Key('transfer')

const config: TransferConfig = {
  appid: 'wx0123456789abcdef',
  mchid: '1900000109',
  serial: MERCHANT_SERIAL,
  privateKey: merchant.privateKey,
  apiV3Key: KEY,
  notifyUrl: 'https://linli.example.com/pay/notify',
  publicKeys: { [PUB_KEY_ID]: wechat.publicKey },
  commissionSceneId: '1005',
  transferNotifyUrl: 'https://linli.example.com/pay/transfer-notify'
}

interface Seen {
  method: string
  path: string
  body: Record<string, unknown> | null
  wechatpaySerial: string
}

function fakeWechatPay(answer: (req: Seen) => { status: number; body?: Record<string, unknown> }) {
  const seen: Seen[] = []
  const adapter = async (cfg: RequestConfig): Promise<Response> => {
    const url = new URL(cfg.url ?? '', cfg.baseURL)
    const path = `${url.pathname}${url.search}`
    const rawBody = typeof cfg.data === 'string' ? cfg.data : ''
    const method = String(cfg.method).toUpperCase()
    const authorization = String(cfg.headers.get('Authorization') ?? '')
    const m = /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",serial_no="(\w+)",timestamp="(\d+)",nonce_str="(\w+)",signature="([^"]+)"$/.exec(authorization)
    if (!m) throw new Error(`bad Authorization header: ${authorization}`)
    if (!Rsa.verify(Formatter.request(method, path, m[3]!, m[4]!, method === 'GET' ? '' : rawBody), m[5]!, Rsa.from(merchant.publicKey, Rsa.KEY_TYPE_PUBLIC))) {
      throw new Error('merchant signature does not verify')
    }
    const req: Seen = { method, path, body: rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : null, wechatpaySerial: String(cfg.headers.get('Wechatpay-Serial') ?? '') }
    seen.push(req)
    const a = answer(req)
    const data = a.body === undefined ? '' : JSON.stringify(a.body)
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = Formatter.nonce()
    const headers = {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': PUB_KEY_ID,
      'Wechatpay-Signature': Rsa.sign(Formatter.response(timestamp, nonce, data), Rsa.from(wechat.privateKey, Rsa.KEY_TYPE_PRIVATE)),
      'Request-ID': 'fake-request-id'
    }
    const response: Response = { data, status: a.status, statusText: String(a.status), headers, config: cfg, request: {} }
    if (a.status >= 200 && a.status < 300) return response
    throw Object.assign(new Error(`Request failed with status code ${a.status}`), { response, config: cfg, isAxiosError: true })
  }
  return { seen, adapter }
}

const clock = new FakeClock(Date.UTC(2026, 11, 1, 2, 0, 0))
function gateway(answer: (req: Seen) => { status: number; body?: Record<string, unknown> }) {
  const fake = fakeWechatPay(answer)
  return { gw: new WechatTransferGateway(config, clock, { adapter: fake.adapter }), seen: fake.seen }
}

const NO = 'T0123456789abcdef01234567A1'
const REQ = { outBillNo: NO, openid: 'o-zhang-openid', amountFen: 47_900, remark: '2026-11 社区管家佣金', scene: 'commission' as const }

describe('发起转账 (POST /v3/fund-app/mch-transfer/transfer-bills)', () => {
  it('sends the bill as WeChat Pay documents it, signed, naming the WeChat Pay key; WAIT_USER_CONFIRM carries the package', async () => {
    const { gw, seen } = gateway(() => ({
      status: 200,
      body: { out_bill_no: NO, transfer_bill_no: '1330000071100999991182020050700019480001', create_time: '2026-12-01T10:00:00+08:00', state: 'WAIT_USER_CONFIRM', package_info: 'affffddafdfafddffda==' }
    }))
    expect(await gw.create(REQ)).toEqual({ ok: true, state: 'WAIT_USER_CONFIRM', billNo: '1330000071100999991182020050700019480001', packageInfo: 'affffddafdfafddffda==' })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v3/fund-app/mch-transfer/transfer-bills', wechatpaySerial: PUB_KEY_ID })
    expect(seen[0]!.body).toEqual({
      appid: 'wx0123456789abcdef',
      out_bill_no: NO,
      transfer_scene_id: '1005',
      openid: 'o-zhang-openid',
      transfer_amount: 47_900,
      transfer_remark: '2026-11 社区管家佣金',
      notify_url: 'https://linli.example.com/pay/transfer-notify',
      user_recv_perception: '劳务报酬',
      transfer_scene_report_infos: [
        { info_type: '岗位类型', info_content: '社区管家' },
        { info_type: '报酬说明', info_content: '2026-11 社区管家佣金' }
      ]
    })
    expect(gw.mchId).toBe('1900000109')
    expect(gw.appId).toBe('wx0123456789abcdef')
  })

  it('a cash reward goes under 现金营销 (1000) with its own report items', async () => {
    const { gw, seen } = gateway(() => ({ status: 200, body: { out_bill_no: NO, state: 'ACCEPTED' } }))
    expect(await gw.create({ ...REQ, scene: 'reward', remark: '11 月服务之星奖励' })).toEqual({ ok: true, state: 'ACCEPTED', billNo: null, packageInfo: null })
    expect(seen[0]!.body).toMatchObject({
      transfer_scene_id: '1000',
      user_recv_perception: '现金奖励',
      transfer_scene_report_infos: [
        { info_type: '活动名称', info_content: '社区光荣榜' },
        { info_type: '奖励说明', info_content: '11 月服务之星奖励' }
      ]
    })
  })

  it('a 4xx is a definite refusal when no bill stands under the number; a 5xx, 429 or an unreadable 200 says nothing certain', async () => {
    const refused = (getStatus: number, getBody: Record<string, unknown>) =>
      gateway((r) => (r.method === 'GET' ? { status: getStatus, body: getBody } : { status: 400, body: { code: 'PARAM_ERROR', message: '参数错误' } }))
    expect(await refused(404, { code: 'NOT_FOUND', message: '记录不存在' }).gw.create(REQ)).toEqual({ ok: false, reason: 'PARAM_ERROR 参数错误', definite: true })
    // The 4xx came for a bill that stands (sent again under its number): its state, not a refusal.
    const standing = refused(200, { out_bill_no: REQ.outBillNo, transfer_bill_no: '1330000114850082025', state: 'WAIT_USER_CONFIRM', package_info: 'affffddafdfafddffda==', create_time: '2026-11-30T10:00:00+08:00', transfer_amount: REQ.amountFen })
    expect(await standing.gw.create(REQ)).toMatchObject({ ok: true, state: 'WAIT_USER_CONFIRM', packageInfo: 'affffddafdfafddffda==' })
    // Neither answer certain: the number is kept.
    expect(await refused(500, { code: 'SYSTEM_ERROR', message: '系统错误' }).gw.create(REQ)).toMatchObject({ ok: false, definite: false })
    expect(await gateway(() => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } })).gw.create(REQ)).toEqual({ ok: false, reason: 'SYSTEM_ERROR 系统错误', definite: false })
    expect(await gateway(() => ({ status: 429, body: { code: 'FREQUENCY_LIMITED', message: '频率超限' } })).gw.create(REQ)).toMatchObject({ definite: false })
    expect(await gateway(() => ({ status: 200, body: { state: 'WHATEVER' } })).gw.create(REQ)).toEqual({ ok: false, reason: 'unreadable transfer reply', definite: false })
  })

  it('refuses ¥2,000 or more before sending (a real name would be required)', async () => {
    const { gw, seen } = gateway(() => ({ status: 200, body: {} }))
    expect(await gw.create({ ...REQ, amountFen: 200_000 })).toMatchObject({ ok: false, definite: true })
    expect(seen).toEqual([])
  })
})

describe('查询与撤销 (GET …/out-bill-no/{no}, POST …/out-bill-no/{no}/cancel)', () => {
  it('reads the bill; 404 means WeChat Pay never received it; other errors throw', async () => {
    const { gw, seen } = gateway(() => ({ status: 200, body: { out_bill_no: NO, transfer_bill_no: 'B1', state: 'FAIL', transfer_amount: 47_900, fail_reason: 'PAYEE_ACCOUNT_ABNORMAL' } }))
    expect(await gw.query(NO)).toEqual({ outBillNo: NO, billNo: 'B1', state: 'FAIL', amountFen: 47_900, failReason: 'PAYEE_ACCOUNT_ABNORMAL', packageInfo: null })
    expect(seen[0]).toMatchObject({ method: 'GET', path: `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${NO}` })
    expect(await gateway(() => ({ status: 404, body: { code: 'NOT_FOUND', message: '记录不存在' } })).gw.query(NO)).toBeNull()
    await expect(gateway(() => ({ status: 500, body: { code: 'SYSTEM_ERROR', message: '系统错误' } })).gw.query(NO)).rejects.toThrow('500')
  })

  it('cancels an unconfirmed bill (CANCELING); a refusal is reported', async () => {
    const { gw, seen } = gateway(() => ({ status: 200, body: { out_bill_no: NO, state: 'CANCELING' } }))
    expect(await gw.cancel(NO)).toEqual({ ok: true, state: 'CANCELING' })
    expect(seen[0]).toMatchObject({ method: 'POST', path: `/v3/fund-app/mch-transfer/transfer-bills/out-bill-no/${NO}/cancel` })
    expect(await gateway(() => ({ status: 400, body: { code: 'INVALID_REQUEST', message: '单据状态不允许撤销' } })).gw.cancel(NO)).toEqual({ ok: false, reason: 'INVALID_REQUEST 单据状态不允许撤销' })
  })
})

describe('MCHTRANSFER.BILL.FINISHED notifications', () => {
  const { gw } = gateway(() => ({ status: 200 }))
  const resource = { out_bill_no: NO, transfer_bill_no: 'B1', state: 'SUCCESS', mch_id: '1900000109', transfer_amount: 47_900, openid: 'o-zhang-openid', create_time: '2026-12-01T10:00:00+08:00', update_time: '2026-12-01T10:05:00+08:00' }
  const sign = (over: Partial<Parameters<typeof signNotification>[0]> = {}) =>
    signNotification({ privateKey: wechat.privateKey, keyId: PUB_KEY_ID, apiV3Key: KEY, eventType: 'MCHTRANSFER.BILL.FINISHED', originalType: 'mch_payment', resource, nowMs: clock.now(), ...over })

  it('verifies the signature and decrypts the bill', () => {
    const n = sign({ id: 'EV-transfer-1' })
    expect(gw.verifyNotification(n.headers, n.body)).toEqual({
      ok: true,
      notification: { id: 'EV-transfer-1', eventType: 'MCHTRANSFER.BILL.FINISHED', bill: { outBillNo: NO, billNo: 'B1', state: 'SUCCESS', amountFen: 47_900, failReason: null, packageInfo: null } }
    })
  })

  it('refuses a forged signature, a tampered body, a stale timestamp, a payment event and an unknown state', () => {
    const forged = sign({ privateKey: stranger.privateKey })
    expect(gw.verifyNotification(forged.headers, forged.body)).toEqual({ ok: false, reason: 'bad signature' })
    const n = sign()
    expect(gw.verifyNotification(n.headers, n.body.replace('MCHTRANSFER', 'MCHTRANSFEX'))).toEqual({ ok: false, reason: 'bad signature' })
    const stale = sign({ timestamp: Math.floor(clock.now() / 1000) - 3600 })
    expect(gw.verifyNotification(stale.headers, stale.body)).toEqual({ ok: false, reason: 'stale or future timestamp' })
    const payment = sign({ eventType: 'TRANSACTION.SUCCESS' })
    expect(gw.verifyNotification(payment.headers, payment.body)).toEqual({ ok: false, reason: 'unhandled event TRANSACTION.SUCCESS' })
    const odd = sign({ resource: { ...resource, state: 'DONE' } })
    expect(gw.verifyNotification(odd.headers, odd.body)).toEqual({ ok: false, reason: 'bad transfer resource' })
  })
})

describe('settings', () => {
  const base = {
    WECHATPAY_APPID: 'wx0123456789abcdef',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_SERIAL: MERCHANT_SERIAL,
    WECHATPAY_PRIVATE_KEY: merchant.privateKey,
    WECHATPAY_APIV3_KEY: KEY,
    WECHATPAY_NOTIFY_URL: 'https://linli.example.com/pay/notify',
    WECHATPAY_PUBLIC_KEY_ID: PUB_KEY_ID,
    WECHATPAY_PUBLIC_KEY: wechat.publicKey
  }

  it('defaults to scene 1005 and the transfer-notify route beside the payment notify_url', () => {
    expect(readTransferConfig({ ...base, WECHATPAY_TRANSFER_SCENE_ID: '', WECHATPAY_TRANSFER_NOTIFY_URL: '' })).toMatchObject({ commissionSceneId: '1005', transferNotifyUrl: 'https://linli.example.com/pay/transfer-notify' })
    expect(readTransferConfig({ ...base, WECHATPAY_TRANSFER_SCENE_ID: '1006', WECHATPAY_TRANSFER_NOTIFY_URL: 'https://x.example.com/t' })).toMatchObject({ commissionSceneId: '1006', transferNotifyUrl: 'https://x.example.com/t' })
  })

  it('refuses a malformed scene id or a notify URL with a query', () => {
    expect(() => readTransferConfig({ ...base, WECHATPAY_TRANSFER_SCENE_ID: '佣金' })).toThrow(/WECHATPAY_TRANSFER_SCENE_ID/)
    expect(() => readTransferConfig({ ...base, WECHATPAY_TRANSFER_NOTIFY_URL: 'https://x.example.com/t?a=1' })).toThrow(/WECHATPAY_TRANSFER_NOTIFY_URL/)
  })
})
