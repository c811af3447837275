import { NEED_LABELS, type Need } from '../../contracts/insights-labels'
import { PRODUCT_CATEGORY_LABELS, type ProductCategory } from '../../contracts/order-kinds'
import type { ForYouItemT, orderContracts } from '../../contracts/order'
import { SERVICE_CATEGORY_LABELS, type ServiceCategory } from '../../contracts/service-categories'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { ServiceLineDoc } from '../booking/docs'
import type { HouseholdStatsDoc } from '../insights/docs'
import { addDays, dayOf } from '../insights/time'
import { storedPhoto } from '../photos'
import { audienceAllows } from './audience'
import type { OrderHandler } from './ports'
import { PAID_STATUSES, campaignPhase } from './rules'
import { campaignViews } from './views'

type C = typeof orderContracts

const SHOWN = 6
/** At most this many of one kind and category, so one habit does not fill the list. */
const PER_GROUP = 2
const DAY = 24 * 3600_000
/** Purchases that make a category a habit: this many in the last half year. */
const HABIT = 2

interface Candidate {
  item: Omit<ForYouItemT, 'reason'>
  score: number
  reasons: string[]
  /** Neighbours' paid quantity: orders the fallback when nothing about the household stands out. */
  popularity: number
  /** Kind and category: the list shows a few of each. */
  group: string
}

/** The first phrase of a need's resident reason (家有老人、经常在社区下单 → 家有老人), else the need's name. */
function needWords(stats: HouseholdStatsDoc, need: Need): string {
  const words = stats.needReasons.find((r) => r.need === need)?.residentReason?.split('、')[0]
  return words || `看重${NEED_LABELS[need]}`
}

/**
 * 为你推荐: live pre-sales and bookable home services, ranked by what the household's records say —
 * a category it keeps buying (常购生鲜), a service it has booked (约过家政保洁), a need its segments
 * show (家有老人), a product bought before — each with the reason it was chosen. Without anything
 * that stands out, what neighbours buy most. Campaigns not meant for the household are left out.
 */
export const forYou: OrderHandler<C['forYou']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  const now = ports.clock.now()
  const communityId = actor.communityId
  const [household, stats, campaigns, lines, orders] = await Promise.all([
    ports.store.get('households', input.householdId),
    ports.store.get('householdStats', input.householdId),
    ports.store.find('campaigns', { where: { communityId, status: { in: ['scheduled', 'live'] } }, orderBy: [{ field: 'endAt', dir: 'asc' }], limit: 100 }),
    ports.store.find('serviceLines', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 200 }),
    ports.store.find('orders', { where: { householdId: input.householdId, createdAt: { gte: now - 180 * DAY } }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 200 })
  ])
  if (!household || household.communityId !== communityId) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  const needs = stats?.needs ?? []
  const live = campaigns.filter((c) => campaignPhase(c, now) === 'live' && audienceAllows(c.audience, household, needs))
  const paid = orders.filter((o) => PAID_STATUSES.includes(o.status))
  const [views, bought] = await Promise.all([campaignViews(ports, live), getMany(ports.store, 'campaigns', paid.map((o) => o.campaignId))])

  // Habits: categories bought at least twice, services booked in the last half year.
  const perCategory = new Map<ProductCategory, number>()
  const boughtProducts = new Set<string>()
  for (const o of paid) {
    const c = bought.get(o.campaignId)
    if (!c) continue
    perCategory.set(c.category, (perCategory.get(c.category) ?? 0) + 1)
    boughtProducts.add(c.productId)
  }
  const since = addDays(dayOf(now), -179)
  const booked = (category: ServiceCategory) => Object.entries(stats?.lineDays[`service:${category}`] ?? {}).some(([day, n]) => day >= since && n > 0)

  const candidates: Candidate[] = []
  const byId = new Map(live.map((c) => [c._id, c]))
  for (const v of views) {
    const c = byId.get(v.id)
    if (!c || v.skus.every((s) => s.remaining === 0)) continue
    const cand: Candidate = { item: { kind: 'campaign', id: v.id, title: v.title, cover: v.cover, priceFen: Math.min(...v.skus.map((s) => s.priceFen)), unit: v.unit }, score: 0, reasons: [], popularity: v.paidQuantity, group: `campaign:${c.category}` }
    if ((perCategory.get(c.category) ?? 0) >= HABIT) {
      cand.score += 3
      cand.reasons.push(`常购${PRODUCT_CATEGORY_LABELS[c.category]}`)
    }
    addNeeds(cand, c.needs ?? [], stats)
    if (boughtProducts.has(c.productId)) {
      cand.score += 1
      cand.reasons.push('买过同款')
    }
    candidates.push(cand)
  }
  for (const l of lines.filter((x): x is ServiceLineDoc => x.active && x.kind === 'service')) {
    const cand: Candidate = { item: { kind: 'service', id: l._id, title: l.name, cover: storedPhoto(l.cover), priceFen: l.freeUnderPropertyFee ? 0 : l.priceFen, unit: '次' }, score: 0, reasons: [], popularity: 0, group: `service:${l.category}` }
    if (booked(l.category)) {
      cand.score += 3
      cand.reasons.push(`约过${SERVICE_CATEGORY_LABELS[l.category]}`)
    }
    addNeeds(cand, l.needs ?? [], stats)
    candidates.push(cand)
  }

  const chosen = candidates.filter((c) => c.score > 0).sort((a, b) => b.score - a.score || b.popularity - a.popularity)
  // Nothing about the household stands out yet: what the neighbours buy, then what is new.
  const filler = candidates
    .filter((c) => c.score === 0 && c.item.kind === 'campaign')
    .sort((a, b) => b.popularity - a.popularity)
    .map((c) => ({ ...c, reasons: [c.popularity > 0 ? '邻居都在买' : '新上架'] }))
  const perGroup = new Map<string, number>()
  const varied = [...chosen, ...filler].filter((c) => {
    const n = perGroup.get(c.group) ?? 0
    perGroup.set(c.group, n + 1)
    return n < PER_GROUP
  })
  const items = varied.slice(0, SHOWN).map((c) => ({ ...c.item, reason: c.reasons.slice(0, 2).join(' · ') }))
  return ok({ items })
}

function addNeeds(cand: Candidate, tags: readonly Need[], stats: HouseholdStatsDoc | null): void {
  if (!stats) return
  const shared = tags.filter((n) => stats.needs.includes(n))
  const [first] = shared
  if (!first) return
  cand.score += 2 * shared.length
  // One need says why; a second would repeat the household back to itself.
  cand.reasons.push(needWords(stats, first))
}
