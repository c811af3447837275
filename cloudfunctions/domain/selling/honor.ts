import { incentiveText } from '../../contracts/member'
import type { sellingContracts } from '../../contracts/selling'
import { HONOR_KIND_LABELS, HONOR_ROLL_STATUS_LABELS } from '../../contracts/selling-labels'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { budgetAfter, chargeReward, issueReward } from '../member/budgets'
import type { RewardDoc } from '../member/docs'
import { honorCandidates as suggest } from './honor-candidates'
import { newestTransfers, payCashReward, rewardTransferView } from './reward-transfers'
import type { TransferDoc } from './transfer-docs'
import type { HonorEntry, HonorRollDoc } from './honor-docs'

type C = typeof sellingContracts

const rollId = (communityId: string, month: string) => `${communityId}:${month}`
/**
 * An honoree is rewarded once a month: the budget journal keys the grant by it. The community is
 * in the key because a butler may serve two communities, each with its own roll and budgets.
 */
const rewardKey = (communityId: string, month: string, refId: string) => `honor:${communityId}:${month}:${refId}`
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

function rollView(r: HonorRollDoc) {
  return {
    month: r.month,
    status: r.status,
    statusLabel: HONOR_ROLL_STATUS_LABELS[r.status],
    entries: r.entries.map((e) => ({ kind: e.kind, kindLabel: HONOR_KIND_LABELS[e.kind], refId: e.refId, name: e.name, photo: e.photo || null, reason: e.reason })),
    publishedAt: r.publishedAt
  }
}

function givenView(refId: string, r: RewardDoc, t: TransferDoc | null) {
  const transfer = t ? rewardTransferView(t) : null
  return { refId, text: incentiveText(r.incentive), costFen: r.costFen, at: r.at, transfer: transfer && { status: transfer.status, statusLabel: transfer.statusLabel, failReason: transfer.failReason } }
}

export const honorCandidates: ActionHandler<C['honorCandidates']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [candidates, roll] = await Promise.all([suggest(ports, communityId, input.month), ports.store.get('honorRolls', rollId(communityId, input.month))])
  const refIds = [...new Set([...candidates.map((c) => c.refId), ...(roll?.entries.map((e) => e.refId) ?? [])])]
  const rewardIds = refIds.map((id) => `reward:${rewardKey(communityId, input.month, id)}`)
  const [rewards, transfers] = await Promise.all([getMany(ports.store, 'rewards', rewardIds), newestTransfers(ports, rewardIds)])
  const given = refIds.flatMap((id) => {
    const rewardId = `reward:${rewardKey(communityId, input.month, id)}`
    const r = rewards.get(rewardId)
    return r && (r.state === 'applied' || r.state === 'closed') ? [givenView(id, r, transfers.get(rewardId) ?? null)] : []
  })
  return ok({
    month: input.month,
    candidates: candidates.map(({ userId: _user, ...c }) => c),
    roll: roll ? rollView(roll) : null,
    rewards: given
  })
}

/** Resolves each pick to a worker or a butler of this community, with the name and photo stored now. */
async function resolveEntries(ports: Ports, communityId: string, picks: readonly { kind: 'worker' | 'butler'; refId: string; reason: string }[]) {
  const workerIds = picks.filter((p) => p.kind === 'worker').map((p) => p.refId)
  const butlerIds = picks.filter((p) => p.kind === 'butler').map((p) => p.refId)
  const [workers, butlers] = await Promise.all([
    getMany(ports.store, 'workers', workerIds),
    butlerIds.length ? ports.store.find('staffRoles', { where: { communityId, role: 'butler', userId: { in: butlerIds } }, limit: 200 }) : Promise.resolve([])
  ])
  const userOf = (p: { kind: 'worker' | 'butler'; refId: string }) => (p.kind === 'worker' ? workers.get(p.refId)?.userId : p.refId)
  const users = await getMany(ports.store, 'users', picks.map(userOf).filter((u): u is string => Boolean(u)))
  const entries: HonorEntry[] = []
  for (const [i, p] of picks.entries()) {
    const w = p.kind === 'worker' ? workers.get(p.refId) : undefined
    const known = p.kind === 'worker' ? w?.communityId === communityId : butlers.some((b) => b.userId === p.refId)
    if (!known) return fail('SELLING.HONOREE_NOT_FOUND', '上榜人不在本社区', [{ path: `entries.${i}.refId`, label: '上榜人', message: '本社区没有这位师傅或管家' }])
    const userId = userOf(p) ?? ''
    const u = users.get(userId)
    entries.push({ kind: p.kind, refId: p.refId, userId, name: w?.name ?? u?.nickname ?? '', photo: u?.avatarUrl ?? '', reason: p.reason })
  }
  return ok(entries)
}

