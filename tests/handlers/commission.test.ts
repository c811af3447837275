/**
 * Commission (佣金) through the real request path, with the plan's hand-computed cases: an
 * attributed order accrues by the rule's touch when WeChat Pay reports it paid; each refund takes
 * back its own share (floored), a full refund's remainder is taken at statement build; a refund
 * after a paid statement becomes next month's deduction and carries forward; repeats write nothing
 * twice; bad input writes nothing.
 */
import { shanghaiInstant } from '../../cloudfunctions/contracts/shanghai'
import type { CampaignDoc, OrderDoc } from '../../cloudfunctions/domain/order/docs'
import type { PaymentDoc } from '../../cloudfunctions/domain/payment/docs'
import { commissionPaymentListener } from '../../cloudfunctions/domain/selling/commission-listener'
import type { CommissionStatementDoc } from '../../cloudfunctions/domain/selling/docs'
import type { JobReport } from '../../cloudfunctions/kernel/module'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { newCrid as payCrid, sandboxOf } from '../support/pay'
import { BUTLER_EAST, BUTLER_WEST, COMMUNITY_A, OPERATOR, VEG, WANG, buy, campaignDoc, orderDoc, pay } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  // Clocks in January 2026 (Shanghai); the vegetable box stays on sale for months, any quantity.
  h.clock.t = shanghaiInstant(2026, 1, 6, 10)
  expect(await h.store.update('campaigns', VEG, { set: { startAt: shanghaiInstant(2026, 1, 1), endAt: shanghaiInstant(2026, 6, 1), householdLimit: 50 } })).toBe(true)
  // Each case sets its own rules: the demo's 8% rule on the box is taken away.
  expect(await h.store.remove('commissionRules', `${COMMUNITY_A}:campaign:${VEG}`)).toBe(true)
})
afterEach(async () => {
  await h.close()
})

const JAN = '2026-01'
const FEB = '2026-02'
const MAR = '2026-03'

async function setPrice(fen: number) {
  const c: CampaignDoc = await campaignDoc(h, VEG)
  if (c.skus.find((s) => s.skuId === 's1')?.priceFen === fen) return
  expect(await h.store.update('campaigns', VEG, { set: { skus: c.skus.map((s) => (s.skuId === 's1' ? { ...s, priceFen: fen } : s)) } })).toBe(true)
}

async function rule(over: { mode?: 'percent' | 'fixed'; percent?: number; fixedFen?: number; touch?: 'first' | 'last'; scope?: 'campaign' | 'line'; refId?: string } = {}) {
  const mode = over.mode ?? 'percent'
  return okData(
    await h.call(
      'selling.saveRule',
      {
        scope: over.scope ?? 'campaign',
        refId: over.refId ?? VEG,
        mode,
        ...(mode === 'percent' ? { percent: over.percent ?? 8 } : { fixedFen: over.fixedFen ?? 300 }),
        touch: over.touch ?? 'last'
      },
      OPERATOR,
      COMMUNITY_A
    )
  )
}

/** 王 opens a butler's card (a caller from `as()`) for the vegetable box. */
async function visit(butler: string) {
  const { token } = okData(await h.call('order.share', { campaignId: VEG }, butler, COMMUNITY_A))
  okData(await h.call('order.recordVisit', { token }, WANG))
}

/** 王 buys one box at `fen` and pays through the sandbox cashier. */
async function buyPaid(fen: number): Promise<{ order: OrderDoc; payment: PaymentDoc }> {
  await setPrice(fen)
  const v = await buy(h, { campaignId: VEG, skuId: 's1', quantity: 1 })
  await pay(h, v.id)
  const order = await orderDoc(h, v.id)
  expect(order.paidFen).toBe(fen)
  const doc = order.paymentId ? await h.store.get('payments', order.paymentId) : null
  if (!doc) throw new Error('no payment')
  return { order, payment: doc }
}

async function refund(o: { order: OrderDoc; payment: PaymentDoc }, amountFen: number) {
  okData(
    await h.call(
      'pay.refund',
      { paymentId: o.payment._id, lines: [{ payableId: o.order._id, amountFen }], reason: '业主退货，部分退款', clientRequestId: payCrid() },
      OPERATOR,
      COMMUNITY_A
    )
  )
  await sandboxOf(h).flush()
}

const entries = (where: Record<string, string | null> = {}) => findAll(h.store, 'commissionEntries', where)
const amounts = async (orderId: string) => (await entries({ orderId })).sort((a, b) => a.at - b.at || a._id.localeCompare(b._id)).map((e) => [e.kind, e.amountFen])

