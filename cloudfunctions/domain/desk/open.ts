import { DEFAULT_SLA, type Channel, type SlaRule, type WorkType } from '../../contracts/desk-kinds'
import { ROLE_LABELS } from '../../contracts/roles'
import type { Ports } from '../../kernel/ports'
import type { HouseholdDoc, StaffRoleDoc } from '../docs'
import type { ServiceCategory } from '../../contracts/service-categories'
import type { Due, WorkOrderDoc, WorkSource } from './docs'
import { deadlines, nextAlarm } from './sla'
import { workOrderNo } from './views'

export const LIVE_STATUSES = ['open', 'accepted', 'arrived'] as const

/** The community's rule for a work type: what an operator saved, else the default. */
export async function ruleFor(ports: Ports, communityId: string, type: WorkType): Promise<SlaRule> {
  const saved = await ports.store.get('slaRules', `${communityId}:${type}`)
  if (!saved) return DEFAULT_SLA[type]
  return { respondMin: saved.respondMin, arriveMin: saved.arriveMin, finishMin: saved.finishMin, escalateMin: saved.escalateMin }
}

/** Which workers' skills answer a work type: none for a lift (the lift company) or a complaint. */
const SKILLS_FOR: Partial<Record<WorkType, readonly ServiceCategory[]>> = {
  leak: ['plumbing'],
  electric: ['electric'],
  repair: ['appliance', 'plumbing', 'electric']
}

export interface Person {
  userId: string
  name: string
}

/**
 * Who gets a new work order nobody was chosen for: the least busy active worker with the skill,
 * else the butler of the household's grid, else nobody (the desk assigns it, and is reminded).
 */
export async function defaultAssignee(ports: Ports, h: HouseholdDoc, type: WorkType): Promise<Person | null> {
  const skills = SKILLS_FOR[type]
  const [workers, grids] = await Promise.all([
    skills ? ports.store.find('workers', { where: { communityId: h.communityId, active: true }, limit: 200 }) : Promise.resolve([]),
    ports.store.find('grids', { where: { communityId: h.communityId }, limit: 100 })
  ])
  const able = workers.filter((w) => w.skills.some((s) => skills?.includes(s)))
  if (able.length > 0) {
    const loads = await Promise.all(able.map((w) => ports.store.count('workOrders', { assigneeUserId: w.userId, status: { in: [...LIVE_STATUSES] } })))
    let best = 0
    loads.forEach((n, i) => {
      if (n < loads[best]!) best = i
    })
    const w = able[best]!
    return { userId: w.userId, name: w.name }
  }
  const butler = grids.find((g) => g.buildingIds.includes(h.buildingId))?.butlerUserId
  if (!butler) return null
  const u = await ports.store.get('users', butler)
  return { userId: butler, name: u?.nickname ?? ROLE_LABELS.butler }
}

/** The people of a role in a community, for reminders to the desk and escalations to supervisors. */
export async function staffOf(ports: Ports, communityId: string, roles: readonly StaffRoleDoc['role'][]): Promise<string[]> {
  const rows = await ports.store.find('staffRoles', { where: { communityId, role: { in: [...roles] } }, limit: 200 })
  return [...new Set(rows.map((r) => r.userId))]
}

export interface OpenRequest {
  id: string
  idempotencyKey: string
  household: HouseholdDoc
  householdLabel: string
  type: WorkType
  channel: Channel
  source: WorkSource
  sourceId: string | null
  follows: boolean
  text: string
  photos: string[]
  contactName: string
  contactPhone: string | null
  assignee: Person | null
  by: Person
  /** A source with a time agreed with the resident (a booked slot) sets its own arrive and finish. */
  due?: (rule: SlaRule, from: number) => Due
}

/**
 * Makes the work order, or answers with the one a retry already made (same id). Its assignee is
 * told, with the deadline to answer by.
 */
export async function openWorkOrder(ports: Ports, r: OpenRequest): Promise<{ doc: WorkOrderDoc; created: boolean }> {
  const existing = await ports.store.get('workOrders', r.id)
  if (existing) return { doc: existing, created: false }
  const now = ports.clock.now()
  const rule = await ruleFor(ports, r.household.communityId, r.type)
  const doc: WorkOrderDoc = {
    _id: r.id,
    idempotencyKey: r.idempotencyKey,
    no: workOrderNo(r.id, now),
    communityId: r.household.communityId,
    householdId: r.household._id,
    buildingId: r.household.buildingId,
    householdLabel: r.householdLabel,
    type: r.type,
    channel: r.channel,
    source: r.source,
    sourceId: r.sourceId,
    follows: r.follows,
    text: r.text,
    photos: r.photos,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    assigneeUserId: r.assignee?.userId ?? null,
    assigneeName: r.assignee?.name ?? '',
    status: 'open',
    rule,
    clockFrom: now,
    due: r.due ? r.due(rule, now) : deadlines(now, rule),
    respondedAt: null,
    arrivedAt: null,
    finishedAt: null,
    alerts: {},
    alarmAt: null,
    breached: false,
    reopenCount: 0,
    visit: null,
    history: [{ at: now, byName: r.by.name, action: '登记', note: r.assignee ? `派给 ${r.assignee.name}` : '待派单' }],
    createdByUserId: r.by.userId,
    createdAt: now,
    updatedAt: now,
    rev: 1
  }
  doc.alarmAt = nextAlarm(doc)
  const res = await ports.store.insert('workOrders', doc)
  if (!res.ok) {
    const twin = (await ports.store.get('workOrders', r.id)) ?? (await ports.store.find('workOrders', { where: { idempotencyKey: r.idempotencyKey }, limit: 1 }))[0]
    if (twin) return { doc: twin, created: false }
    throw new Error(`work order ${r.id} neither inserted nor found`)
  }
  if (doc.assigneeUserId) await tellAssignee(ports, doc, doc.assigneeUserId, '新工单')
  return { doc, created: true }
}

export async function tellAssignee(ports: Ports, wo: WorkOrderDoc, userId: string, title: string): Promise<void> {
  const mins = Math.max(1, Math.round((wo.due.respond - ports.clock.now()) / 60_000))
  await ports.notifier.notify({
    userId,
    communityId: wo.communityId,
    kind: 'work-order',
    title: `${title}：${wo.householdLabel} ${wo.type === 'complaint' ? '投诉' : ''}`.trim(),
    body: `${wo.text.slice(0, 40)}（请在 ${mins} 分钟内响应）`,
    link: `/packages/service-staff/pages/work-order/index?id=${wo._id}`,
    key: `wo:${wo._id}:${wo.rev}:${userId}`
  })
}
