import { createHmac, timingSafeEqual } from 'node:crypto'
import { GATE_PROTOCOL, GATE_SIGNATURE_HEADER, type GateKey } from '../../contracts/gate'

/**
 * Gate devices authenticate every request with their own secret, and the cloud signs its answer
 * with the same secret, so neither a forged request nor a forged "open" gets through the
 * network between them. The strings signed are spelled out in contracts/gate.ts.
 */
/** `barrier`: a parking barrier camera's plate reading (contracts/parking-barrier.ts). */
export type GateOp = 'verify' | 'keys' | 'barrier'

function mac(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('base64url')
}

export function requestSignature(secret: Buffer, op: GateOp, rawBody: string): string {
  return mac(secret, `${GATE_PROTOCOL}\n${op}\n${rawBody}`)
}

export function requestSignatureMatches(secret: Buffer, op: GateOp, rawBody: string, given: string): boolean {
  const want = Buffer.from(requestSignature(secret, op, rawBody), 'utf8')
  const got = Buffer.from(given, 'utf8')
  return got.length === want.length && timingSafeEqual(got, want)
}

export function answerSignature(secret: Buffer, nonce: string, decision: string, reason: string | null, serverTime: number): string {
  return mac(secret, `${GATE_PROTOCOL}/answer\n${nonce}\n${decision}\n${reason ?? ''}\n${serverTime}`)
}

export interface DoorRuleWire {
  id: string
  zone: 'community' | 'building'
  buildingId: string | null
  vehicle: boolean
}

/** Keys and door rules are what an offline gate trusts, so the answer that carries them is signed. */
export function keysAnswerSignature(secret: Buffer, nonce: string, serverTime: number, keys: readonly GateKey[], doors: readonly DoorRuleWire[]): string {
  const k = keys.map((x) => `${x.kid}.${x.secret}.${x.validUntil ?? ''}`).join(',')
  const d = doors.map((x) => `${x.id}.${x.zone}.${x.buildingId ?? ''}.${x.vehicle ? 1 : 0}`).join(',')
  return mac(secret, `${GATE_PROTOCOL}/keys\n${nonce}\n${serverTime}\n${k}\n${d}`)
}

/**
 * The device side of a request, for gate vendors, tests and the benchmark: the exact body bytes
 * and the header to send to `<route>/<op>`.
 */
export function buildDeviceRequest(
  secret: Buffer,
  op: GateOp,
  fields: { deviceId: string; ts: number; nonce: string; door?: string; code?: string; plate?: string; at?: number; eventId?: string; photo?: string }
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(fields)
  return { body, headers: { 'content-type': 'application/json', [GATE_SIGNATURE_HEADER]: requestSignature(secret, op, body) } }
}
