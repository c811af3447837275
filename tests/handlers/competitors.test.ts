/**
 * 竞品价格 and cost prices (issue 19, part 5): operators record what competitors ask for the same
 * items, with promotions; products carry a cost per SKU; saves below cost are allowed and warned
 * about; bad input is refused with the field named and nothing written.
 */
import type { CompetitorPriceDraft } from '../../cloudfunctions/contracts/competitor'
import { competitorPriceAt } from '../../cloudfunctions/contracts/competitor'
import type { CampaignDraft } from '../../cloudfunctions/contracts/order'
import type { ActionId, InputOf } from '../../cloudfunctions/contracts/registry'
import { type Harness, makeHarness } from '../support/harness'
import { COMMUNITY_A, DAY, HOUR, OPERATOR, VEG, WANG, buyAndPay } from '../support/presale'
import { COMMUNITY_B, sandboxOf } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const op = <A extends ActionId>(id: A, input: InputOf<A>, community = COMMUNITY_A) => h.call(id, input, OPERATOR, community)

function sighting(patch: Partial<CompetitorPriceDraft> = {}): CompetitorPriceDraft {
  const now = h.clock.now()
  return {
    competitor: '叮咚买菜',
    channel: 'ecommerce',
    productId: 'pd-a-veg',
    item: '有机蔬菜 5 斤装',
    priceFen: 8800,
    promotion: { name: '双12 狂欢', festival: 'double12', startAt: now - DAY, endAt: now + 3 * DAY, priceFen: 7600 },
    addedValue: '满 59 包邮',
    seenAt: now - HOUR,
    ...patch
  }
}

