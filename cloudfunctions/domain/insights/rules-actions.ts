import type { insightsContracts } from '../../contracts/insights'
import { NEEDS, NEED_LABELS } from '../../contracts/insights-labels'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { householdLabels } from '../user/labels'
import type { RulesDoc } from './docs'
import { put } from '../../kernel/put'
import { loadRules } from './rules'
import { needFilter } from './segment-query'

/** Households listed for one need; the count covers all of them. */
const SEGMENT_LIST = 200

type C = typeof insightsContracts

export const rules: ActionHandler<C['rules']> = async ({ ports, actor }) => ok(await loadRules(ports, actor.communityId))

export const saveRules: ActionHandler<C['saveRules']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const missing = NEEDS.filter((n) => !input.segments.some((r) => r.need === n))
  const dup = input.segments.findIndex((r, i) => input.segments.findIndex((x) => x.label === r.label) !== i)
  if (dup >= 0) return fail('INSIGHTS.RULES_INVALID', '规则说明不能重复', [{ path: `segments.${dup}.label`, message: '与另一条规则重复' }])
  const now = ports.clock.now()
  const doc: RulesDoc = { _id: communityId, segments: input.segments, churn: input.churn, updatedAt: now, updatedBy: actor.user._id }
  await put(ports.store, 'insightRules', doc)
  // A need without any rule is allowed (the operator may not target it), but say so in the log.
  if (missing.length) ports.log.info('insights rules leave needs without a rule', { communityId, missing })
  return ok(await loadRules(ports, communityId))
}

/** Households in a need segment (a butler sees their own grid's), with each one's reason. */
export const segment: ActionHandler<C['segment']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const buildings = actor.roles.includes('operator') ? undefined : [...new Set(actor.grids.flatMap((g) => g.buildingIds))]
  const [counts, shown] = await Promise.all([
    Promise.all(NEEDS.map(async (n) => ({ need: n, label: NEED_LABELS[n], count: await ports.store.count('householdStats', needFilter(communityId, n, buildings)) }))),
    ports.store.find('householdStats', { where: needFilter(communityId, input.need, buildings), orderBy: [{ field: '_id', dir: 'asc' }], limit: SEGMENT_LIST })
  ])
  const labels = await householdLabels(ports, shown.map((h) => h._id))
  return ok({
    need: input.need,
    count: counts.find((c) => c.need === input.need)?.count ?? 0,
    households: shown
      .map((s) => ({ householdId: s._id, label: labels.get(s._id) ?? '', because: s.needReasons.find((r) => r.need === input.need)?.because ?? '' }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    sizes: counts
  })
}
