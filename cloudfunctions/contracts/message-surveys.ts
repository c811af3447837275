import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text, timeInput } from './common'
import { defineAction } from './define'
import { NEEDS } from './insights-labels'
import { NoticeAudience } from './message-audience'
import { PROFILE_FACTS, QUESTION_TYPES, SURVEY_CHANNELS, SURVEY_PER, SURVEY_STATES, factIsNumber } from './survey-kinds'

/** Surveys (问卷), in the `message` function: questions with simple skip logic, one response a household or a person. */
const FN = 'message'

const QuestionKey = z.string().regex(/^q[0-9]{1,3}$/, '题目编号无效').meta({ label: '题目编号' })

export const Question = z
  .object({
    key: QuestionKey,
    type: z.enum(QUESTION_TYPES, '请选择题型').meta({ label: '题型' }),
    title: Text.min(2, '请填写题目（至少 2 个字）').max(80, '题目最多 80 个字').meta({ label: '题目' }),
    required: z.boolean().default(true).meta({ label: '必答' }),
    options: z.array(Text.min(1, '选项不能为空').max(30, '每个选项最多 30 个字')).max(12, '最多 12 个选项').default([]).meta({ label: '选项' }),
    /** A rating's top score (1 to this); a number's bounds. */
    max: z.number().int().min(1).max(100_000).optional().meta({ label: '最大值' }),
    min: z.number().int().min(0).max(100_000).optional().meta({ label: '最小值' }),
    /** Shown only when an earlier choice question was answered with this option. */
    showIf: z
      .object({ key: QuestionKey.meta({ label: '条件题目' }), option: z.number().int().min(0).max(11).meta({ label: '条件选项' }) })
      .strict()
      .optional()
      .meta({ label: '显示条件' }),
    profileFact: z.enum(PROFILE_FACTS).optional().meta({ label: '写入档案' })
  })
  .strict()
export type Question = z.infer<typeof Question>

export const SurveyInput = z
  .object({
    title: Text.min(2, '请填写问卷标题（至少 2 个字）').max(40, '标题最多 40 个字').meta({ label: '问卷标题' }),
    intro: MultilineText.max(1000, '说明最多 1000 字').default('').meta({ label: '说明' }),
    questions: z.array(Question).min(1, '请至少添加一道题').max(50, '最多 50 道题').meta({ label: '题目' }),
    audience: NoticeAudience,
    anonymous: z.boolean().default(false).meta({ label: '匿名' }),
    per: z.enum(SURVEY_PER, '请选择每户一份或每人一份').default('household').meta({ label: '填写次数' }),
    opensAt: timeInput(1).optional().meta({ label: '开始时间' }),
    closesAt: timeInput(1).meta({ label: '截止时间' }),
    clientRequestId: ClientRequestId
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>()
    s.questions.forEach((q, i) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['questions', i, field], message })
      if (seen.has(q.key)) at('key', '题目编号重复')
      if ((q.type === 'single' || q.type === 'multi') && q.options.length < 2) at('options', '请至少填写两个选项')
      if ((q.type === 'single' || q.type === 'multi') && new Set(q.options).size !== q.options.length) at('options', '选项不能重复')
      if (q.type === 'rating' && q.max !== undefined && (q.max < 3 || q.max > 10)) at('max', '评分为 3 到 10 分')
      if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) at('max', '最大值须不小于最小值')
      if (q.showIf) {
        const j = seen.get(q.showIf.key)
        const parent = j === undefined ? undefined : s.questions[j]
        if (!parent || (parent.type !== 'single' && parent.type !== 'multi')) at('showIf', '显示条件须指向前面的选择题')
        else if (q.showIf.option >= parent.options.length) at('showIf', '显示条件的选项不存在')
      }
      if (q.profileFact) {
        if (factIsNumber(q.profileFact) ? q.type !== 'number' : q.type !== 'single' || q.options.length !== 2) {
          at('profileFact', factIsNumber(q.profileFact) ? '家庭人口须用数字题' : '是否类档案须用「是 / 否」两个选项的单选题')
        }
        if (s.questions.some((o, k) => k < i && o.profileFact === q.profileFact)) at('profileFact', '一个档案项只能对应一道题')
      }
      seen.set(q.key, i)
    })
    if (s.opensAt !== undefined && s.closesAt <= s.opensAt) ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '截止时间须晚于开始时间' })
  })
export type SurveyInput = z.input<typeof SurveyInput>

/** An answer as sent: an option index, several, a score or number, or text; checked against its question by the server. */
const Answer = z.union([z.number().int(), z.array(z.number().int()).max(12), MultilineText.max(500, '最多 500 字')])
export const Answers = z.record(QuestionKey, Answer).meta({ label: '答案' })
export type Answers = z.infer<typeof Answers>

const SurveySummary = z.object({
  id: Id,
  title: z.string(),
  state: z.enum(SURVEY_STATES),
  audienceLabel: z.string(),
  anonymous: z.boolean(),
  per: z.enum(SURVEY_PER),
  questions: z.number().int().nonnegative(),
  closesAt: EpochMs,
  responses: z.number().int().nonnegative(),
  /** For a resident: whether their household (or they) answered already. */
  answered: z.boolean()
})
export type SurveySummary = z.infer<typeof SurveySummary>

