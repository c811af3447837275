import type { Channel } from '../../contracts/desk-kinds'
import { issuePackageCards, orderPackageOf } from './package'
import type { CommunityActor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { CampaignDoc, OrderDoc, OrderVisitDoc, RejectReason } from './docs'
import { holdsDiscount } from '../member/checkout'
import { holdOrderDiscount, priceOrder, settleOrderDiscount } from './discounts'
import { countPaid, holdQuota, holdStock, releaseOrder, releaseQuota, releaseStock } from './holds'
import { saleLine } from './line'
import { RESERVING_STALE_MS, newOrderCode, newOrderId, payDeadline, quotaId, stockId } from './rules'

export interface CreateOrderInput {
  campaignId: string
  skuId: string
  quantity: number
  householdId: string
  note: string
  clientRequestId: string
  couponId: string | null
  usePoints: boolean
}

/**
 * An order placed for a member rather than by them, with its longer pay window: by 客服 (how the
 * request came, who keyed it), or as the reservation of an 意向登记 registration.
 */
export type PlacedFor = { payWindowMs: number } & ({ channel: Channel; enteredBy: { userId: string; name: string } } | { proposalId: string })

const REJECT_MESSAGES: Partial<Record<RejectReason, string>> = {
  'ORDER.SOLD_OUT': '库存不足，已售罄或剩余数量不够',
  'ORDER.LIMIT_REACHED': '本户已达到限购数量',
  'ORDER.INTERRUPTED': '下单未完成，请重新下单'
}

function rejection(order: Pick<OrderDoc, 'rejectReason' | 'rejectMessage'>) {
  const code = order.rejectReason ?? 'ORDER.INTERRUPTED'
  return fail(code, order.rejectMessage ?? REJECT_MESSAGES[code] ?? '下单未完成，请重新下单')
}

const VISITS_READ = 50

/**
 * The butler invitations that brought the buyer to this campaign: the one opened last, and the one
 * opened first (a commission rule may credit either). One query: a resident opens a campaign from
 * a handful of invitations; only past {@link VISITS_READ} is the first asked for on its own.
 */
async function touches(ports: Ports, userId: string, campaignId: string) {
  const visits = await ports.store.find('orderVisits', { where: { userId, campaignId }, orderBy: [{ field: 'lastAt', dir: 'desc' }], limit: VISITS_READ })
  const last = visits[0]
  const first =
    visits.length < VISITS_READ
      ? visits.reduce<OrderVisitDoc | undefined>((a, v) => (a && a.firstAt <= v.firstAt ? a : v), undefined)
      : (await ports.store.find('orderVisits', { where: { userId, campaignId }, orderBy: [{ field: 'firstAt', dir: 'asc' }], limit: 1 }))[0]
  return {
    invitationId: last?.inviteId ?? null,
    inviterUserId: last?.butlerUserId ?? null,
    openGId: last?.lastGroupId ?? null,
    firstInvitationId: first?.inviteId ?? null,
    firstInviterUserId: first?.butlerUserId ?? null
  }
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
export async function createOrder(ports: Ports, actor: CommunityActor, input: CreateOrderInput, entry: PlacedFor | null = null): Promise<Result<OrderDoc>> {
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  // Everything the request names is read at once: a twin's order, the campaign, the household,
  // the SKU's stock, the household's limit counter and the invitations that brought the buyer.
  // Checked in that order after; cheap reads, so an attempt that cannot succeed writes nothing.
  const [[existing], line, household, stock, quota, touch] = await Promise.all([
    ports.store.find('orders', { where: { idempotencyKey }, limit: 1 }),
    saleLine(ports, actor.communityId, input),
    ports.store.get('households', input.householdId),
    ports.store.get('campaignStock', stockId(input.campaignId, input.skuId)),
    ports.store.get('orderQuotas', quotaId(input.campaignId, input.householdId)),
    touches(ports, actor.user._id, input.campaignId)
  ])
  if (existing) return resume(ports, existing)

  if (!actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  }
  // The campaign, its phase, the SKU and the household limit: the same checks as the checkout preview.
  if (!line.ok) return line
  const { campaign, sku } = line.value
  const now = ports.clock.now()
  if (!household) return fail('HOUSEHOLD.NOT_FOUND', '房屋不存在')
  if (!stock || stock.available < input.quantity) {
    return fail('ORDER.SOLD_OUT', stock && stock.available > 0 ? `库存不足，仅剩 ${stock.available} 份` : '已售罄')
  }
  if (quota && quota.bought + input.quantity > campaign.householdLimit) {
    return fail('ORDER.LIMIT_REACHED', `每户限购 ${campaign.householdLimit} 份，本户已购 ${quota.bought} 份`)
  }

  // The server prices: the campaign price, then membership (level discount, coupon, points).
  const priced = await priceOrder(ports, { userId: actor.user._id, communityId: campaign.communityId }, campaign, sku.priceFen, input.quantity, input)
  if (!priced.ok) return priced
  const price = priced.value
  const pkg = orderPackageOf(campaign)
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
    couponId: price.couponId,
    pointsUsed: price.pointsUsed,
    discountFen: price.discountFen,
    amountFen: price.amountFen,
    note: input.note,
    status: 'reserving',
    expiresAt: payDeadline(campaign, now, entry?.payWindowMs),
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
    ...(entry && 'proposalId' in entry ? { proposalId: entry.proposalId } : entry ? { channel: entry.channel, enteredBy: entry.enteredBy } : {}),
    ...(pkg ? { package: pkg } : {}),
    createdAt: now,
    updatedAt: now
  }
  for (let attempt = 0; ; attempt++) {
    const inserted = await ports.store.insert('orders', order)
    if (inserted.ok) break
    // Which key was taken is not reported: read what is there. A twin request with the same id
    // won the insert: continue that order instead.
    const [winner] = await ports.store.find('orders', { where: { idempotencyKey }, limit: 1 })
    if (winner) return resume(ports, winner)
    // Otherwise an order code or id that happens to be taken: draw again.
    if (attempt >= 5) throw new Error(`could not find a free order code after ${attempt + 1} tries`)
    order.code = newOrderCode(ports)
    order._id = newOrderId(ports)
  }
  return reserve(ports, order, campaign, quota !== null)
}

/** What a resubmitted create answers: the same order, continued if it was cut short. */
async function resume(ports: Ports, order: OrderDoc): Promise<Result<OrderDoc>> {
  if (order.status === 'rejected') return rejection(order)
  if (order.status !== 'reserving') return ok(order)
  if (ports.clock.now() - order.createdAt > RESERVING_STALE_MS) return rejectOrder(ports, order, 'ORDER.INTERRUPTED')
  const campaign = await ports.store.get('campaigns', order.campaignId)
  if (!campaign) return rejectOrder(ports, order, 'ORDER.INTERRUPTED')
  return reserve(ports, order, campaign)
}

/** `quotaRead`: whether the request saw the household's limit counter (unknown on a resume). */
async function reserve(ports: Ports, order: OrderDoc, campaign: CampaignDoc, quotaRead?: boolean): Promise<Result<OrderDoc>> {
  // The household's limit first: a refusal there never takes stock from other households. Without
  // a discount (which an earlier attempt of this create may hold), a refusal here knows all the
  // order holds: nothing at the limit, the limit once the stock is out, given back right here.
  const plain = !holdsDiscount(order)
  if ((await holdQuota(ports, order, campaign.householdLimit, quotaRead)) === 'refused') return plain ? refuseGivenBack(ports, order, 'ORDER.LIMIT_REACHED') : refuse(ports, order, 'ORDER.LIMIT_REACHED')
  if ((await holdStock(ports, order)) === 'refused') {
    await releaseQuota(ports, order)
    return plain ? refuseGivenBack(ports, order, 'ORDER.SOLD_OUT') : refuse(ports, order, 'ORDER.SOLD_OUT')
  }
  let amounts: Pick<OrderDoc, 'discountFen' | 'amountFen' | 'pointsUsed'> = { discountFen: order.discountFen, amountFen: order.amountFen, pointsUsed: order.pointsUsed }
  if (holdsDiscount(order)) {
    // The coupon is locked and the points spent for this order (idempotent per order id).
    const held = await holdOrderDiscount(ports, order, campaign)
    if (!held.ok) {
      await releaseStock(ports, order)
      await releaseQuota(ports, order)
      return refuse(ports, order, held.code, held.message)
    }
    amounts = { discountFen: held.value.discountFen, amountFen: held.value.amountFen, pointsUsed: held.value.pointsUsed }
  }
  const now = ports.clock.now()
  // Nothing left to pay (a coupon covered it all): the order is paid as placed.
  const free = amounts.amountFen === 0
  const next: Partial<OrderDoc> = free ? { ...amounts, status: 'paid', paidAt: now, paidFen: 0, updatedAt: now } : { ...amounts, status: 'pending_payment', updatedAt: now }
  if (await ports.store.update('orders', order._id, { set: next }, { status: 'reserving' })) {
    const placed = { ...order, ...next }
    if (free) {
      await settleOrderDiscount(ports, placed)
      await countPaid(ports, placed)
      await issuePackageCards(ports, placed)
    }
    return ok(placed)
  }
  const fresh = await ports.store.get('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  if (fresh.status === 'rejected') {
    // The sweeper gave up on this order while we were slow: give back what we just took.
    await releaseOrder(ports, { ...fresh, releaseDue: true })
    return rejection(fresh)
  }
  return ok(fresh)
}

/**
 * A refusal while this request drives the order: `reserving → rejected` (once), then whatever the
 * order still holds is given back, each part at most once. That includes the coupon lock and the
 * points an earlier attempt of the same create took (a resume refused at the discount step), which
 * nothing else would give back. `releaseDue` is set with the rejection, so a crash before the
 * releases finish is completed by the sweeper.
 */
async function refuse(ports: Ports, order: OrderDoc, reason: RejectReason, message?: string): Promise<Result<OrderDoc>> {
  const set = { status: 'rejected' as const, rejectReason: reason, ...(message ? { rejectMessage: message } : {}), releaseDue: true, updatedAt: ports.clock.now() }
  if (await ports.store.update('orders', order._id, { set }, { status: 'reserving' })) {
    await releaseOrder(ports, { ...order, ...set })
    return rejection({ rejectReason: reason, ...(message ? { rejectMessage: message } : {}) })
  }
  // Someone else moved the order on (a twin request, or the sweeper): answer with its state.
  const fresh = await ports.store.get('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  return resume(ports, fresh)
}

/**
 * A refusal after this request gave back what it took: just `reserving → rejected`, nothing left
 * to release. A twin of the same request that holds something when this lands finds the order
 * rejected and gives back what it took itself, as `reserve` does. A crash before this leaves the
 * order `reserving`, which the sweeper rejects.
 */
async function refuseGivenBack(ports: Ports, order: OrderDoc, reason: RejectReason): Promise<Result<OrderDoc>> {
  const set = { status: 'rejected' as const, rejectReason: reason, releaseDue: false, updatedAt: ports.clock.now() }
  if (await ports.store.update('orders', order._id, { set }, { status: 'reserving' })) return rejection({ rejectReason: reason })
  const fresh = await ports.store.get('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  return resume(ports, fresh)
}

/**
 * `reserving → rejected` (once), then whatever the order holds is given back. Used for a
 * refusal, and by the sweeper for an interrupted create.
 */
export async function rejectOrder(ports: Ports, order: OrderDoc, reason: RejectReason): Promise<Result<OrderDoc>> {
  await ports.store.update('orders', order._id, { set: { status: 'rejected', rejectReason: reason, releaseDue: true, updatedAt: ports.clock.now() } }, { status: 'reserving' })
  const fresh = await ports.store.get('orders', order._id)
  if (!fresh) throw new Error(`order ${order._id} vanished`)
  if (fresh.status !== 'rejected') return ok(fresh)
  await releaseOrder(ports, fresh)
  return rejection(fresh)
}
