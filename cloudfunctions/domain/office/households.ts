import { createHash } from 'node:crypto'
import { type HouseholdRow, type ImportProblem, IMPORT_COLUMNS, checkHouseholdRows } from '../../contracts/household-import'
import type { officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import { findAll, inPool } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { Store } from '../../kernel/store'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import { maskName, maskPhone, phoneTailOf, roomOf, unissuedCodeHash } from '../user/format'

type C = typeof officeContracts

const digest = (s: string, n: number) => createHash('sha256').update(s).digest('base64url').slice(0, n).replace(/[-_]/g, 'x')

/** A new building's id from its community and name: two pages naming it make it once. */
function buildingIdOf(communityId: string, name: string): string {
  return `b${digest(`${communityId}\n${name}`, 14)}`
}

/** A new household's id from its building and room: a repeated page inserts it once. */
function householdIdOf(buildingId: string, unit: string, room: string): string {
  return `h${digest(`${buildingId}\n${unit}\n${room.toUpperCase()}`, 16)}`
}

const sameRoom = (h: Pick<HouseholdDoc, 'unit' | 'room'>, unit: string, room: string) => (h.unit ?? '') === unit && h.room.toUpperCase() === room.toUpperCase()

/** Leading number of `12栋`, `3号楼`: buildings list in their natural order. */
function buildingOrder(name: string, fallback: number): number {
  const n = /^(\d{1,4})/.exec(name)?.[1]
  return n ? Number(n) : 10_000 + fallback
}

const byOrder = (a: BuildingDoc, b: BuildingDoc) => a.order - b.order || a.name.localeCompare(b.name, 'zh', { numeric: true })

/** What the row changes on a household that exists: blank owner and parking cells keep what is there. */
function changesOf(h: HouseholdDoc, r: HouseholdRow): Record<string, unknown> | null {
  const set: Record<string, unknown> = {}
  if (h.areaCm2 !== r.areaCm2) set.areaCm2 = r.areaCm2
  if (r.parkingSpaces > 0 && (h.parkingSpaces ?? 0) !== r.parkingSpaces) set.parkingSpaces = r.parkingSpaces
  if (r.ownerName && h.owner?.name !== r.ownerName) set['owner.name'] = r.ownerName
  if (r.ownerPhone && h.owner?.phone !== r.ownerPhone) {
    set['owner.phone'] = r.ownerPhone
    set['owner.phoneTail'] = phoneTailOf(r.ownerPhone) ?? ''
  }
  return Object.keys(set).length ? set : null
}

function newHousehold(communityId: string, buildingId: string, r: HouseholdRow, now: number): HouseholdDoc {
  const _id = householdIdOf(buildingId, r.unit, r.room)
  const tail = phoneTailOf(r.ownerPhone)
  const owner = { ...(r.ownerName ? { name: r.ownerName } : {}), ...(r.ownerPhone ? { phone: r.ownerPhone } : {}), ...(tail ? { phoneTail: tail } : {}) }
  return {
    _id,
    communityId,
    buildingId,
    ...(r.unit ? { unit: r.unit } : {}),
    room: r.room,
    areaCm2: r.areaCm2,
    ...(r.parkingSpaces > 0 ? { parkingSpaces: r.parkingSpaces } : {}),
    ...(Object.keys(owner).length ? { owner } : {}),
    codeHash: unissuedCodeHash(_id),
    createdAt: now,
    updatedAt: now
  }
}

async function householdsOf(store: Store, buildingIds: readonly string[]): Promise<Map<string, HouseholdDoc[]>> {
  const lists = await Promise.all(buildingIds.map((id) => findAll(store, 'households', { buildingId: id })))
  return new Map(buildingIds.map((id, i) => [id, lists[i] ?? []]))
}

function problemsText(problems: readonly ImportProblem[]): string {
  const first = problems[0]!
  return `第 ${first.line} 行${first.label}：${first.message}${problems.length > 1 ? `，另有 ${problems.length - 1} 处问题` : ''}。本页没有导入，请改正后重试`
}

/**
 * One page of the office's household sheet. Every row is checked first (as the console already
 * did for the whole file); a page with any problem writes nothing. Applying matches rooms already
 * there by building, unit and room, so importing the same sheet again updates and never duplicates,
 * whoever made those rooms (the import, an earlier system, the demo seed).
 */
export const importHouseholds: ActionHandler<C['importHouseholds']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const checked = checkHouseholdRows(input.rows)
  const problems = [...checked.problems]
  const buildings = await findAll(ports.store, 'buildings', { communityId })
  const byName = new Map(buildings.map((b) => [b.name, b]))

  const toCreate = new Map<string, BuildingDoc>()
  // Named in the message so a typo (1幢 for 1栋) is plain; a long list is cut short.
  const known = [...buildings].sort(byOrder).slice(0, 8).map((b) => b.name).join('、') + (buildings.length > 8 ? ` 等 ${buildings.length} 栋` : '')
  for (const r of checked.rows) {
    if (byName.has(r.building) || toCreate.has(r.building)) continue
    if (!input.newBuildings) {
      problems.push({ line: r.line, field: 'building', label: IMPORT_COLUMNS.building.label, message: `社区里没有「${r.building}」${known ? `（已有：${known}）` : ''}；如是新楼栋，请勾选“允许新建楼栋”` })
      continue
    }
    toCreate.set(r.building, { _id: buildingIdOf(communityId, r.building), communityId, name: r.building, order: buildingOrder(r.building, buildings.length + toCreate.size) })
  }
  problems.sort((a, b) => a.line - b.line)
  if (problems.length && !input.dryRun) return fail('OFFICE.IMPORT_INVALID', problemsText(problems))

  const buildingOf = (name: string) => byName.get(name) ?? toCreate.get(name)!
  const rows = problems.length ? checked.rows.filter((r) => !problems.some((p) => p.line === r.line)) : checked.rows
  const existing = await householdsOf(ports.store, [...new Set(rows.map((r) => buildingOf(r.building)._id))].filter((id) => !toCreate.has(id)))
  const now = ports.clock.now()
  const inserts: HouseholdDoc[] = []
  const updates: { id: string; set: Record<string, unknown> }[] = []
  let unchanged = 0
  for (const r of rows) {
    const building = buildingOf(r.building)
    const there = existing.get(building._id)?.find((h) => sameRoom(h, r.unit, r.room))
    if (!there) inserts.push(newHousehold(communityId, building._id, r, now))
    else {
      const set = changesOf(there, r)
      if (set) updates.push({ id: there._id, set: { ...set, updatedAt: now } })
      else unchanged++
    }
  }
  const summary = { problems, buildingsCreated: [...toCreate.values()].sort(byOrder).map((b) => b.name) }
  if (input.dryRun) return ok({ ...summary, created: inserts.length, updated: updates.length, unchanged })

  await inPool([...toCreate.values()], async (b) => {
    // A duplicate is this page's twin (a retry, a second tab) having made it: the same id, the same building.
    await ports.store.insert('buildings', b)
  })
  let created = 0
  let updated = 0
  await inPool(inserts, async (doc) => {
    const r = await ports.store.insert('households', doc)
    if (r.ok) {
      created++
      return
    }
    // Made meanwhile by a retry of this page: apply the row to it as an update.
    const { _id, communityId: _c, buildingId: _b, createdAt: _t, codeHash: _h, ...fields } = doc
    if (await ports.store.update('households', _id, { set: fields })) updated++
  })
  await inPool(updates, async (u) => {
    if (await ports.store.update('households', u.id, { set: u.set })) updated++
  })
  ports.log.info('households imported', { communityId, rows: input.rows.length, created, updated, unchanged, buildings: toCreate.size })
  return ok({ ...summary, created, updated, unchanged })
}

