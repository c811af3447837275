import * as z from 'zod'
import { typedCode } from './codes'
import { PRODUCT_CATEGORIES, PRODUCT_KINDS } from './order-kinds'
import { ClientRequestId, Empty, EpochMs, Fen, Id, MultilineText, SignedFen, Text, TimeInput } from './common'
import { CompetitorPriceDraftSchema, CompetitorPriceView } from './competitor'
import { ProposalBoardView, ProposalDraftSchema, ProposalView } from './proposal'
import { NEEDS } from './insights-labels'
import { NeedTags } from './need-tags'
import { defineAction } from './define'
import { OptionalPhoto, PhotoId, photoList } from './photo'
import { PackagePartView, PackageParts } from './package'
import { MonthInput, PURCHASE_STATUSES, PurchaseOrderView, ReceiptDraftSchema, StatementView, SupplierScoreView } from './supply'
import { CARD_STATUSES } from './member'

const FN = 'order'

// ── Labels and enums ────────────────────────────────────────────────────────────────────────

export { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, PRODUCT_KINDS, PRODUCT_KIND_LABELS, type ProductCategory, type ProductKind } from './order-kinds'

export const DELIVERY_MODES = ['door', 'pickup'] as const
export type DeliveryMode = (typeof DELIVERY_MODES)[number]
export const DELIVERY_MODE_LABELS: Record<DeliveryMode, string> = { door: '管家送货上门', pickup: '到自提点自提' }

/**
 * A campaign's states. `scheduled`, `live` and `ended` follow the clock (the settlement job
 * writes them down too); `settling` is the claim the settlement job takes before it decides.
 */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'live', 'ended', 'settling', 'succeeded', 'failed', 'fulfilled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '未开始',
  live: '预售中',
  ended: '已截止',
  settling: '结算中',
  succeeded: '已成团',
  failed: '未成团',
  fulfilled: '已完成'
}

export const ORDER_STATUSES = [
  'reserving',
  'pending_payment',
  'paid',
  'confirmed',
  'delivered',
  'expired',
  'cancelled',
  'rejected',
  'refunding',
  'refunded'
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  reserving: '处理中',
  pending_payment: '待支付',
  paid: '已支付 · 待成团',
  confirmed: '已成团 · 待配送',
  delivered: '已完成',
  expired: '已超时',
  cancelled: '已取消',
  rejected: '未成功',
  refunding: '退款中',
  refunded: '已退款'
}

export const REFUND_REASONS = ['cancel', 'group_failed', 'after_sale', 'operator'] as const
export type RefundReason = (typeof REFUND_REASONS)[number]
export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  cancel: '取消订单退款',
  group_failed: '未成团自动退款',
  after_sale: '售后退款',
  operator: '物业退款'
}

export const AFTER_SALE_TYPES = ['refund', 'return'] as const
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number]
export const AFTER_SALE_TYPE_LABELS: Record<AfterSaleType, string> = { refund: '仅退款', return: '退货退款' }
export const AFTER_SALE_STATUSES = ['requested', 'approved', 'rejected'] as const
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number]
export const AFTER_SALE_STATUS_LABELS: Record<AfterSaleStatus, string> = { requested: '待审核', approved: '已同意', rejected: '已拒绝' }

/** Order codes are 8 characters without look-alikes, shown as `XXXX-XXXX` and as a QR code. */
export const ORDER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const OrderCode = typedCode('订单码', 8, ORDER_CODE_ALPHABET)

export function formatOrderCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code
}

/** Epoch ms after 2020: a bare small number is a mistake, not a date. */
const Instant = TimeInput
/** A butler's invitation token: also the poster's `scene`, which holds at most 32 characters. */
const InviteToken = Text.regex(/^[A-Za-z0-9]{6,32}$/, '邀请码无效').meta({ label: '邀请码' })

// ── Catalog ─────────────────────────────────────────────────────────────────────────────────

const SkuDraft = z
  .object({
    /** Absent for a new SKU; kept for an existing one so running campaigns keep their reference. */
    id: Id.meta({ label: '规格' }).optional(),
    name: Text.min(1, '请填写规格名称').max(20, '规格名称最多 20 个字').meta({ label: '名称' }),
    priceFen: z.number().int().min(1, '价格须大于 0').max(10_000_000, '单价不超过 10 万元').meta({ label: '价格', money: true }),
    /**
     * What one unit costs us (进货价), for margins; null when not known yet. Absent keeps what is
     * stored, so an editor that does not show costs never clears them. Above the price is allowed
     * (a loss leader), and the save answers with a warning.
     */
    costFen: z.number().int().min(0, '成本价不能为负').max(10_000_000, '成本价不超过 10 万元').meta({ label: '成本价', money: true }).nullable().optional()
  })
  .strict()

