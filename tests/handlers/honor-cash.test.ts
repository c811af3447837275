/**
 * Cash rewards of the 光荣榜 through the real request path: the budget is charged once per honoree a
 * month (never over its cap), then one WeChat Pay 商家转账 (the transfer sandbox) waits for the
 * recipient's own tap on 领取; a create that times out keeps its out_bill_no, an unconfirmed bill
 * closed by WeChat is made again under the next number, and cash goes nowhere else.
 */
import type { MembershipDoc } from '../../cloudfunctions/domain/docs'
import { transferNo } from '../../cloudfunctions/domain/selling/transfers'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import type { LocalPorts } from '../../scripts/server/local-runtime'
import type { TransferSandbox } from '../../scripts/server/transfer-sandbox'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const A = COMMUNITY_A
const OPERATOR = as('u-operator-wu')
const MA = as('u-worker-ma')
const NIU = as('u-worker-niu')
const ZHANG = as('u-butler-zhang')
const STAFF = as('u-staff-sun')
/** The harness clock reads 2026-01-06 in Shanghai. */
const MONTH = '2026-01'
const REWARD_ID = `reward:honor:${A}:${MONTH}:w-a-ma`
const FIRST_BILL = transferNo('reward', REWARD_ID, 1)

let h: Harness
let sandbox: TransferSandbox
beforeEach(async () => {
  h = await makeHarness()
  sandbox = (h.ports as LocalPorts).transferSandbox
})
afterEach(async () => {
  jest.restoreAllMocks()
  await h.close()
})

let n = 0
const rid = () => `honor-cash-${String(++n).padStart(6, '0')}`

/** 马师傅 (a worker with no home in the community) and 张管家 on the published roll; a budget of `capFen`. */
async function publishedRoll(capFen: number) {
  const b = okData(await h.call('member.createBudget', { budget: { title: '光荣榜奖励', kind: 'campaign', capFen }, clientRequestId: rid() }, OPERATOR, A))
  okData(
    await h.call(
      'selling.saveHonorRoll',
      {
        month: MONTH,
        entries: [
          { kind: 'worker', refId: 'w-a-ma', reason: '收到业主表扬信，服务细致' },
          { kind: 'worker', refId: 'w-a-niu', reason: '本月评价平均 4.8 分' },
          { kind: 'butler', refId: 'u-butler-zhang', reason: '网格住户写来表扬信' }
        ]
      },
      OPERATOR,
      A
    )
  )
  okData(await h.call('selling.publishHonorRoll', { month: MONTH }, OPERATOR, A))
  return b
}

const cash = (refId: string, budgetId: string, amountFen: number) =>
  h.call('selling.rewardHonoree', { month: MONTH, refId, budgetId, incentive: { type: 'cash', amountFen } }, OPERATOR, A)
const transfers = () => findAll(h.store, 'transfers')
const rewards = async () => (await findAll(h.store, 'rewards')).filter((r) => r._id.startsWith('reward:honor:'))
const spent = async (budgetId: string) => okData(await h.call('member.budget', { budgetId }, OPERATOR, A)).budget
const syncJob = async () => {
  const res = (await h.raw('selling', { Type: 'Timer', TriggerName: 'transfer-sync' }, null)) as { ok: boolean; report?: Record<string, number> }
  if (!res.ok || !res.report) throw new Error(`transfer-sync failed: ${JSON.stringify(res)}`)
  return res.report
}
/** The worker opens 我的奖励, taps 领取, WeChat (the sandbox sheet) confirms, and the page asks once. */
async function workerClaims(who = MA) {
  const [pending] = okData(await h.call('selling.myTransfers', {}, who, A)).transfers
  if (!pending) throw new Error('nothing to claim')
  const info = okData(await h.call('selling.confirmInfo', { transferId: pending.id }, who, A))
  const bill = sandbox.billByPackage(info.package)
  if (!bill) throw new Error('package unknown to the sandbox')
  expect(bill.openid).toBe(who)
  expect(await sandbox.confirmTransfer(bill.outBillNo)).toEqual({ ok: true, status: 204 })
  return okData(await h.call('selling.syncMyTransfer', { transferId: pending.id }, who, A))
}

