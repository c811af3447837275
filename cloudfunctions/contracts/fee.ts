import * as z from 'zod'
import { EpochMs, Id, Text, timeInput } from './common'
import { defineAction } from './define'

const FN = 'fee'

export const FEE_KINDS = ['property', 'parking', 'oneoff'] as const
export type FeeKind = (typeof FEE_KINDS)[number]
export const FEE_KIND_LABELS: Record<FeeKind, string> = { property: '物业费', parking: '车位费', oneoff: '其他费用' }

export const BILL_STATUSES = ['unpaid', 'paid', 'cancelled', 'refunded'] as const
export type BillStatus = (typeof BILL_STATUSES)[number]
export const BILL_STATUS_LABELS: Record<BillStatus, string> = {
  unpaid: '待缴',
  paid: '已缴',
  cancelled: '已取消',
  refunded: '已退款'
}

/** A billing month in Asia/Shanghai. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').meta({ label: '月份' })
const Fen = z.number().int().nonnegative().meta({ money: true })

export const BillView = z.object({
  id: Id,
  householdId: Id,
  kind: z.enum(FEE_KINDS),
  title: z.string(),
  period: z.string(),
  amountFen: Fen,
  lateFeeFen: Fen,
  /** What paying now costs: the amount plus any late fee accrued until today. */
  dueNowFen: Fen,
  dueAt: EpochMs,
  overdueDays: z.number().int().nonnegative(),
  status: z.enum(BILL_STATUSES),
  paidAt: EpochMs.nullable(),
  paymentId: Id.nullable()
})
export type BillViewT = z.infer<typeof BillView>

const BuildingRate = z.object({
  buildingId: Id,
  buildingName: z.string(),
  billedFen: Fen,
  collectedFen: Fen,
  bills: z.number().int(),
  paidBills: z.number().int()
})

export const feeContracts = {
  myBills: defineAction({
    fn: FN,
    name: 'myBills',
    summary: '本户账单（待缴、已缴）',
    access: ['resident'],
    input: z.object({
      householdId: Id.meta({ label: '房屋' }),
      status: z.enum(['outstanding', 'settled', 'all']).meta({ label: '账单状态' }).default('outstanding')
    }).strict(),
    output: z.object({
      householdLabel: z.string(),
      bills: z.array(BillView),
      outstandingFen: Fen,
      /** The WeChat template residents can subscribe to for arrears reminders (null: none set up). */
      reminderTemplateId: z.string().nullable()
    })
  }),
  subscribe: defineAction({
    fn: FN,
    name: 'subscribe',
    summary: '记录住户在点击时同意的订阅消息（一次性模板，每次同意可推送一条）',
    access: ['resident'],
    input: z.object({ template: z.enum(['arrears']).meta({ label: '订阅消息' }) }).strict(),
    output: z.object({ granted: z.number().int() })
  }),
  collection: defineAction({
    fn: FN,
    name: 'collection',
    summary: '运营：各楼栋、各月收缴率',
    access: ['operator'],
    input: z.object({ period: Period.optional() }).strict(),
    output: z.object({
      period: z.string(),
      buildings: z.array(BuildingRate),
      months: z.array(z.object({ period: z.string(), billedFen: Fen, collectedFen: Fen }))
    })
  }),
  arrears: defineAction({
    fn: FN,
    name: 'arrears',
    summary: '运营：欠费户列表',
    access: ['operator'],
    input: z.object({ buildingId: Id.meta({ label: '楼栋' }).optional() }).strict(),
    output: z.object({
      households: z.array(
        z.object({
          householdId: Id,
          label: z.string(),
          bills: z.number().int(),
          owedFen: Fen,
          oldestDueAt: EpochMs,
          lastRemindedAt: EpochMs.nullable()
        })
      ),
      totalOwedFen: Fen
    })
  }),
  items: defineAction({
    fn: FN,
    name: 'items',
    summary: '运营：收费项目与滞纳金规则',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(
        z.object({ id: Id, kind: z.enum(FEE_KINDS), name: z.string(), unitPriceFen: Fen, unit: z.string(), active: z.boolean() })
      ),
      dueDay: z.number().int(),
      lateFee: z.object({ graceDays: z.number().int(), bpPerDay: z.number().int(), capBp: z.number().int() }).nullable()
    })
  }),
  chargeOneOff: defineAction({
    fn: FN,
    name: 'chargeOneOff',
    summary: '运营：向指定楼栋或全体住户收取一次性费用',
    access: ['operator'],
    input: z
      .object({
        title: Text.min(2, '请填写收费名称').max(30).meta({ label: '收费名称' }),
        amountFen: z.number().int().positive('金额须大于 0').max(10_000_000, '单笔不超过 10 万元').meta({ label: '金额', money: true }),
        buildingIds: z.array(Id).max(100).meta({ label: '楼栋', measure: '个' }).default([]),
        dueAt: timeInput(1).meta({ label: '缴费截止日期' }),
        clientRequestId: Text.min(8).max(64).meta({ label: '请求编号' })
      })
      .strict(),
    output: z.object({ chargeId: Id, bills: z.number().int() })
  })
} as const

export const FEE_ERRORS = ['FEE.NO_HOUSEHOLDS', 'FEE.BUILDING_NOT_FOUND'] as const