export const ProductDraftSchema = z
  .object({
    name: Text.min(2, '请填写商品名称').max(30, '商品名称最多 30 个字').meta({ label: '商品名称' }),
    kind: z.enum(PRODUCT_KINDS).meta({ label: '商品类型' }),
    category: z.enum(PRODUCT_CATEGORIES).meta({ label: '品类' }).default('other'),
    supplierId: Id.meta({ label: '供应商' }),
    description: MultilineText.max(1000, '介绍最多 1000 字').meta({ label: '介绍' }).default(''),
    images: photoList(6).meta({ label: '商品图片', measure: '张' }),
    unit: Text.min(1, '请填写单位').max(6, '单位最多 6 个字').meta({ label: '单位' }),
    skus: z.array(SkuDraft).min(1, '至少一个规格').max(10, '最多 10 个规格').meta({ label: '规格', measure: '个' }),
    /** 五省 it serves; left out keeps what is stored (the mini-program's editor has no such field). */
    needs: NeedTags.meta({ label: '适合需求', measure: '项' }).optional(),
    /** 产品包 only: what it holds. Left out keeps what is stored (the mini-program's editor has no such field). */
    parts: PackageParts.optional()
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.parts && p.kind !== 'package' && p.parts.length > 0) ctx.addIssue({ code: 'custom', path: ['parts'], message: '只有产品包可以设置包含内容' })
    if (p.parts && p.kind === 'package') {
      if (p.parts.length === 0) ctx.addIssue({ code: 'custom', path: ['parts'], message: '产品包至少包含一项' })
      else if (!p.parts.some((x) => x.type === 'card')) ctx.addIssue({ code: 'custom', path: ['parts'], message: '产品包须包含一张服务卡' })
    }
    const names = new Set<string>()
    p.skus.forEach((s, i) => {
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: ['skus', i, 'name'], message: '规格名称重复' })
      names.add(s.name)
    })
  })
export type ProductDraft = z.infer<typeof ProductDraftSchema>

export const SupplierDraftSchema = z
  .object({
    name: Text.min(2, '请填写供应商名称').max(30, '名称最多 30 个字').meta({ label: '供应商名称' }),
    contact: Text.max(20).meta({ label: '联系人' }).default(''),
    phone: z.union([z.literal(''), z.string().regex(/^[0-9-]{7,20}$/, '电话格式有误')]).meta({ label: '电话' }).default('')
  })
  .strict()

export const PickupPointDraftSchema = z
  .object({
    name: Text.min(2, '请填写自提点名称').max(30).meta({ label: '自提点名称' }),
    address: Text.min(2, '请填写地址').max(60).meta({ label: '地址' }),
    hours: Text.max(40).meta({ label: '营业时间' }).default('')
  })
  .strict()

const SkuView = z.object({ id: Id, name: z.string(), priceFen: Fen, costFen: Fen.nullable() })
export const ProductView = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  category: z.enum(PRODUCT_CATEGORIES),
  supplierId: Id,
  supplierName: z.string(),
  description: z.string(),
  images: z.array(PhotoId),
  unit: z.string(),
  skus: z.array(SkuView),
  needs: z.array(z.enum(NEEDS)),
  /** 产品包: what it holds, and what that costs bought part by part (null for other kinds). */
  parts: z.array(PackagePartView),
  partsFen: Fen.nullable()
})
export type ProductViewT = z.infer<typeof ProductView>
const SupplierView = z.object({ id: Id, name: z.string(), contact: z.string(), phone: z.string() })
export const PickupPointView = z.object({ id: Id, name: z.string(), address: z.string(), hours: z.string() })

// ── Campaigns ───────────────────────────────────────────────────────────────────────────────

const DAY = 24 * 3600_000

