import { DENY_TEXT, type DenyReason } from '../../contracts/gate'
import { BARRIER_FUTURE_SKEW_MS, BARRIER_TEXT, type BarrierAnswer, BarrierEventBody, type BarrierEventBodyT, type BarrierReason } from '../../contracts/parking-barrier'
import type { EventException } from '../../contracts/parking-labels'
import { isPlate, normalizePlateText } from '../../contracts/plate'
import { formatFenText } from '../format-money'
import type { Ports } from '../../kernel/ports'
import { answerSignature } from '../access/device-auth'
import { type GateRequest, authenticateDevice } from '../access/device-request'
import type { GateDoc, VisitorPassDoc } from '../access/docs'
import type { LotBarrier, ParkingCardDoc, ParkingEventDoc, ParkingLotDoc, ParkingSessionDoc } from './docs'
import { exitVerdict, sessionFee } from './exit-rule'
import { SAME_CAR_MS, closeSession, graceMsOf, newSession, openSessionOf, payPath } from './sessions'

/**
 * A barrier camera reports a plate at a lot's entry or exit. The device proves itself as a gate
 * does (signature, clock, enabled, nonce), then the reading is decided and recorded once under
 * the camera's own event id. Nothing here uses more than one document per invariant: a plate's
 * one open session is a unique key, closing it a conditional update, a re-sent reading the
 * event's key, so duplicates and races are resolved without transactions and a stay is never
 * charged twice (money only moves through the payment module, against the session's sequence).
 */
interface Outcome {
  decision: 'open' | 'deny'
  reason: BarrierReason | null
  message: string
  sessionId: string | null
  dueFen: number | null
  matched: boolean
  exception: EventException | null
  /** Whether the exception waits for staff (an exit nobody can price), or is only noted. */
  exceptionOpen: boolean
}

const open = (message: string, sessionId: string | null, extra: Partial<Outcome> = {}): Outcome => ({
  decision: 'open',
  reason: null,
  message,
  sessionId,
  dueFen: null,
  matched: true,
  exception: null,
  exceptionOpen: false,
  ...extra
})

const deny = (reason: BarrierReason, extra: Partial<Outcome> = {}): Outcome => ({
  decision: 'deny',
  reason,
  message: BARRIER_TEXT[reason],
  sessionId: null,
  dueFen: null,
  matched: true,
  exception: null,
  exceptionOpen: false,
  ...extra
})

/** The reading checked before anything is looked up or written: a readable plate, a time not ahead of ours. */
function precheck(body: string, now: number): BarrierReason | null {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return null
  }
  const parsed = BarrierEventBody.safeParse(json)
  if (!parsed.success) return null
  if (!isPlate(normalizePlateText(parsed.data.plate))) return 'PLATE_MALFORMED'
  if (parsed.data.at > now + BARRIER_FUTURE_SKEW_MS) return 'EVENT_IN_FUTURE'
  return null
}

