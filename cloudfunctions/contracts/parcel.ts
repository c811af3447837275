import * as z from 'zod'
import { ClientRequestId, EpochMs, Id, Text, TimeInput } from './common'
import { normalizeTypedCode } from './codes'
import { defineAction } from './define'
import { OptionalPhoto, PhotoId } from './photo'
import { COURIERS, PARCEL_QR_PREFIX, PARCEL_STATUSES, PICKUP_CODE_LENGTH, PICKUP_VIAS } from './parcel-labels'

/**
 * Parcels (快递代收): the front desk registers what couriers leave, the household gets a pickup
 * code and a message, and the parcel leaves the shelf once: at the desk by its code or QR, or at
 * the door by the grid's butler when the resident asked for delivery.
 */
const FN = 'parcel'

/** Front desk: customer service, verifiers and operators. */
export const PARCEL_DESK_ROLES = ['service', 'verifier', 'operator'] as const

/** A tracking number as printed: letters, digits and dashes, compared without case or spaces. */
const TrackingNo = Text.transform((s) => normalizeTypedCode(s))
  .pipe(
    z
      .string()
      .min(6, '快递单号至少 6 位')
      .max(32, '快递单号最多 32 位')
      .regex(/^[A-Z0-9]+$/, '快递单号只能包含字母和数字')
  )
  .meta({ label: '快递单号' })

export type PickupKey = { kind: 'code'; code: string } | { kind: 'qr'; token: string }

/**
 * What the desk enters: the six-digit code the resident reads out, or the text of their QR code
 * (the scanner hands it over as typed). One field, so the scan and the keyboard share a form.
 */
