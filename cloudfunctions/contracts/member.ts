import * as z from 'zod'
import { NEEDS } from './insights-labels'
import { ClientRequestId, EpochMs, Fen, Id, RelationSchema, Text, TimeInput } from './common'
import { defineAction } from './define'

/**
 * The `member` function: points, levels, coupons, service cards and staff incentives. Other
 * features (fees, pre-sale orders, bookings, events) call its domain module in process; these
 * actions are what the mini-program calls. Every numeric setting sits inside an object, so a
 * mistyped top-level field is always named in the error.
 */
const FN = 'member'


// ── Coupons ─────────────────────────────────────────────────────────────────────────────────

/** `fixed`: a fixed amount off; `percent`: a share off up to a cap; `threshold`: spend X, get Y off (满减). */
export const COUPON_KINDS = ['fixed', 'percent', 'threshold'] as const
export type CouponKind = (typeof COUPON_KINDS)[number]
export const COUPON_KIND_LABELS: Record<CouponKind, string> = { fixed: '立减券', percent: '折扣券', threshold: '满减券' }

export const SCOPE_TYPES = ['all', 'category', 'product', 'service'] as const
export type ScopeType = (typeof SCOPE_TYPES)[number]
export const SCOPE_TYPE_LABELS: Record<ScopeType, string> = { all: '全场', category: '品类', product: '商品', service: '服务' }

/** What a coupon applies to: everything, a category, one product or one service (`value` is its id). */
export const CouponScopeSchema = z
  .object({
    type: z.enum(SCOPE_TYPES).meta({ label: '适用范围类型' }),
    value: Text.max(64).meta({ label: '适用范围' }).default(''),
    /** Shown to residents, e.g. 「家政服务」. */
    label: Text.max(20).meta({ label: '适用范围名称' }).default('')
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.type !== 'all' && !s.value) ctx.addIssue({ code: 'custom', path: ['value'], message: '请填写适用范围' })
  })
export type CouponScope = z.infer<typeof CouponScopeSchema>

export const ValiditySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dates').meta({ label: '有效期类型' }), from: TimeInput.meta({ label: '有效期开始' }), to: TimeInput.meta({ label: '有效期结束' }) }).strict(),
  z.object({ type: z.literal('days').meta({ label: '有效期类型' }), days: z.number().int().min(1, '至少 1 天').max(365, '最长 365 天').meta({ label: '有效天数' }) }).strict()
])
export type Validity = z.infer<typeof ValiditySchema>

/** The money part of a coupon, shared by templates, issued coupons and the labels. */
export interface CouponTerms {
  kind: CouponKind
  /** fixed/threshold: the amount off. */
  valueFen: number
  /** percent: the share off in whole percent (20 = 20 % off, 8折). */
  percentOff: number
  /** percent: the most it takes off; 0 = no cap. */
  capFen: number
  /** The eligible amount must reach this before the coupon applies; 0 = none. */
  minSpendFen: number
}

export const TemplateDraftSchema = z
  .object({
    title: Text.min(2, '请填写名称').max(20, '名称最多 20 个字').meta({ label: '名称' }),
    kind: z.enum(COUPON_KINDS).meta({ label: '券类型' }),
    valueFen: Fen.max(1_000_000, '面额最多 1 万元').meta({ label: '面额' }).default(0),
    percentOff: z.number().int().min(0).max(90, '最多 90% 折扣').meta({ label: '折扣（%）' }).default(0),
    capFen: Fen.max(1_000_000).meta({ label: '最高优惠' }).default(0),
    minSpendFen: Fen.max(10_000_000).meta({ label: '使用门槛' }).default(0),
    scope: CouponScopeSchema.meta({ label: '适用范围' }),
    validity: ValiditySchema.meta({ label: '有效期' }),
    totalStock: z.number().int().min(1, '库存至少 1 张').max(1_000_000, '库存最多 100 万张').meta({ label: '库存' }),
    perUserLimit: z.number().int().min(1).max(20, '每人最多领 20 张').meta({ label: '每人限领' }).default(1),
    /** Residents may claim it themselves in 领券中心; otherwise only operators issue it. */
    claimable: z.boolean().meta({ label: '住户可领' }).default(false)
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.kind === 'fixed' || t.kind === 'threshold') && t.valueFen < 1) ctx.addIssue({ code: 'custom', path: ['valueFen'], message: '请填写面额' })
    if (t.kind === 'percent' && t.percentOff < 1) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: '请填写折扣' })
    if (t.kind === 'threshold' && t.minSpendFen <= t.valueFen) ctx.addIssue({ code: 'custom', path: ['minSpendFen'], message: '门槛应高于面额' })
    if (t.validity.type === 'dates' && t.validity.to <= t.validity.from) ctx.addIssue({ code: 'custom', path: ['validity', 'to'], message: '结束日期应晚于开始日期' })
  })
