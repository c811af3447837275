/**
 * Coupons: templates with their own stock (never oversold, also under a rush of claims), claiming
 * with a per-user limit, operator batches to a segment (idempotent), and the checkout life of a
 * coupon: locked while its order is unpaid, used once, released on cancellation, expiry of the
 * lock or refund — through the API the pre-sale order feature calls.
 */
import type { TemplateDraft } from '../../cloudfunctions/contracts/member'
import { holdDiscount, quoteDiscount, releaseDiscount, settleDiscount } from '../../cloudfunctions/domain/member/checkout'
import { consumeCoupon, lockCoupon, releaseCoupon } from '../../cloudfunctions/domain/member/coupons'
import type { CouponDoc, CouponTemplateDoc } from '../../cloudfunctions/domain/member/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, as, makeHarness } from '../support/harness'
import { runMemberJob, val } from '../support/member'
import { COMMUNITY_A, DAY, OPERATOR, WANG, newCrid } from '../support/pay'
import { codeOf, grantFreshUser, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  title: '测试立减券',
  kind: 'fixed',
  valueFen: 1000,
  percentOff: 0,
  capFen: 0,
  minSpendFen: 0,
  scope: { type: 'all', value: '', label: '' },
  validity: { type: 'days', days: 7 },
  totalStock: 100,
  perUserLimit: 1,
  claimable: true,
  ...over
})

