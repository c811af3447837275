/** Plain constants of surveys (问卷), no zod: labels for pages and the console. */
export const QUESTION_TYPES = ['single', 'multi', 'rating', 'number', 'text'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选',
  multi: '多选',
  rating: '评分',
  number: '数字',
  text: '文字'
}

/**
 * Household-profile facts a question may fill: with the household's consent, its answer becomes
 * the profile's value, which records the survey it came from. Yes/no facts take a single choice
 * whose first option means yes (是) and second no (否); the size takes a number.
 */
export const PROFILE_FACTS = ['householdSize', 'hasElderly', 'hasChildren', 'hasPets', 'hasCar'] as const
export type ProfileFact = (typeof PROFILE_FACTS)[number]
export const PROFILE_FACT_LABELS: Record<ProfileFact, string> = {
  householdSize: '家庭人口',
  hasElderly: '是否有老人',
  hasChildren: '是否有孩子',
  hasPets: '是否养宠物',
  hasCar: '是否有车'
}
export const factIsNumber = (f: ProfileFact) => f === 'householdSize'

/** One response a household (whoever answers first) or one a person. */
export const SURVEY_PER = ['household', 'person'] as const
export type SurveyPer = (typeof SURVEY_PER)[number]
export const SURVEY_PER_LABELS: Record<SurveyPer, string> = { household: '每户一份', person: '每人一份' }

export const SURVEY_CHANNELS = ['miniapp', 'paper', 'door'] as const
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number]
export const SURVEY_CHANNEL_LABELS: Record<SurveyChannel, string> = { miniapp: '小程序', paper: '纸质问卷', door: '上门调研' }

export const SURVEY_STATES = ['scheduled', 'open', 'closed'] as const
export type SurveyState = (typeof SURVEY_STATES)[number]
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = { scheduled: '未开始', open: '进行中', closed: '已结束' }
