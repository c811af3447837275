import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text, TimeInput } from './common'
import { defineAction } from './define'
import { NEEDS } from './insights-labels'
import { GROUP_TEMPLATES, MESSAGE_GROUPS, NOTICE_AUDIENCES, NOTICE_CATEGORIES, NOTICE_STATES } from './message-kinds'
import { NoticeAudience } from './message-audience'
import { PhotoId } from './photo'
import { voteContracts } from './message-votes'
import { surveyContracts } from './message-surveys'

/**
 * The message centre (消息) and notices (公告). Inbox messages are the user's own, across every
 * community they belong to; notices are the community's, shown to the households in their audience.
 */
const FN = 'message'

/** Template keys a user may subscribe to: one per message group that has one. */
const SUBSCRIBABLE = Object.values(GROUP_TEMPLATES).filter((t): t is string => t !== null) as [string, ...string[]]

const Cursor = z.string().max(128).meta({ label: '分页位置' }).optional()

const MessageView = z.object({
  id: Id,
  kind: z.string(),
  group: z.enum(MESSAGE_GROUPS),
  title: z.string(),
  body: z.string(),
  /** The page it opens, carrying its community; empty when it opens nothing. */
  link: z.string(),
  read: z.boolean(),
  createdAt: EpochMs,
  /** Named only when the user belongs to more than one community. */
  communityName: z.string().nullable()
})
export type MessageView = z.infer<typeof MessageView>

const UnreadCounts = z.object({
  /** Unread inbox messages, every community. */
  inbox: z.number().int().nonnegative(),
  /** Live notices for the user's households in the asked community not yet opened. */
  notices: z.number().int().nonnegative()
})
export type UnreadCounts = z.infer<typeof UnreadCounts>

/** A notice's body: headings, paragraphs and staff-uploaded photos, in order (no markup to sanitise). */
export const NoticeBlock = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('heading').meta({ label: '内容类型' }), text: Text.min(1, '小标题不能为空').max(40, '小标题最多 40 个字').meta({ label: '小标题' }) }).strict(),
    z.object({ type: z.literal('text').meta({ label: '内容类型' }), text: MultilineText.min(1, '段落不能为空').max(2000, '每段最多 2000 个字').meta({ label: '段落' }) }).strict(),
    z.object({ type: z.literal('image').meta({ label: '内容类型' }), photo: PhotoId.meta({ label: '图片' }) }).strict()
  ],
  '正文内容无效'
)
export type NoticeBlock = z.infer<typeof NoticeBlock>



export const NoticeInput = z
  .object({
    /** Present when editing a notice already saved. */
    id: Id.optional().meta({ label: '公告' }),
    title: Text.min(2, '请填写标题（至少 2 个字）').max(40, '标题最多 40 个字').meta({ label: '标题' }),
    category: z.enum(NOTICE_CATEGORIES, '请选择类别').meta({ label: '类别' }),
    blocks: z.array(NoticeBlock).min(1, '请填写正文').max(40, '正文最多 40 段').meta({ label: '正文' }),
    pinned: z.boolean().default(false).meta({ label: '置顶' }),
    /** Important notices are followed up by butlers: they see who has not read them. */
    important: z.boolean().default(false).meta({ label: '重要' }),
    /** Absent: at once. */
    publishAt: TimeInput.optional().meta({ label: '发布时间' }),
    expiresAt: TimeInput.nullable().default(null).meta({ label: '下线时间' }),
    audience: NoticeAudience,
    clientRequestId: ClientRequestId
  })
  .strict()
  .superRefine((n, ctx) => {
    if (n.expiresAt !== null && n.publishAt !== undefined && n.expiresAt <= n.publishAt) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: '下线时间须晚于发布时间' })
    }
  })
export type NoticeInput = z.input<typeof NoticeInput>

const NoticeCard = z.object({
  id: Id,
  title: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  pinned: z.boolean(),
  important: z.boolean(),
  publishAt: EpochMs,
  /** The first lines of its text, for a list. */
  excerpt: z.string(),
  /** The first photo, for a list. */
  cover: z.string().nullable(),
  read: z.boolean()
})
export type NoticeCard = z.infer<typeof NoticeCard>

