import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, MultilineText, Text } from './common'
import { defineAction } from './define'
import { CHANNELS, SLA_STAGES, WORK_STATUSES, WORK_TYPES } from './desk-kinds'
import { DESK_ROLES } from './desk-find'
import { PhotoId, photoList } from './photo'

/**
 * Work orders (工单): every repair, complaint and staff-entered request, with three SLA timers
 * (respond, arrive, finish), reminders and escalation on a breach, reassignment, reopening and a
 * return visit. The `desk` function.
 */
const FN = 'desk'

export * from './desk-kinds'

/** Who looks after work orders at the office. */
const SUPERVISE = ['service', 'operator', 'dispatcher'] as const
/** Who may be handed a work order and work it. */
const ASSIGNEES = ['worker', 'butler'] as const

const Minutes = (label: string) =>
  z
    .number()
    .int('请填写整数分钟')
    .min(1, `${label}须大于 0 分钟`)
    .max(30 * 24 * 60, `${label}不超过 30 天`)
    .meta({ label })

const SlaRuleInput = z
  .object({
    respondMin: Minutes('响应时限'),
    arriveMin: Minutes('到场时限').nullable(),
    finishMin: Minutes('完成时限'),
    escalateMin: Minutes('升级等待')
  })
  .strict()
  .refine((r) => r.arriveMin === null || r.arriveMin >= r.respondMin, { path: ['arriveMin'], message: '到场时限不能短于响应时限' })
  .refine((r) => r.finishMin >= (r.arriveMin ?? r.respondMin), { path: ['finishMin'], message: '完成时限不能短于到场和响应时限' })

const StageView = z.object({
  stage: z.enum(SLA_STAGES),
  label: z.string(),
  dueAt: EpochMs,
  doneAt: EpochMs.nullable(),
  /** met: done in time; late: done after its time; breached: past its time and not done; pending: still in time. */
  state: z.enum(['met', 'late', 'breached', 'pending']),
  remindedAt: EpochMs.nullable(),
  escalatedAt: EpochMs.nullable()
})

const WorkOrderView = z.object({
  id: Id,
  /** What a clerk reads out on the phone: `GD1206-7K3Q`. */
  no: z.string(),
  householdId: Id,
  householdLabel: z.string(),
  type: z.enum(WORK_TYPES),
  typeLabel: z.string(),
  channel: z.enum(CHANNELS),
  channelLabel: z.string(),
  text: z.string(),
  photos: z.array(PhotoId),
  contactName: z.string(),
  contactPhoneMasked: z.string().nullable(),
  status: z.enum(WORK_STATUSES),
  statusLabel: z.string(),
  /** Where it came from: a resident's repair booking or complaint, a 微信客服 message, or the desk. */
  source: z.enum(['desk', 'booking', 'complaint', 'chat']),
  assignee: z.object({ userId: Id, name: z.string() }).nullable(),
  stages: z.array(StageView),
  breached: z.boolean(),
  reopenCount: z.number().int(),
  visit: z
    .object({ by: z.enum(['call', 'rating']), score: z.number().int().nullable(), note: z.string(), at: EpochMs, byName: z.string() })
    .nullable(),
  history: z.array(z.object({ at: EpochMs, byName: z.string(), action: z.string(), note: z.string() })),
  createdAt: EpochMs,
  /** What the caller may do now (the page shows only these). */
  can: z.object({ step: z.enum(['accept', 'arrive', 'finish']).nullable(), reassign: z.boolean(), reopen: z.boolean(), visit: z.boolean(), rate: z.boolean() })
})
export type WorkOrderViewT = z.infer<typeof WorkOrderView>

const ByWorkOrder = z.object({ workOrderId: Id.meta({ label: '工单' }) }).strict()

