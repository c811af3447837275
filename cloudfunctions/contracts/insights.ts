import * as z from 'zod'
import { PROFILE_FACTS, SURVEY_CHANNELS } from './survey-kinds'
import { defineAction } from './define'
import { ParcelCounts } from './parcel'
import { ClientRequestId, Empty, EpochMs, Id, MultilineText, Ok, SignedFen, Text } from './common'
import {
  AGE_BANDS,
  CHURN_CASE_STATUSES,
  CHURN_REASONS,
  FOLLOW_CHANNELS,
  NEEDS,
  PET_KINDS,
  RULE_OPS,
  SEGMENT_METRICS,
  TASK_KINDS
} from './insights-labels'

const FN = 'insights'
const Count = z.number().int().nonnegative()

/** A Shanghai calendar day, `YYYY-MM-DD`. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, '不是有效日期').meta({ label: '日期' })

// ── Household profile ─────────────────────────────────────────────────────────────────────────
/** A mainland plate: province character, letter, then 5–6 letters/digits (new-energy plates have 6). */
const Plate = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[\u4e00-\u9fa5][A-Z](?:[A-Z0-9]{5,6}|·\*{3}[A-Z0-9]{2})$/, '车牌格式不正确，例如 沪A12345').meta({ label: '车牌号' })
/** A butler sees plates masked (`浙A·***45`); sending one back keeps the stored plate it stands for. */
export const MASKED_PLATE = /·\*{3}/

export const ProfileFields = z
  .object({
    members: z
      .array(
        z
          .object({
            name: Text.max(20, '称呼最多 20 字').meta({ label: '称呼' }).default(''),
            ageBand: z.enum(AGE_BANDS).meta({ label: '年龄段' }).optional(),
            occupation: Text.max(20, '职业最多 20 字').meta({ label: '职业' }).default('')
          })
          .strict()
      )
      .max(12, '最多 12 位成员').meta({ label: '家庭成员', measure: '位' })
      .default([]),
    /** Square metres × 100, as the household record stores area. */
    areaCm2: z.number().int().min(100, '面积过小').max(100_000_00, '面积过大').meta({ label: '面积' }).optional(),
    /** The year the household moved in: how long it has lived here (入住年数 in segment rules). */
    moveInYear: z.number().int('请填写年份，例如 2015').min(1950, '入住年份不早于 1950 年').max(2100, '入住年份有误').meta({ label: '入住年份' }).optional(),
    cars: z.array(z.object({ plate: Plate }).strict()).max(6, '最多 6 辆车').meta({ label: '车', measure: '辆' }).default([]),
    pets: z
      .array(z.object({ kind: z.enum(PET_KINDS).meta({ label: '宠物种类' }), count: z.number().int().min(1).max(20).meta({ label: '只数' }) }).strict())
      .max(6).meta({ label: '宠物', measure: '类' })
      .default([]),
    note: MultilineText.max(200, '备注最多 200 字').meta({ label: '备注' }).default('')
  })
  .strict()

const ProfileView = z.object({
  householdId: Id,
  label: z.string(),
  exists: z.boolean(),
  members: z.array(z.object({ name: z.string(), ageBand: z.enum(AGE_BANDS).nullable(), occupation: z.string() })),
  areaCm2: z.number().int().nullable(),
  moveInYear: z.number().int().nullable(),
  cars: z.array(z.object({ plate: z.string() })),
  pets: z.array(z.object({ kind: z.enum(PET_KINDS), count: z.number().int() })),
  note: z.string(),
  /** Bound users with their phone numbers; masked for butlers unless revealed for a task. */
  people: z.array(z.object({ userId: Id, nickname: z.string(), relation: z.string(), phone: z.string().nullable() })),
  masked: z.boolean(),
  enteredBy: z.enum(['resident', 'butler']).nullable(),
  consentAt: EpochMs.nullable(),
  updatedAt: EpochMs.nullable(),
  /** Facts answered in surveys, each with the survey it came from. */
  facts: z.array(z.object({ fact: z.enum(PROFILE_FACTS), value: z.union([z.number(), z.boolean()]), surveyTitle: z.string(), channel: z.enum(SURVEY_CHANNELS), at: EpochMs }))
})
export type ProfileViewT = z.infer<typeof ProfileView>