export const saveHonorRoll: ActionHandler<C['saveHonorRoll']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const id = rollId(communityId, input.month)
  const [prior, resolved] = await Promise.all([ports.store.get('honorRolls', id), resolveEntries(ports, communityId, input.entries)])
  if (!resolved.ok) return resolved
  if (prior?.status === 'published') return fail('SELLING.HONOR_PUBLISHED', `${monthLabel(input.month)}光荣榜已发布，不能再修改`)
  const now = ports.clock.now()
  const roll: HonorRollDoc = {
    _id: id,
    communityId,
    month: input.month,
    status: 'draft',
    entries: resolved.value,
    savedBy: actor.user._id,
    savedAt: now,
    publishedAt: null,
    publishedBy: ''
  }
  if (!prior && (await ports.store.insert('honorRolls', roll)).ok) return ok({ roll: rollView(roll) })
  // Only a draft is rewritten: a roll published meanwhile stays as everyone saw it.
  const saved = await ports.store.update('honorRolls', id, { set: { entries: roll.entries, savedBy: roll.savedBy, savedAt: now } }, { status: 'draft' })
  if (!saved) return fail('SELLING.HONOR_PUBLISHED', `${monthLabel(input.month)}光荣榜已发布，不能再修改`)
  return ok({ roll: rollView(roll) })
}

export const publishHonorRoll: ActionHandler<C['publishHonorRoll']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const id = rollId(communityId, input.month)
  const roll = await ports.store.get('honorRolls', id)
  if (!roll) return fail('SELLING.HONOR_NOT_FOUND', `请先保存 ${monthLabel(input.month)}光荣榜`)
  const now = ports.clock.now()
  const published = await ports.store.update('honorRolls', id, { set: { status: 'published', publishedAt: now, publishedBy: actor.user._id } }, { status: 'draft' })
  if (!published) return fail('SELLING.HONOR_PUBLISHED', `${monthLabel(input.month)}光荣榜已发布`)
  const link = `/packages/service/pages/honor/index?communityId=${encodeURIComponent(communityId)}&month=${input.month}`
  await Promise.all(
    roll.entries
      .filter((e) => e.userId)
      .map((e) =>
        ports.notifier.notify({
          userId: e.userId,
          communityId,
          kind: 'honor_roll',
          title: '你登上了光荣榜',
          body: `恭喜！你登上了 ${monthLabel(input.month)}光荣榜：${e.reason}`,
          link,
          key: `honor:${id}:${e.refId}`
        })
      )
  )
  return ok({ roll: rollView({ ...roll, status: 'published', publishedAt: now, publishedBy: actor.user._id }) })
}

/** Published rolls only: a draft is the office's working copy. */
export const honorRoll: ActionHandler<C['honorRoll']> = async ({ ports, actor }, input) => {
  const rolls = await ports.store.find('honorRolls', {
    where: { communityId: actor.communityId, status: 'published' },
    orderBy: [{ field: 'month', dir: 'desc' }],
    limit: 36
  })
  const roll = input.month ? rolls.find((r) => r.month === input.month) : rolls[0]
  return ok({ roll: roll ? rollView(roll) : null, months: rolls.map((r) => r.month) })
}

export const rewardHonoree: ActionHandler<C['rewardHonoree']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const key = rewardKey(communityId, input.month, input.refId)
  const [roll, prior] = await Promise.all([ports.store.get('honorRolls', rollId(communityId, input.month)), ports.store.get('rewards', `reward:${key}`)])
  if (!roll || roll.status !== 'published') return fail('SELLING.HONOR_NOT_PUBLISHED', `${monthLabel(input.month)}光荣榜发布后才能发奖励`)
  const entry = roll.entries.find((e) => e.refId === input.refId)
  if (!entry || !entry.userId) return fail('SELLING.HONOREE_NOT_FOUND', '这位不在本月光荣榜上', [{ path: 'refId', label: '上榜人', message: '请从本月光荣榜中选择' }])
  const already = prior !== null && (prior.state === 'applied' || prior.state === 'closed')
  // Once a month per honoree: a second grant finishes the first one, whatever it asks for.
  const incentive = already ? prior.incentive : input.incentive
  const grant = { budgetId: input.budgetId, communityId, userId: entry.userId, key, issuedBy: actor.user._id }
  const title = `${monthLabel(input.month)}光荣榜奖励`
  if (incentive.type === 'cash') {
    const user = await ports.store.get('users', entry.userId)
    if (!user?.openid) return fail('SELLING.NO_WECHAT', `${entry.name}还没有用微信登录过小程序，收不到现金，请改发其他奖励`)
    const charged = await chargeReward(ports, { ...grant, incentive })
    if (!charged.ok) return charged
    const { entry: reward, budget } = charged.value
    // A concurrent grant of something else for this honoree won the key: that one stands.
    if (reward.incentive.type !== 'cash') return fail('SELLING.ALREADY_REWARDED', `${entry.name}本月已发过奖励（${incentiveText(reward.incentive)}）`)
    const t = await payCashReward(ports, reward, user.openid, reward.incentive.amountFen, title)
    const after = await budgetAfter(ports, budget)
    return ok({ reward: givenView(entry.refId, reward, t), already, budget: { id: after._id, capFen: after.capFen, spentFen: after.spentFen } })
  }
  const res = await issueReward(ports, { ...grant, incentive, title })
  if (!res.ok) {
    if (res.code === 'MEMBER.RECIPIENT_INVALID') return fail('SELLING.HONOREE_NO_HOME', `${entry.name}在本社区没有绑定房屋，积分、券和服务卡只能发给住户，可改发现金`)
    return res
  }
  const { reward, budget } = res.value
  return ok({
    reward: givenView(entry.refId, reward, null),
    already,
    budget: { id: budget._id, capFen: budget.capFen, spentFen: budget.spentFen }
  })
}

export const honorHandlers = { honorCandidates, saveHonorRoll, publishHonorRoll, honorRoll, rewardHonoree }
