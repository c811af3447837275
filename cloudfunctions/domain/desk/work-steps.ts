import type { deskWorkContracts } from '../../contracts/desk-work'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { STEP_LABELS, applyChange, stepChange } from './apply'
import type { WorkOrderDoc } from './docs'
import { tellAssignee, ruleFor } from './open'
import { deadlines } from './sla'
import { workOrderView } from './views'
import { assigneeIn, visibleWorkOrder } from './work-orders'

type C = typeof deskWorkContracts

const CHANGED = fail('WORK_ORDER.CHANGED', '工单刚被其他人更新，请刷新后再试')

async function tellHousehold(ports: Ports, wo: WorkOrderDoc, title: string, body: string): Promise<void> {
  const members = await ports.store.find('memberships', { where: { householdId: wo.householdId, status: 'active' }, limit: 20 })
  await Promise.all(
    members.map((m) =>
      ports.notifier.notify({
        userId: m.userId,
        communityId: wo.communityId,
        kind: 'work-order-resident',
        title,
        body,
        link: `/packages/service/pages/work-order/index?id=${wo._id}`,
        key: `wo:${wo._id}:${wo.rev}:${m.userId}`
      })
    )
  )
}

/** How far a step takes an order, and how far each status is: a step the order is already past was taken. */
const STEP_RANK = { accept: 1, arrive: 2, finish: 3 } as const
const STATUS_RANK: Record<WorkOrderDoc['status'], number> = { open: 0, accepted: 1, arrived: 2, done: 3, visited: 3, cancelled: -1 }
const taken = (wo: WorkOrderDoc, s: keyof typeof STEP_RANK) => STATUS_RANK[wo.status] >= STEP_RANK[s]

export const step: ActionHandler<C['step']> = async ({ ports, actor }, input) => {
  const found = await visibleWorkOrder(ports, actor, input.workOrderId)
  if (!found.ok) return found
  const wo = found.value
  const now = ports.clock.now()
  // A double tap, or a second phone: the step is already taken, so the answer is the order as it is.
  if (!wo.follows && taken(wo, input.step)) return ok({ workOrder: workOrderView(wo, actor, now) })
  const allowed = workOrderView(wo, actor, now).can.step
  if (allowed !== input.step) {
    if (wo.follows) return fail('WORK_ORDER.FOLLOWS_SOURCE', '该工单随住户的预约或投诉更新，请在原单中处理')
    if (wo.status === 'done' || wo.status === 'visited') return fail('WORK_ORDER.BAD_STATE', '工单已完成')
    if (allowed === null) return fail('WORK_ORDER.NOT_ASSIGNEE', '这张工单没有派给你')
    return fail('WORK_ORDER.BAD_STATE', `请先${STEP_LABELS[allowed]}`, [{ path: 'step', message: `下一步是${STEP_LABELS[allowed]}` }])
  }
  const note = [input.note, input.photo ? '（附照片）' : ''].join('').trim()
  const next = await applyChange(ports, wo, { ...stepChange(wo, input.step, now), ...(input.photo ? { photos: [...wo.photos, input.photo].slice(-12) } : {}) }, { byName: actor.user.nickname, action: STEP_LABELS[input.step], note })
  if (!next) {
    const fresh = await ports.store.get('workOrders', wo._id)
    return fresh && taken(fresh, input.step) ? ok({ workOrder: workOrderView(fresh, actor, now) }) : CHANGED
  }
  if (input.step === 'finish') await tellHousehold(ports, next, '工单已完成，请评价', `${next.no}：${next.text.slice(0, 24)}。满意吗？点此评价`)
  else if (input.step === 'accept') await tellHousehold(ports, next, '工单已受理', `${next.assigneeName || actor.user.nickname} 已响应你的${next.type === 'complaint' ? '投诉' : '工单'}（${next.no}）`)
  return ok({ workOrder: workOrderView(next, actor, now) })
}

