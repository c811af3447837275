/**
 * Membership points through the real request path and the real payment flow: a bill paid in the
 * sandbox earns points once (however often WeChat Pay notifies), a refund takes them back, a
 * failing listener never breaks a payment and the catch-up job makes good, points expire first
 * in first out, and the resident's card, history and checkout options read it all back.
 */
import type { MemberAccountDoc, PointEntryDoc } from '../../cloudfunctions/domain/member/docs'
import { memberPaymentListener } from '../../cloudfunctions/domain/member/payment-listener'
import { earnPoints, earnRatingPoints, spendPoints } from '../../cloudfunctions/domain/member/points'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { runMemberJob as runJob, val } from '../support/member'
import { COMMUNITY_A, DAY, OPERATOR, WANG, createPayment, confirm, newCrid, payBills, paymentDoc, reconcile, sandboxOf, unpaidIds } from '../support/pay'
import { codeOf, okData } from './support'

const ACCOUNT = `${COMMUNITY_A}:u-wang`

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  jest.restoreAllMocks()
  await h.close()
})

async function accountDoc(): Promise<MemberAccountDoc> {
  const a = await h.store.get<MemberAccountDoc>('memberAccounts', ACCOUNT)
  if (!a) throw new Error('no account')
  return a
}

async function counted(target = ACCOUNT): Promise<PointEntryDoc[]> {
  return (await findAll<PointEntryDoc>(h.store, 'pointEntries', { target })).filter((e) => e.state === 'applied' || e.state === 'closed')
}

/** The ledger invariant: the cached balance is the sum of the applied entries. */
async function expectLedgerBalanced(target = ACCOUNT): Promise<number> {
  const a = await h.store.get<MemberAccountDoc>('memberAccounts', target)
  const sum = (await counted(target)).reduce((n, e) => n + e.delta, 0)
  expect(a?.balance ?? 0).toBe(sum)
  return sum
}

const runMemberJob = (name: Parameters<typeof runJob>[1]) => runJob(h, name)

const card = () => h.call('member.card', {}, WANG, COMMUNITY_A).then(okData)

