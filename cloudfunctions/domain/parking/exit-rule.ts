import type { FeeRule } from '../../contracts/parking-fee'
import { parkingFee } from './fee'

/** What the barrier does for a car at the exit, decided from its session alone. */
export type ExitVerdict = { open: true; why: 'monthly' | 'visitor' | 'free' | 'paid' | 'grace' } | { open: false; dueFen: number }

export interface SessionMoney {
  kind: 'monthly' | 'visitor' | 'temporary'
  enteredAt: number
  /** Everything paid on the session so far. */
  paidFen: number
  lastPaidAt: number | null
  /**
   * Until when a monthly card or a visitor pass covers the stay (its `validTo`); null or absent:
   * not covered. A monthly session stored before this field existed has none and stays free.
   */
  freeUntil?: number | null
}

/** Whether a monthly or visitor stay is still covered at `at` by its card or pass. */
function covered(s: SessionMoney, at: number): boolean {
  if (s.kind === 'temporary') return false
  if (s.freeUntil === undefined || s.freeUntil === null) return s.kind === 'monthly'
  return at < s.freeUntil
}

/**
 * The fee of a stay at `at`. A temporary stay is priced from its entry. A monthly or visitor stay
 * costs nothing while its card or pass covers it; once that ends mid-stay the car is a temporary
 * one from that instant: priced under the lot's rule from the cover's end (free minutes
 * included), never from the entry, as the hours before were paid for by the card or granted by
 * the pass. A visitor session without a stored cover (written before covers existed) was always
 * charged from its entry and still is.
 */
export function sessionFee(rule: FeeRule, s: SessionMoney, at: number): number {
  if (s.kind === 'temporary' || ((s.freeUntil === undefined || s.freeUntil === null) && s.kind === 'visitor')) return parkingFee(rule, s.enteredAt, at)
  if (covered(s, at)) return 0
  const from = Math.max(s.enteredAt, s.freeUntil ?? s.enteredAt)
  return parkingFee(rule, from, at)
}

/**
 * A monthly car leaves freely while its card covers it, a visitor while the host's pass does. Any other leaves when nothing is owed at `at`, or within the grace
 * period after its last payment (the fee may have grown by an hour while the driver walked to the
 * car: that hour is forgiven, never charged twice). Past the grace period only the extra is due.
 */
export function exitVerdict(rule: FeeRule, graceMs: number, s: SessionMoney, at: number): ExitVerdict {
  if (covered(s, at)) return { open: true, why: s.kind === 'visitor' ? 'visitor' : 'monthly' }
  if (s.lastPaidAt !== null && at - s.lastPaidAt <= graceMs) return { open: true, why: 'grace' }
  const due = Math.max(0, sessionFee(rule, s, at) - s.paidFen)
  if (due === 0) return { open: true, why: s.paidFen > 0 ? 'paid' : 'free' }
  return { open: false, dueFen: due }
}
