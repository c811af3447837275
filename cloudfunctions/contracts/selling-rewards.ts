import * as z from 'zod'
import { EpochMs, Fen, Id } from './common'
import { defineAction } from './define'
import { REWARD_TRANSFER_STATUSES } from './reward-labels'

/**
 * Cash rewards (光荣榜) reach a worker, butler or resident as a WeChat Pay 商家转账 that waits for
 * the recipient's own tap (领取 → WeChat's 确认收款 page), like a commission payout.
 */
const FN = 'selling'

const TransferView = z.object({
  /** The transfer to confirm (selling.confirmInfo `{ transferId }`); never shown. */
  id: Id,
  /** What the recipient reads in WeChat too, e.g. 「2026年1月光荣榜奖励」. */
  title: z.string(),
  amountFen: Fen,
  status: z.enum(REWARD_TRANSFER_STATUSES),
  statusLabel: z.string(),
  /** Why it did not arrive, in words; null unless failed. */
  failReason: z.string().nullable(),
  createdAt: EpochMs,
  paidAt: EpochMs.nullable()
})
export type RewardTransferViewT = z.infer<typeof TransferView>

export const sellingRewardContracts = {
  myTransfers: defineAction({
    fn: FN,
    name: 'myTransfers',
    summary: '本人的现金奖励：待领取的在前，已到账与未能到账的随后',
    access: ['worker', 'butler', 'resident'],
    input: z.object({}).strict(),
    output: z.object({ transfers: z.array(TransferView) })
  }),
  syncMyTransfer: defineAction({
    fn: FN,
    name: 'syncMyTransfer',
    summary: '本人：领取现金奖励后向微信支付查询一次转账结果',
    access: ['worker', 'butler', 'resident'],
    input: z.object({ transferId: Id.meta({ label: '奖励' }) }).strict(),
    output: TransferView
  })
} as const
