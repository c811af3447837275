import type { feeContracts } from '../../contracts/fee'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { householdLabels } from '../user/labels'
import { foreignBuilding } from './actions'
import type { ArrearsCallDoc, BillDoc } from './docs'
import { lateFeeFen } from './money'
import { claimReminder, membersOf, sendReminder } from './reminders'
import { smsSettingsOf } from '../message/sms'
import { feeSettings } from './settings'

type C = typeof feeContracts

/** Households with overdue bills, the largest debt first, with who can be reminded and the last call. */
export const arrears: ActionHandler<C['arrears']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const foreign = await foreignBuilding(ports, communityId, input.buildingId ? [input.buildingId] : [], 'buildingId')
  if (foreign) return foreign
  const [overdue, settings, members, calls] = await Promise.all([
    findAll(ports.store, 'bills', { communityId, status: 'unpaid', dueAt: { lt: now }, ...(input.buildingId ? { buildingId: input.buildingId } : {}) }),
    feeSettings(ports, communityId),
    findAll(ports.store, 'memberships', { communityId, status: 'active' }),
    ports.store.find('arrearsCalls', { where: { communityId }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 1000 })
  ])
  const byHousehold = new Map<string, BillDoc[]>()
  for (const b of overdue) byHousehold.set(b.householdId, [...(byHousehold.get(b.householdId) ?? []), b])
  const lastCall = new Map<string, ArrearsCallDoc>()
  for (const c of calls) if (!lastCall.has(c.householdId)) lastCall.set(c.householdId, c)
  const memberCount = new Map<string, number>()
  for (const m of members) memberCount.set(m.householdId, (memberCount.get(m.householdId) ?? 0) + 1)
  const [labels, callers] = await Promise.all([
    householdLabels(ports, [...byHousehold.keys()]),
    getMany(ports.store, 'users', [...lastCall.values()].map((c) => c.by))
  ])
  const rows = [...byHousehold.entries()].map(([householdId, bills]) => {
    const reminded = bills.map((b) => b.lastRemindedAt ?? 0).filter((t) => t > 0)
    const call = lastCall.get(householdId)
    return {
      householdId,
      label: labels.get(householdId) ?? householdId,
      bills: bills.length,
      owedFen: bills.reduce((n, b) => n + b.amountFen + lateFeeFen(b, settings.lateFee, now), 0),
      oldestDueAt: Math.min(...bills.map((b) => b.dueAt)),
      lastRemindedAt: reminded.length ? Math.max(...reminded) : null,
      members: memberCount.get(householdId) ?? 0,
      lastCall: call ? { at: call.at, outcome: call.outcome, note: call.note, by: callers.get(call.by)?.nickname ?? '' } : null
    }
  })
  rows.sort((a, b) => b.owedFen - a.owedFen)
  return ok({ households: rows, totalOwedFen: rows.reduce((n, r) => n + r.owedFen, 0) })
}

async function householdIn(ports: Ports, householdId: string, communityId: string): Promise<HouseholdDoc | null> {
  const h = await ports.store.get('households', householdId)
  return h && h.communityId === communityId ? h : null
}

/**
 * The office reminds one household now, of each overdue bill not reminded this week (the daily
 * job's claim, so a click and the job never double up). A household nobody has bound gets a text
 * where the community sends them and the owner's phone is on record; otherwise it is refused
 * before anything is claimed: no message could reach it, and the job may try again later.
 */
export const remind: ActionHandler<C['remind']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const [household, overdue, members, sms] = await Promise.all([
    householdIn(ports, input.householdId, communityId),
    ports.store.find('bills', { where: { householdId: input.householdId, status: 'unpaid', dueAt: { lt: now } }, limit: 100 }),
    membersOf(ports, input.householdId),
    smsSettingsOf(ports, communityId)
  ])
  if (!household) return fail('FEE.HOUSEHOLD_NOT_FOUND', '房屋不存在')
  if (overdue.length === 0) return fail('FEE.NOTHING_OVERDUE', '这户没有逾期账单')
  // Nobody bound: only a text to the owner can reach the home, where the community sends texts.
  const texted = Boolean(sms?.enabled && household.owner?.phone)
  if (members.length === 0 && !texted) return fail('FEE.NO_RECIPIENTS', '这户还没有人绑定房屋，消息发不出去；请电话联系业主')
  let bills = 0
  let messages = 0
  for (const bill of overdue) {
    if (!(await claimReminder(ports, bill, now))) continue
    bills++
    messages += await sendReminder(ports, bill, members, now)
  }
  if (bills === 0) return fail('FEE.REMINDED_RECENTLY', '这户的逾期账单 7 天内已提醒过，请过几天再提醒，或电话联系')
  ports.log.info('arrears reminded', { communityId, householdId: input.householdId, bills, by: actor.user._id })
  return ok({ bills, messages })
}

export const logCall: ActionHandler<C['logCall']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  if (!(await householdIn(ports, input.householdId, communityId))) return fail('FEE.HOUSEHOLD_NOT_FOUND', '房屋不存在')
  const call: ArrearsCallDoc = { _id: ports.random.id(), communityId, householdId: input.householdId, outcome: input.outcome, note: input.note, by: actor.user._id, at: ports.clock.now() }
  const res = await ports.store.insert('arrearsCalls', call)
  if (!res.ok) return fail('INTERNAL.ERROR', '保存失败，请重试')
  return ok({ done: true })
}
