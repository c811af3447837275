import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text } from './common'
import { defineAction } from './define'
import { OptionalPhoto, PhotoId, photoList } from './photo'
import { COURSE_STATUSES, MAX_LESSONS, MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, QUESTION_KINDS, TRAINING_LINES } from './training-labels'

/**
 * Butler training (管家培训): courses per business line, each a set of scenario lessons (情境课)
 * and a quiz with a pass mark. Operators write them in the console; butlers take them, and a
 * passed quiz earns one certificate per course that a later edit of the quiz never takes away.
 */
const FN = 'training'

const Count = z.number().int().nonnegative()
const Percent = z.number().int().min(0).max(100)

/** `https://host/...` only: a plain http link or a script URL never reaches a butler's phone. */
const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/

/** An optional video link; editors send '' or null for none, both stored as null. */
const VideoUrl = z
  .union([z.literal(''), Text.max(500, '视频链接最多 500 个字符').regex(HTTPS_URL, '视频链接须是以 https:// 开头的网址')])
  .nullable()
  .default(null)
  .transform((v) => v || null)

const LessonInput = z
  .object({
    /** The lesson's id as the editor opened it, so butlers' read marks survive an edit or a reorder. */
    id: Id.optional().meta({ label: '课时' }),
    title: Text.min(2, '请填写课时标题（至少 2 个字）').max(40, '课时标题最多 40 个字').meta({ label: '课时标题' }),
    scene: MultilineText.min(1, '请描述这一课的情境').max(500, '情境描述最多 500 字').meta({ label: '情境描述' }),
    paragraphs: z
      .array(MultilineText.min(1, '段落不能为空').max(1000, '每段最多 1000 字'))
      .max(10, '正文最多 10 段')
      .default([])
      .meta({ label: '正文', measure: '段' }),
    photos: photoList(9).meta({ label: '图片', measure: '张' }),
    videoUrl: VideoUrl.meta({ label: '视频链接' }),
    checklist: z
      .array(Text.min(1, '话术要点不能为空').max(100, '每条话术要点最多 100 字'))
      .min(1, '请至少写一条话术要点')
      .max(12, '话术要点最多 12 条')
      .meta({ label: '话术要点', measure: '条' })
  })
  .strict()

const OptionInput = z
  .object({
    text: Text.min(1, '请填写选项内容').max(100, '选项最多 100 字').meta({ label: '选项内容' }),
    correct: z.boolean().default(false).meta({ label: '正确答案' })
  })
  .strict()

const QuestionInput = z
  .object({
    text: Text.min(2, '请填写题目（至少 2 个字）').max(200, '题目最多 200 字').meta({ label: '题目内容' }),
    kind: z.enum(QUESTION_KINDS, '请选择单选或多选').meta({ label: '题型' }),
    options: z
      .array(OptionInput)
      .min(MIN_OPTIONS, `每题至少 ${MIN_OPTIONS} 个选项`)
      .max(MAX_OPTIONS, `每题最多 ${MAX_OPTIONS} 个选项`)
      .meta({ label: '选项', measure: '个' })
  })
  .strict()
  .superRefine((q, ctx) => {
    const right = q.options.filter((o) => o.correct).length
    if (right === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: '这道题没有正确答案，请至少勾选一个正确选项' })
    else if (q.kind === 'single' && right > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: '单选题只能有一个正确答案，请改为多选或只勾选一个' })
  })

const QuizInput = z
  .object({
    questions: z
      .array(QuestionInput)
      .min(1, '测验至少要有一道题')
      .max(MAX_QUESTIONS, `测验最多 ${MAX_QUESTIONS} 道题`)
      .meta({ label: '题目', measure: '道' }),
    passPercent: z.number('请填写及格线（1–100 的整数）').int('及格线须为整数').min(1, '及格线须在 1–100 之间').max(100, '及格线须在 1–100 之间').meta({ label: '及格线' })
  })
  .strict()