describe('competitor prices', () => {
  it('records, lists by product and newest first, edits and removes one', async () => {
    const saved = okData(await op('order.saveCompetitorPrice', { price: sighting() }))
    expect(saved).toMatchObject({ competitor: '叮咚买菜', productName: '有机蔬菜箱', priceFen: 8800, recordedBy: '吴运营', promotion: { festival: 'double12', priceFen: 7600 } })

    const forVeg = okData(await op('order.competitorPrices', { productId: 'pd-a-veg' })).prices
    expect(forVeg[0]?.id).toBe(saved.id)
    expect(forVeg.every((p) => p.productId === 'pd-a-veg')).toBe(true)
    const all = okData(await op('order.competitorPrices', {})).prices
    expect(all.length).toBeGreaterThan(forVeg.length)
    expect(all.map((p) => p.seenAt)).toEqual([...all.map((p) => p.seenAt)].sort((a, b) => b - a))

    const edited = okData(await op('order.saveCompetitorPrice', { id: saved.id, price: sighting({ priceFen: 8500, promotion: null, productId: null }) }))
    expect(edited).toMatchObject({ id: saved.id, priceFen: 8500, promotion: null, productId: null, productName: null })
    expect(okData(await op('order.competitorPrices', { productId: 'pd-a-veg' })).prices.some((p) => p.id === saved.id)).toBe(false)

    expect(okData(await op('order.removeCompetitorPrice', { id: saved.id }))).toEqual({ removed: true })
    expect(codeOf(await op('order.removeCompetitorPrice', { id: saved.id }))).toBe('ORDER.COMPETITOR_PRICE_NOT_FOUND')
  })

  it('the price a competitor asks: its promotion while it runs, its everyday price otherwise', () => {
    const p = { priceFen: 8800, promotion: { name: '双12', festival: 'double12' as const, startAt: 1000, endAt: 2000, priceFen: 7600 } }
    expect(competitorPriceAt(p, 999)).toBe(8800)
    expect(competitorPriceAt(p, 1000)).toBe(7600)
    expect(competitorPriceAt(p, 2000)).toBe(8800)
    expect(competitorPriceAt({ ...p, promotion: { ...p.promotion, priceFen: null } }, 1500)).toBe(8800)
  })

  it('keeps to the community: another community’s records, products and ids are not reachable', async () => {
    const saved = okData(await op('order.saveCompetitorPrice', { price: sighting() }))
    expect(okData(await op('order.competitorPrices', {}, COMMUNITY_B)).prices.some((p) => p.id === saved.id)).toBe(false)
    expect(codeOf(await op('order.saveCompetitorPrice', { id: saved.id, price: sighting() }, COMMUNITY_B))).toBe('ORDER.COMPETITOR_PRICE_NOT_FOUND')
    expect(codeOf(await op('order.removeCompetitorPrice', { id: saved.id }, COMMUNITY_B))).toBe('ORDER.COMPETITOR_PRICE_NOT_FOUND')
    expect(errorOf(await op('order.saveCompetitorPrice', { price: sighting({ productId: 'pd-b-rice' }) }))).toMatchObject({ code: 'ORDER.PRODUCT_NOT_FOUND', fields: [{ path: 'price.productId' }] })
  })

  it('is for operators only', async () => {
    expect(codeOf(await h.call('order.competitorPrices', {}, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('order.saveCompetitorPrice', { price: sighting() }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
  })

  it.each([
    ['a negative price', { priceFen: -100 }, 'price.priceFen', '价格须大于 0'],
    ['a zero price', { priceFen: 0 }, 'price.priceFen', '价格'],
    ['no competitor name', { competitor: ' ' }, 'price.competitor', '竞品'],
    ['an unknown channel', { channel: 'tv' }, 'price.channel', '渠道'],
    ['a promotion price not below the everyday price', { promotion: { name: '双11', festival: 'double11', startAt: Date.UTC(2026, 10, 1), endAt: Date.UTC(2026, 10, 12), priceFen: 9000 } }, 'price.promotion.priceFen', '活动价'],
    ['a promotion ending before it starts', { promotion: { name: '双11', festival: 'double11', startAt: Date.UTC(2026, 10, 12), endAt: Date.UTC(2026, 10, 1), priceFen: 100 } }, 'price.promotion.endAt', '活动结束'],
    ['a date before 2020', { seenAt: 1 }, 'price.seenAt', '看到日期']
  ])('refuses %s, naming the field by its label, writing nothing', async (_name, patch, path, label) => {
    const before = await snapshot(h.store)
    const err = errorOf(await op('order.saveCompetitorPrice', { price: { ...sighting(), ...(patch as object) } }))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.some((f) => f.path === path)).toBe(true)
    expect(err.message).toContain(label)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses a sighting dated in the future, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await op('order.saveCompetitorPrice', { price: sighting({ seenAt: h.clock.now() + 3 * DAY }) }))).toMatchObject({ fields: [{ path: 'price.seenAt' }] })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('cost prices', () => {
  const product = (skus: { id?: string; name: string; priceFen: number; costFen?: number | null }[]) => ({ name: '五常大米', kind: 'goods' as const, supplierId: 'sp-a-farm', unit: '袋', skus })

  it('are kept per SKU, shown in the catalog, and warned about when above the price', async () => {
    const fine = okData(await op('order.saveProduct', { product: product([{ name: '5kg', priceFen: 8900, costFen: 6100 }]) }))
    expect(fine).toMatchObject({ skus: [{ priceFen: 8900, costFen: 6100 }], warnings: [] })
    const loss = okData(await op('order.saveProduct', { id: fine.id, product: product([{ id: fine.skus[0]?.id, name: '5kg', priceFen: 5900, costFen: 6100 }]) }))
    expect(loss.skus[0]).toMatchObject({ priceFen: 5900, costFen: 6100 })
    expect(loss.warnings).toEqual(['「5kg」日常价 ¥59.00 低于成本价 ¥61.00，每份亏 ¥2.00'])
    const catalog = okData(await op('order.catalog', {}))
    expect(catalog.products.find((p) => p.id === fine.id)?.skus[0]?.costFen).toBe(6100)
  })

  it('an editor that leaves the cost out keeps it; null clears it', async () => {
    const p = okData(await op('order.saveProduct', { product: product([{ name: '5kg', priceFen: 8900, costFen: 6100 }]) }))
    const sku = p.skus[0]?.id
    expect(okData(await op('order.saveProduct', { id: p.id, product: product([{ id: sku, name: '5kg', priceFen: 9900 }]) })).skus[0]?.costFen).toBe(6100)
    expect(okData(await op('order.saveProduct', { id: p.id, product: product([{ id: sku, name: '5kg', priceFen: 9900, costFen: null }]) })).skus[0]?.costFen).toBeNull()
  })

  it('refuses a negative cost, naming it, writing nothing', async () => {
    const before = await snapshot(h.store)
    const err = errorOf(await op('order.saveProduct', { product: product([{ name: '5kg', priceFen: 8900, costFen: -1 }]) }))
    expect(err).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [{ path: 'product.skus.0.costFen', message: expect.stringContaining('成本价') }] })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('a campaign copies the cost and warns when it sells below it', async () => {
    const now = h.clock.now()
    const campaign: CampaignDraft = {
      title: '蔬菜箱特价',
      description: '',
      productId: 'pd-a-veg',
      cover: null,
      images: [],
      skus: [
        { skuId: 's1', priceFen: 4900, stock: 10 },
        { skuId: 's2', priceFen: 11800, stock: 10 }
      ],
      startAt: now + HOUR,
      endAt: now + 2 * DAY,
      householdLimit: 2,
      threshold: null,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: now + 3 * DAY
    }
    const saved = okData(await op('order.saveCampaign', { campaign }))
    expect(saved.warnings).toEqual(['「标准箱 约 5 斤」预售价 ¥49.00 低于成本价 ¥52.00，每份亏 ¥3.00'])
    expect((await h.store.get('campaigns', saved.id))?.skus.map((s) => s.costFen)).toEqual([5200, 9600])
    // Residents never see a cost.
    const seen = okData(await h.call('order.campaigns', {}, WANG, COMMUNITY_A))
    expect(JSON.stringify(seen)).not.toContain('costFen')
  })
})

describe('gross margin on the campaign board', () => {
  it('is paid revenue net of refunds less the cost of units still sold; unknown while a sold SKU has no cost', async () => {
    const { campaignMargin } = await import('../../cloudfunctions/domain/order/margin')
    const skus = [
      { skuId: 's1', costFen: 5200 },
      { skuId: 's2', costFen: null }
    ]
    const paid = { status: 'paid' as const, skuId: 's1', quantity: 2, paidAt: 1, paidFen: 13600, refundedFen: 0 }
    const refunded = { status: 'refunded' as const, skuId: 's1', quantity: 1, paidAt: 1, paidFen: 6800, refundedFen: 6800 }
    const unpaid = { status: 'pending_payment' as const, skuId: 's2', quantity: 1, paidAt: null, paidFen: 0, refundedFen: 0 }
    expect(campaignMargin({ skus: skus.map((s) => ({ ...s, name: '', priceFen: 6800, originalFen: 7800, stock: 10 })) }, [paid, refunded, unpaid])).toEqual({ revenueFen: 13600, costFen: 10400, grossFen: 3200, ratePercent: 24 })
    const soldWithoutCost = { ...paid, skuId: 's2' }
    expect(campaignMargin({ skus: skus.map((s) => ({ ...s, name: '', priceFen: 6800, originalFen: 7800, stock: 10 })) }, [paid, soldWithoutCost])).toBeNull()
  })

  it('shows on the board of a campaign as its orders are paid', async () => {
    expect(okData(await op('order.dashboard', { campaignId: VEG })).margin).toEqual({ revenueFen: 0, costFen: 0, grossFen: 0, ratePercent: null })
    await buyAndPay(h, { campaignId: VEG, skuId: 's1', quantity: 2 })
    expect(okData(await op('order.dashboard', { campaignId: VEG })).margin).toEqual({ revenueFen: 13600, costFen: 10400, grossFen: 3200, ratePercent: 24 })
  })
})