async function build(month: string) {
  return okData(await h.call('selling.buildStatements', { month }, OPERATOR, COMMUNITY_A))
}
async function statementOf(butler: string, month: string): Promise<CommissionStatementDoc | null> {
  return h.store.get('commissionStatements', `${COMMUNITY_A}:${butler}:${month}`)
}

async function runJob(name: 'commission-catch-up' | 'commission-statements'): Promise<JobReport> {
  const res = (await h.raw('selling', { Type: 'Timer', TriggerName: name }, null)) as { ok: boolean; report?: JobReport; error?: string }
  if (!res.ok || !res.report) throw new Error(`job selling/${name} failed: ${JSON.stringify(res)}`)
  return res.report
}

describe('case 1: an attributed order', () => {
  it('8% last touch, paid 5,990 → +479; the month’s statement is 479, pending approval; 张 sees it, 刘 does not', async () => {
    await rule({ percent: 8, touch: 'last' })
    await visit(BUTLER_EAST)
    const o = await buyPaid(5990)
    expect(o.order).toMatchObject({ inviterUserId: 'u-butler-zhang', firstInviterUserId: 'u-butler-zhang' })
    const [acc] = await entries({ orderId: o.order._id })
    expect(acc).toMatchObject({ _id: `acc:${o.payment.outTradeNo}:${o.order._id}`, kind: 'acc', butlerUserId: 'u-butler-zhang', baseFen: 5990, amountFen: 479, touch: 'last', statementId: null })
    expect(acc?.ruleSnapshot).toMatchObject({ mode: 'percent', bp: 800, touch: 'last' })

    expect(await build(JAN)).toEqual({ month: JAN, statements: 1, entries: 1 })
    const s = await statementOf('u-butler-zhang', JAN)
    expect(s).toMatchObject({ status: 'pending_approval', totalFen: 479, payableFen: 479, carryOutFen: 0, payoutAttempt: 0, outBillNo: null })

    // The demo holds 张's statements of the two months before, newest first after this one.
    const mine = okData(await h.call('selling.myStatements', {}, BUTLER_EAST, COMMUNITY_A))
    expect(mine.items.map((r) => [r.month, r.status])).toEqual([
      [JAN, 'pending_approval'],
      ['2025-12', 'pending_approval'],
      ['2025-11', 'paid']
    ])
    expect(mine.items.slice(0, 1)).toEqual([expect.objectContaining({ id: s!._id, month: JAN, status: 'pending_approval', payableFen: 479, butlerName: '张管家' })])
    const view = okData(await h.call('selling.statement', { id: s!._id }, BUTLER_EAST, COMMUNITY_A))
    expect(view.lines).toEqual([expect.objectContaining({ kind: 'acc', campaignTitle: '有机蔬菜箱 · 本周预售', householdLabel: '1栋 1**', touch: 'last', baseFen: 5990, amountFen: 479 })])
    expect(codeOf(await h.call('selling.statement', { id: s!._id }, BUTLER_WEST, COMMUNITY_A))).toBe('SELLING.STATEMENT_NOT_FOUND')
    expect(okData(await h.call('selling.statement', { id: s!._id }, OPERATOR, COMMUNITY_A)).butlerName).toBe('张管家')
    expect(okData(await h.call('selling.statements', { month: JAN }, OPERATOR, COMMUNITY_A)).items.map((r) => r.totalFen)).toEqual([479])
    // Building again finishes nothing twice.
    expect(await build(JAN)).toEqual({ month: JAN, statements: 0, entries: 0 })
    expect((await statementOf('u-butler-zhang', JAN))?.totalFen).toBe(479)
  })
})

