/**
 * Segment rules on base data (the consented profile) together with consumption figures, on
 * hand-built households: an unknown never matches, a survey answer stands in for an empty list,
 * and the resident reads the rule in words.
 */
import type { SegmentRuleT } from '../../cloudfunctions/contracts/insights'
import type { ProfileDoc } from '../../cloudfunctions/domain/insights/docs'
import { type ReadAlongside, evaluateSegments, profileMetrics, segmentMetrics } from '../../cloudfunctions/domain/insights/segments'

const TODAY = '2026-12-07'
const DAY = (n: number) => {
  const d = new Date(Date.UTC(2026, 11, 7 - n))
  return d.toISOString().slice(0, 10)
}

type Profile = NonNullable<ReadAlongside['profile']>['doc']
const profile = (p: Partial<Profile> = {}): Profile => ({ members: [], areaCm2: null, cars: [], pets: [], moveInYear: null, ...p })
const fact = (value: number | boolean): NonNullable<ProfileDoc['facts']>['hasElderly'] => ({ value, surveyId: 'sv', surveyTitle: '家庭情况调查', channel: 'paper', at: 0 })

type Activity = Parameters<typeof segmentMetrics>[0]

/** Three visits in the last half year: two home services, one order paid with a coupon. */
const busy: Activity = {
  days: { [DAY(10)]: [1, 12800, 1, 1, 1] },
  lineDays: { 'service:clean': { [DAY(20)]: 1, [DAY(40)]: 1 } },
  attendedDays: []
}
const quiet: Activity = { days: {}, lineDays: {}, attendedDays: [] }

const rules: SegmentRuleT[] = [
  { need: 'peace_of_mind', label: '家有老人且约过上门服务', all: [{ metric: 'elderly', op: 'gte', value: 1 }, { metric: 'service180', op: 'gte', value: 1 }] },
  { need: 'save_time', label: '有车的双职工大家庭', all: [{ metric: 'cars', op: 'gte', value: 1 }, { metric: 'householdSize', op: 'gte', value: 4 }] },
  { need: 'save_money', label: '新住户，还没怎么下单', all: [{ metric: 'tenureYears', op: 'lte', value: 1 }, { metric: 'orders180', op: 'lte', value: 1 }] },
  { need: 'save_hassle', label: '大户型没有养宠物', all: [{ metric: 'areaM2', op: 'gte', value: 120 }, { metric: 'pets', op: 'eq', value: 0 }] }
]

const needs = (s: Activity, p: ReadAlongside['profile']) => evaluateSegments(segmentMetrics(s, TODAY, { overdueBills: 0, parcels3m: 0, profile: p }), rules)

test('profile and consumption together: each condition must hold', () => {
  const grandma = profile({ members: [{ name: '奶奶', ageBand: 'over60', occupation: '' }, { name: '我', ageBand: '31_45', occupation: '教师' }] })
  expect(needs(busy, { doc: grandma, householdAreaCm2: 8900 }).map((x) => x.need)).toEqual(['peace_of_mind'])
  // The same family without home services: the consumption half fails.
  expect(needs(quiet, { doc: grandma, householdAreaCm2: 8900 }).map((x) => x.need)).toEqual([])
  const hit = needs(busy, { doc: grandma, householdAreaCm2: 8900 })[0]
  expect(hit?.residentReason).toBe('家有老人、经常预约上门服务')
  expect(hit?.because).toBe('家有老人且约过上门服务（档案：60岁以上人数 1 ≥ 1，近180天到家服务次数 2 ≥ 1）')
})

test('without a consented profile every profile condition is unknown, so nothing on it matches, not even “= 0”', () => {
  expect(profileMetrics(null, TODAY)).toEqual({ householdSize: null, children: null, elderly: null, pets: null, cars: null, areaM2: null, tenureYears: null })
  expect(needs(busy, null)).toEqual([])
  expect(needs(quiet, null)).toEqual([])
})

test('survey answers stand in for what the form left empty; the office area for an area not given', () => {
  const surveyed = profile({ facts: { householdSize: fact(5), hasCar: fact(true), hasElderly: fact(false) } })
  const m = profileMetrics({ doc: surveyed, householdAreaCm2: 13250 }, TODAY)
  expect(m).toMatchObject({ householdSize: 5, cars: 1, elderly: 0, children: 0, pets: 0, areaM2: 133, tenureYears: null })
  expect(needs(quiet, { doc: surveyed, householdAreaCm2: 13250 }).map((x) => x.need).sort()).toEqual(['save_hassle', 'save_time'])
  // A listed count wins over the survey's yes/no.
  expect(profileMetrics({ doc: profile({ cars: [{ plate: '沪A1' }, { plate: '沪B2' }], facts: { hasCar: fact(true) } }), householdAreaCm2: null }, TODAY).cars).toBe(2)
})

test('tenure counts years since moving in; a new household that has barely ordered is found', () => {
  const fresh = profile({ moveInYear: 2026 })
  expect(profileMetrics({ doc: fresh, householdAreaCm2: null }, TODAY).tenureYears).toBe(0)
  expect(profileMetrics({ doc: profile({ moveInYear: 2008 }), householdAreaCm2: null }, TODAY).tenureYears).toBe(18)
  const hit = needs(quiet, { doc: fresh, householdAreaCm2: null }).find((x) => x.need === 'save_money')
  expect(hit?.residentReason).toBe('新住户、偶尔在社区下单')
})
