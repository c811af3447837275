import { REWARD_TRANSFER_STATUS_LABELS, type RewardTransferStatus } from '../../contracts/reward-labels'
import type { sellingRewardContracts } from '../../contracts/selling-rewards'
import { transferFailText } from '../../contracts/transfer-labels'
import type { ActionHandler } from '../../kernel/module'
import { getMany, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { formatFenText } from '../format-money'
import type { RewardDoc } from '../member/docs'
import type { TransferDoc } from './transfer-docs'
import { type TransferOrder, isFinalRow, startTransfer, syncTransfer, transferNo } from './transfers'

type C = typeof sellingRewardContracts

/** A bill the recipient never confirmed is made again this many times in all; then it stays 未能到账 for the office. */
export const MAX_REWARD_ATTEMPTS = 3

export const REWARDS_PAGE = '/packages/service-staff/pages/rewards/index'

const notFound = () => fail('SELLING.TRANSFER_NOT_FOUND', '没有这笔奖励', [{ path: 'transferId', label: '奖励', message: '没有这笔奖励' }])

function orderOf(t: TransferDoc): TransferOrder {
  return { purpose: 'reward', refId: t.refId, attempt: t.attempt, communityId: t.communityId, userId: t.userId, openid: t.openid, amountFen: t.amountFen, remark: t.remark, scene: 'reward' }
}

/** The newest attempt of each of these rewards (one query), for the office's view of what was given. */
export async function newestTransfers(ports: Ports, rewardIds: readonly string[]): Promise<Map<string, TransferDoc>> {
  if (rewardIds.length === 0) return new Map()
  return newestOf(await ports.store.find('transfers', { where: { purpose: 'reward', refId: { in: [...rewardIds] } }, limit: 1000 }))
}

function newestOf(rows: readonly TransferDoc[]): Map<string, TransferDoc> {
  const newest = new Map<string, TransferDoc>()
  for (const t of rows) {
    const seen = newest.get(t.refId)
    if (!seen || t.attempt > seen.attempt) newest.set(t.refId, t)
  }
  return newest
}

/**
 * Tells the recipient what their reward's bill needs, and makes the next attempt once WeChat Pay
 * closed an unconfirmed one (a new out_bill_no only after the old bill is final). A bill refused
 * outright, or the last attempt closed, stays as it is: the reward reads 未能到账 with the reason,
 * and the budget stays charged for the office to settle by hand. Repeats write nothing new: the
 * next attempt is inserted once under its number, and each message once under its key.
 */
export async function settleRewardTransfer(ports: Ports, t: TransferDoc): Promise<TransferDoc> {
  switch (t.state) {
    case 'WAIT_USER_CONFIRM':
      await ports.notifier.notify({
        userId: t.userId,
        communityId: t.communityId,
        kind: 'reward-transfer',
        title: '你有一笔奖励待领取',
        body: `${t.remark} ${formatFenText(t.amountFen)}，请在「我的奖励」点「领取」，并在微信页面上确认收款`,
        link: REWARDS_PAGE,
        key: `reward-transfer:${t._id}:confirm`
      })
      return t
    case 'SUCCESS':
      await ports.notifier.notify({
        userId: t.userId,
        communityId: t.communityId,
        kind: 'reward-transfer',
        title: '奖励已到账',
        body: `${t.remark} ${formatFenText(t.amountFen)} 已转入你的微信零钱`,
        link: REWARDS_PAGE,
        key: `reward-transfer:${t.refId}:paid`
      })
      return t
    case 'FAIL':
    case 'CANCELLED': {
      if (t.refused || t.attempt >= MAX_REWARD_ATTEMPTS) {
        ports.log.warn('cash reward not paid', { outBillNo: t._id, rewardId: t.refId, reason: t.failReason })
        return t
      }
      const next = await startTransfer(ports, { ...orderOf(t), attempt: t.attempt + 1 })
      return settleRewardTransfer(ports, next)
    }
    default:
      return t
  }
}

/** How far back the sync job looks for closed reward bills whose next attempt was never made. */
const RESUME_WINDOW_MS = 7 * 24 * 3600_000

/**
 * Makes the next attempt of reward bills that closed unconfirmed while the step after them failed
 * (the sync job only asks about open bills, so nothing else would come back to them): closed
 * bills of the last week with attempts left and no next bill yet, a bounded batch per run.
 */
export async function resumeClosedRewards(ports: Ports, limit: number): Promise<number> {
  const closed = await ports.store.find('transfers', {
    where: { purpose: 'reward', state: { in: ['FAIL', 'CANCELLED'] }, updatedAt: { gt: ports.clock.now() - RESUME_WINDOW_MS } },
    orderBy: [{ field: 'updatedAt', dir: 'asc' }],
    limit
  })
  const retryable = closed.filter((t) => !t.refused && t.attempt < MAX_REWARD_ATTEMPTS)
  const next = await getMany(
    ports.store,
    'transfers',
    retryable.map((t) => transferNo('reward', t.refId, t.attempt + 1))
  )
  const missing = retryable.filter((t) => !next.has(transferNo('reward', t.refId, t.attempt + 1)))
  await inPool(missing, async (t) => void (await settleRewardTransfer(ports, t)))
  return missing.length
}

/**
 * Pays a charged cash reward: its first bill is made once (the number derives from the reward),
 * a repeated grant resumes the newest attempt instead of making another. The reward records the
 * first bill's number.
 */
export async function payCashReward(ports: Ports, reward: RewardDoc, openid: string, amountFen: number, remark: string): Promise<TransferDoc> {
  const latest = (await newestTransfers(ports, [reward._id])).get(reward._id)
  // Resumes where an interrupted grant stopped: an unanswered bill is sent again under its number.
  if (latest) return settleRewardTransfer(ports, latest.state === 'UNSENT' ? await startTransfer(ports, orderOf(latest)) : latest)
  const t = await startTransfer(ports, {
    purpose: 'reward',
    refId: reward._id,
    attempt: 1,
    communityId: reward.communityId,
    userId: reward.userId,
    openid,
    amountFen,
    remark,
    scene: 'reward'
  })
  if (reward.itemId !== t._id) await ports.store.update('rewards', reward._id, { set: { itemId: t._id } })
  return settleRewardTransfer(ports, t)
}

function statusOf(t: TransferDoc): RewardTransferStatus {
  if (t.state === 'SUCCESS') return 'paid'
  if (t.state === 'WAIT_USER_CONFIRM' && t.packageInfo) return 'awaiting_confirm'
  if (isFinalRow(t.state)) return t.refused || t.attempt >= MAX_REWARD_ATTEMPTS ? 'failed' : 'processing'
  return 'processing'
}

export function rewardTransferView(t: TransferDoc) {
  const status = statusOf(t)
  return {
    id: t._id,
    title: t.remark,
    amountFen: t.amountFen,
    status,
    statusLabel: REWARD_TRANSFER_STATUS_LABELS[status],
    failReason: status === 'failed' ? (t.state === 'CANCELLED' && !t.refused ? '多次未在微信规定时间内领取，转账已关闭' : transferFailText(t.failReason)) : null,
    createdAt: t.createdAt,
    paidAt: t.state === 'SUCCESS' ? t.finishedAt : null
  }
}

/** The caller's own reward bill in this community, or null: someone else's is never shown or confirmed. */
export async function ownRewardTransfer(ports: Ports, transferId: string, userId: string, communityId: string): Promise<TransferDoc | null> {
  const t = await ports.store.get('transfers', transferId)
  return t && t.purpose === 'reward' && t.userId === userId && t.communityId === communityId ? t : null
}

/** What the recipient's tap hands to wx.requestMerchantTransfer for a reward bill. */
export async function rewardConfirmInfo(ports: Ports, transferId: string, userId: string, communityId: string): Promise<Result<{ mchId: string; appId: string; package: string }>> {
  const t = await ownRewardTransfer(ports, transferId, userId, communityId)
  if (!t) return notFound()
  const status = statusOf(t)
  if (status !== 'awaiting_confirm' || !t.packageInfo) return fail('SELLING.NOT_AWAITING_CONFIRM', status === 'paid' ? '这笔奖励已到账' : '这笔奖励当前无需领取，请刷新后查看')
  return ok({ mchId: ports.transfer.mchId, appId: ports.transfer.appId, package: t.packageInfo })
}

export const myTransfers: ActionHandler<C['myTransfers']> = async ({ ports, actor }) => {
  const rows = await ports.store.find('transfers', {
    where: { userId: actor.user._id, communityId: actor.communityId, purpose: 'reward' },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 200
  })
  // One line per reward: its newest attempt says where it stands.
  const views = [...newestOf(rows).values()].map(rewardTransferView)
  const first = (s: RewardTransferStatus) => (s === 'awaiting_confirm' ? 0 : 1)
  views.sort((a, b) => first(a.status) - first(b.status) || b.createdAt - a.createdAt)
  return ok({ transfers: views })
}

/** After the recipient's tap: one query to WeChat Pay, so the page shows 已到账 without waiting for the notification. */
export const syncMyTransfer: ActionHandler<C['syncMyTransfer']> = async ({ ports, actor }, input) => {
  const t = await ownRewardTransfer(ports, input.transferId, actor.user._id, actor.communityId)
  if (!t) return notFound()
  if (isFinalRow(t.state)) return ok(rewardTransferView(t))
  const synced = await syncTransfer(ports, t._id)
  const after = synced ? await settleRewardTransfer(ports, synced) : t
  return ok(rewardTransferView(after))
}

export const rewardTransferHandlers = { myTransfers, syncMyTransfer }