async function template(over: Partial<TemplateDraft> = {}) {
  return okData(await h.call('member.createTemplate', { template: draft(over), clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
}

async function templateDoc(id: string): Promise<CouponTemplateDoc> {
  const t = await h.store.get('couponTemplates', id)
  if (!t) throw new Error('no template')
  return t
}

async function couponDoc(id: string): Promise<CouponDoc> {
  const c = await h.store.get('coupons', id)
  if (!c) throw new Error('no coupon')
  return c
}

describe('templates', () => {
  it('an operator creates one (a resubmitted request creates it once), lists it, and changes stock within limits', async () => {
    const crid = newCrid()
    const a = okData(await h.call('member.createTemplate', { template: draft({ title: '满百减二十', kind: 'threshold', valueFen: 2000, minSpendFen: 10_000 }), clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    const b = okData(await h.call('member.createTemplate', { template: draft(), clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    expect(b.id).toBe(a.id)
    expect(a).toMatchObject({ label: '满100减20', scopeLabel: '全场通用', validityLabel: '领取后 7 天内有效', totalStock: 100, issued: 0, active: true })
    const list = okData(await h.call('member.templates', {}, OPERATOR, COMMUNITY_A)).templates
    expect(list.map((t) => t.id)).toContain(a.id)
    expect(list.filter((t) => t.title === '满百减二十')).toHaveLength(1)

    okData(await h.call('member.claimCoupon', { templateId: a.id }, WANG, COMMUNITY_A))
    expect(codeOf(await h.call('member.updateTemplate', { id: a.id, patch: { totalStock: 0 } }, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    okData(await h.call('member.updateTemplate', { id: a.id, patch: { totalStock: 1 } }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('member.claimCoupon', { templateId: a.id }, as('u-li'), COMMUNITY_A))).toBe('MEMBER.COUPON_SOLD_OUT')
    // The other community's operator view never lists it.
    const inB = okData(await h.call('member.templates', {}, OPERATOR, 'c-hexie')).templates
    expect(inB.map((t) => t.id)).not.toContain(a.id)
    expect(codeOf(await h.call('member.updateTemplate', { id: a.id, patch: { active: false } }, OPERATOR, 'c-hexie'))).toBe('MEMBER.TEMPLATE_NOT_FOUND')
  })

  it('refuses drafts that make no sense, naming the field', async () => {
    const res = await h.call('member.createTemplate', { template: draft({ kind: 'threshold', valueFen: 2000, minSpendFen: 1000 }), clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.fields?.map((f) => f.path)).toContain('template.minSpendFen')
    const pct = await h.call('member.createTemplate', { template: draft({ kind: 'percent', percentOff: 0 }), clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A)
    expect(codeOf(pct)).toBe('REQUEST.INVALID_INPUT')
  })
})

describe('claiming', () => {
  it('a resident claims in 领券中心, up to the per-user limit; a double tap claims once', async () => {
    const t = await template({ perUserLimit: 2 })
    const wallet = okData(await h.call('member.coupons', {}, WANG, COMMUNITY_A))
    expect(wallet.claimable.find((c) => c.templateId === t.id)).toMatchObject({ left: 100, claimed: 0, limit: 2 })
    const twice = await Promise.all([h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A), h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A)])
    expect(okData(twice[0]!).coupon.id).toBe(okData(twice[1]!).coupon.id)
    okData(await h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A))
    expect(codeOf(await h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A))).toBe('MEMBER.COUPON_LIMIT')
    expect((await templateDoc(t.id)).issued).toBe(2)
    const after = okData(await h.call('member.coupons', {}, WANG, COMMUNITY_A))
    expect(after.coupons.filter((c) => c.title === '测试立减券')).toHaveLength(2)
    expect(after.claimable.find((c) => c.templateId === t.id)).toMatchObject({ left: 98, claimed: 2 })
  })

  it('a rush of 40 residents on a stock of 5: exactly 5 coupons, stock never oversold', async () => {
    const t = await template({ totalStock: 5 })
    const users = await Promise.all(Array.from({ length: 40 }, (_, i) => grantFreshUser(h.store, `u-rush-${i}`, COMMUNITY_A, 'resident', 'h-a3-101')))
    const results = await Promise.all(users.map((openid) => h.call('member.claimCoupon', { templateId: t.id }, openid, COMMUNITY_A)))
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(35).fill('MEMBER.COUPON_SOLD_OUT'))
    expect((await templateDoc(t.id)).issued).toBe(5)
    expect(await h.store.count('coupons', { templateId: t.id })).toBe(5)
  })

  it('only claimable, active templates of the community; never one that is not', async () => {
    const closed = await template({ claimable: false })
    expect(codeOf(await h.call('member.claimCoupon', { templateId: closed.id }, WANG, COMMUNITY_A))).toBe('MEMBER.TEMPLATE_NOT_FOUND')
    const t = await template()
    okData(await h.call('member.updateTemplate', { id: t.id, patch: { active: false } }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A))).toBe('MEMBER.TEMPLATE_INACTIVE')
    expect(codeOf(await h.call('member.claimCoupon', { templateId: t.id }, 'dev-u-b-resident', 'c-hexie'))).toBe('MEMBER.TEMPLATE_NOT_FOUND')
  })
})

describe('issuing to a segment', () => {
  it('reserves stock for the whole segment at once; a resubmitted request issues nothing new', async () => {
    const t = await template({ claimable: false, totalStock: 1000 })
    const preview = okData(await h.call('member.previewSegment', { segment: { type: 'building', buildingId: 'b-a1' } }, OPERATOR, COMMUNITY_A))
    expect(preview.recipients).toBeGreaterThan(5)
    expect(preview.buildings.map((b) => b.id)).toEqual(['b-a1', 'b-a2', 'b-a3'])
    const crid = newCrid()
    const first = okData(await h.call('member.issueCoupons', { templateId: t.id, segment: { type: 'building', buildingId: 'b-a1' }, clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    expect(first).toMatchObject({ recipients: preview.recipients, issued: preview.recipients })
    const again = okData(await h.call('member.issueCoupons', { templateId: t.id, segment: { type: 'building', buildingId: 'b-a1' }, clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    expect(again.batchId).toBe(first.batchId)
    expect((await templateDoc(t.id)).issued).toBe(preview.recipients)
    expect(await h.store.count('coupons', { templateId: t.id })).toBe(preview.recipients)
    // Everyone in 1栋 got one, and an inbox notice.
    expect(await h.store.count('coupons', { templateId: t.id, userId: 'u-wang' })).toBe(1)
    expect(await h.store.count('inbox', { userId: 'u-li', kind: 'member-coupon' })).toBe(1)
  })

  it('refuses a segment bigger than the stock left, issuing nothing', async () => {
    const t = await template({ claimable: false, totalStock: 3 })
    const res = await h.call('member.issueCoupons', { templateId: t.id, segment: { type: 'all' }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A)
    expect(codeOf(res)).toBe('MEMBER.COUPON_SOLD_OUT')
    expect((await templateDoc(t.id)).issued).toBe(0)
    expect(await h.store.count('coupons', { templateId: t.id })).toBe(0)
  })

  it('a level segment: residents without an account hold the first level', async () => {
    const t = await template({ claimable: false, totalStock: 1000 })
    const all = okData(await h.call('member.previewSegment', { segment: { type: 'all' } }, OPERATOR, COMMUNITY_A)).recipients
    const normal = okData(await h.call('member.previewSegment', { segment: { type: 'level', level: 'normal' } }, OPERATOR, COMMUNITY_A)).recipients
    const silver = okData(await h.call('member.previewSegment', { segment: { type: 'level', level: 'silver' } }, OPERATOR, COMMUNITY_A)).recipients
    expect(normal).toBe(all)
    expect(silver).toBe(0)
    expect(codeOf(await h.call('member.issueCoupons', { templateId: t.id, segment: { type: 'level', level: 'silver' }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))).toBe('MEMBER.SEGMENT_EMPTY')
  })
})

describe('a coupon at checkout (the API the order feature calls)', () => {
  const buyer = { userId: 'u-wang', communityId: COMMUNITY_A }
  const items = [{ amountFen: 12_000, category: 'fresh' }]

  async function claimed(over: Partial<TemplateDraft> = {}): Promise<string> {
    const t = await template(over)
    return okData(await h.call('member.claimCoupon', { templateId: t.id }, WANG, COMMUNITY_A)).coupon.id
  }

  it('locked while unpaid, used once paid; a second order cannot take it', async () => {
    const id = await claimed()
    const held = val(await holdDiscount(h.ports, buyer, { orderRef: 'order-1', holdUntil: h.clock.now() + 15 * 60_000, items, couponId: id }))
    expect(held).toMatchObject({ couponId: id, couponDiscountFen: 1000, payableFen: 11_000 })
    expect(await couponDoc(id)).toMatchObject({ status: 'locked', holder: 'order-1' })
    // The same order retrying gets the same hold; another order is refused.
    expect(val(await holdDiscount(h.ports, buyer, { orderRef: 'order-1', holdUntil: h.clock.now() + 15 * 60_000, items, couponId: id })).couponId).toBe(id)
    const other = await holdDiscount(h.ports, buyer, { orderRef: 'order-2', holdUntil: h.clock.now() + 15 * 60_000, items, couponId: id })
    expect(other).toMatchObject({ ok: false, code: 'MEMBER.COUPON_UNUSABLE' })
    expect((await settleDiscount(h.ports, 'order-1')).coupon).toBe('consumed')
    expect((await settleDiscount(h.ports, 'order-1')).coupon).toBe('already')
    expect(await couponDoc(id)).toMatchObject({ status: 'used', holder: 'order-1' })
    expect((await h.call('member.coupons', { status: 'used' }, WANG, COMMUNITY_A).then(okData)).coupons.map((c) => c.id)).toContain(id)
  })

  it('released when the order is cancelled; points spent come back too', async () => {
    const id = await claimed()
    const a0 = (await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))!.balance
    const held = val(await holdDiscount(h.ports, buyer, { orderRef: 'order-3', holdUntil: h.clock.now() + 15 * 60_000, items, couponId: id, points: 'max' }))
    expect(held.pointsUsed).toBeGreaterThan(0)
    // At most 20 % of what is left after the coupon, at 100 points a yuan.
    expect(held.pointsDiscountFen).toBe(Math.min(Math.floor((11_000 * 20) / 100), a0))
    expect((await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))!.balance).toBe(a0 - held.pointsUsed)
    const back = await releaseDiscount(h.ports, 'order-3', 'cancelled')
    expect(back).toEqual({ coupon: true, points: held.pointsUsed })
    expect(await releaseDiscount(h.ports, 'order-3', 'cancelled')).toEqual({ coupon: false, points: held.pointsUsed })
    expect(await couponDoc(id)).toMatchObject({ status: 'available' })
    expect((await couponDoc(id)).holder).toBeUndefined()
    expect((await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))!.balance).toBe(a0)
    // Free again: another order can use it.
    expect(val(await holdDiscount(h.ports, buyer, { orderRef: 'order-4', holdUntil: h.clock.now() + 60_000, items, couponId: id })).couponId).toBe(id)
  })

  it('released by the sweep when the order never settles; a late payment still consumes it if free', async () => {
    const id = await claimed()
    val(await lockCoupon(h.ports, { couponId: id, userId: 'u-wang', orderRef: 'order-5', holdUntil: h.clock.now() + 15 * 60_000 }))
    h.clock.advance(20 * 60_000)
    await runMemberJob(h, 'member-sweep')
    expect((await couponDoc(id)).status).toBe('locked')
    h.clock.advance(10 * 60_000)
    expect((await runMemberJob(h, 'member-sweep')).locksReleased).toBe(1)
    expect((await couponDoc(id)).status).toBe('available')
    expect(await consumeCoupon(h.ports, id, 'order-5')).toBe('consumed')
    expect(await consumeCoupon(h.ports, id, 'order-6')).toBe('conflict')
  })

  it('released on refund: back to available, or expired when its end date has passed', async () => {
    const id = await claimed({ validity: { type: 'days', days: 2 } })
    val(await lockCoupon(h.ports, { couponId: id, userId: 'u-wang', orderRef: 'order-7', holdUntil: h.clock.now() + 60_000 }))
    expect(await consumeCoupon(h.ports, id, 'order-7')).toBe('consumed')
    expect(await releaseCoupon(h.ports, id, 'order-8', 'refunded')).toBe(false)
    expect(await releaseCoupon(h.ports, id, 'order-7', 'refunded')).toBe(true)
    expect((await couponDoc(id)).status).toBe('available')
    val(await lockCoupon(h.ports, { couponId: id, userId: 'u-wang', orderRef: 'order-9', holdUntil: h.clock.now() + 60_000 }))
    await consumeCoupon(h.ports, id, 'order-9')
    h.clock.advance(3 * DAY)
    expect(await releaseCoupon(h.ports, id, 'order-9', 'refunded')).toBe(true)
    expect((await couponDoc(id)).status).toBe('expired')
  })

  it('never for someone else, before it starts or after it ends, or outside its scope or threshold', async () => {
    const id = await claimed({ kind: 'threshold', valueFen: 800, minSpendFen: 5000, scope: { type: 'category', value: 'fresh', label: '生鲜' } })
    expect(await lockCoupon(h.ports, { couponId: id, userId: 'u-li', orderRef: 'x', holdUntil: h.clock.now() })).toMatchObject({ ok: false, code: 'MEMBER.COUPON_NOT_FOUND' })
    const q = (its: { amountFen: number; category?: string }[]) => quoteDiscount(h.ports, buyer, { items: its, couponId: id })
    expect(await q([{ amountFen: 4_000, category: 'fresh' }])).toMatchObject({ ok: false, code: 'MEMBER.COUPON_UNUSABLE' })
    expect(await q([{ amountFen: 9_000, category: 'toys' }])).toMatchObject({ ok: false, code: 'MEMBER.COUPON_UNUSABLE' })
    expect(val(await q([{ amountFen: 5_000, category: 'fresh' }, { amountFen: 9_000, category: 'toys' }])).couponDiscountFen).toBe(800)
    h.clock.advance(8 * DAY)
    expect(await q([{ amountFen: 5_000, category: 'fresh' }])).toMatchObject({ ok: false, code: 'MEMBER.COUPON_UNUSABLE' })
    expect(await lockCoupon(h.ports, { couponId: id, userId: 'u-wang', orderRef: 'x', holdUntil: h.clock.now() })).toMatchObject({ ok: false, code: 'MEMBER.COUPON_UNUSABLE' })
    // The nightly job marks it expired.
    await runMemberJob(h, 'member-daily')
    expect((await couponDoc(id)).status).toBe('expired')
    expect((await h.call('member.coupons', { status: 'expired' }, WANG, COMMUNITY_A).then(okData)).coupons.map((c) => c.id)).toContain(id)
  })

  it('concurrent holds of one coupon by 10 orders: one wins', async () => {
    const id = await claimed()
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => holdDiscount(h.ports, buyer, { orderRef: `rush-${i}`, holdUntil: h.clock.now() + 60_000, items, couponId: id }))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const coupons = await findAll(h.store, 'coupons', { _id: id })
    expect(coupons[0]?.status).toBe('locked')
  })
})
