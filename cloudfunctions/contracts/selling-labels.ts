/**
 * Plain constants of butler selling (销售赋能), no zod: the butlers' pages and the console read the
 * labels, and zod stays in the contracts that validate forms.
 */

// Selling kit and daily targets
export const KIT_KINDS = ['campaign', 'event'] as const
export type KitKind = (typeof KIT_KINDS)[number]
export const KIT_KIND_LABELS: Record<KitKind, string> = { campaign: '严选预售', event: '社区活动' }

export const SCRIPT_CHANNELS = ['group', 'door'] as const
export type ScriptChannel = (typeof SCRIPT_CHANNELS)[number]
export const SCRIPT_CHANNEL_LABELS: Record<ScriptChannel, string> = { group: '群发话术', door: '上门话术' }

/** Shares are recorded by the server when the share sheet is prepared (order.share, event.shareInvite). */
export const KIT_USES = ['copy_script', 'poster', 'share'] as const
export type KitUse = (typeof KIT_USES)[number]
export const KIT_USE_LABELS: Record<KitUse, string> = { copy_script: '复制话术', poster: '海报', share: '分享' }
/** What the kit page reports itself; a share is never reported by the phone, so it is never counted twice. */
export const CLIENT_KIT_USES = ['copy_script', 'poster'] as const

export const MAX_KIT_SCRIPTS = 12
export const MAX_KIT_NOTES = 6
/** The highest daily target of one kind a butler can be given for one campaign. */
export const MAX_DAILY_TARGET = 200

// Commission and statements
export const COMMISSION_SCOPES = ['campaign', 'line'] as const
export type CommissionScope = (typeof COMMISSION_SCOPES)[number]
export const COMMISSION_SCOPE_LABELS: Record<CommissionScope, string> = { campaign: '单个预售', line: '整条业务线' }

export const COMMISSION_MODES = ['percent', 'fixed'] as const
export type CommissionMode = (typeof COMMISSION_MODES)[number]
export const COMMISSION_MODE_LABELS: Record<CommissionMode, string> = { percent: '按比例', fixed: '每单固定' }

export const COMMISSION_TOUCHES = ['first', 'last'] as const
export type CommissionTouch = (typeof COMMISSION_TOUCHES)[number]
export const COMMISSION_TOUCH_LABELS: Record<CommissionTouch, string> = { first: '首次分享', last: '最后分享' }

/** Lines a line rule can cover; `service` is stored but inert until bookings carry attribution. */
export const COMMISSION_LINES = ['presale', 'service'] as const
export type CommissionLine = (typeof COMMISSION_LINES)[number]

export const STATEMENT_STATUSES = [
  'building',
  'pending_approval',
  'approved',
  'paying',
  'awaiting_confirm',
  'paid',
  'failed',
  'carried'
] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]
export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  building: '结算中',
  pending_approval: '待审批',
  approved: '已审批',
  paying: '打款中',
  awaiting_confirm: '待确认收款',
  paid: '已到账',
  failed: '打款失败',
  carried: '已结转'
}

export const ENTRY_KINDS = ['acc', 'rev', 'rest', 'carry'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = { acc: '订单佣金', rev: '退款冲减', rest: '退款尾差', carry: '上月结转' }

/** Statements under ¥1 are not paid out: the amount carries into next month. */
export const MIN_PAYOUT_FEN = 100

// Honour roll (光荣榜)
export const HONOR_KINDS = ['worker', 'butler'] as const
export type HonorKind = (typeof HONOR_KINDS)[number]
export const HONOR_KIND_LABELS: Record<HonorKind, string> = { worker: '服务之星', butler: '金牌管家' }

export const HONOR_ROLL_STATUSES = ['draft', 'published'] as const
export type HonorRollStatus = (typeof HONOR_ROLL_STATUSES)[number]
export const HONOR_ROLL_STATUS_LABELS: Record<HonorRollStatus, string> = { draft: '未发布', published: '已发布' }

export const MAX_HONOR_ENTRIES = 20
export const HONOR_REASON_MAX = 60
