import type { officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { BuildingDoc, GridDoc } from '../docs'

type C = typeof officeContracts

/** Tries at taking buildings out of a grid another clerk is editing at the same moment. */
const MOVE_TRIES = 3

const byOrder = (a: BuildingDoc, b: BuildingDoc) => a.order - b.order || a.name.localeCompare(b.name, 'zh', { numeric: true })

export const grids: ActionHandler<C['grids']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [gridDocs, buildings, roles] = await Promise.all([
    ports.store.find('grids', { where: { communityId }, limit: 1000 }),
    findAll(ports.store, 'buildings', { communityId }),
    ports.store.find('staffRoles', { where: { communityId, role: 'butler' }, limit: 1000 })
  ])
  buildings.sort(byOrder)
  // A butler whose role was taken away still shows on the grid they held, by name. One count per
  // building, side by side: a grid's size without reading every household.
  const [users, counts] = await Promise.all([
    getMany(ports.store, 'users', [...roles.map((r) => r.userId), ...gridDocs.map((g) => g.butlerUserId)]),
    Promise.all(buildings.map(async (b) => [b._id, await ports.store.count('households', { buildingId: b._id })] as const)).then((e) => new Map(e))
  ])
  const gridOf = new Map<string, string>()
  for (const g of gridDocs) for (const b of g.buildingIds) if (!gridOf.has(b)) gridOf.set(b, g._id)
  const order = new Map(buildings.map((b, i) => [b._id, i]))
  return ok({
    grids: gridDocs
      .map((g) => ({
        id: g._id,
        name: g.name,
        butlerUserId: g.butlerUserId,
        butlerName: users.get(g.butlerUserId)?.nickname ?? '',
        buildingIds: [...g.buildingIds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
        households: g.buildingIds.reduce((n, b) => n + (counts.get(b) ?? 0), 0)
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh', { numeric: true })),
    buildings: buildings.map((b) => ({ id: b._id, name: b.name, households: counts.get(b._id) ?? 0, gridId: gridOf.get(b._id) ?? null })),
    butlers: roles
      .map((r) => ({ userId: r.userId, nickname: users.get(r.userId)?.nickname ?? '已注销的用户' }))
      .sort((a, b) => a.nickname.localeCompare(b.nickname, 'zh'))
  })
}

/** Takes `buildingIds` out of another grid, re-reading it when a clerk changed it meanwhile. */
async function takeOut(ports: Ports, grid: GridDoc, buildingIds: ReadonlySet<string>, now: number): Promise<boolean> {
  let g: GridDoc | null = grid
  for (let i = 0; i < MOVE_TRIES && g; i++) {
    const kept = g.buildingIds.filter((b) => !buildingIds.has(b))
    if (kept.length === g.buildingIds.length) return true
    const applied = await ports.store.update(
      'grids',
      g._id,
      { set: { buildingIds: kept, revision: (g.revision ?? 0) + 1, updatedAt: now } },
      { revision: g.revision ?? null }
    )
    if (applied) return true
    g = await ports.store.get('grids', g._id)
  }
  return g === null
}

export const saveGrid: ActionHandler<C['saveGrid']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [all, buildings, butlerRole] = await Promise.all([
    ports.store.find('grids', { where: { communityId }, limit: 1000 }),
    getMany(ports.store, 'buildings', input.buildingIds),
    ports.store.get('staffRoles', `${communityId}:${input.butlerUserId}:butler`)
  ])
  const current = input.id === undefined ? null : all.find((g) => g._id === input.id)
  if (current === undefined) return fail('OFFICE.GRID_NOT_FOUND', '网格不存在或已被删除，请刷新后再试')
  if (!butlerRole) {
    return fail('OFFICE.NOT_A_BUTLER', '此人不是这个社区的网格管家', [{ path: 'butlerUserId', label: '网格管家', message: '请先在「工作人员」中邀请为网格管家' }])
  }
  const missing = input.buildingIds.filter((id) => buildings.get(id)?.communityId !== communityId)
  if (missing.length > 0) return fail('OFFICE.BUILDING_NOT_FOUND', '有楼栋不在这个社区，请刷新后重新选择', [{ path: 'buildingIds', label: '楼栋', message: '有楼栋不存在' }])
  if (all.some((g) => g._id !== current?._id && g.name === input.name)) {
    return fail('OFFICE.GRID_NAME_TAKEN', `已有名为「${input.name}」的网格`, [{ path: 'name', label: '网格名称', message: '已被使用' }])
  }
  const now = ports.clock.now()
  const buildingIds = [...new Set(input.buildingIds)]
  let id: string
  if (current) {
    id = current._id
    const applied = await ports.store.update(
      'grids',
      id,
      { set: { name: input.name, butlerUserId: input.butlerUserId, buildingIds, revision: (current.revision ?? 0) + 1, updatedAt: now } },
      { revision: current.revision ?? null }
    )
    if (!applied) return fail('OFFICE.CHANGED_MEANWHILE', '这个网格刚被他人修改，请刷新后再试')
  } else {
    id = ports.random.id()
    const doc: GridDoc = { _id: id, communityId, name: input.name, butlerUserId: input.butlerUserId, buildingIds, revision: 1, updatedAt: now }
    const res = await ports.store.insert('grids', doc)
    if (!res.ok) return fail('INTERNAL.ERROR', '新建网格失败，请重试')
  }
  // A building belongs to one grid: the others give up what this one now holds.
  const chosen = new Set(buildingIds)
  const others = all.filter((g) => g._id !== id && g.buildingIds.some((b) => chosen.has(b)))
  const moved = await Promise.all(others.map((g) => takeOut(ports, g, chosen, now)))
  if (moved.includes(false)) ports.log.warn('grid kept a building another grid took', { communityId, gridId: id })
  ports.log.info('grid saved', { communityId, gridId: id, buildings: buildingIds.length, by: actor.user._id })
  return ok({ id, movedFrom: others.map((g) => g.name) })
}

export const deleteGrid: ActionHandler<C['deleteGrid']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const g = await ports.store.get('grids', input.id)
  if (!g || g.communityId !== communityId) return fail('OFFICE.GRID_NOT_FOUND', '网格不存在或已被删除')
  await ports.store.remove('grids', g._id)
  ports.log.info('grid deleted', { communityId, gridId: g._id, by: actor.user._id })
  return ok({ done: true })
}
