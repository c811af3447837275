/**
 * 光荣榜 through the real request path: suggestions with reasons from the month's ratings,
 * approved 表扬信, punctuality and butler figures; a draft the office may rewrite, published once
 * for everyone in the community; rewards from an incentive budget, once per honoree a month and
 * never over the cap.
 */
import type { RatingDoc } from '../../cloudfunctions/domain/booking/docs'
import type { MembershipDoc } from '../../cloudfunctions/domain/docs'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B, DEMO_T0 } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const A = COMMUNITY_A
const OPERATOR = as('u-operator-wu')
const WANG = as('u-wang')
const MA = as('u-worker-ma')
const ZHANG = as('u-butler-zhang')
/** The harness clock reads 2026-01-06 in Shanghai. */
const MONTH = '2026-01'
const PRAISE = '马师傅干活仔细，厨房擦得锃亮，谢谢！'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
const rid = () => `honor-req-${++n}-xxxx`

/** 马师傅 gets an approved 表扬信 (so does 张管家's grid); 牛师傅 three ratings averaging 4.8 this month. */
async function monthOfWork() {
  const { letter } = okData(await h.call('booking.thank', { bookingId: 'bk-demo-past-1', text: PRAISE, clientRequestId: rid() }, WANG, A))
  okData(await h.call('booking.moderatePraise', { id: letter.id, approve: true }, OPERATOR, A))
  const scores = { punctuality: 5, attitude: 5, process: 5, etiquette: 5, result: 4 }
  for (const i of [1, 2, 3]) {
    const r: RatingDoc = { _id: `bk-niu-${i}`, communityId: A, workerId: 'w-a-niu', householdId: `h-a1-10${i}`, lineId: 'x', userId: `u-r${i}`, scores, avg100: 480, comment: '', nextTime: 'any', at: h.clock.now() - i * 3600_000 }
    expect((await h.store.insert('ratings', r)).ok).toBe(true)
  }
}

const save = (entries: { kind: 'worker' | 'butler'; refId: string; reason: string }[], communityId = A) => h.call('selling.saveHonorRoll', { month: MONTH, entries }, OPERATOR, communityId)
const ENTRIES = [
  { kind: 'worker' as const, refId: 'w-a-ma', reason: '收到业主表扬信，服务细致' },
  { kind: 'worker' as const, refId: 'w-a-niu', reason: '本月评价平均 4.8 分' },
  { kind: 'butler' as const, refId: 'u-butler-zhang', reason: '网格住户写来表扬信' }
]

/** Gives a staff member a home in community A, so points can reach them. */
async function homeFor(userId: string, householdId: string) {
  const m: MembershipDoc = { _id: `${householdId}:${userId}`, userId, householdId, communityId: A, relation: 'family', status: 'active', via: 'seed', createdAt: DEMO_T0 }
  expect((await h.store.insert('memberships', m)).ok).toBe(true)
}

async function budget(capFen: number) {
  return okData(await h.call('member.createBudget', { budget: { title: '光荣榜奖励', kind: 'campaign', capFen }, clientRequestId: rid() }, OPERATOR, A))
}

describe('candidates', () => {
  it('suggests workers and butlers with the reasons, and nobody without one', async () => {
    await monthOfWork()
    const { candidates, roll, rewards } = okData(await h.call('selling.honorCandidates', { month: MONTH }, OPERATOR, A))
    expect(roll).toBeNull()
    expect(rewards).toEqual([])
    const by = new Map(candidates.map((c) => [c.refId, c]))
    expect(by.get('w-a-ma')).toMatchObject({ kind: 'worker', kindLabel: '服务之星', name: '马师傅', reasons: ['收到 1 封表扬信'], hasHome: false })
    expect(by.get('w-a-niu')).toMatchObject({ kind: 'worker', reasons: ['本月 3 次评价，平均 4.8 分'] })
    expect(by.get('u-butler-zhang')).toMatchObject({ kind: 'butler', kindLabel: '金牌管家', name: '张管家', reasons: expect.arrayContaining(['网格住户写来 1 封表扬信']) })
    expect(by.has('w-a-yang')).toBe(false)
    expect(JSON.stringify(candidates)).not.toMatch(/phone/i)
    // The month before holds none of it.
    const dec = okData(await h.call('selling.honorCandidates', { month: '2025-12' }, OPERATOR, A)).candidates
    expect(dec.some((c) => c.reasons.some((r) => r.includes('表扬信')))).toBe(false)
  })
})