describe('case 2: partial refunds', () => {
  it('8% of 9,990 → 799; three refunds of 3,330 → −266 each; fully refunded, the build adds −1: net 0', async () => {
    await rule({ percent: 8 })
    await visit(BUTLER_EAST)
    const o = await buyPaid(9990)
    await refund(o, 3330)
    expect(await amounts(o.order._id)).toEqual([
      ['acc', 799],
      ['rev', -266]
    ])
    await refund(o, 3330)
    await refund(o, 3330)
    expect((await orderDoc(h, o.order._id)).refundedFen).toBe(9990)
    expect((await amounts(o.order._id)).map(([, a]) => a)).toEqual([799, -266, -266, -266])
    await build(JAN)
    expect((await amounts(o.order._id)).map(([k, a]) => `${k}${a}`).sort()).toEqual(['acc799', 'rest-1', 'rev-266', 'rev-266', 'rev-266'])
    // Net 0 is below ¥1: nothing to pay, nothing to carry.
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ status: 'carried', totalFen: 0, payableFen: 0, carryOutFen: 0, entries: 5 })
  })

  it('a statement built while the last refund’s reversal is still missing takes no remainder; the late reversal and the remainder land next month: net 0', async () => {
    await rule({ percent: 8 })
    await visit(BUTLER_EAST)
    const o = await buyPaid(9990)
    await refund(o, 3330)
    await refund(o, 3330)
    // The third refund succeeds, but the commission listener fails on it (the catch-up repairs it later).
    jest.spyOn(commissionPaymentListener, 'onRefundSucceeded').mockRejectedValueOnce(new Error('store unreachable'))
    await refund(o, 3330)
    expect((await orderDoc(h, o.order._id)).refundedFen).toBe(9990)
    await build(JAN)
    expect((await amounts(o.order._id)).map(([k, a]) => `${k}${a}`).sort()).toEqual(['acc799', 'rev-266', 'rev-266'])
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ totalFen: 267 })
    await runJob('commission-catch-up')
    h.clock.t = shanghaiInstant(2026, 2, 1, 9)
    await build(FEB)
    expect((await amounts(o.order._id)).map(([k, a]) => `${k}${a}`).sort()).toEqual(['acc799', 'rest-1', 'rev-266', 'rev-266', 'rev-266'])
    expect(await statementOf('u-butler-zhang', FEB)).toMatchObject({ totalFen: -267 })
    jest.restoreAllMocks()
  })

  it('fixed ¥3 on 2,500, refund 1,000 → −120: net 180', async () => {
    await rule({ mode: 'fixed', fixedFen: 300 })
    await visit(BUTLER_EAST)
    const o = await buyPaid(2500)
    await refund(o, 1000)
    expect(await amounts(o.order._id)).toEqual([
      ['acc', 300],
      ['rev', -120]
    ])
    await build(JAN)
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ status: 'pending_approval', totalFen: 180, payableFen: 180 })
  })
})

describe('case 3: a full refund after the statement was paid', () => {
  it('Jan 20,000 → 1,600 paid; Feb full refund −1,600 and a 5,000 order +400 → −1,200 carried; Mar 25,000 → 2,000 + carry → 800', async () => {
    await rule({ percent: 8 })
    await visit(BUTLER_EAST)
    const big = await buyPaid(20000)
    await build(JAN)
    const jan = await statementOf('u-butler-zhang', JAN)
    expect(jan).toMatchObject({ status: 'pending_approval', payableFen: 1600 })
    // Payout is another part's: the statement is marked approved and paid directly.
    expect(await h.store.update('commissionStatements', jan!._id, { set: { status: 'paid', approvedBy: 'u-operator-wu', approvedAt: h.clock.now(), paidAt: h.clock.now() } })).toBe(true)

    h.clock.t = shanghaiInstant(2026, 2, 3, 10)
    await refund(big, 20000)
    await buyPaid(5000)
    await build(FEB)
    expect(await statementOf('u-butler-zhang', FEB)).toMatchObject({ status: 'carried', totalFen: -1200, payableFen: 0, carryOutFen: -1200, entries: 2 })
    expect((await statementOf('u-butler-zhang', JAN))?.status).toBe('paid')

    h.clock.t = shanghaiInstant(2026, 3, 10, 10)
    await buyPaid(25000)
    await build(MAR)
    expect(await statementOf('u-butler-zhang', MAR)).toMatchObject({ status: 'pending_approval', totalFen: 800, payableFen: 800, carryInFen: -1200, carryOutFen: 0 })
    const lines = okData(await h.call('selling.statement', { id: `${COMMUNITY_A}:u-butler-zhang:${MAR}` }, BUTLER_EAST, COMMUNITY_A)).lines
    expect(lines.map((l) => [l.kind, l.amountFen]).sort()).toEqual([
      ['acc', 2000],
      ['carry', -1200]
    ])
    // The carry is taken once: building again, or next month, takes nothing more.
    await build(MAR)
    expect(await entries({ kind: 'carry' })).toHaveLength(1)
  })
})

