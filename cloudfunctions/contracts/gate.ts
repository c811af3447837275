import * as z from 'zod'

/**
 * The wire protocol between gate devices and the `access` function's HTTP route. Gate vendors
 * build against this file and docs/access-offline-verification.md; the mini-program never
 * imports it (the registry does not list it), so none of it ships to phones.
 *
 * A request is a JSON body signed with the device secret:
 *   header `x-linli-signature: base64url(HMAC-SHA256(deviceSecret, "linli-gate-v1\n<op>\n<raw body>"))`
 * where `<op>` is the last path segment (`verify` or `keys`). The answer carries
 * `sig = base64url(HMAC-SHA256(deviceSecret, "linli-gate-v1/answer\n<nonce>\n<decision>\n<reason>\n<serverTime>"))`
 * once the device is authenticated, so a gate can tell a real "open" from a forged one.
 */
export const GATE_PROTOCOL = 'linli-gate-v1'
export const GATE_SIGNATURE_HEADER = 'x-linli-signature'

/** Bodies are a few hundred bytes; anything bigger is refused before it is parsed. */
export const MAX_GATE_BODY_BYTES = 2048
/** How far a device's request time may be from the server's before it is refused as stale. */
export const DEVICE_CLOCK_WINDOW_MS = 60_000

/** `${communityId}:${gateId}` (bare ids for gates registered before ids were scoped per community). */
const DeviceId = z.string().min(1).max(100)
const Nonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export const GateVerifyBody = z
  .object({
    deviceId: DeviceId,
    /** The device's clock, epoch ms. */
    ts: z.number().int().nonnegative(),
    nonce: Nonce,
    door: z.string().min(1).max(32),
    code: z.string().min(1).max(512)
  })
  .strict()
export type GateVerifyBodyT = z.infer<typeof GateVerifyBody>

export const GateKeysBody = z.object({ deviceId: DeviceId, ts: z.number().int().nonnegative(), nonce: Nonce }).strict()
export type GateKeysBodyT = z.infer<typeof GateKeysBody>

export const DENY_REASONS = [
  'BAD_REQUEST',
  'TOO_LARGE',
  'DEVICE_UNKNOWN',
  'DEVICE_SIGNATURE',
  'DEVICE_CLOCK',
  'DEVICE_REPLAY',
  'DEVICE_DISABLED',
  'DOOR_UNKNOWN',
  'CODE_MALFORMED',
  'WRONG_COMMUNITY',
  'KEY_UNKNOWN',
  'KEY_RETIRED',
  'CODE_SIGNATURE',
  'NOT_YET_VALID',
  'EXPIRED',
  'DOOR_FORBIDDEN',
  'MEMBERSHIP_ENDED',
  'PASS_UNKNOWN',
  'PASS_REVOKED',
  'PASS_NOT_STARTED',
  'PASS_EXPIRED',
  'PASS_USED_UP',
  'REPLAYED'
] as const
export type DenyReason = (typeof DENY_REASONS)[number]

/** Shown on the gate's display and in the access logs. */
export const DENY_TEXT: Record<DenyReason, string> = {
  BAD_REQUEST: '请求格式错误',
  TOO_LARGE: '请求内容过大',
  DEVICE_UNKNOWN: '设备未登记',
  DEVICE_SIGNATURE: '设备签名错误',
  DEVICE_CLOCK: '设备时钟偏差过大',
  DEVICE_REPLAY: '设备请求重复',
  DEVICE_DISABLED: '设备已停用',
  DOOR_UNKNOWN: '该设备没有这扇门',
  CODE_MALFORMED: '无法识别的通行码',
  WRONG_COMMUNITY: '不是本小区的通行码',
  KEY_UNKNOWN: '通行码密钥无效',
  KEY_RETIRED: '通行码密钥已更换',
  CODE_SIGNATURE: '通行码签名错误',
  NOT_YET_VALID: '通行码尚未生效',
  EXPIRED: '通行码已过期',
  DOOR_FORBIDDEN: '无权通行此门',
  MEMBERSHIP_ENDED: '已不是该房屋成员',
  PASS_UNKNOWN: '访客通行证不存在',
  PASS_REVOKED: '访客通行证已撤销',
  PASS_NOT_STARTED: '访客通行证尚未生效',
  PASS_EXPIRED: '访客通行证已过期',
  PASS_USED_UP: '访客通行次数已用完',
  REPLAYED: '通行码已使用过'
}

export interface GateAnswer {
  decision: 'open' | 'deny'
  reason: DenyReason | null
  /** What the gate may show: 欢迎回家 / 欢迎来访 / the deny text. */
  message: string
  requestId: string
  serverTime: number
  /** Present once the device was authenticated; see the file comment. */
  sig?: string
}

export interface GateKey {
  kid: number
  /** base64url of the 32-byte community key. */
  secret: string
  /** Null for the current key; otherwise the first moment (epoch ms) the gate must refuse it. */
  validUntil: number | null
}

export interface GateKeysAnswer {
  ok: boolean
  reason: DenyReason | null
  communityId: string
  keys: GateKey[]
  /** The door rules for offline checks, as registered by the operator. */
  doors: { id: string; zone: 'community' | 'building'; buildingId: string | null; vehicle: boolean }[]
  requestId: string
  serverTime: number
  sig?: string
}
