/** The pure parts of membership: Shanghai calendar months, expiry buckets, levels, coupon maths and labels. */
import { RulesSchema, benefitLabels, couponLabel, scopeLabel } from '../../cloudfunctions/contracts/member'
import { evaluateCoupon, inScope, windowOf } from '../../cloudfunctions/domain/member/coupons'
import type { CouponDoc } from '../../cloudfunctions/domain/member/docs'
import { DEFAULT_RULES, currentBucket, endOfMonth, expiryOf, monthKey, pointsFor, pointsValueFen, rollingMonths, standingOf } from '../../cloudfunctions/domain/member/rules'

const SH = (y: number, m: number, d: number, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh - 8, mm)

describe('calendar (Asia/Shanghai)', () => {
  it('puts an instant in its Shanghai month, also across the UTC date line', () => {
    expect(monthKey(SH(2026, 1, 31, 23, 59))).toBe('m202601')
    expect(monthKey(SH(2026, 2, 1, 0, 0))).toBe('m202602')
    // 2026-01-31 20:00 UTC is already February in Shanghai.
    expect(monthKey(Date.UTC(2026, 0, 31, 20))).toBe('m202602')
  })

  it('expires at the end of the month N months later, across year ends', () => {
    expect(expiryOf(SH(2026, 1, 6), 12)).toEqual({ bucket: 'e202701', expiresAt: SH(2027, 2, 1) - 1 })
    expect(expiryOf(SH(2026, 11, 30, 23), 2)).toEqual({ bucket: 'e202701', expiresAt: SH(2027, 2, 1) - 1 })
    expect(expiryOf(SH(2026, 12, 1), 1)).toEqual({ bucket: 'e202701', expiresAt: SH(2027, 2, 1) - 1 })
    expect(currentBucket(SH(2027, 1, 15))).toBe('e202701')
    expect(endOfMonth(SH(2024, 2, 10))).toBe(SH(2024, 3, 1) - 1)
  })

  it('the rolling window is this month and the 11 before it', () => {
    const w = rollingMonths(SH(2026, 3, 10))
    expect(w).toHaveLength(12)
    expect(w[0]).toBe('m202603')
    expect(w[11]).toBe('m202504')
  })
})

describe('levels', () => {
  const at = SH(2026, 6, 15)
  it('the highest level whose spend OR points threshold is reached, over 12 months only', () => {
    expect(standingOf(DEFAULT_RULES, null, at).level.key).toBe('normal')
    expect(standingOf(DEFAULT_RULES, { spend: { m202606: 200_000 }, earned: {} }, at).level.key).toBe('silver')
    expect(standingOf(DEFAULT_RULES, { spend: { m202606: 1000 }, earned: { m202601: 6500 } }, at).level.key).toBe('gold')
    // Spend from 13 months ago no longer counts.
    const old = standingOf(DEFAULT_RULES, { spend: { m202505: 2_000_000 }, earned: {} }, at)
    expect(old).toMatchObject({ spend12Fen: 0, level: { key: 'normal' }, next: { key: 'silver' } })
    const top = standingOf(DEFAULT_RULES, { spend: { m202606: 1_500_000 }, earned: {} }, at)
    expect(top).toMatchObject({ level: { key: 'platinum' }, next: null })
  })

  it('rules must climb level by level from zero', () => {
    expect(RulesSchema.safeParse(DEFAULT_RULES).success).toBe(true)
    const flat = { ...DEFAULT_RULES, levels: DEFAULT_RULES.levels.map((l) => ({ ...l, minSpendFen: 0 })) }
    expect(RulesSchema.safeParse(flat).success).toBe(false)
    const noBase = { ...DEFAULT_RULES, levels: DEFAULT_RULES.levels.slice(1) }
    expect(RulesSchema.safeParse(noBase).success).toBe(false)
  })

  it('benefit labels', () => {
    expect(benefitLabels({ discountBp: 500, freeDelivery: true, priorityBooking: false })).toEqual(['9.5折', '免配送费'])
    expect(benefitLabels({ discountBp: 0, freeDelivery: false, priorityBooking: false })).toEqual([])
  })
})

describe('points value', () => {
  it('converts both ways without ever giving more than the points are worth', () => {
    expect(pointsValueFen(DEFAULT_RULES, 150)).toBe(150)
    const r = { ...DEFAULT_RULES, pointsPerYuan: 30 }
    for (let fen = 0; fen < 500; fen++) {
      const p = pointsFor(r, fen)
      expect(pointsValueFen(r, p)).toBeGreaterThanOrEqual(fen)
      expect(pointsValueFen(r, p - 1)).toBeLessThan(fen || 1)
    }
  })
})

