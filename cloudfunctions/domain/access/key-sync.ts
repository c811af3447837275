import { GateKeysBody, type GateKeysAnswer } from '../../contracts/gate'
import type { Ports } from '../../kernel/ports'
import { keysAnswerSignature } from './device-auth'
import { type GateRequest, authenticateDevice } from './device-request'
import { liveKeys, signingKey } from './keys'

/**
 * Offline-capable gates fetch the community's live keys and their own door rules over the same
 * signed channel, and verify codes locally between syncs (docs/access-offline-verification.md).
 * A gate that holds the key could mint codes, so only enabled, authenticated devices get it.
 */
export async function syncGateKeys(ports: Ports, req: GateRequest, requestId: string): Promise<GateKeysAnswer> {
  const now = ports.clock.now()
  const auth = await authenticateDevice(ports, 'keys', req, GateKeysBody)
  if (!auth.ok) {
    ports.log.warn('gate key sync refused', { requestId, reason: auth.reason, deviceId: auth.gate?._id ?? auth.claimed.deviceId })
    return { ok: false, reason: auth.reason, communityId: '', keys: [], doors: [], requestId, serverTime: now }
  }
  const { gate, secret, body } = auth
  // A gate may sync before any resident opened a pass: make the first key now.
  await signingKey(ports, gate.communityId)
  const keys = await liveKeys(ports, gate.communityId)
  const doors = gate.doors.map((d) => ({ id: d.id, zone: d.zone, buildingId: d.buildingId, vehicle: d.vehicle }))
  await ports.store.update('gates', gate._id, { set: { keysSyncedAt: now, lastSeenAt: now } })
  ports.log.info('gate synced keys', { requestId, gateId: gate._id, kids: keys.map((k) => k.kid) })
  return {
    ok: true,
    reason: null,
    communityId: gate.communityId,
    keys,
    doors,
    requestId,
    serverTime: now,
    sig: keysAnswerSignature(secret, body.nonce, now, keys, doors)
  }
}
