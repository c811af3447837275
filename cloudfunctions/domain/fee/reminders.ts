import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { formatFenText } from '../format-money'
import { shanghaiDay } from '../../contracts/shanghai'
import type { MembershipDoc } from '../docs'
import { smsSettingsOf, textHousehold } from '../message/sms'
import { addGrant, grantCounterId } from '../subscribe-grants'
import type { BillDoc } from './docs'
import { DAY_MS, overdueDays } from './money'

export const REMINDER_INTERVAL_MS = 7 * DAY_MS

/**
 * Daily: reminds every household of each overdue bill, at most once a week per bill. The claim
 * is a conditional update on the bill itself, so parallel or repeated runs send one reminder.
 */
export async function runArrearsReminders(ports: Ports): Promise<{ reminded: number; messages: number }> {
  const now = ports.clock.now()
  let reminded = 0
  let messages = 0
  const overdue = { status: 'unpaid', dueAt: { lt: now } }
  for await (const bills of pages(ports.store, 'bills', overdue)) {
    for (const bill of bills) {
      if (!(await claimReminder(ports, bill, now))) continue
      reminded++
      messages += await sendReminder(ports, bill, await membersOf(ports, bill.householdId), now)
    }
  }
  return { reminded, messages }
}

export async function membersOf(ports: Ports, householdId: string): Promise<MembershipDoc[]> {
  return ports.store.find('memberships', { where: { householdId, status: 'active' }, limit: 50 })
}

/** Claims the bill's weekly reminder: one conditional update, so parallel runs and clicks send one. */
export async function claimReminder(ports: Ports, bill: BillDoc, now: number): Promise<boolean> {
  return ports.store.update(
    'bills',
    bill._id,
    { set: { lastRemindedAt: now } },
    { and: [{ status: 'unpaid' }, { or: [{ lastRemindedAt: null }, { lastRemindedAt: { lte: now - REMINDER_INTERVAL_MS } }] }] }
  )
}

/** Tells every member of the household about one overdue bill; returns the messages sent. */
export async function sendReminder(ports: Ports, bill: BillDoc, members: readonly MembershipDoc[], now: number): Promise<number> {
  const days = overdueDays(bill.dueAt, now)
  // No one of the household uses the mini-program: the owner gets a text, where the community sends them.
  if (members.length === 0) return (await textArrears(ports, bill, days, now)) ? 1 : 0
  for (const m of members) {
    await ports.notifier.notify({
      userId: m.userId,
      communityId: bill.communityId,
      kind: 'arrears',
      title: '缴费提醒',
      body: `${bill.title} ${formatFenText(bill.amountFen)} 已逾期 ${days} 天，请及时缴纳`,
      link: `/packages/fee/pages/bills/index?householdId=${bill.householdId}&communityId=${bill.communityId}`,
      push: {
        template: 'arrears',
        page: `packages/fee/pages/bills/index?householdId=${bill.householdId}&communityId=${bill.communityId}`,
        data: { thing1: bill.title.slice(0, 20), amount2: formatFenText(bill.amountFen), number3: String(days) }
      }
    })
  }
  return members.length
}

async function textArrears(ports: Ports, bill: BillDoc, days: number, now: number): Promise<boolean> {
  const [h, settings] = await Promise.all([ports.store.get('households', bill.householdId), smsSettingsOf(ports, bill.communityId)])
  if (!h) return false
  const outcome = await textHousehold(ports, settings, h, {
    kind: 'arrears',
    // One text a bill a reminder round: the round is the day the bill's reminder was claimed.
    ref: `${bill._id}:${shanghaiDay(now)}`,
    params: [bill.title.slice(0, 20), formatFenText(bill.amountFen), String(days)],
    page: 'packages/fee/pages/bills/index',
    query: `householdId=${bill.householdId}&communityId=${bill.communityId}`
  })
  return outcome === 'sent'
}

/**
 * Records a one-time grant the resident gave on a tap (wx.requestSubscribeMessage accepted) on the
 * user's bounded grant counter (subscribe-grants.ts): repeated taps never add documents. Returns
 * how many grants the notifier can still use: the counter's, plus unused rows of the older
 * one-row-per-grant shape written before the counter existed.
 */
export async function recordGrant(ports: Ports, userId: string, template: string): Promise<number> {
  await addGrant(ports.store, ports.clock, userId, template)
  const [counter, legacy] = await Promise.all([
    ports.store.get('subscriptions', grantCounterId(userId, template)),
    ports.store.count('subscriptions', { userId, template, status: 'granted' })
  ])
  return (counter && 'available' in counter ? counter.available : 0) + legacy
}