describe('case 4: first vs last touch', () => {
  async function twoCards() {
    h.clock.t = shanghaiInstant(2026, 1, 6, 9)
    await visit(BUTLER_EAST)
    h.clock.t = shanghaiInstant(2026, 1, 7, 9)
    await visit(BUTLER_WEST)
    h.clock.t = shanghaiInstant(2026, 1, 7, 10)
  }

  it('first touch credits 张 with 800 on 10,000', async () => {
    await rule({ touch: 'first' })
    await twoCards()
    const o = await buyPaid(10000)
    expect(o.order).toMatchObject({ inviterUserId: 'u-butler-liu', firstInviterUserId: 'u-butler-zhang' })
    expect(await entries({ orderId: o.order._id })).toEqual([expect.objectContaining({ butlerUserId: 'u-butler-zhang', amountFen: 800, touch: 'first' })])
  })

  it('last touch credits 刘; reopening 张’s card before the next order makes 张 the last touch', async () => {
    await rule({ touch: 'last', scope: 'line', refId: 'presale' })
    await twoCards()
    const o1 = await buyPaid(10000)
    expect(await entries({ orderId: o1.order._id })).toEqual([expect.objectContaining({ butlerUserId: 'u-butler-liu', amountFen: 800, touch: 'last' })])
    h.clock.t = shanghaiInstant(2026, 1, 8, 9)
    await visit(BUTLER_EAST)
    const o2 = await buyPaid(10000)
    expect(await entries({ orderId: o2.order._id })).toEqual([expect.objectContaining({ butlerUserId: 'u-butler-zhang', amountFen: 800 })])
  })

  it('a campaign rule overrides the presale line rule', async () => {
    await rule({ scope: 'line', refId: 'presale', percent: 5 })
    await rule({ percent: 10 })
    await visit(BUTLER_EAST)
    const o = await buyPaid(10000)
    expect((await entries({ orderId: o.order._id }))[0]?.amountFen).toBe(1000)
  })

  it('the 到家服务 line rule pays on pre-sold service packages only, the 严选预售 one on goods only', async () => {
    await rule({ scope: 'line', refId: 'service', mode: 'fixed', fixedFen: 500 })
    await visit(BUTLER_EAST)
    const goods = await buyPaid(10000)
    expect(await entries({ orderId: goods.order._id })).toEqual([])

    expect(await h.store.update('campaigns', VEG, { set: { productKind: 'service' } })).toBe(true)
    await rule({ scope: 'line', refId: 'presale', percent: 8 })
    h.clock.t += 60_000
    const pack = await buyPaid(10000)
    expect(await entries({ orderId: pack.order._id })).toEqual([expect.objectContaining({ butlerUserId: 'u-butler-zhang', amountFen: 500 })])
  })
})

describe('two builds of one statement', () => {
  it('a build finds another still at work and leaves it; one left by a run that stopped is taken over a minute later', async () => {
    await rule({ percent: 8 })
    await visit(BUTLER_EAST)
    const o = await buyPaid(5990)
    // Another run inserted the statement and is binding entries right now.
    const id = `${COMMUNITY_A}:u-butler-zhang:${JAN}`
    const now = h.clock.now()
    const other: CommissionStatementDoc = {
      _id: id, communityId: COMMUNITY_A, butlerUserId: 'u-butler-zhang', month: JAN, status: 'building', totalFen: 0, payableFen: 0, carryInFen: 0, carryOutFen: 0, entries: 0,
      payoutAttempt: 0, outBillNo: null, packageInfo: null, failReason: null, approvedBy: null, approvedAt: null, paidAt: null, builtAt: null, createdAt: now, updatedAt: now, builder: 'other-run', builderAt: now
    }
    expect((await h.store.insert('commissionStatements', other)).ok).toBe(true)
    await build(JAN)
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ status: 'building', builder: 'other-run' })
    expect(await entries({ orderId: o.order._id })).toEqual([expect.objectContaining({ statementId: null })])
    // That run never finished: a minute on, the next build takes it over and finishes it.
    h.clock.t += 2 * 60_000
    await build(JAN)
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ status: 'pending_approval', totalFen: 479, entries: 1 })
  })
})

describe('a month over the single-transfer cap', () => {
  it('pays ¥1,999.99 and carries the rest into next month’s statement, even with no new orders', async () => {
    await rule({ percent: 8 })
    await visit(BUTLER_EAST)
    await buyPaid(3_000_000)
    await build(JAN)
    expect(await statementOf('u-butler-zhang', JAN)).toMatchObject({ status: 'pending_approval', totalFen: 240_000, payableFen: 199_999, carryOutFen: 40_001 })
    h.clock.t = shanghaiInstant(2026, 2, 2, 9)
    expect(await build(FEB)).toMatchObject({ statements: 1 })
    expect(await statementOf('u-butler-zhang', FEB)).toMatchObject({ status: 'pending_approval', carryInFen: 40_001, totalFen: 40_001, payableFen: 40_001, carryOutFen: 0 })
  })
})