const SurveyDetail = SurveySummary.extend({
  intro: z.string(),
  opensAt: EpochMs,
  items: z.array(Question),
  mine: z.object({ answers: Answers, channel: z.enum(SURVEY_CHANNELS), at: EpochMs }).nullable(),
  /** Whether answering fills the household's profile (it consented) for questions mapped to it. */
  fillsProfile: z.boolean()
})
export type SurveyDetail = z.infer<typeof SurveyDetail>

export const ResultFilter = z
  .object({
    buildingId: Id.optional().meta({ label: '楼栋' }),
    gridId: Id.optional().meta({ label: '网格' }),
    need: z.enum(NEEDS).optional().meta({ label: '人群' })
  })
  .strict()

const QuestionResult = z.object({
  key: z.string(),
  type: z.enum(QUESTION_TYPES),
  title: z.string(),
  answered: z.number().int().nonnegative(),
  /** Counts per option (choice questions) or per score (ratings, index 0 = 1 分). */
  counts: z.array(z.number().int().nonnegative()),
  labels: z.array(z.string()),
  average: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** The latest text answers, newest first. */
  texts: z.array(z.string())
})
export type QuestionResult = z.infer<typeof QuestionResult>

export const surveyContracts = {
  saveSurvey: defineAction({
    fn: FN,
    name: 'saveSurvey',
    summary: '发布问卷（题目、跳题、发布范围、截止时间、匿名与填写次数）',
    access: ['operator', 'service'],
    input: SurveyInput,
    output: z.object({ id: Id })
  }),
  closeSurvey: defineAction({
    fn: FN,
    name: 'closeSurvey',
    summary: '提前结束问卷',
    access: ['operator', 'service'],
    input: z.object({ id: Id.meta({ label: '问卷' }) }).strict(),
    output: z.object({ id: Id, closesAt: EpochMs })
  }),
  surveys: defineAction({
    fn: FN,
    name: 'surveys',
    summary: '问卷列表（住户看到发给本户的问卷）',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(SurveySummary) })
  }),
  survey: defineAction({
    fn: FN,
    name: 'survey',
    summary: '问卷题目与我的答卷',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '问卷' }), householdId: Id.optional().meta({ label: '房屋' }) }).strict(),
    output: SurveyDetail
  }),
  answerSurvey: defineAction({
    fn: FN,
    name: 'answerSurvey',
    summary: '住户提交问卷（每户或每人一份）',
    access: ['resident'],
    input: z
      .object({
        id: Id.meta({ label: '问卷' }),
        /** Which of the resident's homes answers, when the survey reaches more than one (the first by default). */
        householdId: Id.optional().meta({ label: '房屋' }),
        answers: Answers,
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ id: Id, profileUpdated: z.array(z.enum(PROFILE_FACTS)) })
  }),
  recordSurvey: defineAction({
    fn: FN,
    name: 'recordSurvey',
    summary: '管家代录纸质或上门调研的答卷（记录渠道）',
    access: ['butler'],
    input: z
      .object({
        id: Id.meta({ label: '问卷' }),
        householdId: Id.meta({ label: '房屋' }),
        channel: z.enum(['paper', 'door'], '请选择调研方式').meta({ label: '调研方式' }),
        answers: Answers
      })
      .strict(),
    output: z.object({ id: Id, profileUpdated: z.array(z.enum(PROFILE_FACTS)) })
  }),
  surveyResults: defineAction({
    fn: FN,
    name: 'surveyResults',
    summary: '问卷结果：每题统计，可按楼栋、网格、人群筛选；各网格回收率',
    access: ['operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '问卷' }), filter: ResultFilter.default({}).meta({ label: '筛选' }) }).strict(),
    output: z.object({
      responses: z.number().int().nonnegative(),
      households: z.number().int().nonnegative(),
      questions: z.array(QuestionResult),
      grids: z.array(z.object({ gridId: Id, name: z.string(), households: z.number().int().nonnegative(), responded: z.number().int().nonnegative() })),
      /** For a butler: the grid's households the survey reaches that have not answered, to visit. */
      unanswered: z.array(z.object({ householdId: Id, label: z.string() })),
      channels: z.array(z.object({ channel: z.enum(SURVEY_CHANNELS), count: z.number().int().nonnegative() }))
    })
  }),
  surveyResponses: defineAction({
    fn: FN,
    name: 'surveyResponses',
    summary: '问卷答卷明细（导出用；匿名问卷不含房屋与姓名）',
    access: ['operator', 'service'],
    input: z.object({ id: Id.meta({ label: '问卷' }), cursor: z.string().max(128).optional().meta({ label: '分页位置' }) }).strict(),
    output: z.object({
      header: z.array(z.string()),
      rows: z.array(z.array(z.union([z.string(), z.number()]))),
      cursor: z.string().nullable()
    })
  })
} as const
