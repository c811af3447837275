import type { CampaignDraft, ProductDraft, ProductViewT } from '../../contracts/order'
import type { CommunityActor } from '../../kernel/actor'
import { collectionOf } from '../../kernel/collection-of'
import type { Doc } from '../../kernel/store'
import type { CollectionOf } from '../../kernel/collections'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { formatFenText } from '../format-money'
import { storedPhotos } from '../photos'
import { type Result, fail, ok } from '../../kernel/result'
import type { CampaignAudience, CampaignDoc, CampaignStockDoc, PickupPointDoc, ProductDoc, SupplierDoc } from './docs'
import { newId, stockId } from './rules'
import { partsFen } from '../../contracts/package'
import { noSavingWarnings, resolveParts } from './package'

export function productView(p: ProductDoc, suppliers: ReadonlyMap<string, SupplierDoc>): ProductViewT {
  return {
    id: p._id,
    name: p.name,
    kind: p.kind,
    category: p.category,
    supplierId: p.supplierId,
    supplierName: suppliers.get(p.supplierId)?.name ?? '',
    description: p.description,
    images: storedPhotos(p.images),
    unit: p.unit,
    skus: p.skus.map((s) => ({ id: s.id, name: s.name, priceFen: s.priceFen, costFen: s.costFen ?? null })),
    needs: p.needs ?? [],
    parts: p.parts ?? [],
    partsFen: p.kind === 'package' && p.parts?.length ? partsFen(p.parts) : null
  }
}

async function inCommunity<T extends Doc & { communityId: string }>(ports: Ports, coll: CollectionOf<T>, id: string, communityId: string | null): Promise<T | null> {
  const doc = await collectionOf<T>(ports.store, coll).get(id)
  return doc && doc.communityId === communityId ? doc : null
}

/** Selling below cost is allowed (a loss leader), but never by accident: the save says so. */
function belowCost(skus: readonly { name: string; priceFen: number; costFen?: number | null }[], what: string): string[] {
  return skus.flatMap((s) => (s.costFen != null && s.costFen > s.priceFen ? [`「${s.name}」${what} ${formatFenText(s.priceFen)} 低于成本价 ${formatFenText(s.costFen)}，每份亏 ${formatFenText(s.costFen - s.priceFen)}`] : []))
}

/** What a campaign's save warns about: pre-sale prices under the cost copied from the catalog. */
export const campaignWarnings = (c: CampaignDoc): string[] => [...belowCost(c.skus, '预售价'), ...noSavingWarnings(c.parts, c.skus, '预售价')]

export async function saveProduct(ports: Ports, actor: CommunityActor, id: string | undefined, draft: ProductDraft): Promise<Result<ProductViewT & { warnings: string[] }>> {
  const communityId = actor.communityId
  const [supplier, existing, resolved] = await Promise.all([
    inCommunity<SupplierDoc>(ports, 'suppliers', draft.supplierId, communityId),
    id ? inCommunity<ProductDoc>(ports, 'products', id, communityId) : null,
    draft.kind === 'package' && draft.parts ? resolveParts(ports, communityId, draft.parts, 'product.parts') : null
  ])
  if (!supplier) return fail('ORDER.SUPPLIER_NOT_FOUND', '供应商不存在', [{ path: 'product.supplierId', message: '供应商不存在' }])
  const now = ports.clock.now()
  if (id && !existing) return fail('ORDER.PRODUCT_NOT_FOUND', '商品不存在')
  if (resolved && !resolved.ok) return resolved
  // Parts left out keep what is stored; only a package has any, and a package has at least its card.
  const parts = draft.kind !== 'package' ? [] : resolved ? resolved.value : (existing?.parts ?? [])
  if (draft.kind === 'package' && !parts.some((p) => p.type === 'card')) {
    return fail('REQUEST.INVALID_INPUT', '包含内容：产品包须包含一张服务卡', [{ path: 'product.parts', message: '产品包须包含一张服务卡' }])
  }
  // SKU ids are kept across edits: campaigns refer to them.
  const known = new Map(existing?.skus.map((s) => [s.id, s]) ?? [])
  let next = (existing?.skus.length ?? 0) + 1
  const skus = draft.skus.map((s) => {
    const before = s.id ? known.get(s.id) : undefined
    // A cost left out keeps the stored one: an editor without the cost field never clears it.
    const costFen = s.costFen !== undefined ? s.costFen : (before?.costFen ?? null)
    if (before) return { id: before.id, name: s.name, priceFen: s.priceFen, costFen }
    while (known.has(`s${next}`)) next++
    const skuId = `s${next++}`
    known.set(skuId, { id: skuId, name: s.name, priceFen: s.priceFen })
    return { id: skuId, name: s.name, priceFen: s.priceFen, costFen }
  })
  const needs = draft.needs ?? existing?.needs ?? []
  const fields = { supplierId: supplier._id, name: draft.name, kind: draft.kind, category: draft.category, description: draft.description, images: draft.images, unit: draft.unit, skus, needs, parts, updatedAt: now }
  let product: ProductDoc
  if (existing) {
    await ports.store.update('products', existing._id, { set: fields })
    product = { ...existing, ...fields }
  } else {
    product = { _id: newId(ports, 'pd'), communityId, createdAt: now, ...fields }
    await ports.store.insert('products', product)
  }
  return ok({ ...productView(product, new Map([[supplier._id, supplier]])), warnings: [...belowCost(skus, '日常价'), ...noSavingWarnings(parts, skus, '日常价')] })
}