describe('points from a paid bill', () => {
  it('earn once per line, even when the payment notification arrives twice', async () => {
    const before = await card()
    const ids = (await unpaidIds(h)).slice(0, 2)
    const created = await createPayment(h, ids)
    expect(await confirm(h, created)).toBe(204)
    // WeChat Pay repeats the notification: the second delivery changes nothing.
    expect(await confirm(h, created)).toBe(204)
    await sandboxOf(h).flush()
    const paid = await paymentDoc(h, created.payment.id)
    expect(paid.status).toBe('paid')

    const expected = paid.lines.map((l) => Math.floor(l.amountFen / 100))
    for (const [i, l] of paid.lines.entries()) {
      const e = await h.store.get<PointEntryDoc>('pointEntries', `pay:${paid.outTradeNo}:${l.key}`)
      expect(e).toMatchObject({ kind: 'earn', delta: expected[i], spendFen: l.amountFen, state: 'applied', userId: 'u-wang' })
    }
    const after = await card()
    const gained = expected.reduce((a, b) => a + b, 0)
    expect(after.balance).toBe(before.balance + gained)
    expect(after.points12).toBe(before.points12 + gained)
    expect(after.spend12Fen).toBe(before.spend12Fen + paid.totalFen)
    await expectLedgerBalanced()

    // Replaying the listener itself (what the catch-up job does) is idempotent too.
    const entries = (await counted()).length
    await memberPaymentListener.onSettled(h.ports, paid)
    expect((await card()).balance).toBe(after.balance)
    expect(await counted()).toHaveLength(entries)
  })

  it('shows on the membership card, with the level reached and the gap to the next', async () => {
    const before = await card()
    expect(before.level.key).toBe('normal')
    expect(before.next).toMatchObject({ name: '银卡会员' })
    // Paying every outstanding bill of 1栋 101 (three months, late fees included) crosses 2000 points.
    await payBills(h, await unpaidIds(h))
    const after = await card()
    expect(after.level).toMatchObject({ key: 'silver', name: '银卡会员' })
    expect(after.next).toMatchObject({ name: '金卡会员' })
    expect(after.next!.progress).toBeGreaterThan(0)
    expect(after.next!.progress).toBeLessThan(1)
    expect((await accountDoc()).level).toBe('silver')
  })

  it('a partial refund takes back its share (rounded down); the full refund takes back the rest', async () => {
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 1))
    const line = paid.lines[0]!
    const earned = Math.floor(line.amountFen / 100)
    const start = (await card()).balance
    const third = Math.floor(line.amountFen / 3)
    okData(await h.call('pay.refund', { paymentId: paid._id, lines: [{ payableId: line.id, amountFen: third }], reason: '部分退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    const share = Math.floor((earned * third) / line.amountFen)
    expect((await card()).balance).toBe(start - share)
    const rest = line.amountFen - third
    okData(await h.call('pay.refund', { paymentId: paid._id, lines: [{ payableId: line.id, amountFen: rest }], reason: '全部退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    const after = await card()
    expect(after.balance).toBe(start - earned)
    const reversals = (await counted()).filter((e) => e.kind === 'reverse')
    expect(reversals.map((e) => e.delta).sort((a, b) => a - b)).toEqual([-(earned - share), -share].sort((a, b) => a - b))
    expect(reversals.reduce((n, e) => n + (e.spendFen ?? 0), 0)).toBe(-line.amountFen)
    await expectLedgerBalanced()
    // The refund notification arriving again reverses nothing more; the catch-up job neither.
    await runMemberJob('member-catch-up')
    expect((await card()).balance).toBe(after.balance)
    expect((await reconcile(h)).mismatches).toEqual([])
  })

  it('a refund claws back points already spent: the balance may go below zero, and nothing can be spent then', async () => {
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 1))
    const line = paid.lines[0]!
    const balance = (await card()).balance
    val(await spendPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:spend-all', points: balance, title: '全部抵扣', ref: 'test' }))
    okData(await h.call('pay.refund', { paymentId: paid._id, lines: [{ payableId: line.id, amountFen: line.amountFen }], reason: '退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    expect((await card()).balance).toBe(-Math.floor(line.amountFen / 100))
    const refused = await spendPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:spend-1', points: 1, title: 'x', ref: 'test' })
    expect(refused).toMatchObject({ ok: false, code: 'MEMBER.POINTS_INSUFFICIENT' })
    await expectLedgerBalanced()
  })
})

describe('a failing listener never breaks a payment', () => {
  it('the payment is paid and settled, the failure is logged, and the catch-up job earns the points once', async () => {
    jest.spyOn(memberPaymentListener, 'onSettled').mockRejectedValue(new Error('member store down'))
    const before = (await card()).balance
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 2))
    expect(paid.status).toBe('paid')
    expect(paid.settledAt).toBeDefined()
    expect(h.logs.some((l) => l.level === 'error' && l.msg === 'payment listener failed' && l.fields?.listener === 'member')).toBe(true)
    expect((await card()).balance).toBe(before)
    expect((await reconcile(h)).mismatches).toEqual([])

    jest.restoreAllMocks()
    const report = await runMemberJob('member-catch-up')
    expect(report.payments).toBe(1)
    const gained = paid.lines.reduce((n, l) => n + Math.floor(l.amountFen / 100), 0)
    expect((await card()).balance).toBe(before + gained)
    expect((await runMemberJob('member-catch-up')).payments).toBe(0)
    expect((await card()).balance).toBe(before + gained)
  })

  it('a refund whose listener failed is reversed by the catch-up job', async () => {
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 1))
    const line = paid.lines[0]!
    const balance = (await card()).balance
    jest.spyOn(memberPaymentListener, 'onRefundSucceeded').mockRejectedValue(new Error('boom'))
    okData(await h.call('pay.refund', { paymentId: paid._id, lines: [{ payableId: line.id, amountFen: line.amountFen }], reason: '退款', clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    await sandboxOf(h).flush()
    expect((await paymentDoc(h, paid._id)).refundReservedFen).toBe(line.amountFen)
    expect((await card()).balance).toBe(balance)
    jest.restoreAllMocks()
    expect((await runMemberJob('member-catch-up')).refunds).toBe(1)
    expect((await card()).balance).toBe(balance - Math.floor(line.amountFen / 100))
    await expectLedgerBalanced()
  })
})

describe('points history', () => {
  it('lists applied entries newest first, in pages, with the seed history', async () => {
    const seeded = await counted()
    for (let i = 0; i < 35; i++) {
      h.clock.advance(60_000)
      await earnPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: `test:earn:${i}`, points: 1, title: `签到 ${i}`, ref: 'test' })
    }
    const first = okData(await h.call('member.points', {}, WANG, COMMUNITY_A))
    expect(first.entries).toHaveLength(30)
    expect(first.entries[0]?.title).toBe('签到 34')
    expect(first.cursor).not.toBeNull()
    const second = okData(await h.call('member.points', { cursor: first.cursor! }, WANG, COMMUNITY_A))
    const all = [...first.entries, ...second.entries]
    expect(all).toHaveLength(35 + seeded.length)
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
    expect(second.cursor).toBeNull()
    expect(first.balance).toBe(await expectLedgerBalanced())
    expect(codeOf(await h.call('member.points', { cursor: 'nonsense' }, WANG, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
  })

  it('is per community: 钱多多 in 和谐家园 sees only his own', async () => {
    const res = okData(await h.call('member.points', {}, 'dev-u-b-resident', 'c-hexie'))
    expect(res).toEqual({ balance: 0, entries: [], cursor: null })
  })
})

describe('expiry', () => {
  it('expires what is left of ended months, oldest first, once per month', async () => {
    const a0 = await accountDoc()
    // Spend everything the seed left, so only the entries below are in play.
    val(await spendPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:drain', points: a0.balance, title: '清零', ref: 't' }))
    await earnPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:old', points: 100, title: '早的', ref: 't' })
    h.clock.advance(40 * DAY)
    await earnPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:new', points: 50, title: '晚的', ref: 't' })
    // Spending 30 uses the oldest points first.
    val(await spendPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', source: 'test:spend', points: 30, title: '抵扣', ref: 't' }))
    expect((await accountDoc()).balance).toBe(120)

    // The first earn expires at the end of its month 12 months on; the seed's older points were spent first.
    h.clock.advance(360 * DAY)
    const report = await runMemberJob('member-daily')
    expect(report.expiredPoints).toBe(70)
    expect((await accountDoc()).balance).toBe(50)
    expect((await runMemberJob('member-daily')).expiredPoints).toBe(0)
    // A month later the second earn's month has ended too.
    h.clock.advance(40 * DAY)
    expect((await runMemberJob('member-daily')).expiredPoints).toBe(50)
    const a = await accountDoc()
    expect(a.balance).toBe(0)
    expect(Object.keys(a.expiring).every((k) => k >= `e${new Date(h.clock.now() + 8 * 3600_000).toISOString().slice(0, 7).replace('-', '')}`)).toBe(true)
    await expectLedgerBalanced()
    expect((await card()).level.key).toBe('normal')
  })

  it('warns on the card about points that expire at the end of this month', async () => {
    const c = await card()
    expect(c.expiring).toBeNull()
    h.clock.advance(360 * DAY)
    const later = await card()
    expect(later.expiring?.points).toBeGreaterThan(0)
    expect(later.expiring!.points).toBeLessThanOrEqual(later.balance)
  })
})

describe('checkout options (the coupon picker)', () => {
  it('prices the level discount, each coupon against the basket, and the points cap', async () => {
    const items = [
      { amountFen: 10_000, category: 'housekeeping' },
      { amountFen: 4_000, category: 'fresh' }
    ]
    const res = okData(await h.call('member.checkoutOptions', { items }, WANG, COMMUNITY_A))
    expect(res.quote).toMatchObject({ subtotalFen: 14_000, levelDiscountFen: 0, couponDiscountFen: 0, pointsUsed: 0, payableFen: 14_000 })
    const clean = res.coupons.find((c) => c.coupon.title === '家政服务 88 折')
    // 12 % of the housekeeping line only.
    expect(clean).toMatchObject({ usable: true, discountFen: 1_200, reason: null })
    const picked = okData(await h.call('member.checkoutOptions', { items, couponId: clean!.coupon.id, usePoints: true }, WANG, COMMUNITY_A))
    const afterCoupon = 14_000 - 1_200
    const cap = Math.floor(afterCoupon * 0.2)
    expect(picked.quote).toMatchObject({ couponId: clean!.coupon.id, couponDiscountFen: 1_200, pointsDiscountFen: Math.min(cap, picked.points.balance) })
    expect(picked.quote.payableFen).toBe(afterCoupon - picked.quote.pointsDiscountFen)
    expect(picked.points.maxUsable).toBe(picked.quote.pointsUsed)
    // Coupons of other people, or unusable ones, are refused with a reason.
    const used = (await h.call('member.coupons', { status: 'used' }, WANG, COMMUNITY_A).then(okData)).coupons[0]!
    expect(codeOf(await h.call('member.checkoutOptions', { items, couponId: used.id }, WANG, COMMUNITY_A))).toBe('MEMBER.COUPON_UNUSABLE')
    expect(codeOf(await h.call('member.checkoutOptions', { items, couponId: clean!.coupon.id }, 'dev-u-li', COMMUNITY_A))).toBe('MEMBER.COUPON_NOT_FOUND')
  })
})

describe('service ratings', () => {
  it('earn the community’s rating points once per booking', async () => {
    const before = (await card()).balance
    const rate = () => earnRatingPoints(h.ports, { communityId: COMMUNITY_A, userId: 'u-wang', bookingId: 'bk-1', title: '评价 · 上门保洁' })
    expect((await rate()).status).toBe('earned')
    expect((await rate()).status).toBe('duplicate')
    expect((await card()).balance).toBe(before + 20)
  })
})

describe('rules', () => {
  it('an operator reads and changes them; later earnings follow the new rate', async () => {
    const rules = okData(await h.call('member.rules', {}, OPERATOR, COMMUNITY_A))
    okData(await h.call('member.saveRules', { rules: { ...rules, billPointsPerYuan: 3 } }, OPERATOR, COMMUNITY_A))
    const before = (await card()).balance
    const paid = await payBills(h, (await unpaidIds(h)).slice(0, 1))
    expect((await card()).balance).toBe(before + Math.floor((paid.totalFen * 3) / 100))
    const bad = await h.call('member.saveRules', { rules: { ...rules, levels: [...rules.levels].reverse() } }, OPERATOR, COMMUNITY_A)
    expect(codeOf(bad)).toBe('REQUEST.INVALID_INPUT')
  })
})
