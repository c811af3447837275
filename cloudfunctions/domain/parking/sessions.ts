import { PARKING_PAY_PAGE } from '../../contracts/parking-labels'
import type { Ports } from '../../kernel/ports'
import { sessionFee } from './exit-rule'
import type { ParkingLotDoc, ParkingSessionDoc } from './docs'

/** Two readings of one plate at one barrier this close together are one car, read twice. */
export const SAME_CAR_MS = 5 * 60_000

export const openKeyOf = (lotId: string, plate: string) => `${lotId}:${plate}`
export const closedKeyOf = (sessionId: string) => `closed:${sessionId}`
export const graceMsOf = (lot: ParkingLotDoc) => lot.graceMinutes * 60_000

/** The payable of a session's next payment: `${sessionId}~${n}`, n its payments so far. */
export const sessionPayableId = (s: Pick<ParkingSessionDoc, '_id' | 'paidCount'>) => `${s._id}~${s.paidCount}`

export function parseSessionPayableId(id: string): { sessionId: string; n: number } | null {
  const m = /^(.+)~(\d{1,4})$/.exec(id)
  return m ? { sessionId: m[1]!, n: Number(m[2]) } : null
}

/** The exit QR's page: the lot is in it, so a driver who lives elsewhere can look the car up and pay. */
export function payPath(communityId: string, lotId: string, plate: string): string {
  const q = (v: string) => encodeURIComponent(v)
  return `${PARKING_PAY_PAGE}?communityId=${q(communityId)}&lotId=${q(lotId)}&plate=${q(plate)}`
}

export async function openSessionOf(ports: Ports, lotId: string, plate: string): Promise<ParkingSessionDoc | null> {
  const [s] = await ports.store.find('parkingSessions', { where: { openKey: openKeyOf(lotId, plate) }, limit: 1 })
  return s ?? null
}

/**
 * Closes an open session, once: one conditional update moves it out of `open` and frees its open
 * key together, so of two exits racing (a camera's re-sent reading, staff opening by hand) one
 * closes it and the other finds it closed.
 */
export function closeSession(
  ports: Ports,
  lot: ParkingLotDoc,
  s: ParkingSessionDoc,
  close: { at: number; status: 'closed' | 'replaced'; eventId: string | null; by?: string; reason?: string }
): Promise<boolean> {
  const feeFen = sessionFee(lot.rule, s, Math.max(close.at, s.enteredAt))
  return ports.store.update(
    'parkingSessions',
    s._id,
    {
      set: {
        status: close.status,
        openKey: closedKeyOf(s._id),
        exitedAt: close.at,
        exitEventId: close.eventId,
        feeFen,
        closedBy: close.by ?? null,
        closeReason: close.reason ?? null,
        updatedAt: ports.clock.now()
      }
    },
    { status: 'open' }
  )
}

export function newSession(
  ports: Ports,
  lot: ParkingLotDoc,
  plate: string,
  o: { kind: ParkingSessionDoc['kind']; enteredAt: number; eventId: string | null; hostHouseholdId: string | null; passId: string | null; freeUntil?: number | null }
): ParkingSessionDoc {
  const id = ports.random.id()
  return {
    _id: id,
    communityId: lot.communityId,
    lotId: lot._id,
    plate,
    kind: o.kind,
    status: 'open',
    openKey: openKeyOf(lot._id, plate),
    enteredAt: o.enteredAt,
    entryEventId: o.eventId,
    exitedAt: null,
    exitEventId: null,
    hostHouseholdId: o.hostHouseholdId,
    passId: o.passId,
    freeUntil: o.freeUntil ?? null,
    paidFen: 0,
    paidCount: 0,
    lastPaidAt: null,
    charges: [],
    feeFen: null,
    closedBy: null,
    closeReason: null,
    updatedAt: ports.clock.now()
  }
}
