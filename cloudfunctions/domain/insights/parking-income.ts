import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { put } from '../../kernel/put'
import type { PaymentDoc, RefundDoc } from '../payment/docs'
import { refundsByPayment, succeededByLine } from '../payment/view'
import type { ParkingIncomeDoc } from './docs'
import { dayOf } from './time'

/** The sync's marks (sync.ts), as much of them as this needs: days to recompute. */
interface DayMarks {
  day(day: string): Promise<void>
}

/**
 * A payment's parking lines as the dashboard counts them, or null when it has none left to count.
 * Same definitions as orders: counted on the Shanghai day of payment, net of the refunds that
 * succeeded; a line refunded in full stops counting. Only a payment the ledger booked (`paid`)
 * counts: money held as an anomaly never entered it.
 */
export function projectParkingIncome(p: PaymentDoc, refunds: readonly RefundDoc[], now: number): ParkingIncomeDoc | null {
  if (p.status !== 'paid' || p.paidAt === undefined) return null
  const refunded = succeededByLine(refunds)
  const stays: [number, number] = [0, 0]
  const cards: [number, number] = [0, 0]
  for (const l of p.lines) {
    const kind = l.type === 'parking' ? stays : l.type === 'parkingCard' ? cards : null
    const net = Math.max(0, l.amountFen - (refunded.get(l.key) ?? 0))
    if (!kind || net === 0) continue
    kind[0] += 1
    kind[1] += net
  }
  if (stays[0] + cards[0] === 0) return null
  return { _id: p._id, communityId: p.communityId, day: dayOf(p.paidAt), paidAt: p.paidAt, stays, cards, updatedAt: now }
}

function sameIncome(a: ParkingIncomeDoc, b: ParkingIncomeDoc): boolean {
  return a.communityId === b.communityId && a.day === b.day && a.stays.join() === b.stays.join() && a.cards.join() === b.cards.join()
}

/**
 * Re-projects the payments a page of ledger entries names (money in, or a refund out) and marks
 * the days whose parking figures moved. Payments without parking lines project to nothing and
 * cost no write; their refunds are read with the page's payments, once, in one query.
 */
export async function applyLedgerPage(ports: Ports, paymentIds: readonly string[], marks: DayMarks): Promise<number> {
  const ids = [...new Set(paymentIds)]
  const [payments, stored] = await Promise.all([getMany(ports.store, 'payments', ids), getMany(ports.store, 'parkingIncome', ids)])
  const parking = [...payments.values()].filter((p) => p.lines.some((l) => l.type === 'parking' || l.type === 'parkingCard'))
  if (parking.length === 0 && stored.size === 0) return 0
  const refunds = await refundsByPayment(ports, parking.map((p) => p._id))
  const now = ports.clock.now()
  let written = 0
  for (const id of ids) {
    const p = payments.get(id)
    const fresh = p ? projectParkingIncome(p, refunds.get(id) ?? [], now) : null
    const old = stored.get(id)
    if (fresh === null && !old) continue
    if (fresh !== null && old && sameIncome(old, fresh)) continue
    // Marks first, as for purchases: a rerun after a dying write would see nothing changed.
    if (old) await marks.day(old.day)
    if (fresh) await marks.day(fresh.day)
    if (fresh === null) await ports.store.remove('parkingIncome', id)
    else await put(ports.store, 'parkingIncome', fresh)
    written++
  }
  return written
}
