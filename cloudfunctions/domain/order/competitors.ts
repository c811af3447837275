import type { CompetitorPriceDraft, CompetitorPriceViewT } from '../../contracts/competitor'
import type { orderContracts } from '../../contracts/order'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { CompetitorPriceDoc, ProductDoc } from './docs'
import type { OrderHandler } from './ports'
import { newId } from './rules'

type C = typeof orderContracts

/** How many records a list shows: a community keeps a few per product and season, not thousands. */
const LIST_LIMIT = 500
/** A price "seen" later than a day ahead is a typo in the date, not a sighting. */
const SEEN_SLACK_MS = 24 * 3600_000

function view(p: CompetitorPriceDoc, products: ReadonlyMap<string, ProductDoc>): CompetitorPriceViewT {
  return {
    id: p._id,
    competitor: p.competitor,
    channel: p.channel,
    productId: p.productId,
    productName: p.productId ? (products.get(p.productId)?.name ?? null) : null,
    item: p.item,
    priceFen: p.priceFen,
    promotion: p.promotion,
    addedValue: p.addedValue,
    seenAt: p.seenAt,
    recordedBy: p.recordedBy.name
  }
}

/** Newest sightings first; for one product when the campaign editor asks. */
export const competitorPrices: OrderHandler<C['competitorPrices']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const where = input.productId ? { communityId, productId: input.productId } : { communityId }
  const prices = await ports.store.find('competitorPrices', { where, orderBy: [{ field: 'seenAt', dir: 'desc' }], limit: LIST_LIMIT })
  const products = await getMany(ports.store, 'products', [...new Set(prices.flatMap((p) => (p.productId ? [p.productId] : [])))])
  return ok({ prices: prices.map((p) => view(p, products)) })
}

export const saveCompetitorPrice: OrderHandler<C['saveCompetitorPrice']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const d: CompetitorPriceDraft = input.price
  const now = ports.clock.now()
  if (d.seenAt > now + SEEN_SLACK_MS) return fail('REQUEST.INVALID_INPUT', '看到日期不能晚于今天', [{ path: 'price.seenAt', message: '看到日期：不能晚于今天' }])
  const [existing, product] = await Promise.all([
    input.id ? ports.store.get('competitorPrices', input.id) : Promise.resolve(null),
    d.productId ? ports.store.get('products', d.productId) : Promise.resolve(null)
  ])
  if (input.id && (!existing || existing.communityId !== communityId)) return fail('ORDER.COMPETITOR_PRICE_NOT_FOUND', '这条竞品价格不存在或已删除')
  if (d.productId && (!product || product.communityId !== communityId)) {
    return fail('ORDER.PRODUCT_NOT_FOUND', '对比的商品不存在', [{ path: 'price.productId', message: '对比商品：不存在' }])
  }
  const fields = {
    competitor: d.competitor,
    channel: d.channel,
    productId: d.productId,
    item: d.item,
    priceFen: d.priceFen,
    promotion: d.promotion,
    addedValue: d.addedValue,
    seenAt: d.seenAt,
    updatedAt: now
  }
  const products = new Map(product ? [[product._id, product]] : [])
  if (existing) {
    await ports.store.update('competitorPrices', existing._id, { set: fields })
    return ok(view({ ...existing, ...fields }, products))
  }
  const doc: CompetitorPriceDoc = { _id: newId(ports, 'cp'), communityId, ...fields, recordedBy: { userId: actor.user._id, name: actor.user.nickname }, createdAt: now }
  await ports.store.insert('competitorPrices', doc)
  return ok(view(doc, products))
}

export const removeCompetitorPrice: OrderHandler<C['removeCompetitorPrice']> = async ({ ports, actor }, input) => {
  const doc = await ports.store.get('competitorPrices', input.id)
  if (!doc || doc.communityId !== actor.communityId) return fail('ORDER.COMPETITOR_PRICE_NOT_FOUND', '这条竞品价格不存在或已删除')
  await ports.store.remove('competitorPrices', doc._id)
  return ok({ removed: true as const })
}
