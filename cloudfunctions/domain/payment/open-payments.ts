import type { PayableType } from '../../contracts/pay'
import type { Ports } from '../../kernel/ports'
import type { PaymentDoc } from './docs'

/**
 * At most one open payment per payable. Each payable's claim is a document keyed by the payable
 * (`bill:<id>`), taken by insert, so of any number of parallel creates for one bill or order
 * exactly one holds it: without this, 20 creates with different request ids opened 20 payments,
 * and paying them all charged 20 times (19 refunded later).
 */
export interface PayableClaimDoc {
  /** `${type}:${id}` of the payable. */
  _id: string
  paymentId: string
  userId: string
  createdAt: number
}

export const claimKey = (type: PayableType, id: string) => `${type}:${id}`

/** A claim whose payment never got written (a create cut short before its insert) is free after this. */
const UNWRITTEN_CLAIM_MS = 60_000

/**
 * Whether the claim still holds: its payment can still be paid. A payment past its window cannot
 * (WeChat Pay refuses it after `time_expire`), nor can a closed, failed or settled one.
 */
function holds(claim: PayableClaimDoc, holder: PaymentDoc | null, now: number): boolean {
  if (!holder) return now - claim.createdAt < UNWRITTEN_CLAIM_MS
  if (holder.status !== 'created' && holder.status !== 'awaiting') return false
  return now < holder.expiresAt
}

export type ClaimOutcome = { ok: true } | { ok: false; holder: PaymentDoc | null }

/**
 * Claims every payable of `payment` (sorted, so two creates never each hold half of the other's
 * set). On a conflict, the claims taken are given back and the open payment in the way is
 * returned (null while its create is still writing it).
 */
export async function claimPayables(ports: Ports, payment: PaymentDoc): Promise<ClaimOutcome> {
  const now = ports.clock.now()
  const keys = [...new Set(payment.lines.map((l) => claimKey(l.type, l.id)))].sort()
  const taken: string[] = []
  for (const key of keys) {
    const res = await claimOne(ports, key, payment, now)
    if (res.ok) {
      taken.push(key)
      continue
    }
    for (const k of taken) await ports.store.remove('payableClaims', k, { paymentId: payment._id })
    return res
  }
  return { ok: true }
}

async function claimOne(ports: Ports, key: string, payment: PaymentDoc, now: number): Promise<ClaimOutcome> {
  const doc: PayableClaimDoc = { _id: key, paymentId: payment._id, userId: payment.userId, createdAt: now }
  if ((await ports.store.insert('payableClaims', doc)).ok) return { ok: true }
  // Taken: read what is there, and take it over only from a payment that can no longer be paid.
  const claim = await ports.store.get('payableClaims', key)
  if (!claim) return (await ports.store.insert('payableClaims', doc)).ok ? { ok: true } : { ok: false, holder: null }
  if (claim.paymentId === payment._id) return { ok: true }
  const holder = await ports.store.get('payments', claim.paymentId)
  if (holds(claim, holder, now)) return { ok: false, holder }
  const { _id, ...fresh } = doc
  const moved = await ports.store.update('payableClaims', key, { set: fresh }, { paymentId: claim.paymentId })
  return moved ? { ok: true } : { ok: false, holder: null }
}

/** Gives back a payment's claims once it can no longer be paid (closed, failed). */
export async function releaseClaims(ports: Ports, payment: Pick<PaymentDoc, '_id' | 'lines'>): Promise<void> {
  for (const l of payment.lines) await ports.store.remove('payableClaims', claimKey(l.type, l.id), { paymentId: payment._id })
}

/**
 * Closes a payment that is still open: at WeChat Pay first, so it can no longer be paid, then
 * here. Returns false when WeChat Pay did not close it (paid meanwhile, or unreachable): a payment
 * that then succeeds is settled, or refunded automatically if its payable is gone.
 */
export async function closePayment(ports: Ports, p: PaymentDoc, why: string): Promise<boolean> {
  if (p.status !== 'created' && p.status !== 'awaiting') return false
  try {
    await ports.payment.close(p.outTradeNo)
  } catch (e) {
    ports.log.warn('closing a payment at the gateway failed', { paymentId: p._id, why, error: String(e) })
    return false
  }
  const closed = await ports.store.update('payments', p._id, { set: { status: 'closed', updatedAt: ports.clock.now() } }, { status: { in: ['created', 'awaiting'] } })
  if (closed) await releaseClaims(ports, p)
  return closed
}

/**
 * The open payment of a payable that is going away (an order or booking cancelled before it was
 * paid) is closed at WeChat Pay, so the resident cannot pay for something cancelled.
 */
export async function closeOpenPaymentOf(ports: Ports, type: PayableType, id: string, why: string): Promise<void> {
  const claim = await ports.store.get('payableClaims', claimKey(type, id))
  if (!claim) return
  const p = await ports.store.get('payments', claim.paymentId)
  if (p) await closePayment(ports, p, why)
}
