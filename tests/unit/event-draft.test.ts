/**
 * The event editor's draft (src/utils/event-draft.ts): a new event starts at a time
 * people would choose, and numbers are checked on the page so nothing reaches the function as NaN.
 * Also the links the event pages build, which carry the community so they open from cold.
 */
import { EventDraftSchema } from '../../cloudfunctions/contracts/event'
import { blankDraft, defaultTimes, toDraft } from '../../src/utils/event-draft'
import { eventLink } from '../../src/packages/event/links'

const HOUR = 3600_000
/** Epoch ms of a Shanghai wall-clock time. */
const sh = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)

describe('a new event’s default time', () => {
  it('is the coming Saturday 09:00-11:00 in Shanghai, sign-up closing Friday 18:00', () => {
    // Wednesday 2026-12-02 10:00.
    const t = defaultTimes(sh(2026, 12, 2, 10))
    expect(t.startAt).toBe(sh(2026, 12, 5, 9))
    expect(t.endAt).toBe(sh(2026, 12, 5, 11))
    expect(t.closesAt).toBe(sh(2026, 12, 4, 18))
    expect(t.opensAt).toBe(sh(2026, 12, 2, 10))
  })

  it('moves to the next week when the sign-up would close within a day', () => {
    // Thursday 20:00: Friday 18:00 is 22 hours away.
    expect(defaultTimes(sh(2026, 12, 3, 20)).startAt).toBe(sh(2026, 12, 12, 9))
    // Saturday morning itself, and Sunday 23:30 (still Sunday in Shanghai, Sunday 15:30 UTC).
    expect(defaultTimes(sh(2026, 12, 5, 8)).startAt).toBe(sh(2026, 12, 12, 9))
    expect(defaultTimes(sh(2026, 12, 6, 23, 30)).startAt).toBe(sh(2026, 12, 12, 9))
  })

  it('never starts at midnight, and the blank draft passes the contract as it is', () => {
    const now = sh(2026, 12, 2, 0, 5)
    const d = blankDraft(now)
    expect(new Date(d.startAt + 8 * HOUR).getUTCHours()).toBe(9)
    d.title = '上门保洁服务体验会'
    const { draft, problems } = toDraft(d)
    expect(problems).toEqual({})
    expect(EventDraftSchema.safeParse(draft).success).toBe(true)
  })
})

describe('numbers in the editor', () => {
  it('names a number that is not one under its field and sends none as NaN', () => {
    const d = { ...blankDraft(sh(2026, 12, 2, 10)), title: '讲座', capacity: '二十', cancelHours: '' }
    d.attendance = { type: 'coupon', amount: 'abc', title: '保洁券' }
    d.feedback = { type: 'points', amount: '1.5', title: '' }
    const { draft, problems } = toDraft(d)
    expect(Object.keys(problems).sort()).toEqual(['cancelHoursBefore', 'capacity', 'rewards.attendance.valueFen', 'rewards.feedback.points'])
    const numbers = draft as { capacity: number; cancelHoursBefore: number }
    expect(Number.isNaN(numbers.capacity)).toBe(false)
    expect(Number.isNaN(numbers.cancelHoursBefore)).toBe(false)
  })

  it('takes yuan for a coupon and whole numbers elsewhere', () => {
    const d = { ...blankDraft(sh(2026, 12, 2, 10)), title: '讲座', capacity: '30', cancelHours: '0' }
    d.attendance = { type: 'coupon', amount: '9.9', title: '保洁券' }
    d.feedback = { type: 'card', amount: '2', title: '空调清洗卡' }
    const { draft, problems } = toDraft(d)
    expect(problems).toEqual({})
    const parsed = EventDraftSchema.parse(draft)
    expect(parsed.capacity).toBe(30)
    expect(parsed.rewards.attendance).toEqual({ type: 'coupon', title: '保洁券', valueFen: 990 })
    expect(parsed.rewards.feedback).toEqual({ type: 'card', title: '空调清洗卡', uses: 2 })
  })
})

describe('event links', () => {
  it('carry the ids and the community, encoded; empty values are left out', () => {
    expect(eventLink('ticket', 'c-linyuan', { id: 'ev-1:h-a1-101:1' })).toBe('/packages/event/pages/ticket/index?id=ev-1%3Ah-a1-101%3A1&communityId=c-linyuan')
    expect(eventLink('list', undefined)).toBe('/packages/event/pages/list/index')
    expect(eventLink('detail', 'c-linyuan', { id: 'ev-1', inv: undefined })).toBe('/packages/event/pages/detail/index?id=ev-1&communityId=c-linyuan')
  })
})
