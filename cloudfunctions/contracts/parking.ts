import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, Ok, Text, TimeInput } from './common'
import { defineAction } from './define'
import { FeeRuleInput, FeeRuleView } from './parking-fee'
import { BARRIER_DIRECTIONS, EVENT_EXCEPTIONS, SESSION_KINDS, SESSION_STATUSES, SPACE_TYPES } from './parking-labels'
import { Plate } from './plate'

/**
 * Smart parking (智能停车, issue 18): lots with their fee rule and barriers, spaces owned, rented
 * or public, the plates a household registers on its spaces, monthly cards paid through the
 * payment module, temporary sessions opened and closed by barrier cameras (the `access`
 * function's HTTP route, contracts/parking-barrier.ts) and paid before the exit.
 */
const FN = 'parking'

/** Who runs a lot day to day: the front desk, the verifiers on duty and operators. */
export const PARKING_STAFF_ROLES = ['service', 'verifier', 'operator'] as const

const Barrier = z
  .object({
    gateId: Id.meta({ label: '道闸设备' }),
    doorId: Id.meta({ label: '道闸门' }),
    direction: z.enum(BARRIER_DIRECTIONS, '请选择入口或出口').meta({ label: '方向' })
  })
  .strict()

const LotView = z.object({
  id: Id,
  name: z.string(),
  capacity: z.number().int().nonnegative(),
  rule: FeeRuleView,
  graceMinutes: z.number().int().nonnegative(),
  platesPerSpace: z.number().int().positive(),
  monthlyFen: Fen.nullable(),
  barriers: z.array(z.object({ gateId: z.string(), doorId: z.string(), direction: z.enum(BARRIER_DIRECTIONS) })),
  /** Cars inside now (open sessions), and of them temporary and visitor cars. */
  occupied: z.number().int().nonnegative(),
  temporary: z.number().int().nonnegative(),
  openExceptions: z.number().int().nonnegative()
})
export type LotViewT = z.infer<typeof LotView>

const SpaceView = z.object({
  id: Id,
  lotId: Id,
  code: z.string(),
  type: z.enum(SPACE_TYPES),
  householdId: Id.nullable(),
  rentedUntil: EpochMs.nullable(),
  plates: z.number().int().nonnegative()
})
export type SpaceViewT = z.infer<typeof SpaceView>

/** A space as the office lists it: whose it is by the household's label, and its plates masked. */
const SpaceRow = SpaceView.extend({ householdLabel: z.string().nullable(), plateNumbers: z.array(z.string()) })
export type SpaceRowT = z.infer<typeof SpaceRow>

/** Spaces a page of the office's list holds: a page's plates (at most 5 a space) then fit one read of 1000. */
export const SPACES_PAGE_MAX = 200

const BlacklistEntry = z.object({ plate: z.string(), reason: z.string(), byName: z.string().nullable(), at: EpochMs })
export type BlacklistEntryT = z.infer<typeof BlacklistEntry>

const CardView = z.object({
  id: Id,
  lotId: Id,
  plate: z.string(),
  months: z.number().int().positive(),
  amountFen: Fen,
  validFrom: EpochMs,
  validTo: EpochMs,
  status: z.enum(['pending', 'active', 'cancelled']),
  /** What to hand `pay.create` while the card waits for payment. */
  payable: z.object({ type: z.literal('parkingCard'), id: Id }).nullable()
})
export type CardViewT = z.infer<typeof CardView>

const SessionView = z.object({
  id: Id,
  lotId: Id,
  lotName: z.string(),
  plate: z.string(),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(SESSION_STATUSES),
  enteredAt: EpochMs,
  exitedAt: EpochMs.nullable(),
  /** The fee so far, what was paid, and what is due now. */
  feeFen: Fen,
  paidFen: Fen,
  dueFen: Fen,
  lastPaidAt: EpochMs.nullable(),
  /** Until when the exit opens without paying again; null when nothing was paid. */
  graceUntil: EpochMs.nullable(),
  /** How long after a payment the exit opens, for telling the driver before they pay. */
  graceMinutes: z.number().int().nonnegative(),
  /** Until when the monthly card or the host's visitor pass covers the stay (the fee runs from there); null when nothing does. */
  coveredUntil: EpochMs.nullable(),
  /** What to hand `pay.create` to pay what is due; null when nothing is. */
  payable: z.object({ type: z.literal('parking'), id: Id }).nullable()
})
export type SessionViewT = z.infer<typeof SessionView>

/**
 * A stay as any driver at the exit sees it, resident or not: the lot, the plate exactly as they
 * typed it, the times and the money, and what to pay with. Nothing about whose car it is, whose
 * guest, or which home pays: the person may be a stranger to the community.
 */