describe('a cash reward to a worker without a home', () => {
  it('charges the budget once, makes one bill waiting for the tap, and pays it on confirmation', async () => {
    const b = await publishedRoll(10_000)
    const res = okData(await cash('w-a-ma', b.id, 6_600))
    expect(res).toEqual({
      reward: { refId: 'w-a-ma', text: '现金 66 元', costFen: 6_600, at: h.clock.now(), transfer: { status: 'awaiting_confirm', statusLabel: '待领取', failReason: null } },
      already: false,
      budget: { id: b.id, capFen: 10_000, spentFen: 6_600 }
    })
    expect(await rewards()).toEqual([expect.objectContaining({ _id: REWARD_ID, userId: 'u-worker-ma', householdId: '', costFen: 6_600, itemId: FIRST_BILL })])
    expect(await transfers()).toEqual([
      expect.objectContaining({ _id: FIRST_BILL, purpose: 'reward', refId: REWARD_ID, userId: 'u-worker-ma', amountFen: 6_600, scene: 'reward', remark: '2026年1月光荣榜奖励', state: 'WAIT_USER_CONFIRM' })
    ])
    expect(sandbox.all().map((x) => [x.outBillNo, x.amountFen, x.openid])).toEqual([[FIRST_BILL, 6_600, MA]])

    const inbox = await h.call('message.inbox', {}, MA, A)
    expect(JSON.stringify(okData(inbox))).toContain('你有一笔奖励待领取')
    const mine = okData(await h.call('selling.myTransfers', {}, MA, A)).transfers
    expect(mine).toEqual([{ id: FIRST_BILL, title: '2026年1月光荣榜奖励', amountFen: 6_600, status: 'awaiting_confirm', statusLabel: '待领取', failReason: null, createdAt: h.clock.now(), paidAt: null }])
    // Nobody else sees it, confirms it or asks about it.
    expect(okData(await h.call('selling.myTransfers', {}, NIU, A)).transfers).toEqual([])
    expect(codeOf(await h.call('selling.confirmInfo', { transferId: FIRST_BILL }, NIU, A))).toBe('SELLING.TRANSFER_NOT_FOUND')
    expect(errorOf(await h.call('selling.confirmInfo', {}, MA, A)).fields).toEqual([expect.objectContaining({ path: 'id', message: '请指定一张结算单或一笔奖励' })])
    expect(codeOf(await h.call('selling.confirmInfo', { id: FIRST_BILL, transferId: FIRST_BILL }, MA, A))).toBe('REQUEST.INVALID_INPUT')
    expect(codeOf(await h.call('selling.syncMyTransfer', { transferId: FIRST_BILL }, ZHANG, A))).toBe('SELLING.TRANSFER_NOT_FOUND')

    expect(await workerClaims()).toMatchObject({ id: FIRST_BILL, status: 'paid', statusLabel: '已到账', paidAt: h.clock.now() })
    expect(errorOf(await h.call('selling.confirmInfo', { transferId: FIRST_BILL }, MA, A))).toMatchObject({ code: 'SELLING.NOT_AWAITING_CONFIRM', message: '这笔奖励已到账' })
    expect(sandbox.successes(FIRST_BILL)).toBe(1)
    expect(await spent(b.id)).toMatchObject({ spentFen: 6_600, grants: 1 })
    const { rewards: given } = okData(await h.call('selling.honorCandidates', { month: MONTH }, OPERATOR, A))
    expect(given).toEqual([expect.objectContaining({ refId: 'w-a-ma', text: '现金 66 元', transfer: { status: 'paid', statusLabel: '已到账', failReason: null } })])
  })

  it('the same reward twice makes one bill and one charge; the second asks nothing new', async () => {
    const b = await publishedRoll(10_000)
    okData(await cash('w-a-ma', b.id, 3_000))
    const again = okData(await cash('w-a-ma', b.id, 5_000))
    expect(again).toMatchObject({ already: true, reward: { text: '现金 30 元', costFen: 3_000 }, budget: { spentFen: 3_000 } })
    // Asking for points the second time still finishes the cash grant, nothing more.
    const points = okData(await h.call('selling.rewardHonoree', { month: MONTH, refId: 'w-a-ma', budgetId: b.id, incentive: { type: 'points', points: 100 } }, OPERATOR, A))
    expect(points).toMatchObject({ already: true, reward: { text: '现金 30 元' } })
    expect((await transfers()).map((t) => t._id)).toEqual([FIRST_BILL])
    expect(sandbox.all()).toHaveLength(1)
    expect(await spent(b.id)).toMatchObject({ spentFen: 3_000, grants: 1 })
    expect(await rewards()).toHaveLength(1)
  })

  it('also reaches a butler, who claims it himself', async () => {
    const b = await publishedRoll(10_000)
    okData(await cash('u-butler-zhang', b.id, 2_000))
    expect(await workerClaims(ZHANG)).toMatchObject({ status: 'paid', amountFen: 2_000 })
  })
})

