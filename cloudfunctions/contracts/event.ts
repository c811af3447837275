import * as z from 'zod'
import { Empty, EpochMs, Id, MultilineText, Text, TimeInput } from './common'
import { defineAction } from './define'
import { OptionalPhoto, PhotoId } from './photo'

const FN = 'event'

export const EVENT_KINDS = ['experience', 'activity'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EVENT_KIND_LABELS: Record<EventKind, string> = { experience: '服务体验会', activity: '社区活动' }

/**
 * Subscribe-message template keys; the push adapter maps each to a WeChat template id
 * (`LINLI_TEMPLATE_EVENT_REMINDER`, `LINLI_TEMPLATE_EVENT_PROMOTED` in CloudBase).
 */
export const EVENT_TEMPLATES = { reminder: 'event_reminder', promoted: 'event_promoted' } as const

/** Epoch ms after 2020: a bare small number is a mistake, not a date. */
const Instant = TimeInput

// ── Sign-up form ────────────────────────────────────────────────────────────────────────────

export const FIELD_TYPES = ['text', 'choice', 'number'] as const
export const FIELD_TYPE_LABELS: Record<(typeof FIELD_TYPES)[number], string> = { text: '文字', choice: '选择', number: '数字' }
export const FormFieldSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,23}$/, '字段标识应为小写字母开头的字母数字').meta({ label: '字段标识' }),
    label: Text.min(1, '请填写字段名称').max(20, '字段名称最多 20 个字').meta({ label: '字段名称' }),
    type: z.enum(FIELD_TYPES).meta({ label: '字段类型' }),
    required: z.boolean().meta({ label: '是否必填' }),
    options: z.array(Text.min(1).max(20)).max(10).meta({ label: '选项', measure: '个' }).default([])
  })
  .strict()
export type FormField = z.infer<typeof FormFieldSchema>

export type Answers = Record<string, string | number>

/**
 * The zod schema for one event's sign-up form. The sign-up page and the function both build it
 * from the event's field list, so a resident sees the same message the server would send.
 */
export function answersSchema(fields: readonly FormField[]): z.ZodType<Answers> {
  const shape: Record<string, z.ZodType> = {}
  for (const f of fields) {
    let s: z.ZodType
    if (f.type === 'number') {
      const n = z.number({ error: `请填写${f.label}` }).int(`${f.label}应为整数`).min(0, `${f.label}不能为负数`).max(999999, `${f.label}过大`)
      s = f.required ? n : n.optional()
    } else if (f.type === 'choice') {
      const c = z.string({ error: `请选择${f.label}` }).refine((v) => f.options.includes(v), `请选择${f.label}`)
      s = f.required ? c : c.optional()
    } else {
      const t = z.string({ error: `请填写${f.label}` }).trim().max(100, `${f.label}最多 100 个字`)
      s = f.required ? t.min(1, `请填写${f.label}`) : t.optional()
    }
    shape[f.key] = s
  }
  return z.object(shape).strict() as unknown as z.ZodType<Answers>
}

// ── Rewards ─────────────────────────────────────────────────────────────────────────────────

const REWARD_TYPE = { label: '奖励类型' }
export const RewardSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('points').meta(REWARD_TYPE), points: z.number().int().min(1).max(10000).meta({ label: '积分' }) }).strict(),
  z
    .object({
      type: z.literal('coupon').meta(REWARD_TYPE),
      title: Text.min(1).max(20).meta({ label: '名称' }),
      valueFen: z.number().int().min(1).max(100000).meta({ label: '券面额', money: true })
    })
    .strict(),
  z
    .object({
      type: z.literal('card').meta(REWARD_TYPE),
      title: Text.min(1).max(20).meta({ label: '名称' }),
      uses: z.number().int().min(1).max(50).meta({ label: '服务次数' })
    })
    .strict()
])
export type Reward = z.infer<typeof RewardSchema>

export function rewardText(r: Reward): string {
  if (r.type === 'points') return `${r.points} 积分`
  if (r.type === 'coupon') return `${r.title}（${(r.valueFen / 100).toFixed(2).replace(/\.00$/, '')} 元券）`
  return `${r.title}（${r.uses} 次服务卡）`
}

// ── Events ──────────────────────────────────────────────────────────────────────────────────

const HOUR = 3600_000

