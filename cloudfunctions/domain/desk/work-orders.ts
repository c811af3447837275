import { createHash } from 'node:crypto'
import { DEFAULT_SLA, WORK_TYPES, WORK_TYPE_LABELS } from '../../contracts/desk-kinds'
import { ROLE_LABELS } from '../../contracts/roles'
import type { deskWorkContracts } from '../../contracts/desk-work'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, getMany, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import { put } from '../../kernel/put'
import { householdLabel } from '../user/format'
import { linkChatToWorkOrder } from './chat-link'
import type { SlaRuleDoc, WorkOrderDoc } from './docs'
import { LIVE_STATUSES, type Person, defaultAssignee, openWorkOrder, ruleFor } from './open'
import { isSupervisor, workOrderView } from './views'

type C = typeof deskWorkContracts

const PAGE = 30

export function workOrderIdOf(key: string): string {
  return `wo${createHash('sha256').update(key).digest('hex').slice(0, 20)}`
}

/** A worker or butler of this community, as the desk may hand a work order to. */
export async function assigneeIn(ports: Ports, communityId: string, userId: string): Promise<Person | null> {
  const [worker, butler, user, profile] = await Promise.all([
    ports.store.get('staffRoles', `${communityId}:${userId}:worker`),
    ports.store.get('staffRoles', `${communityId}:${userId}:butler`),
    ports.store.get('users', userId),
    ports.store.find('workers', { where: { communityId, userId }, limit: 1 })
  ])
  if (!worker && !butler) return null
  return { userId, name: profile[0]?.name ?? user?.nickname ?? ROLE_LABELS.worker }
}

/** The work order, when it is in the caller's community and theirs to see (a butler: their grids; a worker: theirs). */
export async function visibleWorkOrder(ports: Ports, actor: CommunityActor, id: string): Promise<Result<WorkOrderDoc>> {
  const wo = await ports.store.get('workOrders', id)
  const notFound = fail('WORK_ORDER.NOT_FOUND', '工单不存在', [{ path: 'workOrderId', message: '工单不存在' }])
  if (!wo || wo.communityId !== actor.communityId) return notFound
  if (isSupervisor(actor) || wo.assigneeUserId === actor.user._id) return ok(wo)
  if (actor.roles.includes('butler') && actor.grids.some((g) => g.buildingIds.includes(wo.buildingId))) return ok(wo)
  return notFound
}

export const createWorkOrder: ActionHandler<C['createWorkOrder']> = async ({ ports, actor }, input) => {
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  const id = workOrderIdOf(idempotencyKey)
  const [h, chosen] = await Promise.all([
    ports.store.get('households', input.householdId),
    input.assigneeUserId ? assigneeIn(ports, actor.communityId, input.assigneeUserId) : Promise.resolve(null)
  ])
  if (!h || h.communityId !== actor.communityId) return fail('DESK.HOUSEHOLD_NOT_FOUND', '找不到这个房屋，请重新查找', [{ path: 'householdId', message: '房屋不存在' }])
  if (input.assigneeUserId && !chosen) return fail('DESK.ASSIGNEE_INVALID', '处理人不是本社区的师傅或管家', [{ path: 'assigneeUserId', message: '不是本社区的师傅或管家' }])
  const [building, assignee] = await Promise.all([ports.store.get('buildings', h.buildingId), chosen ? Promise.resolve(chosen) : defaultAssignee(ports, h, input.type)])
  const label = householdLabel(building ?? undefined, h)
  const { doc, created } = await openWorkOrder(ports, {
    id,
    idempotencyKey,
    household: h,
    householdLabel: label,
    type: input.type,
    channel: input.channel,
    source: input.chatId ? 'chat' : 'desk',
    sourceId: input.chatId,
    follows: false,
    text: input.text,
    photos: input.photos,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    assignee,
    by: { userId: actor.user._id, name: actor.user.nickname }
  })
  if (created) {
    const members = await ports.store.find('memberships', { where: { householdId: h._id, status: 'active' }, limit: 20 })
    await Promise.all([
      input.chatId ? linkChatToWorkOrder(ports, actor.communityId, input.chatId, doc) : Promise.resolve(),
      ...members.map((m) =>
        ports.notifier.notify({
          userId: m.userId,
          communityId: h.communityId,
          kind: 'work-order-resident',
          title: `已为你登记${WORK_TYPE_LABELS[doc.type]}工单`,
          body: `工单号 ${doc.no}：${doc.text.slice(0, 30)}`,
          link: `/packages/service/pages/work-order/index?id=${doc._id}`,
          key: `wo:${doc._id}:opened:${m.userId}`
        })
      )
    ])
  }
  return ok({ workOrder: workOrderView(doc, actor, ports.clock.now()) })
}

