/**
 * Daily selling targets (每日目标) through the real request path: the operator sets them for a
 * campaign on sale, the butler's 今日任务 gets one sell_* task per kind, progress counts shares,
 * new visitors and paid (not refunded) orders through the butler's card, and the scoreboard sums them.
 */
import { findAll } from '../../cloudfunctions/kernel/paging'
import { type Harness, makeHarness } from '../support/harness'
import { sandboxOf } from '../support/pay'
import { COMMUNITY_A, DAY, LI, OPERATOR, VEG, WANG, ZHAO, ZHAO_HOME, BUTLER_EAST as ZHANG, buyAndPay, setCampaign } from '../support/presale'
import { codeOf, errorOf, okData, snapshot } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await sandboxOf(h).flush()
  await h.close()
})

const setTargets = (t: { shares: number; visits: number; orders: number }, campaignId: string = VEG) => h.call('selling.setTargets', { campaignId, ...t }, OPERATOR, COMMUNITY_A)
const today = async () => okData(await h.call('insights.todayTasks', {}, ZHANG, COMMUNITY_A))
const sellTasks = async () => (await today()).tasks.filter((t) => t.kind.startsWith('sell_'))

describe('setTargets', () => {
  it('stores the targets of a live campaign under its id, and a second set replaces them', async () => {
    const set = okData(await setTargets({ shares: 2, visits: 3, orders: 1 }))
    expect(set).toMatchObject({ campaignId: VEG, shares: 2, visits: 3, orders: 1, updatedByName: '吴运营' })
    okData(await setTargets({ shares: 5, visits: 0, orders: 1 }))
    expect(await findAll(h.store, 'sellingTargets', {})).toEqual([expect.objectContaining({ _id: VEG, communityId: COMMUNITY_A, shares: 5, visits: 0, orders: 1 })])
    expect(okData(await h.call('selling.targets', { campaignId: VEG }, OPERATOR, COMMUNITY_A)).target).toMatchObject({ shares: 5, visits: 0, orders: 1 })
    expect(okData(await h.call('selling.targets', { campaignId: 'pc-a-fruit' }, OPERATOR, COMMUNITY_A)).target).toBeNull()
  })

  it('a negative target or none at all is explained in Chinese and nothing is written', async () => {
    const before = await snapshot(h.store)
    const e = errorOf(await setTargets({ shares: -1, visits: 3, orders: 1 }))
    expect(e.code).toBe('REQUEST.INVALID_INPUT')
    expect(e.fields).toEqual([expect.objectContaining({ path: 'shares', message: '目标不能小于 0' })])
    expect(errorOf(await setTargets({ shares: 0, visits: 0, orders: 0 })).fields?.[0]?.message).toBe('请至少设置一项目标')
    expect(errorOf(await setTargets({ shares: 201, visits: 0, orders: 0 })).code).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses an ended campaign and another community’s', async () => {
    await setCampaign(h, VEG, { endAt: h.clock.now() - DAY })
    expect(codeOf(await setTargets({ shares: 1, visits: 0, orders: 0 }))).toBe('SELLING.CAMPAIGN_CLOSED')
    expect(codeOf(await setTargets({ shares: 1, visits: 0, orders: 0 }, 'pc-b-rice'))).toBe('SELLING.NOT_FOUND')
    expect(await h.store.count('sellingTargets', {})).toBe(0)
  })
})

describe('sell_* tasks', () => {
  it('become today’s tasks, count shares, distinct new visitors and paid orders, and reach the scoreboard', async () => {
    okData(await setTargets({ shares: 2, visits: 3, orders: 1 }))
    const tasks = await sellTasks()
    expect(tasks.map((t) => [t.kind, t.title, t.target, t.progress, t.done])).toEqual([
      ['sell_share', '分享预售', 2, 0, false],
      ['sell_visit', '带来访问', 3, 0, false],
      ['sell_order', '带来订单', 1, 0, false]
    ])
    expect(tasks[0]!.detail).toContain('「有机蔬菜箱 · 本周预售」2 次')
    expect(tasks.every((t) => t.link === '/packages/butler/pages/kits/index')).toBe(true)

    const { token } = okData(await h.call('order.share', { campaignId: VEG }, ZHANG, COMMUNITY_A))
    okData(await h.call('order.share', { campaignId: VEG }, ZHANG, COMMUNITY_A))
    for (const who of [WANG, LI, ZHAO]) okData(await h.call('order.recordVisit', { token }, who))
    // Opening the card again is the same visitor.
    okData(await h.call('order.recordVisit', { token }, WANG))

    // 赵's order is paid, then cancelled and refunded: it does not count.
    const refunded = await buyAndPay(h, { who: ZHAO, householdId: ZHAO_HOME })
    expect((await sellTasks()).find((t) => t.kind === 'sell_order')!.progress).toBe(1)
    okData(await h.call('order.cancel', { orderId: refunded._id }, ZHAO, COMMUNITY_A))
    await sandboxOf(h).flush()
    expect((await sellTasks()).find((t) => t.kind === 'sell_order')!.progress).toBe(0)

    const paid = await buyAndPay(h)
    expect(paid.invitationId).toBe(`${VEG}:u-butler-zhang`)
    const after = await sellTasks()
    expect(after.map((t) => [t.kind, t.progress, t.done])).toEqual([
      ['sell_share', 2, true],
      ['sell_visit', 3, true],
      ['sell_order', 1, true]
    ])

    const all = (await today()).tasks
    const board = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, OPERATOR, COMMUNITY_A))
    const row = board.rows.find((r) => r.butlerUserId === 'u-butler-zhang')
    expect(row).toMatchObject({ tasks: all.length, target: all.reduce((n, t) => n + t.target, 0), achieved: all.reduce((n, t) => n + t.progress, 0) })
    expect(row!.achieved).toBeGreaterThanOrEqual(6)
  })

  it('shares of another campaign or another day do not count, and no targets make no tasks', async () => {
    expect(await sellTasks()).toEqual([])
    okData(await setTargets({ shares: 1, visits: 0, orders: 0 }))
    // Today's tasks were already made before the targets: tomorrow's have them.
    h.clock.advance(DAY)
    okData(await h.call('order.share', { campaignId: 'pc-a-fruit' }, ZHANG, COMMUNITY_A))
    const tasks = await sellTasks()
    expect(tasks.map((t) => [t.kind, t.target, t.progress])).toEqual([['sell_share', 1, 0]])
  })
})
