import { TASK_KIND_LABELS, type TaskKind } from '../../contracts/insights-labels'
import type { TaskViewT } from '../../contracts/insights'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { OrderDoc } from '../order/docs'
import type { SellingTargetDoc } from '../selling/kit-docs'
import { liveTargets } from '../selling/targets'
import { PARCEL_DELIVERIES_PAGE } from '../../contracts/parcel-labels'
import { householdLabels } from '../user/labels'
import type { ButlerTaskDoc } from './docs'
import { loadRules } from './rules'
import { DAY_MS, dayStart } from './time'
import { parcelTaskDetail, parcelWhy } from '../parcel/views'

/** A butler may serve several communities: the key holds all three, so each gets its own tasks. */
export function taskId(day: string, communityId: string, butlerUserId: string, kind: TaskKind): string {
  return `${day}:${communityId}:${butlerUserId}:${kind}`
}

/** The most households one follow-up task lists, so a day's work stays doable. */
export const FOLLOW_CAP = 15

async function deliveryOrders(ports: Ports, butlerUserId: string, day: string): Promise<OrderDoc[]> {
  const start = dayStart(day)
  const tasks = await ports.store.find('deliveryTasks', {
    where: { butlerUserId, deliveryDate: { gte: start, lt: start + DAY_MS } },
    limit: 100
  })
  const door = tasks.filter((x) => x.mode === 'door')
  const perTask = await Promise.all(door.map((t) => findAll(ports.store, 'orders', { campaignId: t.campaignId, status: { in: ['confirmed', 'delivered'] } })))
  return perTask.flatMap((orders, i) => orders.filter((o) => o.gridId === door[i]!.gridId))
}

/** A list and the labels of its households, read as soon as the list is there. */
async function withLabels<T extends { householdId: string }>(ports: Ports, communityId: string, list: Promise<T[]>): Promise<{ list: T[]; names: Map<string, string> }> {
  const rows = await list
  return { list: rows, names: rows.length > 0 ? await householdLabels(ports, rows.map((r) => r.householdId), communityId) : new Map() }
}

/**
 * Today's tasks of one butler, generated from the day's facts. Each kind is created at most once
 * a day (its key), and only when there is something to do. Returns the tasks it stored; `raced`
 * says another request stored one of them first (read them back rather than trust this list).
 */