export const WorkOrderDraft = z
  .object({
    householdId: Id.meta({ label: '房屋' }),
    type: z.enum(WORK_TYPES, '请选择工单类型').meta({ label: '工单类型' }),
    channel: z.enum(CHANNELS, '请选择来源渠道').meta({ label: '来源渠道' }),
    text: MultilineText.min(4, '请把情况写清楚（至少 4 个字）').max(500, '最多 500 字').meta({ label: '情况描述' }),
    photos: photoList(6).meta({ label: '照片', measure: '张' }),
    contactName: Text.max(20, '最多 20 个字').meta({ label: '联系人' }).default(''),
    contactPhone: Text.regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号').meta({ label: '联系电话' }).nullable().default(null),
    /** Null: the desk's default (the skilled worker on duty for repairs, the grid's butler otherwise). */
    assigneeUserId: Id.meta({ label: '处理人' }).nullable().default(null),
    /** A 微信客服 conversation the order was made from; its messages stay linked. */
    chatId: Id.meta({ label: '客服会话' }).nullable().default(null),
    clientRequestId: ClientRequestId
  })
  .strict()
export type WorkOrderDraftInput = z.input<typeof WorkOrderDraft>

const Assignee = z.object({ userId: Id, name: z.string(), role: z.enum(ASSIGNEES), roleLabel: z.string(), open: z.number().int(), skills: z.array(z.string()) })

const Page = z.object({ cursor: z.string().max(200).meta({ label: '翻页位置' }).nullable().default(null) })

