import { getMany } from '../../kernel/paging'
import { MAX_PAGE, type Store } from '../../kernel/store'
import type { Ports } from '../../kernel/ports'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import { householdLabel } from './format'

/**
 * The buildings of some communities (tens of small documents each), read alongside the households
 * that need them instead of after: on CloudBase that saves a round trip.
 */
export function communityBuildings(store: Store, communityIds: readonly string[]): Promise<BuildingDoc[]> {
  const ids = [...new Set(communityIds)]
  if (ids.length === 0) return Promise.resolve([])
  return store.find('buildings', { where: { communityId: ids.length === 1 ? ids[0]! : { in: ids } }, limit: MAX_PAGE })
}

/** The households' buildings: those of `nearby`, and any it lacks (another community's, past the first page) read by id. */
export async function buildingsOf(store: Store, households: Iterable<HouseholdDoc>, nearby: readonly BuildingDoc[]): Promise<Map<string, BuildingDoc>> {
  const buildings = new Map(nearby.map((b) => [b._id, b]))
  const missing = [...households].map((h) => h.buildingId).filter((id) => !buildings.has(id))
  if (missing.length > 0) for (const [id, b] of await getMany(store, 'buildings', missing)) buildings.set(id, b)
  return buildings
}

/**
 * Labels (`1栋 101`) of households by id, in two batched reads however many there are; in one,
 * given the community they are in. An id with no household is absent from the map: each caller
 * says what stands in for it.
 */
export async function householdLabels(ports: Pick<Ports, 'store'>, householdIds: readonly string[], communityId?: string): Promise<Map<string, string>> {
  const [households, nearby] = await Promise.all([
    getMany(ports.store, 'households', householdIds),
    communityId && householdIds.length > 0 ? communityBuildings(ports.store, [communityId]) : Promise.resolve([])
  ])
  const buildings = await buildingsOf(ports.store, households.values(), nearby)
  const out = new Map<string, string>()
  for (const [id, h] of households) out.set(id, householdLabel(buildings.get(h.buildingId), h))
  return out
}
