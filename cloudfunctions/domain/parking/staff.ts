import type { parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { shanghaiDay } from '../../contracts/shanghai'
import { giveAttemptBack, reserveAttempt } from '../attempts'
import type { ParkingBlacklistDoc, ParkingEventDoc } from './docs'
import { cardCoverEnd } from './barrier'
import { lotIn } from './lots'
import { closeSession, newSession, openSessionOf } from './sessions'
import { driverSessionView, eventView, sessionView } from './views'

type C = typeof parkingContracts

const lotMissing = () => fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '本社区没有这个停车场' }])

export const setBlacklist: ActionHandler<C['setBlacklist']> = async ({ ports, actor }, input) => {
  const lot = await lotIn(ports, actor.communityId, input.lotId)
  if (!lot) return lotMissing()
  const id = `${lot._id}:${input.plate}`
  if (!input.listed) {
    await ports.store.remove('parkingBlacklist', id)
    return ok({ done: true as const })
  }
  const doc: ParkingBlacklistDoc = { _id: id, communityId: lot.communityId, lotId: lot._id, plate: input.plate, reason: input.reason, by: actor.user._id, at: ports.clock.now() }
  if (!(await ports.store.insert('parkingBlacklist', doc)).ok) await ports.store.update('parkingBlacklist', id, { set: { reason: doc.reason, by: doc.by, at: doc.at } })
  return ok({ done: true as const })
}

/** The car with this plate inside one of the community's lots now, with what it owes. */
export const sessionByPlate: ActionHandler<C['sessionByPlate']> = async ({ ports, actor }, input) => {
  const [s] = await ports.store.find('parkingSessions', {
    where: { communityId: actor.communityId, status: 'open', plate: input.plate },
    orderBy: [{ field: 'enteredAt', dir: 'desc' }],
    limit: 1
  })
  const lot = s ? await ports.store.get('parkingLots', s.lotId) : null
  return ok({ session: s && lot ? sessionView(s, lot, ports.clock.now()) : null })
}

/**
 * Plates a person may look up and not find per Shanghai day, at any lot: a mistyped plate or two is
 * normal; trying plate after plate to learn whose car is parked here is not.
 */
export const DRIVER_MISSES_PER_DAY = 20

/**
 * The exit page for whoever stands at the barrier: any signed-in WeChat user, resident or not,
 * looks up the car they typed in the lot whose QR they scanned. The plate must be typed whole
 * (the contract checks it) and misses are counted, so nobody browses plates; the answer names no
 * home. The lookup's attempt is taken alongside the reads and given back when a car is found.
 */
export const driverSession: ActionHandler<C['driverSession']> = async ({ ports, actor }, input) => {
  const key = `parkingLookup:${actor.user._id}:${shanghaiDay(ports.clock.now())}`
  const [attempt, lot, s] = await Promise.all([
    reserveAttempt(ports, key, DRIVER_MISSES_PER_DAY),
    ports.store.get('parkingLots', input.lotId),
    openSessionOf(ports, input.lotId, input.plate)
  ])
  if (attempt === null) return fail('PARKING.TOO_MANY_LOOKUPS', `今天已有 ${DRIVER_MISSES_PER_DAY} 次没有查到车辆，请核对车牌或联系出口值班人员`)
  if (!lot) return fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '没有这个停车场，请重新扫描出口二维码' }])
  if (!s) return ok({ session: null })
  await giveAttemptBack(ports, key, attempt)
  return ok({ session: driverSessionView(s, lot, ports.clock.now()) })
}

export const sessions: ActionHandler<C['sessions']> = async ({ ports, actor }, input) => {
  const lot = await lotIn(ports, actor.communityId, input.lotId)
  if (!lot) return lotMissing()
  const rows = await ports.store.find('parkingSessions', { where: { lotId: lot._id, status: 'open' }, orderBy: [{ field: 'enteredAt', dir: 'desc' }], limit: 500 })
  const now = ports.clock.now()
  return ok({ sessions: rows.map((s) => sessionView(s, lot, now)) })
}

export const exceptions: ActionHandler<C['exceptions']> = async ({ ports, actor }) => {
  const rows = await ports.store.find('parkingEvents', { where: { communityId: actor.communityId, exceptionOpen: 1 }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 200 })
  return ok({ events: rows.map(eventView) })
}

