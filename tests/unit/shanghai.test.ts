import { shanghaiDay, shanghaiInstant, shanghaiMidnight, shanghaiMinute, shanghaiMonth, shanghaiRfc3339, shanghaiWall } from '../../cloudfunctions/contracts/shanghai'

/** 2026-12-31 23:59:59.999 in Shanghai is 15:59:59.999 UTC the same day. */
const NEW_YEARS_EVE_LAST_MS = Date.UTC(2026, 11, 31, 15, 59, 59, 999)

describe('Asia/Shanghai time, one module for the functions, the clients and the scripts', () => {
  it('reads the calendar eight hours ahead of UTC, across the day, month and year line', () => {
    expect(shanghaiDay(NEW_YEARS_EVE_LAST_MS)).toBe('2026-12-31')
    expect(shanghaiDay(NEW_YEARS_EVE_LAST_MS + 1)).toBe('2027-01-01')
    expect(shanghaiMonth(NEW_YEARS_EVE_LAST_MS + 1)).toBe('2027-01')
    expect(shanghaiMinute(Date.UTC(2026, 11, 6, 1, 30))).toBe('2026-12-06 09:30')
    expect(shanghaiRfc3339(Date.UTC(2026, 10, 23, 2, 34, 56))).toBe('2026-11-23T10:34:56+08:00')
    expect(shanghaiWall(Date.UTC(2026, 11, 6, 16, 0)).getUTCDay()).toBe(1) // Monday 00:00 in Shanghai
  })

  it('finds the midnight a Shanghai day starts at, and an instant from wall-clock fields', () => {
    const midnight = shanghaiInstant(2027, 1, 1)
    expect(midnight).toBe(NEW_YEARS_EVE_LAST_MS + 1)
    expect(shanghaiMidnight(midnight)).toBe(midnight)
    expect(shanghaiMidnight(midnight - 1)).toBe(shanghaiInstant(2026, 12, 31))
    expect(shanghaiMidnight(midnight + 23 * 3_600_000 + 59 * 60_000)).toBe(midnight)
    expect(shanghaiInstant(2026, 12, 6, 9, 30)).toBe(Date.UTC(2026, 11, 6, 1, 30))
    // Day 32 of a month rolls over, as Date.UTC does: the day after the last of the month.
    expect(shanghaiInstant(2026, 12, 32)).toBe(midnight)
  })
})
