import type { Need } from '../../contracts/insights-labels'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { HouseholdDoc } from '../docs'
import type { CampaignAudience, CampaignDoc } from './docs'

/**
 * Who a campaign is for: households in its buildings (when it names any) with one of its needs
 * (when it names any). The needs are the household's segments: a household that opted out of
 * analysis has none, so a campaign narrowed by need does not reach it.
 */
export function audienceAllows(a: CampaignAudience | null | undefined, h: Pick<HouseholdDoc, 'buildingId'>, needs: readonly Need[]): boolean {
  if (!a) return true
  if (a.buildingIds.length > 0 && !a.buildingIds.includes(h.buildingId)) return false
  return a.needs.length === 0 || a.needs.some((n) => needs.includes(n))
}

/** Campaigns the caller may see in the list: staff see all; a resident those meant for one of their households. */
export async function forAudience(ports: Ports, householdIds: readonly string[], campaigns: CampaignDoc[]): Promise<CampaignDoc[]> {
  if (!campaigns.some((c) => c.audience)) return campaigns
  const [households, stats] = await Promise.all([getMany(ports.store, 'households', householdIds), getMany(ports.store, 'householdStats', householdIds)])
  return campaigns.filter((c) => !c.audience || householdIds.some((id) => {
    const h = households.get(id)
    return h ? audienceAllows(c.audience, h, stats.get(id)?.needs ?? []) : false
  }))
}