export async function barrierEvent(ports: Ports, req: GateRequest, requestId: string): Promise<BarrierAnswer> {
  const now = ports.clock.now()
  const reply = (decision: 'open' | 'deny', reason: BarrierReason | DenyReason | null, message: string, more: { plate?: string | null; dueFen?: number | null; payPath?: string | null; secret?: Buffer | null; nonce?: string } = {}): BarrierAnswer => {
    const a: BarrierAnswer = { decision, reason, message, plate: more.plate ?? null, dueFen: more.dueFen ?? null, payPath: more.payPath ?? null, requestId, serverTime: now }
    if (more.secret && more.nonce) a.sig = answerSignature(more.secret, more.nonce, decision, reason, now)
    return a
  }
  // Refused before the device is even looked up, so a bad reading leaves no trace, not even its nonce.
  const early = precheck(req.body, now)
  if (early) return reply('deny', early, BARRIER_TEXT[early])

  const auth = await authenticateDevice(ports, 'barrier', req, BarrierEventBody)
  if (!auth.ok) {
    ports.log.warn('barrier request refused', { requestId, reason: auth.reason, deviceId: auth.claimed.deviceId })
    return reply('deny', auth.reason, DENY_TEXT[auth.reason], { secret: auth.secret, nonce: auth.claimed.nonce })
  }
  const { gate, secret, body } = auth
  const plate = normalizePlateText(body.plate)
  const signed = { secret, nonce: body.nonce, plate }
  const eventKey = `${gate._id}:${body.eventId}`
  const [lots, seen] = await Promise.all([
    ports.store.find('parkingLots', { where: { communityId: gate.communityId }, limit: 50 }),
    ports.store.get('parkingEvents', eventKey)
  ])
  if (seen) return answerOf(seen, reply, signed)
  const found = barrierAt(lots, gate._id, body.door)
  if (!found) return reply('deny', 'NOT_A_BARRIER', BARRIER_TEXT.NOT_A_BARRIER, signed)
  const { lot, barrier } = found

  const outcome = barrier.direction === 'in' ? await entry(ports, lot, plate, body, eventKey) : await exit(ports, lot, plate, body, eventKey)
  const doc = eventDoc(gate, lot, barrier, plate, body, eventKey, outcome, now)
  const inserted = await ports.store.insert('parkingEvents', doc)
  if (!inserted.ok) {
    // A twin of this reading got here first: its answer is this one's.
    const twin = await ports.store.get('parkingEvents', eventKey)
    if (twin) return answerOf(twin, reply, signed)
  }
  return answerOf(doc, reply, signed)
}

/** The lot whose entry or exit this gate's door is. */
export function barrierAt(lots: readonly ParkingLotDoc[], gateId: string, doorId: string): { lot: ParkingLotDoc; barrier: LotBarrier } | null {
  for (const lot of lots) {
    const barrier = lot.barriers.find((b) => b.gateId === gateId && b.doorId === doorId)
    if (barrier) return { lot, barrier }
  }
  return null
}

type Reply = (decision: 'open' | 'deny', reason: BarrierReason | null, message: string, more: { plate?: string | null; dueFen?: number | null; payPath?: string | null; secret?: Buffer | null; nonce?: string }) => BarrierAnswer

function answerOf(e: ParkingEventDoc, reply: Reply, signed: { secret: Buffer; nonce: string; plate: string }): BarrierAnswer {
  const decision = e.decision ?? 'deny'
  const reason = (e.reason as BarrierReason | null) ?? null
  return reply(decision, reason, e.message, { ...signed, dueFen: e.dueFen, payPath: e.dueFen ? payPath(e.communityId, e.lotId, signed.plate) : null })
}

function eventDoc(gate: GateDoc, lot: ParkingLotDoc, b: LotBarrier, plate: string, body: BarrierEventBodyT, key: string, o: Outcome, now: number): ParkingEventDoc {
  return {
    _id: key,
    communityId: lot.communityId,
    lotId: lot._id,
    gateId: gate._id,
    doorId: b.doorId,
    direction: b.direction,
    plate,
    at: body.at,
    receivedAt: now,
    photo: body.photo ?? null,
    sessionId: o.sessionId,
    decision: o.decision,
    reason: o.reason,
    message: o.message,
    dueFen: o.dueFen,
    matched: o.matched,
    exception: o.exception,
    exceptionOpen: o.exceptionOpen ? 1 : 0,
    resolvedBy: null,
    resolvedAt: null,
    note: null,
    byUserId: null,
    byName: null
  }
}

function activeCard(cards: readonly ParkingCardDoc[], at: number): ParkingCardDoc | undefined {
  return cards.find((c) => c.status === 'active' && c.validFrom <= at && at < c.validTo)
}

/**
 * Where the plate's monthly cover ends, from `from` on: cards bought back to back (a renewal
 * starts where the current card ends) are one cover, so a car parked across the renewal stays free.
 */
export function cardCoverEnd(cards: readonly ParkingCardDoc[], from: number): number {
  let end = from
  for (const c of [...cards].filter((c) => c.status === 'active').sort((a, b) => a.validFrom - b.validFrom)) {
    if (c.validFrom <= end && c.validTo > end) end = c.validTo
  }
  return end
}