export async function saveSupplier(ports: Ports, actor: CommunityActor, id: string | undefined, draft: { name: string; contact: string; phone: string }): Promise<Result<SupplierDoc>> {
  const communityId = actor.communityId
  const now = ports.clock.now()
  if (id) {
    const existing = await inCommunity<SupplierDoc>(ports, 'suppliers', id, communityId)
    if (!existing) return fail('ORDER.SUPPLIER_NOT_FOUND', '供应商不存在')
    await ports.store.update('suppliers', id, { set: { ...draft, updatedAt: now } })
    return ok({ ...existing, ...draft, updatedAt: now })
  }
  const doc: SupplierDoc = { _id: newId(ports, 'sp'), communityId, ...draft, createdAt: now, updatedAt: now }
  await ports.store.insert('suppliers', doc)
  return ok(doc)
}

export async function savePickupPoint(ports: Ports, actor: CommunityActor, id: string | undefined, draft: { name: string; address: string; hours: string }): Promise<Result<PickupPointDoc>> {
  const communityId = actor.communityId
  if (id) {
    const existing = await inCommunity<PickupPointDoc>(ports, 'pickupPoints', id, communityId)
    if (!existing) return fail('ORDER.PICKUP_POINT_NOT_FOUND', '自提点不存在')
    await ports.store.update('pickupPoints', id, { set: draft })
    return ok({ ...existing, ...draft })
  }
  const doc: PickupPointDoc = { _id: newId(ports, 'pp'), communityId, ...draft, createdAt: ports.clock.now() }
  await ports.store.insert('pickupPoints', doc)
  return ok(doc)
}

export type CampaignFields = Omit<CampaignDoc, '_id' | 'communityId' | 'status' | 'createdBy' | 'createdAt'>

/** Empty lists narrow nothing: an audience of neither is everyone (null). */
function audienceOf(a: CampaignAudience): CampaignAudience | null {
  return a.buildingIds.length === 0 && a.needs.length === 0 ? null : { buildingIds: [...new Set(a.buildingIds)], needs: a.needs }
}

/** A draft checked against the community's catalogue: the product, its SKUs, the pickup point. */
export async function campaignFields(ports: Ports, communityId: string, d: CampaignDraft): Promise<Result<CampaignFields>> {
  const product = await inCommunity<ProductDoc>(ports, 'products', d.productId, communityId)
  if (!product) return fail('ORDER.PRODUCT_NOT_FOUND', '商品不存在', [{ path: 'campaign.productId', message: '商品不存在' }])
  const skus = []
  for (const [i, s] of d.skus.entries()) {
    const ps = product.skus.find((x) => x.id === s.skuId)
    if (!ps) return fail('ORDER.SKU_NOT_FOUND', '规格不存在', [{ path: `campaign.skus.${i}.skuId`, message: '规格不存在' }])
    skus.push({ skuId: ps.id, name: ps.name, priceFen: s.priceFen, originalFen: ps.priceFen, costFen: ps.costFen ?? null, stock: s.stock })
  }
  let pickupPointId: string | null = null
  if (d.deliveryMode === 'pickup') {
    const point = d.pickupPointId ? await inCommunity<PickupPointDoc>(ports, 'pickupPoints', d.pickupPointId, communityId) : null
    if (!point) return fail('ORDER.PICKUP_POINT_NOT_FOUND', '自提点不存在', [{ path: 'campaign.pickupPointId', message: '自提点不存在' }])
    pickupPointId = point._id
  }
  const [supplier, buildings] = await Promise.all([ports.store.get('suppliers', product.supplierId), d.audience ? getMany(ports.store, 'buildings', d.audience.buildingIds) : null])
  for (const [i, id] of (d.audience?.buildingIds ?? []).entries()) {
    if (buildings?.get(id)?.communityId !== communityId) return fail('REQUEST.INVALID_INPUT', '目标住户：楼栋不存在', [{ path: `campaign.audience.buildingIds.${i}`, message: '楼栋不存在' }])
  }
  const now = ports.clock.now()
  const fields = {
    title: d.title,
    description: d.description,
    productId: product._id,
    productName: product.name,
    productKind: product.kind,
    category: product.category,
    supplierId: product.supplierId,
    supplierName: supplier?.name ?? '',
    cover: d.cover,
    images: d.images.length > 0 ? d.images : storedPhotos(product.images),
    unit: product.unit,
    skus,
    startAt: d.startAt,
    endAt: d.endAt,
    householdLimit: d.householdLimit,
    threshold: d.threshold,
    deliveryMode: d.deliveryMode,
    pickupPointId,
    deliveryDate: d.deliveryDate,
    needs: product.needs ?? [],
    parts: product.kind === 'package' ? (product.parts ?? []) : [],
    ...(d.audience ? { audience: audienceOf(d.audience) } : {}),
    updatedAt: now
  }
  return ok(fields)
}