export const reassign: ActionHandler<C['reassign']> = async ({ ports, actor }, input) => {
  const [found, to] = await Promise.all([visibleWorkOrder(ports, actor, input.workOrderId), assigneeIn(ports, actor.communityId, input.assigneeUserId)])
  if (!found.ok) return found
  const wo = found.value
  if (!to) return fail('DESK.ASSIGNEE_INVALID', '处理人不是本社区的师傅或管家', [{ path: 'assigneeUserId', message: '不是本社区的师傅或管家' }])
  if (!workOrderView(wo, actor, ports.clock.now()).can.reassign) {
    return fail('WORK_ORDER.BAD_STATE', wo.follows ? '该工单随住户的预约更新，请在调度看板改派' : '工单已结束，不能改派')
  }
  if (wo.assigneeUserId === to.userId) return fail('WORK_ORDER.SAME_ASSIGNEE', `工单已经由 ${to.name} 处理`, [{ path: 'assigneeUserId', message: '与当前处理人相同' }])
  const next = await applyChange(ports, wo, { assigneeUserId: to.userId, assigneeName: to.name }, { byName: actor.user.nickname, action: '改派', note: `${wo.assigneeName || '未派'} → ${to.name}：${input.reason}` })
  if (!next) return CHANGED
  await tellAssignee(ports, next, to.userId, '改派给你的工单')
  return ok({ workOrder: workOrderView(next, actor, ports.clock.now()) })
}

export const reopen: ActionHandler<C['reopen']> = async ({ ports, actor }, input) => {
  const found = await visibleWorkOrder(ports, actor, input.workOrderId)
  if (!found.ok) return found
  const wo = found.value
  if (wo.status !== 'done' && wo.status !== 'visited') return fail('WORK_ORDER.BAD_STATE', '工单还在处理中，不需要重开')
  const now = ports.clock.now()
  const rule = await ruleFor(ports, wo.communityId, wo.type)
  // The clock starts again from now, under today's rule; the desk now drives the order.
  const next = await applyChange(
    ports,
    wo,
    { status: 'open', follows: false, rule, clockFrom: now, due: deadlines(now, rule), respondedAt: null, arrivedAt: null, finishedAt: null, alerts: {}, breached: false, visit: null, reopenCount: wo.reopenCount + 1 },
    { byName: actor.user.nickname, action: '重开', note: input.reason }
  )
  if (!next) return CHANGED
  if (next.assigneeUserId) await tellAssignee(ports, next, next.assigneeUserId, '工单重开')
  return ok({ workOrder: workOrderView(next, actor, now) })
}

export const returnVisit: ActionHandler<C['returnVisit']> = async ({ ports, actor }, input) => {
  const found = await visibleWorkOrder(ports, actor, input.workOrderId)
  if (!found.ok) return found
  const wo = found.value
  if (wo.status !== 'done') return fail('WORK_ORDER.BAD_STATE', wo.status === 'visited' ? '已经回访过了' : '完成后才能回访')
  const now = ports.clock.now()
  const change = input.reached ? { status: 'visited' as const, visit: { by: 'call' as const, score: input.score, note: input.note, at: now, byName: actor.user.nickname, byUserId: actor.user._id } } : {}
  const next = await applyChange(ports, wo, change, { byName: actor.user.nickname, action: input.reached ? '电话回访' : '回访未接通', note: input.reached ? `${input.score ?? ''} 分：${input.note}` : input.note })
  if (!next) return CHANGED
  return ok({ workOrder: workOrderView(next, actor, now) })
}

export const residentWorkOrder: ActionHandler<C['residentWorkOrder']> = async ({ ports, actor }, input) => {
  const wo = await ports.store.get('workOrders', input.workOrderId)
  if (!wo || wo.communityId !== actor.communityId || !actor.householdIds.includes(wo.householdId)) return fail('WORK_ORDER.NOT_FOUND', '工单不存在')
  return ok({ workOrder: workOrderView(wo, actor, ports.clock.now()) })
}

export const rateWorkOrder: ActionHandler<C['rateWorkOrder']> = async ({ ports, actor }, input) => {
  const wo = await ports.store.get('workOrders', input.workOrderId)
  if (!wo || wo.communityId !== actor.communityId || !actor.householdIds.includes(wo.householdId)) return fail('WORK_ORDER.NOT_FOUND', '工单不存在')
  if (wo.status !== 'done') return fail('WORK_ORDER.BAD_STATE', wo.status === 'visited' ? '已经评价过了' : '完成后才能评价')
  const now = ports.clock.now()
  const next = await applyChange(
    ports,
    wo,
    { status: 'visited', visit: { by: 'rating', score: input.score, note: input.comment, at: now, byName: actor.user.nickname, byUserId: actor.user._id } },
    { byName: actor.user.nickname, action: '住户评价', note: `${input.score} 星${input.comment ? `：${input.comment}` : ''}` }
  )
  if (!next) return fail('WORK_ORDER.BAD_STATE', '已经评价过了')
  return ok({ workOrder: workOrderView(next, actor, now) })
}
