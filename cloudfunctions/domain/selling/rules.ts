import type { CommissionRuleDoc } from './docs'

/** The id of a rule: one per campaign, one per line. */
export function ruleId(communityId: string, scope: CommissionRuleDoc['scope'], refId: string): string {
  return `${communityId}:${scope}:${refId}`
}

/** The rule ids that may apply to an order of a campaign: its own, then the presale line's. */
export function orderRuleIds(communityId: string, campaignId: string): [string, string] {
  return [ruleId(communityId, 'campaign', campaignId), ruleId(communityId, 'line', 'presale')]
}

/** A campaign rule overrides the presale line rule. */
export function ruleForOrder(rules: ReadonlyMap<string, CommissionRuleDoc>, communityId: string, campaignId: string): CommissionRuleDoc | null {
  const [own, line] = orderRuleIds(communityId, campaignId)
  return rules.get(own) ?? rules.get(line) ?? null
}