/**
 * Saves a campaign draft. The product is copied into the campaign (name, images unless the
 * campaign has its own, SKU names and catalog prices), so editing the catalog later never changes
 * a sale that is running.
 */
export async function saveCampaign(ports: Ports, actor: CommunityActor, id: string | undefined, d: CampaignDraft): Promise<Result<CampaignDoc>> {
  const communityId = actor.communityId
  const [existing, checked] = await Promise.all([id ? inCommunity<CampaignDoc>(ports, 'campaigns', id, communityId) : null, campaignFields(ports, communityId, d)])
  if (id && !existing) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
  if (existing && existing.status !== 'draft') return fail('ORDER.CAMPAIGN_NOT_EDITABLE', '已发布的预售不能修改')
  if (!checked.ok) return checked
  const fields = checked.value
  const now = fields.updatedAt
  if (existing) {
    if (!(await ports.store.update('campaigns', existing._id, { set: fields }, { status: 'draft' }))) {
      return fail('ORDER.CAMPAIGN_NOT_EDITABLE', '已发布的预售不能修改')
    }
    return ok({ ...existing, ...fields })
  }
  const doc: CampaignDoc = { _id: newId(ports, 'pc'), communityId, status: 'draft', createdBy: actor.user._id, createdAt: now, ...fields }
  await ports.store.insert('campaigns', doc)
  return ok(doc)
}

/** The stock counters of a campaign; creating one that exists is a harmless duplicate. */
export async function createStock(ports: Ports, c: CampaignDoc): Promise<void> {
  for (const s of c.skus) {
    const doc: CampaignStockDoc = { _id: stockId(c._id, s.skuId), campaignId: c._id, communityId: c.communityId, skuId: s.skuId, stock: s.stock, available: s.stock, holds: {}, paidQuantity: 0, paid: {} }
    await ports.store.insert('campaignStock', doc)
  }
}

/**
 * Publishing creates the stock counters first, then leaves `draft`: a crash in between is
 * finished by publishing again. A campaign whose end has passed cannot be published.
 */
export async function publishCampaign(ports: Ports, actor: CommunityActor, id: string): Promise<Result<CampaignDoc>> {
  const c = await inCommunity<CampaignDoc>(ports, 'campaigns', id, actor.communityId)
  if (!c) return fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
  if (c.status !== 'draft') return ok(c)
  const now = ports.clock.now()
  if (c.endAt <= now) return fail('ORDER.CAMPAIGN_ENDED', '截止时间已过，请修改后再发布')
  await createStock(ports, c)
  const status = c.startAt <= now ? 'live' : 'scheduled'
  await ports.store.update('campaigns', c._id, { set: { status, publishedAt: now, updatedAt: now } }, { status: 'draft' })
  const fresh = await ports.store.get('campaigns', c._id)
  return fresh ? ok(fresh) : fail('ORDER.CAMPAIGN_NOT_FOUND', '预售不存在')
}

export async function catalogOf(ports: Ports, communityId: string) {
  const [products, suppliers, points, buildings] = await Promise.all([
    ports.store.find('products', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 200 }),
    ports.store.find('suppliers', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 200 }),
    ports.store.find('pickupPoints', { where: { communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 100 }),
    ports.store.find('buildings', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 500 })
  ])
  const byId = await getMany(ports.store, 'suppliers', products.map((p) => p.supplierId))
  return { products, suppliers, points, buildings, byId }
}
