/**
 * The pass code's binary format and the reference verification gate vendors build on: what can
 * be checked with the community key and a clock, and what cannot.
 */
import { randomBytes } from 'node:crypto'
import { type CodeClaims, MAC_BYTES, encodeCode, macMatches, parseCode } from '../../cloudfunctions/domain/access/code'
import { CLOCK_SKEW_MS, type DoorRule, type OfflineKey, doorAdmits, verifyOffline } from '../../cloudfunctions/domain/access/offline'

const KEY = Buffer.alloc(32, 1)
const OTHER_KEY = Buffer.alloc(32, 2)
const T = Date.UTC(2026, 5, 1, 8, 0, 0)

const resident: CodeClaims = {
  kind: 'resident',
  vehicle: true,
  kid: 3,
  issuedAt: T,
  expiresAt: T + 60_000,
  nonce: 'AAECAwQF',
  communityId: 'c-linyuan',
  buildingId: 'b-a1',
  householdId: 'h-a1-101',
  userId: 'u-wang',
  passId: null
}
const visitor: CodeClaims = { ...resident, kind: 'visitor', vehicle: false, householdId: null, userId: null, passId: 'p-Zx81kQ' }

const unitDoor: DoorRule = { zone: 'building', buildingId: 'b-a1', vehicle: false }
const mainGate: DoorRule = { zone: 'community', buildingId: null, vehicle: false }
const barrier: DoorRule = { zone: 'community', buildingId: null, vehicle: true }
const keys: OfflineKey[] = [{ kid: 3, secret: KEY, validUntil: null }]

const offline = (code: string, over: Partial<Parameters<typeof verifyOffline>[1]> = {}) =>
  verifyOffline(code, { communityId: 'c-linyuan', keys, door: unitDoor, now: T + 1000, ...over })

describe('pass code format', () => {
  it.each([
    ['resident', resident],
    ['visitor', visitor]
  ])('round-trips a %s code', (_label, claims) => {
    const code = encodeCode(KEY, claims)
    const parsed = parseCode(code)
    expect(parsed?.claims).toEqual(claims)
    expect(parsed && macMatches(KEY, parsed)).toBe(true)
    expect(parsed && macMatches(OTHER_KEY, parsed)).toBe(false)
    expect(parsed?.id).toBe(Buffer.from(code, 'base64url').subarray(-MAC_BYTES).toString('base64url'))
  })

  it('stays short enough for a small QR code, even with production-length ids', () => {
    expect(encodeCode(KEY, resident).length).toBeLessThanOrEqual(90)
    const id = () => randomBytes(12).toString('base64url')
    const long = encodeCode(KEY, { ...resident, communityId: id(), buildingId: id(), householdId: id(), userId: id() })
    // 152 bytes of text is the capacity of a version 8 code (49 x 49 modules) at level M.
    expect(long.length).toBeLessThanOrEqual(152)
  })

  it('refuses to build codes no gate could read', () => {
    expect(() => encodeCode(KEY, { ...resident, issuedAt: T + 1 })).toThrow(/whole second/)
    expect(() => encodeCode(KEY, { ...resident, expiresAt: T })).toThrow(/lifetime/)
    expect(() => encodeCode(KEY, { ...resident, kid: 0 })).toThrow(/kid/)
    expect(() => encodeCode(KEY, { ...resident, nonce: 'AA' })).toThrow(/nonce/)
    expect(() => encodeCode(KEY, { ...resident, userId: '' })).toThrow(/1\.\.255 bytes/)
  })

  it('never throws on hostile input, and no single-byte change survives the MAC', () => {
    const code = encodeCode(KEY, resident)
    const bytes = Buffer.from(code, 'base64url')
    for (let i = 0; i < bytes.length; i++) {
      for (const flip of [0x01, 0x80, 0xff]) {
        const mutated = Buffer.from(bytes)
        mutated[i] = (mutated[i] ?? 0) ^ flip
        const parsed = parseCode(mutated.toString('base64url'))
        if (parsed) expect(macMatches(KEY, parsed)).toBe(false)
      }
    }
    for (let n = 0; n < bytes.length; n++) expect(() => parseCode(bytes.subarray(0, n).toString('base64url'))).not.toThrow()
    for (let i = 0; i < 500; i++) {
      const junk = randomBytes(1 + (i % 120)).toString(i % 2 ? 'base64url' : 'latin1')
      expect(() => parseCode(junk)).not.toThrow()
    }
    expect(parseCode('x'.repeat(600))).toBeNull()
  })
})