const NoticeDetail = NoticeCard.extend({
  blocks: z.array(NoticeBlock),
  expiresAt: EpochMs.nullable(),
  authorName: z.string(),
  communityName: z.string()
})
export type NoticeDetail = z.infer<typeof NoticeDetail>

const StaffNoticeView = z.object({
  id: Id,
  title: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  pinned: z.boolean(),
  important: z.boolean(),
  state: z.enum(NOTICE_STATES),
  publishAt: EpochMs,
  expiresAt: EpochMs.nullable(),
  /** 全体住户, 1栋、2栋, 东区网格, 省心人群. */
  audienceLabel: z.string(),
  /** Households that opened it. */
  reads: z.number().int().nonnegative(),
  authorName: z.string(),
  updatedAt: EpochMs
})
export type StaffNoticeView = z.infer<typeof StaffNoticeView>

const NoticeEditView = z.object({
  id: Id,
  title: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  blocks: z.array(NoticeBlock),
  pinned: z.boolean(),
  important: z.boolean(),
  publishAt: EpochMs,
  expiresAt: EpochMs.nullable(),
  audience: z.object({ kind: z.enum(NOTICE_AUDIENCES), buildingIds: z.array(Id), gridId: Id.optional(), need: z.enum(NEEDS).optional() }),
  state: z.enum(NOTICE_STATES)
})
export type NoticeEditView = z.infer<typeof NoticeEditView>

const BuildingReads = z.object({
  buildingId: Id,
  name: z.string(),
  households: z.number().int().nonnegative(),
  reads: z.number().int().nonnegative()
})

const UnreadHousehold = z.object({
  householdId: Id,
  label: z.string(),
  /** Active members who could have read it. */
  members: z.number().int().nonnegative(),
  lastNudgedAt: EpochMs.nullable(),
  /** Nudged today already: one nudge a household a day. */
  nudgedToday: z.boolean()
})
export type UnreadHousehold = z.infer<typeof UnreadHousehold>

const SmsSettingsView = z.object({
  enabled: z.boolean(),
  monthlyLimit: z.number().int(),
  sentThisMonth: z.number().int().nonnegative(),
  recent: z.array(z.object({ kind: z.enum(['arrears', 'notice']), phoneMasked: z.string(), status: z.enum(['pending', 'sent', 'failed', 'over_budget']), at: EpochMs }))
})
export type SmsSettingsView = z.infer<typeof SmsSettingsView>

