/**
 * Service cards and incentive budgets: a card never goes below zero however many bookings redeem
 * at once, a booking redeems once, cards move only within the household; budgets are never
 * exceeded by concurrent grants, a grant retried issues once; event rewards become real points,
 * vouchers and cards through the events feature's Rewards port.
 */
import { memberRewards } from '../../cloudfunctions/adapters/event/member-rewards'
import type { RewardGrantDoc } from '../../cloudfunctions/domain/event/docs'
import { issueCard, redeemCardUse, restoreCardUse, revokeUnusedUses } from '../../cloudfunctions/domain/member/cards'
import type { ServiceCardDoc } from '../../cloudfunctions/domain/member/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, as, makeHarness } from '../support/harness'
import { val } from '../support/member'
import { COMMUNITY_A, DAY, OPERATOR, WANG, newCrid } from '../support/pay'
import { codeOf, okData } from './support'

const STAFF = as('u-staff-sun')
const LI = as('u-li')

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

async function cardDoc(id: string): Promise<ServiceCardDoc> {
  const c = await h.store.get('serviceCards', id)
  if (!c) throw new Error('no card')
  return c
}

async function newCard(uses = 10, key = `test:${newCrid()}`): Promise<ServiceCardDoc> {
  return issueCard(h.ports, {
    communityId: COMMUNITY_A,
    householdId: 'h-a1-101',
    userId: 'u-wang',
    title: '上门保洁 10 次卡',
    uses,
    validDays: 90,
    source: { kind: 'purchase', ref: key },
    valueFen: 50_000,
    key
  })
}

