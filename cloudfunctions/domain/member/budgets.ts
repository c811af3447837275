import type { Incentive, RewardIncentive } from '../../contracts/member'
import { incentiveText } from '../../contracts/member'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { issueCard } from './cards'
import { issueVoucher } from './coupons'
import type { BudgetDoc, RewardDoc } from './docs'
import { type Journal, record } from './journal'
import { earnPoints } from './points'
import { pointsValueFen, rulesOf } from './rules'

/**
 * Incentive budgets per event or campaign. Each incentive first charges its budget with a
 * journaled `inc spentFen` guarded by `spentFen ≤ cap − cost` in the same update, so concurrent
 * grants never exceed the cap; then the voucher, card or points are issued under a key derived
 * from the grant, so a retried grant issues once.
 */
export const REWARDS: Journal<RewardDoc, BudgetDoc> = {
  log: 'rewards',
  target: 'budgets',
  change: (e) => ({
    spec: { inc: { spentFen: e.costFen, grants: 1 } },
    guard: { capFen: e.capAt, spentFen: { lte: e.capAt - e.costFen } }
  }),
  feasible: (b, e) => b.spentFen + e.costFen <= b.capFen
}

export async function createBudget(
  ports: Ports,
  by: { userId: string; communityId: string },
  input: { title: string; kind: 'event' | 'campaign'; eventId?: string; capFen: number },
  clientRequestId: string
): Promise<BudgetDoc> {
  const idempotencyKey = `${by.userId}:${clientRequestId}`
  const [existing] = await ports.store.find('budgets', { where: { idempotencyKey }, limit: 1 })
  if (existing) return existing
  const b: BudgetDoc = {
    _id: `bg_${ports.random.id(9)}`,
    communityId: by.communityId,
    title: input.title,
    kind: input.kind,
    eventId: input.kind === 'event' ? (input.eventId ?? null) : null,
    capFen: input.capFen,
    spentFen: 0,
    grants: 0,
    createdBy: by.userId,
    idempotencyKey,
    j: {},
    createdAt: ports.clock.now()
  }
  const res = await ports.store.insert('budgets', b)
  if (!res.ok) {
    const [winner] = await ports.store.find('budgets', { where: { idempotencyKey }, limit: 1 })
    if (winner) return winner
    throw new Error('budget insert failed')
  }
  return b
}

/** What an incentive costs its budget, in fen. */
export async function costOf(ports: Ports, communityId: string, i: RewardIncentive): Promise<number> {
  if (i.type === 'voucher') return i.valueFen
  if (i.type === 'cash') return i.amountFen
  if (i.type === 'card') return i.costFen
  return pointsValueFen(await rulesOf(ports, communityId), i.points)
}

/**
 * Issues the voucher, card or points for `key` (idempotent) and returns what it became. Cards
 * belong to the recipient's household in the community (their first active one).
 */
export async function issueIncentive(
  ports: Ports,
  input: { communityId: string; userId: string; incentive: Incentive; key: string; title: string; householdId?: string }
): Promise<Result<string>> {
  const i = input.incentive
  if (i.type === 'voucher') {
    const c = await issueVoucher(ports, {
      communityId: input.communityId,
      userId: input.userId,
      key: input.key,
      title: i.title,
      valueFen: i.valueFen,
      validDays: i.validDays,
      source: { kind: 'reward', ref: input.key }
    })
    return ok(c._id)
  }
  if (i.type === 'card') {
    const householdId = input.householdId ?? (await householdOf(ports, input.communityId, input.userId))
    if (!householdId) return fail('MEMBER.RECIPIENT_INVALID', '该住户没有有效房屋，不能发服务卡')
    const card = await issueCard(ports, {
      communityId: input.communityId,
      householdId,
      userId: input.userId,
      title: i.title,
      uses: i.uses,
      validDays: i.validDays,
      source: { kind: 'reward', ref: input.key },
      valueFen: i.costFen,
      key: input.key
    })
    return ok(card._id)
  }
  const res = await earnPoints(ports, { communityId: input.communityId, userId: input.userId, source: input.key, points: i.points, title: input.title, ref: input.key })
  if (res.status === 'refused') return fail('MEMBER.RECIPIENT_INVALID', '积分发放失败')
  await ports.notifier.notify({
    userId: input.userId,
    communityId: input.communityId,
    kind: 'member-points',
    title: `获得 ${i.points} 积分`,
    body: `「${input.title}」奖励 ${i.points} 积分，已计入会员积分`,
    link: `/packages/member/pages/points/index?communityId=${encodeURIComponent(input.communityId)}`
  })
  return ok(res.entry._id)
}

