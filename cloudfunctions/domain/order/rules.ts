import { type CampaignStatus, ORDER_CODE_ALPHABET, type OrderStatus } from '../../contracts/order'
import type { Ports } from '../../kernel/ports'
import type { CampaignDoc, OrderDoc } from './docs'

const MINUTE = 60_000

/** How long a resident has to pay an order. */
export const ORDER_PAY_WINDOW_MS = 15 * MINUTE
/** An order placed just before the end still gets this long to pay. */
export const MIN_PAY_WINDOW_MS = 5 * MINUTE
/** After the window (and any payment opened in it) this much longer before expiring. */
export const EXPIRY_GRACE_MS = 2 * MINUTE
/**
 * A `reserving` order untouched this long was interrupted (a function times out after 20 s):
 * the sweeper rejects it and gives its reservations back.
 */
export const RESERVING_STALE_MS = MINUTE
/** Settlement waits this long after the end, well past any create that began before it. */
export const SETTLE_GRACE_MS = MINUTE
/** Failed refunds are retried this often before they are left to a person. */
export const MAX_REFUND_ATTEMPTS = 5

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Order ids are also field names in the counters' `holds` maps: letters and digits only. */
export function newOrderId(ports: Ports): string {
  return `o${ports.random.code(15, ID_ALPHABET)}`
}

export function newId(ports: Ports, prefix: string): string {
  return `${prefix}${ports.random.code(12, ID_ALPHABET)}`
}

export function newOrderCode(ports: Ports): string {
  return ports.random.code(8, ORDER_CODE_ALPHABET)
}

export const stockId = (campaignId: string, skuId: string) => `${campaignId}:${skuId}`
export const quotaId = (campaignId: string, householdId: string) => `${campaignId}:${householdId}`

/**
 * The campaign's state now. Stored `scheduled`/`live`/`ended` lag behind the clock until a job
 * writes them; this reads the clock, so the start and the end are exact.
 */
export function campaignPhase(c: CampaignDoc, now: number): CampaignStatus {
  if (c.status === 'scheduled' || c.status === 'live' || c.status === 'ended') {
    if (now < c.startAt) return 'scheduled'
    if (now < c.endAt) return 'live'
    return 'ended'
  }
  return c.status
}

/** When an order must be paid by: the full window, but not much past the campaign's end. */
export function payDeadline(c: CampaignDoc, now: number, windowMs = ORDER_PAY_WINDOW_MS): number {
  return Math.min(now + windowMs, Math.max(c.endAt, now + MIN_PAY_WINDOW_MS))
}

/** Orders that still hold stock and count against the household limit. */
export const HOLDING_STATUSES: readonly OrderStatus[] = ['reserving', 'pending_payment', 'paid', 'confirmed', 'delivered']
/** Orders whose money is in: they count towards the threshold. */
export const PAID_STATUSES: readonly OrderStatus[] = ['paid', 'confirmed', 'delivered']
/** Orders not finished yet: settlement waits for them. */
export const OPEN_STATUSES: readonly OrderStatus[] = ['reserving', 'pending_payment']

/** Whether an order in this state should give its reservations back. */
export function shouldRelease(o: Pick<OrderDoc, 'status' | 'refundReason'>): boolean {
  if (o.status === 'expired' || o.status === 'cancelled' || o.status === 'rejected') return true
  return (o.status === 'refunding' || o.status === 'refunded') && o.refundReason === 'cancel'
}
