import type { DenyReason } from '../../contracts/gate'
import { type CodeClaims, type ParsedCode, macMatches, parseCode } from './code'

/**
 * The reference verification for gates, online or offline: everything that can be checked with
 * the community keys, the door's rule and a clock. The cloud runs exactly this first and then
 * adds what only it knows (revocation, use counts, membership, single use): see
 * docs/access-offline-verification.md. Depends on node:crypto and code.ts only.
 */

/** How far a code's times may disagree with the verifier's clock. */
export const CLOCK_SKEW_MS = 10_000

export interface OfflineKey {
  kid: number
  secret: Buffer
  /** Null for the current key; otherwise the first moment (epoch ms) it is refused. */
  validUntil: number | null
}

export interface DoorRule {
  zone: 'community' | 'building'
  buildingId: string | null
  vehicle: boolean
}

export interface OfflineContext {
  /** The community the gate belongs to. */
  communityId: string
  keys: readonly OfflineKey[]
  door: DoorRule
  /** The verifier's clock, epoch ms. */
  now: number
  skewMs?: number
}

export type OfflineResult = { ok: true; code: ParsedCode } | { ok: false; reason: DenyReason; code: ParsedCode | null }

/** Who may pass which door: community doors admit every code of the community, unit doors their building's. */
export function doorAdmits(door: DoorRule, claims: Pick<CodeClaims, 'buildingId' | 'vehicle'>): boolean {
  if (door.vehicle && !claims.vehicle) return false
  if (door.zone === 'community') return true
  return door.buildingId !== null && door.buildingId === claims.buildingId
}

export function verifyOffline(text: string, ctx: OfflineContext): OfflineResult {
  const code = parseCode(text)
  if (!code) return { ok: false, reason: 'CODE_MALFORMED', code: null }
  return checkCode(code, ctx)
}

/** The checks after parsing; `authentic` says whether the MAC held, i.e. whether the claims may be believed. */
export function checkCode(code: ParsedCode, ctx: OfflineContext): OfflineResult & { authentic: boolean } {
  const c = code.claims
  if (c.communityId !== ctx.communityId) return { ok: false, reason: 'WRONG_COMMUNITY', code, authentic: false }
  const key = ctx.keys.find((k) => k.kid === c.kid)
  if (!key) return { ok: false, reason: 'KEY_UNKNOWN', code, authentic: false }
  // Nothing about a code is believed before its MAC checks out, not even its times.
  if (!macMatches(key.secret, code)) return { ok: false, reason: 'CODE_SIGNATURE', code, authentic: false }
  const deny = (reason: DenyReason) => ({ ok: false as const, reason, code, authentic: true })
  if (key.validUntil !== null && ctx.now >= key.validUntil) return deny('KEY_RETIRED')
  const skew = ctx.skewMs ?? CLOCK_SKEW_MS
  if (ctx.now + skew < c.issuedAt) return deny('NOT_YET_VALID')
  if (ctx.now - skew > c.expiresAt) return deny('EXPIRED')
  if (!doorAdmits(ctx.door, c)) return deny('DOOR_FORBIDDEN')
  return { ok: true, code, authentic: true }
}
