import * as z from 'zod'
import { EpochMs, Fen, Id, Text, TimeInput } from './common'

/** Where residents could buy the same thing instead. */
export const COMPETITOR_CHANNELS = ['ecommerce', 'community_group', 'supermarket', 'convenience', 'market', 'other'] as const
export type CompetitorChannel = (typeof COMPETITOR_CHANNELS)[number]
export const COMPETITOR_CHANNEL_LABELS: Record<CompetitorChannel, string> = {
  ecommerce: '电商平台',
  community_group: '社区团购',
  supermarket: '超市',
  convenience: '便利店',
  market: '菜市场',
  other: '其他'
}

/** The shopping festivals competitors price around; a promotion may belong to none. */
export const PROMO_FESTIVALS = ['618', 'double11', 'double12', 'new_year', 'other'] as const
export type PromoFestival = (typeof PROMO_FESTIVALS)[number]
export const PROMO_FESTIVAL_LABELS: Record<PromoFestival, string> = { '618': '618', double11: '双11', double12: '双12', new_year: '年货节', other: '日常促销' }

const DAY = 24 * 3600_000

const PriceFen = z.number().int().min(1, '价格须大于 0').max(10_000_000, '价格不超过 10 万元')

export const PromotionDraftSchema = z
  .object({
    name: Text.min(2, '请填写活动名称').max(20, '活动名称最多 20 个字').meta({ label: '活动名称' }),
    festival: z.enum(PROMO_FESTIVALS).meta({ label: '节点' }),
    startAt: TimeInput.meta({ label: '活动开始' }),
    endAt: TimeInput.meta({ label: '活动结束' }),
    /** The price during the promotion; null when the promotion is not a price (满减券、赠品). */
    priceFen: PriceFen.meta({ label: '活动价', money: true }).nullable()
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.endAt <= p.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '活动结束应晚于开始' })
    if (p.endAt - p.startAt > 90 * DAY) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '活动最长 90 天' })
  })

/** What a clerk saw of a competitor's offer: who, where, the item and its price, any promotion, and when. */
export const CompetitorPriceDraftSchema = z
  .object({
    competitor: Text.min(2, '请填写竞品名称').max(20, '竞品名称最多 20 个字').meta({ label: '竞品' }),
    channel: z.enum(COMPETITOR_CHANNELS).meta({ label: '渠道' }),
    /** Our product it is compared with; null for an item we do not sell (yet). */
    productId: Id.meta({ label: '对比商品' }).nullable(),
    item: Text.min(2, '请填写对方的商品与规格').max(40, '商品与规格最多 40 个字').meta({ label: '对方商品' }),
    priceFen: PriceFen.meta({ label: '价格', money: true }),
    promotion: PromotionDraftSchema.meta({ label: '促销' }).nullable(),
    addedValue: Text.max(100, '附加价值最多 100 字').meta({ label: '附加价值' }).default(''),
    seenAt: TimeInput.meta({ label: '看到日期' })
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.promotion?.priceFen != null && d.promotion.priceFen >= d.priceFen) ctx.addIssue({ code: 'custom', path: ['promotion', 'priceFen'], message: '活动价应低于日常价' })
  })
export type CompetitorPriceDraft = z.infer<typeof CompetitorPriceDraftSchema>

export const CompetitorPriceView = z.object({
  id: Id,
  competitor: z.string(),
  channel: z.enum(COMPETITOR_CHANNELS),
  productId: Id.nullable(),
  /** Our product's name, for the list; null when the record compares with none. */
  productName: z.string().nullable(),
  item: z.string(),
  priceFen: Fen,
  promotion: z.object({ name: z.string(), festival: z.enum(PROMO_FESTIVALS), startAt: EpochMs, endAt: EpochMs, priceFen: Fen.nullable() }).nullable(),
  addedValue: z.string(),
  seenAt: EpochMs,
  /** Who recorded it, by name. */
  recordedBy: z.string()
})
export type CompetitorPriceViewT = z.infer<typeof CompetitorPriceView>

/**
 * The lowest price a competitor asks at `at`: its promotion's price while the promotion runs,
 * else its everyday price. The campaign editor compares ours with this.
 */
export function competitorPriceAt(p: Pick<CompetitorPriceViewT, 'priceFen' | 'promotion'>, at: number): number {
  const promo = p.promotion
  return promo && promo.priceFen !== null && promo.startAt <= at && at < promo.endAt ? promo.priceFen : p.priceFen
}
