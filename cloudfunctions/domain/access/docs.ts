/** Stored shapes of the access feature. Times are UTC epoch ms. */
import type { DenyReason } from '../../contracts/gate'

export interface AccessKeyDoc {
  /** `${communityId}:${seq}` */
  _id: string
  communityId: string
  /** The key id carried in every code (1, 2, ...); the highest one signs new codes. */
  seq: number
  /** The 32-byte HMAC key, sealed (see seal.ts). */
  secretSealed: string
  /**
   * How long keys older than this one stay valid after it was created: the grace period chosen
   * at rotation. A key is valid while every newer key's `createdAt + graceMs` is still ahead.
   */
  graceMs: number
  createdAt: number
  createdBy: string | null
}

export type DoorZone = 'community' | 'building'

export interface DoorSpec {
  /** `d1`, `d2`, ... within the gate: what the device sends as `door`. */
  id: string
  name: string
  /** `community`: any resident of the community; `building`: residents of that building and their visitors. */
  zone: DoorZone
  buildingId: string | null
  /** A vehicle barrier: residents, and visitors whose pass names a plate. */
  vehicle: boolean
}

export interface GateDoc {
  /**
   * What the device sends as `deviceId`: `${communityId}:${gateId}`, so each community has its own
   * namespace of gate ids (gates registered before that kept their bare id).
   */
  _id: string
  /** The id the operator typed, unique within the community; absent on gates with a bare `_id`. */
  gateId?: string
  communityId: string
  name: string
  doors: DoorSpec[]
  /** The device's HMAC secret, sealed; shown to the operator once at registration. */
  secretSealed: string
  enabled: boolean
  createdBy: string
  createdAt: number
  disabledAt: number | null
  lastSeenAt: number | null
  keysSyncedAt: number | null
}

export type VisitorPassStatus = 'active' | 'revoked' | 'expired'

/**
 * A household's places for open visitor passes (`_id` = household id). A pass takes a place
 * before it is written (`active < cap` and its hold absent, in one conditional update) and gives
 * it back when it is revoked or expires, or its insert fails (only while its hold is there, so once).
 */
export interface VisitorPassQuotaDoc {
  _id: string
  communityId: string
  /** Places taken: the number of holds. */
  active: number
  /** `p<hex of the pass id>` → when the place was taken. */
  holds: Record<string, number>
}

export interface VisitorPassDoc {
  _id: string
  /** The capability in the share card's path; whoever first opens it holds the pass. */
  token: string
  communityId: string
  householdId: string
  buildingId: string
  createdBy: string
  visitorName: string
  visitorPhone: string
  purpose: string
  plate: string | null
  validFrom: number
  validTo: number
  maxUses: number
  uses: number
  status: VisitorPassStatus
  /** '' until the card is first opened by someone other than the host. */
  holderOpenid: string
  lastUsedAt: number | null
  revokedAt: number | null
  createdAt: number
}

export interface AccessLogDoc {
  _id: string
  at: number
  requestId: string
  /** '' when the device could not be identified. */
  communityId: string
  gateId: string
  gateName: string
  doorId: string
  doorName: string
  decision: 'open' | 'deny'
  reason: DenyReason | null
  kind: 'resident' | 'visitor' | null
  /** The resident's household, or the visitor's host household. */
  householdId: string | null
  userId: string | null
  passId: string | null
  buildingId: string | null
  codeId: string | null
}

export interface UsedCodeDoc {
  /** The code's id: its MAC, base64url. */
  _id: string
  gateId: string
  doorId: string
  at: number
  /** After this the code is refused as expired anyway, so the row may be purged. */
  expiresAt: number
}

export interface GateNonceDoc {
  /** `${gateId}:${nonce}` */
  _id: string
  at: number
  expiresAt: number
}
