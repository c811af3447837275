import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { maskPlate } from '../insights/mask'
import { NO_HOUSEHOLD } from '../payment/payables'
import type { PaymentDoc } from '../payment/docs'
import { parseSessionPayableId } from './sessions'

/** What stands for the household of a payment no household made, before its stay is known. */
export const DRIVER_PAYER_LABEL = '临停缴费'

/**
 * Who paid, for payments no household made (a driver paying a stay at the exit): `临停缴费 ·
 * 沪B·***56`, by payment id, the plate masked as everywhere staff see one. One batched read of
 * the stays, none when every payment has a household.
 */
export async function driverPayerLabels(ports: Pick<Ports, 'store'>, payments: readonly PaymentDoc[]): Promise<Map<string, string>> {
  const drivers = payments.filter((p) => p.householdId === NO_HOUSEHOLD)
  const out = new Map<string, string>()
  if (drivers.length === 0) return out
  const sessionOf = (p: PaymentDoc) => {
    const line = p.lines.find((l) => l.type === 'parking')
    return line ? parseSessionPayableId(line.id)?.sessionId : undefined
  }
  const sessions = await getMany(ports.store, 'parkingSessions', drivers.flatMap((p) => sessionOf(p) ?? []))
  for (const p of drivers) {
    const s = sessions.get(sessionOf(p) ?? '')
    out.set(p._id, s ? `${DRIVER_PAYER_LABEL} · ${maskPlate(s.plate)}` : DRIVER_PAYER_LABEL)
  }
  return out
}
