import type { userContracts } from '../../contracts/user'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { householdLabel, roomOf } from './format'
import { activeMembership } from './membership'
import type { Store } from '../../kernel/store'

type C = typeof userContracts

export const listCommunities: ActionHandler<C['listCommunities']> = async ({ ports }) => {
  const list = await ports.store.find('communities', { orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 100 })
  return ok({ communities: list.map((c) => ({ id: c._id, name: c.name, city: c.city })) })
}

export const listBuildings: ActionHandler<C['listBuildings']> = async ({ ports }, input) => {
  const community = await ports.store.get('communities', input.communityId)
  if (!community) return fail('HOUSEHOLD.NOT_FOUND', '社区不存在', [{ path: 'communityId', message: '社区不存在' }])
  const buildings = await ports.store.find('buildings', {
    where: { communityId: community._id },
    orderBy: [{ field: 'order', dir: 'asc' }],
    limit: 200
  })
  const households = await findAll(ports.store, 'households', { communityId: community._id })
  return ok({
    communityName: community.name,
    buildings: buildings.map((b) => ({
      id: b._id,
      name: b.name,
      households: households
        .filter((h) => h.buildingId === b._id)
        .map((h) => ({ id: h._id, room: roomOf(h) }))
        .sort((x, y) => x.room.localeCompare(y.room, 'zh', { numeric: true }))
    }))
  })
}

export const householdMembers: ActionHandler<C['householdMembers']> = async ({ ports, actor }, input) => {
  const mine = await activeMembership(ports, actor.user._id, input.householdId)
  if (!mine || mine.communityId !== actor.communityId) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const household = await ports.store.get('households', input.householdId)
  if (!household) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  const building = await ports.store.get('buildings', household.buildingId)
  const members = await ports.store.find('memberships', {
    where: { householdId: household._id, status: 'active' },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 100
  })
  const users = await getMany(ports.store, 'users', members.map((m) => m.userId))
  return ok({
    householdLabel: householdLabel(building ?? undefined, household),
    members: members.map((m) => ({
      userId: m.userId,
      nickname: users.get(m.userId)?.nickname ?? '',
      relation: m.relation,
      since: m.createdAt,
      isMe: m.userId === actor.user._id
    }))
  })
}

interface BuildingStat {
  id: string
  name: string
  households: number
  bound: number
}

/** Households per building and how many have at least one active member. */
async function buildingStats(store: Store, communityId: string, onlyBuildings?: readonly string[]) {
  const [buildings, households, memberships] = await Promise.all([
    store.find('buildings', {
      where: onlyBuildings ? { communityId, _id: { in: onlyBuildings } } : { communityId },
      orderBy: [{ field: 'order', dir: 'asc' }],
      limit: 200
    }),
    findAll(store, 'households', onlyBuildings ? { communityId, buildingId: { in: onlyBuildings } } : { communityId }),
    findAll(store, 'memberships', { communityId, status: 'active' })
  ])
  const boundIds = new Set(memberships.map((m) => m.householdId))
  const stats: BuildingStat[] = buildings.map((b) => {
    const inB = households.filter((h) => h.buildingId === b._id)
    return { id: b._id, name: b.name, households: inB.length, bound: inB.filter((h) => boundIds.has(h._id)).length }
  })
  return { stats, residents: new Set(memberships.map((m) => m.userId)).size, households }
}

export const gridOverview: ActionHandler<C['gridOverview']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const buildingIds = actor.grids.flatMap((g) => g.buildingIds)
  const [{ stats }, pendingRequests] = await Promise.all([
    buildingStats(ports.store, communityId, buildingIds),
    ports.store.count('joinRequests', { communityId, status: 'pending', buildingId: { in: buildingIds } })
  ])
  return ok({ gridName: actor.grids.map((g) => g.name).join('、') || '未分配网格', buildings: stats, pendingRequests })
}

export const communityOverview: ActionHandler<C['communityOverview']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const gridsAndButlers = async () => {
    const grids = await ports.store.find('grids', { where: { communityId }, limit: 100 })
    return { grids, butlers: await getMany(ports.store, 'users', grids.map((g) => g.butlerUserId)) }
  }
  const [community, { stats, residents, households }, { grids, butlers }] = await Promise.all([
    ports.store.get('communities', communityId),
    buildingStats(ports.store, communityId),
    gridsAndButlers()
  ])
  return ok({
    communityName: community?.name ?? '',
    households: households.length,
    boundHouseholds: stats.reduce((n, b) => n + b.bound, 0),
    residents,
    buildings: stats,
    grids: grids.map((g) => ({
      id: g._id,
      name: g.name,
      butlerName: butlers.get(g.butlerUserId)?.nickname ?? '',
      buildings: g.buildingIds.length
    }))
  })
}


