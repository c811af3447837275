import type { orderContracts } from '../../contracts/order'
import { DAY_MS, shanghaiInstant, shanghaiMidnight } from '../../contracts/shanghai'
import type { PurchaseOrderViewT, SupplierScoreViewT } from '../../contracts/supply'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { CampaignDoc, OrderDoc, PurchaseOrderDoc, PurchaseReceipt } from './docs'
import type { OrderHandler } from './ports'
import { PAID_STATUSES } from './rules'

type C = typeof orderContracts

/** A community buys from a few suppliers a few times a month: a year of orders fits one read. */
const LIST_LIMIT = 1000

export const purchaseOrderId = (campaignId: string) => `po-${campaignId}`

/**
 * Raised when a pre-sale succeeds: the units still sold per SKU (confirmed or delivered orders),
 * at the cost the sale copied. Settling again writes the same lines while nothing is received.
 */
export async function raisePurchaseOrder(ports: Ports, c: CampaignDoc, orders: readonly Pick<OrderDoc, 'skuId' | 'quantity'>[]): Promise<void> {
  const now = ports.clock.now()
  const ordered = new Map<string, number>()
  for (const o of orders) ordered.set(o.skuId, (ordered.get(o.skuId) ?? 0) + o.quantity)
  const lines = c.skus.flatMap((s) => {
    const n = ordered.get(s.skuId) ?? 0
    return n > 0 ? [{ skuId: s.skuId, name: s.name, ordered: n, costFen: s.costFen ?? null }] : []
  })
  if (lines.length === 0) return
  const po: PurchaseOrderDoc = {
    _id: purchaseOrderId(c._id),
    communityId: c.communityId,
    campaignId: c._id,
    campaignTitle: c.title,
    supplierId: c.supplierId,
    supplierName: c.supplierName,
    lines,
    expectedBy: c.deliveryDate,
    status: 'open',
    receipt: null,
    createdAt: now,
    updatedAt: now
  }
  if (!(await ports.store.insert('purchaseOrders', po)).ok) {
    await ports.store.update('purchaseOrders', po._id, { set: { lines, updatedAt: now } }, { status: 'open' })
  }
}

/** What is owed for received goods: accepted units (received less damaged) at cost; null without a cost. */
function acceptedFen(po: PurchaseOrderDoc): number | null {
  if (!po.receipt) return null
  let sum = 0
  for (const l of po.lines) {
    const r = po.receipt.lines.find((x) => x.skuId === l.skuId)
    const accepted = r ? r.received - r.damaged : 0
    if (accepted > 0 && l.costFen === null) return null
    sum += accepted * (l.costFen ?? 0)
  }
  return sum
}

/** On time: received before the end of the delivery day (Asia/Shanghai). */
const onTime = (po: PurchaseOrderDoc): boolean | null => (po.receipt ? po.receipt.at < shanghaiMidnight(po.expectedBy) + DAY_MS : null)

export function purchaseOrderView(po: PurchaseOrderDoc): PurchaseOrderViewT {
  const ordered = po.lines.some((l) => l.costFen === null) ? null : po.lines.reduce((n, l) => n + l.ordered * (l.costFen ?? 0), 0)
  return {
    id: po._id,
    campaignId: po.campaignId,
    campaignTitle: po.campaignTitle,
    supplierId: po.supplierId,
    supplierName: po.supplierName,
    status: po.status,
    expectedBy: po.expectedBy,
    lines: po.lines.map((l) => {
      const r = po.receipt?.lines.find((x) => x.skuId === l.skuId)
      return { skuId: l.skuId, name: l.name, ordered: l.ordered, costFen: l.costFen, received: r?.received ?? null, short: r ? Math.max(0, l.ordered - r.received) : null, damaged: r?.damaged ?? null }
    }),
    orderedFen: ordered,
    acceptedFen: acceptedFen(po),
    receivedAt: po.receipt?.at ?? null,
    receivedBy: po.receipt?.by.name ?? null,
    onTime: onTime(po),
    rating: po.receipt?.rating ?? null,
    note: po.receipt?.note ?? '',
    createdAt: po.createdAt
  }
}

export const purchaseOrders: OrderHandler<C['purchaseOrders']> = async ({ ports, actor }, input) => {
  const where = input.status ? { communityId: actor.communityId, status: input.status } : { communityId: actor.communityId }
  const docs = await ports.store.find('purchaseOrders', { where, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: LIST_LIMIT })
  return ok({ purchaseOrders: docs.map(purchaseOrderView) })
}

