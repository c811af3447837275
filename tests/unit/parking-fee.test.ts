import { FeeRuleInput, type FeeRule } from '../../cloudfunctions/contracts/parking-fee'
import { shanghaiInstant } from '../../cloudfunctions/contracts/shanghai'
import { PLATE_MESSAGE, Plate } from '../../cloudfunctions/contracts/plate'
import { exitVerdict, sessionFee } from '../../cloudfunctions/domain/parking/exit-rule'
import { chargedHours, dueFen, nightOf, parkingFee } from '../../cloudfunctions/domain/parking/fee'

/**
 * The fee rule on hand-computed cases. The rule used throughout (prices in fen):
 * 15 free minutes; first hour 500; each later hour 300; night 22:00–07:00 at 100 an hour, at most
 * 500 a night; each 24 hours from entry at most 4000, or 3000 once a stay is longer than a day.
 */
const RULE: FeeRule = FeeRuleInput.parse({
  freeMinutes: 15,
  firstHourFen: 500,
  perHourFen: 300,
  dailyCapFen: 4000,
  night: { start: '22:00', end: '07:00', perHourFen: 100, capFen: 500 },
  longStayCapFen: 3000
})
const MIN = 60_000
/** 6 December 2026, Shanghai wall clock. */
const at = (hour: number, minute = 0, day = 6) => shanghaiInstant(2026, 12, day, hour, minute)

