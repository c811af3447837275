import { DENY_TEXT, type DenyReason, type GateAnswer, GateVerifyBody } from '../../contracts/gate'
import type { Ports } from '../../kernel/ports'
import { type ParsedCode, parseCode } from './code'
import { answerSignature } from './device-auth'
import { type GateRequest, authenticateDevice } from './device-request'
import type { AccessLogDoc, DoorSpec, GateDoc, UsedCodeDoc, VisitorPassDoc } from './docs'
import { keyForCode } from './keys'
import { CLOCK_SKEW_MS, checkCode } from './offline'

/** Refresh the device's "last seen" at most once a minute: one write per minute, not per entry. */
const SEEN_EVERY_MS = 60_000

interface Trail {
  gate: GateDoc | null
  secret: Buffer | null
  deviceId: string
  nonce: string
  doorId: string
  door: DoorSpec | null
  /** Set only once the code's MAC held: a forged code never writes a household's log. */
  code: ParsedCode | null
  householdId: string | null
}

function passRefusal(p: VisitorPassDoc, now: number): DenyReason | null {
  if (p.status === 'revoked') return 'PASS_REVOKED'
  if (p.status === 'expired' || p.validTo <= now) return 'PASS_EXPIRED'
  if (now < p.validFrom) return 'PASS_NOT_STARTED'
  if (p.uses >= p.maxUses) return 'PASS_USED_UP'
  return null
}

/**
 * The checks only the cloud can make. The single-use record comes first: a replayed code is
 * refused as such in one write, and burning a code that is then refused for an online reason
 * (revoked, used up, no longer a member) costs nothing, as none of those reasons passes.
 */
async function admit(ports: Ports, t: Trail, code: ParsedCode, gate: GateDoc, door: DoorSpec, now: number): Promise<DenyReason | null> {
  const c = code.claims
  // The code's id is the row's key: of any number of concurrent presentations, one inserts.
  const used: UsedCodeDoc = { _id: code.id, gateId: gate._id, doorId: door.id, at: now, expiresAt: c.expiresAt + CLOCK_SKEW_MS }
  // The record the code names is read alongside, so even a replay is logged under its household.
  const [first, member, pass] = await Promise.all([
    ports.store.insert('usedCodes', used),
    c.kind === 'resident' ? ports.store.get('memberships', `${c.householdId ?? ''}:${c.userId ?? ''}`) : null,
    c.kind === 'visitor' ? ports.store.get('visitorPasses', c.passId ?? '') : null
  ])
  if (pass && pass.communityId === gate.communityId) t.householdId = pass.householdId
  if (!first.ok) return 'REPLAYED'
  if (c.kind === 'resident') {
    return !member || member.status !== 'active' || member.communityId !== gate.communityId ? 'MEMBERSHIP_ENDED' : null
  }
  if (!pass || pass.communityId !== gate.communityId) return 'PASS_UNKNOWN'
  const refused = passRefusal(pass, now)
  if (refused) return refused
  // One atomic step counts the entry and re-checks everything a revoke or another gate could change.
  const counted = await ports.store.update(
    'visitorPasses',
    pass._id,
    { inc: { uses: 1 }, set: { lastUsedAt: now } },
    { status: 'active', uses: { lt: pass.maxUses }, validTo: { gt: now } }
  )
  if (counted) return null
  const fresh = await ports.store.get('visitorPasses', pass._id)
  return (fresh && passRefusal(fresh, now)) ?? 'PASS_USED_UP'
}

async function record(ports: Ports, t: Trail, decision: 'open' | 'deny', reason: DenyReason | null, now: number, requestId: string) {
  const c = t.code?.claims
  const doc: AccessLogDoc = {
    _id: ports.random.id(),
    at: now,
    requestId,
    communityId: t.gate?.communityId ?? '',
    gateId: t.gate?._id ?? t.deviceId,
    gateName: t.gate?.name ?? '',
    doorId: t.door?.id ?? t.doorId,
    doorName: t.door?.name ?? '',
    decision,
    reason,
    kind: c?.kind ?? null,
    householdId: t.householdId ?? c?.householdId ?? null,
    userId: c?.userId ?? null,
    passId: c?.passId ?? null,
    buildingId: c?.buildingId ?? null,
    codeId: t.code?.id ?? null
  }
  await ports.store.insert('accessLog', doc)
}

/**
 * A gate asks whether to open. Every attempt, however malformed, gets an answer with a reason
 * and one log row; nothing here throws on bad input. The order matters: the device proves
 * itself before anything is looked up for it, and a code's claims are believed only after its
 * MAC held.
 */
export async function verifyAtGate(ports: Ports, req: GateRequest, requestId: string): Promise<GateAnswer> {
  const now = ports.clock.now()
  const t: Trail = { gate: null, secret: null, deviceId: '', nonce: '', doorId: '', door: null, code: null, householdId: null }

  const finish = async (reason: DenyReason | null): Promise<GateAnswer> => {
    const decision = reason === null ? 'open' : 'deny'
    const gate = t.gate
    const seen = gate && t.secret && (gate.lastSeenAt === null || now - gate.lastSeenAt >= SEEN_EVERY_MS)
    // The log row and the device's "last seen" are independent: one round trip, not two, before the door opens.
    await Promise.all([record(ports, t, decision, reason, now, requestId), seen ? ports.store.update('gates', gate._id, { set: { lastSeenAt: now } }) : Promise.resolve(false)])
    const message = reason ? DENY_TEXT[reason] : t.code?.claims.kind === 'visitor' ? '欢迎来访' : '欢迎回家'
    const answer: GateAnswer = { decision, reason, message, requestId, serverTime: now }
    if (t.secret) answer.sig = answerSignature(t.secret, t.nonce, decision, reason, now)
    return answer
  }

  const auth = await authenticateDevice(ports, 'verify', req, GateVerifyBody)
  if (!auth.ok) {
    Object.assign(t, { gate: auth.gate, secret: auth.secret, deviceId: auth.claimed.deviceId, doorId: auth.claimed.door, nonce: auth.claimed.nonce })
    t.door = auth.gate?.doors.find((d) => d.id === auth.claimed.door) ?? null
    return finish(auth.reason)
  }
  const { gate, secret, body } = auth
  Object.assign(t, { gate, secret, deviceId: gate._id, nonce: body.nonce, doorId: body.door })
  const door = gate.doors.find((d) => d.id === body.door)
  if (!door) return finish('DOOR_UNKNOWN')
  t.door = door

  const code = parseCode(body.code)
  if (!code) return finish('CODE_MALFORMED')
  const keys = code.claims.communityId === gate.communityId ? await keyForCode(ports, gate.communityId, code.claims.kid) : []
  const checked = checkCode(code, { communityId: gate.communityId, keys, door, now })
  if (checked.authentic) t.code = code
  if (!checked.ok) return finish(checked.reason)
  return finish(await admit(ports, t, code, gate, door, now))
}
