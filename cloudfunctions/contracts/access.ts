import * as z from 'zod'
import { Empty, EpochMs, Id, Text, TimeInput } from './common'
import { defineAction } from './define'
import { Plate } from './plate'

export { ACCESS_ERRORS } from './access-errors'

const FN = 'access'

/** A pass page shows a new code every 30 s; each code opens for 60 s from its issue time. */
export const PASS_REFRESH_SEC = 30
export const PASS_TTL_SEC = 60

/** Times a person picks are after 2020: a bare small number is a mistake, not a date. */
const When = TimeInput
const Phone = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')
/**
 * A visitor's plate is the plate parking's barriers read and match exactly, so it is checked and
 * normalised by the one shared schema (contracts/plate.ts): a pass naming a plate the cameras
 * could never read (letters I/O, a 6-character tail on an ordinary plate) is refused at once.
 */
export const PlateSchema = Plate
/** Operators type the id printed on the device. */
export const GateIdSchema = Text.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/, '设备编号为 3-32 位字母、数字、- 或 _').meta({ label: '设备编号' })

const DoorZone = z.enum(['community', 'building'])
const Decision = z.enum(['open', 'deny'])

const PassCode = z.object({
  /** The QR payload: base64url, ids and times only. */
  code: z.string(),
  notBefore: EpochMs,
  expiresAt: EpochMs
})
export type PassCodeT = z.infer<typeof PassCode>

const DoorView = z.object({ gateId: Id, doorId: Id, name: z.string(), vehicle: z.boolean() })

const PassStatus = z.enum(['active', 'revoked', 'expired', 'used_up'])
export type PassStatusT = z.infer<typeof PassStatus>

const VisitorPassView = z.object({
  id: Id,
  token: z.string(),
  visitorName: z.string(),
  phoneMasked: z.string(),
  purpose: z.string(),
  plate: z.string().nullable(),
  householdLabel: z.string(),
  validFrom: EpochMs,
  validTo: EpochMs,
  maxUses: z.number().int(),
  uses: z.number().int(),
  status: PassStatus,
  lastUsedAt: EpochMs.nullable(),
  createdAt: EpochMs
})
export type VisitorPassViewT = z.infer<typeof VisitorPassView>

const LogEntry = z.object({
  id: Id,
  at: EpochMs,
  decision: Decision,
  reasonText: z.string(),
  gateName: z.string(),
  doorName: z.string(),
  kind: z.enum(['resident', 'visitor']).nullable(),
  /** Residents see who (a member's nickname or the visitor's name); operators see the household. */
  who: z.string()
})
export type LogEntryT = z.infer<typeof LogEntry>

const LogPage = z.object({ entries: z.array(LogEntry), next: EpochMs.nullable() })

const DoorSpecView = z.object({
  id: Id,
  name: z.string(),
  zone: DoorZone,
  buildingId: Id.nullable(),
  buildingName: z.string(),
  vehicle: z.boolean()
})

const GateView = z.object({
  /** The id the operator typed: unique within the community. */
  id: Id,
  /** What the device is configured with and sends as `deviceId` (the id inside the community's namespace). */
  deviceId: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  doors: z.array(DoorSpecView),
  createdAt: EpochMs,
  lastSeenAt: EpochMs.nullable(),
  keysSyncedAt: EpochMs.nullable()
})
export type GateViewT = z.infer<typeof GateView>

const PassBatch = {
  serverTime: EpochMs,
  refreshSec: z.number().int(),
  /** Consecutive codes, one per refresh period, so the page keeps working through a dead spot. */
  codes: z.array(PassCode)
}

