/**
 * 表扬信 through the real request path: a household thanks the worker of a done booking once,
 * links and phone numbers are refused, an operator approves or returns each letter once, and
 * only approved letters count on the worker's reputation and the butler's scoreboard.
 */
import { DAY, HOUR, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const A = COMMUNITY_A
const WANG = as('u-wang') // owner of h-a1-101, whose booking bk-demo-past-1 is done (马师傅)
const LI = as('u-li') // family of h-a1-101
const R2 = as('u-r2') // owner of h-a1-102
const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang') // butler of 1栋
const DONE = 'bk-demo-past-1'
const TEXT = '马师傅干活仔细，厨房擦得锃亮，还帮我们把垃圾带下楼，谢谢！'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
const rid = () => `praise-req-${++n}-xxxx`
const thank = (text = TEXT, who = WANG, bookingId = DONE, clientRequestId = rid()) => h.call('booking.thank', { bookingId, text, clientRequestId }, who, A)
const letters = () => findAll(h.store, 'praiseLetters')

describe('thank', () => {
  it('stores one pending letter per booking, for the worker and the butler of the grid', async () => {
    const { letter } = okData(await thank())
    expect(letter).toMatchObject({ bookingId: DONE, workerName: '马师傅', status: 'pending', statusLabel: '待审核', text: TEXT, householdLabel: expect.stringContaining('101') })
    const [doc] = await letters()
    expect(doc).toMatchObject({ _id: DONE, workerId: 'w-a-ma', householdId: 'h-a1-101', butlerUserId: 'u-butler-zhang', status: 'pending' })
    const { booking } = okData(await h.call('booking.get', { bookingId: DONE }, WANG, A))
    expect(booking.canThank).toBe(false)
  })

  it('a retry returns the same letter; a second letter from the household is refused', async () => {
    const req = rid()
    const first = okData(await thank(TEXT, WANG, DONE, req)).letter
    expect(okData(await thank(TEXT, WANG, DONE, req)).letter).toEqual(first)
    const again = errorOf(await thank('再表扬一次马师傅'))
    expect(again).toMatchObject({ code: 'BOOKING.ALREADY_THANKED', message: '已表扬过这次服务' })
    expect(codeOf(await thank('家里人也想表扬', LI))).toBe('BOOKING.ALREADY_THANKED')
    expect(await letters()).toHaveLength(1)
  })

  it('refuses a booking that is not done, and one of another household', async () => {
    const { booking: before } = okData(await h.call('booking.get', { bookingId: DONE }, WANG, A))
    expect(before.canThank).toBe(true)
    const t0 = h.clock.now()
    const booked = okData(
      await h.call('booking.book', { lineId: DEMO_LINES.clean, householdId: 'h-a1-101', slotStart: localMidnight(t0) + 2 * DAY + 9 * HOUR, payMode: 'after', clientRequestId: rid() }, WANG, A)
    ).booking
    expect(errorOf(await thank(TEXT, WANG, booked.id))).toMatchObject({ code: 'BOOKING.BAD_STATE', message: '服务完成后才能写表扬信' })
    expect(codeOf(await thank(TEXT, R2))).toBe('BOOKING.NOT_FOUND')
    expect(codeOf(await h.call('booking.thank', { bookingId: DONE, text: TEXT, clientRequestId: rid() }, as('u-b-resident'), COMMUNITY_B))).toBe('BOOKING.NOT_FOUND')
    expect(await letters()).toHaveLength(0)
    expect((await h.store.get('bookings', DONE))?.praised).toBeUndefined()
  })

  it('refuses links and phone numbers, and writes nothing', async () => {
    const before = await snapshot(h.store)
    for (const text of ['马师傅很好，详情见 https://example.com/a', '推荐马师傅 www.mashifu.cn', '马师傅电话 138 0013 8000 欢迎找他', '座机 021-6666-8888', '马师傅很棒ｗｅｉｘｉｎ：１３８００１３８０００']) {
      const e = errorOf(await thank(text))
      expect(e.code).toBe('REQUEST.INVALID_INPUT')
      expect(e.fields).toEqual([expect.objectContaining({ path: 'text', label: '表扬信', message: '表扬信中不能包含链接或电话' })])
    }
    expect(errorOf(await thank('好')).fields).toEqual([expect.objectContaining({ path: 'text', message: '表扬信至少 2 个字' })])
    expect(await snapshot(h.store)).toEqual(before)
    // Numbers of a few digits are fine: a price, a date, a floor.
    expect(okData(await thank('12月3日下午来的，2小时就弄好了，5星！')).letter.status).toBe('pending')
  })
})

describe('moderation', () => {
  it('approves once; the second decision says it was handled; only approved letters count', async () => {
    const { letter } = okData(await thank())
    const queue = okData(await h.call('booking.praiseQueue', {}, OPERATOR, A))
    expect(queue).toMatchObject({ pending: 1, letters: [expect.objectContaining({ id: letter.id, text: TEXT })] })

    const repBefore = okData(await h.call('booking.reputation', {}, OPERATOR, A)).workers.find((w) => w.worker.id === 'w-a-ma')
    expect(repBefore).toMatchObject({ praises: 0, recentPraise: null })
    const boardBefore = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, ZHANG, A)).rows.find((r) => r.butlerUserId === 'u-butler-zhang')
    expect(boardBefore?.praises).toBe(0)

    const approved = okData(await h.call('booking.moderatePraise', { id: letter.id, approve: true }, OPERATOR, A)).letter
    expect(approved).toMatchObject({ status: 'approved', statusLabel: '已展示', decidedAt: h.clock.now() })
    expect(errorOf(await h.call('booking.moderatePraise', { id: letter.id, approve: false, reason: '内容不当' }, OPERATOR, A))).toMatchObject({
      code: 'BOOKING.PRAISE_DECIDED',
      message: '该表扬信已处理'
    })
    expect((await letters())[0]?.status).toBe('approved')

    const rep = okData(await h.call('booking.reputation', {}, OPERATOR, A)).workers.find((w) => w.worker.id === 'w-a-ma')
    expect(rep).toMatchObject({ praises: 1, recentPraise: { text: TEXT, at: letter.at } })
    const board = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, ZHANG, A)).rows.find((r) => r.butlerUserId === 'u-butler-zhang')
    expect(board?.praises).toBe(1)
    expect(okData(await h.call('booking.praiseQueue', { status: 'approved' }, OPERATOR, A)).letters.map((l) => l.id)).toEqual([letter.id])
  })

  it('a returned letter needs a reason and never counts; other communities cannot see or decide it', async () => {
    const { letter } = okData(await thank())
    expect(errorOf(await h.call('booking.moderatePraise', { id: letter.id, approve: false }, OPERATOR, A)).fields).toEqual([
      expect.objectContaining({ path: 'reason', message: '退回时请填写原因' })
    ])
    expect(codeOf(await h.call('booking.moderatePraise', { id: letter.id, approve: true }, OPERATOR, COMMUNITY_B))).toBe('BOOKING.PRAISE_NOT_FOUND')
    expect(okData(await h.call('booking.praiseQueue', {}, OPERATOR, COMMUNITY_B)).letters).toEqual([])
    const rejected = okData(await h.call('booking.moderatePraise', { id: letter.id, approve: false, reason: '内容与服务无关' }, OPERATOR, A)).letter
    expect(rejected).toMatchObject({ status: 'rejected', reason: '内容与服务无关' })
    expect(codeOf(await h.call('booking.moderatePraise', { id: letter.id, approve: true }, OPERATOR, A))).toBe('BOOKING.PRAISE_DECIDED')
    const rep = okData(await h.call('booking.reputation', {}, OPERATOR, A)).workers.find((w) => w.worker.id === 'w-a-ma')
    expect(rep?.praises).toBe(0)
  })
})
