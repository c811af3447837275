import type { ProductKind } from '../../contracts/order'
import type { CommissionLine } from '../../contracts/selling-labels'
import type { CommissionRuleDoc } from './docs'

/** The id of a rule: one per campaign, one per line. */
export function ruleId(communityId: string, scope: CommissionRuleDoc['scope'], refId: string): string {
  return `${communityId}:${scope}:${refId}`
}

/** The line a campaign sells in: a pre-sold service package (服务套餐) is 到家服务, goods are 严选预售 (as for the kit's courses). */
export function lineOfCampaign(productKind: ProductKind): CommissionLine {
  return productKind === 'service' ? 'service' : 'presale'
}

/** Every rule id that may apply to an order of a campaign, read at once: its own and both lines'. */
export function orderRuleIds(communityId: string, campaignId: string): string[] {
  return [ruleId(communityId, 'campaign', campaignId), ruleId(communityId, 'line', 'presale'), ruleId(communityId, 'line', 'service')]
}

/** A campaign rule overrides the rule of the line the campaign sells in. */
export function ruleForOrder(rules: ReadonlyMap<string, CommissionRuleDoc>, communityId: string, campaignId: string, line: CommissionLine): CommissionRuleDoc | null {
  return rules.get(ruleId(communityId, 'campaign', campaignId)) ?? rules.get(ruleId(communityId, 'line', line)) ?? null
}