export type TemplateDraft = z.infer<typeof TemplateDraftSchema>

export const COUPON_STATUSES = ['available', 'locked', 'used', 'expired', 'void'] as const
export type CouponStatus = (typeof COUPON_STATUSES)[number]
export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = {
  available: '可使用',
  locked: '待支付占用',
  used: '已使用',
  expired: '已过期',
  void: '已作废'
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '')
}

/** 「满100减20」「立减10元」「8.5折 最高减20元」: one wording everywhere. */
export function couponLabel(t: CouponTerms): string {
  if (t.kind === 'percent') {
    const zhe = `${yuan((100 - t.percentOff) * 10)}折`
    const cap = t.capFen > 0 ? ` 最高减${yuan(t.capFen)}元` : ''
    const min = t.minSpendFen > 0 ? `满${yuan(t.minSpendFen)}元 ` : ''
    return `${min}${zhe}${cap}`
  }
  if (t.minSpendFen > 0) return `满${yuan(t.minSpendFen)}减${yuan(t.valueFen)}`
  return `立减${yuan(t.valueFen)}元`
}

export function scopeLabel(s: { type: ScopeType; label: string }): string {
  if (s.type === 'all') return '全场通用'
  const what = s.label || { category: '指定品类', product: '指定商品', service: '指定服务' }[s.type]
  return `限${what}`
}

const CouponView = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(COUPON_KINDS),
  valueFen: Fen,
  percentOff: z.number().int(),
  capFen: Fen,
  minSpendFen: Fen,
  label: z.string(),
  scope: z.object({ type: z.enum(SCOPE_TYPES), value: z.string(), label: z.string() }),
  scopeLabel: z.string(),
  validFrom: EpochMs,
  validTo: EpochMs,
  status: z.enum(COUPON_STATUSES),
  sourceLabel: z.string(),
  usedAt: EpochMs.nullable()
})
export type CouponViewT = z.infer<typeof CouponView>

const TemplateView = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(COUPON_KINDS),
  label: z.string(),
  scopeLabel: z.string(),
  validityLabel: z.string(),
  totalStock: z.number().int(),
  issued: z.number().int(),
  used: z.number().int(),
  perUserLimit: z.number().int(),
  claimable: z.boolean(),
  active: z.boolean(),
  createdAt: EpochMs
})
export type TemplateViewT = z.infer<typeof TemplateView>

const ClaimableView = z.object({
  templateId: Id,
  title: z.string(),
  label: z.string(),
  scopeLabel: z.string(),
  validityLabel: z.string(),
  left: z.number().int(),
  claimed: z.number().int(),
  limit: z.number().int()
})

// ── Segments (operator issuing) ─────────────────────────────────────────────────────────────

export const SegmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all').meta({ label: '发放人群' }) }).strict(),
  z.object({ type: z.literal('building').meta({ label: '发放人群' }), buildingId: Id.meta({ label: '楼栋' }) }).strict(),
  z.object({ type: z.literal('level').meta({ label: '发放人群' }), level: Text.min(1).max(16).meta({ label: '会员等级' }) }).strict(),
  /** A household need (五省) inferred by the insights rules: see domain/insights/segments.ts. */
  z.object({ type: z.literal('need').meta({ label: '发放人群' }), need: z.enum(NEEDS).meta({ label: '需求分群' }) }).strict()
])
export type Segment = z.infer<typeof SegmentSchema>

