import type { CardViewT, DriverSessionViewT, EventViewT, LotViewT, SessionViewT, SpaceViewT } from '../../contracts/parking'
import { feeRuleView } from '../../contracts/parking-fee'
import type { ParkingCardDoc, ParkingEventDoc, ParkingLotDoc, ParkingSessionDoc, ParkingSpaceDoc } from './docs'
import { exitVerdict, sessionFee } from './exit-rule'
import { graceMsOf, sessionPayableId } from './sessions'

export function lotView(l: ParkingLotDoc, counts: { occupied: number; temporary: number; openExceptions: number }): LotViewT {
  return {
    id: l._id,
    name: l.name,
    capacity: l.capacity,
    rule: feeRuleView(l.rule),
    graceMinutes: l.graceMinutes,
    platesPerSpace: l.platesPerSpace,
    monthlyFen: l.monthlyFen,
    barriers: l.barriers,
    ...counts
  }
}

export function spaceView(s: ParkingSpaceDoc): SpaceViewT {
  return { id: s._id, lotId: s.lotId, code: s.code, type: s.type, householdId: s.householdId, rentedUntil: s.rentedUntil, plates: s.plates }
}

export function cardView(c: ParkingCardDoc): CardViewT {
  return {
    id: c._id,
    lotId: c.lotId,
    plate: c.plate,
    months: c.months,
    amountFen: c.amountFen,
    validFrom: c.validFrom,
    validTo: c.validTo,
    status: c.status,
    payable: c.status === 'pending' ? { type: 'parkingCard', id: c._id } : null
  }
}

/**
 * A session as the driver and the desk see it at `now`: what it costs so far, and what is due.
 * Within the grace period after a payment nothing is due (the exit opens), so nothing is offered.
 */
export function sessionView(s: ParkingSessionDoc, lot: ParkingLotDoc, now: number): SessionViewT {
  const isOpen = s.status === 'open'
  const feeFen = isOpen ? sessionFee(lot.rule, s, Math.max(now, s.enteredAt)) : (s.feeFen ?? 0)
  const verdict = isOpen ? exitVerdict(lot.rule, graceMsOf(lot), s, Math.max(now, s.enteredAt)) : null
  const due = verdict && !verdict.open ? verdict.dueFen : 0
  return {
    id: s._id,
    lotId: s.lotId,
    lotName: lot.name,
    plate: s.plate,
    kind: s.kind,
    status: s.status,
    enteredAt: s.enteredAt,
    exitedAt: s.exitedAt,
    feeFen,
    paidFen: s.paidFen,
    dueFen: due,
    lastPaidAt: s.lastPaidAt,
    graceUntil: s.lastPaidAt === null ? null : s.lastPaidAt + graceMsOf(lot),
    graceMinutes: lot.graceMinutes,
    coveredUntil: s.kind === 'temporary' ? null : (s.freeUntil ?? null),
    payable: due > 0 ? { type: 'parking', id: sessionPayableId(s) } : null
  }
}

/** The driver's view: the staff and resident view cut down to what the exit page needs. */
export function driverSessionView(s: ParkingSessionDoc, lot: ParkingLotDoc, now: number): DriverSessionViewT {
  const v = sessionView(s, lot, now)
  return { lotId: v.lotId, lotName: v.lotName, plate: v.plate, enteredAt: v.enteredAt, feeFen: v.feeFen, paidFen: v.paidFen, dueFen: v.dueFen, graceUntil: v.graceUntil, graceMinutes: v.graceMinutes, payable: v.payable }
}

export function eventView(e: ParkingEventDoc): EventViewT {
  return {
    id: e._id,
    lotId: e.lotId,
    gateId: e.gateId,
    doorId: e.doorId,
    direction: e.direction,
    plate: e.plate,
    at: e.at,
    photo: e.photo,
    decision: e.decision,
    message: e.message,
    dueFen: e.dueFen,
    exception: e.exception,
    exceptionOpen: e.exceptionOpen === 1,
    note: e.note,
    byName: e.byName
  }
}