describe('service cards', () => {
  it('the resident sees the household’s cards, with uses left, and the seeded one', async () => {
    const res = okData(await h.call('member.cards', {}, WANG, COMMUNITY_A))
    const seeded = res.cards.find((c) => c.title === '家政保洁 10 次卡')
    expect(seeded).toMatchObject({ usesTotal: 10, usesLeft: 7, status: 'active', mine: true, householdLabel: '1栋 101', ownerName: '王建国' })
    expect(res.members.map((m) => m.nickname)).toContain('李秀英')
    // 李秀英 shares 1栋 101: she sees the card, held by 王建国, and cannot move it.
    const li = okData(await h.call('member.cards', {}, LI, COMMUNITY_A))
    expect(li.cards.find((c) => c.id === seeded!.id)).toMatchObject({ mine: false, ownerName: '王建国' })
    expect(codeOf(await h.call('member.transferCard', { cardId: seeded!.id, toUserId: 'u-li' }, LI, COMMUNITY_A))).toBe('MEMBER.CARD_NOT_FOUND')
  })

  it('issuing is idempotent per key', async () => {
    const a = await newCard(10, 'order:o-1:l0')
    const b = await newCard(10, 'order:o-1:l0')
    expect(b._id).toBe(a._id)
    expect(await h.store.count('serviceCards', { _id: a._id })).toBe(1)
  })

  it('50 bookings redeem at once on 10 uses: exactly 10 succeed, never below zero', async () => {
    const c = await newCard(10)
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => redeemCardUse(h.ports, c._id, `booking-${i}`)))
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'MEMBER.CARD_UNUSABLE')).toBe(true)
    expect((await cardDoc(c._id)).usesLeft).toBe(0)
    const uses = (await findAll(h.store, 'cardEvents', { cardId: c._id })).filter((e) => e.state === 'applied')
    expect(uses).toHaveLength(10)
    expect((await h.call('member.cards', {}, WANG, COMMUNITY_A).then(okData)).cards.find((x) => x.id === c._id)?.status).toBe('used_up')
  })

  it('one booking retried 20 times at once redeems one use; a cancelled booking gives it back once', async () => {
    const c = await newCard(3)
    const results = await Promise.all(Array.from({ length: 20 }, () => redeemCardUse(h.ports, c._id, 'booking-x')))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.ok && !r.value.duplicate)).toHaveLength(1)
    expect((await cardDoc(c._id)).usesLeft).toBe(2)
    expect(await restoreCardUse(h.ports, c._id, 'booking-x')).toBe(true)
    expect(await restoreCardUse(h.ports, c._id, 'booking-x')).toBe(true)
    expect((await cardDoc(c._id)).usesLeft).toBe(3)
    expect(await restoreCardUse(h.ports, c._id, 'never-booked')).toBe(false)
    expect((await cardDoc(c._id)).usesLeft).toBe(3)
  })

  it('an expired or refunded card redeems nothing; a refund takes back only the uses left, once', async () => {
    const c = await newCard(2)
    val(await redeemCardUse(h.ports, c._id, 'b1'))
    h.clock.advance(91 * DAY)
    expect(await redeemCardUse(h.ports, c._id, 'b2')).toMatchObject({ ok: false, code: 'MEMBER.CARD_UNUSABLE', message: '服务卡已过期' })
    const fresh = await newCard(3)
    val(await redeemCardUse(h.ports, fresh._id, 'b5'))
    expect(await revokeUnusedUses(h.ports, fresh._id, 'order:o1')).toEqual({ usesTotal: 3, revoked: 2, valueFen: fresh.valueFen })
    expect(await revokeUnusedUses(h.ports, fresh._id, 'order:o1')).toEqual({ usesTotal: 3, revoked: 2, valueFen: fresh.valueFen })
    expect(await cardDoc(fresh._id)).toMatchObject({ usesLeft: 0, status: 'void', revokedUses: 2 })
    expect(await redeemCardUse(h.ports, fresh._id, 'b3')).toMatchObject({ ok: false, message: '服务卡已退款' })
    expect(await restoreCardUse(h.ports, fresh._id, 'b5')).toBe(false)
    expect(await revokeUnusedUses(h.ports, 'sc-nowhere', 'order:o2')).toBeNull()
    expect(await redeemCardUse(h.ports, 'sc-nowhere', 'b4')).toMatchObject({ ok: false, code: 'MEMBER.CARD_NOT_FOUND' })
  })

  it('moves within the household only, and only by its holder', async () => {
    const c = await newCard(5)
    expect(codeOf(await h.call('member.transferCard', { cardId: c._id, toUserId: 'u-zhao' }, WANG, COMMUNITY_A))).toBe('MEMBER.TRANSFER_INVALID')
    expect(codeOf(await h.call('member.transferCard', { cardId: c._id, toUserId: 'u-wang' }, WANG, COMMUNITY_A))).toBe('MEMBER.TRANSFER_INVALID')
    const moved = okData(await h.call('member.transferCard', { cardId: c._id, toUserId: 'u-li' }, WANG, COMMUNITY_A))
    expect(moved).toMatchObject({ ownerName: '李秀英', mine: false, usesLeft: 5 })
    expect((await cardDoc(c._id)).ownerUserId).toBe('u-li')
    expect(codeOf(await h.call('member.transferCard', { cardId: c._id, toUserId: 'u-li' }, WANG, COMMUNITY_A))).toBe('MEMBER.CARD_NOT_FOUND')
    expect(await h.store.count('inbox', { userId: 'u-li', kind: 'member-card' })).toBe(1)
    // Two holders racing to hand it on: one transfer wins.
    const back = await Promise.all([
      h.call('member.transferCard', { cardId: c._id, toUserId: 'u-wang' }, LI, COMMUNITY_A),
      h.call('member.transferCard', { cardId: c._id, toUserId: 'u-wang' }, LI, COMMUNITY_A)
    ])
    expect(back.filter((r) => r.ok)).toHaveLength(1)
    expect((await cardDoc(c._id)).transfers).toBe(2)
  })
})

