import type { orderContracts } from '../../contracts/order'
import { campaignMargin } from './margin'
import { findAll, getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { campaignWarnings, catalogOf, productView, publishCampaign as publish, saveCampaign as save, savePickupPoint as savePoint, saveProduct as saveProd, saveSupplier as saveSup } from './catalog'
import { createOrder } from './create'
import { forAudience } from './audience'
import type { CampaignDoc, OrderDoc } from './docs'
import { cancelOrder, confirmReceived as confirm, ownOrder, requestAfterSale as askAfterSale, reviewAfterSale as review } from './lifecycle'
import type { OrderHandler } from './ports'
import { PAID_STATUSES, campaignPhase, quotaId } from './rules'
import { campaignViews, orderView, orderViews, pickupView } from './views'

type C = typeof orderContracts
const DAY = 24 * 3600_000

/** Campaigns of the caller's community; drafts only for operators. */
async function visibleCampaign(ctx: Parameters<OrderHandler<C['campaign']>>[0], id: string): Promise<CampaignDoc | null> {
  const c = await ctx.ports.store.get('campaigns', id)
  if (!c || c.communityId !== ctx.actor.communityId) return null
  if (c.status === 'draft' && !ctx.actor.roles.includes('operator')) return null
  return c
}

export const campaigns: OrderHandler<C['campaigns']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const list = await ports.store.find('campaigns', {
    where: { communityId: actor.communityId, status: { ne: 'draft' } },
    orderBy: [{ field: 'endAt', dir: 'desc' }],
    limit: 200
  })
  // Residents see what is meant for one of their households; staff see everything.
  const staff = actor.roles.includes('operator') || actor.roles.includes('butler')
  const shown = staff ? list : await forAudience(ports, actor.householdIds, list)
  const rank = (c: CampaignDoc) => ({ live: 0, scheduled: 1 })[campaignPhase(c, now) as 'live' | 'scheduled'] ?? 2
  const chosen =
    input.scope === 'current'
      ? // On sale, coming up, or ended in the last three days (residents follow their group's outcome).
        shown.filter((c) => c.endAt > now - 3 * DAY).sort((a, b) => rank(a) - rank(b) || a.endAt - b.endAt)
      : shown.filter((c) => c.endAt <= now).slice(0, 50)
  return ok({ campaigns: await campaignViews(ports, chosen) })
}

export const campaign: OrderHandler<C['campaign']> = async (ctx, input) => {
  const c = await visibleCampaign(ctx, input.id)
  if (!c) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区')
  const [view] = await campaignViews(ctx.ports, [c])
  if (!view) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
  const householdId = input.householdId ?? ctx.actor.householdIds[0]
  let mine = null
  if (householdId && ctx.actor.householdIds.includes(householdId)) {
    const quota = await ctx.ports.store.get('orderQuotas', quotaId(c._id, householdId))
    const bought = quota?.bought ?? 0
    mine = { householdId, bought, remainingLimit: Math.max(0, c.householdLimit - bought) }
  }
  return ok({ campaign: view, mine })
}

export const create: OrderHandler<C['create']> = async ({ ports, actor }, input) => {
  const res = await createOrder(ports, actor, input)
  if (!res.ok) return res
  return ok(await orderView(ports, res.value))
}

export const mine: OrderHandler<C['mine']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) return fail('HOUSEHOLD.NOT_MEMBER', '你不是这套房屋的成员')
  const orders = await ports.store.find('orders', {
    where: { householdId: input.householdId, status: { ne: 'rejected' } },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 100
  })
  return ok({ orders: await orderViews(ports, orders) })
}

export const get: OrderHandler<C['get']> = async ({ ports, actor }, input) => {
  const o = await ownOrder(ports, actor, input.orderId)
  if (!o) return fail('ORDER.NOT_FOUND', '订单不存在')
  return ok(await orderView(ports, o))
}

export const cancel: OrderHandler<C['cancel']> = async ({ ports, actor }, input) => {
  const o = await ownOrder(ports, actor, input.orderId)
  if (!o) return fail('ORDER.NOT_FOUND', '订单不存在')
  const res = await cancelOrder(ports, actor, o)
  return res.ok ? ok(await orderView(ports, res.value)) : res
}

export const confirmReceived: OrderHandler<C['confirmReceived']> = async ({ ports, actor }, input) => {
  const o = await ownOrder(ports, actor, input.orderId)
  if (!o) return fail('ORDER.NOT_FOUND', '订单不存在')
  const res = await confirm(ports, o)
  return res.ok ? ok(await orderView(ports, res.value)) : res
}

export const requestAfterSale: OrderHandler<C['requestAfterSale']> = async ({ ports, actor }, input) => {
  const o = await ownOrder(ports, actor, input.orderId)
  if (!o) return fail('ORDER.NOT_FOUND', '订单不存在')
  const res = await askAfterSale(ports, o, input.type, input.reason)
  return res.ok ? ok(await orderView(ports, res.value)) : res
}

// ── Operators ──────────────────────────────────────────────────────────────────────────────

export const catalog: OrderHandler<C['catalog']> = async ({ ports, actor }) => {
  const { products, suppliers, points, buildings, byId } = await catalogOf(ports, actor.communityId)
  return ok({
    products: products.map((p) => productView(p, byId)),
    suppliers: suppliers.map((s) => ({ id: s._id, name: s.name, contact: s.contact, phone: s.phone })),
    pickupPoints: points.map((p) => pickupView(p)!),
    buildings: buildings.map((b) => ({ id: b._id, name: b.name }))
  })
}