export const CourseDraft = z
  .object({
    line: z.enum(TRAINING_LINES, '请选择业务线').meta({ label: '业务线' }),
    title: Text.min(2, '请填写课程名称（至少 2 个字）').max(40, '课程名称最多 40 个字').meta({ label: '课程名称' }),
    summary: MultilineText.max(200, '课程简介最多 200 字').default('').meta({ label: '课程简介' }),
    cover: OptionalPhoto.meta({ label: '封面' }),
    /** Butlers must hold this course's certificate before the line's selling kit opens to them. */
    requiredFor: z.boolean().default(false).meta({ label: '本业务线必修' }),
    lessons: z.array(LessonInput).min(1, '请至少添加一节情境课').max(MAX_LESSONS, `最多 ${MAX_LESSONS} 节情境课`).meta({ label: '情境课', measure: '节' }),
    quiz: QuizInput.meta({ label: '测验', qualify: true })
  })
  .strict()
export type CourseDraftInput = z.input<typeof CourseDraft>

const LessonView = z.object({
  id: Id,
  title: z.string(),
  scene: z.string(),
  paragraphs: z.array(z.string()),
  photos: z.array(PhotoId),
  videoUrl: z.string().nullable(),
  checklist: z.array(z.string())
})

/** A course as its editor sees it: correct answers included. */
const AdminCourse = z.object({
  id: Id,
  line: z.enum(TRAINING_LINES),
  title: z.string(),
  summary: z.string(),
  cover: PhotoId.nullable(),
  requiredFor: z.boolean(),
  status: z.enum(COURSE_STATUSES),
  lessons: z.array(LessonView),
  quiz: z.object({
    questions: z.array(z.object({ text: z.string(), kind: z.enum(QUESTION_KINDS), options: z.array(z.object({ text: z.string(), correct: z.boolean() })) })),
    passPercent: Percent
  }),
  /** Rises whenever the questions or the pass mark change; a certificate keeps the one it was earned on. */
  quizVersion: z.number().int().positive(),
  publishedAt: EpochMs.nullable(),
  updatedAt: EpochMs,
  updatedByName: z.string(),
  certificates: Count
})
export type AdminCourseT = z.infer<typeof AdminCourse>

const CourseRow = z.object({
  id: Id,
  line: z.enum(TRAINING_LINES),
  title: z.string(),
  cover: PhotoId.nullable(),
  status: z.enum(COURSE_STATUSES),
  requiredFor: z.boolean(),
  lessons: Count,
  questions: Count,
  passPercent: Percent,
  certificates: Count,
  updatedAt: EpochMs
})
export type CourseRowT = z.infer<typeof CourseRow>

const CertificateView = z.object({
  courseId: Id,
  courseTitle: z.string(),
  scorePercent: Percent,
  quizVersion: z.number().int().positive(),
  issuedAt: EpochMs
})

/** The caller's own standing in one course. */
const Progress = z.object({
  lessons: Count,
  lessonsRead: Count,
  attempts: Count,
  bestPercent: Percent.nullable(),
  certificate: CertificateView.nullable()
})

const MyCourse = z.object({
  id: Id,
  line: z.enum(TRAINING_LINES),
  title: z.string(),
  summary: z.string(),
  cover: PhotoId.nullable(),
  requiredFor: z.boolean(),
  passPercent: Percent,
  progress: Progress
})

/** A course as a butler takes it: the quiz without its answers. */
const OpenCourse = MyCourse.extend({
  lessons: z.array(LessonView.extend({ read: z.boolean() })),
  quiz: z.object({
    version: z.number().int().positive(),
    questions: z.array(z.object({ text: z.string(), kind: z.enum(QUESTION_KINDS), options: z.array(z.string()) }))
  })
})

const CourseRef = z.object({ id: Id.meta({ label: '课程' }) }).strict()

