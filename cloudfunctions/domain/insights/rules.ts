import type { ChurnSettingsT, SegmentRuleT } from '../../contracts/insights'
import type { Ports } from '../../kernel/ports'
import { DEFAULT_CHURN } from './churn'
import { DEFAULT_SEGMENT_RULES } from './segments'

export interface Rules {
  segments: SegmentRuleT[]
  churn: ChurnSettingsT
  updatedAt: number | null
  isDefault: boolean
}

/** A community's rules, or the shipped defaults until an operator saves its own. */
export async function loadRules(ports: Ports, communityId: string): Promise<Rules> {
  const doc = await ports.store.get('insightRules', communityId)
  if (!doc) return { segments: DEFAULT_SEGMENT_RULES, churn: DEFAULT_CHURN, updatedAt: null, isDefault: true }
  return { segments: doc.segments, churn: doc.churn, updatedAt: doc.updatedAt, isDefault: false }
}
