import * as z from 'zod'
import { ClientRequestId, Empty, EpochMs, Fen, Id, MultilineText, Text, TimeInput } from './common'
import { defineAction } from './define'
import { PhotoId, photoList } from './photo'
import { bookingSetupContracts } from './booking-setup'
import { bookingPraiseContracts } from './booking-praise'
import { SERVICE_CATEGORIES } from './service-categories'

/**
 * Home services (家政/维修预约), repairs (报修) and complaints (投诉): the `booking` function.
 * Times are UTC epoch ms; slots are fixed two-hour blocks of the Asia/Shanghai day.
 */
const FN = 'booking'

export { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type ServiceCategory } from './service-categories'

export const PAY_MODES = ['upfront', 'after', 'card', 'free'] as const
export type PayMode = (typeof PAY_MODES)[number]
export const PAY_MODE_LABELS: Record<PayMode, string> = {
  upfront: '在线预付',
  after: '服务后付款',
  card: '服务卡抵扣',
  free: '物业费包含（免费）'
}

export const BOOKING_STATUSES = ['held', 'confirmed', 'on_way', 'arrived', 'done', 'cancelled', 'expired'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  held: '待支付',
  confirmed: '已预约',
  on_way: '师傅已出发',
  arrived: '服务中',
  done: '已完成',
  cancelled: '已取消',
  expired: '已超时'
}

export const RATING_DIMENSIONS = ['punctuality', 'attitude', 'process', 'etiquette', 'result'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]
export const RATING_LABELS: Record<RatingDimension, string> = {
  punctuality: '准时',
  attitude: '态度',
  process: '规范',
  etiquette: '礼仪',
  result: '效果'
}

export const COMPLAINT_CATEGORIES = ['service', 'environment', 'noise', 'security', 'parking', 'other'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  service: '服务质量',
  environment: '环境卫生',
  noise: '噪音扰民',
  security: '安全隐患',
  parking: '停车管理',
  other: '其他'
}
export const COMPLAINT_STATUSES = ['open', 'processing', 'resolved', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: '待受理',
  processing: '处理中',
  resolved: '已处理',
  closed: '已评价'
}

/** Slot length and the local start times of each day's slots (minutes after midnight, Shanghai). */
export const SLOT_MINUTES = 120
export const SLOT_STARTS_MIN = [9 * 60, 11 * 60, 14 * 60, 16 * 60] as const

const Score = z.number().int().min(1, '评分为 1-5 星').max(5, '评分为 1-5 星')

const ChecklistItem = z.object({ key: z.string(), label: z.string() })

const LineView = z.object({
  id: Id,
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  kind: z.enum(['service', 'repair']),
  /** The catalog's picture of the service; null: none uploaded yet. */
  cover: PhotoId.nullable(),
  description: z.string(),
  /** Null: quoted on site. */
  priceFen: Fen.nullable(),
  durationMin: z.number().int(),
  freeUnderPropertyFee: z.boolean(),
  checklist: z.array(ChecklistItem),
  payModes: z.array(z.enum(PAY_MODES))
})
export type LineViewT = z.infer<typeof LineView>

const SlotView = z.object({ start: EpochMs, end: EpochMs, capacity: z.number().int(), free: z.number().int() })

const WorkerRef = z.object({ id: Id, name: z.string(), partner: z.boolean(), outstanding: z.boolean() })

const TimelineEntry = z.object({ key: z.string(), label: z.string(), at: EpochMs.nullable(), note: z.string() })

/** What membership took off a priced booking (level discount, coupon, points); `priceFen` is what is left to pay. */
const PricingView = z.object({
  subtotalFen: Fen,
  levelName: z.string(),
  levelDiscountFen: Fen,
  couponDiscountFen: Fen,
  pointsUsed: z.number().int().nonnegative(),
  pointsDiscountFen: Fen,
  discountFen: Fen
})
export type PricingViewT = z.infer<typeof PricingView>

/**
 * When the worker may mark each step, from the slot: set out from an hour before it starts,
 * arrive and finish from half an hour before. `hint` says when the next step opens ('' once open).
 */
const StepWindow = z.object({ departFrom: EpochMs, arriveFrom: EpochMs, finishFrom: EpochMs, hint: z.string() })

const RatingView = z.object({
  scores: z.record(z.string(), z.number()),
  avg: z.number(),
  comment: z.string(),
  nextTime: z.enum(['same', 'different', 'any']),
  at: EpochMs
})