/**
 * Staff open a barrier by hand, with a reason, and it is logged as an event of its own. At an
 * entry with a plate the car's stay starts (the camera missed it); at an exit with a plate, the car's stay ends here (or, with none on record, a closed one is noted), so
 * the camera's next reading of it opens as the same car leaving. An exception it answers is
 * resolved with it. Retried with the same request id, it is the same opening.
 */
export const manualOpen: ActionHandler<C['manualOpen']> = async ({ ports, actor }, input) => {
  const id = `manual:${actor.user._id}:${input.clientRequestId}`
  const [lot, answered, seen] = await Promise.all([
    lotIn(ports, actor.communityId, input.lotId),
    input.eventId ? ports.store.get('parkingEvents', input.eventId) : Promise.resolve(null),
    ports.store.get('parkingEvents', id)
  ])
  if (seen) return ok(eventView(seen))
  if (!lot) return lotMissing()
  if (input.eventId && (!answered || answered.communityId !== actor.communityId)) {
    return fail('PARKING.EVENT_NOT_FOUND', '异常记录不存在', [{ path: 'eventId', label: '异常记录', message: '本社区没有这条记录' }])
  }
  const now = ports.clock.now()
  const plate = input.plate ?? answered?.plate ?? null
  const barrier = lot.barriers.find((b) => b.direction === input.direction)
  let sessionId: string | null = null
  if (plate && input.direction === 'in') {
    // Let in by hand (the camera missed the plate): the stay starts now, as the camera would have
    // started it, so the exit finds it instead of an exit with no entry.
    const [inside, cards] = await Promise.all([
      openSessionOf(ports, lot._id, plate),
      ports.store.find('parkingCards', { where: { lotId: lot._id, plate, status: 'active', validTo: { gt: now } }, limit: 10 })
    ])
    const monthly = cards.some((c) => c.validFrom <= now)
    const s = newSession(ports, lot, plate, { kind: monthly ? 'monthly' : 'temporary', enteredAt: now, eventId: id, hostHouseholdId: null, passId: null, freeUntil: monthly ? cardCoverEnd(cards, now) : null })
    if (!inside && (await ports.store.insert('parkingSessions', s)).ok) sessionId = s._id
    else sessionId = inside?._id ?? null
  }
  if (plate && input.direction === 'out') {
    const inside = await openSessionOf(ports, lot._id, plate)
    const by = { by: actor.user._id, reason: input.reason }
    if (inside && (await closeSession(ports, lot, inside, { at: now, status: 'closed', eventId: id, ...by }))) sessionId = inside._id
    else if (!inside) {
      const s = newSession(ports, lot, plate, { kind: 'temporary', enteredAt: now, eventId: null, hostHouseholdId: null, passId: null })
      await ports.store.insert('parkingSessions', { ...s, status: 'closed', openKey: `closed:${s._id}`, exitedAt: now, exitEventId: id, feeFen: 0, closedBy: by.by, closeReason: by.reason })
      sessionId = s._id
    }
  }
  const doc: ParkingEventDoc = {
    _id: id,
    communityId: lot.communityId,
    lotId: lot._id,
    gateId: barrier?.gateId ?? '',
    doorId: barrier?.doorId ?? '',
    direction: 'manual',
    plate,
    at: now,
    receivedAt: now,
    photo: null,
    sessionId,
    decision: 'open',
    reason: null,
    message: `人工开闸（${input.direction === 'in' ? '入口' : '出口'}）：${input.reason}`,
    dueFen: null,
    matched: true,
    exception: null,
    exceptionOpen: 0,
    resolvedBy: null,
    resolvedAt: null,
    note: input.reason,
    byUserId: actor.user._id,
    byName: actor.user.nickname
  }
  const inserted = await ports.store.insert('parkingEvents', doc)
  if (!inserted.ok) {
    const twin = await ports.store.get('parkingEvents', id)
    if (twin) return ok(eventView(twin))
  }
  if (answered) {
    await ports.store.update(
      'parkingEvents',
      answered._id,
      { set: { exceptionOpen: 0, resolvedBy: actor.user._id, resolvedAt: now, note: `人工开闸：${input.reason}`, byUserId: actor.user._id, byName: actor.user.nickname } },
      { exceptionOpen: 1 }
    )
  }
  ports.log.info('parking barrier opened by hand', { lotId: lot._id, direction: input.direction, plate, by: actor.user._id, reason: input.reason })
  return ok(eventView(doc))
}

