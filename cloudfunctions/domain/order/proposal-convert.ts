import { createHash } from 'node:crypto'
import { CAMPAIGN_STATUS_LABELS, type CampaignDraft, type orderContracts } from '../../contracts/order'
import { RESERVATION_PAY_WINDOW_MS, type ProposalBoardViewT } from '../../contracts/proposal'
import { shanghaiMinute } from '../../contracts/shanghai'
import type { CommunityActor } from '../../kernel/actor'
import { findAll, getMany, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { memberActor } from '../desk/on-behalf'
import type { HouseholdDoc } from '../docs'
import { activeMembers } from '../user/membership'
import { formatFenText } from '../format-money'
import { householdLabels } from '../user/labels'
import { campaignFields, publishCampaign } from './catalog'
import { createOrder } from './create'
import type { CampaignDoc, OrderDoc, ProposalDoc, ProposalInterestDoc } from './docs'
import type { OrderHandler } from './ports'
import { inCommunity, interestKey, proposalView } from './proposals'
import { PAID_STATUSES } from './rules'

type C = typeof orderContracts

/** A converted pre-sale opens at once: its start may be this far ahead of the server's clock (the clerk's clock, the round trip). */
const START_SLACK_MS = 5 * 60_000

/** The pre-sale a proposal becomes: fixed, so a double tap or a retry makes it once, and visits to the proposal's cards attribute its orders. */
export const proposalCampaignId = (proposalId: string) => `pc${createHash('sha256').update(`proposal:${proposalId}`).digest('hex').slice(0, 14)}`

/** The member's request id for the reservation: one order per registration, however often the conversion runs. */
const reservationKey = (p: ProposalDoc, householdId: string) => `pp-${createHash('sha256').update(`${p._id}:${householdId}`).digest('hex').slice(0, 24)}`

const proposalLink = (p: ProposalDoc) => `/packages/presale/pages/proposal/index?id=${encodeURIComponent(p._id)}&communityId=${encodeURIComponent(p.communityId)}`
const orderLink = (o: OrderDoc) => `/packages/presale/pages/order/index?id=${encodeURIComponent(o._id)}&communityId=${encodeURIComponent(o.communityId)}`

/** What a conversion asks of the draft: it opens now, and holds what was registered. */
function checkDraft(p: ProposalDoc, d: CampaignDraft, now: number): Result<null> {
  if (d.startAt > now + START_SLACK_MS) return fail('REQUEST.INVALID_INPUT', '开始时间：转预售后立即开售，不能晚于现在', [{ path: 'campaign.startAt', message: '转预售后立即开售' }])
  if (d.endAt <= now) return fail('REQUEST.INVALID_INPUT', '截止时间：应晚于现在', [{ path: 'campaign.endAt', message: '应晚于现在' }])
  const first = d.skus[0]
  if (first && first.stock < p.registered) {
    return fail('REQUEST.INVALID_INPUT', `库存：已登记 ${p.registered} ${p.unit}，第一个规格的库存须不少于它`, [{ path: 'campaign.skus.0.stock', message: `不少于已登记的 ${p.registered}` }])
  }
  const highest = Math.max(0, ...Object.values(p.interests))
  if (d.householdLimit < highest) {
    return fail('REQUEST.INVALID_INPUT', `每户限购：已有住户登记了 ${highest} ${p.unit}，不能低于它`, [{ path: 'campaign.householdLimit', message: `不低于已登记的 ${highest}` }])
  }
  return ok(null)
}

/**
 * 意向登记 → 预售, in steps that each may run again (a double tap, a retry after a timeout):
 * 1. the campaign is written as a draft under the proposal's fixed id;
 * 2. `open → converting` stops registrations and names the campaign;
 * 3. the campaign is published (on sale now);
 * 4. each registration becomes a pending order of its registered quantity on the first SKU,
 *    placed as the registrant with a 48-hour pay window (its request id fixed per registration),
 *    and the registrant is told; a registration that cannot be held is told so;
 * 5. `converting → converted` with the counts.
 * A second request while the first runs does the same steps and finds each done.
 */
export const convertProposal: OrderHandler<C['convertProposal']> = async ({ ports, actor }, input) => {
  const first = await inCommunity(ports, input.proposalId, actor.communityId)
  if (!first) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  if (first.status === 'closed') return fail('ORDER.PROPOSAL_CLOSED', '征集已结束，不能再转预售')
  const campaignId = first.campaignId ?? proposalCampaignId(first._id)
  if (first.status === 'open') {
    const now = ports.clock.now()
    const checked = checkDraft(first, input.campaign, now)
    if (!checked.ok) return checked
    // It opens now whatever the clerk's clock said: a start even a minute ahead would publish it
    // as scheduled, and no reservation could be placed on it.
    const fields = await campaignFields(ports, actor.communityId, { ...input.campaign, startAt: Math.min(input.campaign.startAt, now) })
    if (!fields.ok) return fields
    const doc: CampaignDoc = { _id: campaignId, communityId: actor.communityId, status: 'draft', proposalId: first._id, createdBy: actor.user._id, createdAt: now, ...fields.value }
    // A twin got here first: its draft stands.
    await ports.store.insert('campaigns', doc)
    await ports.store.update('proposals', first._id, { set: { status: 'converting', campaignId, convertedBy: actor.user._id, updatedAt: now } }, { status: 'open' })
  }
  // Read again: the totals are final once registrations stopped.
  const p = await inCommunity(ports, first._id, actor.communityId)
  if (!p || p.status === 'closed' || p.status === 'open') {
    // Ended while this request wrote its draft: the draft is nobody's, and nothing will publish it.
    await ports.store.remove('campaigns', campaignId, { status: 'draft', proposalId: first._id })
    return fail('ORDER.PROPOSAL_CLOSED', '征集已结束，不能再转预售')
  }
  if (p.status === 'converted') return ok({ proposal: proposalView(p, null), campaignId })
  const published = await publishCampaign(ports, actor, campaignId)
  if (!published.ok) return published
  const reserved = await reserveAll(ports, p, published.value)
  const now = ports.clock.now()
  await ports.store.update('proposals', p._id, { set: { status: 'converted', reserved, updatedAt: now } }, { status: 'converting' })
  const done = await ports.store.get('proposals', p._id)
  return ok({ proposal: proposalView(done ?? { ...p, status: 'converted', reserved, updatedAt: now }, null), campaignId })
}

/** Places each registration's reservation, first registered first (stock is checked to cover them all, but a member may have left). */
async function reserveAll(ports: Ports, p: ProposalDoc, c: CampaignDoc): Promise<NonNullable<ProposalDoc['reserved']>> {
  const rows = (await findAll(ports.store, 'proposalInterests', { proposalId: p._id })).filter((r) => r.quantity > 0 && (p.interests[interestKey(r.householdId)] ?? 0) > 0)
  rows.sort((a, b) => a.createdAt - b.createdAt)
  const households = await getMany(ports.store, 'households', rows.map((r) => r.householdId))
  const tally = { orders: 0, quantity: 0, unreserved: 0 }
  const sku = c.skus[0]
  await inPool(
    rows,
    async (r) => {
      // The journal is the registered quantity; the record may lag it after a crash.
      const quantity = p.interests[interestKey(r.householdId)] ?? r.quantity
      const h = households.get(r.householdId)
      const member = h && sku ? await registrantOrStandIn(ports, h, r.userId) : null
      const placed = member?.ok && sku ? await reserveFor(ports, member.value, p, c, r, sku.skuId, quantity) : null
      if (placed?.ok) {
        tally.orders++
        tally.quantity += placed.value.quantity
        await ports.store.update('proposalInterests', r._id, { set: { orderId: placed.value._id, updatedAt: ports.clock.now() } })
        // The order's member: the registrant, or who stands in for them.
        await ports.notifier.notify({
          userId: placed.value.userId,
          communityId: p.communityId,
          kind: 'presale',
          title: `你登记的「${p.title}」开团了`,
          body: `已为你预留 ${placed.value.quantity} ${c.unit}，应付 ${formatFenText(placed.value.amountFen)}。请在 ${shanghaiMinute(placed.value.expiresAt)} 前付款确认，逾期预留自动取消`,
          link: orderLink(placed.value),
          key: `proposal-reserved:${placed.value._id}`
        })
        return
      }
      tally.unreserved++
      await ports.store.update('proposalInterests', r._id, { set: { unreserved: true, updatedAt: ports.clock.now() } })
      await ports.notifier.notify({
        userId: r.userId,
        communityId: p.communityId,
        kind: 'presale',
        title: `你登记的「${p.title}」开团了`,
        body: placed && !placed.ok ? `未能为你预留：${placed.message}。可到预售页查看` : '未能为你预留，可到预售页查看',
        link: `/packages/presale/pages/detail/index?id=${encodeURIComponent(c._id)}&communityId=${encodeURIComponent(c.communityId)}`,
        key: `proposal-unreserved:${r._id}`
      })
    }
  )
  return tally
}

/** The member who registered, or, when they have left the household, another active member of it. */
async function registrantOrStandIn(ports: Ports, h: HouseholdDoc, userId: string): Promise<Result<CommunityActor>> {
  const registrant = await memberActor(ports, h, userId)
  if (registrant.ok) return registrant
  const [other] = await activeMembers(ports, h._id)
  return other ? memberActor(ports, h, other.membership.userId) : registrant
}

function reserveFor(ports: Ports, member: CommunityActor, p: ProposalDoc, c: CampaignDoc, r: ProposalInterestDoc, skuId: string, quantity: number) {
  return createOrder(
    ports,
    member,
    { campaignId: c._id, skuId, quantity: Math.min(quantity, c.householdLimit), householdId: r.householdId, note: '意向登记预留', clientRequestId: reservationKey(p, r.householdId), couponId: null, usePoints: false },
    { proposalId: p._id, payWindowMs: RESERVATION_PAY_WINDOW_MS }
  )
}

/** Ends an open proposal without a pre-sale; those who registered are told. */
export const closeProposal: OrderHandler<C['closeProposal']> = async ({ ports, actor }, input) => {
  const p = await inCommunity(ports, input.id, actor.communityId)
  if (!p) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  if (p.status === 'closed') return ok(proposalView(p, null))
  const now = ports.clock.now()
  if (!(await ports.store.update('proposals', p._id, { set: { status: 'closed', updatedAt: now } }, { status: 'open' }))) {
    return fail('ORDER.PROPOSAL_CLOSED', '已转为预售，不能结束')
  }
  const rows = (await findAll(ports.store, 'proposalInterests', { proposalId: p._id })).filter((r) => r.quantity > 0)
  await inPool(rows, (r) =>
    ports.notifier.notify({
      userId: r.userId,
      communityId: p.communityId,
      kind: 'presale',
      title: `「${p.title}」征集结束`,
      body: `登记未达到开团数量（${p.registered}/${p.threshold} ${p.unit}），本次不开团，感谢参与。有新的征集会再通知你`,
      link: proposalLink(p),
      key: `proposal-closed:${r._id}`
    })
  )
  return ok(proposalView({ ...p, status: 'closed', updatedAt: now }, null))
}

type Reservation = ProposalBoardViewT['registrations'][number]['reservation']

function reservationState(r: ProposalInterestDoc, orders: ReadonlyMap<string, OrderDoc>): Reservation {
  if (r.unreserved) return 'unreserved'
  const o = r.orderId ? orders.get(r.orderId) : undefined
  if (!o) return 'none'
  if (PAID_STATUSES.includes(o.status) || o.status === 'refunding' || o.status === 'refunded') return 'paid'
  return o.status === 'pending_payment' || o.status === 'reserving' ? 'pending' : 'lapsed'
}

/** Demand → pre-sale → orders, and each registration with where its reservation stands. */
export const proposalBoard: OrderHandler<C['proposalBoard']> = async ({ ports, actor }, input) => {
  const p = await inCommunity(ports, input.id, actor.communityId)
  if (!p) return fail('ORDER.PROPOSAL_NOT_FOUND', '意向登记不存在或不属于当前社区')
  const [rows, campaign, orders] = await Promise.all([
    findAll(ports.store, 'proposalInterests', { proposalId: p._id }),
    p.campaignId ? ports.store.get('campaigns', p.campaignId) : null,
    p.campaignId ? findAll(ports.store, 'orders', { campaignId: p.campaignId }) : []
  ])
  const registered = rows.filter((r) => r.quantity > 0)
  const labels = await householdLabels(ports, registered.map((r) => r.householdId))
  const byId = new Map(orders.map((o) => [o._id, o]))
  const paid = orders.filter((o) => PAID_STATUSES.includes(o.status))
  const reservations = orders.filter((o) => o.proposalId === p._id && o.status !== 'rejected')
  const reservedPaid = reservations.filter((o) => PAID_STATUSES.includes(o.status))
  const sum = (list: OrderDoc[]) => list.reduce((n, o) => n + o.quantity, 0)
  return ok({
    proposal: proposalView(p, null),
    campaign: campaign ? { id: campaign._id, title: campaign.title, status: campaign.status, statusLabel: CAMPAIGN_STATUS_LABELS[campaign.status] } : null,
    funnel: {
      registeredHouseholds: p.households,
      registeredQuantity: p.registered,
      reservedOrders: reservations.length,
      reservedQuantity: sum(reservations),
      reservedPaidOrders: reservedPaid.length,
      reservedPaidQuantity: sum(reservedPaid),
      paidOrders: paid.length,
      paidQuantity: sum(paid),
      paidHouseholds: new Set(paid.map((o) => o.householdId)).size,
      paidFen: paid.reduce((n, o) => n + o.paidFen - o.refundedFen, 0),
      confirmRate: p.households > 0 && p.reserved ? Math.round((reservedPaid.length / p.households) * 100) : null
    },
    registrations: registered
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((r) => ({ householdLabel: labels.get(r.householdId) ?? '', quantity: r.quantity, at: r.updatedAt, reservation: reservationState(r, byId) }))
  })
}