export const deskWorkContracts = {
  createWorkOrder: defineAction({
    fn: FN,
    name: 'createWorkOrder',
    summary: '客服台：代住户登记报修、投诉或诉求，记录来源渠道，按类型起算 SLA 并派给处理人',
    access: DESK_ROLES,
    input: WorkOrderDraft,
    output: z.object({ workOrder: WorkOrderView })
  }),
  workOrders: defineAction({
    fn: FN,
    name: 'workOrders',
    summary: '工单列表：进行中、已超时、待回访、全部；按类型与渠道筛选，分页',
    access: [...SUPERVISE, 'butler'],
    input: Page.extend({
      view: z.enum(['active', 'breached', 'visit', 'all']).meta({ label: '范围' }).default('active'),
      type: z.enum(WORK_TYPES).meta({ label: '工单类型' }).nullable().default(null),
      channel: z.enum(CHANNELS).meta({ label: '来源渠道' }).nullable().default(null),
      householdId: Id.meta({ label: '房屋' }).nullable().default(null)
    }).strict(),
    output: z.object({ workOrders: z.array(WorkOrderView), next: z.string().nullable() })
  }),
  workOrder: defineAction({
    fn: FN,
    name: 'workOrder',
    summary: '工单详情：SLA 计时、处理记录、回访',
    access: [...SUPERVISE, ...ASSIGNEES],
    input: ByWorkOrder,
    output: z.object({ workOrder: WorkOrderView })
  }),
  myWorkOrders: defineAction({
    fn: FN,
    name: 'myWorkOrders',
    summary: '师傅、管家：派给我的工单（进行中或最近完成）',
    access: ASSIGNEES,
    input: z.object({ done: z.boolean().meta({ label: '已完成' }).default(false) }).strict(),
    output: z.object({ workOrders: z.array(WorkOrderView) })
  }),
  step: defineAction({
    fn: FN,
    name: 'step',
    summary: '处理人：响应、到场、完成（各自对照 SLA 计时）',
    access: [...ASSIGNEES, 'dispatcher', 'operator'],
    input: z
      .object({
        workOrderId: Id.meta({ label: '工单' }),
        step: z.enum(['accept', 'arrive', 'finish']).meta({ label: '处理进度' }),
        note: MultilineText.max(200, '最多 200 字').meta({ label: '备注' }).default(''),
        photo: PhotoId.meta({ label: '照片' }).nullable().default(null)
      })
      .strict(),
    output: z.object({ workOrder: WorkOrderView })
  }),
  reassign: defineAction({
    fn: FN,
    name: 'reassign',
    summary: '改派工单（须填写原因），新处理人收到通知',
    access: SUPERVISE,
    input: z
      .object({
        workOrderId: Id.meta({ label: '工单' }),
        assigneeUserId: Id.meta({ label: '处理人' }),
        reason: Text.min(2, '请填写改派原因').max(100, '最多 100 字').meta({ label: '改派原因' })
      })
      .strict(),
    output: z.object({ workOrder: WorkOrderView })
  }),
  reopen: defineAction({
    fn: FN,
    name: 'reopen',
    summary: '重开工单：SLA 重新起算，处理人收到通知',
    access: SUPERVISE,
    input: z.object({ workOrderId: Id.meta({ label: '工单' }), reason: Text.min(2, '请填写重开原因').max(100, '最多 100 字').meta({ label: '重开原因' }) }).strict(),
    output: z.object({ workOrder: WorkOrderView })
  }),
  returnVisit: defineAction({
    fn: FN,
    name: 'returnVisit',
    summary: '客服回访：电话回访结果与满意度',
    access: SUPERVISE,
    input: z
      .object({
        workOrderId: Id.meta({ label: '工单' }),
        reached: z.boolean().meta({ label: '是否联系上' }),
        score: z.number().int().min(1, '满意度为 1-5 分').max(5, '满意度为 1-5 分').meta({ label: '满意度' }).nullable(),
        note: MultilineText.min(2, '请填写回访记录').max(300, '最多 300 字').meta({ label: '回访记录' })
      })
      .strict()
      .refine((v) => !v.reached || v.score !== null, { path: ['score'], message: '联系上住户时请记录满意度' }),
    output: z.object({ workOrder: WorkOrderView })
  }),
  residentWorkOrder: defineAction({
    fn: FN,
    name: 'residentWorkOrder',
    summary: '住户：查看为我家登记的工单与进度',
    access: ['resident'],
    input: ByWorkOrder,
    output: z.object({ workOrder: WorkOrderView })
  }),
  rateWorkOrder: defineAction({
    fn: FN,
    name: 'rateWorkOrder',
    summary: '住户：完成后评价（即回访）',
    access: ['resident'],
    input: z
      .object({
        workOrderId: Id.meta({ label: '工单' }),
        score: z.number().int().min(1, '评分为 1-5 星').max(5, '评分为 1-5 星').meta({ label: '评分' }),
        comment: MultilineText.max(200, '最多 200 字').meta({ label: '评价' }).default('')
      })
      .strict(),
    output: z.object({ workOrder: WorkOrderView })
  }),
  assignees: defineAction({
    fn: FN,
    name: 'assignees',
    summary: '可派工单的师傅与管家，含手上未完成的工单数',
    access: DESK_ROLES,
    input: z.object({}).strict(),
    output: z.object({ assignees: z.array(Assignee) })
  }),
  slaRules: defineAction({
    fn: FN,
    name: 'slaRules',
    summary: '各类工单的 SLA 时限（响应、到场、完成、升级）',
    access: [...SUPERVISE],
    input: z.object({}).strict(),
    output: z.object({ rules: z.array(z.object({ type: z.enum(WORK_TYPES), label: z.string(), respondMin: z.number().int(), arriveMin: z.number().int().nullable(), finishMin: z.number().int(), escalateMin: z.number().int() })) })
  }),
  saveSlaRule: defineAction({
    fn: FN,
    name: 'saveSlaRule',
    summary: '运营：修改一类工单的 SLA 时限（只影响之后登记或重开的工单）',
    access: ['operator'],
    input: z.object({ type: z.enum(WORK_TYPES).meta({ label: '工单类型' }), rule: SlaRuleInput.meta({ label: 'SLA 时限' }) }).strict(),
    output: z.object({ done: z.literal(true) })
  }),
  deskStats: defineAction({
    fn: FN,
    name: 'deskStats',
    summary: '看板：各渠道工单量、各环节 SLA 达标率、超时与待回访、满意度',
    access: [...SUPERVISE],
    input: z.object({ days: z.number().int().min(1).max(90).meta({ label: '天数' }).default(30) }).strict(),
    output: z.object({
      total: z.number().int(),
      byChannel: z.array(z.object({ channel: z.enum(CHANNELS), label: z.string(), count: z.number().int() })),
      byType: z.array(z.object({ type: z.enum(WORK_TYPES), label: z.string(), count: z.number().int() })),
      /** Basis points of the stages that came due, done in time; null where none came due. */
      compliance: z.array(z.object({ stage: z.enum(SLA_STAGES), label: z.string(), metBp: z.number().int().nullable(), due: z.number().int() })),
      breachedNow: z.number().int(),
      awaitingVisit: z.number().int(),
      avgScore: z.number().nullable()
    })
  })
} as const
