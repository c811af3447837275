/**
 * Booking checkout through the membership path pre-sale orders use (member/checkout.ts): the
 * server prices a booking from ids (level discount, coupon, points), the preview agrees with the
 * create, coupon and points are held once for the booking and come back when it is cancelled,
 * expires or is refunded. Also the payment module's answers about a booking: the pay result names
 * it, and the fee history leaves it out.
 */
import { DAY, HOUR, localMidnight } from '../../cloudfunctions/domain/booking/slots'
import type { CouponDoc } from '../../cloudfunctions/domain/member/docs'
import { monthKey } from '../../cloudfunctions/domain/member/rules'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { DEMO_LINES } from '../../scripts/seed/booking'
import { type Harness, as, makeHarness } from '../support/harness'
import { COMMUNITY_A as A, HOME, OPERATOR, WANG, confirm, payBills, sandboxOf, unpaidIds } from '../support/pay'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
let t0 = 0
beforeEach(async () => {
  h = await makeHarness()
  t0 = h.clock.now()
  // 王建国 spent ¥2,000 this month: 银卡会员, 9.8折 (discountBp 200).
  expect(await h.store.update('memberAccounts', `${A}:u-wang`, { inc: { [`spend.${monthKey(t0)}`]: 200_000 } })).toBe(true)
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

/** The seeded 家政服务 88 折 coupon (12 % off housekeeping, at most ¥30) of 王建国. */
const CLEAN_COUPON = 'bseeddemo0000001:u-wang'
/** 日常保洁 costs ¥120. 9.8折: −¥2.40. 88折 of the ¥117.60 left: −¥14.11 (floor of 1411.2 fen). */
const SUBTOTAL = 12_000
const LEVEL_OFF = 240
const COUPON_OFF = 1411
const AFTER_COUPON = SUBTOTAL - LEVEL_OFF - COUPON_OFF // 10349
/** His points (862 + 431 + 50 − 300 + 199 = 1242, 100 a yuan): all of them fit under 20 % of ¥103.49. */
const POINTS = 1242

let rid = 0
const req = () => `checkout-req-${++rid}-xxxx`
const slot = (days: number, hour: number) => localMidnight(t0) + days * DAY + hour * HOUR

function book(input: { payMode?: 'upfront' | 'after'; couponId?: string | null; usePoints?: boolean; slotStart?: number; clientRequestId?: string; householdId?: string }, who = WANG) {
  return h.call(
    'booking.book',
    {
      lineId: DEMO_LINES.clean,
      householdId: input.householdId ?? HOME,
      slotStart: input.slotStart ?? slot(1, 9),
      payMode: input.payMode ?? 'upfront',
      couponId: input.couponId ?? null,
      usePoints: input.usePoints ?? false,
      clientRequestId: input.clientRequestId ?? req()
    },
    who,
    A
  )
}

const coupon = async () => (await h.store.get('coupons', CLEAN_COUPON))!
const balance = async () => (await h.store.get('memberAccounts', `${A}:u-wang`))?.balance ?? 0
const bookingDoc = async (id: string) => (await h.store.get('bookings', id))!

async function payBooking(bookingId: string) {
  const created = okData(await h.call('pay.create', { payables: [{ type: 'booking', id: bookingId }], clientRequestId: req() }, WANG, A))
  expect(await confirm(h, created)).toBe(204)
  await sandboxOf(h).flush()
  return created.payment
}

describe('priced from ids like a pre-sale order', () => {
  it('the preview and the booking apply the level discount and the coupon; the payment is for the discounted amount', async () => {
    expect(await balance()).toBe(POINTS)
    const preview = okData(await h.call('member.checkoutOptions', { purchase: { kind: 'booking', lineId: DEMO_LINES.clean }, couponId: CLEAN_COUPON }, WANG, A))
    expect(preview.quote).toMatchObject({ subtotalFen: SUBTOTAL, levelName: '银卡会员', levelDiscountFen: LEVEL_OFF, couponDiscountFen: COUPON_OFF, pointsUsed: 0, payableFen: AFTER_COUPON })
    expect(preview.coupons.find((c) => c.coupon.id === CLEAN_COUPON)).toMatchObject({ usable: true, discountFen: COUPON_OFF })

    const { booking } = okData(await book({ couponId: CLEAN_COUPON }))
    expect(booking).toMatchObject({ status: 'held', priceFen: AFTER_COUPON, pricing: { subtotalFen: SUBTOTAL, levelName: '银卡会员', levelDiscountFen: LEVEL_OFF, couponDiscountFen: COUPON_OFF, discountFen: LEVEL_OFF + COUPON_OFF } })
    expect(await coupon()).toMatchObject({ status: 'locked', holder: booking.id })

    const payment = await payBooking(booking.id)
    expect(payment.totalFen).toBe(AFTER_COUPON)
    expect(await bookingDoc(booking.id)).toMatchObject({ status: 'confirmed', payState: 'paid', paymentId: payment.id, discountHeld: true })
    expect(await coupon()).toMatchObject({ status: 'used', holder: booking.id })
    // The same coupon cannot pay for a second booking.
    expect(codeOf(await book({ couponId: CLEAN_COUPON, slotStart: slot(2, 9) }))).toBe('MEMBER.COUPON_UNUSABLE')
  })

  it('points pay part of it, at most what the cap and the balance allow; the preview says the same', async () => {
    const preview = okData(await h.call('member.checkoutOptions', { purchase: { kind: 'booking', lineId: DEMO_LINES.clean }, couponId: CLEAN_COUPON, usePoints: true }, WANG, A))
    expect(preview.quote).toMatchObject({ pointsUsed: POINTS, pointsDiscountFen: POINTS, payableFen: AFTER_COUPON - POINTS })
    const { booking } = okData(await book({ couponId: CLEAN_COUPON, usePoints: true }))
    expect(booking).toMatchObject({ priceFen: AFTER_COUPON - POINTS, pricing: { pointsUsed: POINTS, pointsDiscountFen: POINTS, discountFen: LEVEL_OFF + COUPON_OFF + POINTS } })
    expect(await balance()).toBe(0)
    expect((await payBooking(booking.id)).totalFen).toBe(9107)
  })

  it('paying after the service takes the level discount only; a coupon or points with it is refused and writes nothing', async () => {
    const before = await snapshot(h.store)
    const refused = errorOf(await book({ payMode: 'after', couponId: CLEAN_COUPON }))
    expect(refused.code).toBe('BOOKING.DISCOUNT_NOT_APPLICABLE')
    expect(refused.fields?.map((f) => f.path)).toEqual(['couponId'])
    expect(errorOf(await book({ payMode: 'after', usePoints: true })).fields?.map((f) => f.path)).toEqual(['usePoints'])
    expect(await snapshot(h.store)).toEqual(before)
    const { booking } = okData(await book({ payMode: 'after' }))
    expect(booking).toMatchObject({ status: 'confirmed', payState: 'due', priceFen: SUBTOTAL - LEVEL_OFF, pricing: { levelDiscountFen: LEVEL_OFF, couponDiscountFen: 0, pointsUsed: 0 } })
  })

  it('a coupon that is not usable or not the buyer’s is refused before anything is written', async () => {
    const before = await snapshot(h.store)
    const err = errorOf(await book({ couponId: 'vseed-neighbour-u-r1' }))
    expect(err.code).toBe('MEMBER.COUPON_NOT_FOUND')
    expect(err.fields?.map((f) => f.path)).toEqual(['couponId'])
    expect(codeOf(await book({ couponId: 'vseed-expired-0001' }))).toBe('MEMBER.COUPON_UNUSABLE')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('held once, given back', () => {
  it('a double tap (the same request twice at once) makes one booking, locks the coupon once and spends the points once', async () => {
    const crid = req()
    const [a, b] = await Promise.all([book({ couponId: CLEAN_COUPON, usePoints: true, clientRequestId: crid }), book({ couponId: CLEAN_COUPON, usePoints: true, clientRequestId: crid })])
    expect(okData(a).booking.id).toBe(okData(b).booking.id)
    const id = okData(a).booking.id
    expect(await coupon()).toMatchObject({ status: 'locked', holder: id })
    expect(await balance()).toBe(0)
    expect(await findAll(h.store, 'pointEntries', { ref: id })).toHaveLength(1)
    expect((await findAll(h.store, 'bookings', { userId: 'u-wang', slotStart: slot(1, 9) })).map((x) => x._id)).toEqual([id])
    expect(await findAll(h.store, 'slotClaims', { slotStart: slot(1, 9) })).toHaveLength(1)
  })

  it('two bookings racing for one coupon: one holds it, the other is refused and holds nothing (no booking, worker or slot)', async () => {
    const [a, b] = await Promise.all([book({ couponId: CLEAN_COUPON }), book({ couponId: CLEAN_COUPON, householdId: 'h-a2-302' })])
    const results = [a, b]
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(['MEMBER.COUPON_UNUSABLE'])
    const winner = okData(results.find((r) => r.ok)!).booking
    expect(await coupon()).toMatchObject({ status: 'locked', holder: winner.id })
    expect((await findAll(h.store, 'bookings', { userId: 'u-wang', slotStart: slot(1, 9) })).map((x) => x._id)).toEqual([winner.id])
    expect((await findAll(h.store, 'slotClaims', { slotStart: slot(1, 9) })).map((c) => c.bookingId)).toEqual([winner.id])
    expect((await h.store.get('slotCounters', `${DEMO_LINES.clean}:${slot(1, 9)}`))?.booked).toBe(1)
  })

  it('cancelled before paying: the coupon and the points come back at once', async () => {
    const { booking } = okData(await book({ couponId: CLEAN_COUPON, usePoints: true }))
    expect(await balance()).toBe(0)
    expect(okData(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A)).booking.status).toBe('cancelled')
    expect(await coupon()).toMatchObject({ status: 'available' })
    expect((await coupon()).holder).toBeUndefined()
    expect(await balance()).toBe(POINTS)
  })

  it('an unpaid hold that expires gives them back too', async () => {
    const { booking } = okData(await book({ couponId: CLEAN_COUPON, usePoints: true }))
    h.clock.advance(21 * 60_000)
    await h.raw('booking', { Type: 'Timer', TriggerName: 'booking-expire' }, null)
    expect(await bookingDoc(booking.id)).toMatchObject({ status: 'expired' })
    expect(await coupon()).toMatchObject({ status: 'available' })
    expect(await balance()).toBe(POINTS)
  })

  it('cancelled after paying: the money is refunded, then the coupon and the points come back (the points earned are taken back)', async () => {
    const { booking } = okData(await book({ couponId: CLEAN_COUPON, usePoints: true }))
    await payBooking(booking.id)
    expect(await coupon()).toMatchObject({ status: 'used' })
    okData(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A))
    await sandboxOf(h).flush()
    expect(await bookingDoc(booking.id)).toMatchObject({ status: 'cancelled', payState: 'refunded', refundedFen: 9107 })
    expect(await coupon()).toMatchObject({ status: 'available' })
    expect(await balance()).toBe(POINTS)
  })

  it('an operator’s full refund of a confirmed booking returns the coupon and the points as well', async () => {
    const { booking } = okData(await book({ couponId: CLEAN_COUPON, usePoints: true }))
    const payment = await payBooking(booking.id)
    okData(await h.call('pay.refund', { paymentId: payment.id, lines: [{ payableId: booking.id, amountFen: 9107 }], reason: '服务取消', clientRequestId: req() }, OPERATOR, A))
    await sandboxOf(h).flush()
    expect(await bookingDoc(booking.id)).toMatchObject({ payState: 'refunded', refundedFen: 9107 })
    expect(await coupon()).toMatchObject({ status: 'available' })
    expect(await balance()).toBe(POINTS)
  })

  it('a coupon that covers the whole price: confirmed and paid as placed, no payment; cancelling gives the coupon back', async () => {
    const big: CouponDoc = { ...(await coupon()), _id: 'vtest-big', kind: 'fixed', valueFen: 20_000, percentOff: 0, capFen: 0, status: 'available', scope: { type: 'all', value: '', label: '' } }
    expect((await h.store.insert('coupons', big)).ok).toBe(true)
    const { booking } = okData(await book({ couponId: big._id }))
    expect(booking).toMatchObject({ status: 'confirmed', payState: 'paid', priceFen: 0, canPay: false })
    expect(await h.store.get('coupons', big._id)).toMatchObject({ status: 'used', holder: booking.id })
    okData(await h.call('booking.cancel', { bookingId: booking.id }, WANG, A))
    expect(await bookingDoc(booking.id)).toMatchObject({ status: 'cancelled', payState: 'refunded' })
    expect(await h.store.get('coupons', big._id)).toMatchObject({ status: 'available' })
  })
})

describe('what the payment module says about a booking', () => {
  it('the pay result names the booking and its id; the fee history lists property fees only', async () => {
    const { booking } = okData(await book({}))
    const payment = await payBooking(booking.id)
    expect(okData(await h.call('pay.get', { paymentId: payment.id }, WANG, A)).paidFor).toEqual({ type: 'booking', label: '上门服务', id: booking.id })

    const fee = await payBills(h, (await unpaidIds(h)).slice(0, 1))
    expect(okData(await h.call('pay.get', { paymentId: fee._id }, WANG, A)).paidFor).toMatchObject({ type: 'bill', label: '物业费' })
    const history = okData(await h.call('pay.history', { householdId: HOME }, as('u-li'), A)).payments
    expect(history.map((p) => p.id)).toEqual([fee._id])
  })
})