const Consumption = z.object({
  orders: Count,
  spentFen: SignedFen,
  lastActivityAt: EpochMs.nullable(),
  lastPaidAt: EpochMs.nullable(),
  /** Spend per service line over the last 12 months, newest month first. */
  months: z.array(z.object({ month: z.string(), lines: z.array(z.object({ line: z.string(), label: z.string(), fen: SignedFen })), totalFen: SignedFen })),
  attended180: Count
})

const ReasonView = z.object({ code: z.enum(CHURN_REASONS), label: z.string(), points: z.number().int() })
const SegmentHit = z.object({ need: z.enum(NEEDS), label: z.string(), because: z.string() })

/**
 * What the resident sees of the analysis: the needs found, each with a plain reason. No score,
 * churn reasons or figures: those are the butler's and operator's working, not the resident's.
 */
const ResidentInsight = z.object({
  segments: z.array(z.object({ need: z.enum(NEEDS), label: z.string(), reason: z.string() })),
  optedOut: z.boolean()
})

const Insight = z.object({
  score: z.number().int().nullable(),
  atRisk: z.boolean(),
  reasons: z.array(ReasonView),
  segments: z.array(SegmentHit),
  scoredAt: EpochMs.nullable(),
  optedOut: z.boolean()
})

// ── Butler workspace ──────────────────────────────────────────────────────────────────────────
const GridHousehold = z.object({
  householdId: Id,
  label: z.string(),
  buildingId: Id,
  boundUsers: Count,
  score: z.number().int().nullable(),
  atRisk: z.boolean(),
  needs: z.array(z.enum(NEEDS)),
  lastActivityAt: EpochMs.nullable()
})

const TaskView = z.object({
  taskId: Id,
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  detail: z.string(),
  target: Count,
  progress: Count,
  done: z.boolean(),
  /** Households this task is about (for follow-ups and deliveries), with what to do. */
  households: z.array(z.object({ householdId: Id, label: z.string(), why: z.string(), done: z.boolean() })),
  /** Where the butler acts on it in the app. */
  link: z.string()
})
export type TaskViewT = z.infer<typeof TaskView>

const ScoreRow = z.object({
  butlerUserId: Id,
  name: z.string(),
  rank: z.number().int().positive(),
  tasks: Count,
  target: Count,
  achieved: Count,
  /** achieved ÷ target in basis points (10000 = 100%). */
  completionBp: z.number().int().nonnegative(),
  followUps: Count,
  reactivated: Count,
  /**
   * Of the grid's homes the surveys open in the period reach, those that answered, in basis
   * points; null when no survey was open.
   */
  surveyRateBp: z.number().int().nonnegative().nullable(),
  /** Training certificates held (管家培训), whenever earned. */
  certificates: Count,
  /** Approved 表扬信 from the grid's households written in the period. */
  praises: Count
})

const CaseView = z.object({
  caseId: Id,
  householdId: Id,
  label: z.string(),
  butlerUserId: z.string(),
  butlerName: z.string(),
  score: z.number().int(),
  reasons: z.array(ReasonView),
  status: z.enum(CHURN_CASE_STATUSES),
  statusLabel: z.string(),
  openedAt: EpochMs,
  followedAt: EpochMs.nullable(),
  closedAt: EpochMs.nullable()
})

// ── Operator dashboard ────────────────────────────────────────────────────────────────────────
const DayRow = z.object({ day: z.string(), orders: Count, gmvFen: SignedFen, buyers: Count })
const Figures = z.object({
  orders: Count,
  gmvFen: SignedFen,
  /** GMV ÷ orders, rounded to the fen; null without orders. */
  aovFen: SignedFen.nullable(),
  /** Households with ≥2 paid orders in the window ÷ households with ≥1, in basis points. */
  repurchaseBp: z.number().int().nullable(),
  repurchaseWindow: z.string().nullable(),
  repeaters: Count.nullable(),
  purchasers: Count.nullable(),
  /** Fee collection of the months the range touches: collected ÷ billed, basis points. */
  collectionBp: z.number().int().nullable(),
  billedFen: SignedFen,
  collectedFen: SignedFen,
  /** Average of service ratings and event feedback (1–5) × 100. */
  serviceRating100: z.number().int().nullable(),
  serviceRatings: Count,
  eventRating100: z.number().int().nullable(),
  eventRatings: Count,
  /**
   * Parking paid in the range, counted on the day of payment, net of refunds: temporary stays
   * (residents' and drivers' alike) and monthly cards. A payment refunded in full stops counting.
   */
  parkingStays: Count,
  parkingStayFen: SignedFen,
  parkingCards: Count,
  parkingCardFen: SignedFen
})
export type FiguresT = z.infer<typeof Figures>

