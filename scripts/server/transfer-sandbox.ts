import { makeTransferNotificationVerifier } from '../../cloudfunctions/adapters/wechatpay/transfer-bill'
import { rfc3339Shanghai } from '../../cloudfunctions/adapters/wechatpay/gateway'
import type { Clock, Random } from '../../cloudfunctions/kernel/ports'
import type { CancelResult, TransferBill, TransferCreateResult, TransferGateway, TransferRequest, TransferState } from '../../cloudfunctions/kernel/transfer-gateway'
import { type Deliver, type SignedNotification, sandboxKeys, signSandboxNotification } from './pay-sandbox'

interface SandboxBill extends TransferRequest {
  billNo: string
  state: TransferState
  packageInfo: string
  failReason: string | null
  createdAt: number
  /** How many times money reached the recipient under this number: never more than once. */
  successes: number
}

const MCH_ID = '1900000109'
const APP_ID = 'wx0000000000000000'

/**
 * The local stand-in for WeChat Pay 商家转账, in the local server only (never bundled into a
 * function). Like WeChat Pay, a bill is known by its out_bill_no (creating it again returns the
 * same bill), waits in WAIT_USER_CONFIRM for the recipient's tap, and its end arrives as a
 * MCHTRANSFER.BILL.FINISHED notification signed with the payment sandbox's keys, so the
 * production verification and decryption run on every local transfer and test.
 */
export class TransferSandbox implements TransferGateway {
  readonly channel = 'sandbox' as const
  readonly mchId = MCH_ID
  readonly appId = APP_ID
  readonly keys = sandboxKeys()
  readonly verifyNotification: TransferGateway['verifyNotification']
  private readonly bills = new Map<string, SandboxBill>()
  private readonly byPackage = new Map<string, string>()
  private readonly pending = new Set<Promise<unknown>>()
  private deliver: Deliver | null = null

  constructor(
    private readonly clock: Clock,
    private readonly random: Random
  ) {
    this.verifyNotification = makeTransferNotificationVerifier({ apiV3Key: this.keys.apiV3Key, publicKeys: { [this.keys.keyId]: this.keys.publicKey }, clock })
  }

  /** Where notifications go: the same handler WeChat Pay's transfer notify_url reaches in CloudBase. */
  connect(deliver: Deliver): void {
    this.deliver = deliver
  }

  async create(req: TransferRequest): Promise<TransferCreateResult> {
    const known = this.bills.get(req.outBillNo)
    if (known) return { ok: true, state: known.state, billNo: known.billNo, packageInfo: known.state === 'WAIT_USER_CONFIRM' ? known.packageInfo : null }
    if (!/^[A-Za-z0-9]{1,32}$/.test(req.outBillNo)) return { ok: false, reason: 'PARAM_ERROR out_bill_no', definite: true }
    const bill: SandboxBill = {
      ...req,
      billNo: `1330${this.clock.now()}${this.random.code(6, '0123456789')}`,
      state: 'WAIT_USER_CONFIRM',
      packageInfo: `sbx_pkg_${this.random.id(12)}`,
      failReason: null,
      createdAt: this.clock.now(),
      successes: 0
    }
    this.bills.set(req.outBillNo, bill)
    this.byPackage.set(bill.packageInfo, req.outBillNo)
    return { ok: true, state: bill.state, billNo: bill.billNo, packageInfo: bill.packageInfo }
  }

  async query(outBillNo: string): Promise<TransferBill | null> {
    const b = this.bills.get(outBillNo)
    return b ? this.view(b) : null
  }

  async cancel(outBillNo: string): Promise<CancelResult> {
    const b = this.bills.get(outBillNo)
    if (!b) return { ok: false, reason: 'NOT_FOUND' }
    if (b.state !== 'WAIT_USER_CONFIRM' && b.state !== 'ACCEPTED') return { ok: false, reason: `INVALID_REQUEST state ${b.state}` }
    await this.finish(b, 'CANCELLED', '商户撤销')
    return { ok: true, state: 'CANCELLED' }
  }

  /** The bill a sandbox confirm sheet shows, by the package the recipient's tap carries. */
  billByPackage(packageInfo: string): (TransferBill & { openid: string; remark: string }) | undefined {
    const no = this.byPackage.get(packageInfo)
    const b = no ? this.bills.get(no) : undefined
    return b ? { ...this.view(b), openid: b.openid, remark: b.remark } : undefined
  }

