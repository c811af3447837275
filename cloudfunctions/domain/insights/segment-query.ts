import type { Need } from '../../contracts/insights-labels'
import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { Filter } from '../../kernel/store'

/** The filter of a need segment (optionally within some buildings), on the indexed flag. */
export function needFilter(communityId: string, need: Need, buildingIds?: readonly string[]): Filter {
  return { communityId, [`needFlags.${need}`]: true, buildingId: buildingIds ? { in: [...buildingIds] } : undefined }
}

/** Households the last nightly pass put in a need segment, with the reason; read page by page. */
export async function householdsWithNeed(ports: Ports, communityId: string, need: Need, buildingIds?: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for await (const page of pages(ports.store, 'householdStats', needFilter(communityId, need, buildingIds))) {
    for (const s of page) out.set(s._id, s.needReasons.find((r) => r.need === need)?.because ?? '')
  }
  return out
}