export const saveProduct: OrderHandler<C['saveProduct']> = async ({ ports, actor }, input) => saveProd(ports, actor, input.id, input.product)

export const saveSupplier: OrderHandler<C['saveSupplier']> = async ({ ports, actor }, input) => {
  const res = await saveSup(ports, actor, input.id, input.supplier)
  return res.ok ? ok({ id: res.value._id, name: res.value.name, contact: res.value.contact, phone: res.value.phone }) : res
}

export const savePickupPoint: OrderHandler<C['savePickupPoint']> = async ({ ports, actor }, input) => {
  const res = await savePoint(ports, actor, input.id, input.point)
  return res.ok ? ok(pickupView(res.value)!) : res
}

export const adminCampaigns: OrderHandler<C['adminCampaigns']> = async ({ ports, actor }) => {
  const list = await ports.store.find('campaigns', {
    where: { communityId: actor.communityId },
    orderBy: [{ field: 'endAt', dir: 'desc' }],
    limit: 200
  })
  return ok({ campaigns: await campaignViews(ports, list) })
}

export const saveCampaign: OrderHandler<C['saveCampaign']> = async ({ ports, actor }, input) => {
  const res = await save(ports, actor, input.id, input.campaign)
  if (!res.ok) return res
  const [view] = await campaignViews(ports, [res.value])
  return view ? ok({ ...view, warnings: campaignWarnings(res.value) }) : fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
}

export const publishCampaign: OrderHandler<C['publishCampaign']> = async ({ ports, actor }, input) => {
  const res = await publish(ports, actor, input.id)
  if (!res.ok) return res
  const [view] = await campaignViews(ports, [res.value])
  return view ? ok(view) : fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
}

export const dashboard: OrderHandler<C['dashboard']> = async ({ ports, actor }, input) => {
  // The campaign, its orders and the community's grids together; nothing is shown unless the
  // campaign is this community's.
  const gridsAndButlers = async () => {
    const grids = await ports.store.find('grids', { where: { communityId: actor.communityId }, limit: 200 })
    return { grids, butlers: await getMany(ports.store, 'users', grids.map((g) => g.butlerUserId)) }
  }
  const [c, orders, { grids, butlers }] = await Promise.all([
    ports.store.get('campaigns', input.campaignId),
    findAll(ports.store, 'orders', { campaignId: input.campaignId, communityId: actor.communityId }),
    gridsAndButlers()
  ])
  if (!c || c.communityId !== actor.communityId) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在或不属于当前社区')
  const all = orders.filter((o) => o.status !== 'rejected')
  const recent = [...all].sort((a, b) => b.createdAt - a.createdAt).slice(0, 100)
  const pendingAfterSales = all.filter((o) => o.afterSale?.status === 'requested')
  const [[view], afterSales, recentViews] = await Promise.all([campaignViews(ports, [c]), orderViews(ports, pendingAfterSales), orderViews(ports, recent)])
  if (!view) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
  const count = (s: OrderDoc['status']) => all.filter((o) => o.status === s).length
  const paid = all.filter((o) => PAID_STATUSES.includes(o.status))
  const everPaid = all.filter((o) => o.paidAt !== null)
  const byGrid = new Map<string, OrderDoc[]>()
  for (const o of all) if (o.gridId) byGrid.set(o.gridId, [...(byGrid.get(o.gridId) ?? []), o])
  return ok({
    campaign: view,
    counts: {
      pendingPayment: count('pending_payment'),
      paid: count('paid'),
      confirmed: count('confirmed'),
      delivered: count('delivered'),
      cancelled: count('cancelled'),
      expired: count('expired'),
      refunding: count('refunding'),
      refunded: count('refunded')
    },
    soldQuantity: view.soldQuantity,
    paidQuantity: paid.reduce((n, o) => n + o.quantity, 0),
    paidFen: everPaid.reduce((n, o) => n + o.paidFen, 0),
    refundedFen: all.reduce((n, o) => n + o.refundedFen, 0),
    refundedOrders: count('refunded'),
    stuckRefunds: all.filter((o) => o.status === 'refunding' && o.refundRequestedAt === null && o.refundAttempts > 0).length,
    margin: campaignMargin(c, all),
    skus: view.skus.map((s) => ({ id: s.id, name: s.name, stock: s.stock, remaining: s.remaining, paidQuantity: paid.filter((o) => o.skuId === s.id).reduce((n, o) => n + o.quantity, 0) })),
    grids: [...byGrid.entries()].map(([gridId, own]) => {
      const g = grids.find((x) => x._id === gridId)
      return {
        gridId,
        gridName: g?.name ?? (gridId === 'pickup' ? '自提点' : '未划分网格'),
        butlerName: g ? (butlers.get(g.butlerUserId)?.nickname ?? '') : '',
        orders: own.filter((o) => o.status === 'confirmed' || o.status === 'delivered').length,
        delivered: own.filter((o) => o.status === 'delivered').length
      }
    }),
    afterSales,
    orders: recentViews
  })
}

export const reviewAfterSale: OrderHandler<C['reviewAfterSale']> = async ({ ports, actor }, input) => {
  const res = await review(ports, actor, input.orderId, input.approve, input.note)
  return res.ok ? ok(await orderView(ports, res.value)) : res
}