/** One key per segment: what a picker's value is, and what a preview is tied to. */
export function segmentKey(s: Segment): string {
  if (s.type === 'building') return `building-${s.buildingId}`
  if (s.type === 'level') return `level-${s.level}`
  if (s.type === 'need') return `need-${s.need}`
  return 'all'
}

// ── Points and levels ───────────────────────────────────────────────────────────────────────

export const POINT_KINDS = ['earn', 'reverse', 'spend', 'return', 'expire'] as const
export type PointKind = (typeof POINT_KINDS)[number]
export const POINT_KIND_LABELS: Record<PointKind, string> = {
  earn: '获得',
  reverse: '退款扣回',
  spend: '抵扣',
  return: '退回',
  expire: '过期'
}

export const LevelRuleSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,15}$/, '等级标识为小写字母').meta({ label: '等级标识' }),
    name: Text.min(1).max(8, '等级名称最多 8 个字').meta({ label: '名称' }),
    /** Reached with this much spend in the last 12 months, or with `minPoints` earned in them. */
    minSpendFen: Fen.max(1_000_000_000).meta({ label: '消费门槛' }),
    minPoints: z.number().int().min(0).max(100_000_000).meta({ label: '积分门槛' }),
    benefits: z
      .object({
        /** Off every order, in basis points (500 = 5 % off, 95折). Bills are never discounted. */
        discountBp: z.number().int().min(0).max(3000, '会员折扣最多 7 折').meta({ label: '会员折扣' }),
        freeDelivery: z.boolean().meta({ label: '免配送费' }),
        priorityBooking: z.boolean().meta({ label: '优先预约' })
      })
      .strict()
      .meta({ label: '等级权益' })
  })
  .strict()
export type LevelRule = z.infer<typeof LevelRuleSchema>

export const RulesSchema = z
  .object({
    /** Points per whole yuan of a paid bill (property fees earn, but are never discounted). */
    billPointsPerYuan: z.number().int().min(0).max(100).meta({ label: '缴费每元积分' }),
    /** Points per whole yuan of every other paid order (pre-sale, services). */
    orderPointsPerYuan: z.number().int().min(0).max(100).meta({ label: '消费每元积分' }),
    /** Points for rating a completed service. */
    ratingPoints: z.number().int().min(0).max(10_000).meta({ label: '评价奖励积分' }),
    /** How many points make ¥1 at checkout. */
    pointsPerYuan: z.number().int().min(1).max(10_000).meta({ label: '每元抵扣所需积分' }),
    /** Points pay at most this share of an order, in whole percent. */
    maxRedeemPercent: z.number().int().min(0).max(90, '积分最多抵扣 90%').meta({ label: '积分最高抵扣比例（%）' }),
    /** Points expire at the end of the month this many months after they were earned. */
    expiryMonths: z.number().int().min(1).max(60).meta({ label: '积分有效月数' }),
    /** What one use of a service card costs a budget when it is given as a reward. */
    cardUseValueFen: Fen.max(1_000_000).meta({ label: '服务卡每次价值' }),
    levels: z.array(LevelRuleSchema).min(1).max(8).meta({ label: '会员等级', measure: '个' })
  })
  .strict()
  .superRefine((r, ctx) => {
    const first = r.levels[0]
    if (first && (first.minSpendFen !== 0 || first.minPoints !== 0)) ctx.addIssue({ code: 'custom', path: ['levels', 0], message: '第一个等级的门槛应为 0' })
    r.levels.forEach((l, i) => {
      const prev = r.levels[i - 1]
      if (prev && (l.minSpendFen <= prev.minSpendFen || l.minPoints <= prev.minPoints)) {
        ctx.addIssue({ code: 'custom', path: ['levels', i], message: '等级门槛应逐级升高' })
      }
    })
    if (new Set(r.levels.map((l) => l.key)).size !== r.levels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: '等级标识重复' })
  })
export type Rules = z.infer<typeof RulesSchema>

