import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The pass code in the QR: a compact binary record, base64url-encoded, signed with the
 * community key. It holds ids and times only, never a name or a phone number.
 *
 *   [0]      version (1)
 *   [1]      kind: 1 resident, 2 visitor
 *   [2]      flags: bit 0 = may pass vehicle barriers
 *   [3..4]   key id (uint16, big-endian)
 *   [5..8]   issued at, seconds since the epoch (uint32)
 *   [9..10]  lifetime in seconds (uint16): expiry = issued + lifetime
 *   [11..16] nonce (6 random bytes): two codes are never equal
 *   then length-prefixed (uint8) UTF-8 strings:
 *            community id, building id, then household id + user id (resident) or pass id (visitor)
 *   last 16  MAC = HMAC-SHA256(key, "linli-pass-v1\n" || every byte before it), first 16 bytes
 *
 * The MAC is also the code's id: the single-use record is keyed by it.
 */
export const CODE_VERSION = 1
export const MAC_BYTES = 16
export const NONCE_BYTES = 6
const HEADER_BYTES = 17
const MAC_DOMAIN = Buffer.from('linli-pass-v1\n', 'utf8')
const FLAG_VEHICLE = 1
/** Upper bound of a well-formed code's text; the gate protocol allows 512 characters. */
export const MAX_CODE_CHARS = 512

export type CodeKind = 'resident' | 'visitor'

export interface CodeClaims {
  kind: CodeKind
  vehicle: boolean
  kid: number
  /** Epoch ms, a whole second. */
  issuedAt: number
  /** Epoch ms, a whole second. */
  expiresAt: number
  /** base64url of {@link NONCE_BYTES} bytes. */
  nonce: string
  communityId: string
  buildingId: string
  householdId: string | null
  userId: string | null
  passId: string | null
}

export interface ParsedCode {
  claims: CodeClaims
  /** The bytes the MAC covers. */
  signed: Buffer
  mac: Buffer
  /** base64url of the MAC: the code's identity for replay protection. */
  id: string
}

export function computeMac(key: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', key).update(MAC_DOMAIN).update(signed).digest().subarray(0, MAC_BYTES)
}

export function macMatches(key: Buffer, parsed: ParsedCode): boolean {
  return timingSafeEqual(computeMac(key, parsed.signed), parsed.mac)
}

function str(s: string): Buffer {
  const b = Buffer.from(s, 'utf8')
  if (b.length === 0 || b.length > 255) throw new Error(`code field must be 1..255 bytes: ${JSON.stringify(s)}`)
  return Buffer.concat([Buffer.from([b.length]), b])
}

/** Builds and signs a code. Throws on claims no gate could read: a programming error. */
export function encodeCode(key: Buffer, c: CodeClaims): string {
  const issued = c.issuedAt / 1000
  const ttl = (c.expiresAt - c.issuedAt) / 1000
  if (!Number.isInteger(issued) || issued < 0 || issued > 0xffffffff) throw new Error('issuedAt must be a whole second')
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 0xffff) throw new Error('lifetime must be 1..65535 whole seconds')
  if (!Number.isInteger(c.kid) || c.kid < 1 || c.kid > 0xffff) throw new Error('kid must be 1..65535')
  const nonce = Buffer.from(c.nonce, 'base64url')
  if (nonce.length !== NONCE_BYTES) throw new Error(`nonce must be ${NONCE_BYTES} bytes`)
  const head = Buffer.alloc(HEADER_BYTES)
  head.writeUInt8(CODE_VERSION, 0)
  head.writeUInt8(c.kind === 'resident' ? 1 : 2, 1)
  head.writeUInt8(c.vehicle ? FLAG_VEHICLE : 0, 2)
  head.writeUInt16BE(c.kid, 3)
  head.writeUInt32BE(issued, 5)
  head.writeUInt16BE(ttl, 9)
  nonce.copy(head, 11)
  const subjects =
    c.kind === 'resident' ? [c.householdId ?? '', c.userId ?? ''] : [c.passId ?? '']
  const signed = Buffer.concat([head, str(c.communityId), str(c.buildingId), ...subjects.map(str)])
  return Buffer.concat([signed, computeMac(key, signed)]).toString('base64url')
}

const B64URL = /^[A-Za-z0-9_-]+$/

/** Reads a code without trusting it: null for anything malformed. The MAC is checked separately. */
export function parseCode(text: string): ParsedCode | null {
  if (text.length > MAX_CODE_CHARS || !B64URL.test(text)) return null
  const bytes = Buffer.from(text, 'base64url')
  if (bytes.length < HEADER_BYTES + 3 * 2 + MAC_BYTES) return null
  if (bytes.readUInt8(0) !== CODE_VERSION) return null
  const kindByte = bytes.readUInt8(1)
  if (kindByte !== 1 && kindByte !== 2) return null
  const kind: CodeKind = kindByte === 1 ? 'resident' : 'visitor'
  const flags = bytes.readUInt8(2)
  if ((flags & ~FLAG_VEHICLE) !== 0) return null
  const kid = bytes.readUInt16BE(3)
  const issued = bytes.readUInt32BE(5)
  const ttl = bytes.readUInt16BE(9)
  if (kid === 0 || ttl === 0) return null
  const end = bytes.length - MAC_BYTES
  const fields: string[] = []
  let at = HEADER_BYTES
  const want = kind === 'resident' ? 4 : 3
  while (fields.length < want) {
    if (at >= end) return null
    const len = bytes.readUInt8(at)
    if (len === 0 || at + 1 + len > end) return null
    const s = bytes.subarray(at + 1, at + 1 + len).toString('utf8')
    // Ids are printable ASCII on our side; anything else did not come from us.
    if (!/^[\x21-\x7e]+$/.test(s)) return null
    fields.push(s)
    at += 1 + len
  }
  if (at !== end) return null
  const [communityId = '', buildingId = '', a = '', b = null] = fields
  const mac = bytes.subarray(end)
  return {
    claims: {
      kind,
      vehicle: (flags & FLAG_VEHICLE) !== 0,
      kid,
      issuedAt: issued * 1000,
      expiresAt: (issued + ttl) * 1000,
      nonce: bytes.subarray(11, 17).toString('base64url'),
      communityId,
      buildingId,
      householdId: kind === 'resident' ? a : null,
      userId: kind === 'resident' ? b : null,
      passId: kind === 'visitor' ? a : null
    },
    signed: bytes.subarray(0, end),
    mac,
    id: mac.toString('base64url')
  }
}
