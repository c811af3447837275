import type { orderContracts } from '../../contracts/order'
import type { Actor } from '../../kernel/actor'
import { findAll, getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { householdLabel } from '../user/format'
import { householdLabels } from '../user/labels'
import type { OrderDoc } from './docs'
import { fulfillIfDone } from './lifecycle'
import type { OrderHandler } from './ports'
import { campaignPhase } from './rules'
import { campaignCover, productPhoto } from './views'
import { shanghaiMinute } from '../../contracts/shanghai'

type C = typeof orderContracts
const DAY = 24 * 3600_000

/** The butler's delivery list: each task of their grids, orders grouped by building. */
export const deliveries: OrderHandler<C['deliveries']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const tasks = await ports.store.find('deliveryTasks', {
    where: { butlerUserId: actor.user._id, communityId: actor.communityId, deliveryDate: { gte: now - 14 * DAY } },
    orderBy: [{ field: 'deliveryDate', dir: 'asc' }],
    limit: 50
  })
  const campaigns = await getMany(ports.store, 'campaigns', tasks.map((t) => t.campaignId))
  const out = []
  for (const t of tasks) {
    const c = campaigns.get(t.campaignId)
    if (!c) continue
    const orders = await findAll(ports.store, 'orders', { campaignId: t.campaignId, gridId: t.gridId, status: { in: ['confirmed', 'delivered'] } })
    const households = await getMany(ports.store, 'households', orders.map((o) => o.householdId))
    const buildings = await getMany(ports.store, 'buildings', orders.map((o) => o.buildingId))
    const byBuilding = new Map<string, OrderDoc[]>()
    for (const o of orders) byBuilding.set(o.buildingId, [...(byBuilding.get(o.buildingId) ?? []), o])
    const label = (o: OrderDoc) => {
      const h = households.get(o.householdId)
      return h ? householdLabel(buildings.get(h.buildingId), h) : ''
    }
    out.push({
      id: t._id,
      campaignId: c._id,
      campaignTitle: c.title,
      productName: c.productName,
      productPhoto: productPhoto(c),
      deliveryDate: t.deliveryDate,
      gridName: t.gridName,
      orders: orders.length,
      delivered: orders.filter((o) => o.status === 'delivered').length,
      buildings: [...byBuilding.entries()]
        .map(([buildingId, own]) => ({
          buildingId,
          buildingName: buildings.get(buildingId)?.name ?? '',
          orders: own
            .map((o) => ({ id: o._id, householdLabel: label(o), skuName: o.skuName, quantity: o.quantity, status: o.status, deliveredAt: o.deliveredAt }))
            .sort((a, b) => a.householdLabel.localeCompare(b.householdLabel, 'zh-CN'))
        }))
        .sort((a, b) => a.buildingName.localeCompare(b.buildingName, 'zh-CN'))
    })
  }
  const current = await ports.store.find('campaigns', {
    where: { communityId: actor.communityId, status: { in: ['scheduled', 'live'] }, endAt: { gt: now } },
    orderBy: [{ field: 'endAt', dir: 'asc' }],
    limit: 20
  })
  const live = current.filter((c) => campaignPhase(c, now) === 'live').map((c) => ({ id: c._id, title: c.title, cover: campaignCover(c), endAt: c.endAt }))
  return ok({ tasks: out, live })
}

/**
 * Hands over an order by its code: the butler of the household's grid at the door, or the
 * pickup point (verifier or operator). `confirmed → delivered` applies once; a second scan says so.
 */
async function handOver(ports: Ports, actor: Actor, code: string, mode: 'door' | 'pickup') {
  const [order] = await ports.store.find('orders', { where: { code }, limit: 1 })
  if (!order || order.communityId !== actor.communityId || order.status === 'rejected') return fail('ORDER.CODE_INVALID', '订单码无效，请核对后重试')
  const campaign = await ports.store.get('campaigns', order.campaignId)
  if (!campaign) return fail('ORDER.CODE_INVALID', '订单码无效，请核对后重试')
  if (campaign.deliveryMode !== mode) {
    return fail('ORDER.WRONG_DELIVERY_MODE', mode === 'door' ? '该订单为自提订单，请到自提点核销' : '该订单为送货上门订单，由管家送达')
  }
  if (mode === 'door' && !actor.grids.some((g) => g.buildingIds.includes(order.buildingId))) {
    return fail('ORDER.NOT_IN_GRID', '该订单不在你负责的网格内')
  }
  if (order.status === 'delivered') return fail('ORDER.ALREADY_DELIVERED', `该订单已于 ${shanghaiMinute(order.deliveredAt ?? 0).slice(5)} 完成交付`)
  if (order.status !== 'confirmed') {
    return fail('ORDER.NOT_DELIVERABLE', order.status === 'paid' || order.status === 'pending_payment' ? '尚未成团，暂不能交付' : '该订单已取消或已退款')
  }
  const now = ports.clock.now()
  const applied = await ports.store.update('orders', order._id, { set: { status: 'delivered', deliveredAt: now, deliveredBy: actor.user._id, updatedAt: now } }, { status: 'confirmed' })
  if (!applied) return fail('ORDER.ALREADY_DELIVERED', '该订单已完成交付')
  await fulfillIfDone(ports, order.campaignId)
  const labels = await householdLabels(ports, [order.householdId])
  const result: Result<{ orderId: string; code: string; householdLabel: string; productName: string; productPhoto: string | null; skuName: string; quantity: number; deliveredAt: number }> = ok({
    orderId: order._id,
    code: order.code,
    householdLabel: labels.get(order.householdId) ?? '',
    productName: campaign.productName,
    productPhoto: productPhoto(campaign),
    skuName: order.skuName,
    quantity: order.quantity,
    deliveredAt: now
  })
  return result
}

export const deliver: OrderHandler<C['deliver']> = async ({ ports, actor }, input) => handOver(ports, actor, input.code, 'door')
export const verifyPickup: OrderHandler<C['verifyPickup']> = async ({ ports, actor }, input) => handOver(ports, actor, input.code, 'pickup')
