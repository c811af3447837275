/**
 * The pre-sale and membership forms check what people type with the contracts' own schemas before
 * anything is sent: a price or a count that is not a number becomes a field error, never NaN; and
 * the coupon picker's link carries the whole purchase, so it opens from cold.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

import { blankDraft, checkDraft, draftOf, rowsFor } from '../../src/utils/campaign-draft'
import { blankForm, checkForm } from '../../src/utils/coupon-form'
import { pickRequestOf, pickerLink } from '../../src/services/member'
import { formatDateTime, parseShanghai } from '../../src/utils/time'

const NOW = Date.UTC(2026, 11, 5, 2, 0) // 2026-12-05 10:00 in Shanghai
const PRODUCT = {
  id: 'pd-veg',
  name: '有机蔬菜箱',
  kind: 'goods' as const,
  category: 'fresh' as const,
  supplierId: 'sp-farm',
  supplierName: '绿源农场',
  description: '',
  images: [],
  unit: '箱',
  skus: [
    { id: 's1', name: '标准箱', priceFen: 7800, costFen: null },
    { id: 's2', name: '家庭箱', priceFen: 13800, costFen: 5200 }
  ],
  needs: [],
  parts: [],
  partsFen: null
}

describe('the campaign editor draft', () => {
  it('starts on sale tomorrow 09:00 until 20:00 three days later, delivered the day after, with no threshold', () => {
    const d = blankDraft(NOW)
    expect(formatDateTime(d.startAt)).toBe('2026-12-06 09:00')
    expect(formatDateTime(d.endAt)).toBe('2026-12-09 20:00')
    expect(formatDateTime(d.deliveryDay)).toBe('2026-12-10 00:00')
    expect(d.threshold).toBeNull()
  })

  it('turns typed prices and stock into fen and counts, delivering at 09:00 of the chosen day', () => {
    const d = { ...blankDraft(NOW), productId: PRODUCT.id, title: '蔬菜箱预售', skus: rowsFor(PRODUCT) }
    d.skus.s1 = { on: true, price: '68.5', stock: '100' }
    d.skus.s2 = { on: false, price: '', stock: '' }
    const r = checkDraft(d)
    expect(r).toMatchObject({ ok: true, campaign: { skus: [{ skuId: 's1', priceFen: 6850, stock: 100 }], threshold: null, cover: null, images: [] } })
    if (r.ok) expect(formatDateTime(r.campaign.deliveryDate)).toBe('2026-12-10 09:00')
  })

  it('keys a bad price or stock to its SKU and never sends NaN', () => {
    const d = { ...blankDraft(NOW), productId: PRODUCT.id, title: '蔬菜箱预售', skus: rowsFor(PRODUCT), threshold: 'abc' }
    d.skus.s1 = { on: true, price: '6.8.8', stock: '1.5' }
    const r = checkDraft(d)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors['sku.s1.priceFen']).toContain('价格')
      expect(r.errors['sku.s1.stock']).toContain('整数')
      expect(r.errors.threshold).toContain('整数')
      expect(JSON.stringify(r.errors)).not.toContain('NaN')
    }
  })

  it('maps the schema’s per-SKU errors (by position among the SKUs on sale) to the SKU', () => {
    const d = { ...blankDraft(NOW), productId: PRODUCT.id, title: '蔬菜箱预售', skus: rowsFor(PRODUCT) }
    d.skus.s1 = { on: false, price: '68', stock: '10' }
    d.skus.s2 = { on: true, price: '0', stock: '10' }
    const r = checkDraft(d)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors['sku.s2.priceFen']).toBe('价格须大于 0')
  })

  it('reads a saved campaign back with its prices as typed text and its delivery day', () => {
    const delivery = parseShanghai('2026-12-10', 9)
    const d = draftOf({
      id: 'pc-1',
      title: '蔬菜箱预售',
      description: '',
      status: 'draft',
      productId: PRODUCT.id,
      productName: PRODUCT.name,
      productKind: 'goods',
      category: 'fresh',
      supplierName: '绿源农场',
      cover: null,
      images: [],
      unit: '箱',
      skus: [{ id: 's1', name: '标准箱', priceFen: 6850, originalFen: 7800, stock: 100, remaining: 100, savingFen: null }],
      parts: [],
      partsFen: null,
      startAt: NOW,
      endAt: NOW + 3600_000,
      householdLimit: 2,
      threshold: 20,
      paidQuantity: 0,
      soldQuantity: 0,
      delivery: { mode: 'door', date: delivery, pickupPoint: null },
      settledAt: null,
      needs: [],
      audience: null
    })
    expect(d.skus.s1).toEqual({ on: true, price: '68.50', stock: '100' })
    expect(d.threshold).toBe('20')
    expect(formatDateTime(d.deliveryDay)).toBe('2026-12-10 00:00')
  })
})

describe('the coupon template form', () => {
  it('reads yuan with the one parser and names the fields it cannot read', () => {
    const f = { ...blankForm(NOW), title: '满百减二十', kind: 'threshold' as const, value: '二十', minSpend: '100', stock: '十' }
    const r = checkForm(f)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['totalStock', 'valueFen'])
  })

  it('makes a draft with fixed dates ending at the last instant of the chosen day', () => {
    const f = { ...blankForm(NOW), title: '生鲜满减', kind: 'threshold' as const, value: '8', minSpend: '50', validity: 'dates' as const }
    const r = checkForm(f)
    expect(r).toMatchObject({ ok: true, draft: { valueFen: 800, minSpendFen: 5000, totalStock: 100, perUserLimit: 1, claimable: true } })
    if (r.ok && r.draft.validity.type === 'dates') {
      expect(formatDateTime(r.draft.validity.from)).toBe('2026-12-05 00:00')
      expect(r.draft.validity.to).toBe(parseShanghai('2027-01-03', 0) - 1)
    }
  })
})

describe('the coupon picker link', () => {
  it('carries a pre-sale purchase, the chosen coupon and the community, and reads back the same', () => {
    const req = { purchase: { kind: 'presale' as const, campaignId: 'pc-a-veg', skuId: 's1', quantity: 2 }, couponId: 'cp:1', communityId: 'c-linyuan' }
    const link = pickerLink(req)
    expect(link).toBe('/packages/member/pages/picker/index?kind=presale&campaignId=pc-a-veg&skuId=s1&quantity=2&couponId=cp%3A1&communityId=c-linyuan')
    const params = Object.fromEntries(new URLSearchParams(link.split('?')[1]).entries())
    // Taro hands the page its params still encoded.
    const encoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]))
    expect(pickRequestOf(encoded)).toEqual(req)
  })

  it('carries a booking by its service line', () => {
    expect(pickRequestOf({ kind: 'booking', lineId: 'ln-clean' })).toEqual({ purchase: { kind: 'booking', lineId: 'ln-clean' }, couponId: null })
  })

  it('is no request without what is being bought, or with a quantity that is not one', () => {
    expect(pickRequestOf({})).toBeNull()
    expect(pickRequestOf({ campaignId: 'pc', skuId: 's1', quantity: '1.5' })).toBeNull()
    expect(pickRequestOf({ kind: 'booking' })).toBeNull()
  })
})