  /**
   * The recipient confirmed on the sandbox sheet (WeChat's 确认收款 page): the money arrives and a
   * signed MCHTRANSFER.BILL.FINISHED is delivered. A bill already paid is only notified again.
   */
  async confirmTransfer(outBillNo: string): Promise<{ ok: true; status: number } | { ok: false; reason: string }> {
    const b = this.bills.get(outBillNo)
    if (!b) return { ok: false, reason: '转账单不存在' }
    if (b.state === 'FAIL' || b.state === 'CANCELLED') return { ok: false, reason: '这笔转账已关闭，请刷新后重试' }
    if (b.state !== 'SUCCESS') {
      b.state = 'SUCCESS'
      b.successes += 1
    }
    const reply = await this.send(this.signed(b))
    return { ok: true, status: reply.status }
  }

  /** Tests: WeChat Pay fails the bill (e.g. the recipient's account cannot receive). */
  async fail(outBillNo: string, reason = 'PAYEE_ACCOUNT_ABNORMAL', opts: { notify?: boolean } = {}): Promise<void> {
    const b = this.bills.get(outBillNo)
    if (b) await this.finish(b, 'FAIL', reason, opts.notify)
  }

  /** Tests: the recipient never confirmed, and WeChat closed the bill. */
  async expire(outBillNo: string, opts: { notify?: boolean } = {}): Promise<void> {
    const b = this.bills.get(outBillNo)
    if (b) await this.finish(b, 'CANCELLED', '用户长时间未确认收款', opts.notify)
  }

  /** How many times money left under this number (the "paid twice" check). */
  successes(outBillNo: string): number {
    return this.bills.get(outBillNo)?.successes ?? 0
  }

  /** Every bill made, oldest first. */
  all(): (TransferBill & { openid: string; successes: number })[] {
    return [...this.bills.values()].sort((a, b) => a.createdAt - b.createdAt).map((b) => ({ ...this.view(b), openid: b.openid, successes: b.successes }))
  }

  /** The signed MCHTRANSFER.BILL.FINISHED of a bill as it stands (tests replay or tamper with it). */
  notificationFor(outBillNo: string): SignedNotification {
    const b = this.bills.get(outBillNo)
    if (!b) throw new Error(`no sandbox bill ${outBillNo}`)
    return this.signed(b)
  }

  private signed(b: SandboxBill): SignedNotification {
    return signSandboxNotification(this.keys, this.clock, this.random, {
      eventType: 'MCHTRANSFER.BILL.FINISHED',
      originalType: 'mch_payment',
      summary: '商家转账单据终态通知',
      resource: {
        out_bill_no: b.outBillNo,
        transfer_bill_no: b.billNo,
        state: b.state,
        mch_id: MCH_ID,
        transfer_amount: b.amountFen,
        openid: b.openid,
        ...(b.failReason ? { fail_reason: b.failReason } : {}),
        create_time: rfc3339Shanghai(b.createdAt),
        update_time: rfc3339Shanghai(this.clock.now())
      }
    })
  }

  async send(n: SignedNotification): Promise<{ status: number; body: string }> {
    if (!this.deliver) throw new Error('transfer sandbox is not connected to a notify handler')
    const p = this.deliver(n.headers, n.body)
    this.pending.add(p)
    try {
      return await p
    } finally {
      this.pending.delete(p)
    }
  }

  /** Waits for notifications in flight. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending])
  }

  private async finish(b: SandboxBill, state: 'FAIL' | 'CANCELLED', reason: string, notify = true): Promise<void> {
    if (b.state === 'SUCCESS' || b.state === 'FAIL' || b.state === 'CANCELLED') return
    b.state = state
    b.failReason = reason
    if (notify) await this.send(this.signed(b))
  }

  private view(b: SandboxBill): TransferBill {
    return {
      outBillNo: b.outBillNo,
      billNo: b.billNo,
      state: b.state,
      amountFen: b.amountFen,
      failReason: b.failReason,
      packageInfo: b.state === 'WAIT_USER_CONFIRM' ? b.packageInfo : null
    }
  }
}