/** A pass that names the plate and lets a car in at `at`: active, begun, not ended, with a visit left. */
function activePass(passes: readonly VisitorPassDoc[], at: number): VisitorPassDoc | undefined {
  return passes.find((p) => p.status === 'active' && p.validFrom <= at && at < p.validTo && p.uses < p.maxUses)
}

/**
 * The car's entry is one of the pass's visits, counted as the gates count a visitor's entry
 * (access/verify.ts): one conditional update that re-checks it is still active, unused up and
 * unexpired, so a pass revoked or used up at a gate meanwhile does not let the car in free.
 */
function takePassUse(ports: Ports, pass: VisitorPassDoc, at: number): Promise<boolean> {
  return ports.store.update('visitorPasses', pass._id, { inc: { uses: 1 }, set: { lastUsedAt: at } }, { status: 'active', uses: { lt: pass.maxUses }, validTo: { gt: at } })
}

/**
 * A visitor stay whose pass could not give it a visit (used up or revoked a moment ago) is a
 * temporary one from its entry; the host stays on it, so they can still pay for their guest.
 */
async function visitOrTemporary(ports: Ports, s: ParkingSessionDoc, pass: VisitorPassDoc | undefined, at: number): Promise<ParkingSessionDoc['kind']> {
  if (s.kind !== 'visitor' || !pass) return s.kind
  if (await takePassUse(ports, pass, at)) return 'visitor'
  await ports.store.update('parkingSessions', s._id, { set: { kind: 'temporary', freeUntil: null, updatedAt: ports.clock.now() } }, { kind: 'visitor' })
  return 'temporary'
}

const welcome = (kind: ParkingSessionDoc['kind']) => (kind === 'monthly' ? '月卡车，欢迎回家' : kind === 'visitor' ? '访客车辆，欢迎来访' : '欢迎光临，临时停车')

async function entry(ports: Ports, lot: ParkingLotDoc, plate: string, body: BarrierEventBodyT, eventKey: string): Promise<Outcome> {
  const at = body.at
  const [listed, inside, cards, passes, exits] = await Promise.all([
    ports.store.get('parkingBlacklist', `${lot._id}:${plate}`),
    openSessionOf(ports, lot._id, plate),
    ports.store.find('parkingCards', { where: { lotId: lot._id, plate, status: 'active', validTo: { gt: at } }, limit: 10 }),
    ports.store.find('visitorPasses', { where: { communityId: lot.communityId, plate, validTo: { gt: at } }, limit: 10 }),
    ports.store.find('parkingEvents', { where: { lotId: lot._id, plate, direction: 'out', matched: false }, limit: 10 })
  ])
  if (listed) return deny('BLACKLISTED', { exception: 'blacklisted' })
  const card = activeCard(cards, at)
  const pass = card ? undefined : activePass(passes, at)
  const kind = card ? 'monthly' : pass ? 'visitor' : 'temporary'
  // A card covers the stay to its end (renewals chained), a pass to its end: past it the stay is priced.
  const freeUntil = card ? cardCoverEnd(cards, at) : pass ? pass.validTo : null
  const host = { hostHouseholdId: pass?.householdId ?? null, passId: pass?._id ?? null, freeUntil }

  // An exit already on record after this entry's time: the camera's upload came late. The stay is
  // recorded closed, priced from both times, and the exit is matched; nothing is charged twice.
  const later = exits.filter((e) => e.at >= at).sort((a, b) => a.at - b.at)[0]
  if (later) {
    const s = newSession(ports, lot, plate, { kind, enteredAt: at, eventId: eventKey, ...host })
    const feeFen = sessionFee(lot.rule, s, later.at)
    const closed: ParkingSessionDoc = { ...s, status: 'closed', openKey: `closed:${s._id}`, exitedAt: later.at, exitEventId: later._id, feeFen, closeReason: 'late_entry' }
    const matched = await ports.store.update('parkingEvents', later._id, { set: { matched: true, sessionId: s._id, note: feeFen > 0 ? `已匹配迟到的入场记录：应收 ${formatFenText(feeFen)} 未收` : '已匹配迟到的入场记录：无需收费' } }, { matched: false })
    // The visit happened: it counts against the pass like any other (the fee above already assumed it).
    if (matched && (await ports.store.insert('parkingSessions', closed)).ok && pass) await takePassUse(ports, pass, at)
    return open(welcome(kind), matched ? s._id : null, { exception: 'late_entry' })
  }

  if (inside) {
    // The same car read twice (or a reading older than the stay): one stay.
    if (at - inside.enteredAt <= SAME_CAR_MS || at <= inside.enteredAt) return open(welcome(inside.kind), inside._id)
    // Inside by our records, yet entering again: its exit was missed. That stay ends here, unpriced
    // beyond what the fee rule says, and staff see it.
    await closeSession(ports, lot, inside, { at, status: 'replaced', eventId: eventKey, reason: '未记录出场，再次入场' })
  }
  const s = newSession(ports, lot, plate, { kind, enteredAt: at, eventId: eventKey, ...host })
  const flagged = inside ? { exception: 'entry_while_inside' as const, exceptionOpen: true } : {}
  // The pass's visit is taken only once the stay exists, so two lanes reading one car take one visit.
  if ((await ports.store.insert('parkingSessions', s)).ok) return open(welcome(await visitOrTemporary(ports, s, pass, at)), s._id, flagged)
  // Another reading of this car opened the stay a moment ago.
  const twin = await openSessionOf(ports, lot._id, plate)
  return open(welcome(kind), twin?._id ?? null, flagged)
}

