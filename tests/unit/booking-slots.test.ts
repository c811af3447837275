/**
 * Slot arithmetic on the Asia/Shanghai day (UTC+8): the day boundary falls at 16:00Z, slots are
 * the fixed starts 09:00/11:00/14:00/16:00, a worker covers a slot only when all two hours lie in
 * their hours, and residents book from 30 minutes ahead to the end of the seventh day after today.
 */
import { hoursText } from '../../cloudfunctions/contracts/work-hours'
import { SLOT_STARTS_MIN } from '../../cloudfunctions/contracts/booking'
import type { WorkHours, WorkerDoc } from '../../cloudfunctions/domain/booking/docs'
import {
  DAY,
  HORIZON_DAYS,
  HOUR,
  LEAD_MS,
  MINUTE,
  coversSlot,
  eligible,
  isSlotStart,
  localMidnight,
  localMinute,
  localWeekday,
  monthOf,
  slotCapacity,
  slotEnd,
  slotText,
  upcomingSlots
} from '../../cloudfunctions/domain/booking/slots'

/** UTC ms of a Shanghai wall-clock time (UTC+8, no daylight saving). */
const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s)

// 2026-01-05 is a Monday, 2026-01-06 a Tuesday.
const MON = sh(2026, 1, 5)
const TUE = sh(2026, 1, 6)

describe('localMidnight and the Shanghai day boundary', () => {
  it('15:59:59Z is still the Shanghai day before; 16:00Z starts the next one', () => {
    expect(localMidnight(Date.parse('2026-01-05T15:59:59.999Z'))).toBe(Date.parse('2026-01-04T16:00:00Z'))
    expect(localMidnight(Date.parse('2026-01-05T16:00:00Z'))).toBe(Date.parse('2026-01-05T16:00:00Z'))
    expect(localMidnight(Date.parse('2026-01-05T16:00:00.001Z'))).toBe(Date.parse('2026-01-05T16:00:00Z'))
    expect(localMidnight(MON)).toBe(MON)
    expect(localMidnight(MON + DAY - 1)).toBe(MON)
  })

  it('the weekday and the minute follow the Shanghai day, not the UTC one', () => {
    expect(localWeekday(Date.parse('2026-01-05T15:59:59Z'))).toBe(1)
    expect(localWeekday(Date.parse('2026-01-05T16:00:00Z'))).toBe(2)
    expect(localMinute(Date.parse('2026-01-05T15:59:00Z'))).toBe(23 * 60 + 59)
    expect(localMinute(Date.parse('2026-01-05T16:00:00Z'))).toBe(0)
    expect(localMinute(Date.parse('2026-01-06T01:00:00Z'))).toBe(9 * 60)
  })

  it('monthOf turns over at Shanghai midnight of the 1st', () => {
    expect(monthOf(Date.parse('2026-01-31T15:59:59Z'))).toBe('2026-01')
    expect(monthOf(Date.parse('2026-01-31T16:00:00Z'))).toBe('2026-02')
  })
})

describe('isSlotStart', () => {
  it('accepts exactly the four daily starts', () => {
    for (const m of SLOT_STARTS_MIN) expect(isSlotStart(TUE + m * MINUTE)).toBe(true)
    expect(SLOT_STARTS_MIN.map((m) => slotText(TUE + m * MINUTE).slice(-5))).toEqual(['09:00', '11:00', '14:00', '16:00'])
  })

  it.each([
    ['10:00, between slots', TUE + 10 * HOUR],
    ['18:00, after the last slot', TUE + 18 * HOUR],
    ['midnight', TUE],
    ['one millisecond after 09:00', TUE + 9 * HOUR + 1],
    ['30 s before 09:00 (rounds to 09:00 by the minute)', TUE + 9 * HOUR - 30_000],
    ['30 s after 09:00', TUE + 9 * HOUR + 30_000],
    ['09:00 UTC (17:00 in Shanghai)', Date.parse('2026-01-06T09:00:00Z')]
  ])('refuses %s', (_name, ms) => {
    expect(isSlotStart(ms)).toBe(false)
  })

  it('09:00 Shanghai is 01:00Z of the same date', () => {
    expect(isSlotStart(Date.parse('2026-01-06T01:00:00Z'))).toBe(true)
    expect(slotEnd(Date.parse('2026-01-06T01:00:00Z'))).toBe(Date.parse('2026-01-06T03:00:00Z'))
  })
})

describe('coversSlot', () => {
  const weekdays9to18: WorkHours = { days: [1, 2, 3, 4, 5], startMin: 9 * 60, endMin: 18 * 60 }

  it('covers a slot that ends exactly when the hours end, not one that would run past them', () => {
    expect(coversSlot(weekdays9to18, TUE + 16 * HOUR)).toBe(true)
    expect(coversSlot({ ...weekdays9to18, endMin: 18 * 60 - 1 }, TUE + 16 * HOUR)).toBe(false)
  })

  it('covers a slot that starts exactly when the hours start, not one that starts before them', () => {
    expect(coversSlot(weekdays9to18, TUE + 9 * HOUR)).toBe(true)
    expect(coversSlot({ ...weekdays9to18, startMin: 9 * 60 + 1 }, TUE + 9 * HOUR)).toBe(false)
  })

  it('goes by the Shanghai weekday: a Sunday slot is outside Monday-to-Friday hours', () => {
    const sunday = sh(2026, 1, 11)
    expect(localWeekday(sunday)).toBe(0)
    expect(coversSlot(weekdays9to18, sunday + 9 * HOUR)).toBe(false)
    expect(coversSlot({ ...weekdays9to18, days: [0] }, sunday + 9 * HOUR)).toBe(true)
  })
})