const Funnel = z.object({
  /** People who opened an invitation sent in the range. */
  visits: Count,
  /** Sign-ups through those invitations. */
  signups: Count,
  /** Orders through an invitation, paid in the range. */
  orders: Count,
  /** Households that signed up or ordered through an invitation. */
  converted: Count,
  /** Of those, households that ordered again after converting. */
  repeat: Count
})

const ButlerRow = z.object({ butlerUserId: Id, name: z.string(), completionBp: z.number().int(), followUps: Count, reactivated: Count, surveyRateBp: z.number().int().nullable() })
const WorkerRow = z.object({ workerId: Id, name: z.string(), avg100: z.number().int().nullable(), ratings: Count, outstanding: z.boolean() })
const CommunityRow = z.object({ communityId: Id, name: z.string(), orders: Count, gmvFen: SignedFen, aovFen: SignedFen.nullable(), repurchaseBp: z.number().int().nullable(), collectionBp: z.number().int().nullable(), atRisk: Count })

const RangeInput = z
  .object({
    scope: z.enum(['community', 'all']).meta({ label: '统计范围' }).default('community'),
    from: Day.meta({ label: '开始日期' }),
    to: Day.meta({ label: '结束日期' })
  })
  .strict()

// ── Rules ─────────────────────────────────────────────────────────────────────────────────────
export const SegmentRule = z
  .object({
    need: z.enum(NEEDS).meta({ label: '需求' }),
    label: Text.min(2, '请写一句规则说明').max(40, '说明最多 40 字').meta({ label: '规则说明' }),
    all: z
      .array(z.object({
        metric: z.enum(SEGMENT_METRICS).meta({ label: '指标' }),
        op: z.enum(RULE_OPS).meta({ label: '比较方式' }),
        value: z.number().min(0).max(100_000_000).meta({ label: '数值' })
      }).strict())
      .min(1, '至少一个条件')
      .max(5, '最多 5 个条件').meta({ label: '条件', measure: '个' })
  })
  .strict()
export type SegmentRuleT = z.infer<typeof SegmentRule>

export const ChurnSettings = z
  .object({
    /** A score at or above this opens a follow-up case. */
    threshold: z.number().int().min(10).max(100).meta({ label: '预警分数线' }),
    /** "No orders in N weeks" fires after this many weeks. */
    quietWeeks: z.number().int().min(2).max(26).meta({ label: '未下单周数' }),
    /** Daily invitation target per butler for this week's session. */
    inviteTarget: z.number().int().min(1).max(100).meta({ label: '每日邀请目标' })
  })
  .strict()
export type ChurnSettingsT = z.infer<typeof ChurnSettings>

const RulesView = z.object({ segments: z.array(SegmentRule), churn: ChurnSettings, updatedAt: EpochMs.nullable(), isDefault: z.boolean() })

