/**
 * Plain constants of the message centre (no zod): the tab page lives in the main package and
 * reads these labels, so zod stays out of it.
 *
 * Every kind a feature writes to the inbox is listed here with the group it shows under and the
 * icon it shows with; an unknown kind (written by a newer function) falls back to `other`.
 */
export const MESSAGE_GROUPS = ['bill', 'order', 'service', 'event', 'member', 'household', 'notice', 'work', 'other'] as const
export type MessageGroup = (typeof MESSAGE_GROUPS)[number]

export const MESSAGE_GROUP_LABELS: Record<MessageGroup, string> = {
  bill: '缴费',
  order: '订单',
  service: '服务',
  event: '活动',
  member: '会员',
  household: '家庭',
  notice: '公告',
  work: '工作',
  other: '通知'
}

/**
 * The one-time subscribe-message template each group is pushed with when the user granted one
 * (`LINLI_TEMPLATE_<KEY>` names its WeChat id; see README). A message whose feature names its own
 * template (arrears, event reminders) keeps that one; the inbox always has the message.
 */
export const GROUP_TEMPLATES: Record<MessageGroup, string | null> = {
  bill: 'bill',
  order: 'order',
  service: 'service',
  event: 'event',
  member: 'member',
  household: 'household',
  notice: 'notice',
  work: 'work',
  other: null
}

export const MESSAGE_KINDS = {
  arrears: 'bill',
  payment: 'bill',
  refund: 'bill',
  presale: 'order',
  booking_progress: 'service',
  booking_assigned: 'work',
  booking_followup: 'work',
  complaint: 'service',
  'event-promoted': 'event',
  'event-reminder': 'event',
  'event-reward': 'event',
  'member-card': 'member',
  'member-coupon': 'member',
  'member-points': 'member',
  'join-request': 'household',
  'notice-nudge': 'notice',
  parcel: 'service',
  'parcel-reminder': 'service',
  'parcel-delivery': 'work',
  'work-order': 'work',
  'work-order-breach': 'work',
  'work-order-resident': 'service',
  'chat-reply': 'service',
  'commission-payout': 'work',
  'reward-transfer': 'work',
  honor_roll: 'work',
  booking_praise: 'work'
} as const satisfies Record<string, MessageGroup>
export type MessageKind = keyof typeof MESSAGE_KINDS

export function groupOfKind(kind: string): MessageGroup {
  return Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, kind) ? MESSAGE_KINDS[kind as MessageKind] : 'other'
}

/** 公告 categories, as the office names them. */
export const NOTICE_CATEGORIES = ['outage', 'property', 'activity', 'tip'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  outage: '停水停电',
  property: '物业通知',
  activity: '社区活动',
  tip: '温馨提示'
}

/** Who a notice is for: the whole community, some buildings, one grid's buildings, or a need segment. */
export const NOTICE_AUDIENCES = ['community', 'buildings', 'grid', 'need'] as const
export type NoticeAudienceKind = (typeof NOTICE_AUDIENCES)[number]
export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudienceKind, string> = {
  community: '全体住户',
  buildings: '指定楼栋',
  grid: '指定网格',
  need: '指定人群'
}

/** Where a notice is in its life, derived from its times and whether it was withdrawn. */
export const NOTICE_STATES = ['scheduled', 'live', 'expired', 'withdrawn'] as const
export type NoticeState = (typeof NOTICE_STATES)[number]
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  scheduled: '待发布',
  live: '展示中',
  expired: '已过期',
  withdrawn: '已撤回'
}