export const accessContracts = {
  residentPass: defineAction({
    fn: FN,
    name: 'residentPass',
    summary: '住户通行码：每 30 秒换一个，60 秒内有效，并列出可通行的门',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      householdId: Id,
      householdLabel: z.string(),
      communityName: z.string(),
      doors: z.array(DoorView),
      ...PassBatch
    })
  }),
  createVisitorPass: defineAction({
    fn: FN,
    name: 'createVisitorPass',
    summary: '住户邀请访客：生成访客通行证，以微信卡片发给访客',
    access: ['resident'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        visitorName: Text.min(1, '请填写访客姓名').max(20, '姓名最多 20 个字').meta({ label: '访客姓名' }),
        visitorPhone: Phone.meta({ label: '访客手机号' }),
        purpose: Text.min(1, '请填写来访事由').max(40, '事由最多 40 个字').meta({ label: '来访事由' }),
        plate: PlateSchema.optional(),
        validFrom: When.meta({ label: '生效时间' }),
        validTo: When.meta({ label: '失效时间' }),
        maxUses: z.number().int('次数应为整数').min(1, '至少 1 次').max(20, '最多 20 次').meta({ label: '可通行次数' })
      })
      .strict(),
    output: VisitorPassView
  }),
  listVisitorPasses: defineAction({
    fn: FN,
    name: 'listVisitorPasses',
    summary: '住户查看本房屋发出的访客通行证',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ passes: z.array(VisitorPassView) })
  }),
  revokeVisitorPass: defineAction({
    fn: FN,
    name: 'revokeVisitorPass',
    summary: '住户撤销访客通行证，下一次验证起即失效',
    access: ['resident'],
    input: z.object({ passId: Id.meta({ label: '通行证' }) }).strict(),
    output: VisitorPassView
  }),
  visitorPass: defineAction({
    fn: FN,
    name: 'visitorPass',
    summary: '访客打开分享卡片：无需绑定，凭卡片中的令牌查看通行码',
    // A visitor is any WeChat user: the token in the card is the authority, not a household.
    access: 'public',
    input: z.object({ token: Text.regex(/^[A-Za-z0-9_-]{16,64}$/, '通行证链接无效').meta({ label: '通行证链接' }) }).strict(),
    output: z.object({
      /** `host` when the inviting resident opens their own card: shown, never claimed. */
      viewer: z.enum(['visitor', 'host']),
      visitorName: z.string(),
      communityName: z.string(),
      /** Where the visitor may go: the building, never the room or the host's name. */
      destination: z.string(),
      plate: z.string().nullable(),
      validFrom: EpochMs,
      validTo: EpochMs,
      usesLeft: z.number().int(),
      status: PassStatus,
      doors: z.array(DoorView),
      ...PassBatch
    })
  }),
  householdLog: defineAction({
    fn: FN,
    name: 'householdLog',
    summary: '住户查看本房屋成员与访客的通行记录',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }), before: When.meta({ label: '查询时间' }).optional() }).strict(),
    output: LogPage.extend({ householdLabel: z.string() })
  }),
  listGates: defineAction({
    fn: FN,
    name: 'listGates',
    summary: '运营查看门禁设备、门与社区通行密钥',
    access: ['operator'],
    input: Empty,
    output: z.object({
      communityName: z.string(),
      key: z.object({ kid: z.number().int(), createdAt: EpochMs }).nullable(),
      gates: z.array(GateView),
      buildings: z.array(z.object({ id: Id, name: z.string() }))
    })
  }),
  registerGate: defineAction({
    fn: FN,
    name: 'registerGate',
    summary: '运营登记门禁设备：设备密钥只显示这一次',
    access: ['operator'],
    input: z
      .object({
        gateId: GateIdSchema,
        name: Text.min(1, '请填写设备名称').max(20, '名称最多 20 个字').meta({ label: '设备名称' }),
        doors: z
          .array(
            z
              .object({
                name: Text.min(1, '请填写门的名称').max(20, '名称最多 20 个字').meta({ label: '名称' }),
                zone: DoorZone.meta({ label: '位置' }),
                buildingId: Id.meta({ label: '楼栋' }).optional(),
                vehicle: z.boolean().meta({ label: '是否车行门' }).default(false)
              })
              .strict()
          )
          .min(1, '至少一扇门')
          .max(8, '最多 8 扇门').meta({ label: '门', measure: '扇' })
      })
      .strict(),
    output: z.object({ gate: GateView, secret: z.string() })
  }),
  setGateEnabled: defineAction({
    fn: FN,
    name: 'setGateEnabled',
    summary: '运营停用或启用门禁设备，下一次请求起生效',
    access: ['operator'],
    input: z.object({ gateId: GateIdSchema, enabled: z.boolean().meta({ label: '启用状态' }) }).strict(),
    output: GateView
  }),
  gateLog: defineAction({
    fn: FN,
    name: 'gateLog',
    summary: '运营查看某台设备的通行记录',
    access: ['operator'],
    input: z.object({ gateId: GateIdSchema, before: When.meta({ label: '查询时间' }).optional() }).strict(),
    output: LogPage.extend({ gateName: z.string() })
  }),
  rotateKey: defineAction({
    fn: FN,
    name: 'rotateKey',
    summary: '运营轮换社区通行密钥；旧密钥在宽限期内仍有效',
    access: ['operator'],
    input: z
      .object({ graceMinutes: z.number().int('应为整数').min(0, '不能为负').max(1440, '宽限期最长 24 小时').meta({ label: '宽限期（分钟）' }) })
      .strict(),
    output: z.object({ kid: z.number().int(), previousKid: z.number().int().nullable(), previousValidUntil: EpochMs.nullable() })
  }),
  gridVisitors: defineAction({
    fn: FN,
    name: 'gridVisitors',
    summary: '网格管家查看到访本网格的访客',
    access: ['butler'],
    input: Empty,
    output: z.object({ gridName: z.string(), passes: z.array(VisitorPassView.omit({ token: true })) })
  })
} as const