export const insightsContracts = {
  // ── Resident: own profile, export, delete ──────────────────────────────────────────────────
  myProfile: defineAction({
    fn: FN,
    name: 'myProfile',
    summary: '住户：查看本户档案与消费数据',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ profile: ProfileView, consumption: Consumption.nullable(), insight: ResidentInsight })
  }),
  saveProfile: defineAction({
    fn: FN,
    name: 'saveProfile',
    summary: '住户：同意后填写本户档案',
    access: ['resident'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        consent: z.literal(true, { error: '请先阅读并同意个人信息收集说明' }).meta({ label: '同意说明' }),
        profile: ProfileFields.meta({ label: '档案' })
      })
      .strict(),
    output: z.object({ profile: ProfileView })
  }),
  exportProfile: defineAction({
    fn: FN,
    name: 'exportProfile',
    summary: '住户：导出本户的全部个人数据（JSON）',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ fileName: z.string(), json: z.string() })
  }),
  deleteProfile: defineAction({
    fn: FN,
    name: 'deleteProfile',
    summary: '住户：删除本户档案与画像数据，并停止画像分析',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }), confirm: z.literal(true, { error: '请确认删除' }).meta({ label: '确认删除' }) }).strict(),
    output: Ok
  }),
  restoreAnalysis: defineAction({
    fn: FN,
    name: 'restoreAnalysis',
    summary: '住户：重新开启画像分析',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: Ok
  }),
  // ── Butler workspace ──────────────────────────────────────────────────────────────────────
  myGrid: defineAction({
    fn: FN,
    name: 'myGrid',
    summary: '管家：我的网格（楼栋、住户、绑定情况、预警）',
    access: ['butler'],
    input: Empty,
    output: z.object({
      grids: z.array(z.object({ gridId: Id, name: z.string(), buildings: z.array(z.object({ buildingId: Id, name: z.string(), households: Count, bound: Count })) })),
      households: z.array(GridHousehold),
      totals: z.object({ households: Count, bound: Count, atRisk: Count })
    })
  }),
  household: defineAction({
    fn: FN,
    name: 'household',
    summary: '管家：住户档案（脱敏）、消费、预警原因、跟进记录',
    access: ['butler', 'operator'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({
      profile: ProfileView,
      consumption: Consumption.nullable(),
      insight: Insight,
      followUps: z.array(z.object({ at: EpochMs, channel: z.enum(FOLLOW_CHANNELS), note: z.string(), butlerName: z.string() })),
      openCase: CaseView.nullable(),
      /** Parcels received (快递代收): counted per month as they are registered. */
      parcels: ParcelCounts,
      /** Smart parking: its spaces, its registered plates (masked as phones are), the monthly card, how often its cars came in. */
      parking: z.object({
        spaces: z.number().int().nonnegative(),
        plates: z.array(z.string()),
        monthlyUntil: EpochMs.nullable(),
        entries30d: z.number().int().nonnegative()
      }),
      /** Tasks of today that let this butler see the contact details unmasked. */
      revealTaskIds: z.array(Id)
    })
  }),
  butlerSaveProfile: defineAction({
    fn: FN,
    name: 'butlerSaveProfile',
    summary: '管家：代为登记住户档案（需住户口头同意）',
    access: ['butler'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        consent: z.literal(true, { error: '请确认住户已同意登记' }).meta({ label: '住户同意' }),
        profile: ProfileFields.meta({ label: '档案' })
      })
      .strict(),
    output: z.object({ profile: ProfileView })
  }),
  reveal: defineAction({
    fn: FN,
    name: 'reveal',
    summary: '管家：为执行任务查看完整电话与车牌（留痕）',
    access: ['butler'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }), taskId: Id.meta({ label: '任务' }) }).strict(),
    output: z.object({ profile: ProfileView })
  }),
  todayTasks: defineAction({
    fn: FN,
    name: 'todayTasks',
    summary: '管家：今日任务与完成进度',
    access: ['butler'],
    input: Empty,
    output: z.object({ day: z.string(), tasks: z.array(TaskView), completionBp: z.number().int() })
  }),
  logFollowUp: defineAction({
    fn: FN,
    name: 'logFollowUp',
    summary: '管家：记录一次住户跟进',
    access: ['butler'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        channel: z.enum(FOLLOW_CHANNELS).meta({ label: '跟进方式' }),
        note: MultilineText.min(2, '请写下跟进情况').max(300, '最多 300 字').meta({ label: '跟进情况' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ followedAt: EpochMs, caseId: Id.nullable() })
  }),
  scoreboard: defineAction({
    fn: FN,
    name: 'scoreboard',
    summary: '管家/运营：周排行榜（任务完成率）',
    access: ['butler', 'operator'],
    input: z.object({ weeksAgo: z.number().int().min(0).max(12).meta({ label: '周次' }).default(0) }).strict(),
    output: z.object({ weekStart: z.string(), weekEnd: z.string(), rows: z.array(ScoreRow) })
  }),
  churnCases: defineAction({
    fn: FN,
    name: 'churnCases',
    summary: '管家/运营：流失预警住户与召回结果',
    access: ['butler', 'operator'],
    input: z.object({ status: z.enum(CHURN_CASE_STATUSES).meta({ label: '状态' }).optional() }).strict(),
    output: z.object({
      cases: z.array(CaseView),
      outcomes: z.object({ open: Count, followed: Count, reactivated: Count, lost: Count, reactivationBp: z.number().int().nullable() })
    })
  }),
  // ── Operator ──────────────────────────────────────────────────────────────────────────────
  dashboard: defineAction({
    fn: FN,
    name: 'dashboard',
    summary: '运营：经营看板（订单、GMV、客单价、回购率、收缴率、停车收入、满意度、漏斗）',
    access: ['operator'],
    input: RangeInput,
    output: z.object({
      scope: z.enum(['community', 'all']),
      from: z.string(),
      to: z.string(),
      figures: Figures,
      /** The same figures over the range just before, for the ↑↓ beside each. */
      previous: Figures,
      days: z.array(DayRow),
      lines: z.array(z.object({ line: z.string(), label: z.string(), orders: Count, gmvFen: SignedFen })),
      funnel: Funnel,
      butlers: z.array(ButlerRow),
      workers: z.array(WorkerRow),
      communities: z.array(CommunityRow),
      atRisk: Count,
      /** When the stored figures were last brought up to date. */
      computedAt: EpochMs.nullable()
    })
  }),
  exportCsv: defineAction({
    fn: FN,
    name: 'exportCsv',
    summary: '运营：导出看板日明细（CSV）',
    access: ['operator'],
    input: RangeInput,
    output: z.object({ fileName: z.string(), csv: z.string() })
  }),
  rules: defineAction({
    fn: FN,
    name: 'rules',
    summary: '运营：分群规则与预警设置',
    access: ['operator'],
    input: Empty,
    output: RulesView
  }),
  saveRules: defineAction({
    fn: FN,
    name: 'saveRules',
    summary: '运营：修改分群规则与预警设置（次日生效，也可立即重算）',
    access: ['operator'],
    input: z.object({
      segments: z.array(SegmentRule).max(30, '最多 30 条规则').meta({ label: '分群规则', measure: '条' }),
      churn: ChurnSettings.meta({ label: '预警设置' })
    }).strict(),
    output: RulesView
  }),
  segment: defineAction({
    fn: FN,
    name: 'segment',
    summary: '运营/管家：某一需求分群的住户（用于定向发券、邀请）',
    access: ['operator', 'butler'],
    input: z.object({ need: z.enum(NEEDS).meta({ label: '需求' }) }).strict(),
    output: z.object({
      need: z.enum(NEEDS),
      count: Count,
      households: z.array(z.object({ householdId: Id, label: z.string(), because: z.string() })),
      sizes: z.array(z.object({ need: z.enum(NEEDS), label: z.string(), count: Count }))
    })
  }),
  replicate: defineAction({
    fn: FN,
    name: 'replicate',
    summary: '运营：以本社区为样板复制出新社区（服务目录、收费项、活动模板、规则）',
    access: ['operator'],
    input: z
      .object({
        name: Text.min(2, '请填写社区名称').max(30, '最多 30 字').meta({ label: '社区名称' }),
        city: Text.min(2, '请填写城市').max(20).meta({ label: '城市' }),
        address: Text.min(4, '请填写地址').max(60).meta({ label: '地址' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({
      communityId: Id,
      copied: z.object({
        serviceLines: Count,
        products: Count,
        feeItems: Count,
        feeSettings: Count,
        eventTemplates: Count,
        couponTemplates: Count,
        rules: Count
      })
    })
  })
} as const

export type InsightsContracts = typeof insightsContracts
export const InsightsDayRow = DayRow
export const InsightsCaseView = CaseView
export type CaseViewT = z.infer<typeof CaseView>
export type ReasonViewT = z.infer<typeof ReasonView>
export type SegmentHitT = z.infer<typeof SegmentHit>
export type InsightT = z.infer<typeof Insight>
export type ResidentInsightT = z.infer<typeof ResidentInsight>
export type ConsumptionT = z.infer<typeof Consumption>
export type ProfileFieldsT = z.output<typeof ProfileFields>
export type FunnelT = z.infer<typeof Funnel>