const LevelView = z.object({
  key: z.string(),
  name: z.string(),
  minSpendFen: Fen,
  minPoints: z.number().int(),
  benefits: z.object({ discountBp: z.number().int(), freeDelivery: z.boolean(), priorityBooking: z.boolean() })
})

/** 「95折 · 免配送费 · 优先预约」 */
export function benefitLabels(b: { discountBp: number; freeDelivery: boolean; priorityBooking: boolean }): string[] {
  const out: string[] = []
  if (b.discountBp > 0) out.push(`${yuan((10_000 - b.discountBp) / 10)}折`)
  if (b.freeDelivery) out.push('免配送费')
  if (b.priorityBooking) out.push('优先预约')
  return out
}

const PointEntryView = z.object({
  id: z.string(),
  kind: z.enum(POINT_KINDS),
  delta: z.number().int(),
  title: z.string(),
  at: EpochMs,
  expiresAt: EpochMs.nullable()
})

// ── Service cards ───────────────────────────────────────────────────────────────────────────

export const CARD_STATUSES = ['active', 'used_up', 'expired', 'void', 'refunded'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]
export const CARD_STATUS_LABELS: Record<CardStatus, string> = { active: '可使用', used_up: '已用完', expired: '已过期', void: '已作废', refunded: '已退款' }

const CardView = z.object({
  id: Id,
  title: z.string(),
  usesTotal: z.number().int(),
  usesLeft: z.number().int(),
  validTo: EpochMs,
  status: z.enum(CARD_STATUSES),
  scopeLabel: z.string(),
  householdId: Id,
  householdLabel: z.string(),
  ownerName: z.string(),
  mine: z.boolean(),
  sourceLabel: z.string(),
  lastUsedAt: EpochMs.nullable()
})
export type CardViewT = z.infer<typeof CardView>

// ── Checkout (coupon picker) ────────────────────────────────────────────────────────────────

/**
 * What is being bought, by id and intention: the server prices it with the code its create uses
 * (a pre-sale line: the campaign's SKU price × quantity, categorised as the order is; a booking:
 * the service line's price, in its category), so the preview never disagrees with what the
 * create charges. Amounts are never sent.
 */
export const PurchaseSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('presale').meta({ label: '购买类型' }),
      campaignId: Id.meta({ label: '预售' }),
      skuId: Id.meta({ label: '规格' }),
      quantity: z.number().int('数量应为整数').min(1, '数量至少 1 份').max(99, '数量最多 99 份').meta({ label: '数量' })
    })
    .strict(),
  z.object({ kind: z.literal('booking').meta({ label: '购买类型' }), lineId: Id.meta({ label: '服务项目' }) }).strict()
])
export type Purchase = z.infer<typeof PurchaseSchema>

export const QuoteView = z.object({
  subtotalFen: Fen,
  levelName: z.string(),
  levelDiscountFen: Fen,
  couponId: Id.nullable(),
  couponDiscountFen: Fen,
  pointsUsed: z.number().int().nonnegative(),
  pointsDiscountFen: Fen,
  payableFen: Fen,
  freeDelivery: z.boolean(),
  priorityBooking: z.boolean()
})
export type QuoteViewT = z.infer<typeof QuoteView>

// ── Budgets and incentives ──────────────────────────────────────────────────────────────────

export const BUDGET_KINDS = ['event', 'campaign'] as const
export const BUDGET_KIND_LABELS: Record<(typeof BUDGET_KINDS)[number], string> = { event: '活动', campaign: '专项' }

const VoucherIncentive = z
  .object({
    type: z.literal('voucher').meta({ label: '激励类型' }),
    title: Text.min(1).max(20).meta({ label: '名称' }).default('现金券'),
    valueFen: z.number().int().min(1).max(100_000).meta({ label: '面额', money: true }),
    validDays: z.number().int().min(1).max(365).meta({ label: '有效天数' }).default(30)
  })
  .strict()
