import Taro from '@tarojs/taro'
import type { Purchase } from '@contracts/member'
import { pageLink } from '../utils/link'

/**
 * The coupon picker, for any checkout: what is being bought travels in the picker's link (by id
 * and intention; the server prices it exactly as the order's create will), so the picker also
 * opens from cold or on a reload; the choice comes back on Taro's event center, which works the
 * same in WeChat and H5.
 */
export type { Purchase }

export interface PickRequest {
  purchase: Purchase
  couponId?: string | null
  /** The community the purchase is made in; the picker acts there. */
  communityId?: string
}

/** The picker's answer: a coupon (with what it takes off these items) or `couponId: null` for none. */
export interface PickedCoupon {
  couponId: string | null
  discountFen: number
  title: string
  label: string
}

export const PICKER_PATH = '/packages/member/pages/picker/index'
const PICKED_EVENT = 'member:coupon-picked'

export function pickerLink(req: PickRequest): string {
  const p = req.purchase
  const what = p.kind === 'presale' ? { campaignId: p.campaignId, skuId: p.skuId, quantity: p.quantity } : { lineId: p.lineId }
  return pageLink(PICKER_PATH, { kind: p.kind, ...what, couponId: req.couponId, communityId: req.communityId })
}

/** The request a picker link carries, or null when the link lacks what is being bought. */
export function pickRequestOf(params: Record<string, string | undefined>): PickRequest | null {
  const v = (k: string) => (params[k] ? decodeURIComponent(params[k]) : '')
  const common = { couponId: v('couponId') || null, ...(v('communityId') ? { communityId: v('communityId') } : {}) }
  if (v('kind') === 'booking') return v('lineId') ? { purchase: { kind: 'booking', lineId: v('lineId') }, ...common } : null
  const quantity = Number(v('quantity') || '1')
  if (!v('campaignId') || !v('skuId') || !Number.isInteger(quantity) || quantity <= 0 || quantity > 99) return null
  return { purchase: { kind: 'presale', campaignId: v('campaignId'), skuId: v('skuId'), quantity }, ...common }
}

/**
 * Opens the coupon picker and resolves with the resident's choice, or `null` when they went back
 * without choosing (keep what was chosen). Usage in a checkout page:
 *
 *   const picked = await pickCoupon({ purchase: { kind: 'presale', campaignId, skuId, quantity }, couponId, communityId })
 *   if (picked) setCouponId(picked.couponId)   // then send it with the order
 *
 * The server re-prices everything when the order is placed.
 */
export function pickCoupon(req: PickRequest): Promise<PickedCoupon | null> {
  return new Promise((resolve) => {
    const onPicked = (picked: PickedCoupon | null) => {
      Taro.eventCenter.off(PICKED_EVENT, onPicked)
      resolve(picked)
    }
    Taro.eventCenter.on(PICKED_EVENT, onPicked)
    Taro.navigateTo({ url: pickerLink(req) }).catch(() => onPicked(null))
  })
}

/** The picker page answers its opener (exactly once: a choice, or `null` when left without one). */
export function answerPick(picked: PickedCoupon | null): void {
  Taro.eventCenter.trigger(PICKED_EVENT, picked)
}