export async function generateTasks(ports: Ports, communityId: string, butlerUserId: string, day: string): Promise<{ tasks: ButlerTaskDoc[]; raced: boolean }> {
  const now = ports.clock.now()
  const start = dayStart(day)
  const drafts: Draft[] = []
  // Every source of the day's work is read at once.
  const [rules, events, risk, deliveries, lows, parcels, selling] = await Promise.all([
    loadRules(ports, communityId),
    ports.store.find('events', {
      where: { communityId, startAt: { gte: start, lt: start + 7 * DAY_MS } },
      orderBy: [{ field: 'startAt', dir: 'asc' }],
      limit: 20
    }),
    withLabels(ports, communityId, ports.store.find('churnCases', { where: { communityId, butlerUserId, status: 'open' }, orderBy: [{ field: 'score', dir: 'desc' }], limit: FOLLOW_CAP })),
    withLabels(ports, communityId, deliveryOrders(ports, butlerUserId, day)),
    ports.store.find('followUps', { where: { communityId, butlerUserId, status: 'open' }, limit: FOLLOW_CAP }),
    // Parcels residents asked to have brought up and still on the shelf, whatever day they asked.
    withLabels(ports, communityId, ports.store.find('parcels', { where: { deliveryButlerId: butlerUserId, status: 'waiting', communityId }, limit: 100 })),
    liveTargets(ports, communityId, now)
  ])

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

  const mine = risk.list
  if (mine.length > 0) {
    drafts.push({
      kind: 'follow_risk',
      target: mine.length,
      refs: mine.map((c) => c._id),
      households: mine.map((c) => ({ householdId: c.householdId, label: risk.names.get(c.householdId) ?? '', why: c.reasons.map((r) => r.detail).join('；') })),
      detail: `${mine.length} 户出现流失预警，上门、电话或微信跟进并记录`
    })
  }

  const orders = deliveries.list
  if (orders.length > 0) {
    drafts.push({
      kind: 'deliver',
      target: orders.length,
      refs: orders.map((o) => o._id),
      households: orders.map((o) => ({ householdId: o.householdId, label: deliveries.names.get(o.householdId) ?? '', why: `${o.skuName} ×${o.quantity}` })),
      detail: `今日送达 ${orders.length} 单，扫码或输入取货码确认`
    })
  }

  if (lows.length > 0) {
    drafts.push({
      kind: 'follow_rating',
      target: lows.length,
      refs: lows.map((f) => f._id),
      households: lows.map((f) => ({ householdId: f.householdId, label: f.householdLabel, why: `${f.lineName} · ${f.workerName} · ${(f.avg100 / 100).toFixed(1)} 分` })),
      detail: `${lows.length} 条低分评价待回访`
    })
  }

  if (parcels.list.length > 0) {
    drafts.push({
      kind: 'deliver_parcel',
      target: parcels.list.length,
      refs: parcels.list.map((p) => p._id),
      households: parcels.list.map((p) => ({ householdId: p.householdId, label: parcels.names.get(p.householdId) ?? '', why: parcelWhy(p) })),
      detail: parcelTaskDetail(parcels.list.length)
    })
  }

  drafts.push(...sellingDrafts(selling))

  const docs = drafts.map((d): ButlerTaskDoc => ({ _id: taskId(day, communityId, butlerUserId, d.kind), communityId, butlerUserId, day, progress: 0, updatedAt: now, ...d }))
  // Each kind has its own key: the inserts do not depend on each other.
  const stored = await Promise.all(docs.map(async (doc) => (await ports.store.insert('butlerTasks', doc)).ok))
  return { tasks: docs.filter((_, i) => stored[i]), raced: stored.includes(false) }
}

type Draft = Omit<ButlerTaskDoc, '_id' | 'communityId' | 'butlerUserId' | 'day' | 'progress' | 'updatedAt'>

/** The operator's daily selling targets (selling.setTargets): one task per kind, summed over the campaigns on sale. */
function sellingDrafts(live: Awaited<ReturnType<typeof liveTargets>>): Draft[] {
  const kinds = [
    { kind: 'sell_share', of: (t: SellingTargetDoc) => t.shares, verb: '分享', unit: '次' },
    { kind: 'sell_visit', of: (t: SellingTargetDoc) => t.visits, verb: '通过你的分享带来新访客', unit: '位' },
    { kind: 'sell_order', of: (t: SellingTargetDoc) => t.orders, verb: '通过你的分享带来已支付订单', unit: '单' }
  ] as const
  return kinds.flatMap(({ kind, of, verb, unit }) => {
    const set = live.filter((x) => of(x.target) > 0)
    if (set.length === 0) return []
    const parts = set.map((x) => `「${x.campaign.title}」${of(x.target)} ${unit}`)
    return [{ kind, target: set.reduce((n, x) => n + of(x.target), 0), refs: set.map((x) => x.campaign._id), households: [], detail: `${verb}：${parts.join('、')}` }]
  })
}

