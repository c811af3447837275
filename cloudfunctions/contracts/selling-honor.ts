import * as z from 'zod'
import { EpochMs, Fen, Id, Text } from './common'
import { defineAction } from './define'
import { Period } from './fee'
import { RewardIncentiveSchema } from './member'
import { REWARD_TRANSFER_STATUSES } from './reward-labels'
import { HONOR_KINDS, HONOR_REASON_MAX, HONOR_ROLL_STATUSES, MAX_HONOR_ENTRIES } from './selling-labels'

/**
 * 光荣榜: each month operators pick workers and butlers from suggestions with their reasons
 * (ratings, approved 表扬信, punctuality; task completion, certificates), publish the roll for
 * everyone in the community, and may reward an honoree from an incentive budget, once a month.
 */
const FN = 'selling'

/** Names and photos as stored on the profile; never a phone number. */
const Honoree = z.object({
  kind: z.enum(HONOR_KINDS),
  kindLabel: z.string(),
  refId: Id,
  name: z.string(),
  /** The profile photo; null: none. */
  photo: z.string().nullable(),
  reason: z.string()
})

const RollView = z.object({
  month: Period,
  status: z.enum(HONOR_ROLL_STATUSES),
  statusLabel: z.string(),
  entries: z.array(Honoree),
  publishedAt: EpochMs.nullable()
})

const Candidate = z.object({
  kind: z.enum(HONOR_KINDS),
  kindLabel: z.string(),
  refId: Id,
  name: z.string(),
  photo: z.string().nullable(),
  /** Why they are suggested, each a short sentence; the first makes the default reason. */
  reasons: z.array(z.string()),
  /** Points and cards go to a household: false when the honoree has none in the community. */
  hasHome: z.boolean()
})

/** What an honoree was given this month; null: nothing yet. */
const Given = z.object({
  refId: Id,
  text: z.string(),
  costFen: Fen,
  at: EpochMs,
  /** Cash only: where its WeChat transfer stands (待领取, 已到账, 未能到账 with the reason in words). */
  transfer: z.object({ status: z.enum(REWARD_TRANSFER_STATUSES), statusLabel: z.string(), failReason: z.string().nullable() }).nullable()
})

const ByMonth = z.object({ month: Period }).strict()

export const sellingHonorContracts = {
  honorCandidates: defineAction({
    fn: FN,
    name: 'honorCandidates',
    summary: '运营：本月光荣榜候选人（附推荐理由）、已保存的榜单与已发奖励',
    access: ['operator'],
    input: ByMonth,
    output: z.object({ month: Period, candidates: z.array(Candidate), roll: RollView.nullable(), rewards: z.array(Given) })
  }),
  saveHonorRoll: defineAction({
    fn: FN,
    name: 'saveHonorRoll',
    summary: '运营：保存本月光荣榜（发布前可反复修改）',
    access: ['operator'],
    input: z
      .object({
        month: Period,
        entries: z
          .array(
            z
              .object({
                kind: z.enum(HONOR_KINDS, '请选择类别').meta({ label: '类别' }),
                refId: Id.meta({ label: '上榜人' }),
                reason: Text.min(2, '请填写上榜理由').max(HONOR_REASON_MAX, `上榜理由最多 ${HONOR_REASON_MAX} 字`).meta({ label: '上榜理由' })
              })
              .strict()
          )
          .min(1, '请至少选择一位上榜人')
          .max(MAX_HONOR_ENTRIES, `光荣榜最多 ${MAX_HONOR_ENTRIES} 人`)
          .refine((es) => new Set(es.map((e) => `${e.kind}:${e.refId}`)).size === es.length, '同一人不能重复上榜')
          .meta({ label: '上榜名单', measure: '人' })
      })
      .strict(),
    output: z.object({ roll: RollView })
  }),
  publishHonorRoll: defineAction({
    fn: FN,
    name: 'publishHonorRoll',
    summary: '运营：发布本月光荣榜，住户与员工即可看到',
    access: ['operator'],
    input: ByMonth,
    output: z.object({ roll: RollView })
  }),
  honorRoll: defineAction({
    fn: FN,
    name: 'honorRoll',
    summary: '光荣榜（只含已发布的月份）',
    access: ['resident', 'butler', 'worker', 'operator'],
    input: z.object({ month: Period.optional() }).strict(),
    output: z.object({
      roll: RollView.nullable(),
      /** Published months, newest first, for switching months. */
      months: z.array(Period)
    })
  }),
  rewardHonoree: defineAction({
    fn: FN,
    name: 'rewardHonoree',
    summary: '运营：从激励预算给上榜人发奖励（积分、服务卡或现金；每人每月一次，不超预算）',
    access: ['operator'],
    input: z
      .object({
        month: Period,
        refId: Id.meta({ label: '上榜人' }),
        budgetId: Id.meta({ label: '预算' }),
        incentive: RewardIncentiveSchema.meta({ label: '奖励' })
      })
      .strict(),
    output: z.object({
      reward: Given,
      /** True when this honoree had already been rewarded this month: nothing was charged again. */
      already: z.boolean(),
      budget: z.object({ id: Id, capFen: Fen, spentFen: Fen })
    })
  })
}
