/**
 * Plain constants of the service desk (no zod): labels the mini-program's pages and the console
 * both show. Work types carry their default SLA; channels say how a request reached us.
 */
export const WORK_TYPES = ['leak', 'electric', 'lift', 'repair', 'complaint', 'request'] as const
export type WorkType = (typeof WORK_TYPES)[number]
export const WORK_TYPE_LABELS: Record<WorkType, string> = {
  leak: '漏水',
  electric: '停电断电',
  lift: '电梯故障',
  repair: '一般维修',
  complaint: '投诉',
  request: '咨询建议'
}

export const CHANNELS = ['phone400', 'walkin', 'wechat', 'butler', 'app'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, string> = {
  phone400: '400 电话',
  walkin: '前台来访',
  wechat: '微信客服',
  butler: '管家上门',
  app: '小程序'
}

export const WORK_STATUSES = ['open', 'accepted', 'arrived', 'done', 'visited', 'cancelled'] as const
export type WorkStatus = (typeof WORK_STATUSES)[number]
export const WORK_STATUS_LABELS: Record<WorkStatus, string> = {
  open: '待响应',
  accepted: '已响应',
  arrived: '已到场',
  done: '待回访',
  visited: '已回访',
  cancelled: '已撤销'
}

/** The three SLA timers: answered, someone on site, the job done. */
export const SLA_STAGES = ['respond', 'arrive', 'finish'] as const
export type SlaStage = (typeof SLA_STAGES)[number]
export const SLA_STAGE_LABELS: Record<SlaStage, string> = { respond: '响应', arrive: '到场', finish: '完成' }

/** Minutes; `arriveMin` null: nobody goes on site (a complaint handled by phone, a question). */
export interface SlaRule {
  respondMin: number
  arriveMin: number | null
  finishMin: number
  /** How long a breach stands before the supervisor is told (the assignee is reminded at once). */
  escalateMin: number
}

/** What a community starts with until an operator changes it: a leak answered in 15 minutes, on site in 30. */
export const DEFAULT_SLA: Record<WorkType, SlaRule> = {
  leak: { respondMin: 15, arriveMin: 30, finishMin: 240, escalateMin: 15 },
  electric: { respondMin: 15, arriveMin: 30, finishMin: 240, escalateMin: 15 },
  lift: { respondMin: 5, arriveMin: 15, finishMin: 120, escalateMin: 10 },
  repair: { respondMin: 60, arriveMin: 8 * 60, finishMin: 24 * 60, escalateMin: 60 },
  complaint: { respondMin: 30, arriveMin: null, finishMin: 24 * 60, escalateMin: 60 },
  request: { respondMin: 60, arriveMin: null, finishMin: 48 * 60, escalateMin: 120 }
}
