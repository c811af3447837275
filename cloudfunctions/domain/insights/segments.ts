import type { SegmentRuleT } from '../../contracts/insights'
import { NEEDS, type ProfileMetric, RULE_OP_LABELS, SEGMENT_METRIC_LABELS, type Need, type SegmentMetric } from '../../contracts/insights-labels'
import type { HouseholdStatsDoc, ProfileDoc } from './docs'
import { ordersBetween, usesBetween } from './stats'
import { addDays } from './time'

/** A metric's value for one household; null when it is not known (no consented profile). */
export type SegmentMetrics = Record<SegmentMetric, number | null>

/** Figures kept outside the household's stats (bills, parcel counters), read by the scoring pass per page. */
export interface ReadAlongside {
  overdueBills: number
  parcels3m: number
  /** The consented profile, with the office's recorded area standing in for an area it leaves out; null without consent. */
  profile?: { doc: Pick<ProfileDoc, 'members' | 'areaCm2' | 'cars' | 'pets' | 'moveInYear' | 'facts'>; householdAreaCm2: number | null } | null
}

/**
 * Base data from the profile. A count the form lists (members by age band, pets, cars) that is
 * zero yields to a survey answer saying there is one; household size is the survey's figure, else
 * the members listed, else unknown.
 */
export function profileMetrics(p: ReadAlongside['profile'], today: string): Record<ProfileMetric, number | null> {
  if (!p) return { householdSize: null, children: null, elderly: null, pets: null, cars: null, areaM2: null, tenureYears: null }
  const { doc } = p
  const fact = (k: keyof NonNullable<ProfileDoc['facts']>) => doc.facts?.[k]?.value
  const atLeastOne = (n: number, said: number | boolean | undefined) => (n === 0 && said === true ? 1 : n)
  const size = fact('householdSize')
  const area = doc.areaCm2 ?? p.householdAreaCm2
  const year = Number(today.slice(0, 4))
  return {
    householdSize: typeof size === 'number' ? size : doc.members.length > 0 ? doc.members.length : null,
    children: atLeastOne(doc.members.filter((m) => m.ageBand === 'under18').length, fact('hasChildren')),
    elderly: atLeastOne(doc.members.filter((m) => m.ageBand === 'over60').length, fact('hasElderly')),
    pets: atLeastOne(doc.pets.reduce((n, x) => n + x.count, 0), fact('hasPets')),
    cars: atLeastOne(doc.cars.length, fact('hasCar')),
    areaM2: area === null ? null : Math.round(area / 100),
    tenureYears: doc.moveInYear ? Math.max(0, year - doc.moveInYear) : null
  }
}

/** The values segment rules test, over the 180 days ending `today` (and what is read alongside). */
export function segmentMetrics(s: Pick<HouseholdStatsDoc, 'days' | 'lineDays' | 'attendedDays'>, today: string, alongside: ReadAlongside): SegmentMetrics {
  const from = addDays(today, -179)
  const o = ordersBetween(s, from, today)
  const lines = Object.keys(s.lineDays).filter((l) => usesBetween(s, from, today, (x) => x === l) > 0)
  return {
    orders180: o.n,
    spend180Fen: o.fen,
    avgOrderFen: o.n ? Math.round(o.fen / o.n) : 0,
    discountShare: o.n ? Math.round((o.discounted / o.n) * 100) / 100 : 0,
    presale180: o.presale,
    doorDelivered180: o.atDoor,
    service180: usesBetween(s, from, today, (l) => l.startsWith('service:')),
    repair180: usesBetween(s, from, today, (l) => l.startsWith('repair:')),
    attended180: s.attendedDays.filter((d) => d >= from && d <= today).length,
    linesUsed180: lines.length,
    parcels3m: alongside.parcels3m,
    overdueBills: alongside.overdueBills,
    ...profileMetrics(alongside.profile ?? null, today)
  }
}

/**
 * The shipped rule set: a starting point operators edit. Each rule reads as a sentence, and the
 * reason shown beside a household is that sentence with the household's own numbers.
 */
export const DEFAULT_SEGMENT_RULES: SegmentRuleT[] = [
  { need: 'save_money', label: '常用券或积分下单', all: [{ metric: 'orders180', op: 'gte', value: 2 }, { metric: 'discountShare', op: 'gte', value: 0.5 }] },
  { need: 'save_effort', label: '常约保洁家政等到家服务', all: [{ metric: 'service180', op: 'gte', value: 2 }] },
  { need: 'peace_of_mind', label: '报修较多，看重维修保障', all: [{ metric: 'repair180', op: 'gte', value: 2 }] },
  { need: 'save_time', label: '常选送货上门', all: [{ metric: 'doorDelivered180', op: 'gte', value: 3 }] },
  { need: 'save_hassle', label: '一站式使用多种服务', all: [{ metric: 'linesUsed180', op: 'gte', value: 3 }, { metric: 'overdueBills', op: 'eq', value: 0 }] }
]