describe('reference verification (what a gate checks with the key and its clock)', () => {
  const code = encodeCode(KEY, resident)

  it('accepts a genuine code at a door its building may use', () => {
    expect(offline(code)).toMatchObject({ ok: true })
    expect(offline(code, { door: mainGate }).ok).toBe(true)
  })

  it.each([
    ['another community', { communityId: 'c-hexie' }, 'WRONG_COMMUNITY'],
    ['an unknown key id', { keys: [{ kid: 4, secret: KEY, validUntil: null }] }, 'KEY_UNKNOWN'],
    ['the wrong key', { keys: [{ kid: 3, secret: OTHER_KEY, validUntil: null }] }, 'CODE_SIGNATURE'],
    ['a retired key', { keys: [{ kid: 3, secret: KEY, validUntil: T + 1000 }] }, 'KEY_RETIRED'],
    ['another building', { door: { ...unitDoor, buildingId: 'b-a2' } }, 'DOOR_FORBIDDEN']
  ])('refuses %s', (_label, over, reason) => {
    expect(offline(code, over)).toMatchObject({ ok: false, reason })
  })

  it('allows the clock skew on both ends of the window, and no more', () => {
    expect(offline(code, { now: T - CLOCK_SKEW_MS }).ok).toBe(true)
    expect(offline(code, { now: T - CLOCK_SKEW_MS - 1 })).toMatchObject({ reason: 'NOT_YET_VALID' })
    expect(offline(code, { now: T + 60_000 + CLOCK_SKEW_MS }).ok).toBe(true)
    expect(offline(code, { now: T + 60_000 + CLOCK_SKEW_MS + 1 })).toMatchObject({ reason: 'EXPIRED' })
    expect(offline(code, { now: T + 60_001, skewMs: 0 })).toMatchObject({ reason: 'EXPIRED' })
  })

  it('checks the MAC before anything else about the code: a forged expiry reads as a bad signature', () => {
    const forged = encodeCode(OTHER_KEY, { ...resident, issuedAt: T - 3600_000, expiresAt: T - 3000_000 })
    expect(offline(forged)).toMatchObject({ reason: 'CODE_SIGNATURE' })
  })

  it('lets visitors through vehicle barriers only with a plate on the pass', () => {
    expect(offline(encodeCode(KEY, visitor), { door: barrier })).toMatchObject({ reason: 'DOOR_FORBIDDEN' })
    expect(offline(encodeCode(KEY, { ...visitor, vehicle: true }), { door: barrier }).ok).toBe(true)
    expect(offline(code, { door: barrier }).ok).toBe(true)
  })

  it('cannot see revocation, use counts or replays: the same code passes twice offline', () => {
    // Documented in docs/access-offline-verification.md: these need the cloud.
    expect(offline(code).ok).toBe(true)
    expect(offline(code).ok).toBe(true)
  })

  it('door rules: community doors admit every code, unit doors their own building', () => {
    expect(doorAdmits(mainGate, { buildingId: 'b-x', vehicle: false })).toBe(true)
    expect(doorAdmits(unitDoor, { buildingId: 'b-a1', vehicle: false })).toBe(true)
    expect(doorAdmits(unitDoor, { buildingId: 'b-a2', vehicle: true })).toBe(false)
    expect(doorAdmits({ zone: 'building', buildingId: null, vehicle: false }, { buildingId: 'b-a1', vehicle: false })).toBe(false)
    expect(doorAdmits(barrier, { buildingId: 'b-a1', vehicle: false })).toBe(false)
  })
})
