import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id } from './common'
import { defineAction } from './define'
import { STATEMENT_STATUSES } from './selling-labels'

/**
 * Payout of approved commission statements through WeChat Pay 商家转账: an operator approves, a
 * bill is made that waits for the butler's tap on 确认收款 (WeChat's own confirmation page), and the
 * statement is paid only once WeChat Pay reports the money arrived.
 */
const FN = 'selling'

const StatementRef = z.object({ id: Id.meta({ label: '结算单' }) }).strict()
/** A commission statement, or a cash reward's transfer (光荣榜): whichever the tap is on, one of the two. */
const ConfirmRef = z
  .object({ id: Id.meta({ label: '结算单' }).optional(), transferId: Id.meta({ label: '奖励' }).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.transferId === undefined), { message: '请指定一张结算单或一笔奖励', path: ['id'] })
const StatementCommand = z.object({ id: Id.meta({ label: '结算单' }), clientRequestId: ClientRequestId }).strict()

/** Where a statement's payout stands. */
const PayoutView = z.object({
  id: Id,
  status: z.enum(STATEMENT_STATUSES),
  payableFen: Fen,
  /** How many transfers have been tried (a closed bill is tried again, at most 3 times). */
  payoutAttempt: z.number().int().nonnegative(),
  /** In words, never a code. */
  failReason: z.string().nullable(),
  approvedAt: EpochMs.nullable(),
  paidAt: EpochMs.nullable()
})
export type PayoutViewT = z.infer<typeof PayoutView>

export const sellingPayoutContracts = {
  approveStatement: defineAction({
    fn: FN,
    name: 'approveStatement',
    summary: '运营：审批一张待审批的佣金结算单，随即发起微信商家转账，等管家确认收款',
    access: ['operator'],
    input: StatementCommand,
    output: PayoutView
  }),
  retryPayout: defineAction({
    fn: FN,
    name: 'retryPayout',
    summary: '运营：打款失败的结算单重新发起转账（上一笔已关闭后才会换新单号）',
    access: ['operator'],
    input: StatementCommand,
    output: PayoutView
  }),
  confirmInfo: defineAction({
    fn: FN,
    name: 'confirmInfo',
    summary: '收款人本人：确认收款所需的参数（交给 wx.requestMerchantTransfer）：管家的佣金结算单，或师傅、管家、住户的现金奖励',
    access: ['butler', 'worker', 'resident'],
    input: ConfirmRef,
    output: z.object({ mchId: z.string(), appId: z.string(), package: z.string() })
  }),
  syncPayout: defineAction({
    fn: FN,
    name: 'syncPayout',
    summary: '管家本人：确认收款后向微信支付查询一次转账结果',
    access: ['butler'],
    input: StatementRef,
    output: PayoutView
  })
} as const