describe('the parking fee rule', () => {
  it('stores the night window as minutes after Shanghai midnight', () => {
    expect(RULE.night).toEqual({ start: 22 * 60, end: 7 * 60, perHourFen: 100, capFen: 500 })
  })

  it('charges nothing for 14 minutes (within the 15 free), and a whole first hour past them', () => {
    expect(parkingFee(RULE, at(10), at(10, 14))).toBe(0)
    expect(parkingFee(RULE, at(10), at(10, 15))).toBe(0)
    // 16 minutes: past the free minutes, so charged from the entry: one started hour = 500.
    expect(parkingFee(RULE, at(10), at(10, 16))).toBe(500)
  })

  it('charges 61 minutes as two hours', () => {
    // 10:00 → 11:01: hours starting 10:00 (first, 500) and 11:00 (later, 300) = 800.
    expect(parkingFee(RULE, at(10), at(11, 1))).toBe(800)
    // Exactly 60 minutes is one hour: 500.
    expect(parkingFee(RULE, at(10), at(11))).toBe(500)
  })

  it('prices hours across midnight at the night rate, one night however many dates it spans', () => {
    // 20:30 → 01:10 next day (4 h 40 min = 5 started hours):
    // 20:30 day first 500 + 21:30 day 300 + 22:30, 23:30, 00:30 night 3 × 100 = 1100.
    expect(parkingFee(RULE, at(20, 30), at(1, 10, 7))).toBe(1100)
    expect(chargedHours(RULE, at(20, 30), at(1, 10, 7)).map((h) => h.night)).toEqual([false, false, true, true, true])
    // 23:00 and the 03:00 after it are the same night; 07:00 is day again.
    expect(nightOf(RULE, at(23))).toBe(nightOf(RULE, at(3, 0, 7)))
    expect(nightOf(RULE, at(7, 0, 7))).toBeNull()
  })

  it('caps a night at its own cap', () => {
    // 21:00 → 08:30 next day (11 h 30 min = 12 started hours):
    // 21:00 day first 500; 22:00 … 06:00 are 9 night hours = 900, capped at 500;
    // 07:00 and 08:00 day 2 × 300 = 600. Total 500 + 500 + 600 = 1600.
    expect(parkingFee(RULE, at(21), at(8, 30, 7))).toBe(1600)
  })

  it('caps a full day at the 24-hour cap', () => {
    // 10:00 → 10:00 next day, exactly 24 hours (not longer than a day, so the daily cap 4000):
    // day 10:00–21:00: 500 + 11 × 300 = 3800; night 9 × 100 capped 500; 07:00–09:00 3 × 300 = 900;
    // 5200 in all, capped at 4000.
    expect(parkingFee(RULE, at(10), at(10, 0, 7))).toBe(4000)
  })

  it('caps 26 hours per 24-hour period at the long-stay cap', () => {
    // 10:00 → 12:00 next day, 26 hours, longer than a day: each 24 h period at most min(4000, 3000).
    // Period 1 (10:00 → 10:00): hours in order 500 + 8 × 300 = 2900 by 18:00, the 19:00 hour takes
    // the last 100 of 3000, the rest nothing: 3000.
    // Period 2 (10:00 → 12:00): 10:00 and 11:00 at the later-hour price, 2 × 300 = 600.
    // Total 3000 + 600 = 3600.
    expect(parkingFee(RULE, at(10), at(12, 0, 7))).toBe(3600)
  })

  it('owes only the extra when paid, then past the grace period, then paid again', () => {
    const grace = 15 * MIN
    // Entered 10:00, paid at 11:50 for 1 h 50 min = 2 hours: 500 + 300 = 800.
    const session = { kind: 'temporary' as const, enteredAt: at(10), paidFen: 0, lastPaidAt: null }
    expect(dueFen(RULE, session, at(11, 50))).toBe(800)
    const paid = { ...session, paidFen: 800, lastPaidAt: at(11, 50) }
    // 12:05 is in the third hour, but within 15 minutes of paying: the barrier opens.
    expect(exitVerdict(RULE, grace, paid, at(12, 5))).toEqual({ open: true, why: 'grace' })
    // 12:10, 20 minutes after paying: fee 3 hours = 500 + 300 + 300 = 1100, paid 800, due 300.
    expect(exitVerdict(RULE, grace, paid, at(12, 10))).toEqual({ open: false, dueFen: 300 })
    // Paid the 300 at 12:12: 1100 paid in all; leaving at 12:20 opens, and nothing more is due.
    const again = { ...paid, paidFen: 1100, lastPaidAt: at(12, 12) }
    expect(exitVerdict(RULE, grace, again, at(12, 20))).toEqual({ open: true, why: 'grace' })
    expect(dueFen(RULE, again, at(12, 59))).toBe(0)
  })

  it('lets a monthly car out and a free stay out, and prices a rule with no caps or night plainly', () => {
    const plain = FeeRuleInput.parse({ freeMinutes: 0, firstHourFen: 1000, perHourFen: 200, dailyCapFen: null, night: null, longStayCapFen: null })
    // 50 hours → 1000 + 49 × 200 = 10800, nothing caps it.
    expect(parkingFee(plain, at(0), at(2, 0, 8))).toBe(10800)
    expect(exitVerdict(RULE, 0, { kind: 'monthly', enteredAt: at(0), paidFen: 0, lastPaidAt: null }, at(23))).toEqual({ open: true, why: 'monthly' })
    expect(exitVerdict(RULE, 0, { kind: 'temporary', enteredAt: at(9), paidFen: 0, lastPaidAt: null }, at(9, 10))).toEqual({ open: true, why: 'free' })
  })

  it('refuses a negative price, a night window of no length and a badly written time', () => {
    const bad = FeeRuleInput.safeParse({ freeMinutes: -1, firstHourFen: -500, perHourFen: 300, dailyCapFen: null, night: { start: '22:00', end: '22:00', perHourFen: 100, capFen: null }, longStayCapFen: null })
    expect(bad.success).toBe(false)
    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort()
    expect(paths).toEqual(['firstHourFen', 'freeMinutes', 'night.end'])
    expect(FeeRuleInput.safeParse({ ...RULE, night: { start: '25:00', end: '07:00', perHourFen: 1, capFen: null } }).success).toBe(false)
  })

  it('charges a monthly card that ends during the stay from its end, not from the entry', () => {
    // In 08:00, card ends 20:00, out 23:30. From 20:00: the 20:00 hour is the first (500), 21:00 a
    // later one (300), 22:00 and 23:00 start in the night window (100 + 100): 1000. From the entry
    // it would be 500 + 11 × 300 = 3800 by day, capped at 4000 with the night: far more.
    const card = { kind: 'monthly' as const, enteredAt: at(8), paidFen: 0, lastPaidAt: null, freeUntil: at(20) }
    expect(sessionFee(RULE, card, at(19, 59))).toBe(0)
    expect(exitVerdict(RULE, 0, card, at(19, 59))).toEqual({ open: true, why: 'monthly' })
    expect(sessionFee(RULE, card, at(23, 30))).toBe(1000)
    expect(exitVerdict(RULE, 0, card, at(23, 30))).toEqual({ open: false, dueFen: 1000 })
    // Within the free minutes after the end: nothing.
    expect(exitVerdict(RULE, 0, card, at(20, 14))).toEqual({ open: true, why: 'free' })
    // A visitor's pass ending at 12:00, in at 10:00, out 13:01: 500 + 300 from 12:00.
    const visit = { kind: 'visitor' as const, enteredAt: at(10), paidFen: 0, lastPaidAt: null, freeUntil: at(12) }
    expect(exitVerdict(RULE, 0, visit, at(11, 59))).toEqual({ open: true, why: 'visitor' })
    expect(sessionFee(RULE, visit, at(13, 1))).toBe(800)
    // Stored before covers existed: a monthly stay stays free, a visitor's is priced from its entry.
    expect(sessionFee(RULE, { kind: 'monthly', enteredAt: at(8), paidFen: 0, lastPaidAt: null }, at(23, 30))).toBe(0)
    expect(sessionFee(RULE, { kind: 'visitor', enteredAt: at(10), paidFen: 0, lastPaidAt: null }, at(11, 1))).toBe(800)
  })

  it('prices an hour on a day window that does not cross midnight', () => {
    const lunch = FeeRuleInput.parse({ freeMinutes: 0, firstHourFen: 500, perHourFen: 300, dailyCapFen: null, night: { start: '12:00', end: '14:00', perHourFen: 0, capFen: null }, longStayCapFen: null })
    // 11:00 → 15:00: 11:00 first 500, 12:00 and 13:00 in the window at 0, 14:00 later 300 = 800.
    expect(parkingFee(lunch, at(11), at(15))).toBe(800)
  })
})

describe('the plate schema', () => {
  it('takes ordinary and 8-character new-energy plates as written, and refuses the rest in Chinese', () => {
    expect(Plate.parse('沪a·12345')).toBe('沪A12345')
    expect(Plate.parse('粤B D12345')).toBe('粤BD12345')
    expect(Plate.parse('沪A12345F')).toBe('沪A12345F')
    expect(Plate.parse('京A1234学')).toBe('京A1234学')
    for (const bad of ['沪12345', '沪AO1234', 'XA12345', '沪AI12345', '沪AD123456', '沪A1234567']) {
      const r = Plate.safeParse(bad)
      expect(r.success).toBe(false)
      expect(r.error?.issues[0]?.message).toBe(PLATE_MESSAGE)
    }
  })
})