export const CampaignDraftSchema = z
  .object({
    title: Text.min(2, '请填写标题').max(30, '标题最多 30 个字').meta({ label: '标题' }),
    description: MultilineText.max(1000, '介绍最多 1000 字').meta({ label: '介绍' }).default(''),
    productId: Id.meta({ label: '商品' }),
    /** Null: the product's first photo stands in. */
    cover: OptionalPhoto.meta({ label: '封面' }),
    /** Empty: the product's photos are shown. */
    images: photoList(6).meta({ label: '预售图片', measure: '张' }),
    /** The SKUs on sale: campaign price and stock each. */
    skus: z
      .array(
        z
          .object({
            skuId: Id.meta({ label: '商品规格' }),
            priceFen: z.number().int().min(1, '价格须大于 0').max(10_000_000, '单价不超过 10 万元').meta({ label: '预售价', money: true }),
            stock: z.number().int().min(1, '库存至少 1').max(100_000, '库存最多 100000').meta({ label: '库存' })
          })
          .strict()
      )
      .min(1, '请至少选择一个规格')
      .max(10).meta({ label: '规格', measure: '个' }),
    startAt: Instant.meta({ label: '开始时间' }),
    endAt: Instant.meta({ label: '截止时间' }),
    householdLimit: z.number().int().min(1, '每户限购至少 1 份').max(99, '每户限购最多 99 份').meta({ label: '每户限购' }),
    /** 成团: the minimum quantity paid across the community by the end; null = no threshold. */
    threshold: z.number().int().min(1, '成团数量至少 1').max(100_000).meta({ label: '成团数量' }).nullable(),
    deliveryMode: z.enum(DELIVERY_MODES).meta({ label: '配送方式' }),
    pickupPointId: Id.meta({ label: '自提点' }).nullable().default(null),
    deliveryDate: Instant.meta({ label: '配送日期' }),
    /**
     * Who it is for: households in these buildings, with one of these needs (both when both are
     * given); empty lists are everyone. Left out keeps what a draft had.
     */
    audience: z
      .object({
        buildingIds: z.array(Id).max(100, '最多选 100 栋').meta({ label: '楼栋', measure: '栋' }),
        needs: NeedTags.meta({ label: '需求', measure: '项' })
      })
      .strict()
      .meta({ label: '目标住户' })
      .optional()
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.endAt <= d.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '截止时间应晚于开始时间' })
    if (d.endAt - d.startAt > 30 * DAY) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '预售最长 30 天' })
    if (d.deliveryDate < d.endAt) ctx.addIssue({ code: 'custom', path: ['deliveryDate'], message: '配送日期不能早于截止时间' })
    if (d.deliveryMode === 'pickup' && !d.pickupPointId) ctx.addIssue({ code: 'custom', path: ['pickupPointId'], message: '请选择自提点' })
    const seen = new Set<string>()
    d.skus.forEach((s, i) => {
      if (seen.has(s.skuId)) ctx.addIssue({ code: 'custom', path: ['skus', i, 'skuId'], message: '规格重复' })
      seen.add(s.skuId)
    })
    const total = d.skus.reduce((n, s) => n + s.stock, 0)
    if (d.threshold !== null && d.threshold > total) ctx.addIssue({ code: 'custom', path: ['threshold'], message: '成团数量不能超过总库存' })
  })
export type CampaignDraft = z.infer<typeof CampaignDraftSchema>

export const CampaignView = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  productId: Id,
  productName: z.string(),
  productKind: z.enum(PRODUCT_KINDS),
  category: z.enum(PRODUCT_CATEGORIES),
  supplierName: z.string(),
  /** The campaign's cover, else its first photo; null when it has none. */
  cover: PhotoId.nullable(),
  /** The campaign's own photos, else the product's when the campaign was saved. */
  images: z.array(PhotoId),
  unit: z.string(),
  skus: z.array(
    z.object({
      id: Id,
      name: z.string(),
      priceFen: Fen,
      /** The catalog price, shown struck through when the campaign price is lower. */
      originalFen: Fen,
      stock: z.number().int(),
      remaining: z.number().int(),
      /** 产品包: what one saves against buying the parts one by one (null when not a package or no saving). */
      savingFen: Fen.nullable()
    })
  ),
  /** 产品包: what it holds, and what the parts cost bought one by one. */
  parts: z.array(PackagePartView),
  partsFen: Fen.nullable(),
  startAt: EpochMs,
  endAt: EpochMs,
  householdLimit: z.number().int(),
  threshold: z.number().int().nullable(),
  /** Paid quantity across the community: the progress towards the threshold. */
  paidQuantity: z.number().int(),
  /** Reserved or paid (stock no longer available). */
  soldQuantity: z.number().int(),
  delivery: z.object({ mode: z.enum(DELIVERY_MODES), date: EpochMs, pickupPoint: PickupPointView.nullable() }),
  settledAt: EpochMs.nullable(),
  /** 五省 it serves (from its product), and who it is for; null audience: everyone. */
  needs: z.array(z.enum(NEEDS)),
  audience: z.object({ buildingIds: z.array(Id), needs: z.array(z.enum(NEEDS)) }).nullable()
})
export type CampaignViewT = z.infer<typeof CampaignView>

