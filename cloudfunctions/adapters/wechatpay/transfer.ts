import { Rsa, Wechatpay } from 'wechatpay-axios-plugin'
import type { Clock } from '../../kernel/ports'
import { type CancelResult, REAL_NAME_FROM_FEN, type TransferBill, type TransferCreateResult, type TransferGateway, type TransferRequest, type TransferScene } from '../../kernel/transfer-gateway'
import type { TransferConfig } from './env'
import { makeTransferNotificationVerifier, toTransferBill } from './transfer-bill'

type ClientConfig = ConstructorParameters<typeof Wechatpay>[0]
type RequestConfig = Record<string, unknown>

interface ChainNode {
  [segment: string]: ChainNode & {
    get(config?: RequestConfig): Promise<{ data: unknown }>
    post(data?: unknown, config?: RequestConfig): Promise<{ data: unknown }>
  }
}

interface SceneSpec {
  sceneId: string
  /** 用户收款感知: the line the recipient reads on WeChat's confirmation page. */
  perception: string
  /** 转账场景报备信息: the two items each scene requires, the second one the bill's own remark. */
  reportTypes: readonly [string, string]
  reportFirst: string
}

function errorText(e: unknown): string {
  const data = (e as { response?: { data?: { code?: unknown; message?: unknown } } }).response?.data
  if (data && (data.code || data.message)) return `${String(data.code ?? '')} ${String(data.message ?? '')}`.trim()
  return e instanceof Error ? e.message : String(e)
}

function httpStatus(e: unknown): number | undefined {
  return (e as { response?: { status?: number } }).response?.status
}

/**
 * WeChat Pay 商家转账 (upgraded version) for a direct merchant, through wechatpay-axios-plugin with
 * the payment gateway's merchant key and verification keys. A bill is created WAIT_USER_CONFIRM:
 * its `package_info` goes to the recipient's tap (wx.requestMerchantTransfer), and the outcome
 * arrives as MCHTRANSFER.BILL.FINISHED at the transfer notify route, or by a query.
 */
export class WechatTransferGateway implements TransferGateway {
  readonly channel = 'wechat' as const
  readonly mchId: string
  readonly appId: string
  readonly verifyNotification: TransferGateway['verifyNotification']
  private readonly client: ChainNode
  /** Which WeChat Pay key the request names (the public-key id when the merchant has one). */
  private readonly wechatpaySerial: string
  private readonly scenes: Record<TransferScene, SceneSpec>

  constructor(
    private readonly cfg: TransferConfig,
    clock: Clock,
    /** Tests pass an axios adapter here to answer in place of api.mch.weixin.qq.com. */
    axiosConfig: Partial<ClientConfig> = {}
  ) {
    this.mchId = cfg.mchid
    this.appId = cfg.appid
    const privateKey = Rsa.from(cfg.privateKey, Rsa.KEY_TYPE_PRIVATE)
    const certs = Object.fromEntries(Object.entries(cfg.publicKeys).map(([id, pem]) => [id, Rsa.from(pem, Rsa.KEY_TYPE_PUBLIC)]))
    // The plugin accepts KeyObjects (its typings only say string | Buffer).
    const wxpay = new Wechatpay({ mchid: cfg.mchid, serial: cfg.serial, privateKey: privateKey as unknown as string, certs, ...axiosConfig })
    this.client = wxpay as unknown as ChainNode
    const ids = Object.keys(cfg.publicKeys)
    this.wechatpaySerial = ids.find((id) => id.startsWith('PUB_KEY_ID_')) ?? ids[0] ?? ''
    this.verifyNotification = makeTransferNotificationVerifier({ apiV3Key: cfg.apiV3Key, publicKeys: cfg.publicKeys, clock })
    this.scenes = {
      commission: { sceneId: cfg.commissionSceneId, perception: '劳务报酬', reportTypes: ['岗位类型', '报酬说明'], reportFirst: '社区管家' },
      reward: { sceneId: '1000', perception: '现金奖励', reportTypes: ['活动名称', '奖励说明'], reportFirst: '社区光荣榜' }
    }
  }

  private get bills(): ChainNode[string] {
    return this.client.v3!.fundApp!.mchTransfer!.transferBills!
  }

  /** The request body of 发起转账, exactly as WeChat Pay documents it. */
  body(req: TransferRequest): Record<string, unknown> {
    const scene = this.scenes[req.scene]
    return {
      appid: this.cfg.appid,
      out_bill_no: req.outBillNo,
      transfer_scene_id: scene.sceneId,
      openid: req.openid,
      transfer_amount: req.amountFen,
      transfer_remark: req.remark.slice(0, 32),
      notify_url: this.cfg.transferNotifyUrl,
      user_recv_perception: scene.perception,
      transfer_scene_report_infos: [
        { info_type: scene.reportTypes[0], info_content: scene.reportFirst },
        { info_type: scene.reportTypes[1], info_content: req.remark.slice(0, 32) }
      ]
    }
  }

  async create(req: TransferRequest): Promise<TransferCreateResult> {
    if (req.amountFen >= REAL_NAME_FROM_FEN) return { ok: false, reason: 'amount needs the recipient real name', definite: true }
    try {
      const { data } = await this.bills.post(this.body(req), { headers: { 'Wechatpay-Serial': this.wechatpaySerial } })
      const bill = toTransferBill(data as Record<string, unknown>)
      // A 200 we cannot read says nothing certain: the bill may exist, so it is asked for later.
      if (!bill) return { ok: false, reason: 'unreadable transfer reply', definite: false }
      return { ok: true, state: bill.state, billNo: bill.billNo, packageInfo: bill.packageInfo }
    } catch (e) {
      // Only a 4xx answer (other than rate limiting) says WeChat Pay refused; anything else may
      // have created the bill, so the number is kept until a query settles it.
      const status = httpStatus(e)
      const definite = status !== undefined && status >= 400 && status < 500 && status !== 429
      return { ok: false, reason: errorText(e), definite }
    }
  }

  async query(outBillNo: string): Promise<TransferBill | null> {
    try {
      const { data } = await this.bills.outBillNo!['{out_bill_no}']!.get({ out_bill_no: outBillNo })
      const bill = toTransferBill(data as Record<string, unknown>)
      if (!bill) throw new Error(`unreadable transfer bill ${outBillNo}`)
      return bill
    } catch (e) {
      if (httpStatus(e) === 404) return null
      throw e
    }
  }

  async cancel(outBillNo: string): Promise<CancelResult> {
    try {
      const { data } = await this.bills.outBillNo!['{out_bill_no}']!.cancel!.post({}, { out_bill_no: outBillNo })
      const state = (data as { state?: unknown }).state
      return state === 'CANCELING' || state === 'CANCELLED' ? { ok: true, state } : { ok: false, reason: `cancel answered ${String(state)}` }
    } catch (e) {
      return { ok: false, reason: errorText(e) }
    }
  }
}