/** Records what arrived, once: the lines must be the order's SKUs, each at most what was ordered. */
export const receivePurchase: OrderHandler<C['receivePurchase']> = async ({ ports, actor }, input) => {
  const po = await ports.store.get('purchaseOrders', input.id)
  if (!po || po.communityId !== actor.communityId) return fail('ORDER.PURCHASE_NOT_FOUND', '采购单不存在', [{ path: 'id', message: '采购单不存在' }])
  if (po.status !== 'open') return fail('ORDER.PURCHASE_RECEIVED', '这张采购单已收货')
  const lines: PurchaseReceipt['lines'] = []
  for (const [i, l] of input.receipt.lines.entries()) {
    const line = po.lines.find((x) => x.skuId === l.skuId)
    if (!line) return fail('REQUEST.INVALID_INPUT', '收货明细：规格不在采购单中', [{ path: `receipt.lines.${i}.skuId`, message: '规格不在采购单中' }])
    if (l.received > line.ordered) {
      return fail('REQUEST.INVALID_INPUT', `收货明细：「${line.name}」实收不能多于订购的 ${line.ordered}`, [{ path: `receipt.lines.${i}.received`, message: `不能多于订购的 ${line.ordered}` }])
    }
    if (lines.some((x) => x.skuId === l.skuId)) return fail('REQUEST.INVALID_INPUT', '收货明细：规格重复', [{ path: `receipt.lines.${i}.skuId`, message: '规格重复' }])
    lines.push({ skuId: l.skuId, received: l.received, damaged: l.damaged })
  }
  // A SKU left out arrived not at all.
  for (const l of po.lines) if (!lines.some((x) => x.skuId === l.skuId)) lines.push({ skuId: l.skuId, received: 0, damaged: 0 })
  const now = ports.clock.now()
  const receipt: PurchaseReceipt = { at: now, by: { userId: actor.user._id, name: actor.user.nickname }, lines, rating: input.receipt.rating, note: input.receipt.note }
  if (!(await ports.store.update('purchaseOrders', po._id, { set: { status: 'received', receipt, updatedAt: now } }, { status: 'open' }))) {
    return fail('ORDER.PURCHASE_RECEIVED', '这张采购单已收货')
  }
  return ok(purchaseOrderView({ ...po, status: 'received', receipt, updatedAt: now }))
}

const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 100) : null)

export const supplierScorecard: OrderHandler<C['supplierScorecard']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [suppliers, pos] = await Promise.all([
    ports.store.find('suppliers', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 200 }),
    ports.store.find('purchaseOrders', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: LIST_LIMIT })
  ])
  // After-sales: of the paid orders of the pre-sales each supplier was ordered for, how many asked.
  const orders = (await Promise.all(pos.map((p) => findAll(ports.store, 'orders', { campaignId: p.campaignId })))).flat()
  const supplierOf = new Map(pos.map((p) => [p.campaignId, p.supplierId]))
  const out: SupplierScoreViewT[] = suppliers.map((s) => {
    const own = pos.filter((p) => p.supplierId === s._id)
    const received = own.filter((p) => p.receipt)
    let ordered = 0
    let short = 0
    let damaged = 0
    let accepted = 0
    for (const p of received) {
      for (const l of p.lines) {
        const r = p.receipt?.lines.find((x) => x.skuId === l.skuId)
        ordered += l.ordered
        short += Math.max(0, l.ordered - (r?.received ?? 0))
        damaged += r?.damaged ?? 0
      }
      accepted += acceptedFen(p) ?? 0
    }
    const sold = orders.filter((o) => supplierOf.get(o.campaignId) === s._id && (PAID_STATUSES.includes(o.status) || o.afterSale !== null))
    const ratings = received.map((p) => p.receipt?.rating ?? 0)
    return {
      supplierId: s._id,
      supplierName: s.name,
      purchaseOrders: own.length,
      received: received.length,
      onTimePercent: percent(received.filter((p) => onTime(p)).length, received.length),
      shortPercent: percent(short, ordered),
      damagedPercent: percent(damaged, ordered),
      afterSalePercent: percent(sold.filter((o) => o.afterSale !== null).length, sold.length),
      ratingAvg: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
      acceptedFen: accepted
    }
  })
  return ok({ suppliers: out })
}

/** The month's received purchase orders of one supplier, a row per SKU: what is owed for the month. */
export const supplierStatement: OrderHandler<C['supplierStatement']> = async ({ ports, actor }, input) => {
  const supplier = await ports.store.get('suppliers', input.supplierId)
  if (!supplier || supplier.communityId !== actor.communityId) return fail('ORDER.SUPPLIER_NOT_FOUND', '供应商不存在', [{ path: 'supplierId', message: '供应商不存在' }])
  const [year, month] = input.month.split('-').map(Number) as [number, number]
  const from = shanghaiInstant(year, month, 1)
  const to = month === 12 ? shanghaiInstant(year + 1, 1, 1) : shanghaiInstant(year, month + 1, 1)
  const pos = await ports.store.find('purchaseOrders', {
    where: { communityId: actor.communityId, supplierId: supplier._id, status: 'received', 'receipt.at': { gte: from, lt: to } },
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: LIST_LIMIT
  })
  const rows = pos
    .flatMap((p) =>
      p.lines.map((l) => {
        const r = p.receipt?.lines.find((x) => x.skuId === l.skuId)
        const received = r?.received ?? 0
        const damaged = r?.damaged ?? 0
        const accepted = received - damaged
        return {
          purchaseOrderId: p._id,
          receivedAt: p.receipt?.at ?? 0,
          campaignTitle: p.campaignTitle,
          skuName: l.name,
          ordered: l.ordered,
          received,
          damaged,
          accepted,
          costFen: l.costFen,
          amountFen: l.costFen === null ? (accepted === 0 ? 0 : null) : accepted * l.costFen
        }
      })
    )
    .sort((a, b) => a.receivedAt - b.receivedAt)
  const totalFen = rows.some((r) => r.amountFen === null) ? null : rows.reduce((n, r) => n + (r.amountFen ?? 0), 0)
  return ok({ supplierId: supplier._id, supplierName: supplier.name, month: input.month, rows, totalUnits: rows.reduce((n, r) => n + r.accepted, 0), totalFen })
}