export async function generateAllTasks(ports: Ports, communityId: string, day: string): Promise<number> {
  const grids = await ports.store.find('grids', { where: { communityId }, limit: 200 })
  let n = 0
  for (const butler of new Set(grids.map((g) => g.butlerUserId).filter(Boolean))) n += (await generateTasks(ports, communityId, butler, day)).tasks.length
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
    const perEvent = await Promise.all(t.refs.map((eventId) => findAll(ports.store, 'eventVisits', { inviteId: `${eventId}:${t.butlerUserId}` })))
    for (const v of perEvent.flat()) if (v.firstAt >= start && v.firstAt < end) visitors.add(v.userId)
    return { progress: visitors.size, doneRefs }
  }
  if (t.kind === 'follow_risk') {
    const logs = await ports.store.find('followLogs', { where: { butlerUserId: t.butlerUserId, day: t.day }, limit: 1000 })
    const followed = new Set(logs.map((l) => l.householdId))
    for (const h of t.households) if (followed.has(h.householdId)) doneRefs.add(h.householdId)
    return { progress: doneRefs.size, doneRefs }
  }
  if (t.kind === 'deliver') {
    // Delivered that day (by the butler's scan or the resident's confirmation of receipt).
    const orders = await getMany(ports.store, 'orders', t.refs)
    const done = [...orders.values()].filter((o) => o.deliveredAt !== null && o.deliveredAt >= start && o.deliveredAt < end)
    for (const o of done) doneRefs.add(o.householdId)
    return { progress: done.length, doneRefs }
  }
  if (t.kind === 'deliver_parcel') {
    // Off the shelf by the day's end: brought to the door, or fetched from the desk after all.
    const parcels = await getMany(ports.store, 'parcels', t.refs)
    const done = [...parcels.values()].filter((p) => p.pickedAt !== null && p.pickedAt < end)
    for (const p of done) doneRefs.add(p.householdId)
    return { progress: done.length, doneRefs }
  }
  if (t.kind === 'sell_share' || t.kind === 'sell_visit' || t.kind === 'sell_order') return { progress: await sellingProgress(ports, t, start, end), doneRefs }
  const followUps = await getMany(ports.store, 'followUps', t.refs)
  for (const f of followUps.values()) if (f.status === 'closed' && (f.closedAt ?? 0) < end) doneRefs.add(f.householdId)
  return { progress: [...followUps.values()].filter((f) => f.status === 'closed' && (f.closedAt ?? 0) < end).length, doneRefs }
}

/**
 * Selling tasks count what the butler's cards did that day: shares the server recorded, new
 * visitors through the invitations, and orders paid through them that are not refunded.
 */
async function sellingProgress(ports: Ports, t: ButlerTaskDoc, start: number, end: number): Promise<number> {
  const refs = new Set(t.refs)
  if (t.kind === 'sell_share') {
    const uses = await findAll(ports.store, 'kitUses', { communityId: t.communityId, butlerUserId: t.butlerUserId, day: t.day, what: 'share' })
    return uses.filter((u) => refs.has(u.refId)).length
  }
  const invites = t.refs.map((campaignId) => `${campaignId}:${t.butlerUserId}`)
  if (t.kind === 'sell_visit') {
    const perCampaign = await Promise.all(invites.map((inviteId) => findAll(ports.store, 'orderVisits', { inviteId })))
    return new Set(perCampaign.flat().filter((v) => v.firstAt >= start && v.firstAt < end).map((v) => v.userId)).size
  }
  const orders = await findAll(ports.store, 'orders', { invitationId: { in: invites }, status: { in: ['paid', 'confirmed', 'delivered'] } })
  return orders.filter((o) => o.paidAt !== null && o.paidAt >= start && o.paidAt < end).length
}

const SELLING_LINK = '/packages/butler/pages/kits/index'

const LINKS: Record<TaskKind, string> = {
  invite_event: '/packages/event/pages/invites/index',
  follow_risk: '/packages/butler/pages/household/index',
  deliver: '/packages/presale-admin/pages/deliveries/index',
  follow_rating: '/packages/service-staff/pages/followups/index',
  deliver_parcel: PARCEL_DELIVERIES_PAGE,
  sell_share: SELLING_LINK,
  sell_visit: SELLING_LINK,
  sell_order: SELLING_LINK
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
  const tasks = await findAll(ports.store, 'butlerTasks', { communityId, day })
  for (const t of tasks) await refreshTask(ports, t)
  return tasks.length
}
