import * as z from 'zod'
import type { DenyReason } from './gate'

/**
 * The wire protocol of a barrier camera (车牌识别道闸), on the same HTTP route and with the same
 * device authentication as the gates (contracts/gate.ts): `<prefix>/barrier`, the body signed as
 * `linli-gate-v1\nbarrier\n<raw body>`, the answer signed like a gate's. A camera reports each
 * plate it reads at a barrier door; `eventId` is its own id for the reading, so a re-sent event
 * (a new nonce, the same reading) is answered as the first time and never counted twice.
 */
const DeviceId = z.string().min(1).max(100)
const Nonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export const BarrierEventBody = z
  .object({
    deviceId: DeviceId,
    ts: z.number().int().nonnegative(),
    nonce: Nonce,
    door: z.string().min(1).max(32),
    /** As the camera read it; checked as a plate after the device proved itself. */
    plate: z.string().min(1).max(16),
    /** When the camera saw the car, epoch ms; may be well before `ts` when the upload was late. */
    at: z.number().int().nonnegative(),
    eventId: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
    /** The camera's reference to its photo (a path or an id on its own storage). */
    photo: z.string().max(256).optional()
  })
  .strict()
export type BarrierEventBodyT = z.infer<typeof BarrierEventBody>

/** How far ahead of the server's clock a camera's reading may be before it is refused. */
export const BARRIER_FUTURE_SKEW_MS = 60_000

export const BARRIER_REASONS = ['PLATE_MALFORMED', 'EVENT_IN_FUTURE', 'NOT_A_BARRIER', 'BLACKLISTED', 'PAYMENT_DUE', 'NO_ENTRY'] as const
export type BarrierReason = (typeof BARRIER_REASONS)[number]

export const BARRIER_TEXT: Record<BarrierReason, string> = {
  PLATE_MALFORMED: '车牌号格式不正确',
  EVENT_IN_FUTURE: '识别时间晚于服务器时间',
  NOT_A_BARRIER: '该设备门不是停车场道闸',
  BLACKLISTED: '黑名单车辆，禁止入场',
  PAYMENT_DUE: '请缴纳停车费后出场',
  NO_ENTRY: '无入场记录，请联系值班人员'
}

export interface BarrierAnswer {
  decision: 'open' | 'deny'
  reason: BarrierReason | DenyReason | null
  /** For the barrier's display: 欢迎光临 / 一路顺风 / 请缴费 12.00 元 / the refusal. */
  message: string
  plate: string | null
  /** What the exit is owed, when it refuses for payment. */
  dueFen: number | null
  /** The mini-program page that pays this plate's session (for the exit's QR), when something is due. */
  payPath: string | null
  requestId: string
  serverTime: number
  /** `answerSignature(secret, nonce, decision, reason, serverTime)`, once the device proved itself. */
  sig?: string
}
