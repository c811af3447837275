import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import { householdLabel } from './format'

/**
 * Labels (`1栋 101`) of households by id, in two batched reads however many there are.
 * An id with no household is absent from the map: each caller says what stands in for it.
 */
export async function householdLabels(ports: Pick<Ports, 'store'>, householdIds: readonly string[]): Promise<Map<string, string>> {
  const households = await getMany<HouseholdDoc>(ports.store, 'households', householdIds)
  const buildings = await getMany<BuildingDoc>(ports.store, 'buildings', [...households.values()].map((h) => h.buildingId))
  const out = new Map<string, string>()
  for (const [id, h] of households) out.set(id, householdLabel(buildings.get(h.buildingId), h))
  return out
}
