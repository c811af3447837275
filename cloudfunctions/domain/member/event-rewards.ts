import type { Reward } from '../../contracts/event'
import type { Incentive } from '../../contracts/member'
import type { Ports } from '../../kernel/ports'
import { issueIncentive, issueReward } from './budgets'
import { rulesOf } from './rules'

/** What the events feature grants an attendee (its `rewardGrants` row), as membership reads it. */
export interface EventGrant {
  /** `${eventId}:${userId}:${kind}`: one grant per attendee and kind. */
  _id: string
  eventId: string
  communityId: string
  userId: string
  reward: Reward
  eventTitle: string
}

/** An event reward as an incentive: a coupon is a cash voucher (30 days), a card lasts 180 days. */
export async function incentiveOf(ports: Ports, communityId: string, r: Reward): Promise<Incentive> {
  if (r.type === 'points') return { type: 'points', points: r.points }
  if (r.type === 'coupon') return { type: 'voucher', title: r.title, valueFen: r.valueFen, validDays: 30 }
  const rules = await rulesOf(ports, communityId)
  return { type: 'card', title: r.title, uses: r.uses, validDays: 180, costFen: r.uses * rules.cardUseValueFen }
}

/**
 * Turns an event grant into real points, a voucher or a service card, once per grant. When the
 * operator set up a budget for the event, the grant is charged to it first and refused once the
 * budget is spent (`refused`: nothing issued, the caller records no grant).
 */
export async function creditEventReward(ports: Ports, g: EventGrant): Promise<'issued' | 'refused'> {
  const incentive = await incentiveOf(ports, g.communityId, g.reward)
  const title = `活动奖励 · ${g.eventTitle}`
  const [budget] = await ports.store.find('budgets', { where: { eventId: g.eventId, communityId: g.communityId }, limit: 1 })
  if (budget) {
    const res = await issueReward(ports, { budgetId: budget._id, communityId: g.communityId, userId: g.userId, incentive, key: `event:${g._id}`, issuedBy: 'system', title })
    if (res.ok) return 'issued'
    ports.log.warn('event reward refused', { grantId: g._id, budgetId: budget._id, code: res.code })
    return 'refused'
  }
  const res = await issueIncentive(ports, { communityId: g.communityId, userId: g.userId, incentive, key: `reward:event:${g._id}`, title })
  if (res.ok) return 'issued'
  ports.log.warn('event reward refused', { grantId: g._id, code: res.code })
  return 'refused'
}
