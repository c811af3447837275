/**
 * Plain constants of cash rewards (光荣榜奖励 paid by WeChat Pay 商家转账), no zod: the staff's
 * rewards page and the butlers' statements page read these labels.
 */
export const REWARD_TRANSFER_STATUSES = ['processing', 'awaiting_confirm', 'paid', 'failed'] as const
export type RewardTransferStatus = (typeof REWARD_TRANSFER_STATUSES)[number]
export const REWARD_TRANSFER_STATUS_LABELS: Record<RewardTransferStatus, string> = {
  processing: '转账中',
  awaiting_confirm: '待领取',
  paid: '已到账',
  failed: '未能到账'
}