describe('case 5: nothing attributed, nothing twice', () => {
  it('an order through no card, or with no rule, accrues nothing', async () => {
    const plain = await buyPaid(5000)
    await visit(BUTLER_EAST)
    const noRule = await buyPaid(5000)
    expect(noRule.order.inviterUserId).toBe('u-butler-zhang')
    h.clock.t += 60_000
    await rule()
    expect(plain.order.inviterUserId).toBeNull()
    expect(await entries({ statementId: null })).toEqual([])
    // A rule set later does not reach back, even when the catch-up replays those payments.
    expect(await runJob('commission-catch-up')).toEqual({ accrued: 0, reversed: 0 })
    expect(await entries({ statementId: null })).toEqual([])
  })

  it('a repeated settle, refund report or catch-up writes nothing twice', async () => {
    await rule()
    await visit(BUTLER_EAST)
    const o = await buyPaid(9990)
    await refund(o, 3330)
    const before = await snapshot(h.store)
    const payment = (await h.store.get('payments', o.payment._id))!
    const [r] = await findAll(h.store, 'refunds', { paymentId: payment._id })
    await commissionPaymentListener.onSettled(h.ports, payment)
    await commissionPaymentListener.onRefundSucceeded(h.ports, payment, r!)
    expect(await runJob('commission-catch-up')).toEqual({ accrued: 0, reversed: 0 })
    expect((await snapshot(h.store)).commissionEntries).toEqual(before.commissionEntries)
  })

  it('a lost notification to the listener is made good by the catch-up job', async () => {
    await rule()
    await visit(BUTLER_EAST)
    const o = await buyPaid(9990)
    await refund(o, 3330)
    for (const e of await entries({ orderId: o.order._id })) expect(await h.store.remove('commissionEntries', e._id)).toBe(true)
    expect(await runJob('commission-catch-up')).toEqual({ accrued: 1, reversed: 1 })
    expect(await amounts(o.order._id)).toEqual([
      ['acc', 799],
      ['rev', -266]
    ])
  })
})

describe('case 6: bad input', () => {
  it('120% is refused with the Chinese message and no rule row; so are 8.125% and a campaign of another community', async () => {
    const before = await snapshot(h.store)
    const e = errorOf(await h.call('selling.saveRule', { scope: 'campaign', refId: VEG, mode: 'percent', percent: 120, touch: 'last' }, OPERATOR, COMMUNITY_A))
    expect(e.fields).toEqual([expect.objectContaining({ path: 'percent', message: '佣金比例不能超过 100%' })])
    const e2 = errorOf(await h.call('selling.saveRule', { scope: 'campaign', refId: VEG, mode: 'percent', percent: 8.125, touch: 'last' }, OPERATOR, COMMUNITY_A))
    expect(e2.fields).toEqual([expect.objectContaining({ path: 'percent', message: '佣金比例最多保留两位小数' })])
    const e3 = errorOf(await h.call('selling.saveRule', { scope: 'campaign', refId: VEG, mode: 'fixed', touch: 'last' }, OPERATOR, COMMUNITY_A))
    expect(e3.fields).toEqual([expect.objectContaining({ path: 'fixedFen', message: '请填写每单佣金' })])
    expect(codeOf(await h.call('selling.saveRule', { scope: 'campaign', refId: 'pc-b-rice', mode: 'percent', percent: 8, touch: 'last' }, OPERATOR, COMMUNITY_A))).toBe(
      'SELLING.CAMPAIGN_NOT_FOUND'
    )
    expect(await snapshot(h.store)).toEqual(before)
    expect(await findAll(h.store, 'commissionRules')).toEqual([])
  })

  it('a later save replaces the rule; a month not yet started cannot be built', async () => {
    await rule({ percent: 8 })
    const saved = await rule({ percent: 8.25, touch: 'first' })
    expect(saved).toMatchObject({ bp: 825, touch: 'first', refTitle: '有机蔬菜箱 · 本周预售' })
    expect(okData(await h.call('selling.rules', {}, OPERATOR, COMMUNITY_A)).items).toEqual([expect.objectContaining({ bp: 825, updatedByName: expect.any(String) })])
    expect(codeOf(await h.call('selling.buildStatements', { month: FEB }, OPERATOR, COMMUNITY_A))).toBe('SELLING.MONTH_NOT_STARTED')
  })
})
