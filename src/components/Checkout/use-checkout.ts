import { useEffect, useState } from 'react'
import type { Purchase } from '@contracts/member'
import { api } from '../../client'
import { pickCoupon } from '../../services/member'
import { toastError } from '../../services/result'
import { answerFor } from '../../utils/answer-for'
import { useQuery } from '../../ui/shell'

/** The coupon and points a purchase is asked with, as sent to the preview and to the order itself. */
export interface CheckoutAsk {
  couponId: string | null
  usePoints: boolean
}

export interface CheckoutOptions {
  /** What is being bought, by id; null while not known (nothing is priced then). */
  purchase: Purchase | null
  /** False while the page may not price (a created order, a closed sale, no household yet). */
  enabled?: boolean
  /** The community the purchase is made in; the coupon picker acts there. */
  communityId: string | undefined
  /** A coupon the link already chose (the coupon page's "去使用"). */
  initialCouponId: string | null
  /** False when coupons and points do not apply to the chosen way of paying (paying after the service). */
  discounts?: boolean
}

/**
 * The person's coupon and points choice for one purchase and the server's price for it
 * (`member.checkoutOptions`). Only the server's total for the current choices is ever shown: while
 * another choice is being priced, `total` is null rather than the previous choice's figure.
 */
export function useCheckout({ purchase, enabled = true, communityId, initialCouponId, discounts = true }: CheckoutOptions) {
  const [couponId, setCouponId] = useState(initialCouponId)
  const [usePoints, setUsePoints] = useState(false)
  const ask: CheckoutAsk = { couponId: discounts ? couponId : null, usePoints: discounts && usePoints }
  const choiceKey = `${JSON.stringify(purchase)}|${ask.couponId ?? ''}|${String(ask.usePoints)}`
  const preview = useQuery(
    // Enabled only once there is a purchase.
    () => answerFor(choiceKey, api.member.checkoutOptions({ purchase: purchase!, ...ask })),
    [choiceKey],
    { enabled: purchase !== null && enabled }
  )
  // A coupon that no longer fits (the line changed, or it was used elsewhere) is dropped, and said so.
  useEffect(() => {
    if (!preview.error) return
    toastError(preview.error)
    setCouponId(null)
  }, [preview.error])

  const options = preview.data?.value ?? null
  const quote = options?.quote ?? null
  const chooseCoupon = async () => {
    if (!purchase) return
    const picked = await pickCoupon({ purchase, couponId, communityId })
    if (picked) setCouponId(picked.couponId)
  }
  return {
    ask,
    preview,
    quote,
    total: preview.data?.choice === choiceKey ? (quote?.payableFen ?? null) : null,
    usable: options?.coupons.filter((x) => x.usable).length ?? 0,
    chosenCoupon: couponId ? options?.coupons.find((x) => x.coupon.id === couponId) : undefined,
    pointsUsable: options?.points.maxUsable ?? 0,
    chooseCoupon,
    togglePoints: () => setUsePoints(!usePoints)
  }
}

export type Checkout = ReturnType<typeof useCheckout>
