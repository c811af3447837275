/**
 * One-time subscribe-message grants, counted: one document per user and template in
 * `subscriptions`, `_id` `${userId}:${template}`, whose `available` is the number of unused grants.
 * Each accepted wx.requestSubscribeMessage adds one with a conditional `inc` capped at
 * {@link MAX_UNUSED_GRANTS}, so repeated taps never add rows and never count without bound; each
 * subscribe message sent takes one under `available > 0` (WeChat consumes one grant per send).
 *
 * Rows of the older shape (one random-id row per grant, `status: 'granted' | 'used'`, no longer
 * written: events and fee reminders both count here) live in the same collection; the notifier
 * uses them once the counter is empty, so grants recorded before the counter existed are not lost.
 */
import type { Clock } from '../kernel/ports'
import type { Store } from '../kernel/store'

/** More unused grants than this are not kept: a few weeks of reminders, far more than WeChat honours in practice. */
export const MAX_UNUSED_GRANTS = 10

export interface GrantCounterDoc {
  /** `${userId}:${template}` */
  _id: string
  userId: string
  template: string
  /** Unused grants, 0..MAX_UNUSED_GRANTS. */
  available: number
  grantedAt: number
  usedAt?: number
  /** What WeChat answered the last send: `sent`, or the errcode (43101: the user did not subscribe). */
  outcome?: string
}

export const grantCounterId = (userId: string, template: string) => `${userId}:${template}`

/** Counts one accepted grant, unless MAX_UNUSED_GRANTS are already unused. Returns whether it counted. */
export async function addGrant(store: Store, clock: Clock, userId: string, template: string): Promise<boolean> {
  const id = grantCounterId(userId, template)
  const now = clock.now()
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await store.update('subscriptions', id, { inc: { available: 1 }, set: { grantedAt: now } }, { available: { lt: MAX_UNUSED_GRANTS } })) return true
    const doc: GrantCounterDoc = { _id: id, userId, template, available: 1, grantedAt: now }
    if ((await store.insert('subscriptions', doc)).ok) return true
    // The counter exists: it is full, or another request created it between the two calls (try once more).
  }
  return false
}

/** Takes one unused grant for a send (a conditional decrement); the counter's id when there was one. */
export async function takeGrant(store: Store, clock: Clock, userId: string, template: string): Promise<string | null> {
  const id = grantCounterId(userId, template)
  return (await store.update('subscriptions', id, { inc: { available: -1 }, set: { usedAt: clock.now() } }, { available: { gt: 0 } })) ? id : null
}
