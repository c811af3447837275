import type { Actor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import type { CampaignDoc, CampaignStockDoc, OrderDoc, OrderQuotaDoc, OrderVisitDoc, RejectReason } from './docs'
import { holdQuota, holdStock, releaseOrder, releaseQuota } from './holds'
import { RESERVING_STALE_MS, campaignPhase, newOrderCode, newOrderId, payDeadline, quotaId, stockId } from './rules'

export interface CreateOrderInput {
  campaignId: string
  skuId: string
  quantity: number
  householdId: string
  note: string
  clientRequestId: string
}

const REJECT_MESSAGES: Record<RejectReason, string> = {
  'ORDER.SOLD_OUT': '库存不足，已售罄或剩余数量不够',
  'ORDER.LIMIT_REACHED': '本户已达到限购数量',
  'ORDER.INTERRUPTED': '下单未完成，请重新下单'
}

/**
 * The server prices the order from the campaign. A coupon or points (membership) would lower
 * `amountFen` here and be recorded on the order (`couponId`, `pointsUsed`, `discountFen`).
 */
export function priceOrder(unitPriceFen: number, quantity: number): { subtotalFen: number; discountFen: number; amountFen: number } {
  const subtotalFen = unitPriceFen * quantity
  return { subtotalFen, discountFen: 0, amountFen: subtotalFen }
}

/** The butler invitation the resident last opened for this campaign, if any. */
async function lastTouch(ports: Ports, userId: string, campaignId: string) {
  const [visit] = await ports.store.find<OrderVisitDoc>('orderVisits', {
    where: { userId, campaignId },
    orderBy: [{ field: 'lastAt', dir: 'desc' }],
    limit: 1
  })
  return visit ? { invitationId: visit.inviteId, inviterUserId: visit.butlerUserId, openGId: visit.lastGroupId } : { invitationId: null, inviterUserId: null, openGId: null }
}

/**
 * Creates an order without a transaction:
 * 1. everything that can be checked by reading is checked first, so bad input writes nothing;
 * 2. the order is written in `reserving` (its unique idempotency key settles twin requests);
 * 3. the household limit, then the stock, are held for the order (holds.ts);
 * 4. `reserving → pending_payment`. A refusal gives back what was held and marks it `rejected`.
 * A crash between the steps leaves a `reserving` order: a retry with the same request id
 * continues it, and after a minute the sweeper rejects it and gives its holds back.
 */
export async function createOrder(ports: Ports, actor: Actor, input: CreateOrderInput): Promise<Result<OrderDoc>> {
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  const [existing] = await ports.store.find<OrderDoc>('orders', { where: { idempotencyKey }, limit: 1 })
  if (existing) return resume(ports, existing)

  if (!actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  }
  const campaign = await ports.store.get<CampaignDoc>('campaigns', input.campaignId)
  if (!campaign || campaign.communityId !== actor.communityId || campaign.status === 'draft') {
    return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区', [{ path: 'campaignId', message: '预售不存在' }])
  }
  const now = ports.clock.now()
  const phase = campaignPhase(campaign, now)
  if (phase === 'scheduled') return fail('ORDER.CAMPAIGN_NOT_STARTED', '预售尚未开始')
  if (phase !== 'live') return fail('ORDER.CAMPAIGN_ENDED', '预售已截止')
  const sku = campaign.skus.find((s) => s.skuId === input.skuId)
  if (!sku) return fail('ORDER.SKU_NOT_FOUND', '该规格不存在', [{ path: 'skuId', message: '规格不存在' }])
  if (input.quantity > campaign.householdLimit) {
    return fail('ORDER.LIMIT_EXCEEDED', `每户限购 ${campaign.householdLimit} 份`, [{ path: 'quantity', message: `每户限购 ${campaign.householdLimit} 份` }])
  }

  // Cheap reads, so an attempt that cannot succeed writes nothing; the holds decide for real.
  const [stock, quota, household] = await Promise.all([
    ports.store.get<CampaignStockDoc>('campaignStock', stockId(campaign._id, sku.skuId)),
    ports.store.get<OrderQuotaDoc>('orderQuotas', quotaId(campaign._id, input.householdId)),
    ports.store.get<HouseholdDoc>('households', input.householdId)
  ])
  if (!household) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  if (!stock || stock.available < input.quantity) {
    return fail('ORDER.SOLD_OUT', stock && stock.available > 0 ? `库存不足，仅剩 ${stock.available} 份` : '已售罄')
  }
  if (quota && quota.bought + input.quantity > campaign.householdLimit) {
    return fail('ORDER.LIMIT_REACHED', `每户限购 ${campaign.householdLimit} 份，本户已购 ${quota.bought} 份`)
  }

  const price = priceOrder(sku.priceFen, input.quantity)
  const touch = await lastTouch(ports, actor.user._id, campaign._id)
  const order: OrderDoc = {
    _id: newOrderId(ports),
    idempotencyKey,
    code: newOrderCode(ports),
    communityId: campaign.communityId,
    campaignId: campaign._id,
    householdId: household._id,
    buildingId: household.buildingId,
    userId: actor.user._id,
    skuId: sku.skuId,
    skuName: sku.name,
    quantity: input.quantity,
    unitPriceFen: sku.priceFen,
    subtotalFen: price.subtotalFen,
    couponId: null,
    pointsUsed: 0,
    discountFen: price.discountFen,
    amountFen: price.amountFen,
    note: input.note,
    status: 'reserving',
    expiresAt: payDeadline(campaign, now),
    payingUntil: 0,
    releaseDue: false,
    paymentId: null,
    paidFen: 0,
    paidAt: null,
    gridId: null,
    deliveredAt: null,
    deliveredBy: null,
    refundReason: null,
    refundRequestedAt: null,
    refundAttempts: 0,
    refundedFen: 0,
    refundedAt: null,
    afterSale: null,
    ...touch,
    createdAt: now,
    updatedAt: now
  }
  for (let attempt = 0; ; attempt++) {
    const inserted = await ports.store.insert('orders', order)
    if (inserted.ok) break
    if (inserted.index.includes('idempotency')) {
      // A twin request with the same id won the insert: continue that order instead.
      const [winner] = await ports.store.find<OrderDoc>('orders', { where: { idempotencyKey }, limit: 1 })
      return winner ? resume(ports, winner) : fail('INTERNAL.ERROR', '下单失败，请重试')
    }
    // An order code or id that happens to be taken: draw again.
    if (attempt >= 5) throw new Error(`could not find a free order code after ${attempt + 1} tries`)
    order.code = newOrderCode(ports)
    order._id = newOrderId(ports)
  }
  return reserve(ports, order, campaign)
}

/** What a resubmitted create answers: the same order, continued if it was cut short. */
async function resume(ports: Ports, order: OrderDoc): Promise<Result<OrderDoc>> {
  if (order.status === 'rejected') return fail(order.rejectReason ?? 'ORDER.INTERRUPTED', REJECT_MESSAGES[order.rejectReason ?? 'ORDER.INTERRUPTED'])
  if (order.status !== 'reserving') return ok(order)
  if (ports.clock.now() - order.createdAt > RESERVING_STALE_MS) return rejectOrder(ports, order, 'ORDER.INTERRUPTED')
  const campaign = await ports.store.get<CampaignDoc>('campaigns', order.campaignId)
  if (!campaign) return rejectOrder(ports, order, 'ORDER.INTERRUPTED')
  return reserve(ports, order, campaign)
}

async function reserve(ports: Ports, order: OrderDoc, campaign: CampaignDoc): Promise<Result<OrderDoc>> {
  // The household's limit first: a refusal there never takes stock from other households.
  if ((await holdQuota(ports, order, campaign.householdLimit)) === 'refused') return refuse(ports, order, 'ORDER.LIMIT_REACHED')
  if ((await holdStock(ports, order)) === 'refused') {
    await releaseQuota(ports, order)
    return refuse(ports, order, 'ORDER.SOLD_OUT')
  }
  const now = ports.clock.now()
  if (await ports.store.update('orders', order._id, { set: { status: 'pending_payment', updatedAt: now } }, { status: 'reserving' })) {
    return ok({ ...order, status: 'pending_payment', updatedAt: now })
  }
  const fresh = await ports.store.get<OrderDoc>('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  if (fresh.status === 'rejected') {
    // The sweeper gave up on this order while we were slow: give back what we just took.
    await releaseOrder(ports, { ...fresh, releaseDue: true })
    return fail(fresh.rejectReason ?? 'ORDER.INTERRUPTED', REJECT_MESSAGES[fresh.rejectReason ?? 'ORDER.INTERRUPTED'])
  }
  return ok(fresh)
}

/**
 * A refusal while this request drives the order: whatever it held is already given back, so
 * `reserving → rejected` is all that is left. A crash before it leaves a `reserving` order that
 * holds nothing, which the sweeper rejects later (its releases are no-ops).
 */
async function refuse(ports: Ports, order: OrderDoc, reason: RejectReason): Promise<Result<OrderDoc>> {
  if (await ports.store.update('orders', order._id, { set: { status: 'rejected', rejectReason: reason, updatedAt: ports.clock.now() } }, { status: 'reserving' })) {
    return fail(reason, REJECT_MESSAGES[reason])
  }
  // Someone else moved the order on (a twin request, or the sweeper): answer with its state.
  const fresh = await ports.store.get<OrderDoc>('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  return resume(ports, fresh)
}

/**
 * `reserving → rejected` (once), then whatever the order holds is given back. Used for a
 * refusal, and by the sweeper for an interrupted create.
 */
export async function rejectOrder(ports: Ports, order: OrderDoc, reason: RejectReason): Promise<Result<OrderDoc>> {
  await ports.store.update('orders', order._id, { set: { status: 'rejected', rejectReason: reason, releaseDue: true, updatedAt: ports.clock.now() } }, { status: 'reserving' })
  const fresh = await ports.store.get<OrderDoc>('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  if (fresh.status !== 'rejected') return ok(fresh)
  await releaseOrder(ports, fresh)
  const why = fresh.rejectReason ?? reason
  return fail(why, REJECT_MESSAGES[why])
}