export const PickupInput = Text.min(1, '请输入取件码或扫描住户的取件二维码')
  .max(120, '取件码无效')
  .transform((s, ctx): PickupKey => {
    if (s.startsWith(PARCEL_QR_PREFIX)) {
      const token = s.slice(PARCEL_QR_PREFIX.length)
      if (/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { kind: 'qr', token }
      ctx.addIssue({ code: 'custom', message: '二维码无效，请让住户刷新取件页面后重试' })
      return z.NEVER
    }
    const code = normalizeTypedCode(s)
    if (code.length !== PICKUP_CODE_LENGTH || !/^[0-9]+$/.test(code)) {
      ctx.addIssue({ code: 'custom', message: `取件码为 ${PICKUP_CODE_LENGTH} 位数字，已输入 ${code.length} 位` })
      return z.NEVER
    }
    return { kind: 'code', code }
  })
  .meta({ label: '取件码' })

/** A parcel as the desk and the butler see it. */
const ParcelView = z.object({
  id: Id,
  householdId: Id,
  /** `1栋 101` */
  householdLabel: z.string(),
  courier: z.enum(COURIERS),
  trackingNo: z.string(),
  shelf: z.string(),
  photo: PhotoId.nullable(),
  pickupCode: z.string(),
  status: z.enum(PARCEL_STATUSES),
  registeredAt: EpochMs,
  registeredByName: z.string(),
  pickedAt: EpochMs.nullable(),
  pickedByName: z.string().nullable(),
  pickedVia: z.enum(PICKUP_VIAS).nullable(),
  /** The resident asked for door delivery: when, and the butler it went to. */
  deliveryRequestedAt: EpochMs.nullable(),
  deliveryButlerName: z.string().nullable(),
  /** Days on the shelf so far (or until it left), counted in whole Shanghai days. */
  daysHeld: z.number().int().nonnegative()
})
export type ParcelViewT = z.infer<typeof ParcelView>

/** A parcel as its household sees it: the QR and code only while it waits. */
const MyParcel = z.object({
  id: Id,
  householdLabel: z.string(),
  courier: z.enum(COURIERS),
  /** The last four characters: enough to tell parcels apart on a shared screen. */
  trackingTail: z.string(),
  shelf: z.string(),
  photo: PhotoId.nullable(),
  status: z.enum(PARCEL_STATUSES),
  registeredAt: EpochMs,
  /** Null once picked up. */
  pickupCode: z.string().nullable(),
  qr: z.string().nullable(),
  pickedAt: EpochMs.nullable(),
  pickedVia: z.enum(PICKUP_VIAS).nullable(),
  deliveryRequestedAt: EpochMs.nullable(),
  /** False where no butler looks after the building, so the button says to come to the desk. */
  canRequestDelivery: z.boolean()
})
export type MyParcelT = z.infer<typeof MyParcel>

const Counts = z.object({
  /** On the shelf now. */
  waiting: z.number().int().nonnegative(),
  /** Of those, held longer than the reminder threshold. */
  overdue: z.number().int().nonnegative(),
  registeredToday: z.number().int().nonnegative(),
  pickedToday: z.number().int().nonnegative()
})

export const ParcelCounts = z.object({
  thisMonth: z.number().int().nonnegative(),
  /** This month and the two before it. */
  lastThreeMonths: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative()
})
export type ParcelCountsT = z.infer<typeof ParcelCounts>

export const LIST_FILTERS = ['waiting', 'today', 'picked'] as const
export type ListFilter = (typeof LIST_FILTERS)[number]

export const parcelContracts = {
  register: defineAction({
    fn: FN,
    name: 'register',
    summary: '前台登记快递：快递公司、单号、货架位置、照片，通知住户取件码',
    access: PARCEL_DESK_ROLES,
    input: z
      .object({
        householdId: Id.meta({ label: '收件房屋' }),
        courier: z.enum(COURIERS, '请选择快递公司').meta({ label: '快递公司' }),
        trackingNo: TrackingNo,
        shelf: Text.min(1, '请填写货架位置').max(20, '货架位置最多 20 个字').meta({ label: '货架位置' }),
        photo: OptionalPhoto.meta({ label: '包裹照片' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: ParcelView
  }),
  list: defineAction({
    fn: FN,
    name: 'list',
    summary: '前台：在架包裹、某日登记或某日取件，可按房屋筛选',
    access: PARCEL_DESK_ROLES,
    input: z
      .object({
        filter: z.enum(LIST_FILTERS, '请选择筛选条件').default('waiting').meta({ label: '筛选' }),
        /** The day for `today` and `picked`; today when absent. */
        day: TimeInput.optional().meta({ label: '日期' }),
        householdId: Id.optional().meta({ label: '房屋' }),
        cursor: z.string().max(128).optional().meta({ label: '分页位置' })
      })
      .strict(),
    output: z.object({ items: z.array(ParcelView), cursor: z.string().nullable(), counts: Counts })
  }),
  pickup: defineAction({
    fn: FN,
    name: 'pickup',
    summary: '取件核销：输入取件码或扫描住户的取件二维码（每个包裹只能取一次）',
    access: PARCEL_DESK_ROLES,
    input: z.object({ code: PickupInput }).strict(),
    output: ParcelView
  }),
  mine: defineAction({
    fn: FN,
    name: 'mine',
    summary: '我的快递：待取件（取件码与二维码）和最近取件记录',
    access: ['resident'],
    input: z.object({}).strict(),
    output: z.object({ waiting: z.array(MyParcel), history: z.array(MyParcel) })
  }),
  requestDelivery: defineAction({
    fn: FN,
    name: 'requestDelivery',
    summary: '住户申请网格管家送货上门',
    access: ['resident'],
    input: z.object({ parcelId: Id.meta({ label: '包裹' }) }).strict(),
    output: MyParcel
  }),
  deliveries: defineAction({
    fn: FN,
    name: 'deliveries',
    summary: '管家：待送上门的包裹与今日已送达',
    access: ['butler'],
    input: z.object({}).strict(),
    output: z.object({ pending: z.array(ParcelView), deliveredToday: z.array(ParcelView) })
  }),
  deliver: defineAction({
    fn: FN,
    name: 'deliver',
    summary: '管家送达：包裹交到住户手中（即取件，只能一次）',
    access: ['butler'],
    input: z.object({ parcelId: Id.meta({ label: '包裹' }) }).strict(),
    output: ParcelView
  }),
  householdCounts: defineAction({
    fn: FN,
    name: 'householdCounts',
    summary: '一户的快递件数：本月、近三个月与在架',
    access: [...PARCEL_DESK_ROLES, 'butler'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: ParcelCounts
  })
} as const
