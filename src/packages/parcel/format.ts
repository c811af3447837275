import { COURIER_LABELS, type Courier } from '@contracts/parcel-labels'

/** `顺丰 · 尾号 6789`: how residents and staff tell parcels apart at a glance. */
export function parcelTitle(p: { courier: Courier; trackingTail?: string; trackingNo?: string }): string {
  const tail = p.trackingTail ?? p.trackingNo?.slice(-4) ?? ''
  return `${COURIER_LABELS[p.courier]} · 尾号 ${tail}`
}