/**
 * The community's rooms, a page at a time, in the order a clerk reads them (building, then unit and
 * room as numbers: 2 before 10). That order is not one the store can sort by, so the community's
 * households are read whole (a few thousand, in pages of 1000) and paged here.
 */
export const households: ActionHandler<C['households']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [buildings, all] = await Promise.all([
    findAll(ports.store, 'buildings', { communityId }),
    findAll(ports.store, 'households', { communityId })
  ])
  buildings.sort(byOrder)
  const order = new Map(buildings.map((b, i) => [b._id, i]))
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  const counts = new Map<string, number>()
  for (const h of all) counts.set(h.buildingId, (counts.get(h.buildingId) ?? 0) + 1)

  const listed = (input.buildingId ? all.filter((h) => h.buildingId === input.buildingId) : all).sort(
    (a, b) => (order.get(a.buildingId) ?? 0) - (order.get(b.buildingId) ?? 0) || roomOf(a).localeCompare(roomOf(b), 'zh', { numeric: true })
  )
  const page = listed.slice(input.offset, input.offset + input.limit)
  const memberships = page.length
    ? await ports.store.find('memberships', { where: { householdId: { in: page.map((h) => h._id) }, status: 'active' }, limit: 1000 })
    : []
  const members = new Map<string, number>()
  for (const m of memberships) members.set(m.householdId, (members.get(m.householdId) ?? 0) + 1)

  return ok({
    total: listed.length,
    buildings: buildings.map((b) => ({ id: b._id, name: b.name, households: counts.get(b._id) ?? 0 })),
    rows: page.map((h) => ({
      id: h._id,
      buildingId: h.buildingId,
      building: names.get(h.buildingId) ?? '',
      unit: h.unit ?? '',
      room: h.room,
      areaCm2: h.areaCm2,
      parkingSpaces: h.parkingSpaces ?? 0,
      ownerName: maskName(h.owner?.name) ?? '',
      ownerPhone: maskPhone(h.owner?.phone) ?? '',
      members: members.get(h._id) ?? 0,
      hasCode: h.codeHash !== unissuedCodeHash(h._id),
      codeIssuedAt: h.codeIssuedAt ?? null
    }))
  })
}
