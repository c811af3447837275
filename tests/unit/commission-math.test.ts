/**
 * Commission arithmetic by hand (plan issue-20 §S4): accrual floored, each refund reversed from its
 * own amount and floored, the remainder of a full refund making the order net 0, and what a
 * statement pays versus carries.
 */
import {
  accrualFen,
  monthRange,
  percentToBp,
  remainderFen,
  reversalFen,
  settle
} from '../../cloudfunctions/domain/selling/commission-math'
import { monthBefore, recentMonths, shanghaiInstant } from '../../cloudfunctions/contracts/shanghai'
import { creditedButler } from '../../cloudfunctions/domain/selling/commission-listener'

const pct = (bp: number) => ({ mode: 'percent' as const, bp, fixedFen: 0 })
const fixed = (fixedFen: number) => ({ mode: 'fixed' as const, bp: 0, fixedFen })

describe('accrual', () => {
  it('8% of 5,990 is 479 (479.2 floored); of 9,990 is 799; of 20,000 is 1,600', () => {
    expect(accrualFen(pct(800), 5990)).toBe(479)
    expect(accrualFen(pct(800), 9990)).toBe(799)
    expect(accrualFen(pct(800), 20000)).toBe(1600)
  })
  it('a fixed amount is capped at what was paid; nothing on nothing paid', () => {
    expect(accrualFen(fixed(300), 2500)).toBe(300)
    expect(accrualFen(fixed(300), 250)).toBe(250)
    expect(accrualFen(pct(800), 0)).toBe(0)
  })
})

describe('reversal and remainder', () => {
  it('three refunds of 3,330 on 9,990 at 799: −266 each, the remainder −1 nets 0', () => {
    const revs = [3330, 3330, 3330].map((r) => reversalFen(799, 9990, r))
    expect(revs).toEqual([-266, -266, -266])
    expect(799 + revs[0]!).toBe(533)
    expect(remainderFen(799, revs)).toBe(-1)
    expect(799 + revs.reduce((n, r) => n + r, 0) + remainderFen(799, revs)).toBe(0)
  })
  it('fixed ¥3 on 2,500, refund 1,000 → −120 (net 180); a full refund reverses all', () => {
    expect(reversalFen(300, 2500, 1000)).toBe(-120)
    expect(reversalFen(1600, 20000, 20000)).toBe(-1600)
    expect(remainderFen(1600, [-1600])).toBe(0)
  })
  it('nothing to reverse without an accrual or a refund; never more than the base', () => {
    expect(reversalFen(0, 9990, 100)).toBe(0)
    expect(reversalFen(799, 9990, 0)).toBe(0)
    expect(reversalFen(799, 9990, 20000)).toBe(-799)
  })
})

describe('settle', () => {
  it('pays a positive total of ¥1 or more; a negative or tiny total carries', () => {
    expect(settle(479)).toEqual({ totalFen: 479, payableFen: 479, carryOutFen: 0 })
    expect(settle(-1200)).toEqual({ totalFen: -1200, payableFen: 0, carryOutFen: -1200 })
    expect(settle(99)).toEqual({ totalFen: 99, payableFen: 0, carryOutFen: 99 })
    expect(settle(100).payableFen).toBe(100)
    expect(settle(800)).toEqual({ totalFen: 800, payableFen: 800, carryOutFen: 0 })
    // One fen under ¥2,000 at most (a real name is needed from there); the rest carries forward.
    expect(settle(240_000)).toEqual({ totalFen: 240_000, payableFen: 199_999, carryOutFen: 40_001 })
    expect(settle(199_999)).toEqual({ totalFen: 199_999, payableFen: 199_999, carryOutFen: 0 })
  })
})

describe('percent and months', () => {
  it('percentages with two decimals become basis points', () => {
    expect(percentToBp(8)).toBe(800)
    expect(percentToBp(8.25)).toBe(825)
    expect(percentToBp(0.01)).toBe(1)
  })
  it('months run midnight to midnight in Shanghai and wrap at the year', () => {
    expect(monthRange('2026-11')).toEqual({ from: shanghaiInstant(2026, 11, 1), to: shanghaiInstant(2026, 12, 1) })
    expect(monthRange('2026-12').to).toBe(shanghaiInstant(2027, 1, 1))
    expect(monthBefore('2027-01')).toBe('2026-12')
    expect(monthBefore('2026-11')).toBe('2026-10')
  })
  it('the month picker starts at Shanghai\'s month, which begins 8 hours before UTC\'s', () => {
    const shanghaiNewYear = shanghaiInstant(2027, 1, 1, 0, 30)
    expect(recentMonths(shanghaiNewYear, 3)).toEqual(['2027-01', '2026-12', '2026-11'])
    expect(recentMonths(shanghaiNewYear - 3_600_000, 2)).toEqual(['2026-12', '2026-11'])
  })
})

describe('who is credited', () => {
  const order = { userId: 'u-wang', inviterUserId: 'u-butler-liu', firstInviterUserId: 'u-butler-zhang' }
  it('the rule’s touch picks the butler; an order from before first touch falls back to the last', () => {
    expect(creditedButler(order, 'first')).toBe('u-butler-zhang')
    expect(creditedButler(order, 'last')).toBe('u-butler-liu')
    expect(creditedButler({ ...order, firstInviterUserId: undefined }, 'first')).toBe('u-butler-liu')
  })
  it('a butler’s own purchase and an order through no card credit nobody', () => {
    expect(creditedButler({ ...order, userId: 'u-butler-liu' }, 'last')).toBeNull()
    expect(creditedButler({ userId: 'u-wang', inviterUserId: null, firstInviterUserId: null }, 'first')).toBeNull()
  })
})
