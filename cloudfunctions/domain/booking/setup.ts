import { createHash } from 'node:crypto'
import type { AdminLineView, WorkerView } from '../../contracts/booking-setup'
import type { bookingContracts } from '../../contracts/booking'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { storedPhoto, storedPhotos } from '../photos'
import type { ChecklistItem, ServiceLineDoc, WorkerDoc } from './docs'

type C = typeof bookingContracts

function adminLine(l: ServiceLineDoc): AdminLineView {
  return {
    id: l._id,
    name: l.name,
    category: l.category,
    kind: l.kind,
    description: l.description,
    priceFen: l.priceFen,
    durationMin: l.durationMin,
    freeUnderPropertyFee: l.freeUnderPropertyFee,
    slotCapacity: l.slotCapacity,
    checklist: l.checklist.map((c) => c.label),
    cover: storedPhoto(l.cover),
    needs: l.needs ?? [],
    active: l.active
  }
}

export const adminLines: ActionHandler<C['adminLines']> = async ({ ports, actor }) => {
  const lines = await ports.store.find('serviceLines', { where: { communityId: actor.communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 200 })
  return ok({ lines: lines.map(adminLine) })
}

/**
 * A checklist from its labels: a label the line had keeps its key, so bookings in progress keep
 * the steps already ticked; a new label gets a key no earlier item used.
 */
function checklistOf(labels: readonly string[], before: readonly ChecklistItem[]): ChecklistItem[] {
  const byLabel = new Map(before.map((c) => [c.label, c.key]))
  const used = new Set(before.map((c) => c.key))
  let n = before.length
  return labels.map((label) => {
    const kept = byLabel.get(label)
    if (kept) return { key: kept, label }
    while (used.has(`s${++n}`));
    used.add(`s${n}`)
    return { key: `s${n}`, label }
  })
}

export const saveLine: ActionHandler<C['saveLine']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const all = await ports.store.find('serviceLines', { where: { communityId }, limit: 200 })
  const current = input.id === undefined ? null : all.find((l) => l._id === input.id)
  if (current === undefined) return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在，请刷新后再试')
  if (all.some((l) => l._id !== current?._id && l.name === input.line.name)) {
    return fail('BOOKING.LINE_NAME_TAKEN', `已有名为「${input.line.name}」的服务项目`, [{ path: 'line.name', label: '项目名称', message: '已被使用' }])
  }
  const { checklist, ...fields } = input.line
  const now = ports.clock.now()
  if (current) {
    // New slots take the new capacity; slots already booked keep the counter they were opened with.
    await ports.store.update('serviceLines', current._id, { set: { ...fields, checklist: checklistOf(checklist, current.checklist) } })
    ports.log.info('service line changed', { communityId, lineId: current._id, by: actor.user._id })
    return ok({ id: current._id })
  }
  const doc: ServiceLineDoc = {
    _id: ports.random.id(),
    communityId,
    ...fields,
    checklist: checklistOf(checklist, []),
    order: all.reduce((m, l) => Math.max(m, l.order), 0) + 1,
    createdAt: now
  }
  const res = await ports.store.insert('serviceLines', doc)
  if (!res.ok) return fail('INTERNAL.ERROR', '保存失败，请重试')
  ports.log.info('service line created', { communityId, lineId: doc._id, by: actor.user._id })
  return ok({ id: doc._id })
}

export const workers: ActionHandler<C['workers']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [roles, docs] = await Promise.all([
    ports.store.find('staffRoles', { where: { communityId, role: 'worker' }, limit: 1000 }),
    ports.store.find('workers', { where: { communityId }, limit: 1000 })
  ])
  const users = await getMany(ports.store, 'users', roles.map((r) => r.userId))
  const byUser = new Map(docs.map((w) => [w.userId, w]))
  const rows: WorkerView[] = roles.map((r) => {
    const w = byUser.get(r.userId)
    const u = users.get(r.userId)
    return {
      userId: r.userId,
      workerId: w?._id ?? null,
      nickname: u?.nickname ?? '',
      name: w?.name ?? u?.nickname ?? '',
      phone: w?.phone ?? u?.phone ?? '',
      partner: w?.partner ?? false,
      partnerCompany: w?.partnerCompany ?? '',
      skills: w?.skills ?? [],
      hours: w?.hours ?? { days: [1, 2, 3, 4, 5], startMin: 8 * 60, endMin: 18 * 60 },
      certificates: storedPhotos(w?.certificates),
      active: w?.active ?? false,
      since: r.createdAt
    }
  })
  // Those without a profile first: nothing is dispatched to them until one is made.
  rows.sort((a, b) => Number(a.workerId !== null) - Number(b.workerId !== null) || a.name.localeCompare(b.name, 'zh'))
  return ok({ workers: rows })
}

/** A profile's id from the person and community: saving the first profile twice makes one. */
const workerIdOf = (communityId: string, userId: string) => `w${createHash('sha256').update(`${communityId}\n${userId}`).digest('base64url').slice(0, 14).replace(/[-_]/g, 'x')}`

export const saveWorker: ActionHandler<C['saveWorker']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [role, existing] = await Promise.all([
    ports.store.get('staffRoles', `${communityId}:${input.userId}:worker`),
    ports.store.find('workers', { where: { userId: input.userId, communityId }, limit: 1 })
  ])
  if (!role) return fail('BOOKING.NOT_A_WORKER', '此人在这个社区没有服务师傅岗位，请先在「工作人员」中邀请')
  const w = input.worker
  const fields = { name: w.name, phone: w.phone, partner: w.partner, partnerCompany: w.partner ? w.partnerCompany : '', skills: [...new Set(w.skills)], hours: { ...w.hours, days: [...new Set(w.hours.days)].sort() }, certificates: w.certificates, active: w.active }
  const now = ports.clock.now()
  const current = existing[0]
  if (current) {
    await ports.store.update('workers', current._id, { set: { ...fields, updatedAt: now } })
    return ok({ workerId: current._id })
  }
  const doc: WorkerDoc = { _id: workerIdOf(communityId, input.userId), communityId, userId: input.userId, ...fields, outstanding: false, outstandingNote: '', createdAt: now }
  const res = await ports.store.insert('workers', doc)
  // A double click made it a moment ago: the second save updates it instead.
  if (!res.ok) await ports.store.update('workers', doc._id, { set: { ...fields, updatedAt: now } })
  ports.log.info('worker profile saved', { communityId, workerId: doc._id, by: actor.user._id })
  return ok({ workerId: doc._id })
}
