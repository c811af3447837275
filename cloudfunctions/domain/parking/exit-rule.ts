import type { FeeRule } from '../../contracts/parking-fee'
import { dueFen } from './fee'

/** What the barrier does for a car at the exit, decided from its session alone. */
export type ExitVerdict = { open: true; why: 'monthly' | 'free' | 'paid' | 'grace' } | { open: false; dueFen: number }

export interface SessionMoney {
  kind: 'monthly' | 'visitor' | 'temporary'
  enteredAt: number
  /** Everything paid on the session so far. */
  paidFen: number
  lastPaidAt: number | null
}

/**
 * A monthly car leaves freely. Any other leaves when nothing is owed at `at`, or within the grace
 * period after its last payment (the fee may have grown by an hour while the driver walked to the
 * car: that hour is forgiven, never charged twice). Past the grace period only the extra is due.
 */
export function exitVerdict(rule: FeeRule, graceMs: number, s: SessionMoney, at: number): ExitVerdict {
  if (s.kind === 'monthly') return { open: true, why: 'monthly' }
  if (s.lastPaidAt !== null && at - s.lastPaidAt <= graceMs) return { open: true, why: 'grace' }
  const due = dueFen(rule, s, at)
  if (due === 0) return { open: true, why: s.paidFen > 0 ? 'paid' : 'free' }
  return { open: false, dueFen: due }
}
