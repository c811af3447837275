/**
 * Plain constants of the insights area (no zod), so pages and the main package can show labels
 * without pulling the contracts in.
 */

/** The five household needs (五省) that segments are named after. */
export const NEEDS = ['save_money', 'save_effort', 'peace_of_mind', 'save_time', 'save_hassle'] as const
export type Need = (typeof NEEDS)[number]
export const NEED_LABELS: Record<Need, string> = {
  save_money: '省钱',
  save_effort: '省力',
  peace_of_mind: '省心',
  save_time: '省时',
  save_hassle: '省事'
}

/**
 * What a segment rule may test. Consumption metrics are derived from the household's own records
 * over the trailing 180 days (or "now" for overdue bills, or the three calendar months the household
 * file shows for parcels); profile metrics from the profile the household consented to. An
 * operator can read a rule and check it.
 */
export const SEGMENT_METRICS = [
  'orders180',
  'spend180Fen',
  'avgOrderFen',
  'discountShare',
  'presale180',
  'doorDelivered180',
  'service180',
  'repair180',
  'attended180',
  'linesUsed180',
  'parcels3m',
  'overdueBills',
  'householdSize',
  'children',
  'elderly',
  'pets',
  'cars',
  'areaM2',
  'tenureYears'
] as const
export type SegmentMetric = (typeof SEGMENT_METRICS)[number]
export const SEGMENT_METRIC_LABELS: Record<SegmentMetric, string> = {
  orders180: '近180天订单数',
  spend180Fen: '近180天消费（分）',
  avgOrderFen: '近180天客单价（分）',
  discountShare: '用券/积分订单占比（0-1）',
  presale180: '近180天严选订单数',
  doorDelivered180: '近180天送货上门订单数',
  service180: '近180天到家服务次数',
  repair180: '近180天报修次数',
  attended180: '近180天参加活动次数',
  linesUsed180: '近180天用过的服务品类数',
  parcels3m: '近3个月快递数',
  overdueBills: '当前逾期账单数',
  householdSize: '档案：家庭人口',
  children: '档案：18岁以下人数',
  elderly: '档案：60岁以上人数',
  pets: '档案：宠物数',
  cars: '档案：车辆数',
  areaM2: '档案：面积（平方米）',
  tenureYears: '档案：入住年数'
}

/**
 * Metrics read from the household's profile (base data), which exists only with the household's
 * consent: without one they are unknown, and a condition on an unknown never holds.
 */
export const PROFILE_METRICS = ['householdSize', 'children', 'elderly', 'pets', 'cars', 'areaM2', 'tenureYears'] as const satisfies readonly SegmentMetric[]
export type ProfileMetric = (typeof PROFILE_METRICS)[number]

export const RULE_OPS = ['gte', 'lte', 'eq'] as const
export type RuleOp = (typeof RULE_OPS)[number]
export const RULE_OP_LABELS: Record<RuleOp, string> = { gte: '≥', lte: '≤', eq: '=' }

/** Why a household scores as drifting away; each reason carries its points. */
export const CHURN_REASONS = [
  'inactive_long',
  'inactive',
  'orders_falling',
  'spend_falling',
  'no_orders_weeks',
  'overdue_bills',
  'no_events',
  'low_ratings'
] as const
export type ChurnReason = (typeof CHURN_REASONS)[number]

export const CHURN_CASE_STATUSES = ['open', 'followed', 'reactivated', 'lost'] as const
export type ChurnCaseStatus = (typeof CHURN_CASE_STATUSES)[number]
export const CHURN_CASE_LABELS: Record<ChurnCaseStatus, string> = {
  open: '待跟进',
  followed: '已跟进',
  reactivated: '已召回',
  lost: '未召回'
}

export const TASK_KINDS = ['invite_event', 'follow_risk', 'deliver', 'follow_rating', 'deliver_parcel', 'sell_share', 'sell_visit', 'sell_order'] as const
export type TaskKind = (typeof TASK_KINDS)[number]
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  invite_event: '邀请住户参加本周体验会',
  follow_risk: '跟进流失预警住户',
  deliver: '配送今日严选订单',
  follow_rating: '回访低分评价',
  deliver_parcel: '快递送货上门',
  sell_share: '分享预售',
  sell_visit: '带来访问',
  sell_order: '带来订单'
}

export const FOLLOW_CHANNELS = ['visit', 'call', 'wechat'] as const
export type FollowChannel = (typeof FOLLOW_CHANNELS)[number]
export const FOLLOW_CHANNEL_LABELS: Record<FollowChannel, string> = { visit: '上门', call: '电话', wechat: '微信' }

export const AGE_BANDS = ['under18', '18_30', '31_45', '46_60', 'over60'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under18: '18岁以下',
  '18_30': '18-30岁',
  '31_45': '31-45岁',
  '46_60': '46-60岁',
  over60: '60岁以上'
}

export const PET_KINDS = ['dog', 'cat', 'other'] as const
export type PetKind = (typeof PET_KINDS)[number]
export const PET_LABELS: Record<PetKind, string> = { dog: '狗', cat: '猫', other: '其他' }

/** Windows whose repurchase rate the nightly job stores (rolling days ending yesterday). */
export const ROLLING_WINDOWS = [7, 30, 90, 365] as const
