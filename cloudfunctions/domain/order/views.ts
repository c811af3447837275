import type { CampaignViewT, OrderViewT } from '../../contracts/order'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { storedPhoto, storedPhotos } from '../photos'
import { householdLabels } from '../user/labels'
import type { CampaignDoc, CampaignStockDoc, OrderDoc, PickupPointDoc } from './docs'
import { campaignPhase, stockId } from './rules'
import { partsFen } from '../../contracts/package'
import { cardsOfOrders, savingFen } from './package'
import { cardStatus } from '../member/cards'

export function pickupView(p: PickupPointDoc | null | undefined) {
  return p ? { id: p._id, name: p.name, address: p.address, hours: p.hours } : null
}

/** Stock counters of campaigns, keyed by `${campaignId}:${skuId}`. */
export async function stocksOf(ports: Ports, campaigns: readonly CampaignDoc[]): Promise<Map<string, CampaignStockDoc>> {
  const ids = campaigns.flatMap((c) => c.skus.map((s) => stockId(c._id, s.skuId)))
  return getMany(ports.store, 'campaignStock', ids)
}

/** The campaign's cover: its own, else its first photo. */
export function campaignCover(c: CampaignDoc): string | null {
  return storedPhoto(c.cover) ?? storedPhotos(c.images)[0] ?? null
}

/** What an order or a delivery shows as the product's thumbnail: the first photo, else the cover. */
export function productPhoto(c: CampaignDoc): string | null {
  return storedPhotos(c.images)[0] ?? storedPhoto(c.cover)
}

export function campaignView(c: CampaignDoc, stocks: ReadonlyMap<string, CampaignStockDoc>, pickup: PickupPointDoc | null | undefined, now: number): CampaignViewT {
  let paid = 0
  let sold = 0
  const skus = c.skus.map((s) => {
    const st = stocks.get(stockId(c._id, s.skuId))
    // A draft has no counters yet: everything is still available.
    const remaining = st ? st.available : s.stock
    paid += st?.paidQuantity ?? 0
    sold += s.stock - remaining
    return { id: s.skuId, name: s.name, priceFen: s.priceFen, originalFen: s.originalFen, stock: s.stock, remaining, savingFen: savingFen(c.parts, s.priceFen) }
  })
  return {
    id: c._id,
    title: c.title,
    description: c.description,
    status: campaignPhase(c, now),
    productId: c.productId,
    productName: c.productName,
    productKind: c.productKind,
    category: c.category,
    supplierName: c.supplierName,
    cover: campaignCover(c),
    images: storedPhotos(c.images),
    unit: c.unit,
    skus,
    parts: c.parts ?? [],
    partsFen: c.parts?.length ? partsFen(c.parts) : null,
    startAt: c.startAt,
    endAt: c.endAt,
    householdLimit: c.householdLimit,
    threshold: c.threshold,
    paidQuantity: paid,
    soldQuantity: sold,
    delivery: { mode: c.deliveryMode, date: c.deliveryDate, pickupPoint: pickupView(pickup) },
    settledAt: c.settledAt ?? null,
    needs: c.needs ?? [],
    audience: c.audience ?? null
  }
}

export async function campaignViews(ports: Ports, campaigns: readonly CampaignDoc[]): Promise<CampaignViewT[]> {
  const [stocks, points] = await Promise.all([
    stocksOf(ports, campaigns),
    getMany(ports.store, 'pickupPoints', campaigns.flatMap((c) => (c.pickupPointId ? [c.pickupPointId] : [])))
  ])
  const now = ports.clock.now()
  return campaigns.map((c) => campaignView(c, stocks, c.pickupPointId ? points.get(c.pickupPointId) : null, now))
}

/** Order views with everything they name loaded in a few batched reads. */
export async function orderViews(ports: Ports, orders: readonly OrderDoc[]): Promise<OrderViewT[]> {
  const store = ports.store
  const withPoints = async () => {
    const campaigns = await getMany(store, 'campaigns', orders.map((o) => o.campaignId))
    const points = await getMany(store, 'pickupPoints', [...campaigns.values()].flatMap((c) => (c.pickupPointId ? [c.pickupPointId] : [])))
    return { campaigns, points }
  }
  const [{ campaigns, points }, labels, users, cards] = await Promise.all([
    withPoints(),
    householdLabels(ports, orders.map((o) => o.householdId), orders[0]?.communityId),
    getMany(store, 'users', orders.flatMap((o) => [o.deliveredBy, o.inviterUserId]).filter((x): x is string => !!x && x !== 'resident')),
    cardsOfOrders(ports, orders)
  ])
  const now = ports.clock.now()
  const out: OrderViewT[] = []
  for (const o of orders) {
    const c = campaigns.get(o.campaignId)
    if (!c) continue
    const sku = c.skus.find((s) => s.skuId === o.skuId)
    const phase = campaignPhase(c, now)
    const beforeEnd = now < c.endAt
    out.push({
      id: o._id,
      code: o.code,
      status: o.status,
      campaignId: c._id,
      campaignTitle: c.title,
      campaignStatus: phase,
      campaignEndAt: c.endAt,
      threshold: c.threshold,
      productName: c.productName,
      productKind: c.productKind,
      productPhoto: productPhoto(c),
      skuId: o.skuId,
      skuName: sku?.name ?? o.skuName,
      unit: c.unit,
      quantity: o.quantity,
      unitPriceFen: o.unitPriceFen,
      subtotalFen: o.subtotalFen,
      discountFen: o.discountFen,
      couponId: o.couponId,
      pointsUsed: o.pointsUsed,
      amountFen: o.amountFen,
      householdId: o.householdId,
      householdLabel: labels.get(o.householdId) ?? '',
      note: o.note,
      delivery: { mode: c.deliveryMode, date: c.deliveryDate, pickupPoint: pickupView(c.pickupPointId ? points.get(c.pickupPointId) : null) },
      createdAt: o.createdAt,
      payBefore: o.expiresAt,
      paidAt: o.paidAt,
      paymentId: o.paymentId,
      deliveredAt: o.deliveredAt,
      deliveredBy: o.deliveredBy === 'resident' ? '本人确认收货' : o.deliveredBy ? (users.get(o.deliveredBy)?.nickname ?? '') : null,
      refundReason: o.refundReason,
      refundedFen: o.refundedFen,
      refundedAt: o.refundedAt,
      cards: (cards.get(o._id) ?? []).map((card) => ({ id: card._id, title: card.title, usesTotal: card.usesTotal, usesLeft: card.usesLeft, usesRevoked: card.revokedUses ?? 0, status: cardStatus(card, now) })),
      retainedFen: o.retainedFen ?? 0,
      afterSale: o.afterSale
        ? { type: o.afterSale.type, reason: o.afterSale.reason, status: o.afterSale.status, note: o.afterSale.note, requestedAt: o.afterSale.requestedAt, reviewedAt: o.afterSale.reviewedAt }
        : null,
      inviterName: o.inviterUserId ? (users.get(o.inviterUserId)?.nickname ?? null) : null,
      actions: {
        pay: o.status === 'pending_payment' && now < o.expiresAt,
        cancel: o.status === 'pending_payment' || (o.status === 'paid' && beforeEnd),
        confirmReceived: o.status === 'confirmed',
        afterSale: (o.status === 'confirmed' || o.status === 'delivered') && o.afterSale === null
      }
    })
  }
  return out
}

export async function orderView(ports: Ports, order: OrderDoc): Promise<OrderViewT> {
  const [v] = await orderViews(ports, [order])
  if (!v) throw new Error(`order ${order._id} names a missing campaign`)
  return v
}
