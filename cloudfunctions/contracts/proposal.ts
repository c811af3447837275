import * as z from 'zod'
import { EpochMs, Fen, Id, MultilineText, Text, TimeInput } from './common'
import { PRODUCT_CATEGORIES, PRODUCT_KINDS } from './order-kinds'
import { PhotoId, photoList } from './photo'

/**
 * 意向登记 (接龙): demand is gathered before anything is bought. A proposal is open while residents
 * register interest; staff turn it into a pre-sale (`converting → converted`, once), or close it.
 */
export const PROPOSAL_STATUSES = ['open', 'converting', 'converted', 'closed'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = { open: '征集中', converting: '转预售中', converted: '已转预售', closed: '已结束' }

const DAY = 24 * 3600_000

export const ProposalDraftSchema = z
  .object({
    title: Text.min(2, '请填写标题').max(30, '标题最多 30 个字').meta({ label: '标题' }),
    description: MultilineText.max(1000, '介绍最多 1000 字').meta({ label: '介绍' }).default(''),
    kind: z.enum(PRODUCT_KINDS).meta({ label: '类型' }),
    category: z.enum(PRODUCT_CATEGORIES).meta({ label: '品类' }).default('other'),
    images: photoList(6).meta({ label: '图片', measure: '张' }),
    unit: Text.min(1, '请填写单位').max(6, '单位最多 6 个字').meta({ label: '单位' }),
    /** What it will cost about: shown as 预计, the pre-sale sets the real price. */
    indicativePriceFen: z.number().int().min(1, '预计价格须大于 0').max(10_000_000, '预计价格不超过 10 万元').meta({ label: '预计价格', money: true }),
    /** Registered quantity across the community at which it is worth sourcing. */
    threshold: z.number().int().min(1, '成团数量至少 1').max(100_000, '成团数量最多 100000').meta({ label: '成团数量' }),
    householdLimit: z.number().int().min(1, '每户最多登记至少 1 份').max(99, '每户最多登记 99 份').meta({ label: '每户最多登记' }),
    closesAt: TimeInput.meta({ label: '征集截止' })
  })
  .strict()
export type ProposalDraft = z.infer<typeof ProposalDraftSchema>

export const ProposalView = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  category: z.enum(PRODUCT_CATEGORIES),
  images: z.array(PhotoId),
  unit: z.string(),
  indicativePriceFen: Fen,
  threshold: z.number().int(),
  householdLimit: z.number().int(),
  closesAt: EpochMs,
  status: z.enum(PROPOSAL_STATUSES),
  /** Registered quantity and households so far. */
  registered: z.number().int(),
  households: z.number().int(),
  /** The pre-sale it became, once converted. */
  campaignId: Id.nullable(),
  /** Reservations placed when it became a pre-sale (orders, quantity), and registrations left without one. */
  reserved: z.object({ orders: z.number().int(), quantity: z.number().int(), unreserved: z.number().int() }).nullable(),
  /**
   * The caller's household's registration, when a household was named; `orderId` is the
   * reservation it became, to be paid.
   */
  mine: z.object({ householdId: Id, quantity: z.number().int(), orderId: Id.nullable() }).nullable()
})
export type ProposalViewT = z.infer<typeof ProposalView>

/** How long a proposal may gather interest. */
export const PROPOSAL_MAX_OPEN_MS = 60 * DAY

/** Converted ones stay on the residents' list this long, so a registrant finds their reservation. */
export const PROPOSAL_CONVERTED_SHOWN_MS = 7 * DAY

/** A reservation is paid in this window (never past the pre-sale's end). */
export const RESERVATION_PAY_WINDOW_MS = 48 * 3600_000

/**
 * Demand → pre-sale → orders for one proposal: what the office weighs a proposal by. `reserved`
 * are the orders placed for registrants; `campaign` counts every paid order of the pre-sale,
 * registrants or not.
 */
export const ProposalBoardView = z.object({
  proposal: ProposalView,
  campaign: z.object({ id: Id, title: z.string(), status: z.string(), statusLabel: z.string() }).nullable(),
  funnel: z.object({
    registeredHouseholds: z.number().int(),
    registeredQuantity: z.number().int(),
    reservedOrders: z.number().int(),
    reservedQuantity: z.number().int(),
    reservedPaidOrders: z.number().int(),
    reservedPaidQuantity: z.number().int(),
    paidOrders: z.number().int(),
    paidQuantity: z.number().int(),
    paidHouseholds: z.number().int(),
    paidFen: Fen,
    /** Paid reservations over registered households, in whole percent; null before any registration. */
    confirmRate: z.number().int().nullable()
  }),
  /** Registrations, newest first: household (by building and room), quantity, reservation state. */
  registrations: z.array(
    z.object({
      householdLabel: z.string(),
      quantity: z.number().int(),
      at: EpochMs,
      reservation: z.enum(['none', 'pending', 'paid', 'lapsed', 'unreserved'])
    })
  )
})
export type ProposalBoardViewT = z.infer<typeof ProposalBoardView>

export const RESERVATION_STATE_LABELS = { none: '—', pending: '待付款', paid: '已付款', lapsed: '未付款已失效', unreserved: '库存不足未预留' } as const
