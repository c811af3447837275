import { TASK_KIND_LABELS, type TaskKind } from '../../contracts/insights-labels'
import type { TaskViewT } from '../../contracts/insights'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { FollowUpDoc } from '../booking/docs'
import type { GridDoc } from '../docs'
import type { EventDoc, VisitDoc } from '../event/docs'
import type { DeliveryTaskDoc, OrderDoc } from '../order/docs'
import { householdLabels } from '../user/labels'
import type { ButlerTaskDoc, ChurnCaseDoc, FollowLogDoc } from './docs'
import { loadRules } from './rules'
import { DAY_MS, dayStart } from './time'

/** A butler may serve several communities: the key holds all three, so each gets its own tasks. */
export function taskId(day: string, communityId: string, butlerUserId: string, kind: TaskKind): string {
  return `${day}:${communityId}:${butlerUserId}:${kind}`
}

/** The most households one follow-up task lists, so a day's work stays doable. */
export const FOLLOW_CAP = 15

async function deliveryOrders(ports: Ports, butlerUserId: string, day: string): Promise<OrderDoc[]> {
  const start = dayStart(day)
  const tasks = await ports.store.find<DeliveryTaskDoc>('deliveryTasks', {
    where: { butlerUserId, deliveryDate: { gte: start, lt: start + DAY_MS } },
    limit: 100
  })
  const out: OrderDoc[] = []
  for (const t of tasks.filter((x) => x.mode === 'door')) {
    const orders = await findAll<OrderDoc>(ports.store, 'orders', { campaignId: t.campaignId, status: { in: ['confirmed', 'delivered'] } })
    out.push(...orders.filter((o) => o.gridId === t.gridId))
  }
  return out
}

/**
 * Today's tasks of one butler, generated from the day's facts. Each kind is created at most once
 * a day (its key), and only when there is something to do.
 */
export async function generateTasks(ports: Ports, communityId: string, butlerUserId: string, day: string): Promise<number> {
  const now = ports.clock.now()
  const rules = await loadRules(ports, communityId)
  const start = dayStart(day)
  const drafts: Omit<ButlerTaskDoc, '_id' | 'communityId' | 'butlerUserId' | 'day' | 'progress' | 'updatedAt'>[] = []

  const events = await ports.store.find<EventDoc>('events', {
    where: { communityId, startAt: { gte: start, lt: start + 7 * DAY_MS } },
    orderBy: [{ field: 'startAt', dir: 'asc' }],
    limit: 20
  })
  const open = events.filter((e) => e.signupClosesAt > now && e.confirmed < e.capacity)
  if (open.length > 0) {
    drafts.push({
      kind: 'invite_event',
      target: rules.churn.inviteTarget,
      refs: open.map((e) => e._id),
      households: [],
      detail: `分享「${open.map((e) => e.title).join('」「')}」邀请函，目标 ${rules.churn.inviteTarget} 位邻居打开`
    })
  }

  const mine = await ports.store.find<ChurnCaseDoc>('churnCases', { where: { communityId, butlerUserId, status: 'open' }, orderBy: [{ field: 'score', dir: 'desc' }], limit: FOLLOW_CAP })
  if (mine.length > 0) {
    const names = await householdLabels(ports, mine.map((c) => c.householdId))
    drafts.push({
      kind: 'follow_risk',
      target: mine.length,
      refs: mine.map((c) => c._id),
      households: mine.map((c) => ({ householdId: c.householdId, label: names.get(c.householdId) ?? '', why: c.reasons.map((r) => r.detail).join('；') })),
      detail: `${mine.length} 户出现流失预警，上门、电话或微信跟进并记录`
    })
  }

  const orders = await deliveryOrders(ports, butlerUserId, day)
  if (orders.length > 0) {
    const names = await householdLabels(ports, orders.map((o) => o.householdId))
    drafts.push({
      kind: 'deliver',
      target: orders.length,
      refs: orders.map((o) => o._id),
      households: orders.map((o) => ({ householdId: o.householdId, label: names.get(o.householdId) ?? '', why: `${o.skuName} ×${o.quantity}` })),
      detail: `今日送达 ${orders.length} 单，扫码或输入取货码确认`
    })
  }

  const lows = await ports.store.find<FollowUpDoc>('followUps', { where: { communityId, butlerUserId, status: 'open' }, limit: FOLLOW_CAP })
  if (lows.length > 0) {
    drafts.push({
      kind: 'follow_rating',
      target: lows.length,
      refs: lows.map((f) => f._id),
      households: lows.map((f) => ({ householdId: f.householdId, label: f.householdLabel, why: `${f.lineName} · ${f.workerName} · ${(f.avg100 / 100).toFixed(1)} 分` })),
      detail: `${lows.length} 条低分评价待回访`
    })
  }

  let created = 0
  for (const d of drafts) {
    const doc: ButlerTaskDoc = { _id: taskId(day, communityId, butlerUserId, d.kind), communityId, butlerUserId, day, progress: 0, updatedAt: now, ...d }
    if ((await ports.store.insert('butlerTasks', doc)).ok) created++
  }
  return created
}