describe('coupons', () => {
  const now = SH(2026, 5, 1, 12)
  const coupon = (over: Partial<CouponDoc>): CouponDoc => ({
    _id: 'c1',
    templateId: 't1',
    communityId: 'c',
    userId: 'u',
    title: 't',
    kind: 'fixed',
    valueFen: 1000,
    percentOff: 0,
    capFen: 0,
    minSpendFen: 0,
    scope: { type: 'all', value: '', label: '' },
    validFrom: now - 1000,
    validTo: now + 1000,
    status: 'available',
    source: { kind: 'claim', ref: 'x' },
    createdAt: now,
    ...over
  })

  it('labels', () => {
    expect(couponLabel(coupon({}))).toBe('立减10元')
    expect(couponLabel(coupon({ kind: 'threshold', valueFen: 2000, minSpendFen: 10_000 }))).toBe('满100减20')
    expect(couponLabel(coupon({ kind: 'percent', valueFen: 0, percentOff: 12, capFen: 3000 }))).toBe('8.8折 最高减30元')
    expect(couponLabel(coupon({ kind: 'percent', valueFen: 0, percentOff: 20, capFen: 0, minSpendFen: 5000 }))).toBe('满50元 8折')
    expect(scopeLabel({ type: 'category', label: '家政服务' })).toBe('限家政服务')
    expect(scopeLabel({ type: 'all', label: '' })).toBe('全场通用')
  })

  it('applies to the lines in scope only, after the level discount, never more than they cost', () => {
    const items = [
      { amountFen: 3000, category: 'fresh' },
      { amountFen: 9000, productId: 'p9' }
    ]
    expect(evaluateCoupon(coupon({ valueFen: 5000, scope: { type: 'category', value: 'fresh', label: '' } }), items, 0, now)).toEqual({ usable: true, discountFen: 3000 })
    expect(evaluateCoupon(coupon({ scope: { type: 'product', value: 'p9', label: '' } }), items, 0, now)).toEqual({ usable: true, discountFen: 1000 })
    expect(evaluateCoupon(coupon({ scope: { type: 'service', value: 's1', label: '' } }), items, 0, now)).toMatchObject({ usable: false, reason: '不适用于所选商品' })
    // 满100: 12,000 reaches it; after a 20 % level discount (9,600) it does not.
    const threshold = coupon({ kind: 'threshold', valueFen: 2000, minSpendFen: 10_000 })
    expect(evaluateCoupon(threshold, items, 0, now)).toEqual({ usable: true, discountFen: 2000 })
    expect(evaluateCoupon(threshold, items, 2000, now)).toMatchObject({ usable: false, reason: '满 100 元可用' })
    const pct = coupon({ kind: 'percent', valueFen: 0, percentOff: 12, capFen: 1000 })
    expect(evaluateCoupon(pct, [{ amountFen: 5000 }], 0, now)).toEqual({ usable: true, discountFen: 600 })
    expect(evaluateCoupon(pct, [{ amountFen: 50_000 }], 0, now)).toEqual({ usable: true, discountFen: 1000 })
  })

  it('only while valid and free (or held by the quoting order)', () => {
    const items = [{ amountFen: 5000 }]
    expect(evaluateCoupon(coupon({ validFrom: now + 1 }), items, 0, now)).toMatchObject({ usable: false, reason: '未到使用时间' })
    expect(evaluateCoupon(coupon({ validTo: now - 1 }), items, 0, now)).toMatchObject({ usable: false, reason: '已过期' })
    expect(evaluateCoupon(coupon({ status: 'used' }), items, 0, now)).toMatchObject({ usable: false })
    expect(evaluateCoupon(coupon({ status: 'locked', holder: 'o1' }), items, 0, now)).toMatchObject({ usable: false })
    expect(evaluateCoupon(coupon({ status: 'locked', holder: 'o1' }), items, 0, now, 'o1')).toEqual({ usable: true, discountFen: 1000 })
    expect(inScope({ type: 'all', value: '', label: '' }, { amountFen: 1 })).toBe(true)
  })

  it('validity: fixed dates, or days from issue', () => {
    expect(windowOf({ type: 'dates', from: 1, to: 2 }, now)).toEqual({ validFrom: 1, validTo: 2 })
    expect(windowOf({ type: 'days', days: 7 }, now)).toEqual({ validFrom: now, validTo: now + 7 * 24 * 3600_000 })
  })
})