export const workOrders: ActionHandler<C['workOrders']> = async ({ ports, actor }, input) => {
  const where: Filter[] = [{ communityId: actor.communityId }]
  if (input.view === 'active') where.push({ status: { in: [...LIVE_STATUSES] } })
  if (input.view === 'breached') where.push({ breached: true, status: { in: [...LIVE_STATUSES] } })
  if (input.view === 'visit') where.push({ status: 'done' })
  if (input.type) where.push({ type: input.type })
  if (input.channel) where.push({ channel: input.channel })
  if (input.householdId) where.push({ householdId: input.householdId })
  if (!isSupervisor(actor)) where.push({ buildingId: { in: actor.grids.flatMap((g) => g.buildingIds) } })
  if (input.cursor) {
    const after = afterTimeCursor(input.cursor, 'createdAt', 'desc')
    if (!after) return fail('REQUEST.INVALID_INPUT', '翻页位置无效，请刷新', [{ path: 'cursor', message: '翻页位置无效' }])
    where.push(after)
  }
  const rows = await ports.store.find('workOrders', {
    where: { and: where },
    orderBy: [{ field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }],
    limit: PAGE
  })
  const now = ports.clock.now()
  return ok({ workOrders: rows.map((w) => workOrderView(w, actor, now)), next: timeCursorOf(rows, PAGE, (w) => w.createdAt) })
}

export const workOrder: ActionHandler<C['workOrder']> = async ({ ports, actor }, input) => {
  const wo = await visibleWorkOrder(ports, actor, input.workOrderId)
  if (!wo.ok) return wo
  return ok({ workOrder: workOrderView(wo.value, actor, ports.clock.now()) })
}

export const myWorkOrders: ActionHandler<C['myWorkOrders']> = async ({ ports, actor }, input) => {
  const rows = await ports.store.find('workOrders', {
    where: { assigneeUserId: actor.user._id, communityId: actor.communityId, status: input.done ? { in: ['done', 'visited'] } : { in: [...LIVE_STATUSES] } },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 50
  })
  const now = ports.clock.now()
  // The most pressing first: the nearest deadline still to meet.
  const views = rows.map((w) => workOrderView(w, actor, now))
  if (!input.done) views.sort((a, b) => (a.stages.find((s) => s.doneAt === null)?.dueAt ?? Infinity) - (b.stages.find((s) => s.doneAt === null)?.dueAt ?? Infinity))
  return ok({ workOrders: views })
}

export const assignees: ActionHandler<C['assignees']> = async ({ ports, actor }) => {
  const [roles, workers] = await Promise.all([
    ports.store.find('staffRoles', { where: { communityId: actor.communityId, role: { in: ['worker', 'butler'] } }, limit: 200 }),
    ports.store.find('workers', { where: { communityId: actor.communityId }, limit: 200 })
  ])
  const [users, loads] = await Promise.all([
    getMany(ports.store, 'users', roles.map((r) => r.userId)),
    Promise.all(roles.map((r) => ports.store.count('workOrders', { assigneeUserId: r.userId, communityId: actor.communityId, status: { in: [...LIVE_STATUSES] } })))
  ])
  const list = roles
    .map((r, i) => {
      const w = workers.find((x) => x.userId === r.userId)
      const role = r.role === 'worker' ? ('worker' as const) : ('butler' as const)
      return { userId: r.userId, name: w?.name ?? users.get(r.userId)?.nickname ?? ROLE_LABELS[role], role, roleLabel: ROLE_LABELS[role], open: loads[i] ?? 0, skills: w?.skills ?? [], active: w?.active ?? true }
    })
    .filter((a) => a.active)
    .map(({ active: _a, ...a }) => a)
  list.sort((a, b) => a.open - b.open || a.name.localeCompare(b.name, 'zh'))
  return ok({ assignees: list })
}

export const slaRules: ActionHandler<C['slaRules']> = async ({ ports, actor }) => {
  const rules = await Promise.all(WORK_TYPES.map(async (type) => ({ type, label: WORK_TYPE_LABELS[type], ...(await ruleFor(ports, actor.communityId, type)) })))
  return ok({ rules })
}

export const saveSlaRule: ActionHandler<C['saveSlaRule']> = async ({ ports, actor }, input) => {
  const doc: SlaRuleDoc = { _id: `${actor.communityId}:${input.type}`, communityId: actor.communityId, type: input.type, ...input.rule, updatedAt: ports.clock.now(), updatedBy: actor.user._id }
  await put(ports.store, 'slaRules', doc)
  ports.log.info('sla rule saved', { communityId: actor.communityId, type: input.type, ...input.rule, default: DEFAULT_SLA[input.type] })
  return ok({ done: true as const })
}