// ── Orders ──────────────────────────────────────────────────────────────────────────────────

const AfterSaleView = z.object({
  type: z.enum(AFTER_SALE_TYPES),
  reason: z.string(),
  status: z.enum(AFTER_SALE_STATUSES),
  note: z.string(),
  requestedAt: EpochMs,
  reviewedAt: EpochMs.nullable()
})

export const OrderView = z.object({
  id: Id,
  code: z.string(),
  status: z.enum(ORDER_STATUSES),
  campaignId: Id,
  campaignTitle: z.string(),
  campaignStatus: z.enum(CAMPAIGN_STATUSES),
  campaignEndAt: EpochMs,
  threshold: z.number().int().nullable(),
  productName: z.string(),
  productKind: z.enum(PRODUCT_KINDS),
  /** The thumbnail of what was bought: the campaign's first photo, else its cover. */
  productPhoto: PhotoId.nullable(),
  skuId: Id,
  skuName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  unitPriceFen: Fen,
  subtotalFen: Fen,
  /** Membership: level discount, coupon and points together; 0 without any. */
  discountFen: Fen,
  couponId: Id.nullable(),
  pointsUsed: z.number().int(),
  amountFen: Fen,
  householdId: Id,
  householdLabel: z.string(),
  note: z.string(),
  delivery: z.object({ mode: z.enum(DELIVERY_MODES), date: EpochMs, pickupPoint: PickupPointView.nullable() }),
  createdAt: EpochMs,
  /** Pay before this; the order then expires and its stock is released. */
  payBefore: EpochMs,
  paidAt: EpochMs.nullable(),
  paymentId: Id.nullable(),
  deliveredAt: EpochMs.nullable(),
  deliveredBy: z.string().nullable(),
  refundReason: z.enum(REFUND_REASONS).nullable(),
  refundedFen: Fen,
  refundedAt: EpochMs.nullable(),
  /** 产品包: the service cards its payment issued, as they stand. */
  cards: z.array(z.object({ id: Id, title: z.string(), usesTotal: z.number().int(), usesLeft: z.number().int(), usesRevoked: z.number().int(), status: z.enum(CARD_STATUSES) })),
  /** 产品包 refunded after some card uses were taken: what those uses kept back. */
  retainedFen: Fen,
  afterSale: AfterSaleView.nullable(),
  inviterName: z.string().nullable(),
  actions: z.object({ pay: z.boolean(), cancel: z.boolean(), confirmReceived: z.boolean(), afterSale: z.boolean() })
})
export type OrderViewT = z.infer<typeof OrderView>

/** A gross margin: revenue net of refunds, the cost of what stayed sold, and their difference. */
const MarginView = z.object({ revenueFen: SignedFen, costFen: Fen, grossFen: SignedFen, ratePercent: z.number().int().nullable() })

const DeliveryOrder = z.object({
  id: Id,
  householdLabel: z.string(),
  skuName: z.string(),
  quantity: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  deliveredAt: EpochMs.nullable()
})

const DeliveredView = z.object({
  orderId: Id,
  code: z.string(),
  householdLabel: z.string(),
  productName: z.string(),
  productPhoto: PhotoId.nullable(),
  skuName: z.string(),
  quantity: z.number().int(),
  deliveredAt: EpochMs
})

/** One recommendation: a pre-sale or a home service, with the reason the resident reads. */
export const ForYouItem = z.object({
  kind: z.enum(['campaign', 'service']),
  id: Id,
  title: z.string(),
  cover: PhotoId.nullable(),
  /** From this price (a campaign's cheapest SKU, a line's fixed price); null when quoted on site. */
  priceFen: Fen.nullable(),
  unit: z.string(),
  /** 常购生鲜, 家有老人, 约过家政保洁, 邻居都在买… */
  reason: z.string()
})
export type ForYouItemT = z.infer<typeof ForYouItem>

