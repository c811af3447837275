import type { Need } from '../../contracts/insights-labels'
import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { HouseholdStatsDoc } from './docs'

/**
 * Households the last nightly pass put in a need segment. The store cannot match inside arrays
 * portably, so this pages the community's stats (one document per household) and filters.
 */
export async function householdsWithNeed(ports: Ports, communityId: string, need: Need, buildingIds?: ReadonlySet<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for await (const page of pages<HouseholdStatsDoc>(ports.store, 'householdStats', { communityId })) {
    for (const s of page) {
      if (buildingIds && !buildingIds.has(s.buildingId)) continue
      const hit = s.needReasons.find((r) => r.need === need)
      if (hit) out.set(s._id, hit.because)
    }
  }
  return out
}
