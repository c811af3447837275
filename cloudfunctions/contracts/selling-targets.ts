import * as z from 'zod'
import { EpochMs, Id } from './common'
import { defineAction } from './define'
import { MAX_DAILY_TARGET } from './selling-labels'

/**
 * Daily selling targets (每日目标) of one campaign: what each butler should reach every day while
 * it is on sale. They become the butlers' sell_* tasks, counted from what really happened.
 */
const FN = 'selling'

function target(label: string) {
  return z
    .number(`请填写${label}（0–${MAX_DAILY_TARGET} 的整数）`)
    .int(`${label}须为整数`)
    .min(0, '目标不能小于 0')
    .max(MAX_DAILY_TARGET, `${label}最多 ${MAX_DAILY_TARGET}`)
    .meta({ label })
}

const Count = z.number().int().nonnegative()

const TargetView = z.object({
  campaignId: Id,
  shares: Count,
  visits: Count,
  orders: Count,
  from: EpochMs,
  to: EpochMs,
  updatedAt: EpochMs,
  updatedByName: z.string()
})
export type TargetViewT = z.infer<typeof TargetView>

export const TargetsInput = z
  .object({
    campaignId: Id.meta({ label: '预售' }),
    shares: target('每日分享次数'),
    visits: target('每日带来访问'),
    orders: target('每日带来订单')
  })
  .strict()
  .refine((t) => [t.shares, t.visits, t.orders].some((n) => n > 0), { message: '请至少设置一项目标', path: ['shares'] })

export const sellingTargetContracts = {
  setTargets: defineAction({
    fn: FN,
    name: 'setTargets',
    summary: '运营：设置预售期间每位管家的每日目标（分享、带来访问、带来订单）',
    access: ['operator'],
    input: TargetsInput,
    output: TargetView
  }),
  targets: defineAction({
    fn: FN,
    name: 'targets',
    summary: '运营：查看一个预售的每日目标（未设置时为空）',
    access: ['operator'],
    input: z.object({ campaignId: Id.meta({ label: '预售' }) }).strict(),
    output: z.object({ target: TargetView.nullable() })
  })
} as const