export async function generateAllTasks(ports: Ports, communityId: string, day: string): Promise<number> {
  const grids = await ports.store.find<GridDoc>('grids', { where: { communityId }, limit: 200 })
  let n = 0
  for (const butler of new Set(grids.map((g) => g.butlerUserId).filter(Boolean))) n += await generateTasks(ports, communityId, butler, day)
  return n
}

/**
 * How far a task got by the end of `day`, read from what actually happened: visits through the
 * butler's invitations, follow-ups logged, orders delivered, rating follow-ups closed.
 */
export async function progressOf(ports: Ports, t: ButlerTaskDoc): Promise<{ progress: number; doneRefs: Set<string> }> {
  const start = dayStart(t.day)
  const end = start + DAY_MS
  const doneRefs = new Set<string>()
  if (t.kind === 'invite_event') {
    const visitors = new Set<string>()
    for (const eventId of t.refs) {
      const visits = await findAll<VisitDoc>(ports.store, 'eventVisits', { inviteId: `${eventId}:${t.butlerUserId}` })
      for (const v of visits) if (v.firstAt >= start && v.firstAt < end) visitors.add(v.userId)
    }
    return { progress: visitors.size, doneRefs }
  }
  if (t.kind === 'follow_risk') {
    const logs = await ports.store.find<FollowLogDoc>('followLogs', { where: { butlerUserId: t.butlerUserId, day: t.day }, limit: 1000 })
    const followed = new Set(logs.map((l) => l.householdId))
    for (const h of t.households) if (followed.has(h.householdId)) doneRefs.add(h.householdId)
    return { progress: doneRefs.size, doneRefs }
  }
  if (t.kind === 'deliver') {
    // Delivered that day (by the butler's scan or the resident's confirmation of receipt).
    const orders = await getMany<OrderDoc>(ports.store, 'orders', t.refs)
    const done = [...orders.values()].filter((o) => o.deliveredAt !== null && o.deliveredAt >= start && o.deliveredAt < end)
    for (const o of done) doneRefs.add(o.householdId)
    return { progress: done.length, doneRefs }
  }
  const followUps = await getMany<FollowUpDoc>(ports.store, 'followUps', t.refs)
  for (const f of followUps.values()) if (f.status === 'closed' && (f.closedAt ?? 0) < end) doneRefs.add(f.householdId)
  return { progress: [...followUps.values()].filter((f) => f.status === 'closed' && (f.closedAt ?? 0) < end).length, doneRefs }
}

const LINKS: Record<TaskKind, string> = {
  invite_event: '/packages/event/pages/invites/index',
  follow_risk: '/packages/butler/pages/household/index',
  deliver: '/packages/presale-admin/pages/deliveries/index',
  follow_rating: '/packages/service-staff/pages/followups/index'
}

/** Refreshes the stored progress (the scoreboard reads it) and returns the task as shown. */
export async function refreshTask(ports: Ports, t: ButlerTaskDoc): Promise<TaskViewT> {
  const { progress, doneRefs } = await progressOf(ports, t)
  if (progress !== t.progress) await ports.store.update('butlerTasks', t._id, { set: { progress, updatedAt: ports.clock.now() } })
  return {
    taskId: t._id,
    kind: t.kind,
    title: TASK_KIND_LABELS[t.kind],
    detail: t.detail,
    target: t.target,
    progress: Math.min(progress, t.target),
    done: progress >= t.target,
    households: t.households.map((h) => ({ ...h, done: doneRefs.has(h.householdId) })),
    link: LINKS[t.kind]
  }
}

/** Freezes the progress of a finished day's tasks, so the weekly scoreboard reads stored rows. */
export async function freezeDay(ports: Ports, communityId: string, day: string): Promise<number> {
  const tasks = await findAll<ButlerTaskDoc>(ports.store, 'butlerTasks', { communityId, day })
  for (const t of tasks) await refreshTask(ports, t)
  return tasks.length
}