describe('upcomingSlots', () => {
  it('starts at the first slot at least 30 minutes ahead and ends with the last slot of the seventh day after today', () => {
    const now = TUE + 8 * HOUR
    const slots = upcomingSlots(now)
    expect(slots[0]).toBe(TUE + 9 * HOUR)
    expect(slots[slots.length - 1]).toBe(TUE + HORIZON_DAYS * DAY + 16 * HOUR)
    expect(slots).toHaveLength((HORIZON_DAYS + 1) * SLOT_STARTS_MIN.length)
    expect(slots.every(isSlotStart)).toBe(true)
    expect([...slots].sort((a, b) => a - b)).toEqual(slots)
  })

  it('a slot exactly 30 minutes ahead is offered; one a millisecond closer is not', () => {
    const at = TUE + 9 * HOUR - LEAD_MS
    expect(upcomingSlots(at)[0]).toBe(TUE + 9 * HOUR)
    expect(upcomingSlots(at + 1)[0]).toBe(TUE + 11 * HOUR)
  })

  it('late in the evening the list starts tomorrow and the horizon moves with the Shanghai day', () => {
    const late = Date.parse('2026-01-06T15:59:00Z') // Tuesday 23:59 in Shanghai
    const slots = upcomingSlots(late)
    expect(slots[0]).toBe(sh(2026, 1, 7, 9))
    expect(slots[slots.length - 1]).toBe(TUE + HORIZON_DAYS * DAY + 16 * HOUR)
    expect(slots).toHaveLength(HORIZON_DAYS * SLOT_STARTS_MIN.length)
    // Two minutes later it is Wednesday: a whole new day joins at the end.
    const next = upcomingSlots(late + 2 * MINUTE)
    expect(next[next.length - 1]).toBe(TUE + (HORIZON_DAYS + 1) * DAY + 16 * HOUR)
  })

  it('a shorter horizon is honoured', () => {
    expect(upcomingSlots(TUE, 0)).toEqual(SLOT_STARTS_MIN.map((m) => TUE + m * MINUTE))
  })
})

describe('eligible workers and slot capacity', () => {
  const worker = (id: string, p: Partial<WorkerDoc> = {}): WorkerDoc => ({
    _id: id,
    communityId: 'c',
    userId: `u-${id}`,
    name: id,
    phone: '',
    partner: false,
    skills: ['housekeeping'],
    hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 9 * 60, endMin: 18 * 60 },
    active: true,
    outstanding: false,
    outstandingNote: '',
    createdAt: 0,
    ...p
  })
  const workers = [
    worker('all-week'),
    worker('inactive', { active: false }),
    worker('plumber', { skills: ['plumbing'] }),
    worker('mornings', { hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 9 * 60, endMin: 13 * 60 } }),
    worker('weekend', { hours: { days: [0, 6], startMin: 9 * 60, endMin: 18 * 60 } })
  ]

  it('keeps active workers with the skill whose hours cover the slot', () => {
    expect(eligible(workers, 'housekeeping', TUE + 9 * HOUR).map((w) => w._id)).toEqual(['all-week', 'mornings'])
    expect(eligible(workers, 'housekeeping', TUE + 14 * HOUR).map((w) => w._id)).toEqual(['all-week'])
    expect(eligible(workers, 'plumbing', TUE + 14 * HOUR).map((w) => w._id)).toEqual(['plumber'])
    expect(eligible(workers, 'electric', TUE + 14 * HOUR)).toEqual([])
  })

  it('capacity is the line’s cap or the eligible workers, whichever is fewer', () => {
    const line = { slotCapacity: 3, category: 'housekeeping' as const }
    expect(slotCapacity(line, workers, TUE + 9 * HOUR)).toBe(2)
    expect(slotCapacity(line, workers, TUE + 14 * HOUR)).toBe(1)
    expect(slotCapacity({ ...line, slotCapacity: 1 }, workers, TUE + 9 * HOUR)).toBe(1)
    expect(slotCapacity({ ...line, category: 'electric' }, workers, TUE + 9 * HOUR)).toBe(0)
  })
})

describe('texts', () => {
  it('hoursText lists days Monday first, or 每天', () => {
    expect(hoursText({ days: [0, 1, 2, 3, 4, 5, 6], startMin: 9 * 60, endMin: 18 * 60 })).toBe('每天 09:00-18:00')
    expect(hoursText({ days: [5, 1, 3], startMin: 8 * 60 + 30, endMin: 17 * 60 + 5 })).toBe('周一三五 08:30-17:05')
    expect(hoursText({ days: [0, 6, 1], startMin: 0, endMin: 24 * 60 })).toBe('周一六日 00:00-24:00')
  })

  it('slotText is Shanghai wall-clock time, across the UTC day boundary', () => {
    expect(slotText(Date.parse('2026-01-06T01:00:00Z'))).toBe('1月6日 周二 09:00')
    expect(slotText(Date.parse('2026-01-05T15:59:00Z'))).toBe('1月5日 周一 23:59')
    expect(slotText(Date.parse('2026-01-05T16:00:00Z'))).toBe('1月6日 周二 00:00')
    expect(slotText(Date.parse('2026-12-31T16:00:00Z'))).toBe('1月1日 周五 00:00')
  })
})
