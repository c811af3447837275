import type { bookingContracts } from '../../contracts/booking'
import type { Actor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { householdLabel } from '../user/format'
import type { ComplaintDoc } from './docs'
import { bookingIdOf } from './book'
import { butlerOf } from './rating'
import { complaintView } from './views'
import { followComplaint } from '../desk/complaint-sync'

type C = typeof bookingContracts

/**
 * The buildings whose complaints a staff member handles: null (the whole community) for
 * dispatchers, operators and customer service (客服); for a butler, the buildings of their grids, as for follow-ups.
 */
function buildingsHandledBy(actor: Actor): string[] | null {
  if (actor.roles.includes('dispatcher') || actor.roles.includes('operator') || actor.roles.includes('service')) return null
  return actor.grids.flatMap((g) => g.buildingIds)
}

/** A complaint (投诉) is a ticket: open → processing → resolved → closed (rated by the resident). */
export const complain: ActionHandler<C['complain']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是该房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  }
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  const id = bookingIdOf(`complaint:${idempotencyKey}`).replace(/^bk/, 'cp')
  const existing = await ports.store.get('complaints', id)
  if (existing) return ok({ complaint: complaintView(existing) })
  const h = await ports.store.get('households', input.householdId)
  if (!h) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  const b = await ports.store.get('buildings', h.buildingId)
  const now = ports.clock.now()
  const doc: ComplaintDoc = {
    _id: id,
    idempotencyKey,
    communityId: h.communityId,
    householdId: h._id,
    buildingId: h.buildingId,
    householdLabel: householdLabel(b ?? undefined, h),
    userId: actor.user._id,
    category: input.category,
    text: input.text,
    photos: input.photos,
    status: 'open',
    response: '',
    firstResponseAt: null,
    resolvedAt: null,
    rating: null,
    createdAt: now,
    updatedAt: now
  }
  const res = await ports.store.insert('complaints', doc)
  const saved = res.ok ? doc : await ports.store.get('complaints', id)
  if (!saved) return fail('INTERNAL.ERROR', '提交失败，请重试')
  const [butler] = await Promise.all([butlerOf(ports, h), followComplaint(ports, id)])
  if (res.ok && butler) {
    await ports.notifier.notify({ userId: butler, communityId: h.communityId, kind: 'complaint', title: '新投诉', body: `${doc.householdLabel}：${doc.text.slice(0, 30)}` })
  }
  return ok({ complaint: complaintView(saved) })
}

export const myComplaints: ActionHandler<C['myComplaints']> = async ({ ports, actor }) => {
  const docs = await ports.store.find('complaints', { where: { userId: actor.user._id }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 100 })
  return ok({ complaints: docs.filter((c) => c.communityId === actor.communityId).map(complaintView) })
}

export const complaints: ActionHandler<C['complaints']> = async ({ ports, actor }, input) => {
  const buildings = buildingsHandledBy(actor)
  if (buildings?.length === 0) return ok({ complaints: [], avgResponseMinutes: null })
  const docs = await ports.store.find('complaints', {
    where: { communityId: actor.communityId, status: input.status, buildingId: buildings ? { in: buildings } : undefined },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 300
  })
  const answered = docs.filter((c) => c.firstResponseAt !== null)
  const avg = answered.length === 0 ? null : Math.round(answered.reduce((n, c) => n + ((c.firstResponseAt ?? 0) - c.createdAt), 0) / answered.length / 60_000)
  return ok({ complaints: docs.map(complaintView), avgResponseMinutes: avg })
}

export const respond: ActionHandler<C['respond']> = async ({ ports, actor }, input) => {
  const c = await ports.store.get('complaints', input.complaintId)
  const buildings = buildingsHandledBy(actor)
  if (!c || c.communityId !== actor.communityId || (buildings && !buildings.includes(c.buildingId))) return fail('COMPLAINT.NOT_FOUND', '投诉不存在')
  const allowed = input.status === 'processing' ? ['open'] : ['open', 'processing']
  if (!allowed.includes(c.status)) return fail('COMPLAINT.BAD_STATE', '投诉已处理')
  const now = ports.clock.now()
  const done = await ports.store.update(
    'complaints',
    c._id,
    {
      set: {
        status: input.status,
        response: input.response,
        handledBy: actor.user._id,
        firstResponseAt: c.firstResponseAt ?? now,
        ...(input.status === 'resolved' ? { resolvedAt: now } : {}),
        updatedAt: now
      }
    },
    { status: c.status }
  )
  if (!done) return fail('COMPLAINT.BAD_STATE', '投诉状态已变化，请刷新')
  await followComplaint(ports, c._id)
  await ports.notifier.notify({
    userId: c.userId,
    communityId: c.communityId,
    kind: 'complaint',
    title: input.status === 'resolved' ? '投诉已处理' : '投诉已受理',
    body: input.response,
    link: `/packages/service/pages/complaints/index?communityId=${c.communityId}`
  })
  const fresh = (await ports.store.get('complaints', c._id)) ?? c
  return ok({ complaint: complaintView(fresh) })
}

export const rateComplaint: ActionHandler<C['rateComplaint']> = async ({ ports, actor }, input) => {
  const c = await ports.store.get('complaints', input.complaintId)
  if (!c || c.communityId !== actor.communityId || !actor.householdIds.includes(c.householdId)) return fail('COMPLAINT.NOT_FOUND', '投诉不存在')
  if (c.status !== 'resolved') return fail('COMPLAINT.BAD_STATE', c.status === 'closed' ? '已经评价过了' : '处理完成后才能评价')
  const done = await ports.store.update(
    'complaints',
    c._id,
    { set: { status: 'closed', rating: { score: input.score, comment: input.comment }, updatedAt: ports.clock.now() } },
    { status: 'resolved' }
  )
  if (!done) return fail('COMPLAINT.BAD_STATE', '已经评价过了')
  await followComplaint(ports, c._id)
  const fresh = (await ports.store.get('complaints', c._id)) ?? c
  return ok({ complaint: complaintView(fresh) })
}