const CardIncentive = z
  .object({
    type: z.literal('card').meta({ label: '激励类型' }),
    title: Text.min(1, '请填写卡名').max(20).meta({ label: '名称' }),
    uses: z.number().int().min(1).max(50).meta({ label: '服务次数' }),
    validDays: z.number().int().min(1).max(730).meta({ label: '有效天数' }).default(180),
    /** What the card costs the budget. */
    costFen: z.number().int().min(0).max(1_000_000).meta({ label: '计入预算的金额', money: true })
  })
  .strict()
const PointsIncentive = z.object({ type: z.literal('points').meta({ label: '激励类型' }), points: z.number().int().min(1).max(100_000).meta({ label: '积分' }) }).strict()

/** Below WeChat Pay's real-name threshold (¥2,000 a bill needs the payee's encrypted name, which we never store). */
export const CASH_REWARD_MAX_FEN = 100_000
/** Cash paid by WeChat Pay 商家转账 (scene 现金营销); the recipient confirms it in WeChat. */
export const CashIncentiveSchema = z
  .object({
    type: z.literal('cash').meta({ label: '激励类型' }),
    amountFen: z.number().int('金额最小到分').min(10, '现金奖励至少 ¥0.10').max(CASH_REWARD_MAX_FEN, '现金奖励单笔最多 ¥1,000.00').meta({ label: '现金金额', money: true })
  })
  .strict()
export type CashIncentive = z.infer<typeof CashIncentiveSchema>

/**
 * What staff hand out against a budget to a resident: a cash voucher, a service card, or points.
 * Cash is not among them: it needs a transfer, which only the honour roll's rewards make.
 */
export const IncentiveSchema = z.discriminatedUnion('type', [VoucherIncentive, CardIncentive, PointsIncentive], {
  error: (iss) => (iss.code === 'invalid_union' && typeof iss.input === 'object' && iss.input !== null && 'type' in iss.input && iss.input.type === 'cash' ? '这里不能发现金，现金奖励请在光荣榜发放' : undefined)
})
export type Incentive = z.infer<typeof IncentiveSchema>

/** A reward to a recognised worker or butler (光荣榜): the resident incentives, or cash. */
export const RewardIncentiveSchema = z.discriminatedUnion('type', [VoucherIncentive, CardIncentive, PointsIncentive, CashIncentiveSchema])
export type RewardIncentive = z.infer<typeof RewardIncentiveSchema>

export function incentiveText(
  i: { type: 'voucher'; title: string; valueFen: number } | { type: 'card'; title: string; uses: number } | { type: 'points'; points: number } | { type: 'cash'; amountFen: number }
): string {
  if (i.type === 'voucher') return `${i.title} ${yuan(i.valueFen)} 元`
  if (i.type === 'cash') return `现金 ${yuan(i.amountFen)} 元`
  if (i.type === 'card') return `${i.title}（${i.uses} 次）`
  return `${i.points} 积分`
}

const BudgetView = z.object({
  id: Id,
  title: z.string(),
  kind: z.enum(BUDGET_KINDS),
  eventId: z.string().nullable(),
  capFen: Fen,
  spentFen: Fen,
  grants: z.number().int(),
  createdAt: EpochMs
})
export type BudgetViewT = z.infer<typeof BudgetView>

const RewardView = z.object({
  id: z.string(),
  recipientName: z.string(),
  householdLabel: z.string(),
  text: z.string(),
  costFen: Fen,
  issuedBy: z.string(),
  at: EpochMs
})