const DriverSessionView = z.object({
  lotId: Id,
  lotName: z.string(),
  plate: z.string(),
  enteredAt: EpochMs,
  feeFen: Fen,
  paidFen: Fen,
  dueFen: Fen,
  graceUntil: EpochMs.nullable(),
  graceMinutes: z.number().int().nonnegative(),
  /** What to hand `pay.createAsDriver` (with the lot) to pay what is due; null when nothing is. */
  payable: z.object({ type: z.literal('parking'), id: Id }).nullable()
})
export type DriverSessionViewT = z.infer<typeof DriverSessionView>

const EventView = z.object({
  id: z.string(),
  lotId: Id,
  gateId: z.string(),
  doorId: z.string(),
  direction: z.enum([...BARRIER_DIRECTIONS, 'manual']),
  plate: z.string().nullable(),
  at: EpochMs,
  photo: z.string().nullable(),
  decision: z.enum(['open', 'deny']).nullable(),
  message: z.string(),
  dueFen: Fen.nullable(),
  exception: z.enum(EVENT_EXCEPTIONS).nullable(),
  exceptionOpen: z.boolean(),
  note: z.string().nullable(),
  byName: z.string().nullable()
})
export type EventViewT = z.infer<typeof EventView>

export const parkingContracts = {
  saveLot: defineAction({
    fn: FN,
    name: 'saveLot',
    summary: '运营：新建或修改停车场（收费标准、月卡价格、每车位车牌数、道闸）',
    access: ['operator'],
    input: z
      .object({
        lotId: Id.optional().meta({ label: '停车场' }),
        name: Text.min(1, '请填写停车场名称').max(30, '名称最多 30 个字').meta({ label: '停车场名称' }),
        capacity: z.number().int('请填整数').min(0, '车位数不能为负数').max(20000, '车位数过大').meta({ label: '临停车位数' }),
        rule: FeeRuleInput.meta({ label: '收费标准', qualify: true }),
        graceMinutes: z.number().int('请填整数分钟').min(0, '不能为负数').max(60, '最多 60 分钟').default(15).meta({ label: '缴费后离场时限' }),
        platesPerSpace: z.number().int('请填整数').min(1, '至少 1 个').max(5, '最多 5 个').default(2).meta({ label: '每车位可登记车牌' }),
        monthlyFen: Fen.max(10_000_000, '金额过大').nullable().meta({ label: '月卡每月价格' }),
        barriers: z.array(Barrier).max(20, '最多 20 个道闸').meta({ label: '道闸', measure: '个' })
      })
      .strict(),
    output: LotView
  }),
  occupancy: defineAction({
    fn: FN,
    name: 'occupancy',
    summary: '停车场列表：在场车辆数、临停车辆数与待处理异常',
    access: PARKING_STAFF_ROLES,
    input: z.object({}).strict(),
    output: z.object({ lots: z.array(LotView) })
  }),
  saveSpace: defineAction({
    fn: FN,
    name: 'saveSpace',
    summary: '运营：登记车位（产权、租用或公共）及其所属房屋和租期',
    access: ['operator'],
    input: z
      .object({
        lotId: Id.meta({ label: '停车场' }),
        code: Text.min(1, '请填写车位编号').max(16, '车位编号最多 16 个字').regex(/^[A-Za-z0-9-]+$/, '车位编号只能包含字母、数字和 -').meta({ label: '车位编号' }),
        type: z.enum(SPACE_TYPES, '请选择车位类型').meta({ label: '车位类型' }),
        householdId: Id.nullable().meta({ label: '所属房屋' }),
        rentedUntil: TimeInput.nullable().meta({ label: '租期截止' })
      })
      .strict(),
    output: SpaceView
  }),
  mine: defineAction({
    fn: FN,
    name: 'mine',
    summary: '我的车位、登记的车牌与月卡',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      /** With the lot's monthly card price per month, null where the lot sells none. */
      spaces: z.array(SpaceView.extend({ lotName: z.string(), platesPerSpace: z.number().int(), monthlyFen: Fen.nullable() })),
      plates: z.array(z.object({ plate: z.string(), spaceId: Id })),
      cards: z.array(CardView)
    })
  }),
  registerPlate: defineAction({
    fn: FN,
    name: 'registerPlate',
    summary: '住户在自家车位上登记车牌（每个车位有数量上限）',
    access: ['resident'],
    input: z.object({ spaceId: Id.meta({ label: '车位' }), plate: Plate }).strict(),
    output: z.object({ plate: z.string(), spaceId: Id, platesOnSpace: z.number().int() })
  }),
  removePlate: defineAction({
    fn: FN,
    name: 'removePlate',
    summary: '住户删除登记的车牌',
    access: ['resident'],
    input: z.object({ plate: Plate }).strict(),
    output: Ok
  }),
  buyCard: defineAction({
    fn: FN,
    name: 'buyCard',
    summary: '住户为登记的车牌办理月卡（随后通过支付缴费，支付成功后生效）',
    access: ['resident'],
    input: z
      .object({
        lotId: Id.meta({ label: '停车场' }),
        plate: Plate,
        months: z.number().int('请填整数').min(1, '至少 1 个月').max(12, '最多 12 个月').meta({ label: '月数' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: CardView
  }),
  setBlacklist: defineAction({
    fn: FN,
    name: 'setBlacklist',
    summary: '将车牌加入或移出停车场黑名单',
    access: ['service', 'operator'],
    input: z
      .object({
        lotId: Id.meta({ label: '停车场' }),
        plate: Plate,
        listed: z.boolean().meta({ label: '是否列入' }),
        reason: Text.max(100, '原因最多 100 个字').default('').meta({ label: '原因' })
      })
      .strict(),
    output: Ok
  }),
  sessionByPlate: defineAction({
    fn: FN,
    name: 'sessionByPlate',
    summary: '按车牌查询在场停车记录与应缴金额（车主或访客的主人缴费）',
    access: ['resident'],
    input: z.object({ plate: Plate }).strict(),
    output: z.object({ session: SessionView.nullable() })
  }),
  driverSession: defineAction({
    fn: FN,
    name: 'driverSession',
    summary: '出口扫码：任何微信用户按停车场和车牌查询在场记录与应缴金额（访客车主可自行缴费）',
    access: 'member',
    input: z.object({ lotId: Id.meta({ label: '停车场' }), plate: Plate }).strict(),
    output: z.object({ session: DriverSessionView.nullable() })
  }),
  sessions: defineAction({
    fn: FN,
    name: 'sessions',
    summary: '值班：停车场当前在场车辆',
    access: PARKING_STAFF_ROLES,
    input: z.object({ lotId: Id.meta({ label: '停车场' }) }).strict(),
    output: z.object({ sessions: z.array(SessionView) })
  }),
  exceptions: defineAction({
    fn: FN,
    name: 'exceptions',
    summary: '值班：未匹配的出入场记录与异常待处理队列',
    access: PARKING_STAFF_ROLES,
    input: z.object({}).strict(),
    output: z.object({ events: z.array(EventView) })
  }),
  householdParking: defineAction({
    fn: FN,
    name: 'householdParking',
    summary: '户档案：该户的车位、车牌（脱敏）、月卡与最近出入场（网格管家仅限其网格内的房屋）',
    // The household's file is opened by butlers too, for the homes of their grids.
    access: [...PARKING_STAFF_ROLES, 'butler'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      spaces: z.array(SpaceView.extend({ lotName: z.string() })),
      /** Masked as phones are: `沪A·***45`. */
      plates: z.array(z.string()),
      cards: z.array(z.object({ plate: z.string(), lotId: Id, lotName: z.string(), validFrom: EpochMs, validTo: EpochMs, status: z.enum(['pending', 'active', 'cancelled']) })),
      stays: z.array(z.object({ plate: z.string(), lotName: z.string(), kind: z.enum(SESSION_KINDS), enteredAt: EpochMs, exitedAt: EpochMs.nullable(), feeFen: Fen.nullable(), paidFen: Fen }))
    })
  }),
  blacklist: defineAction({
    fn: FN,
    name: 'blacklist',
    summary: '值班：停车场黑名单（车牌、原因、列入人与时间），最近列入的在前',
    access: PARKING_STAFF_ROLES,
    input: z.object({ lotId: Id.meta({ label: '停车场' }) }).strict(),
    output: z.object({ total: z.number().int().nonnegative(), entries: z.array(BlacklistEntry) })
  }),
  spaces: defineAction({
    fn: FN,
    name: 'spaces',
    summary: '值班：停车场的车位（按编号开头查找、分页），所属房屋与登记车牌（脱敏）',
    access: PARKING_STAFF_ROLES,
    input: z
      .object({
        lotId: Id.meta({ label: '停车场' }),
        keyword: Text.max(16, '车位编号最多 16 个字').optional().meta({ label: '车位编号' }),
        offset: z.number().int('请填整数').min(0).max(100_000).default(0).meta({ label: '起始位置' }),
        limit: z.number().int('请填整数').min(1).max(SPACES_PAGE_MAX, `每页最多 ${SPACES_PAGE_MAX} 个`).default(50).meta({ label: '每页条数' })
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), rows: z.array(SpaceRow) })
  }),
  manualOpen: defineAction({
    fn: FN,
    name: 'manualOpen',
    summary: '值班人工开闸（须填写原因，留痕）；出口放行时结束该车的在场记录',
    access: PARKING_STAFF_ROLES,
    input: z
      .object({
        lotId: Id.meta({ label: '停车场' }),
        direction: z.enum(BARRIER_DIRECTIONS, '请选择入口或出口').meta({ label: '方向' }),
        plate: Plate.optional(),
        reason: Text.min(2, '请填写开闸原因').max(100, '原因最多 100 个字').meta({ label: '开闸原因' }),
        /** The exception this opening deals with, resolved with it. */
        eventId: z.string().max(200).optional().meta({ label: '异常记录' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: EventView
  })
} as const
