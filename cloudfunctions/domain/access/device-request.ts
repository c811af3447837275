import type * as z from 'zod'
import { DEVICE_CLOCK_WINDOW_MS, type DenyReason, GATE_SIGNATURE_HEADER, MAX_GATE_BODY_BYTES } from '../../contracts/gate'
import type { Ports } from '../../kernel/ports'
import { type GateOp, requestSignatureMatches } from './device-auth'
import type { GateDoc, GateNonceDoc } from './docs'
import { gateContext, unseal } from './seal'

/** An HTTP request from a gate, as the kernel's HTTP entry hands it over. */
export interface GateRequest {
  headers: Record<string, string>
  body: string
}

/** What the log keeps of a request that failed before it could be read: short, printable. */
export function clip(v: unknown): string {
  return typeof v === 'string' ? v.replace(/[^\x20-\x7e]/g, '?').slice(0, 64) : ''
}

export type DeviceAuth<T> =
  | { ok: true; gate: GateDoc; secret: Buffer; body: T }
  | {
      ok: false
      reason: DenyReason
      /** Set once the device proved itself, so even a refusal can be signed for it. */
      gate: GateDoc | null
      secret: Buffer | null
      /** Whatever could be read of the body, for the log. */
      claimed: { deviceId: string; door: string; nonce: string }
    }

/** Device nonces are kept a little longer than the window in which a request's time is accepted. */
const NONCE_TTL_MS = 2 * DEVICE_CLOCK_WINDOW_MS + 60_000

/**
 * Who is asking, proven by the device secret: size, JSON, schema, device, signature, clock,
 * enabled, then the request nonce (a second request with one nonce is a replay). Disabled
 * devices are told so only after their signature holds, and are re-read on every request, so
 * disabling takes effect from the next one.
 */
export async function authenticateDevice<T extends { deviceId: string; ts: number; nonce: string }>(
  ports: Ports,
  op: GateOp,
  req: GateRequest,
  schema: z.ZodType<T>
): Promise<DeviceAuth<T>> {
  const claimed = { deviceId: '', door: '', nonce: '' }
  const refuse = (reason: DenyReason, gate: GateDoc | null = null, secret: Buffer | null = null): DeviceAuth<T> => ({
    ok: false,
    reason,
    gate,
    secret,
    claimed
  })
  if (Buffer.byteLength(req.body, 'utf8') > MAX_GATE_BODY_BYTES) return refuse('TOO_LARGE')
  let json: unknown
  try {
    json = JSON.parse(req.body)
  } catch {
    return refuse('BAD_REQUEST')
  }
  if (typeof json === 'object' && json !== null) {
    const o = json as Record<string, unknown>
    claimed.deviceId = clip(o.deviceId)
    claimed.door = clip(o.door)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) return refuse('BAD_REQUEST')
  const body = parsed.data
  claimed.nonce = body.nonce

  const gate = await ports.store.get('gates', body.deviceId)
  if (!gate) return refuse('DEVICE_UNKNOWN')
  const secret = unseal(ports.codePepper, gateContext(gate._id), gate.secretSealed)
  if (!secret) {
    ports.log.error('gate secret does not unseal', { gateId: gate._id })
    return refuse('DEVICE_UNKNOWN')
  }
  const signature = req.headers[GATE_SIGNATURE_HEADER] ?? ''
  if (!requestSignatureMatches(secret, op, req.body, signature)) return refuse('DEVICE_SIGNATURE', gate)

  const now = ports.clock.now()
  if (Math.abs(now - body.ts) > DEVICE_CLOCK_WINDOW_MS) return refuse('DEVICE_CLOCK', gate, secret)
  if (!gate.enabled) return refuse('DEVICE_DISABLED', gate, secret)
  const nonce: GateNonceDoc = { _id: `${gate._id}:${body.nonce}`, at: now, expiresAt: now + NONCE_TTL_MS }
  if (!(await ports.store.insert('gateNonces', nonce)).ok) return refuse('DEVICE_REPLAY', gate, secret)
  return { ok: true, gate, secret, body }
}