export const memberContracts = {
  card: defineAction({
    fn: FN,
    name: 'card',
    summary: '会员卡：等级、积分、距下一等级、权益',
    access: ['resident'],
    input: z.object({}).strict(),
    output: z.object({
      level: LevelView,
      next: z.object({ name: z.string(), spendGapFen: Fen, pointsGap: z.number().int(), progress: z.number().min(0).max(1) }).nullable(),
      levels: z.array(LevelView),
      balance: z.number().int(),
      spend12Fen: z.number().int(),
      points12: z.number().int(),
      /** Points that expire at the end of this month unless spent. */
      expiring: z.object({ points: z.number().int(), at: EpochMs }).nullable(),
      coupons: z.number().int(),
      cards: z.number().int(),
      pointsPerYuan: z.number().int(),
      expiryMonths: z.number().int()
    })
  }),
  points: defineAction({
    fn: FN,
    name: 'points',
    summary: '积分明细（新的在前，分页）',
    access: ['resident'],
    input: z.object({ cursor: z.string().max(128).meta({ label: '分页位置' }).optional() }).strict(),
    output: z.object({ balance: z.number().int(), entries: z.array(PointEntryView), cursor: z.string().nullable() })
  }),
  coupons: defineAction({
    fn: FN,
    name: 'coupons',
    summary: '我的优惠券与领券中心',
    access: ['resident'],
    input: z.object({ status: z.enum(['usable', 'used', 'expired']).meta({ label: '券状态' }).default('usable') }).strict(),
    output: z.object({ coupons: z.array(CouponView), claimable: z.array(ClaimableView) })
  }),
  claimCoupon: defineAction({
    fn: FN,
    name: 'claimCoupon',
    summary: '领取优惠券（每个模板有库存与每人限领）',
    access: ['resident'],
    input: z.object({ templateId: Id.meta({ label: '优惠券' }) }).strict(),
    output: z.object({ coupon: CouponView })
  }),
  cards: defineAction({
    fn: FN,
    name: 'cards',
    summary: '我的服务卡（次卡），以及可转赠的家庭成员',
    access: ['resident'],
    input: z.object({}).strict(),
    output: z.object({
      cards: z.array(CardView),
      members: z.array(z.object({ householdId: Id, userId: Id, nickname: z.string(), relation: RelationSchema }))
    })
  }),
  transferCard: defineAction({
    fn: FN,
    name: 'transferCard',
    summary: '把服务卡转给同一房屋的家庭成员',
    access: ['resident'],
    input: z.object({ cardId: Id.meta({ label: '服务卡' }), toUserId: Id.meta({ label: '家庭成员' }) }).strict(),
    output: CardView
  }),
  checkoutOptions: defineAction({
    fn: FN,
    name: 'checkoutOptions',
    summary: '结算时可用的优惠券、积分与会员折扣（选券页）',
    access: ['resident'],
    input: z
      .object({
        purchase: PurchaseSchema.meta({ label: '购买内容' }),
        couponId: Id.meta({ label: '优惠券' }).nullable().default(null),
        usePoints: z.boolean().meta({ label: '积分抵扣' }).default(false)
      })
      .strict(),
    output: z.object({
      quote: QuoteView,
      coupons: z.array(z.object({ coupon: CouponView, usable: z.boolean(), reason: z.string().nullable(), discountFen: Fen })),
      points: z.object({ balance: z.number().int(), maxUsable: z.number().int(), maxDiscountFen: Fen, pointsPerYuan: z.number().int() })
    })
  }),
  templates: defineAction({
    fn: FN,
    name: 'templates',
    summary: '运营：优惠券模板与库存、发放、使用情况',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(TemplateView) })
  }),
  createTemplate: defineAction({
    fn: FN,
    name: 'createTemplate',
    summary: '运营：新建优惠券模板',
    access: ['operator'],
    input: z.object({ template: TemplateDraftSchema.meta({ label: '优惠券' }), clientRequestId: ClientRequestId }).strict(),
    output: TemplateView
  }),
  updateTemplate: defineAction({
    fn: FN,
    name: 'updateTemplate',
    summary: '运营：上下架、调整库存、是否可领',
    access: ['operator'],
    input: z
      .object({
        id: Id.meta({ label: '优惠券' }),
        patch: z
          .object({
            active: z.boolean().meta({ label: '上架状态' }).optional(),
            claimable: z.boolean().meta({ label: '住户可领' }).optional(),
            totalStock: z.number().int().min(1).max(1_000_000).meta({ label: '库存' }).optional()
          })
          .strict()
          .meta({ label: '修改内容' })
      })
      .strict(),
    output: TemplateView
  }),
  previewSegment: defineAction({
    fn: FN,
    name: 'previewSegment',
    summary: '运营：定向发放前查看人数',
    access: ['operator'],
    input: z.object({ segment: SegmentSchema.meta({ label: '发放人群' }) }).strict(),
    output: z.object({ recipients: z.number().int(), levels: z.array(z.object({ key: z.string(), name: z.string() })), buildings: z.array(z.object({ id: Id, name: z.string() })) })
  }),
  issueCoupons: defineAction({
    fn: FN,
    name: 'issueCoupons',
    summary: '运营：向人群定向发券（占用模板库存，重复提交只发一次）',
    access: ['operator'],
    input: z.object({ templateId: Id.meta({ label: '优惠券' }), segment: SegmentSchema.meta({ label: '发放人群' }), clientRequestId: ClientRequestId }).strict(),
    output: z.object({ batchId: Id, recipients: z.number().int(), issued: z.number().int() })
  }),
  rules: defineAction({
    fn: FN,
    name: 'rules',
    summary: '运营：积分与等级规则',
    access: ['operator'],
    input: z.object({}).strict(),
    output: RulesSchema
  }),
  saveRules: defineAction({
    fn: FN,
    name: 'saveRules',
    summary: '运营：修改积分与等级规则（只影响之后的积分）',
    access: ['operator'],
    input: z.object({ rules: RulesSchema.meta({ label: '积分与等级规则' }) }).strict(),
    output: RulesSchema
  }),
  budgets: defineAction({
    fn: FN,
    name: 'budgets',
    summary: '激励预算与使用情况',
    access: ['staff', 'operator'],
    input: z.object({}).strict(),
    output: z.object({
      budgets: z.array(BudgetView),
      /** Events of the last and next 60 days, for an event budget (title shown on each budget too). */
      events: z.array(z.object({ id: Id, title: z.string(), startAt: EpochMs }))
    })
  }),
  createBudget: defineAction({
    fn: FN,
    name: 'createBudget',
    summary: '运营：为活动或专项设立激励预算',
    access: ['operator'],
    input: z
      .object({
        budget: z
          .object({
            title: Text.min(2, '请填写名称').max(24).meta({ label: '预算名称' }),
            kind: z.enum(BUDGET_KINDS).meta({ label: '预算类型' }),
            eventId: Id.meta({ label: '活动' }).optional(),
            capFen: z.number().int().min(100, '预算至少 1 元').max(100_000_000).meta({ label: '预算金额', money: true })
          })
          .strict()
          .meta({ label: '预算' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: BudgetView
  }),
  budget: defineAction({
    fn: FN,
    name: 'budget',
    summary: '一个预算的发放记录',
    access: ['staff', 'operator'],
    input: z.object({ budgetId: Id.meta({ label: '预算' }) }).strict(),
    output: z.object({ budget: BudgetView, rewards: z.array(RewardView) })
  }),
  issueReward: defineAction({
    fn: FN,
    name: 'issueReward',
    summary: '向住户发放激励（现金券、服务卡、积分），从预算扣减，绝不超支',
    access: ['staff', 'operator'],
    input: z
      .object({
        budgetId: Id.meta({ label: '预算' }),
        userId: Id.meta({ label: '住户' }),
        /** The household a service card goes to (the resident's first one when absent). */
        householdId: Id.meta({ label: '房屋' }).optional(),
        reward: IncentiveSchema.meta({ label: '激励' }),
        clientRequestId: ClientRequestId
      })
      .strict(),
    output: z.object({ budget: BudgetView, text: z.string() })
  }),
  findResidents: defineAction({
    fn: FN,
    name: 'findResidents',
    summary: '按房号、昵称或手机号尾号找住户（发放激励）',
    access: ['staff', 'operator'],
    input: z.object({ query: Text.min(1, '请输入房号、昵称或手机尾号').max(20).meta({ label: '房号、昵称或手机尾号' }) }).strict(),
    output: z.object({
      residents: z.array(
        z.object({ userId: Id, nickname: z.string(), householdId: Id, householdLabel: z.string(), relation: RelationSchema, phoneTail: z.string().nullable() })
      )
    })
  })
} as const