export async function householdOf(ports: Ports, communityId: string, userId: string): Promise<string | null> {
  const [m] = await ports.store.find('memberships', { where: { userId, communityId, status: 'active' }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 1 })
  return m?.householdId ?? null
}

async function isMember(ports: Ports, communityId: string, householdId: string, userId: string): Promise<boolean> {
  const m = await ports.store.get('memberships', `${householdId}:${userId}`)
  return m?.status === 'active' && m.communityId === communityId
}

export interface ChargeInput {
  budgetId: string
  communityId: string
  userId: string
  /** The recipient's household for a service card; their first active one when absent. */
  householdId?: string
  incentive: RewardIncentive
  /** Unique per grant: a staff request (`staff:<userId>:<clientRequestId>`) or an event grant id. */
  key: string
  issuedBy: string
}

export interface RewardInput extends ChargeInput {
  incentive: Incentive
  title: string
}

/**
 * Charges the budget for one grant: never over the cap, even under concurrent grants, and once
 * per key (a retry returns the entry already charged). Vouchers, cards and points go to a home in
 * the community; cash goes to the person (the caller pays it by a transfer, keyed by the entry).
 */
export async function chargeReward(ports: Ports, input: ChargeInput): Promise<Result<{ entry: RewardDoc; budget: BudgetDoc }>> {
  const budget = await ports.store.get('budgets', input.budgetId)
  if (!budget || budget.communityId !== input.communityId) return fail('MEMBER.BUDGET_NOT_FOUND', '预算不存在')
  const householdId =
    input.incentive.type === 'cash'
      ? ''
      : input.householdId
        ? (await isMember(ports, input.communityId, input.householdId, input.userId))
          ? input.householdId
          : null
        : await householdOf(ports, input.communityId, input.userId)
  if (householdId === null) return fail('MEMBER.RECIPIENT_INVALID', '只能发给本社区的住户')
  const costFen = await costOf(ports, input.communityId, input.incentive)
  const charged = await record(ports, REWARDS, {
    _id: `reward:${input.key}`,
    target: budget._id,
    budgetId: budget._id,
    communityId: input.communityId,
    userId: input.userId,
    householdId,
    incentive: input.incentive,
    costFen,
    capAt: budget.capFen,
    issuedBy: input.issuedBy,
    itemId: '',
    at: ports.clock.now()
  })
  if (!charged.ok) {
    const left = Math.max(0, budget.capFen - budget.spentFen)
    return fail('MEMBER.BUDGET_EXCEEDED', `预算不足：剩余 ¥${(left / 100).toFixed(2)}，本次需要 ¥${(costFen / 100).toFixed(2)}`)
  }
  return ok({ entry: charged.entry, budget })
}

/** Reads the budget back after a charge, for the caller's remaining figure. */
export async function budgetAfter(ports: Ports, budget: BudgetDoc): Promise<BudgetDoc> {
  return (await ports.store.get('budgets', budget._id)) ?? budget
}

/**
 * Charges the budget, then issues the voucher, card or points. A retried grant (same key) charges
 * once and issues once.
 */
export async function issueReward(ports: Ports, input: RewardInput): Promise<Result<{ reward: RewardDoc; budget: BudgetDoc; text: string }>> {
  const charged = await chargeReward(ports, input)
  if (!charged.ok) return charged
  const { entry, budget } = charged.value
  const incentive = entry.incentive
  // The key was charged as cash before (the honour roll): that grant is paid by its transfer.
  if (incentive.type === 'cash') return fail('MEMBER.CASH_GRANTED', `这次奖励已按${incentiveText(incentive)}发放，不能再改发其他奖励`)
  const issued = await issueIncentive(ports, {
    communityId: input.communityId,
    userId: entry.userId,
    incentive,
    key: entry._id,
    title: input.title,
    householdId: entry.householdId
  })
  if (!issued.ok) return issued
  if (entry.itemId !== issued.value) await ports.store.update('rewards', entry._id, { set: { itemId: issued.value } })
  return ok({ reward: { ...entry, itemId: issued.value }, budget: await budgetAfter(ports, budget), text: incentiveText(incentive) })
}