export const orderContracts = {
  // Residents (and staff who share or look after campaigns)
  campaigns: defineAction({
    fn: FN,
    name: 'campaigns',
    summary: '本社区的预售（进行中与即将开始，或已结束）',
    access: ['resident', 'butler', 'operator'],
    input: z.object({ scope: z.enum(['current', 'past']).meta({ label: '时间范围' }).default('current') }).strict(),
    output: z.object({ campaigns: z.array(CampaignView) })
  }),
  campaign: defineAction({
    fn: FN,
    name: 'campaign',
    summary: '预售详情：倒计时、成团进度、剩余库存、本户已购',
    access: ['resident', 'butler', 'operator'],
    input: z.object({ id: Id.meta({ label: '预售' }), householdId: Id.meta({ label: '房屋' }).optional() }).strict(),
    output: z.object({
      campaign: CampaignView,
      /** The household's purchases in this campaign (residents only). */
      mine: z.object({ householdId: Id, bought: z.number().int(), remainingLimit: z.number().int() }).nullable()
    })
  }),
  create: defineAction({
    fn: FN,
    name: 'create',
    summary: '下单：服务端定价，预留库存与每户限购，随后通过支付模块付款',
    access: ['resident'],
    input: z
      .object({
        campaignId: Id.meta({ label: '预售' }),
        skuId: Id.meta({ label: '规格' }),
        quantity: z.number().int('数量应为整数').min(1, '数量至少 1 份').max(99, '数量最多 99 份').meta({ label: '数量' }),
        householdId: Id.meta({ label: '房屋' }),
        note: Text.max(60, '备注最多 60 个字').meta({ label: '备注' }).default(''),
        /** A membership coupon to apply (from the coupon picker); the server checks and locks it. */
        couponId: Id.meta({ label: '优惠券' }).nullable().default(null),
        /** Pay part with points (as many as the rules allow). */
        usePoints: z.boolean().meta({ label: '积分抵扣' }).default(false),
        /** The client's idempotency key: a resubmitted create returns the same order. */
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: OrderView
  }),
  mine: defineAction({
    fn: FN,
    name: 'mine',
    summary: '本户的预售订单',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ orders: z.array(OrderView) })
  }),
  get: defineAction({
    fn: FN,
    name: 'get',
    summary: '订单详情（含订单码）',
    access: ['resident'],
    input: z.object({ orderId: Id.meta({ label: '订单' }) }).strict(),
    output: OrderView
  }),
  cancel: defineAction({
    fn: FN,
    name: 'cancel',
    summary: '截止前取消订单（已支付的原路退款）',
    access: ['resident'],
    input: z.object({ orderId: Id.meta({ label: '订单' }) }).strict(),
    output: OrderView
  }),
  confirmReceived: defineAction({
    fn: FN,
    name: 'confirmReceived',
    summary: '住户确认收货',
    access: ['resident'],
    input: z.object({ orderId: Id.meta({ label: '订单' }) }).strict(),
    output: OrderView
  }),
  requestAfterSale: defineAction({
    fn: FN,
    name: 'requestAfterSale',
    summary: '申请售后（仅退款或退货退款），由运营审核',
    access: ['resident'],
    input: z
      .object({
        orderId: Id.meta({ label: '订单' }),
        type: z.enum(AFTER_SALE_TYPES).meta({ label: '售后类型' }),
        reason: Text.min(2, '请填写售后原因').max(100, '原因最多 100 个字').meta({ label: '售后原因' })
      })
      .strict(),
    output: OrderView
  }),
  recordVisit: defineAction({
    fn: FN,
    name: 'recordVisit',
    summary: '打开管家分享的预售卡片或扫海报时记录来源（含群标识）',
    access: 'member',
    input: z
      .object({
        token: InviteToken,
        /** `cloudID` from wx.getGroupEnterInfo when the card was opened in a group. */
        groupCloudId: Text.min(1).max(512).meta({ label: '群信息' }).optional()
      })
      .strict(),
    /** `proposalId`: the card was a proposal's (意向登记), shared before it became this campaign. */
    output: z.object({ campaignId: Id, proposalId: Id.nullable(), communityId: Id, inviterName: z.string(), groupRecorded: z.boolean() })
  }),

  // Butlers
  share: defineAction({
    fn: FN,
    name: 'share',
    summary: '管家分享预售到微信群：生成带管家邀请码的卡片路径',
    access: ['butler'],
    input: z.object({ campaignId: Id.meta({ label: '预售' }) }).strict(),
    output: z.object({
      token: z.string(),
      path: z.string(),
      /** The share card's picture (the campaign's cover); null: WeChat takes a screenshot of the page. */
      cover: PhotoId.nullable(),
      visits: z.number().int(),
      groups: z.number().int(),
      orders: z.number().int()
    })
  }),
  poster: defineAction({
    fn: FN,
    name: 'poster',
    summary: '管家海报：小程序码（scene 不超过 32 字符，对应邀请）',
    access: ['butler'],
    input: z.object({ campaignId: Id.meta({ label: '预售' }) }).strict(),
    output: z.object({
      token: z.string(),
      page: z.string(),
      path: z.string(),
      /** The mini-program code image (a cloud file id) where the platform can make one; null locally. */
      codeImage: z.string().nullable(),
      campaign: CampaignView,
      butlerName: z.string()
    })
  }),
  deliveries: defineAction({
    fn: FN,
    name: 'deliveries',
    summary: '管家的配送清单：按楼栋列出成团订单',
    access: ['butler'],
    input: Empty,
    output: z.object({
      tasks: z.array(
        z.object({
          id: Id,
          campaignId: Id,
          campaignTitle: z.string(),
          productName: z.string(),
          productPhoto: PhotoId.nullable(),
          deliveryDate: EpochMs,
          gridName: z.string(),
          orders: z.number().int(),
          delivered: z.number().int(),
          buildings: z.array(z.object({ buildingId: Id, buildingName: z.string(), orders: z.array(DeliveryOrder) }))
        })
      ),
      /** Campaigns on sale now, for sharing. */
      live: z.array(z.object({ id: Id, title: z.string(), cover: PhotoId.nullable(), endAt: EpochMs }))
    })
  }),
  deliver: defineAction({
    fn: FN,
    name: 'deliver',
    summary: '管家送达：扫描或输入住户的订单码',
    access: ['butler'],
    input: z.object({ code: OrderCode }).strict(),
    output: DeliveredView
  }),
  verifyPickup: defineAction({
    fn: FN,
    name: 'verifyPickup',
    summary: '自提点核销：扫描或输入订单码',
    access: ['verifier', 'operator'],
    input: z.object({ code: OrderCode }).strict(),
    output: DeliveredView
  }),

  forYou: defineAction({
    fn: FN,
    name: 'forYou',
    summary: '为你推荐：按本户需求与消费习惯挑选的预售和到家服务，附推荐理由',
    access: ['resident'],
    input: z.object({ householdId: Id.meta({ label: '房屋' }) }).strict(),
    output: z.object({ items: z.array(ForYouItem) })
  }),

  // 意向登记: demand gathered before sourcing
  proposals: defineAction({
    fn: FN,
    name: 'proposals',
    summary: '意向登记：征集中的商品与服务（运营可看全部）',
    access: ['resident', 'butler', 'operator'],
    input: z.object({ scope: z.enum(['open', 'all']).meta({ label: '范围' }).default('open'), householdId: Id.meta({ label: '房屋' }).optional() }).strict(),
    output: z.object({ proposals: z.array(ProposalView) })
  }),
  proposal: defineAction({
    fn: FN,
    name: 'proposal',
    summary: '意向登记详情：已登记数量与本户登记',
    access: ['resident', 'butler', 'operator'],
    input: z.object({ id: Id.meta({ label: '意向登记' }), householdId: Id.meta({ label: '房屋' }).optional() }).strict(),
    output: ProposalView
  }),
  registerInterest: defineAction({
    fn: FN,
    name: 'registerInterest',
    summary: '登记或修改本户意向数量（0 为取消登记）',
    access: ['resident'],
    input: z
      .object({
        proposalId: Id.meta({ label: '意向登记' }),
        householdId: Id.meta({ label: '房屋' }),
        quantity: z.number().int('数量须为整数').min(0, '数量不能为负').max(99, '数量最多 99').meta({ label: '数量' })
      })
      .strict(),
    output: ProposalView
  }),
  saveProposal: defineAction({
    fn: FN,
    name: 'saveProposal',
    summary: '运营：发起或修改意向登记',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '意向登记' }).optional(), proposal: ProposalDraftSchema.meta({ label: '意向登记' }) }).strict(),
    output: ProposalView
  }),
  convertProposal: defineAction({
    fn: FN,
    name: 'convertProposal',
    summary: '运营：意向登记转为预售（立即开售），为登记住户预留并通知付款；重复提交只转一次',
    access: ['operator'],
    input: z.object({ proposalId: Id.meta({ label: '意向登记' }), campaign: CampaignDraftSchema.meta({ label: '预售' }) }).strict(),
    output: z.object({ proposal: ProposalView, campaignId: Id })
  }),
  closeProposal: defineAction({
    fn: FN,
    name: 'closeProposal',
    summary: '运营：结束征集（不转预售），通知已登记住户',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '意向登记' }) }).strict(),
    output: ProposalView
  }),
  proposalBoard: defineAction({
    fn: FN,
    name: 'proposalBoard',
    summary: '运营：意向登记看板（登记 → 预售 → 订单）',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '意向登记' }) }).strict(),
    output: ProposalBoardView
  }),
  shareProposal: defineAction({
    fn: FN,
    name: 'shareProposal',
    summary: '管家分享意向登记到微信群：带管家邀请码的卡片，转预售后的订单也记在名下',
    access: ['butler'],
    input: z.object({ proposalId: Id.meta({ label: '意向登记' }) }).strict(),
    output: z.object({ token: z.string(), path: z.string(), cover: PhotoId.nullable(), visits: z.number().int(), groups: z.number().int(), registered: z.number().int() })
  }),

  // Operators
  catalog: defineAction({
    fn: FN,
    name: 'catalog',
    summary: '运营：商品、供应商、自提点与楼栋（预售的目标住户）',
    access: ['operator'],
    input: Empty,
    output: z.object({ products: z.array(ProductView), suppliers: z.array(SupplierView), pickupPoints: z.array(PickupPointView), buildings: z.array(z.object({ id: Id, name: z.string() })) })
  }),
  saveProduct: defineAction({
    fn: FN,
    name: 'saveProduct',
    summary: '运营：新建或修改商品（规格、价格、供应商）',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '商品' }).optional(), product: ProductDraftSchema.meta({ label: '商品' }) }).strict(),
    /** `warnings`: saved, but worth a second look (a cost above the price). */
    output: ProductView.extend({ warnings: z.array(z.string()) })
  }),
  saveSupplier: defineAction({
    fn: FN,
    name: 'saveSupplier',
    summary: '运营：新建或修改供应商',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '供应商' }).optional(), supplier: SupplierDraftSchema.meta({ label: '供应商' }) }).strict(),
    output: SupplierView
  }),
  savePickupPoint: defineAction({
    fn: FN,
    name: 'savePickupPoint',
    summary: '运营：新建或修改自提点',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '自提点' }).optional(), point: PickupPointDraftSchema.meta({ label: '自提点' }) }).strict(),
    output: PickupPointView
  }),
  competitorPrices: defineAction({
    fn: FN,
    name: 'competitorPrices',
    summary: '运营：竞品价格与促销（可按商品筛选）',
    access: ['operator'],
    input: z.object({ productId: Id.meta({ label: '商品' }).optional() }).strict(),
    output: z.object({ prices: z.array(CompetitorPriceView) })
  }),
  saveCompetitorPrice: defineAction({
    fn: FN,
    name: 'saveCompetitorPrice',
    summary: '运营：记录或修改一条竞品价格',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '竞品价格' }).optional(), price: CompetitorPriceDraftSchema.meta({ label: '竞品价格' }) }).strict(),
    output: CompetitorPriceView
  }),
  removeCompetitorPrice: defineAction({
    fn: FN,
    name: 'removeCompetitorPrice',
    summary: '运营：删除一条竞品价格',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '竞品价格' }) }).strict(),
    output: z.object({ removed: z.literal(true) })
  }),
  marginBoard: defineAction({
    fn: FN,
    name: 'marginBoard',
    summary: '运营与财务：近 90 天预售的毛利，按预售和业务线（商品、服务套餐、产品包）',
    access: ['operator', 'finance'],
    input: Empty,
    output: z.object({
      campaigns: z.array(
        z.object({
          id: Id,
          title: z.string(),
          productKind: z.enum(PRODUCT_KINDS),
          supplierName: z.string(),
          status: z.enum(CAMPAIGN_STATUSES),
          endAt: EpochMs,
          /** Null while a SKU that sold has no cost price. */
          margin: MarginView.nullable()
        })
      ),
      /** Per line, over the campaigns whose margin is known; `unknown` counts those left out. */
      lines: z.array(z.object({ kind: z.enum(PRODUCT_KINDS), campaigns: z.number().int(), unknown: z.number().int(), margin: MarginView }))
    })
  }),
  purchaseOrders: defineAction({
    fn: FN,
    name: 'purchaseOrders',
    summary: '运营：采购单（成团预售按供应商生成）与收货情况',
    access: ['operator'],
    input: z.object({ status: z.enum(PURCHASE_STATUSES).meta({ label: '状态' }).optional() }).strict(),
    output: z.object({ purchaseOrders: z.array(PurchaseOrderView) })
  }),
  receivePurchase: defineAction({
    fn: FN,
    name: 'receivePurchase',
    summary: '运营：采购单收货（实收、短少、破损与评分）',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '采购单' }), receipt: ReceiptDraftSchema.meta({ label: '收货' }) }).strict(),
    output: PurchaseOrderView
  }),
  supplierScorecard: defineAction({
    fn: FN,
    name: 'supplierScorecard',
    summary: '运营：供应商评分卡（准时率、短少破损率、售后率、评分）',
    access: ['operator'],
    input: Empty,
    output: z.object({ suppliers: z.array(SupplierScoreView) })
  }),
  supplierStatement: defineAction({
    fn: FN,
    name: 'supplierStatement',
    summary: '运营：供应商月度结算单',
    access: ['operator'],
    input: z.object({ supplierId: Id.meta({ label: '供应商' }), month: MonthInput }).strict(),
    output: StatementView
  }),
  adminCampaigns: defineAction({
    fn: FN,
    name: 'adminCampaigns',
    summary: '运营：全部预售（含草稿）',
    access: ['operator'],
    input: Empty,
    output: z.object({ campaigns: z.array(CampaignView) })
  }),
  saveCampaign: defineAction({
    fn: FN,
    name: 'saveCampaign',
    summary: '运营：新建或修改预售草稿',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '预售' }).optional(), campaign: CampaignDraftSchema.meta({ label: '预售' }) }).strict(),
    /** `warnings`: saved, but worth a second look (a pre-sale price below cost). */
    output: CampaignView.extend({ warnings: z.array(z.string()) })
  }),
  publishCampaign: defineAction({
    fn: FN,
    name: 'publishCampaign',
    summary: '运营：发布预售（建立库存，到开始时间自动开售）',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '预售' }) }).strict(),
    output: CampaignView
  }),
  dashboard: defineAction({
    fn: FN,
    name: 'dashboard',
    summary: '运营：预售看板（售出、已付、退款、成团进度、售后）',
    access: ['operator'],
    input: z.object({ campaignId: Id.meta({ label: '预售' }) }).strict(),
    output: z.object({
      campaign: CampaignView,
      counts: z.object({
        pendingPayment: z.number().int(),
        paid: z.number().int(),
        confirmed: z.number().int(),
        delivered: z.number().int(),
        cancelled: z.number().int(),
        expired: z.number().int(),
        refunding: z.number().int(),
        refunded: z.number().int()
      }),
      soldQuantity: z.number().int(),
      paidQuantity: z.number().int(),
      paidFen: Fen,
      refundedFen: Fen,
      refundedOrders: z.number().int(),
      /** Refunds that keep failing and need a person. */
      stuckRefunds: z.number().int(),
      /** Gross margin so far; null while a SKU that sold has no cost price. */
      margin: MarginView.nullable(),
      skus: z.array(z.object({ id: Id, name: z.string(), stock: z.number().int(), remaining: z.number().int(), paidQuantity: z.number().int() })),
      grids: z.array(z.object({ gridId: z.string(), gridName: z.string(), butlerName: z.string(), orders: z.number().int(), delivered: z.number().int() })),
      afterSales: z.array(OrderView),
      orders: z.array(OrderView)
    })
  }),
  reviewAfterSale: defineAction({
    fn: FN,
    name: 'reviewAfterSale',
    summary: '运营：审核售后申请（同意即原路退款）',
    access: ['operator'],
    input: z.object({
      orderId: Id.meta({ label: '订单' }),
      approve: z.boolean().meta({ label: '审核结果' }),
      note: Text.max(100).meta({ label: '审核说明' }).default('')
    }).strict(),
    output: OrderView
  })
} as const
