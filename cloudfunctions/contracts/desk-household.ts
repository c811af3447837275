import * as z from 'zod'
import { EpochMs, Id } from './common'
import { defineAction } from './define'
import { HouseholdHit } from './desk-find'
import { RELATIONS } from './roles'

/**
 * Household 360 (户档案): one household as the office and its butler know it. The header is one
 * call; each part of its history is paged on its own, as the clerk opens its tab. Personal details
 * are masked as everywhere else (the butler reveals a phone through insights.reveal, logged).
 */
const FN = 'desk'

export const HOUSEHOLD_PARTS = [
  'bills',
  'orders',
  'bookings',
  'workOrders',
  'complaints',
  'ratings',
  'access',
  'visitors',
  'parcels',
  'surveys',
  'followUps',
  'coupons',
  'cards',
  'chat'
] as const
export type HouseholdPart = (typeof HOUSEHOLD_PARTS)[number]
export const HOUSEHOLD_PART_LABELS: Record<HouseholdPart, string> = {
  bills: '账单与欠费',
  orders: '订单',
  bookings: '预约',
  workOrders: '工单',
  complaints: '投诉',
  ratings: '评价',
  access: '门禁记录（30 天）',
  visitors: '访客',
  parcels: '快递',
  surveys: '问卷',
  followUps: '跟进记录',
  coupons: '优惠券',
  cards: '服务卡',
  chat: '客服消息'
}

/** The tone a row's status is shown in: done, in progress, needs attention, or neutral. */
export const TONES = ['success', 'primary', 'warning', 'danger', 'default'] as const

/** One line of a household's history, whatever part it is from. */
export const HistoryRow = z.object({
  id: Id,
  at: EpochMs,
  title: z.string(),
  detail: z.string(),
  status: z.string(),
  tone: z.enum(TONES),
  /** Money in fen where the row is about money (a bill, an order); null otherwise. */
  amountFen: z.number().int().nullable()
})
export type HistoryRowT = z.infer<typeof HistoryRow>

const Member = z.object({
  name: z.string(),
  relation: z.enum(RELATIONS),
  relationLabel: z.string(),
  phoneMasked: z.string().nullable(),
  since: EpochMs,
  usesMiniProgram: z.boolean()
})

export const deskHouseholdContracts = {
  household: defineAction({
    fn: FN,
    name: 'household',
    summary: '户档案：成员与身份、档案与授权、欠费、流失风险及原因、各部分记录数',
    access: ['service', 'operator', 'butler'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      household: HouseholdHit,
      areaM2: z.number().nullable(),
      members: z.array(Member),
      profile: z
        .object({
          consentAt: EpochMs.nullable(),
          optedOut: z.boolean(),
          people: z.number().int().nullable(),
          elderly: z.boolean().nullable(),
          children: z.boolean().nullable(),
          pets: z.number().int(),
          plates: z.array(z.string()),
          needs: z.array(z.string())
        }),
      arrearsFen: z.number().int(),
      churn: z.object({ score: z.number().int(), level: z.string(), reasons: z.array(z.string()) }).nullable(),
      counts: z.array(z.object({ part: z.enum(HOUSEHOLD_PARTS), label: z.string(), count: z.number().int() }))
    })
  }),
  householdPart: defineAction({
    fn: FN,
    name: 'householdPart',
    summary: '户档案：一部分记录（账单、订单、预约、工单、门禁、快递、问卷等），分页',
    access: ['service', 'operator', 'butler'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        part: z.enum(HOUSEHOLD_PARTS).meta({ label: '档案部分' }),
        cursor: z.string().max(200).meta({ label: '翻页位置' }).nullable().default(null)
      })
      .strict(),
    output: z.object({ rows: z.array(HistoryRow), next: z.string().nullable() })
  })
} as const