describe('refused, with nothing written', () => {
  it('over the budget', async () => {
    const b = await publishedRoll(5_000)
    const before = await snapshot(h.store)
    expect(errorOf(await cash('w-a-ma', b.id, 6_000))).toMatchObject({ code: 'MEMBER.BUDGET_EXCEEDED', message: '预算不足：剩余 ¥50.00，本次需要 ¥60.00' })
    expect(await snapshot(h.store)).toEqual(before)
    expect(sandbox.all()).toEqual([])
  })

  it('to an honoree who never signed in with WeChat, and more than ¥1,000 at once', async () => {
    const b = await publishedRoll(500_000)
    expect(await h.store.update('users', 'u-worker-niu', { set: { openid: '' } })).toBe(true)
    const before = await snapshot(h.store)
    expect(errorOf(await cash('w-a-niu', b.id, 1_000))).toMatchObject({ code: 'SELLING.NO_WECHAT', message: expect.stringContaining('牛师傅还没有用微信登录过小程序') })
    expect(errorOf(await cash('w-a-ma', b.id, 100_001)).fields).toEqual([expect.objectContaining({ path: 'incentive.amountFen', message: '现金奖励单笔最多 ¥1,000.00' })])
    expect(await snapshot(h.store)).toEqual(before)
    expect((await h.store.get('users', 'u-worker-niu'))?.openid).toBe('')
  })

  it('where cash is not offered: a staff grant to a resident from the budget page', async () => {
    const b = await publishedRoll(10_000)
    const before = await snapshot(h.store)
    // Sent as a page would send it: the contract itself has no cash here, so only a raw event can ask.
    const input = { budgetId: b.id, userId: 'u-wang', reward: { type: 'cash', amountFen: 1_000 }, clientRequestId: rid() }
    const res = await h.raw('member', { action: 'issueReward', input, communityId: A }, STAFF)
    expect(errorOf(res)).toMatchObject({ code: 'REQUEST.INVALID_INPUT', fields: [expect.objectContaining({ path: 'reward.type', message: '这里不能发现金，现金奖励请在光荣榜发放' })] })
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('a cash grant asked again as points, once the honoree has a home, gives no points', async () => {
    const b = await publishedRoll(10_000)
    const home: MembershipDoc = { _id: 'h-a1-103:u-worker-ma', userId: 'u-worker-ma', householdId: 'h-a1-103', communityId: A, relation: 'family', status: 'active', via: 'seed', createdAt: h.clock.now() }
    expect((await h.store.insert('memberships', home)).ok).toBe(true)
    okData(await cash('w-a-ma', b.id, 1_000))
    const points = (await findAll(h.store, 'pointEntries')).length
    expect(okData(await h.call('selling.rewardHonoree', { month: MONTH, refId: 'w-a-ma', budgetId: b.id, incentive: { type: 'points', points: 100 } }, OPERATOR, A))).toMatchObject({ already: true })
    expect(await rewards()).toEqual([expect.objectContaining({ incentive: { type: 'cash', amountFen: 1_000 } })])
    expect(await findAll(h.store, 'pointEntries')).toHaveLength(points)
  })
})

describe('a bill that does not go through at once', () => {
  it('a create that times out keeps its out_bill_no; the sync job sends it again and it is paid once', async () => {
    const b = await publishedRoll(10_000)
    jest.spyOn(sandbox, 'create').mockResolvedValueOnce({ ok: false, reason: 'timeout of 10000ms exceeded', definite: false })
    okData(await cash('w-a-ma', b.id, 1_500))
    expect(await transfers()).toEqual([expect.objectContaining({ _id: FIRST_BILL, state: 'UNSENT', lastError: 'timeout of 10000ms exceeded' })])
    expect(okData(await h.call('selling.myTransfers', {}, MA, A)).transfers).toEqual([expect.objectContaining({ status: 'processing', statusLabel: '转账中' })])
    h.clock.advance(2 * 60_000)
    await syncJob()
    expect(await transfers()).toEqual([expect.objectContaining({ _id: FIRST_BILL, state: 'WAIT_USER_CONFIRM' })])
    expect(await workerClaims()).toMatchObject({ id: FIRST_BILL, status: 'paid' })
    expect(sandbox.all().map((x) => [x.outBillNo, x.successes])).toEqual([[FIRST_BILL, 1]])
    // The operator asking again changes nothing.
    expect(okData(await cash('w-a-ma', b.id, 1_500))).toMatchObject({ already: true, budget: { spentFen: 1_500 } })
    expect(sandbox.all()).toHaveLength(1)
  })

  it('an unconfirmed bill closed by WeChat is made again under the next number, at most 3 times', async () => {
    const b = await publishedRoll(10_000)
    okData(await cash('w-a-ma', b.id, 1_500))
    // Closed with a notification: the next bill is made at once.
    await sandbox.expire(FIRST_BILL)
    const second = transferNo('reward', REWARD_ID, 2)
    expect(okData(await h.call('selling.myTransfers', {}, MA, A)).transfers).toEqual([expect.objectContaining({ id: second, status: 'awaiting_confirm' })])
    // Closed without one: the sync job finds it.
    await sandbox.expire(second, { notify: false })
    h.clock.advance(6 * 60_000)
    await syncJob()
    const third = transferNo('reward', REWARD_ID, 3)
    await sandbox.expire(third, { notify: false })
    h.clock.advance(6 * 60_000)
    await syncJob()
    expect(sandbox.all().map((x) => x.outBillNo)).toEqual([FIRST_BILL, second, third])
    expect(okData(await h.call('selling.myTransfers', {}, MA, A)).transfers).toEqual([
      expect.objectContaining({ id: third, status: 'failed', statusLabel: '未能到账', failReason: '多次未在微信规定时间内领取，转账已关闭' })
    ])
    // The office sees it did not go through; the budget stays charged for it to settle by hand.
    const { rewards: given } = okData(await h.call('selling.honorCandidates', { month: MONTH }, OPERATOR, A))
    expect(given).toEqual([expect.objectContaining({ refId: 'w-a-ma', transfer: { status: 'failed', statusLabel: '未能到账', failReason: '多次未在微信规定时间内领取，转账已关闭' } })])
    expect(await spent(b.id)).toMatchObject({ spentFen: 1_500, grants: 1 })
  })

  it('a closed bill whose next attempt failed to start is picked up by the sync job, once', async () => {
    const b = await publishedRoll(10_000)
    okData(await cash('w-a-ma', b.id, 1_500))
    // The bill closes; making the next one fails before it is written (the store was unreachable).
    const insert = h.store.insert.bind(h.store)
    const spy = jest.spyOn(h.store, 'insert').mockImplementation(async (collection, doc) => {
      if (collection === 'transfers') throw new Error('store unreachable')
      return insert(collection, doc)
    })
    await sandbox.expire(FIRST_BILL, { notify: false })
    h.clock.advance(6 * 60_000)
    await syncJob()
    spy.mockRestore()
    const second = transferNo('reward', REWARD_ID, 2)
    expect((await transfers()).map((t) => [t._id, t.state])).toEqual([[FIRST_BILL, 'CANCELLED']])
    // The next run makes it; the one after finds nothing left to do.
    h.clock.advance(6 * 60_000)
    expect(await syncJob()).toMatchObject({ rewards: 1 })
    h.clock.advance(6 * 60_000)
    expect(await syncJob()).toMatchObject({ rewards: 0 })
    expect(sandbox.all().map((x) => x.outBillNo)).toEqual([FIRST_BILL, second])
    expect(await workerClaims()).toMatchObject({ id: second, status: 'paid' })
  })
})