export const EventDraftSchema = z
  .object({
    kind: z.enum(EVENT_KINDS).meta({ label: '活动类型' }),
    title: Text.min(1, '请填写标题').max(40, '标题最多 40 个字').meta({ label: '标题' }),
    cover: OptionalPhoto.meta({ label: '封面' }),
    description: MultilineText.max(2000, '介绍最多 2000 字').meta({ label: '介绍' }).default(''),
    venue: Text.min(1, '请填写地点').max(60, '地点最多 60 个字').meta({ label: '地点' }),
    startAt: Instant.meta({ label: '开始时间' }),
    endAt: Instant.meta({ label: '结束时间' }),
    capacity: z.number().int().min(1, '名额至少 1 个').max(5000, '名额最多 5000 个').meta({ label: '名额' }),
    signupOpensAt: Instant.meta({ label: '报名开始时间' }),
    signupClosesAt: Instant.meta({ label: '报名截止时间' }),
    /** Confirmed seats may be cancelled until this many hours before the start. */
    cancelHoursBefore: z.number().int().min(0).max(168, '最多提前 168 小时').meta({ label: '开始前可取消的小时数' }),
    seatsPerHousehold: z.number().int().min(1, '每户至少 1 席').max(10, '每户最多 10 席').meta({ label: '每户席位' }),
    fields: z.array(FormFieldSchema).max(10, '最多 10 个报名字段').meta({ label: '报名字段', measure: '个' }).default([]),
    rewards: z
      .object({
        attendance: RewardSchema.meta({ label: '签到奖励', qualify: true }).nullable().default(null),
        feedback: RewardSchema.meta({ label: '反馈奖励', qualify: true }).nullable().default(null)
      })
      .strict()
      .meta({ label: '活动奖励' })
      .default({ attendance: null, feedback: null }),
    verifierIds: z.array(Id).max(20).meta({ label: '核销员', measure: '位' }).default([])
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.endAt <= d.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' })
    if (d.endAt - d.startAt > 7 * 24 * HOUR) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '活动最长 7 天' })
    if (d.signupClosesAt <= d.signupOpensAt) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止应晚于报名开始' })
    if (d.signupClosesAt > d.startAt) ctx.addIssue({ code: 'custom', path: ['signupClosesAt'], message: '报名截止不能晚于活动开始' })
    const keys = new Set<string>()
    d.fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: '字段标识重复' })
      keys.add(f.key)
      if (f.type === 'choice' && f.options.length < 2) ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: '选择题至少 2 个选项' })
    })
  })
export type EventDraft = z.infer<typeof EventDraftSchema>

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'checkedIn', 'cancelled', 'noShow'] as const
export type SignupStatus = (typeof SIGNUP_STATUSES)[number]
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  checkedIn: '已签到',
  cancelled: '已取消',
  noShow: '未到场'
}

export const EVENT_PHASES = ['upcoming', 'open', 'closed', 'ongoing', 'ended'] as const
export type EventPhase = (typeof EVENT_PHASES)[number]
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  upcoming: '即将开放报名',
  open: '报名中',
  closed: '报名截止',
  ongoing: '进行中',
  ended: '已结束'
}

/** A sign-up's status, with its place while waitlisted. */
export const signupStatusText = (s: { status: SignupStatus; position: number | null }): string =>
  s.status === 'waitlisted' && s.position ? `候补第 ${s.position} 位` : SIGNUP_STATUS_LABELS[s.status]

const EventView = z.object({
  id: Id,
  communityId: Id,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  /** Null: no cover (so does an address stored before photos were uploaded). */
  cover: PhotoId.nullable(),
  description: z.string(),
  venue: z.string(),
  startAt: EpochMs,
  endAt: EpochMs,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  signupOpensAt: EpochMs,
  signupClosesAt: EpochMs,
  cancelHoursBefore: z.number().int(),
  seatsPerHousehold: z.number().int(),
  fields: z.array(FormFieldSchema),
  rewards: z.object({ attendance: RewardSchema.nullable(), feedback: RewardSchema.nullable() }),
  verifierIds: z.array(Id),
  phase: z.enum(EVENT_PHASES)
})
export type EventViewT = z.infer<typeof EventView>