function test(value: number | null, op: SegmentRuleT['all'][number]['op'], target: number): boolean {
  if (value === null) return false
  if (op === 'gte') return value >= target
  if (op === 'lte') return value <= target
  return value === target
}

function show(metric: SegmentMetric, value: number | null): string {
  if (value === null) return '未知'
  if (metric === 'spend180Fen' || metric === 'avgOrderFen') return `${(value / 100).toFixed(2)}元`
  return String(value)
}

/**
 * What a metric says about a household in the resident's own words, when it is high (a `≥`
 * condition, or `=` to something above zero) and when it is low (`≤`, `= 0`). Residents see
 * these, never the figures or the thresholds: those are the operator's working.
 */
const RESIDENT_WORDS: Record<SegmentMetric, { high: string; low: string }> = {
  orders180: { high: '经常在社区下单', low: '偶尔在社区下单' },
  spend180Fen: { high: '常在社区消费', low: '在社区消费不多' },
  avgOrderFen: { high: '常选品质好物', low: '常选实惠好物' },
  discountShare: { high: '常用优惠券或积分', low: '很少用优惠券' },
  presale180: { high: '常买邻里严选', low: '很少买邻里严选' },
  doorDelivered180: { high: '常选送货上门', low: '很少选送货上门' },
  service180: { high: '经常预约上门服务', low: '很少预约上门服务' },
  repair180: { high: '报修较多', low: '很少报修' },
  attended180: { high: '常参加社区活动', low: '很少参加社区活动' },
  linesUsed180: { high: '用过多种社区服务', low: '用过的社区服务不多' },
  parcels3m: { high: '常收快递', low: '很少收快递' },
  overdueBills: { high: '有待缴的账单', low: '按时缴费' },
  householdSize: { high: '家里人口多', low: '家里人口少' },
  children: { high: '家有孩子', low: '家里没有小孩' },
  elderly: { high: '家有老人', low: '家里没有老人' },
  pets: { high: '家里养宠物', low: '没有养宠物' },
  cars: { high: '家里有车', low: '家里没有车' },
  areaM2: { high: '住得宽敞', low: '小户型' },
  tenureYears: { high: '老住户', low: '新住户' }
}

function residentWords(c: SegmentRuleT['all'][number]): string | null {
  // `≥ 0` holds for everyone: it says nothing about this household.
  if (c.op === 'gte') return c.value > 0 ? RESIDENT_WORDS[c.metric].high : null
  if (c.op === 'eq' && c.value > 0) return RESIDENT_WORDS[c.metric].high
  return RESIDENT_WORDS[c.metric].low
}

export interface NeedHit {
  need: Need
  /** For staff: the rule's sentence with the household's own numbers. */
  because: string
  /** For the resident: what the rule noticed, in plain words and without a figure. */
  residentReason: string
}

/** Needs whose every condition holds, each with the reason for staff (figures) and for the resident (words). */
export function evaluateSegments(m: SegmentMetrics, rules: readonly SegmentRuleT[]): NeedHit[] {
  const out: NeedHit[] = []
  for (const r of rules) {
    if (out.some((x) => x.need === r.need)) continue
    if (!r.all.every((c) => test(m[c.metric], c.op, c.value))) continue
    const facts = r.all.map((c) => `${SEGMENT_METRIC_LABELS[c.metric]} ${show(c.metric, m[c.metric])} ${RULE_OP_LABELS[c.op]} ${show(c.metric, c.value)}`)
    const words = [...new Set(r.all.flatMap((c) => residentWords(c) ?? []))]
    out.push({ need: r.need, because: `${r.label}（${facts.join('，')}）`, residentReason: words.join('、') })
  }
  return out
}

export function noNeeds(): Record<Need, boolean> {
  return Object.fromEntries(NEEDS.map((n) => [n, false])) as Record<Need, boolean>
}

export function needFlagsOf(needs: readonly Need[]): Record<Need, boolean> {
  return Object.fromEntries(NEEDS.map((n) => [n, needs.includes(n)])) as Record<Need, boolean>
}

