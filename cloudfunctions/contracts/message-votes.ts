import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text, timeInput } from './common'
import { defineAction } from './define'
import { PhotoId } from './photo'
import { VOTE_CHANNELS, VOTE_KINDS, VOTE_OUTCOMES, VOTE_RULES, VOTE_STATES } from './vote-rules'

/** Owner votes (业主表决), in the `message` function: one ballot per owned unit, tallied by article 278. */
const FN = 'message'

const OptionText = Text.min(1, '选项不能为空').max(30, '每个选项最多 30 个字')

export const VoteInput = z
  .object({
    title: Text.min(4, '请填写表决事项（至少 4 个字）').max(60, '最多 60 个字').meta({ label: '表决事项' }),
    description: MultilineText.max(3000, '说明最多 3000 字').default('').meta({ label: '说明' }),
    rule: z.enum(VOTE_RULES, '请选择表决规则').meta({ label: '表决规则' }),
    kind: z.enum(VOTE_KINDS, '请选择表决方式').meta({ label: '表决方式' }),
    /** A choice's options (a matter's are 同意/反对/弃权). */
    options: z.array(OptionText).max(10, '最多 10 个选项').default([]).meta({ label: '选项' }),
    scope: z
      .object({
        kind: z.enum(['community', 'buildings'], '请选择表决范围').meta({ label: '表决范围' }),
        buildingIds: z.array(Id).max(200, '最多选 200 栋').default([]).meta({ label: '楼栋' })
      })
      .strict()
      .superRefine((s, ctx) => {
        if (s.kind === 'buildings' && s.buildingIds.length === 0) ctx.addIssue({ code: 'custom', path: ['buildingIds'], message: '请至少选择一栋楼' })
      })
      .meta({ label: '表决范围' }),
    opensAt: timeInput(1).optional().meta({ label: '开始时间' }),
    closesAt: timeInput(1).meta({ label: '截止时间' }),
    clientRequestId: ClientRequestId
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'choice' && v.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: '请至少填写两个选项' })
    if (v.kind === 'choice' && new Set(v.options).size !== v.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' })
    if (v.opensAt !== undefined && v.closesAt <= v.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '截止时间须晚于开始时间' })
  })
export type VoteInput = z.input<typeof VoteInput>

const Figure = z.object({
  part: z.number().int().nonnegative(),
  whole: z.number().int().nonnegative(),
  /** 三分之二以上（含）, 过二分之一, 四分之三以上（含）. */
  threshold: z.string(),
  met: z.boolean()
})

export const TallyView = z.object({
  units: z.number().int().nonnegative(),
  totalAreaCm2: z.number().int().nonnegative(),
  totalOwners: z.number().int().nonnegative(),
  ballots: z.number().int().nonnegative(),
  participationArea: Figure,
  participationHeadcount: Figure,
  options: z.array(z.object({ option: z.number().int(), label: z.string(), areaCm2: z.number().int().nonnegative(), owners: z.number().int().nonnegative(), area: Figure, headcount: Figure, met: z.boolean() })),
  chosen: z.number().int().nullable(),
  outcome: z.enum(VOTE_OUTCOMES),
  countedAt: EpochMs
})
export type TallyView = z.infer<typeof TallyView>

const VoteSummary = z.object({
  id: Id,
  title: z.string(),
  rule: z.enum(VOTE_RULES),
  kind: z.enum(VOTE_KINDS),
  state: z.enum(VOTE_STATES),
  scopeLabel: z.string(),
  opensAt: EpochMs,
  closesAt: EpochMs,
  units: z.number().int().nonnegative(),
  ballots: z.number().int().nonnegative(),
  outcome: z.enum(VOTE_OUTCOMES).nullable(),
  /** For a resident: their owned units in the vote, and how many have a ballot. */
  myUnits: z.number().int().nonnegative(),
  myVoted: z.number().int().nonnegative()
})
export type VoteSummary = z.infer<typeof VoteSummary>

