import type { insightsContracts } from '../../contracts/insights'
import { NEEDS, NEED_LABELS } from '../../contracts/insights-labels'
import type { ActionHandler } from '../../kernel/module'
import { pages } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { HouseholdStatsDoc, RulesDoc } from './docs'
import { loadRules } from './rules'
import { labelsOf } from './views'

type C = typeof insightsContracts

export const rules: ActionHandler<C['rules']> = async ({ ports, actor }) => ok(await loadRules(ports, actor.communityId ?? ''))

export const saveRules: ActionHandler<C['saveRules']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId ?? ''
  const missing = NEEDS.filter((n) => !input.segments.some((r) => r.need === n))
  const dup = input.segments.findIndex((r, i) => input.segments.findIndex((x) => x.label === r.label) !== i)
  if (dup >= 0) return fail('INSIGHTS.RULES_INVALID', '规则说明不能重复', [{ path: `segments.${dup}.label`, message: '与另一条规则重复' }])
  const now = ports.clock.now()
  const doc: RulesDoc = { _id: communityId, segments: input.segments, churn: input.churn, updatedAt: now, updatedBy: actor.user._id }
  const { _id, ...rest } = doc
  if (!(await ports.store.update('insightRules', _id, { set: rest }))) {
    const r = await ports.store.insert('insightRules', doc)
    if (!r.ok) await ports.store.update('insightRules', _id, { set: rest })
  }
  // A need without any rule is allowed (the operator may not target it), but say so in the log.
  if (missing.length) ports.log.info('insights rules leave needs without a rule', { communityId, missing })
  return ok(await loadRules(ports, communityId))
}

/** Households in a need segment (a butler sees their own grid's), with each one's reason. */
export const segment: ActionHandler<C['segment']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId ?? ''
  const onlyGrid = !actor.roles.includes('operator')
  const buildings = new Set(actor.grids.flatMap((g) => g.buildingIds))
  const sizes = new Map<string, number>(NEEDS.map((n) => [n, 0]))
  const hits: { householdId: string; because: string }[] = []
  for await (const page of pages<HouseholdStatsDoc>(ports.store, 'householdStats', { communityId })) {
    for (const s of page) {
      if (onlyGrid && !buildings.has(s.buildingId)) continue
      for (const r of s.needReasons) sizes.set(r.need, (sizes.get(r.need) ?? 0) + 1)
      const hit = s.needReasons.find((r) => r.need === input.need)
      if (hit) hits.push({ householdId: s._id, because: hit.because })
    }
  }
  const shown = hits.slice(0, 200)
  const labels = await labelsOf(ports, shown.map((h) => h.householdId))
  return ok({
    need: input.need,
    count: hits.length,
    households: shown.map((h) => ({ ...h, label: labels.get(h.householdId) ?? '' })).sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    sizes: NEEDS.map((n) => ({ need: n, label: NEED_LABELS[n], count: sizes.get(n) ?? 0 }))
  })
}