export const messageContracts = {
  inbox: defineAction({
    fn: FN,
    name: 'inbox',
    summary: '我的消息（新的在前，分页）',
    access: 'member',
    input: z.object({ cursor: Cursor }).strict(),
    output: z.object({ items: z.array(MessageView), cursor: z.string().nullable(), unread: z.number().int().nonnegative() })
  }),
  unread: defineAction({
    fn: FN,
    name: 'unread',
    summary: '未读消息数与未读公告数（消息角标）',
    access: 'member',
    input: z.object({ communityId: Id.optional().meta({ label: '社区' }) }).strict(),
    output: UnreadCounts
  }),
  markRead: defineAction({
    fn: FN,
    name: 'markRead',
    summary: '将消息标为已读',
    access: 'member',
    input: z.object({ messageIds: z.array(Id).min(1, '请选择消息').max(100, '一次最多 100 条').meta({ label: '消息' }) }).strict(),
    output: z.object({ unread: z.number().int().nonnegative() })
  }),
  subscribeOptions: defineAction({
    fn: FN,
    name: 'subscribeOptions',
    summary: '可订阅的微信消息模板（按消息类别）',
    access: 'member',
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(z.object({ key: z.string(), id: z.string(), label: z.string() })) })
  }),
  subscribe: defineAction({
    fn: FN,
    name: 'subscribe',
    summary: '记录用户点击时同意的订阅消息（一次性模板，每次同意可推送一条）',
    access: 'member',
    input: z.object({ templates: z.array(z.enum(SUBSCRIBABLE)).min(1, '请选择消息类别').max(3, '一次最多订阅 3 类').meta({ label: '消息类别' }) }).strict(),
    output: z.object({ granted: z.array(z.string()) })
  }),
  markAllRead: defineAction({
    fn: FN,
    name: 'markAllRead',
    summary: '全部消息标为已读',
    access: 'member',
    input: z.object({}).strict(),
    output: z.object({ unread: z.number().int().nonnegative() })
  }),
  feed: defineAction({
    fn: FN,
    name: 'feed',
    summary: '本户可见的公告（置顶在前）',
    access: ['resident'],
    input: z.object({ limit: z.number().int().min(1).max(50).default(20).meta({ label: '条数' }) }).strict(),
    output: z.object({ items: z.array(NoticeCard), unread: z.number().int().nonnegative() })
  }),
  notice: defineAction({
    fn: FN,
    name: 'notice',
    summary: '公告详情（住户打开即记为本户已读）',
    access: ['resident', 'operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '公告' }) }).strict(),
    output: NoticeDetail
  }),
  saveNotice: defineAction({
    fn: FN,
    name: 'saveNotice',
    summary: '发布或修改公告',
    access: ['operator', 'service'],
    input: NoticeInput,
    output: z.object({ id: Id, state: z.enum(NOTICE_STATES) })
  }),
  withdrawNotice: defineAction({
    fn: FN,
    name: 'withdrawNotice',
    summary: '撤回公告',
    access: ['operator', 'service'],
    input: z.object({ id: Id.meta({ label: '公告' }) }).strict(),
    output: z.object({ id: Id, state: z.enum(NOTICE_STATES) })
  }),
  noticeOptions: defineAction({
    fn: FN,
    name: 'noticeOptions',
    summary: '发布公告可选的楼栋与网格',
    access: ['operator', 'service'],
    input: z.object({}).strict(),
    output: z.object({
      buildings: z.array(z.object({ id: Id, name: z.string() })),
      grids: z.array(z.object({ id: Id, name: z.string(), buildings: z.number().int().nonnegative() }))
    })
  }),
  editableNotice: defineAction({
    fn: FN,
    name: 'editableNotice',
    summary: '公告原文（编辑用）',
    access: ['operator', 'service'],
    input: z.object({ id: Id.meta({ label: '公告' }) }).strict(),
    output: NoticeEditView
  }),
  staffNotices: defineAction({
    fn: FN,
    name: 'staffNotices',
    summary: '社区公告列表与阅读户数',
    access: ['operator', 'service', 'butler'],
    input: z.object({ cursor: Cursor }).strict(),
    output: z.object({ items: z.array(StaffNoticeView), cursor: z.string().nullable() })
  }),
  noticeStats: defineAction({
    fn: FN,
    name: 'noticeStats',
    summary: '公告按楼栋的阅读率',
    access: ['operator', 'service', 'butler'],
    input: z.object({ id: Id.meta({ label: '公告' }) }).strict(),
    output: z.object({ notice: StaffNoticeView, households: z.number().int().nonnegative(), reads: z.number().int().nonnegative(), buildings: z.array(BuildingReads) })
  }),
  gridUnread: defineAction({
    fn: FN,
    name: 'gridUnread',
    summary: '我的网格里未读某公告的住户',
    access: ['butler'],
    input: z.object({ id: Id.meta({ label: '公告' }) }).strict(),
    output: z.object({ notice: StaffNoticeView, households: z.array(UnreadHousehold), total: z.number().int().nonnegative() })
  }),
  nudge: defineAction({
    fn: FN,
    name: 'nudge',
    summary: '提醒住户阅读公告（每户每天一次，留记录）',
    access: ['butler'],
    input: z.object({ id: Id.meta({ label: '公告' }), householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ members: z.number().int().nonnegative(), at: EpochMs })
  }),
  smsSettings: defineAction({
    fn: FN,
    name: 'smsSettings',
    summary: '短信提醒设置与本月用量',
    access: ['operator'],
    input: z.object({}).strict(),
    output: SmsSettingsView
  }),
  saveSmsSettings: defineAction({
    fn: FN,
    name: 'saveSmsSettings',
    summary: '开启或关闭短信提醒，设置每月上限（仅发给未使用小程序的住户：欠费提醒与重要公告）',
    access: ['operator'],
    input: z
      .object({
        enabled: z.boolean().meta({ label: '短信提醒' }),
        monthlyLimit: z.number().int('请填写整数').min(1, '每月至少 1 条').max(100_000, '每月最多 100000 条').meta({ label: '每月上限' })
      })
      .strict(),
    output: SmsSettingsView
  }),
  ...voteContracts,
  ...surveyContracts
} as const

export type MessageContracts = typeof messageContracts
