/**
 * Plain constants of butler training (培训课程), no zod: the butlers' pages and the console read the
 * labels, and zod stays in the contracts that validate forms.
 */

/** The business lines a course prepares butlers for; `general` is what every line needs. */
export const TRAINING_LINES = ['presale', 'service', 'event', 'fee', 'parking', 'general'] as const
export type TrainingLine = (typeof TRAINING_LINES)[number]
export const TRAINING_LINE_LABELS: Record<TrainingLine, string> = {
  presale: '严选预售',
  service: '到家服务',
  event: '社区活动',
  fee: '物业缴费',
  parking: '智能停车',
  general: '通用'
}

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const
export type CourseStatus = (typeof COURSE_STATUSES)[number]
export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = { draft: '草稿', published: '已发布', archived: '已归档' }

export const QUESTION_KINDS = ['single', 'multiple'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选' }

export const MAX_LESSONS = 20
export const MAX_QUESTIONS = 30
export const MIN_OPTIONS = 2
export const MAX_OPTIONS = 6