const BookingView = z.object({
  id: Id,
  communityId: Id,
  lineId: Id,
  lineName: z.string(),
  /** The service line's cover, as the booking's thumbnail. */
  lineCover: PhotoId.nullable(),
  kind: z.enum(['service', 'repair']),
  status: z.enum(BOOKING_STATUSES),
  statusLabel: z.string(),
  slotStart: EpochMs,
  slotEnd: EpochMs,
  householdId: Id,
  householdLabel: z.string(),
  contactName: z.string(),
  /** The booker's phone, masked (`138****8000`); the worker reveals it in full through `revealPhone`, which is logged. */
  contactPhoneMasked: z.string().nullable(),
  worker: WorkerRef.nullable(),
  payMode: z.enum(PAY_MODES),
  payState: z.enum(['unpaid', 'paid', 'due', 'card', 'free', 'refunded']),
  priceFen: Fen.nullable(),
  pricing: PricingView.nullable(),
  holdUntil: EpochMs.nullable(),
  note: z.string(),
  photos: z.array(z.string()),
  lateMin: z.number().int().nullable(),
  window: StepWindow,
  checklist: z.array(z.object({ key: z.string(), label: z.string(), doneAt: EpochMs.nullable(), photo: z.string().nullable() })),
  timeline: z.array(TimelineEntry),
  reassignments: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string(), at: EpochMs })),
  rating: RatingView.nullable(),
  canCancel: z.boolean(),
  canPay: z.boolean(),
  canRate: z.boolean(),
  /** Done with a worker and no 表扬信 yet from the household. */
  canThank: z.boolean(),
  createdAt: EpochMs
})
export type BookingViewT = z.infer<typeof BookingView>

const WorkerRow = z.object({
  id: Id,
  name: z.string(),
  partner: z.boolean(),
  outstanding: z.boolean(),
  outstandingNote: z.string(),
  skills: z.array(z.string()),
  hours: z.string()
})

const Reputation = z.object({
  worker: WorkerRow,
  ratings: z.number().int(),
  households: z.number().int(),
  overall: z.number(),
  dims: z.array(z.object({ key: z.enum(RATING_DIMENSIONS), label: z.string(), avg: z.number() })),
  jobsDone: z.number().int(),
  onTimeRate: z.number().nullable(),
  /** Average per month, oldest first, for the last six months (null: no ratings that month). */
  months: z.array(z.object({ month: z.string(), avg: z.number().nullable(), count: z.number().int() })),
  trend: z.enum(['up', 'down', 'flat', 'new']),
  lowRatings: z.number().int(),
  recentComments: z.array(z.object({ text: z.string(), avg: z.number(), at: EpochMs })),
  /** Approved 表扬信, whenever written. */
  praises: z.number().int(),
  /** The newest approved 表扬信; null: none yet. */
  recentPraise: z.object({ text: z.string(), at: EpochMs }).nullable()
})
export type ReputationT = z.infer<typeof Reputation>

const FollowUpView = z.object({
  id: Id,
  bookingId: Id,
  householdLabel: z.string(),
  lineName: z.string(),
  workerName: z.string(),
  avg: z.number(),
  comment: z.string(),
  status: z.enum(['open', 'closed']),
  note: z.string(),
  createdAt: EpochMs,
  closedAt: EpochMs.nullable()
})

const ComplaintView = z.object({
  id: Id,
  category: z.enum(COMPLAINT_CATEGORIES),
  categoryLabel: z.string(),
  text: z.string(),
  photos: z.array(z.string()),
  householdLabel: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  statusLabel: z.string(),
  response: z.string(),
  createdAt: EpochMs,
  firstResponseAt: EpochMs.nullable(),
  resolvedAt: EpochMs.nullable(),
  /** Minutes from submission to the first response; null while unanswered. */
  responseMinutes: z.number().int().nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable()
})
export type ComplaintViewT = z.infer<typeof ComplaintView>

const ByBooking = z.object({ bookingId: Id.meta({ label: '预约' }) }).strict()
const STAFF_VIEW = ['dispatcher', 'butler', 'operator'] as const
/** Who handles complaints: those who look after the work, and customer service (客服). */
const COMPLAINT_DESK = [...STAFF_VIEW, 'service'] as const

