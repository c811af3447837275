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
import { CLEAN, HOME2, RICE_B, VEG, buy } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

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
  const a = await h.store.get('memberAccounts', ACCOUNT)
  if (!a) throw new Error('no account')
  return a
}

async function counted(target = ACCOUNT): Promise<PointEntryDoc[]> {
  return (await findAll(h.store, 'pointEntries', { target })).filter((e) => e.state === 'applied' || e.state === 'closed')
}

/** The ledger invariant: the cached balance is the sum of the applied entries. */
async function expectLedgerBalanced(target = ACCOUNT): Promise<number> {
  const a = await h.store.get('memberAccounts', target)
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
      const e = await h.store.get('pointEntries', `pay:${paid.outTradeNo}:${l.key}`)
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
  /** 王建国's preview of a pre-sale line, sent as ids and intentions only. */
  const options = (purchase: { campaignId?: string; skuId?: string; quantity?: number }, ask: { couponId?: string | null; usePoints?: boolean } = {}, who = WANG) =>
    h.call('member.checkoutOptions', { purchase: { kind: 'presale' as const, campaignId: VEG, skuId: 's1', quantity: 1, ...purchase }, ...ask }, who, COMMUNITY_A)
  const claim = async (templateId: string) => okData(await h.call('member.claimCoupon', { templateId }, WANG, COMMUNITY_A)).coupon.id
  const fieldsOf = (res: unknown) => errorOf(res).fields?.map((f) => f.path) ?? []

  it('prices the line on the server: the level discount, each coupon against it, and the points cap', async () => {
    // 2 × 标准箱 at the campaign's ¥68: the server's price, whatever the client believes.
    const res = okData(await options({ quantity: 2 }))
    expect(res.quote).toMatchObject({ subtotalFen: 13_600, levelDiscountFen: 0, couponDiscountFen: 0, pointsUsed: 0, payableFen: 13_600 })
    // The housekeeping coupon does not cover vegetables; 生鲜满减 (满50减8) does.
    expect(res.coupons.find((c) => c.coupon.title === '家政服务 88 折')).toMatchObject({ usable: false, discountFen: 0, reason: '不适用于所选商品' })
    const fresh = await claim('ct-demo-fresh')
    const picked = okData(await options({ quantity: 2 }, { couponId: fresh, usePoints: true }))
    const afterCoupon = 13_600 - 800
    const cap = Math.floor(afterCoupon * 0.2)
    expect(picked.coupons.find((c) => c.coupon.id === fresh)).toMatchObject({ usable: true, discountFen: 800 })
    expect(picked.quote).toMatchObject({ couponId: fresh, couponDiscountFen: 800, pointsDiscountFen: Math.min(cap, picked.points.balance) })
    expect(picked.quote.payableFen).toBe(afterCoupon - picked.quote.pointsDiscountFen)
    expect(picked.points.maxUsable).toBe(picked.quote.pointsUsed)
    // Coupons of other people, or unusable ones, are refused with a reason.
    const used = (await h.call('member.coupons', { status: 'used' }, WANG, COMMUNITY_A).then(okData)).coupons[0]!
    expect(codeOf(await options({}, { couponId: used.id }))).toBe('MEMBER.COUPON_UNUSABLE')
    expect(codeOf(await options({}, { couponId: fresh }, 'dev-u-li'))).toBe('MEMBER.COUPON_NOT_FOUND')
  })

  it('takes no amount from the client: an amount, or the old basket of amounts, is refused by name and writes nothing', async () => {
    const before = await snapshot(h.store)
    const forged = await h.call('member.checkoutOptions', { purchase: { kind: 'presale', campaignId: VEG, skuId: 's1', quantity: 1, amountFen: 1 } } as never, WANG, COMMUNITY_A)
    expect(codeOf(forged)).toBe('REQUEST.INVALID_INPUT')
    expect(fieldsOf(forged)).toEqual(['purchase.amountFen'])
    const basket = await h.call('member.checkoutOptions', { items: [{ amountFen: 1, category: 'fresh' }] } as never, WANG, COMMUNITY_A)
    expect(codeOf(basket)).toBe('REQUEST.INVALID_INPUT')
    expect(fieldsOf(basket)).toEqual(expect.arrayContaining(['items', 'purchase']))
    // A kind no create prices is no purchase either; a booking of a line sent with its price is refused by name.
    const unknown = await h.call('member.checkoutOptions', { purchase: { kind: 'bill', billId: 'b1' } } as never, WANG, COMMUNITY_A)
    expect(codeOf(unknown)).toBe('REQUEST.INVALID_INPUT')
    const booking = await h.call('member.checkoutOptions', { purchase: { kind: 'booking', lineId: 'sl-a-clean', amountFen: 1 } } as never, WANG, COMMUNITY_A)
    expect(fieldsOf(booking)).toEqual(['purchase.amountFen'])
    // An unknown line is named as the field that is wrong.
    expect(fieldsOf(await h.call('member.checkoutOptions', { purchase: { kind: 'booking', lineId: 'sl-demo-clean' } }, WANG, COMMUNITY_A))).toEqual(['purchase.lineId'])
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses another community’s or an unknown campaign, SKU or quantity with field errors, writing nothing', async () => {
    const before = await snapshot(h.store)
    const foreign = await options({ campaignId: RICE_B })
    expect(codeOf(foreign)).toBe('ORDER.CAMPAIGN_NOT_FOUND')
    expect(fieldsOf(foreign)).toEqual(['purchase.campaignId'])
    expect(fieldsOf(await options({ campaignId: 'pc-nowhere' }))).toEqual(['purchase.campaignId'])
    const sku = await options({ skuId: 's9' })
    expect(codeOf(sku)).toBe('ORDER.SKU_NOT_FOUND')
    expect(fieldsOf(sku)).toEqual(['purchase.skuId'])
    const many = await options({ quantity: 3 })
    expect(codeOf(many)).toBe('ORDER.LIMIT_EXCEEDED')
    expect(fieldsOf(many)).toEqual(['purchase.quantity'])
    // Not on sale yet: refused as the create refuses it.
    expect(codeOf(await options({ campaignId: CLEAN }))).toBe('ORDER.CAMPAIGN_NOT_STARTED')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('the preview is what the order is created for, with the same coupon and points', async () => {
    // A level discount for everyone, so all three discounts are in play.
    const rules = okData(await h.call('member.rules', {}, OPERATOR, COMMUNITY_A))
    okData(await h.call('member.saveRules', { rules: { ...rules, levels: rules.levels.map((l) => ({ ...l, benefits: { ...l.benefits, discountBp: 500 } })) } }, OPERATOR, COMMUNITY_A))
    const couponId = await claim('ct-demo-fresh')
    const line = { skuId: 's2', quantity: 2 }
    const { quote } = okData(await options(line, { couponId, usePoints: true }))
    expect(quote.levelDiscountFen).toBeGreaterThan(0)
    expect(quote.couponDiscountFen).toBe(800)
    expect(quote.pointsUsed).toBeGreaterThan(0)
    const order = await buy(h, { ...line, couponId, usePoints: true })
    expect(order).toMatchObject({
      subtotalFen: quote.subtotalFen,
      discountFen: quote.subtotalFen - quote.payableFen,
      amountFen: quote.payableFen,
      couponId: quote.couponId,
      pointsUsed: quote.pointsUsed
    })
    // And without coupon or points: the level discount alone, the same both ways.
    const plain = okData(await options({ quantity: 1 })).quote
    const second = await buy(h, { householdId: HOME2, quantity: 1 })
    expect(second).toMatchObject({ subtotalFen: plain.subtotalFen, amountFen: plain.payableFen, couponId: null, pointsUsed: 0 })
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