describe('incentive budgets', () => {
  async function budget(capFen: number, over: Record<string, unknown> = {}) {
    return okData(await h.call('member.createBudget', { budget: { title: '测试激励', kind: 'campaign', capFen, ...over }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
  }
  const voucher = (valueFen: number) => ({ type: 'voucher' as const, title: '现金券', valueFen, validDays: 30 })

  it('30 concurrent grants of ¥100 on a ¥1,000 budget: exactly 10, and the cap is never passed', async () => {
    const b = await budget(100_000)
    const residents = ['u-wang', 'u-li', 'u-zhao', ...Array.from({ length: 20 }, (_, i) => `u-r${i + 1}`)]
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => h.call('member.issueReward', { budgetId: b.id, userId: residents[i % residents.length]!, reward: voucher(10_000), clientRequestId: newCrid() }, STAFF, COMMUNITY_A))
    )
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(20).fill('MEMBER.BUDGET_EXCEEDED'))
    const doc = await h.store.get('budgets', b.id)
    expect(doc).toMatchObject({ spentFen: 100_000, grants: 10 })
    const vouchers = await findAll(h.store, 'coupons', { templateId: null, valueFen: 10_000 })
    expect(vouchers.filter((c) => c.source.kind === 'reward' && c.title === '现金券')).toHaveLength(10)
    const view = okData(await h.call('member.budget', { budgetId: b.id }, OPERATOR, COMMUNITY_A))
    expect(view.rewards).toHaveLength(10)
    expect(view.rewards[0]).toMatchObject({ text: '现金券 100 元', costFen: 10_000, issuedBy: '孙活动' })
  })

  it('a retried grant charges once and issues once; each kind of incentive', async () => {
    const b = await budget(100_000)
    const crid = newCrid()
    const card = { type: 'card' as const, title: '保洁体验卡', uses: 2, validDays: 60, costFen: 6_000 }
    // 王建国 holds two homes: the card goes to the one the operator picked, never to someone else's.
    expect(codeOf(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-wang', householdId: 'h-a3-201', reward: card, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))).toBe('MEMBER.RECIPIENT_INVALID')
    const first = okData(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-wang', householdId: 'h-a2-302', reward: card, clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    const again = okData(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-wang', householdId: 'h-a2-302', reward: card, clientRequestId: crid }, OPERATOR, COMMUNITY_A))
    expect(first.budget.spentFen).toBe(6_000)
    expect(again.budget.spentFen).toBe(6_000)
    expect(first.text).toBe('保洁体验卡（2 次）')
    expect((await h.call('member.cards', {}, WANG, COMMUNITY_A).then(okData)).cards.filter((c) => c.title === '保洁体验卡')).toEqual([expect.objectContaining({ householdLabel: '2栋 302' })])
    expect(okData(await h.call('member.budget', { budgetId: b.id }, OPERATOR, COMMUNITY_A)).rewards[0]?.householdLabel).toBe('2栋 302')

    const balance = async () => (await h.store.get('memberAccounts', `${COMMUNITY_A}:u-li`))?.balance ?? 0
    const points = okData(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-li', reward: { type: 'points', points: 500 }, clientRequestId: newCrid() }, STAFF, COMMUNITY_A))
    // 500 points at 100 points a yuan cost the budget ¥5.
    expect(points.budget.spentFen).toBe(6_000 + 500)
    expect(await balance()).toBe(500)
  })

  it('only residents of the community, only budgets of the community, only staff and operators', async () => {
    const b = await budget(10_000)
    expect(codeOf(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-b-resident', reward: voucher(100), clientRequestId: newCrid() }, STAFF, COMMUNITY_A))).toBe('MEMBER.RECIPIENT_INVALID')
    expect(codeOf(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-staff-sun', reward: voucher(100), clientRequestId: newCrid() }, STAFF, COMMUNITY_A))).toBe('MEMBER.RECIPIENT_INVALID')
    expect(codeOf(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-wang', reward: voucher(100), clientRequestId: newCrid() }, OPERATOR, 'c-hexie'))).toBe('MEMBER.BUDGET_NOT_FOUND')
    expect(codeOf(await h.call('member.issueReward', { budgetId: b.id, userId: 'u-wang', reward: voucher(100), clientRequestId: newCrid() }, WANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect((await h.store.get('budgets', b.id))?.spentFen).toBe(0)
  })

  it('staff find residents by room, name or phone tail', async () => {
    const byRoom = okData(await h.call('member.findResidents', { query: '1栋 101' }, STAFF, COMMUNITY_A)).residents
    expect(byRoom.map((r) => r.nickname).sort()).toEqual(['李秀英', '王建国', '周先生'].sort())
    expect(okData(await h.call('member.findResidents', { query: '1111' }, STAFF, COMMUNITY_A)).residents.map((r) => r.userId)).toEqual(['u-wang', 'u-wang'])
    expect(okData(await h.call('member.findResidents', { query: '钱多多' }, STAFF, COMMUNITY_A)).residents).toEqual([])
  })

  it('an event budget must name an event of the community, one budget per event', async () => {
    expect(codeOf(await h.call('member.createBudget', { budget: { title: '活动预算', kind: 'event', capFen: 10_000 }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
    const [ev] = await h.store.find('events', { where: { communityId: COMMUNITY_A }, limit: 1 })
    okData(await h.call('member.createBudget', { budget: { title: '活动预算', kind: 'event', eventId: ev!._id, capFen: 10_000 }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('member.createBudget', { budget: { title: '又一个', kind: 'event', eventId: ev!._id, capFen: 10_000 }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
  })
})

describe('event rewards through membership', () => {
  const grant = (kind: 'attendance' | 'feedback', reward: RewardGrantDoc['reward'], eventId = 'ev-test'): RewardGrantDoc => ({
    _id: `${eventId}:u-wang:${kind}`,
    eventId,
    communityId: COMMUNITY_A,
    userId: 'u-wang',
    kind,
    reward,
    eventTitle: '邻里读书会',
    grantedAt: h.clock.now()
  })

  it('points, a voucher and a card, each issued once however often the grant is retried', async () => {
    const rewards = memberRewards(h.ports)
    const before = (await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))!.balance
    const grantsBefore = await h.store.count('rewardGrants', { userId: 'u-wang' })
    const g1 = grant('attendance', { type: 'points', points: 30 })
    expect(await rewards.grant(g1)).toBe('granted')
    expect(await rewards.grant(g1)).toBe('already')
    expect((await h.store.get('memberAccounts', `${COMMUNITY_A}:u-wang`))!.balance).toBe(before + 30)
    const g2 = grant('feedback', { type: 'coupon', title: '保洁券', valueFen: 2000 })
    await Promise.all([rewards.grant(g2), rewards.grant(g2)])
    const vouchers = (await h.call('member.coupons', {}, WANG, COMMUNITY_A).then(okData)).coupons.filter((c) => c.title === '保洁券')
    expect(vouchers).toHaveLength(1)
    expect(vouchers[0]).toMatchObject({ valueFen: 2000, label: '立减20元', sourceLabel: '活动奖励' })
    const g3 = grant('attendance', { type: 'card', title: '理发次卡', uses: 3 }, 'ev-other')
    await rewards.grant(g3)
    await rewards.grant(g3)
    expect((await h.call('member.cards', {}, WANG, COMMUNITY_A).then(okData)).cards.filter((c) => c.title === '理发次卡')).toEqual([expect.objectContaining({ usesLeft: 3, sourceLabel: '奖励' })])
    expect(await h.store.count('rewardGrants', { userId: 'u-wang' })).toBe(grantsBefore + 3)
  })

  it('charges the event’s budget when it has one, and grants nothing once it is spent', async () => {
    const [ev] = await h.store.find('events', { where: { communityId: COMMUNITY_A }, limit: 1 })
    const b = okData(await h.call('member.createBudget', { budget: { title: '读书会激励', kind: 'event', eventId: ev!._id, capFen: 2_500 }, clientRequestId: newCrid() }, OPERATOR, COMMUNITY_A))
    const rewards = memberRewards(h.ports)
    expect(await rewards.grant(grant('attendance', { type: 'coupon', title: '签到券', valueFen: 2000 }, ev!._id))).toBe('granted')
    expect(await rewards.grant(grant('feedback', { type: 'coupon', title: '评价券', valueFen: 2000 }, ev!._id))).toBe('already')
    expect((await h.store.get('budgets', b.id))).toMatchObject({ spentFen: 2_000, grants: 1 })
    expect(await h.store.count('rewardGrants', { userId: 'u-wang', eventId: ev!._id })).toBe(1)
    expect(h.logs.some((l) => l.msg === 'event reward refused')).toBe(true)
  })
})
