import type { PassStatusT, VisitorPassViewT } from '../../contracts/access'
import { maskPhone } from '../user/format'
import type { VisitorPassDoc } from './docs'

/** What a pass is now: the stored status plus what the clock and the counter say. */
export function passStatus(p: VisitorPassDoc, now: number): PassStatusT {
  if (p.status === 'revoked') return 'revoked'
  if (p.status === 'expired' || p.validTo <= now) return 'expired'
  if (p.uses >= p.maxUses) return 'used_up'
  return 'active'
}

export function passView(p: VisitorPassDoc, label: string, now: number): VisitorPassViewT {
  return {
    id: p._id,
    token: p.token,
    visitorName: p.visitorName,
    phoneMasked: maskPhone(p.visitorPhone) ?? '',
    purpose: p.purpose,
    plate: p.plate,
    householdLabel: label,
    validFrom: p.validFrom,
    validTo: p.validTo,
    maxUses: p.maxUses,
    uses: p.uses,
    status: passStatus(p, now),
    lastUsedAt: p.lastUsedAt,
    createdAt: p.createdAt
  }
}