export const trainingContracts = {
  save: defineAction({
    fn: FN,
    name: 'save',
    summary: '运营：新建或修改培训课程（情境课、话术要点、测验与及格线、是否必修）',
    access: ['operator'],
    input: z.object({ id: Id.optional().meta({ label: '课程' }), clientRequestId: ClientRequestId, course: CourseDraft.meta({ label: '课程' }) }).strict(),
    output: AdminCourse
  }),
  publish: defineAction({
    fn: FN,
    name: 'publish',
    summary: '运营：发布培训课程，本社区管家即可学习',
    access: ['operator'],
    input: CourseRef,
    output: z.object({ id: Id, status: z.enum(COURSE_STATUSES) })
  }),
  archive: defineAction({
    fn: FN,
    name: 'archive',
    summary: '运营：归档培训课程（已发的证书保留）',
    access: ['operator'],
    input: CourseRef,
    output: z.object({ id: Id, status: z.enum(COURSE_STATUSES) })
  }),
  list: defineAction({
    fn: FN,
    name: 'list',
    summary: '运营：本社区的培训课程，含状态、业务线、必修与已发证书数',
    access: ['operator'],
    input: z
      .object({
        status: z.enum(COURSE_STATUSES, '请选择状态').optional().meta({ label: '状态' }),
        line: z.enum(TRAINING_LINES, '请选择业务线').optional().meta({ label: '业务线' })
      })
      .strict(),
    output: z.object({ items: z.array(CourseRow) })
  }),
  get: defineAction({
    fn: FN,
    name: 'get',
    summary: '运营：打开一门课程编辑（含正确答案）',
    access: ['operator'],
    input: CourseRef,
    output: AdminCourse
  }),
  myCourses: defineAction({
    fn: FN,
    name: 'myCourses',
    summary: '管家：本社区已发布的课程与自己的学习进度、成绩和证书',
    access: ['butler'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(MyCourse) })
  }),
  open: defineAction({
    fn: FN,
    name: 'open',
    summary: '管家：打开一门课程学习（测验不含答案）',
    access: ['butler'],
    input: CourseRef,
    output: OpenCourse
  }),
  readLesson: defineAction({
    fn: FN,
    name: 'readLesson',
    summary: '管家：标记一节情境课已学',
    access: ['butler'],
    input: z.object({ courseId: Id.meta({ label: '课程' }), lessonId: Id.meta({ label: '课时' }) }).strict(),
    output: z.object({ lessons: Count, lessonsRead: Count })
  }),
  submitQuiz: defineAction({
    fn: FN,
    name: 'submitQuiz',
    summary: '管家：提交测验，服务端判分；达到及格线即发证书（每门课一张）',
    access: ['butler'],
    input: z
      .object({
        courseId: Id.meta({ label: '课程' }),
        /** The quiz as the butler opened it: answers to an edited quiz would be scored against other questions. */
        quizVersion: z.number().int().positive().meta({ label: '测验版本' }),
        answers: z
          .array(z.array(z.number().int().min(0).max(MAX_OPTIONS - 1)).max(MAX_OPTIONS))
          .min(1, '请作答')
          .max(MAX_QUESTIONS)
          .meta({ label: '答案', measure: '题' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({
      scorePercent: Percent,
      passed: z.boolean(),
      passPercent: Percent,
      correct: Count,
      total: Count,
      /** Per question, whether it was answered right (never which option was). */
      results: z.array(z.boolean()),
      certificate: CertificateView.nullable(),
      /** This submission earned the certificate (false when it was held already). */
      newlyCertified: z.boolean()
    })
  }),
  gate: defineAction({
    fn: FN,
    name: 'gate',
    summary: '管家：是否已取得某业务线全部必修课程的证书（销售工具包的门槛）',
    access: ['butler'],
    input: z.object({ line: z.enum(TRAINING_LINES, '请选择业务线').meta({ label: '业务线' }) }).strict(),
    output: z.object({ open: z.boolean(), missing: z.array(z.object({ courseId: Id, title: z.string() })) })
  })
} as const