const MySignup = z.object({
  id: Id,
  eventId: Id,
  status: z.enum(SIGNUP_STATUSES),
  /** 1-based place in the waitlist while waitlisted. */
  position: z.number().int().nullable(),
  householdId: Id,
  householdLabel: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: EpochMs,
  checkedInAt: EpochMs.nullable(),
  /** Until when cancelling is allowed; null once it no longer is. */
  cancelUntil: EpochMs.nullable(),
  feedbackGiven: z.boolean()
})
export type MySignupT = z.infer<typeof MySignup>

const RewardGrant = z.object({
  id: Id,
  eventId: Id,
  eventTitle: z.string(),
  kind: z.enum(['attendance', 'feedback']),
  reward: RewardSchema,
  text: z.string(),
  grantedAt: EpochMs
})
export type RewardGrantT = z.infer<typeof RewardGrant>

const Attendee = z.object({
  signupId: Id,
  status: z.enum(SIGNUP_STATUSES),
  position: z.number().int().nullable(),
  name: z.string(),
  householdLabel: z.string(),
  phoneMasked: z.string().nullable(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: EpochMs,
  checkedInAt: EpochMs.nullable(),
  inviterName: z.string().nullable()
})

export const IDEA_STATUSES = ['new', 'considered', 'planned', 'launched'] as const
export type IdeaStatus = (typeof IDEA_STATUSES)[number]
export const IDEA_STATUS_LABELS: Record<IdeaStatus, string> = { new: '新提交', considered: '评估中', planned: '已排期', launched: '已上线' }

const Idea = z.object({
  id: Id,
  eventId: Id,
  eventTitle: z.string(),
  text: z.string(),
  authorName: z.string(),
  tags: z.array(z.string()),
  status: z.enum(IDEA_STATUSES),
  createdAt: EpochMs
})

export const RATING_DIMENSIONS = ['content', 'organisation', 'service'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]
export const RATING_LABELS: Record<RatingDimension, string> = { content: '活动内容', organisation: '组织安排', service: '服务体验' }

const Rating = z.number().int().min(1, '请打分').max(5, '最高 5 分')

export const FeedbackInputSchema = z
  .object({
    eventId: Id.meta({ label: '活动' }),
    ratings: z.object({
      content: Rating.meta({ label: RATING_LABELS.content }),
      organisation: Rating.meta({ label: RATING_LABELS.organisation }),
      service: Rating.meta({ label: RATING_LABELS.service })
    }).strict().meta({ label: '评分' }),
    comment: MultilineText.max(500, '最多 500 字').meta({ label: '评价' }).default(''),
    ideas: MultilineText.max(500, '最多 500 字').meta({ label: '新服务建议' }).default('')
  })
  .strict()

const InviteStats = z.object({
  eventId: Id,
  title: z.string(),
  cover: PhotoId.nullable(),
  startAt: EpochMs,
  token: z.string().nullable(),
  shares: z.number().int(),
  visits: z.number().int(),
  groups: z.number().int(),
  signups: z.number().int(),
  checkins: z.number().int()
})

const RESIDENT_VIEWERS = ['resident', 'staff', 'verifier', 'butler', 'operator'] as const
/** Who runs events: event staff, and operators, who may do everything in their community. */
const EVENT_STAFF = ['staff', 'operator'] as const
const InviteToken = Text.regex(/^[A-Za-z0-9]{6,32}$/, '邀请码无效').meta({ label: '邀请码' })

export const eventContracts = {
  list: defineAction({
    fn: FN,
    name: 'list',
    summary: '社区的活动列表（即将开始或已结束）',
    access: RESIDENT_VIEWERS,
    input: z.object({ when: z.enum(['upcoming', 'past']).meta({ label: '时间范围' }).default('upcoming') }).strict(),
    output: z.object({ events: z.array(EventView) })
  }),
  get: defineAction({
    fn: FN,
    name: 'get',
    summary: '活动详情；住户还能看到本户的报名',
    access: RESIDENT_VIEWERS,
    input: z.object({ id: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({
      event: EventView,
      mine: z.array(MySignup),
      /** WeChat template ids to request on the sign-up tap (key -> id); empty where none are set up. */
      subscribeTemplates: z.array(z.object({ key: z.enum([EVENT_TEMPLATES.reminder, EVENT_TEMPLATES.promoted]), id: z.string() }))
    })
  }),
  editorOptions: defineAction({
    fn: FN,
    name: 'editorOptions',
    summary: '创建活动时可指派的核销员，以及可套用的活动模板（如从样板社区复制）',
    access: EVENT_STAFF,
    input: Empty,
    output: z.object({
      verifiers: z.array(z.object({ id: Id, name: z.string() })),
      templates: z.array(
        z.object({
          id: Id,
          kind: z.enum(EVENT_KINDS),
          title: z.string(),
          cover: PhotoId.nullable(),
          description: z.string(),
          venue: z.string(),
          durationMin: z.number().int().positive(),
          capacity: z.number().int().positive(),
          seatsPerHousehold: z.number().int().positive(),
          cancelHoursBefore: z.number().int().nonnegative(),
          fields: z.array(FormFieldSchema),
          rewards: z.object({ attendance: RewardSchema.nullable(), feedback: RewardSchema.nullable() })
        })
      )
    })
  }),
  create: defineAction({
    fn: FN,
    name: 'create',
    summary: '活动专员创建活动',
    access: EVENT_STAFF,
    input: z.object({ event: EventDraftSchema.meta({ label: '活动' }) }).strict(),
    output: EventView
  }),
  update: defineAction({
    fn: FN,
    name: 'update',
    summary: '活动专员修改活动；名额不能少于已确认人数，扩容时自动递补候补',
    access: EVENT_STAFF,
    input: z.object({ id: Id.meta({ label: '活动' }), event: EventDraftSchema.meta({ label: '活动' }) }).strict(),
    output: EventView
  }),
  signUp: defineAction({
    fn: FN,
    name: 'signUp',
    summary: '住户报名：获得席位或候补名次',
    access: ['resident'],
    input: z
      .object({
        eventId: Id.meta({ label: '活动' }),
        householdId: Id.meta({ label: '房屋' }),
        answers: z.record(z.string().max(24), z.union([Text.max(200), z.number()])).meta({ label: '报名信息' }).default({}),
        /** Template keys the resident accepted in wx.requestSubscribeMessage on this tap. */
        subscribed: z.array(z.enum([EVENT_TEMPLATES.reminder, EVENT_TEMPLATES.promoted])).max(2).meta({ label: '订阅的消息', measure: '条' }).default([])
      })
      .strict(),
    output: MySignup
  }),
  cancel: defineAction({
    fn: FN,
    name: 'cancel',
    summary: '取消报名；空出的席位由候补第一位递补',
    access: ['resident'],
    input: z.object({ signupId: Id.meta({ label: '报名记录' }) }).strict(),
    output: MySignup
  }),
  mine: defineAction({
    fn: FN,
    name: 'mine',
    summary: '我的活动与奖励',
    access: ['resident'],
    input: Empty,
    output: z.object({
      items: z.array(z.object({ event: EventView, signup: MySignup })),
      rewards: z.array(RewardGrant),
      /** Recent event notices from the inbox (promotions, reminders, rewards). */
      notices: z.array(z.object({ id: Id, kind: z.string(), title: z.string(), body: z.string(), link: z.string(), createdAt: EpochMs }))
    })
  }),
  ticket: defineAction({
    fn: FN,
    name: 'ticket',
    summary: '电子票：签名、限时、轮换的二维码与核销码',
    access: ['resident'],
    input: z.object({ signupId: Id.meta({ label: '报名记录' }) }).strict(),
    output: z.object({
      signup: MySignup,
      event: EventView,
      token: z.string(),
      shortCode: z.string(),
      expiresAt: EpochMs,
      refreshAt: EpochMs,
      rewards: z.array(RewardGrant)
    })
  }),
  ticketCode: defineAction({
    fn: FN,
    name: 'ticketCode',
    summary: '电子票刷新（每 30 秒）：只换新的二维码与核销码',
    access: ['resident'],
    input: z.object({ signupId: Id.meta({ label: '报名记录' }) }).strict(),
    output: z.object({
      /** When it changes (checked in), the page loads the whole ticket again. */
      status: z.enum(['confirmed', 'checkedIn']),
      token: z.string(),
      shortCode: z.string(),
      expiresAt: EpochMs,
      refreshAt: EpochMs
    })
  }),
  checkIn: defineAction({
    fn: FN,
    name: 'checkIn',
    summary: '核销员扫码或输入核销码签到（每人一次）',
    access: ['verifier', 'staff'],
    input: z.object({ eventId: Id.meta({ label: '活动' }), code: Text.min(6, '请输入 6 位核销码').max(200).meta({ label: '核销码' }) }).strict(),
    output: z.object({ signupId: Id, name: z.string(), householdLabel: z.string(), checkedInAt: EpochMs, rewardText: z.string().nullable() })
  }),
  signups: defineAction({
    fn: FN,
    name: 'signups',
    summary: '报名名单与候补队列',
    access: ['staff', 'operator', 'verifier'],
    input: z.object({ eventId: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({
      event: EventView,
      attendees: z.array(Attendee),
      waitlist: z.array(Attendee),
      cancelled: z.number().int()
    })
  }),
  exportAttendees: defineAction({
    fn: FN,
    name: 'exportAttendees',
    summary: '导出报名名单 CSV（UTF-8 BOM，Excel 可直接打开）',
    access: EVENT_STAFF,
    input: z.object({ eventId: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() })
  }),
  submitFeedback: defineAction({
    fn: FN,
    name: 'submitFeedback',
    summary: '参加者提交活动反馈与新服务建议',
    access: ['resident'],
    input: FeedbackInputSchema,
    output: z.object({ rewardText: z.string().nullable() })
  }),
  feedbackSummary: defineAction({
    fn: FN,
    name: 'feedbackSummary',
    summary: '活动反馈汇总',
    access: ['staff', 'operator'],
    input: z.object({ eventId: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({
      eventTitle: z.string(),
      responses: z.number().int(),
      attended: z.number().int(),
      averages: z.object({ content: z.number(), organisation: z.number(), service: z.number() }),
      comments: z.array(z.object({ text: z.string(), authorName: z.string(), createdAt: EpochMs }))
    })
  }),
  listIdeas: defineAction({
    fn: FN,
    name: 'listIdeas',
    summary: '新服务创意墙',
    access: ['staff', 'operator'],
    input: z.object({ status: z.enum(IDEA_STATUSES).meta({ label: '状态' }).optional() }).strict(),
    output: z.object({ ideas: z.array(Idea) })
  }),
  updateIdea: defineAction({
    fn: FN,
    name: 'updateIdea',
    summary: '运营为创意打标签、改状态',
    access: ['staff', 'operator'],
    input: z
      .object({
        id: Id.meta({ label: '创意' }),
        status: z.enum(IDEA_STATUSES).meta({ label: '状态' }),
        tags: z.array(Text.min(1).max(10)).max(5, '最多 5 个标签').meta({ label: '标签', measure: '个' })
      })
      .strict(),
    output: Idea
  }),
  shareInvite: defineAction({
    fn: FN,
    name: 'shareInvite',
    summary: '管家分享活动到微信群：生成带管家邀请码的卡片路径',
    access: ['butler'],
    input: z.object({ eventId: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({
      token: z.string(),
      path: z.string(),
      /** The share card's picture; null: WeChat takes a screenshot of the page. */
      cover: PhotoId.nullable(),
      shares: z.number().int()
    })
  }),
  invitePoster: defineAction({
    fn: FN,
    name: 'invitePoster',
    summary: '管家海报：小程序码（scene 不超过 32 字符）',
    access: ['butler'],
    input: z.object({ eventId: Id.meta({ label: '活动' }) }).strict(),
    output: z.object({
      token: z.string(),
      page: z.string(),
      path: z.string(),
      /** The mini-program code image (a cloud file id) where the platform can make one; null locally. */
      codeImage: z.string().nullable(),
      event: EventView,
      butlerName: z.string()
    })
  }),
  inviteStats: defineAction({
    fn: FN,
    name: 'inviteStats',
    summary: '管家的邀请数据：分享、访问、报名、签到',
    access: ['butler'],
    input: Empty,
    output: z.object({ rows: z.array(InviteStats) })
  }),
  recordVisit: defineAction({
    fn: FN,
    name: 'recordVisit',
    summary: '打开分享卡片或扫海报时记录访问（含群标识）',
    access: 'member',
    input: z
      .object({
        token: InviteToken,
        /** `cloudID` from wx.getGroupEnterInfo when the card was opened in a group. */
        groupCloudId: Text.min(1).max(512).meta({ label: '群信息' }).optional()
      })
      .strict(),
    output: z.object({ eventId: Id, communityId: Id, inviterName: z.string(), groupRecorded: z.boolean() })
  })
} as const
