import type { Channel, SlaRule, SlaStage, WorkStatus, WorkType } from '../../contracts/desk-kinds'

/** When each SLA stage falls due; `arrive` null where nobody goes on site. */
export interface Due {
  respond: number
  arrive: number | null
  finish: number
}

export interface StageAlerts {
  remindedAt?: number
  escalatedAt?: number
}

export type WorkSource = 'desk' | 'booking' | 'complaint' | 'chat'

export interface WorkOrderDoc {
  /** `wo-bk-<booking>`, `wo-cp-<complaint>` for a resident's own, so their steps find it by id; random for the desk's. */
  _id: string
  /** The desk's request id (`${userId}:${clientRequestId}`) or the source's id: a retry makes nothing new. */
  idempotencyKey: string
  no: string
  communityId: string
  householdId: string
  buildingId: string
  householdLabel: string
  type: WorkType
  channel: Channel
  source: WorkSource
  sourceId: string | null
  /** While true, the booking or complaint it came from drives its steps; a reopened order is the desk's. */
  follows: boolean
  text: string
  photos: string[]
  contactName: string
  contactPhone: string | null
  assigneeUserId: string | null
  assigneeName: string
  status: WorkStatus
  /** The rule as it stood when the clock started (creation or the last reopen). */
  rule: SlaRule
  clockFrom: number
  due: Due
  respondedAt: number | null
  arrivedAt: number | null
  finishedAt: number | null
  alerts: Partial<Record<SlaStage, StageAlerts>>
  /** The next reminder or escalation; null when none is pending. The SLA job reads by it. */
  alarmAt: number | null
  /** Set when a deadline passes undone (the first reminder), cleared on reopen: the desk's 已超时 list. */
  breached: boolean
  reopenCount: number
  visit: { by: 'call' | 'rating'; score: number | null; note: string; at: number; byName: string; byUserId: string } | null
  history: { at: number; byName: string; action: string; note: string }[]
  createdByUserId: string
  createdAt: number
  updatedAt: number
  /** Bumped on every change: a step, the job and a clerk each apply to the version they read. */
  rev: number
}

/** `_id` is `${communityId}:${type}`: an operator's SLA for one work type (the default until saved). */
export interface SlaRuleDoc extends SlaRule {
  _id: string
  communityId: string
  type: WorkType
  updatedAt: number
  updatedBy: string
}

/** One conversation a resident holds with the property's 客服, per community. */
export interface ChatDoc {
  /** `${communityId}:${userId}` */
  _id: string
  communityId: string
  userId: string
  openid: string
  residentName: string
  householdId: string | null
  householdLabel: string
  lastText: string
  lastAt: number
  /** The resident's last message through WeChat: replies may go that way for 48 hours after it. */
  lastWechatAt: number | null
  unanswered: boolean
  workOrderId: string | null
  workOrderNo: string | null
  createdAt: number
}

export interface ChatMessageDoc {
  /** `wx:<openid>:<MsgId>` for a WeChat push (pushes are retried; the sender in the key, so nobody can take another's id), `app:<user>:<request>`, `out:<user>:<request>`. */
  _id: string
  chatId: string
  communityId: string
  householdId: string | null
  dir: 'in' | 'out' | 'note'
  kind: 'text' | 'image' | 'card' | 'event'
  text: string
  imageUrl: string | null
  at: number
  byUserId: string | null
  byName: string
  /** `sending` while the reply that won its key is on its way. */
  delivery: 'sending' | 'wechat' | 'inbox' | 'failed' | 'received'
  error?: string
}
