import type { CampaignDoc, OrderDoc } from './docs'
import { PAID_STATUSES } from './rules'

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
