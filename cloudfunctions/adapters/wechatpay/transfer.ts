import type { Clock } from '../../kernel/ports'
import { type CancelResult, REAL_NAME_FROM_FEN, type TransferBill, type TransferCreateResult, type TransferGateway, type TransferRequest, type TransferScene } from '../../kernel/transfer-gateway'
import { type ChainNode, type ClientConfig, errorText, httpStatus, signedClient } from './client'
import type { TransferConfig } from './env'
import { makeTransferNotificationVerifier, toTransferBill } from './transfer-bill'

interface SceneSpec {
  sceneId: string
  /** 用户收款感知: the line the recipient reads on WeChat's confirmation page. */
  perception: string
  /** 转账场景报备信息: the two items each scene requires, the second one the bill's own remark. */
  reportTypes: readonly [string, string]
  reportFirst: string
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
    this.client = signedClient(cfg, axiosConfig).client
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
      // Anything but a 4xx (or a 429) may have created the bill: the number is kept until a query
      // settles it. A 4xx is a refusal only if the bill does not exist either: a bill sent again
      // under its number (a retry of a lost answer) may be answered with a 4xx though it stands.
      const status = httpStatus(e)
      const refusedAnswer = status !== undefined && status >= 400 && status < 500 && status !== 429
      if (!refusedAnswer) return { ok: false, reason: errorText(e), definite: false }
      return this.afterRefusal(req.outBillNo, errorText(e))
    }
  }

  private async afterRefusal(outBillNo: string, reason: string): Promise<TransferCreateResult> {
    try {
      const bill = await this.query(outBillNo)
      return bill ? { ok: true, state: bill.state, billNo: bill.billNo, packageInfo: bill.packageInfo } : { ok: false, reason, definite: true }
    } catch {
      return { ok: false, reason, definite: false }
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
