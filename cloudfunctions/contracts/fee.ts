import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, Ok, Text, timeInput } from './common'
import { defineAction } from './define'

const FN = 'fee'

/** How a monthly fee item is priced: per m² of the house, per parking space, or a fixed sum per household. */
export const ITEM_KINDS = ['property', 'parking', 'fixed'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]
export const FEE_KINDS = [...ITEM_KINDS, 'oneoff'] as const
export type FeeKind = (typeof FEE_KINDS)[number]
export const FEE_KIND_LABELS: Record<FeeKind, string> = { property: '物业费', parking: '车位费', fixed: '固定月费', oneoff: '其他费用' }
/** What an item's unit price is per. */
export const ITEM_UNIT_LABELS: Record<ItemKind, string> = { property: '元/㎡/月', parking: '元/个/月', fixed: '元/户/月' }
export const ITEM_BASIS_LABELS: Record<ItemKind, string> = { property: '按建筑面积', parking: '按租用车位', fixed: '每户固定' }
/** How a call about arrears ended, as the clerk logs it. */
export const CALL_OUTCOMES = ['promised', 'disputed', 'unreachable', 'other'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = { promised: '承诺缴费', disputed: '有异议', unreachable: '未接通', other: '其他' }

/** A community keeps its list of fee items short enough to read at a glance. */
export const MAX_FEE_ITEMS = 20

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

const LateFeeRule = z.object({
  graceDays: z.number().int('请填写整数天').min(0, '不能为负').max(90, '宽限期最长 90 天').meta({ label: '宽限天数' }),
  /** Basis points (1/10000) of the bill per overdue day. */
  bpPerDay: z.number().int('按万分之几填写').min(1, '至少万分之一').max(50, '每天最多万分之五十（0.5%）').meta({ label: '每日滞纳金比例' }),
  capBp: z.number().int('按万分之几填写').min(1, '至少万分之一').max(10_000, '不超过账单金额').meta({ label: '滞纳金上限' })
})

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
    summary: '运营、财务：各楼栋、各月收缴率',
    access: ['operator', 'finance'],
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
    summary: '运营、财务：欠费户列表',
    access: ['operator', 'finance'],
    input: z.object({ buildingId: Id.meta({ label: '楼栋' }).optional() }).strict(),
    output: z.object({
      households: z.array(
        z.object({
          householdId: Id,
          label: z.string(),
          bills: z.number().int(),
          owedFen: Fen,
          oldestDueAt: EpochMs,
          lastRemindedAt: EpochMs.nullable(),
          /** Residents bound to it: a reminder reaches them; with none, only a call does. */
          members: z.number().int(),
          lastCall: z.object({ at: EpochMs, outcome: z.enum(CALL_OUTCOMES), note: z.string(), by: z.string() }).nullable()
        })
      ),
      totalOwedFen: Fen
    })
  }),
  items: defineAction({
    fn: FN,
    name: 'items',
    summary: '运营、财务：收费项目、到期日与滞纳金规则，以及已生成的账单月份',
    access: ['operator', 'finance'],
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(
        z.object({ id: Id, kind: z.enum(ITEM_KINDS), name: z.string(), unitPriceFen: Fen, unit: z.string(), active: z.boolean() })
      ),
      dueDay: z.number().int(),
      lateFee: z.object({ graceDays: z.number().int(), bpPerDay: z.number().int(), capBp: z.number().int() }).nullable(),
      /** Billing months already run, newest first, with how many bills each made. */
      runs: z.array(z.object({ period: z.string(), bills: z.number().int(), billedFen: Fen })),
      /** Months that may be billed by hand now, oldest first; the current month is the last but one. */
      billable: z.array(z.string())
    })
  }),
  saveItem: defineAction({
    fn: FN,
    name: 'saveItem',
    summary: '运营或财务新建、修改或停用收费项目（按面积、按车位或每户固定，按月计费）',
    access: ['operator', 'finance'],
    input: z
      .object({
        /** Absent: a new item. An item's pricing basis is fixed once it has billed. */
        id: Id.meta({ label: '收费项目' }).optional(),
        kind: z.enum(ITEM_KINDS, '请选择计费方式').meta({ label: '计费方式' }),
        name: Text.min(2, '请填写项目名称（至少 2 个字）').max(20, '最多 20 个字').meta({ label: '项目名称' }),
        unitPriceFen: z.number().int('单价最多到分').positive('单价须大于 0').max(1_000_000, '单价不超过 1 万元').meta({ label: '单价', money: true }),
        active: z.boolean().meta({ label: '启用' })
      })
      .strict(),
    output: z.object({ id: Id })
  }),
  saveSettings: defineAction({
    fn: FN,
    name: 'saveSettings',
    summary: '运营或财务设置账单到期日与滞纳金规则',
    access: ['operator', 'finance'],
    input: z
      .object({
        dueDay: z.number().int('请选择日期').min(1, '每月 1 日到 28 日').max(28, '每月 1 日到 28 日，以免小月没有这一天').meta({ label: '每月到期日' }),
        lateFee: LateFeeRule.nullable().meta({ label: '滞纳金' })
      })
      .strict(),
    output: Ok
  }),
  runBilling: defineAction({
    fn: FN,
    name: 'runBilling',
    summary: '运营或财务为本社区生成某月账单（每户每个启用的收费项目一张；重复生成不会重复出账）',
    access: ['operator', 'finance'],
    input: z.object({ period: Period }).strict(),
    output: z.object({
      period: z.string(),
      households: z.number().int(),
      created: z.number().int(),
      existing: z.number().int(),
      /** Household and item pairs that come to nothing: no parking space rented, no area on file. */
      skippedZero: z.number().int(),
      createdFen: Fen
    })
  }),
  remind: defineAction({
    fn: FN,
    name: 'remind',
    summary: '运营、财务提醒一户缴纳逾期账单（站内消息，已订阅的推送微信消息；每张账单 7 天内至多提醒一次）',
    access: ['operator', 'finance'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ bills: z.number().int(), messages: z.number().int() })
  }),
  logCall: defineAction({
    fn: FN,
    name: 'logCall',
    summary: '运营、财务记录一次催缴电话：结果与说明，显示在欠费户列表中',
    access: ['operator', 'finance'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        outcome: z.enum(CALL_OUTCOMES, '请选择通话结果').meta({ label: '通话结果' }),
        note: Text.max(80, '最多 80 个字').meta({ label: '说明' })
      })
      .strict(),
    output: Ok
  }),
  chargeOneOff: defineAction({
    fn: FN,
    name: 'chargeOneOff',
    summary: '运营、财务：向指定楼栋或全体住户收取一次性费用',
    access: ['operator', 'finance'],
    input: z
      .object({
        title: Text.min(2, '请填写收费名称').max(30).meta({ label: '收费名称' }),
        amountFen: z.number().int().positive('金额须大于 0').max(10_000_000, '单笔不超过 10 万元').meta({ label: '金额', money: true }),
        buildingIds: z.array(Id).max(100).meta({ label: '楼栋', measure: '个' }).default([]),
        dueAt: timeInput(1).meta({ label: '缴费截止日期' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ chargeId: Id, bills: z.number().int() })
  })
} as const

export const FEE_ERRORS = ['FEE.NO_HOUSEHOLDS', 'FEE.BUILDING_NOT_FOUND', 'FEE.ITEM_NOT_FOUND', 'FEE.ITEM_KIND_FIXED', 'FEE.ITEM_NAME_TAKEN', 'FEE.TOO_MANY_ITEMS', 'FEE.NO_ITEMS', 'FEE.PERIOD_OUT_OF_RANGE', 'FEE.NOTHING_OVERDUE', 'FEE.REMINDED_RECENTLY', 'FEE.NO_RECIPIENTS', 'FEE.HOUSEHOLD_NOT_FOUND'] as const