async function exit(ports: Ports, lot: ParkingLotDoc, plate: string, body: BarrierEventBodyT, eventKey: string): Promise<Outcome> {
  const at = body.at
  const [[latest], cards] = await Promise.all([
    ports.store.find('parkingSessions', { where: { lotId: lot._id, plate }, orderBy: [{ field: 'enteredAt', dir: 'desc' }], limit: 1 }),
    ports.store.find('parkingCards', { where: { lotId: lot._id, plate, status: 'active', validTo: { gt: at } }, limit: 10 })
  ])
  if (latest && latest.status === 'open') {
    // A reading older than the stay it would end is an earlier exit uploaded late: it must not
    // end (or price) the car's current stay.
    if (at < latest.enteredAt) return open('一路顺风', null)
    // A card renewed while the car was parked extends its cover: the exit reads the cards anyway.
    const renewed = latest.kind === 'monthly' && typeof latest.freeUntil === 'number' ? cardCoverEnd(cards, latest.freeUntil) : null
    if (renewed !== null && renewed !== latest.freeUntil) {
      await ports.store.update('parkingSessions', latest._id, { set: { freeUntil: renewed } }, { status: 'open' })
      return leave(ports, lot, { ...latest, freeUntil: renewed }, at, eventKey)
    }
    return leave(ports, lot, latest, at, eventKey)
  }
  const card = activeCard(cards, at)
  // Let out a moment ago (by the camera or by staff): the same car read again.
  if (latest && latest.exitedAt !== null && Math.abs(at - latest.exitedAt) <= SAME_CAR_MS) return open('一路顺风', latest._id)
  if (card) return open('月卡车，一路顺风', null, { matched: false, exception: 'exit_without_entry' })
  return deny('NO_ENTRY', { matched: false, exception: 'exit_without_entry', exceptionOpen: true })
}

async function leave(ports: Ports, lot: ParkingLotDoc, s: ParkingSessionDoc, at: number, eventKey: string): Promise<Outcome> {
  const verdict = exitVerdict(lot.rule, graceMsOf(lot), s, at)
  if (!verdict.open) return deny('PAYMENT_DUE', { sessionId: s._id, dueFen: verdict.dueFen, message: `请缴费 ${formatFenText(verdict.dueFen)} 后出场` })
  // Whoever closes it, the car leaves: a racing reading finds it closed and is the same car.
  await closeSession(ports, lot, s, { at, status: 'closed', eventId: eventKey })
  return open('一路顺风', s._id)
}