describe('save and publish', () => {
  it('keeps a draft from residents, publishes once, then shows names and reasons (no phones) to everyone', async () => {
    await monthOfWork()
    okData(await save(ENTRIES.slice(0, 1)))
    const saved = okData(await save(ENTRIES)).roll
    expect(saved).toMatchObject({ month: MONTH, status: 'draft', statusLabel: '未发布', publishedAt: null })
    expect(saved.entries.map((e) => e.name)).toEqual(['马师傅', '牛师傅', '张管家'])
    expect(okData(await h.call('selling.honorRoll', {}, WANG, A))).toEqual({ roll: null, months: [] })
    expect(okData(await h.call('selling.honorRoll', { month: MONTH }, WANG, A)).roll).toBeNull()

    const phones = await Promise.all(['w-a-ma', 'w-a-niu'].map(async (id) => (await h.store.get('workers', id))?.phone ?? ''))
    const zhang = await h.store.get('users', 'u-butler-zhang')
    phones.push(zhang?.phone ?? '')
    expect(phones.every((p) => p.length >= 11)).toBe(true)
    const published = okData(await h.call('selling.publishHonorRoll', { month: MONTH }, OPERATOR, A)).roll
    expect(published).toMatchObject({ status: 'published', statusLabel: '已发布', publishedAt: h.clock.now() })
    expect(errorOf(await h.call('selling.publishHonorRoll', { month: MONTH }, OPERATOR, A))).toMatchObject({ code: 'SELLING.HONOR_PUBLISHED', message: '2026年1月光荣榜已发布' })
    expect(codeOf(await save(ENTRIES.slice(0, 1)))).toBe('SELLING.HONOR_PUBLISHED')

    for (const who of [WANG, MA, ZHANG, OPERATOR]) {
      const view = okData(await h.call('selling.honorRoll', {}, who, A))
      expect(view.months).toEqual([MONTH])
      expect(view.roll?.entries).toEqual([
        { kind: 'worker', kindLabel: '服务之星', refId: 'w-a-ma', name: '马师傅', photo: null, reason: '收到业主表扬信，服务细致' },
        expect.objectContaining({ name: '牛师傅' }),
        expect.objectContaining({ kind: 'butler', name: '张管家' })
      ])
      expect(JSON.stringify(view)).not.toMatch(/phone/i)
      for (const phone of phones) expect(JSON.stringify(view)).not.toContain(phone)
    }
    expect(okData(await h.call('selling.honorRoll', {}, as('u-b-resident'), COMMUNITY_B)).roll).toBeNull()
  })

  it('refuses someone of another community, a repeated pick, an empty roll and publishing nothing; writes nothing', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await save([{ kind: 'worker', refId: 'w-a-ma', reason: '服务好' }], COMMUNITY_B))).toMatchObject({
      code: 'SELLING.HONOREE_NOT_FOUND',
      fields: [expect.objectContaining({ path: 'entries.0.refId' })]
    })
    expect(codeOf(await save([{ kind: 'butler', refId: 'u-wang', reason: '热心' }]))).toBe('SELLING.HONOREE_NOT_FOUND')
    expect(errorOf(await save([ENTRIES[0]!, ENTRIES[0]!])).fields).toEqual([expect.objectContaining({ path: 'entries', message: '同一人不能重复上榜' })])
    expect(errorOf(await save([])).fields).toEqual([expect.objectContaining({ path: 'entries', message: '请至少选择一位上榜人' })])
    expect(errorOf(await save([{ kind: 'worker', refId: 'w-a-ma', reason: '好' }])).fields).toEqual([expect.objectContaining({ path: 'entries.0.reason', message: '请填写上榜理由' })])
    expect(errorOf(await h.call('selling.publishHonorRoll', { month: MONTH }, OPERATOR, A))).toMatchObject({ code: 'SELLING.HONOR_NOT_FOUND', message: '请先保存 2026年1月光荣榜' })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('rewards', () => {
  const reward = (refId: string, budgetId: string, points: number) =>
    h.call('selling.rewardHonoree', { month: MONTH, refId, budgetId, incentive: { type: 'points', points } }, OPERATOR, A)

  it('rewards a published honoree with points within the budget, once a month; over the cap is refused', async () => {
    await monthOfWork()
    const b = await budget(800)
    okData(await save(ENTRIES))
    expect(codeOf(await reward('w-a-ma', b.id, 500))).toBe('SELLING.HONOR_NOT_PUBLISHED')
    okData(await h.call('selling.publishHonorRoll', { month: MONTH }, OPERATOR, A))

    // Points go to a household: a worker without a home in the community gets none.
    expect(errorOf(await reward('w-a-ma', b.id, 500))).toMatchObject({ code: 'SELLING.HONOREE_NO_HOME', message: expect.stringContaining('马师傅在本社区没有绑定房屋') })
    expect(codeOf(await reward('w-a-yang', b.id, 500))).toBe('SELLING.HONOREE_NOT_FOUND')

    await homeFor('u-worker-ma', 'h-a1-103')
    await homeFor('u-butler-zhang', 'h-a1-104')
    const first = okData(await reward('w-a-ma', b.id, 500))
    expect(first).toMatchObject({ already: false, reward: { refId: 'w-a-ma', text: '500 积分', costFen: 500 }, budget: { id: b.id, capFen: 800, spentFen: 500 } })
    // Once a month per honoree: asking again charges nothing more.
    const again = okData(await reward('w-a-ma', b.id, 300))
    expect(again).toMatchObject({ already: true, reward: { text: '500 积分' }, budget: { spentFen: 500 } })

    expect(errorOf(await reward('u-butler-zhang', b.id, 500))).toMatchObject({ code: 'MEMBER.BUDGET_EXCEEDED', message: '预算不足：剩余 ¥3.00，本次需要 ¥5.00' })
    okData(await reward('u-butler-zhang', b.id, 300))

    const rewards = (await findAll(h.store, 'rewards')).filter((r) => r._id.startsWith('reward:honor:'))
    expect(rewards.map((r) => [r._id, r.userId, r.costFen]).sort()).toEqual([
      [`reward:honor:${A}:${MONTH}:u-butler-zhang`, 'u-butler-zhang', 300],
      [`reward:honor:${A}:${MONTH}:w-a-ma`, 'u-worker-ma', 500]
    ])
    const { budgets } = okData(await h.call('member.budgets', {}, OPERATOR, A))
    expect(budgets.find((x) => x.id === b.id)).toMatchObject({ spentFen: 800, grants: 2 })
    const { rewards: given } = okData(await h.call('selling.honorCandidates', { month: MONTH }, OPERATOR, A))
    expect(given.map((g) => [g.refId, g.text]).sort()).toEqual([['u-butler-zhang', '300 积分'], ['w-a-ma', '500 积分']])
  })
})
