import { PARCEL_REMIND_AFTER_DAYS } from '../../contracts/parcel-labels'
import type { parcelContracts } from '../../contracts/parcel'
import { DAY_MS, shanghaiMidnight } from '../../contracts/shanghai'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import { householdLabels } from '../user/labels'
import { parcelCounts } from './counts'
import type { ParcelDoc } from './docs'
import { myParcelView, parcelView } from './views'

type C = typeof parcelContracts

const PAGE = 50

/** Each filter's rows, the time they are ordered by, and which way: the shelf oldest first, a day's lists newest first. */
function listQuery(filter: 'waiting' | 'today' | 'picked', communityId: string, dayStart: number): { where: Filter; field: 'registeredAt' | 'pickedAt'; dir: 'asc' | 'desc' } {
  const day = { gte: dayStart, lt: dayStart + DAY_MS }
  if (filter === 'waiting') return { where: { communityId, status: 'waiting' }, field: 'registeredAt', dir: 'asc' }
  if (filter === 'today') return { where: { communityId, status: { in: ['waiting', 'picked'] }, registeredAt: day }, field: 'registeredAt', dir: 'desc' }
  return { where: { communityId, pickedAt: day }, field: 'pickedAt', dir: 'desc' }
}

export const list: ActionHandler<C['list']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const dayStart = shanghaiMidnight(input.day ?? now)
  const q = listQuery(input.filter, communityId, dayStart)
  const clauses: Filter[] = [q.where]
  if (input.householdId) clauses.push({ householdId: input.householdId })
  if (input.cursor) {
    const after = afterTimeCursor(input.cursor, q.field, q.dir)
    if (!after) return fail('REQUEST.INVALID_INPUT', '分页位置无效，请刷新后重试', [{ path: 'cursor', label: '分页位置', message: '分页位置无效' }])
    clauses.push(after)
  }
  const today = shanghaiMidnight(now)
  const overdueBefore = now - PARCEL_REMIND_AFTER_DAYS * DAY_MS
  // The page and the desk's four figures in one round trip.
  const [rows, waiting, overdue, registeredToday, pickedToday] = await Promise.all([
    ports.store.find('parcels', { where: { and: clauses }, orderBy: [{ field: q.field, dir: q.dir }, { field: '_id', dir: q.dir }], limit: PAGE }),
    ports.store.count('parcels', { communityId, status: 'waiting' }),
    ports.store.count('parcels', { communityId, status: 'waiting', registeredAt: { lt: overdueBefore } }),
    ports.store.count('parcels', { communityId, status: { in: ['waiting', 'picked'] }, registeredAt: { gte: today, lt: today + DAY_MS } }),
    ports.store.count('parcels', { communityId, pickedAt: { gte: today, lt: today + DAY_MS } })
  ])
  const labels = await householdLabels(ports, rows.map((p) => p.householdId), communityId)
  return ok({
    items: rows.map((p) => parcelView(p, labels.get(p.householdId) ?? '', now)),
    cursor: timeCursorOf(rows, PAGE, (p) => (q.field === 'pickedAt' ? (p.pickedAt ?? 0) : p.registeredAt)),
    counts: { waiting, overdue, registeredToday, pickedToday }
  })
}

/** Buildings some butler looks after: a resident there may ask for door delivery. */
export async function buildingsWithButler(ports: Ports, communityId: string): Promise<Set<string>> {
  const grids = await ports.store.find('grids', { where: { communityId }, limit: 200 })
  return new Set(grids.filter((g) => g.butlerUserId).flatMap((g) => g.buildingIds))
}

export const mine: ActionHandler<C['mine']> = async ({ ports, actor }) => {
  const ids = actor.householdIds
  if (ids.length === 0) return ok({ waiting: [], history: [] })
  const household = ids.length === 1 ? ids[0]! : { in: ids }
  const [waiting, history, served, labels] = await Promise.all([
    ports.store.find('parcels', { where: { householdId: household, status: 'waiting' }, orderBy: [{ field: 'registeredAt', dir: 'desc' }], limit: 100 }),
    ports.store.find('parcels', { where: { householdId: household, status: 'picked' }, orderBy: [{ field: 'registeredAt', dir: 'desc' }], limit: 20 }),
    buildingsWithButler(ports, actor.communityId),
    householdLabels(ports, ids, actor.communityId)
  ])
  const view = (p: ParcelDoc) => myParcelView(p, labels.get(p.householdId) ?? '', served.has(p.buildingId))
  return ok({ waiting: waiting.map(view), history: history.map(view) })
}

export const deliveries: ActionHandler<C['deliveries']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const me = actor.user._id
  const [pending, delivered] = await Promise.all([
    ports.store.find('parcels', { where: { deliveryButlerId: me, status: 'waiting' }, orderBy: [{ field: 'deliveryRequestedAt', dir: 'asc' }], limit: 200 }),
    ports.store.find('parcels', { where: { deliveryButlerId: me, status: 'picked', pickedAt: { gte: shanghaiMidnight(now) } }, orderBy: [{ field: 'pickedAt', dir: 'desc' }], limit: 200 })
  ])
  // A butler may serve two communities: the list is the one they act in.
  const here = (p: ParcelDoc) => p.communityId === actor.communityId
  const rows = [...pending, ...delivered].filter(here)
  const labels = await householdLabels(ports, rows.map((p) => p.householdId), actor.communityId)
  const view = (p: ParcelDoc) => parcelView(p, labels.get(p.householdId) ?? '', now)
  return ok({ pending: pending.filter(here).map(view), deliveredToday: delivered.filter(here).map(view) })
}

export const householdCounts: ActionHandler<C['householdCounts']> = async ({ ports, actor }, input) => {
  const [household, counts] = await Promise.all([ports.store.get('households', input.householdId), parcelCounts(ports, input.householdId)])
  if (!household || household.communityId !== actor.communityId) {
    return fail('PARCEL.HOUSEHOLD_NOT_FOUND', '房屋不存在', [{ path: 'householdId', label: '房屋', message: '本社区没有这户' }])
  }
  return ok(counts)
}
