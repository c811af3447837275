/**
 * Segment rules that read the profile (base data) with consumption figures, through the real
 * actions and the nightly pass on the demo: only consented profiles count, a deleted profile drops
 * the household at the next pass, and the resident reads the reason in words.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { DAY_MS } from '../../cloudfunctions/domain/insights/time'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await runNightly(h.ports)
})
afterEach(async () => {
  await h.close()
})

const OPERATOR = as('u-operator-wu')
const WANG = as('u-wang')
const ZHAO = as('u-zhao')
const HOME = 'h-a1-101'
const ZHAO_HOME = 'h-a3-201'
const blank = { members: [], cars: [], pets: [], note: '' }

it('家有老人 with orders: consented profiles only, read again each night', async () => {
  const rules = okData(await h.call('insights.rules', {}, OPERATOR, COMMUNITY_A))
  const elder = { need: 'peace_of_mind' as const, label: '家有老人，常在社区下单', all: [{ metric: 'elderly' as const, op: 'gte' as const, value: 1 }, { metric: 'orders180' as const, op: 'gte' as const, value: 1 }] }
  okData(await h.call('insights.saveRules', { segments: [elder, ...rules.segments.filter((r) => r.need !== 'peace_of_mind')], churn: rules.churn }, OPERATOR, COMMUNITY_A))
  // Both households buy; only 王's has a profile, with grandma in it. 赵's said nothing.
  const stats = await Promise.all([h.store.get('householdStats', HOME), h.store.get('householdStats', ZHAO_HOME)])
  expect(stats.every((s) => s && s.orders > 0)).toBe(true)
  okData(await h.call('insights.saveProfile', { householdId: HOME, consent: true, profile: { ...blank, members: [{ name: '奶奶', ageBand: 'over60', occupation: '' }], moveInYear: 2012 } }, WANG, COMMUNITY_A))

  h.clock.advance(DAY_MS)
  await runNightly(h.ports)
  const segment = okData(await h.call('insights.segment', { need: 'peace_of_mind' }, OPERATOR, COMMUNITY_A))
  expect(segment.households.map((x) => x.householdId)).toEqual([HOME])
  expect(segment.households[0]?.because).toContain('档案：60岁以上人数 1 ≥ 1')
  const mine = okData(await h.call('insights.myProfile', { householdId: HOME }, WANG, COMMUNITY_A))
  expect(mine.profile.moveInYear).toBe(2012)
  expect(mine.insight.segments.find((n) => n.need === 'peace_of_mind')?.reason).toBe('家有老人、经常在社区下单')

  // Deleting the profile withdraws consent: the household leaves the segment at the next pass.
  okData(await h.call('insights.deleteProfile', { householdId: HOME, confirm: true }, WANG, COMMUNITY_A))
  okData(await h.call('insights.restoreAnalysis', { householdId: HOME }, WANG, COMMUNITY_A))
  h.clock.advance(DAY_MS)
  await runNightly(h.ports)
  expect(okData(await h.call('insights.segment', { need: 'peace_of_mind' }, OPERATOR, COMMUNITY_A)).households).toEqual([])
})

it('refuses a move-in year after this year, naming the field, writing nothing', async () => {
  const before = await snapshot(h.store)
  const err = errorOf(await h.call('insights.saveProfile', { householdId: ZHAO_HOME, consent: true, profile: { ...blank, moveInYear: 2030 } }, ZHAO, COMMUNITY_A))
  expect(err).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [{ path: 'profile.moveInYear' }] })
  expect(err.message).toContain('入住年份')
  expect(errorOf(await h.call('insights.saveProfile', { householdId: ZHAO_HOME, consent: true, profile: { ...blank, moveInYear: 1900 } }, ZHAO, COMMUNITY_A)).fields?.[0]?.path).toBe('profile.moveInYear')
  expect(await snapshot(h.store)).toEqual(before)
})