const MyUnit = z.object({
  householdId: Id,
  label: z.string(),
  areaCm2: z.number().int().nonnegative(),
  /** The option this unit's ballot carries, when it has one. */
  option: z.number().int().nullable(),
  channel: z.enum(VOTE_CHANNELS).nullable(),
  /** The ballot's receipt code, to find in the published list after the close. */
  receipt: z.string().nullable(),
  castAt: EpochMs.nullable()
})
export type MyUnit = z.infer<typeof MyUnit>

const VoteDetail = VoteSummary.extend({
  description: z.string(),
  options: z.array(z.string()),
  totalAreaCm2: z.number().int().nonnegative(),
  totalOwners: z.number().int().nonnegative(),
  createdByName: z.string(),
  mine: z.array(MyUnit),
  tally: TallyView.nullable()
})
export type VoteDetail = z.infer<typeof VoteDetail>

const BuildingProgress = z.object({ buildingId: Id, name: z.string(), units: z.number().int().nonnegative(), ballots: z.number().int().nonnegative() })
const UnvotedUnit = z.object({ householdId: Id, label: z.string(), areaCm2: z.number().int().nonnegative(), owners: z.number().int().nonnegative() })

export const voteContracts = {
  saveVote: defineAction({
    fn: FN,
    name: 'saveVote',
    summary: '发起业主表决（范围内每套房屋一票，开始后不可修改）',
    access: ['operator'],
    input: VoteInput,
    output: z.object({ id: Id, units: z.number().int().nonnegative() })
  }),
  votes: defineAction({
    fn: FN,
    name: 'votes',
    summary: '社区的业主表决（新的在前）',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(VoteSummary) })
  }),
  vote: defineAction({
    fn: FN,
    name: 'vote',
    summary: '表决详情：我的房屋与选票；截止后公布计票结果',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '表决' }) }).strict(),
    output: VoteDetail
  }),
  castBallot: defineAction({
    fn: FN,
    name: 'castBallot',
    summary: '业主投票：为本人名下尚未投票的每套房屋投同一选项（每套一票，投出后不可更改）',
    access: ['resident'],
    input: z.object({ id: Id.meta({ label: '表决' }), option: z.number().int().min(0, '请选择').max(9, '请选择').meta({ label: '选项' }), clientRequestId: ClientRequestId }).strict(),
    output: z.object({ cast: z.array(MyUnit), skipped: z.array(z.object({ label: z.string(), reason: z.string() })) })
  }),
  recordPaperBallot: defineAction({
    fn: FN,
    name: 'recordPaperBallot',
    summary: '录入纸质表决票（附照片，记录渠道）',
    access: ['butler', 'operator'],
    input: z
      .object({
        id: Id.meta({ label: '表决' }),
        householdId: Id.meta({ label: '房屋' }),
        option: z.number().int().min(0, '请选择').max(9, '请选择').meta({ label: '选项' }),
        photo: PhotoId.meta({ label: '表决票照片' })
      })
      .strict(),
    output: MyUnit
  }),
  voteProgress: defineAction({
    fn: FN,
    name: 'voteProgress',
    summary: '表决进度：各楼栋已投票数；管家看到本网格未投票的房屋',
    access: ['operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '表决' }) }).strict(),
    output: z.object({ buildings: z.array(BuildingProgress), unvoted: z.array(UnvotedUnit) })
  }),
  voteReceipts: defineAction({
    fn: FN,
    name: 'voteReceipts',
    summary: '公布的计票凭证（截止后），业主可核对自己的选票已计入',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '表决' }), cursor: z.string().max(64).optional().meta({ label: '分页位置' }) }).strict(),
    output: z.object({ items: z.array(z.object({ receipt: z.string(), option: z.string(), channel: z.enum(VOTE_CHANNELS) })), cursor: z.string().nullable() })
  })
} as const