const serviceContracts = {
  // ── Residents ─────────────────────────────────────────────────────────────────────────────
  lines: defineAction({
    fn: FN,
    name: 'lines',
    summary: '服务项目列表（价格或上门报价、时长、服务标准）',
    access: ['resident', 'dispatcher', 'operator'],
    input: z.object({ kind: z.enum(['service', 'repair']).meta({ label: '服务类型' }).optional() }).strict(),
    output: z.object({ lines: z.array(LineView) })
  }),
  slots: defineAction({
    fn: FN,
    name: 'slots',
    summary: '服务项目未来 7 天的可约时段（由师傅工作时间与已有预约计算）',
    access: ['resident'],
    input: z.object({ lineId: Id.meta({ label: '服务项目' }), householdId: Id.meta({ label: '房屋' }).optional() }).strict(),
    output: z.object({
      line: LineView,
      slots: z.array(SlotView),
      cards: z.array(z.object({ id: Id, title: z.string(), usesLeft: z.number().int() }))
    })
  }),
  book: defineAction({
    fn: FN,
    name: 'book',
    summary: '预约服务或报修：占用时段与师傅，按会员折扣、优惠券与积分计价，按支付方式确认',
    access: ['resident'],
    input: z
      .object({
        lineId: Id.meta({ label: '服务项目' }),
        householdId: Id.meta({ label: '房屋' }),
        slotStart: TimeInput.meta({ label: '预约时段' }),
        payMode: z.enum(PAY_MODES).meta({ label: '支付方式' }),
        cardId: Id.meta({ label: '服务卡' }).optional(),
        /** A worker the resident asks for; must work in this community. */
        workerId: Id.meta({ label: '师傅' }).optional(),
        /** A coupon of the resident's, and points: only when paying online upfront (`member.checkoutOptions` previews both). */
        couponId: Id.meta({ label: '优惠券' }).nullable().default(null),
        usePoints: z.boolean().meta({ label: '积分抵扣' }).default(false),
        note: MultilineText.max(200, '备注最多 200 字').meta({ label: '备注' }).default(''),
        photos: photoList(6).meta({ label: '照片', measure: '张' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ booking: BookingView })
  }),
  mine: defineAction({
    fn: FN,
    name: 'mine',
    summary: '我的预约（含报修）',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }).optional() }).strict(),
    output: z.object({ bookings: z.array(BookingView) })
  }),
  get: defineAction({
    fn: FN,
    name: 'get',
    summary: '预约详情与服务进度',
    access: ['resident', 'worker', 'dispatcher', 'butler', 'operator'],
    input: ByBooking,
    output: z.object({ booking: BookingView })
  }),
  cancel: defineAction({
    fn: FN,
    name: 'cancel',
    summary: '取消预约：释放时段与师傅，退回预付款或服务卡次数',
    access: ['resident'],
    input: ByBooking,
    output: z.object({ booking: BookingView })
  }),
  rate: defineAction({
    fn: FN,
    name: 'rate',
    summary: '服务完成后分项评价；低分生成管家回访任务',
    access: ['resident'],
    input: z
      .object({
        bookingId: Id.meta({ label: '预约' }),
        scores: z.object({
          punctuality: Score.meta({ label: RATING_LABELS.punctuality }),
          attitude: Score.meta({ label: RATING_LABELS.attitude }),
          process: Score.meta({ label: RATING_LABELS.process }),
          etiquette: Score.meta({ label: RATING_LABELS.etiquette }),
          result: Score.meta({ label: RATING_LABELS.result })
        }).strict().meta({ label: '评分' }),
        comment: MultilineText.max(300, '评价最多 300 字').meta({ label: '评价' }).default(''),
        nextTime: z.enum(['same', 'different', 'any']).meta({ label: '下次是否选同一位师傅' }).default('any')
      })
      .strict(),
    output: z.object({ booking: BookingView, followUp: z.boolean() })
  }),
  // ── Workers ───────────────────────────────────────────────────────────────────────────────
  workerJobs: defineAction({
    fn: FN,
    name: 'workerJobs',
    summary: '师傅：今日与即将开始的工单',
    access: ['worker'],
    input: z.object({ when: z.enum(['today', 'upcoming', 'done']).meta({ label: '时间范围' }).default('today') }).strict(),
    output: z.object({ worker: WorkerRow, jobs: z.array(BookingView) })
  }),
  progress: defineAction({
    fn: FN,
    name: 'progress',
    summary: '师傅：出发、到达（记录迟到）、逐项完成服务标准、完工',
    access: ['worker'],
    input: z
      .object({
        bookingId: Id.meta({ label: '预约' }),
        step: z.enum(['on_way', 'arrived', 'check', 'finish']).meta({ label: '服务进度' }),
        /** The checklist item for `check`. */
        key: Text.min(1).max(32).meta({ label: '服务标准项' }).optional(),
        photo: PhotoId.meta({ label: '照片' }).optional(),
        /** The on-site price of a quoted line, at `finish`. */
        priceFen: Fen.max(10_000_000).meta({ label: '上门报价' }).optional(),
        note: MultilineText.max(200).meta({ label: '备注' }).default('')
      })
      .strict(),
    output: z.object({ booking: BookingView })
  }),
  revealPhone: defineAction({
    fn: FN,
    name: 'revealPhone',
    summary: '师傅：查看住户完整电话以便联系（留痕）',
    access: ['worker'],
    input: ByBooking,
    output: z.object({ phone: z.string() })
  }),
  // ── Dispatch ──────────────────────────────────────────────────────────────────────────────
  board: defineAction({
    fn: FN,
    name: 'board',
    summary: '调度看板：未派与已派工单，可用师傅',
    access: ['dispatcher', 'butler'],
    input: z.object({ days: z.number().int().min(1).max(14).meta({ label: '天数' }).default(7) }).strict(),
    output: z.object({
      unassigned: z.array(BookingView),
      assigned: z.array(BookingView),
      workers: z.array(WorkerRow)
    })
  }),
  reassign: defineAction({
    fn: FN,
    name: 'reassign',
    summary: '派单或替换师傅（需填写原因）',
    access: ['dispatcher', 'butler'],
    input: z
      .object({
        bookingId: Id.meta({ label: '预约' }),
        workerId: Id.meta({ label: '师傅' }),
        reason: Text.min(2, '请填写替换原因').max(100, '原因最多 100 字').meta({ label: '替换原因' })
      })
      .strict(),
    output: z.object({ booking: BookingView })
  }),
  // ── Reputation and follow-ups ─────────────────────────────────────────────────────────────
  reputation: defineAction({
    fn: FN,
    name: 'reputation',
    summary: '运营：师傅口碑（跨住户、按月趋势）',
    access: ['operator', 'dispatcher'],
    input: Empty,
    output: z.object({ workers: z.array(Reputation) })
  }),
  markOutstanding: defineAction({
    fn: FN,
    name: 'markOutstanding',
    summary: '运营：标记或取消优秀师傅',
    access: ['operator'],
    input: z.object({
      workerId: Id.meta({ label: '师傅' }),
      outstanding: z.boolean().meta({ label: '优秀师傅' }),
      note: Text.max(60).meta({ label: '说明' }).default('')
    }).strict(),
    output: z.object({ worker: WorkerRow })
  }),
  followUps: defineAction({
    fn: FN,
    name: 'followUps',
    summary: '管家：低分评价回访任务',
    access: ['butler', 'operator'],
    input: z.object({ status: z.enum(['open', 'closed']).meta({ label: '状态' }).default('open') }).strict(),
    output: z.object({ followUps: z.array(FollowUpView) })
  }),
  closeFollowUp: defineAction({
    fn: FN,
    name: 'closeFollowUp',
    summary: '管家：完成回访并记录结果',
    access: ['butler', 'operator'],
    input: z.object({ followUpId: Id.meta({ label: '回访任务' }), note: MultilineText.min(2, '请填写回访结果').max(200).meta({ label: '回访结果' }) }).strict(),
    output: z.object({ followUp: FollowUpView })
  }),
  // ── Complaints ────────────────────────────────────────────────────────────────────────────
  complain: defineAction({
    fn: FN,
    name: 'complain',
    summary: '住户：提交投诉（分类、描述、照片）',
    access: ['resident'],
    input: z
      .object({
        householdId: Id.meta({ label: '房屋' }),
        category: z.enum(COMPLAINT_CATEGORIES).meta({ label: '投诉类别' }),
        text: MultilineText.min(5, '请至少写 5 个字').max(500, '最多 500 字').meta({ label: '投诉内容' }),
        photos: photoList(6).meta({ label: '照片', measure: '张' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ complaint: ComplaintView })
  }),
  myComplaints: defineAction({
    fn: FN,
    name: 'myComplaints',
    summary: '住户：我的投诉',
    access: ['resident'],
    input: Empty,
    output: z.object({ complaints: z.array(ComplaintView) })
  }),
  complaints: defineAction({
    fn: FN,
    name: 'complaints',
    summary: '管家/调度/运营：投诉工单',
    access: COMPLAINT_DESK,
    input: z.object({ status: z.enum(COMPLAINT_STATUSES).meta({ label: '状态' }).optional() }).strict(),
    output: z.object({ complaints: z.array(ComplaintView), avgResponseMinutes: z.number().nullable() })
  }),
  respond: defineAction({
    fn: FN,
    name: 'respond',
    summary: '受理或办结投诉（记录响应时间）',
    access: COMPLAINT_DESK,
    input: z
      .object({
        complaintId: Id.meta({ label: '投诉' }),
        status: z.enum(['processing', 'resolved']).meta({ label: '处理状态' }),
        response: MultilineText.min(2, '请填写处理说明').max(300).meta({ label: '处理说明' })
      })
      .strict(),
    output: z.object({ complaint: ComplaintView })
  }),
  rateComplaint: defineAction({
    fn: FN,
    name: 'rateComplaint',
    summary: '住户：评价投诉处理',
    access: ['resident'],
    input: z.object({
      complaintId: Id.meta({ label: '投诉' }),
      score: Score.meta({ label: '评分' }),
      comment: MultilineText.max(200).meta({ label: '评价' }).default('')
    }).strict(),
    output: z.object({ complaint: ComplaintView })
  })
}

export const bookingContracts = { ...serviceContracts, ...bookingSetupContracts, ...bookingPraiseContracts }
