import { findAll, getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { GridDoc } from '../docs'
import { rejectOrder } from './create'
import type { CampaignDoc, DeliveryTaskDoc, OrderDoc } from './docs'
import { releaseOrder, releaseQuota, releaseStock, uncountPaid } from './holds'
import { fulfillIfDone } from './lifecycle'
import { refundOrder, reopenFailedRefund } from './refunds'
import { settleOrderDiscount } from './discounts'
import { raisePurchaseOrder } from './supply'
import {
  EXPIRY_GRACE_MS,
  HOLDING_STATUSES,
  MAX_REFUND_ATTEMPTS,
  OPEN_STATUSES,
  PAID_STATUSES,
  RESERVING_STALE_MS,
  SETTLE_GRACE_MS,
  shouldRelease
} from './rules'

const MINUTE = 60_000
/** A refund request older than this without an outcome is checked for a failure. */
const REFUND_CHECK_AFTER_MS = 10 * MINUTE

export interface SweepReport {
  expired: number
  interrupted: number
  released: number
  refundsRequested: number
  refundsReopened: number
  [k: string]: number
}

/**
 * Every minute: unpaid orders past their window expire and give their stock back; creates cut
 * short are rejected; releases and refunds a crash interrupted are finished. Each step is a
 * conditional transition followed by idempotent work, so running it twice, or concurrently with
 * requests, changes nothing twice.
 */
export async function sweepOrders(ports: Ports): Promise<SweepReport> {
  const now = ports.clock.now()
  const report: SweepReport = { expired: 0, interrupted: 0, released: 0, refundsRequested: 0, refundsReopened: 0 }
  const cutoff = now - EXPIRY_GRACE_MS

  for await (const batch of pages(ports.store, 'orders', { status: 'pending_payment', expiresAt: { lt: cutoff } })) {
    for (const o of batch) {
      // A payment opened within the window may still be completed: wait for it.
      if (o.payingUntil >= cutoff) continue
      const claimed = await ports.store.update(
        'orders',
        o._id,
        { set: { status: 'expired', releaseDue: true, updatedAt: now } },
        { status: 'pending_payment', payingUntil: { lt: cutoff } }
      )
      if (!claimed) continue
      report.expired++
      await releaseOrder(ports, { ...o, status: 'expired', releaseDue: true })
    }
  }

  for await (const batch of pages(ports.store, 'orders', { status: 'reserving', createdAt: { lt: now - RESERVING_STALE_MS } })) {
    for (const o of batch) {
      await rejectOrder(ports, o, 'ORDER.INTERRUPTED')
      report.interrupted++
    }
  }

  // Releases a crash interrupted (the order moved on, its holds did not come back yet).
  for await (const batch of pages(ports.store, 'orders', { releaseDue: true, updatedAt: { lt: now - 30_000 } })) {
    for (const o of batch) {
      if (!shouldRelease(o)) continue
      await releaseOrder(ports, o)
      report.released++
    }
  }

  for await (const batch of pages(ports.store, 'orders', { status: 'refunding' })) {
    for (const o of batch) {
      if (o.refundAttempts >= MAX_REFUND_ATTEMPTS) continue
      if (o.refundRequestedAt === null) {
        if ((await refundOrder(ports, o, 'system', o.refundReason !== 'after_sale')) === 'requested') report.refundsRequested++
      } else if (now - o.refundRequestedAt > REFUND_CHECK_AFTER_MS && (await reopenFailedRefund(ports, o))) {
        report.refundsReopened++
      }
    }
  }
  return report
}

export interface SettleReport {
  started: number
  waiting: number
  succeeded: number
  failed: number
  confirmedOrders: number
  refundedOrders: number
  fulfilled: number
  holdsRepaired: number
  [k: string]: number
}

/**
 * Every five minutes, for campaigns past their end (and a minute's grace):
 * - wait while any order is still being paid (it expires or is paid within its window);
 * - decide once: threshold met → succeeded, else failed; the decision is written with the
 *   `settling` claim, so a crash halfway is finished by the next run the same way;
 * - succeeded: paid orders are confirmed, assigned to the grid of their building, and one
 *   delivery task per grid is written; failed: every paid order is refunded (idempotent keys);
 * - `settling → succeeded | failed` only when every order is done.
 */
export async function settleCampaigns(ports: Ports): Promise<SettleReport> {
  const now = ports.clock.now()
  const report: SettleReport = { started: 0, waiting: 0, succeeded: 0, failed: 0, confirmedOrders: 0, refundedOrders: 0, fulfilled: 0, holdsRepaired: 0 }

  // The clock-driven states, written down.
  for await (const batch of pages(ports.store, 'campaigns', { status: 'scheduled', endAt: { gt: now } })) {
    for (const c of batch) {
      if (c.startAt <= now) await ports.store.update('campaigns', c._id, { set: { status: 'live', updatedAt: now } }, { status: 'scheduled' })
    }
  }

  const due = { status: { in: ['scheduled', 'live', 'ended'] }, endAt: { lte: now - SETTLE_GRACE_MS } }
  for await (const batch of pages(ports.store, 'campaigns', due)) {
    for (const c of batch) {
      await ports.store.update('campaigns', c._id, { set: { status: 'ended', updatedAt: now } }, { status: { in: ['scheduled', 'live'] } })
      if ((await ports.store.count('orders', { campaignId: c._id, status: { in: [...OPEN_STATUSES] } })) > 0) {
        report.waiting++
        continue
      }
      const paid = await findAll(ports.store, 'orders', { campaignId: c._id, status: 'paid' })
      const paidQuantity = paid.reduce((n, o) => n + o.quantity, 0)
      const outcome = c.threshold === null || paidQuantity >= c.threshold ? 'succeeded' : 'failed'
      const claimed = await ports.store.update(
        'campaigns',
        c._id,
        { set: { status: 'settling', outcome, paidQuantityAtSettlement: paidQuantity, updatedAt: now } },
        { status: { in: ['scheduled', 'live', 'ended'] } }
      )
      if (claimed) report.started++
    }
  }

  for await (const batch of pages(ports.store, 'campaigns', { status: 'settling' })) {
    for (const c of batch) {
      if (c.outcome === 'failed') await settleFailed(ports, c, report)
      else await settleSucceeded(ports, c, report)
    }
  }

  for await (const batch of pages(ports.store, 'campaigns', { status: 'succeeded' })) {
    for (const c of batch) if (await fulfillIfDone(ports, c._id)) report.fulfilled++
  }

  report.holdsRepaired = await auditHolds(ports)
  return report
}

async function notifyOrder(ports: Ports, o: OrderDoc, title: string, body: string): Promise<void> {
  try {
    await ports.notifier.notify({ userId: o.userId, communityId: o.communityId, kind: 'presale', title, body, link: `/packages/presale/pages/order/index?id=${encodeURIComponent(o._id)}&communityId=${encodeURIComponent(o.communityId)}` })
  } catch (e) {
    ports.log.warn('presale notice failed', { orderId: o._id, error: String(e) })
  }
}

async function settleSucceeded(ports: Ports, c: CampaignDoc, report: SettleReport): Promise<void> {
  const now = ports.clock.now()
  const grids = await ports.store.find('grids', { where: { communityId: c.communityId }, limit: 200 })
  const gridOf = new Map<string, GridDoc>()
  for (const g of grids) for (const b of g.buildingIds) gridOf.set(b, g)
  const gridIdFor = (o: OrderDoc) => (c.deliveryMode === 'pickup' ? 'pickup' : (gridOf.get(o.buildingId)?._id ?? 'unassigned'))

  for await (const batch of pages(ports.store, 'orders', { campaignId: c._id, status: 'paid' })) {
    for (const o of batch) {
      const claimed = await ports.store.update('orders', o._id, { set: { status: 'confirmed', gridId: gridIdFor(o), updatedAt: now } }, { status: 'paid' })
      if (!claimed) continue
      report.confirmedOrders++
      // A coupon-paid order that crashed before its coupon was marked used is finished here.
      if (o.paymentId === null) await settleOrderDiscount(ports, o)
      await notifyOrder(ports, o, '拼团成功', `「${c.title}」已成团，${c.deliveryMode === 'pickup' ? '请按时到自提点取货' : '管家将按时送货上门'}，凭订单码收货。`)
    }
  }

  // Tasks are recomputed from the orders, so a rerun writes the same numbers.
  const orders = await findAll(ports.store, 'orders', { campaignId: c._id, status: { in: ['confirmed', 'delivered'] } })
  const byGrid = new Map<string, OrderDoc[]>()
  for (const o of orders) {
    const id = o.gridId ?? gridIdFor(o)
    byGrid.set(id, [...(byGrid.get(id) ?? []), o])
  }
  const gridsById = new Map(grids.map((g) => [g._id, g]))
  for (const [gridId, own] of byGrid) {
    const g = gridsById.get(gridId)
    const buildings = new Map<string, { buildingId: string; orders: number; quantity: number }>()
    for (const o of own) {
      const b = buildings.get(o.buildingId) ?? { buildingId: o.buildingId, orders: 0, quantity: 0 }
      b.orders++
      b.quantity += o.quantity
      buildings.set(o.buildingId, b)
    }
    const task: DeliveryTaskDoc = {
      _id: `${c._id}:${gridId}`,
      campaignId: c._id,
      communityId: c.communityId,
      mode: c.deliveryMode,
      gridId,
      gridName: g?.name ?? (gridId === 'pickup' ? '自提点' : '未划分网格'),
      butlerUserId: g?.butlerUserId ?? '',
      deliveryDate: c.deliveryDate,
      orders: own.length,
      quantity: own.reduce((n, o) => n + o.quantity, 0),
      buildings: [...buildings.values()],
      createdAt: now,
      updatedAt: now
    }
    if (!(await ports.store.insert('deliveryTasks', task)).ok) {
      const { _id: _ignored, createdAt: _created, ...fields } = task
      await ports.store.update('deliveryTasks', task._id, { set: fields })
    }
  }
  // The supplier's purchase order, from the same settled quantities (a rerun writes the same lines).
  await raisePurchaseOrder(ports, c, orders)
  if (await ports.store.update('campaigns', c._id, { set: { status: 'succeeded', settledAt: now, updatedAt: now } }, { status: 'settling' })) report.succeeded++
}

async function settleFailed(ports: Ports, c: CampaignDoc, report: SettleReport): Promise<void> {
  const now = ports.clock.now()
  for await (const batch of pages(ports.store, 'orders', { campaignId: c._id, status: 'paid' })) {
    for (const o of batch) {
      const claimed = await ports.store.update(
        'orders',
        o._id,
        { set: { status: 'refunding', refundReason: 'group_failed', updatedAt: now } },
        { status: 'paid' }
      )
      if (!claimed) continue
      report.refundedOrders++
      await refundOrder(ports, { ...o, status: 'refunding', refundReason: 'group_failed' }, 'system', true)
      await notifyOrder(ports, o, '拼团未成功，已自动退款', `「${c.title}」未达到成团数量，货款 ${(o.paidFen / 100).toFixed(2)} 元将原路退回。`)
    }
  }
  // A crash between the claim and the refund request leaves orders the next lines finish.
  for await (const batch of pages(ports.store, 'orders', { campaignId: c._id, status: 'refunding', refundReason: 'group_failed', refundRequestedAt: null })) {
    for (const o of batch) await refundOrder(ports, o, 'system', true)
  }
  if ((await ports.store.count('orders', { campaignId: c._id, status: 'paid' })) > 0) return
  if (await ports.store.update('campaigns', c._id, { set: { status: 'failed', settledAt: now, updatedAt: now } }, { status: 'settling' })) report.failed++
}

/**
 * The holds say which order has what. A hold whose order should no longer have it (a create that
 * was rejected while a slow request still reserved, a crash before a release) is given back; a
 * paid mark for an order that is no longer paid is removed.
 */
async function auditHolds(ports: Ports): Promise<number> {
  const now = ports.clock.now()
  let repaired = 0
  const active = await findAll(ports.store, 'campaigns', { status: { in: ['scheduled', 'live', 'ended', 'settling'] } })
  for (const c of active) {
    const stocks = await findAll(ports.store, 'campaignStock', { campaignId: c._id })
    const quotas = await findAll(ports.store, 'orderQuotas', { campaignId: c._id })
    const ids = new Set<string>()
    for (const s of stocks) for (const id of [...Object.keys(s.holds), ...Object.keys(s.paid)]) ids.add(id)
    for (const q of quotas) for (const id of Object.keys(q.holds)) ids.add(id)
    const orders = await getMany(ports.store, 'orders', [...ids])
    const holds = (o: OrderDoc | undefined) =>
      o !== undefined && (HOLDING_STATUSES.includes(o.status) || ((o.status === 'refunding' || o.status === 'refunded') && o.refundReason !== 'cancel'))
    const stale = (o: OrderDoc | undefined) => !holds(o) && (o === undefined || now - o.updatedAt > 30_000)
    for (const s of stocks) {
      for (const [id, quantity] of Object.entries(s.holds)) {
        const o = orders.get(id)
        if (stale(o) && (await releaseStock(ports, { _id: id, campaignId: c._id, householdId: o?.householdId ?? '', skuId: s.skuId, quantity }))) repaired++
      }
      for (const [id, quantity] of Object.entries(s.paid)) {
        const o = orders.get(id)
        const countable = o !== undefined && (PAID_STATUSES.includes(o.status) || (o.refundReason !== null && o.refundReason !== 'cancel' && o.refundReason !== 'operator'))
        if (!countable && (o === undefined || now - o.updatedAt > 30_000)) {
          await uncountPaid(ports, { _id: id, campaignId: c._id, householdId: o?.householdId ?? '', skuId: s.skuId, quantity })
          repaired++
        }
      }
    }
    for (const q of quotas) {
      for (const [id, quantity] of Object.entries(q.holds)) {
        const o = orders.get(id)
        if (stale(o) && (await releaseQuota(ports, { _id: id, campaignId: c._id, householdId: q.householdId, skuId: o?.skuId ?? '', quantity }))) repaired++
      }
    }
  }
  return repaired
}
