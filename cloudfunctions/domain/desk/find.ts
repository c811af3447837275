import type { HouseholdHitT, MatchKind, deskFindContracts } from '../../contracts/desk-find'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import type { Store } from '../../kernel/store'
import { fail, ok } from '../../kernel/result'
import type { BuildingDoc, HouseholdDoc, UserDoc } from '../docs'
import { householdLabel, maskName, maskPhone } from '../user/format'
import { type Probes, buildingMatches, probesOf } from './query'

type C = typeof deskFindContracts

const MAX_HITS = 20
/** A read per probe is capped: a four-digit tail shared by many callers is narrowed by its head. */
const PROBE_LIMIT = 50

type Found = Map<string, Set<MatchKind>>

function add(found: Found, householdId: string, kind: MatchKind): void {
  let kinds = found.get(householdId)
  if (!kinds) found.set(householdId, (kinds = new Set()))
  kinds.add(kind)
}

/** The homes in `communityId` of users found by phone: their active memberships there. */
async function homesOfUsers(store: Store, communityId: string, users: UserDoc[]): Promise<string[]> {
  if (users.length === 0) return []
  const ms = await store.find('memberships', {
    where: { userId: { in: users.map((u) => u._id) }, communityId, status: 'active' },
    limit: PROBE_LIMIT
  })
  return ms.map((m) => m.householdId)
}

/**
 * Every probe the query allows, run side by side: each is one indexed read (two for a phone: the
 * owner in the ledger, and residents who gave the mini-program their number).
 */
async function probe(store: Store, communityId: string, p: Probes): Promise<{ found: Found; households: Map<string, HouseholdDoc>; buildings: BuildingDoc[] }> {
  const found: Found = new Map()
  const households = new Map<string, HouseholdDoc>()
  const take = (docs: HouseholdDoc[], kind: MatchKind) => {
    for (const h of docs) {
      households.set(h._id, h)
      add(found, h._id, kind)
    }
  }
  const byOwner = (field: string, value: string) => store.find('households', { where: { communityId, [field]: value }, limit: PROBE_LIMIT })
  const headOk = (phone: string | undefined) => !p.tail?.head || (phone ?? '').startsWith(p.tail.head)
  const [buildings] = await Promise.all([
    store.find('buildings', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 1000 }),
    p.phone &&
      Promise.all([
        byOwner('owner.phone', p.phone).then((hs) => take(hs, 'phone')),
        store
          .find('users', { where: { phone: p.phone }, limit: PROBE_LIMIT })
          .then((us) => homesOfUsers(store, communityId, us))
          .then((ids) => ids.forEach((id) => add(found, id, 'phone')))
      ]),
    p.tail &&
      Promise.all([
        byOwner('owner.phoneTail', p.tail.digits).then((hs) => take(hs.filter((h) => headOk(h.owner?.phone)), 'tail')),
        store
          .find('users', { where: { phoneTail: p.tail.digits }, limit: PROBE_LIMIT })
          .then((us) => homesOfUsers(store, communityId, us.filter((u) => headOk(u.phone))))
          .then((ids) => ids.forEach((id) => add(found, id, 'tail')))
      ]),
    p.room && byOwner('room', p.room.room).then((hs) => take(hs, 'room')),
    p.name && byOwner('owner.name', p.name).then((hs) => take(hs, 'name')),
    p.plate && store.get('plates', `${communityId}:${p.plate}`).then((d) => d && add(found, d.householdId, 'plate'))
  ])
  // A room typed with its building keeps only that building's room.
  const typedBuilding = p.room?.building
  if (typedBuilding) {
    const named = new Set(buildings.filter((b) => buildingMatches(typedBuilding, b.name)).map((b) => b._id))
    for (const [id, kinds] of found) {
      const h = households.get(id)
      if (kinds.has('room') && h && !named.has(h.buildingId)) {
        kinds.delete('room')
        if (kinds.size === 0) found.delete(id)
      }
    }
  }
  return { found, households, buildings }
}

/** Finds households a clerk is talking about; everything personal in the answer is masked. */
export const find: ActionHandler<C['find']> = async ({ ports, actor }, input) => {
  const { store } = ports
  const communityId = actor.communityId
  const p = probesOf(input.q)
  if (!p.phone && !p.tail && !p.room && !p.name && !p.plate) {
    return fail('DESK.QUERY_UNRECOGNIZED', '请输入房号（如 3栋1201）、手机号（可带 ****）、姓名或车牌', [{ path: 'q', message: '看不出是房号、手机号、姓名还是车牌' }])
  }
  const { found, households: known, buildings } = await probe(store, communityId, p)
  const ids = [...found.keys()]
  const missing = ids.filter((id) => !known.has(id))
  const [fetched, memberships, grids] = await Promise.all([
    getMany(store, 'households', missing),
    ids.length ? store.find('memberships', { where: { householdId: { in: ids.slice(0, MAX_HITS) }, status: 'active' }, limit: 200 }) : Promise.resolve([]),
    store.find('grids', { where: { communityId }, limit: 100 })
  ])
  const users = await getMany(store, 'users', [...memberships.map((m) => m.userId), ...grids.map((g) => g.butlerUserId)])
  const buildingById = new Map(buildings.map((b) => [b._id, b]))
  const hits: HouseholdHitT[] = []
  for (const id of ids) {
    const h = known.get(id) ?? fetched.get(id)
    if (!h || h.communityId !== communityId) continue
    const members = memberships
      .filter((m) => m.householdId === id)
      .map((m) => {
        const u = users.get(m.userId)
        return { name: maskName(u?.nickname) ?? '住户', relation: m.relation, phoneMasked: maskPhone(u?.phone) }
      })
    const ownerListed = h.owner?.phone && members.some((m) => m.phoneMasked === maskPhone(h.owner?.phone))
    if (h.owner && (h.owner.name || h.owner.phone) && !ownerListed) {
      members.unshift({ name: `${maskName(h.owner.name) ?? '业主'}（台账）`, relation: 'owner', phoneMasked: maskPhone(h.owner.phone) })
    }
    const grid = grids.find((g) => g.buildingIds.includes(h.buildingId))
    hits.push({
      householdId: h._id,
      label: householdLabel(buildingById.get(h.buildingId), h),
      buildingId: h.buildingId,
      matched: [...(found.get(id) ?? [])],
      members,
      butlerName: grid ? (users.get(grid.butlerUserId)?.nickname ?? null) : null
    })
  }
  hits.sort((a, b) => b.matched.length - a.matched.length || a.label.localeCompare(b.label, 'zh', { numeric: true }))
  return ok({ households: hits.slice(0, MAX_HITS), truncated: hits.length > MAX_HITS })
}
