import { PRODUCT_KINDS, type orderContracts } from '../../contracts/order'
import { findAll } from '../../kernel/paging'
import { ok } from '../../kernel/result'
import type { CampaignDoc, OrderDoc } from './docs'
import type { OrderHandler } from './ports'
import { PAID_STATUSES, campaignPhase } from './rules'

export interface Margin {
  /** What buyers paid, net of refunds (after coupons and points: what the community took in). */
  revenueFen: number
  /** The cost of the units still sold: paid and not refunded, at the cost copied into the campaign. */
  costFen: number
  grossFen: number
  /** Gross over revenue, in whole percent; null without revenue. */
  ratePercent: number | null
}

/**
 * A campaign's gross margin from its orders. Null while any SKU that sold has no cost price: a
 * margin that leaves a cost out would read better than it is.
 */
export function campaignMargin(c: Pick<CampaignDoc, 'skus'>, orders: readonly Pick<OrderDoc, 'status' | 'skuId' | 'quantity' | 'paidAt' | 'paidFen' | 'refundedFen'>[]): Margin | null {
  const cost = new Map(c.skus.map((s) => [s.skuId, s.costFen ?? null]))
  let revenueFen = 0
  let costFen = 0
  for (const o of orders) {
    if (o.paidAt !== null) revenueFen += o.paidFen - o.refundedFen
    if (!PAID_STATUSES.includes(o.status)) continue
    const unit = cost.get(o.skuId)
    if (unit === null || unit === undefined) return null
    costFen += unit * o.quantity
  }
  const grossFen = revenueFen - costFen
  return { revenueFen, costFen, grossFen, ratePercent: revenueFen > 0 ? Math.round((grossFen / revenueFen) * 100) : null }
}

/** How far back the margin board looks: a quarter of pre-sales, by when they end. */
const BOARD_DAYS = 90

const sum = (ms: readonly Margin[]): Margin => {
  const revenueFen = ms.reduce((n, m) => n + m.revenueFen, 0)
  const costFen = ms.reduce((n, m) => n + m.costFen, 0)
  const grossFen = revenueFen - costFen
  return { revenueFen, costFen, grossFen, ratePercent: revenueFen > 0 ? Math.round((grossFen / revenueFen) * 100) : null }
}

/**
 * 毛利看板: each pre-sale that ended (or ends) within the last 90 days with its margin, and the
 * lines (商品, 服务套餐, 产品包) summed over the sales whose margin is known. Drafts are left out.
 */
export const marginBoard: OrderHandler<(typeof orderContracts)['marginBoard']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const campaigns = (
    await ports.store.find('campaigns', { where: { communityId: actor.communityId, endAt: { gte: now - BOARD_DAYS * 24 * 3600_000 } }, orderBy: [{ field: 'endAt', dir: 'desc' }], limit: 500 })
  ).filter((c) => c.status !== 'draft')
  const orders = await Promise.all(campaigns.map((c) => findAll(ports.store, 'orders', { campaignId: c._id })))
  const rows = campaigns.map((c, i) => ({
    id: c._id,
    title: c.title,
    productKind: c.productKind,
    supplierName: c.supplierName,
    status: campaignPhase(c, now),
    endAt: c.endAt,
    margin: campaignMargin(c, orders[i] ?? [])
  }))
  const lines = PRODUCT_KINDS.flatMap((kind) => {
    const own = rows.filter((r) => r.productKind === kind)
    if (own.length === 0) return []
    const known = own.flatMap((r) => (r.margin ? [r.margin] : []))
    return [{ kind, campaigns: own.length, unknown: own.length - known.length, margin: sum(known) }]
  })
  return ok({ campaigns: rows, lines })
}
