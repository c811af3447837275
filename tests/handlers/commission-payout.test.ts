/**
 * Paying commission statements through WeChat Pay 商家转账 (the transfer sandbox locally): approval
 * makes one bill that waits for the butler's tap, the statement is paid only on SUCCESS and only
 * once, a create that times out keeps its out_bill_no until a query settles it, a closed bill is
 * tried again under the next number, and notifications are verified and idempotent.
 */
import type { CommissionStatementDoc } from '../../cloudfunctions/domain/selling/docs'
import { handleTransferNotification } from '../../cloudfunctions/domain/selling/transfer-notify'
import { SYNC_BATCH } from '../../cloudfunctions/domain/selling/payouts'
import { startTransfer, transferNo } from '../../cloudfunctions/domain/selling/transfers'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { HttpResponse } from '../../cloudfunctions/kernel/http-main'
import { createPayMain } from '../../cloudfunctions/pay/http-entry'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type LocalPorts, localRuntime } from '../../scripts/server/local-runtime'
import type { TransferSandbox } from '../../scripts/server/transfer-sandbox'
import { payRoutes } from '../../scripts/server/pay-routes'
import type { IncomingMessage } from 'node:http'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData } from './support'

const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang')
const LIU = as('u-butler-liu')
const MONTH = '2026-11'
const ID = `${COMMUNITY_A}:u-butler-zhang:${MONTH}`

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
const rid = () => `crid-payout-${String(++n).padStart(6, '0')}`

/** A statement as the monthly build leaves it: pending approval, nothing paid yet. */
async function pendingStatement(payableFen = 47_900, over: Partial<CommissionStatementDoc> = {}): Promise<CommissionStatementDoc> {
  const now = h.clock.now()
  const doc: CommissionStatementDoc = {
    _id: ID,
    communityId: COMMUNITY_A,
    butlerUserId: 'u-butler-zhang',
    month: MONTH,
    status: 'pending_approval',
    totalFen: payableFen,
    payableFen,
    carryInFen: 0,
    carryOutFen: 0,
    entries: 3,
    payoutAttempt: 0,
    outBillNo: null,
    packageInfo: null,
    failReason: null,
    approvedBy: null,
    approvedAt: null,
    paidAt: null,
    builtAt: now,
    createdAt: now,
    updatedAt: now,
    ...over
  }
  const res = await h.store.insert('commissionStatements', doc)
  if (!res.ok) throw new Error('statement exists')
  return doc
}

async function statement(): Promise<CommissionStatementDoc> {
  const s = await h.store.get('commissionStatements', ID)
  if (!s) throw new Error('no statement')
  return s
}
const transfers = () => findAll(h.store, 'transfers')
const approve = (clientRequestId = rid()) => h.call('selling.approveStatement', { id: ID, clientRequestId }, OPERATOR, COMMUNITY_A)
const syncJob = async () => {
  const res = (await h.raw('selling', { Type: 'Timer', TriggerName: 'transfer-sync' }, null)) as { ok: boolean; report?: Record<string, number> }
  if (!res.ok || !res.report) throw new Error(`transfer-sync failed: ${JSON.stringify(res)}`)
  return res.report
}
/** The butler taps 确认收款: the page asks for the package, WeChat (the sandbox sheet) confirms, the page syncs once. */
async function butlerConfirms() {
  const info = okData(await h.call('selling.confirmInfo', { id: ID }, ZHANG, COMMUNITY_A))
  const bill = sandbox.billByPackage(info.package)
  if (!bill) throw new Error('package unknown to the sandbox')
  expect(bill.openid).toBe(ZHANG)
  expect(await sandbox.confirmTransfer(bill.outBillNo)).toEqual({ ok: true, status: 204 })
  return okData(await h.call('selling.syncPayout', { id: ID }, ZHANG, COMMUNITY_A))
}

describe('approve → awaiting the butler → confirmed → paid', () => {
  it('makes one bill waiting for confirmation, and pays the statement on the signed SUCCESS', async () => {
    await pendingStatement()
    const view = okData(await approve())
    expect(view).toMatchObject({ id: ID, status: 'awaiting_confirm', payableFen: 47_900, payoutAttempt: 1, paidAt: null })
    const no = transferNo('statement', ID, 1)
    expect(no).toMatch(/^T[0-9a-f]{24}A1$/)
    expect(await statement()).toMatchObject({ status: 'awaiting_confirm', outBillNo: no, approvedBy: 'u-operator-wu' })
    expect(sandbox.all()).toEqual([expect.objectContaining({ outBillNo: no, state: 'WAIT_USER_CONFIRM', amountFen: 47_900, openid: ZHANG })])
    // The butler is told to confirm, in words, with a link to the statement.
    const inbox = await findAll(h.store, 'inbox', { userId: 'u-butler-zhang' })
    expect(inbox).toEqual([expect.objectContaining({ title: '佣金待确认收款', body: expect.stringContaining('¥479.00') })])

    // confirmInfo is for the butler themself only.
    expect(codeOf(await h.call('selling.confirmInfo', { id: ID }, LIU, COMMUNITY_A))).toBe('SELLING.STATEMENT_NOT_FOUND')
    const info = okData(await h.call('selling.confirmInfo', { id: ID }, ZHANG, COMMUNITY_A))
    expect(info).toEqual({ mchId: sandbox.mchId, appId: sandbox.appId, package: expect.stringMatching(/^sbx_pkg_/) })

    const after = await butlerConfirms()
    expect(after).toMatchObject({ status: 'paid', paidAt: h.clock.now() })
    expect(sandbox.successes(no)).toBe(1)
    expect(await transfers()).toEqual([expect.objectContaining({ _id: no, state: 'SUCCESS', purpose: 'statement', refId: ID, attempt: 1 })])
    // Nothing left to confirm.
    expect(errorOf(await h.call('selling.confirmInfo', { id: ID }, ZHANG, COMMUNITY_A))).toMatchObject({ code: 'SELLING.NOT_AWAITING_CONFIRM', message: '这笔佣金已到账' })
  })
})

describe('approving twice', () => {
  it('is refused in Chinese, writes nothing and makes no second transfer', async () => {
    await pendingStatement()
    okData(await approve())
    const before = await statement()
    const second = await approve()
    expect(errorOf(second)).toMatchObject({ code: 'SELLING.ALREADY_APPROVED', message: '该结算单已审批，请勿重复操作' })
    expect(await statement()).toEqual(before)
    expect(await transfers()).toHaveLength(1)
    expect(sandbox.all()).toHaveLength(1)
    await butlerConfirms()
    expect(codeOf(await approve())).toBe('SELLING.ALREADY_APPROVED')
    expect(sandbox.all().map((b) => b.successes)).toEqual([1])
  })

  it('answers the same request again (a lost answer retried) without a second bill', async () => {
    await pendingStatement()
    const crid = rid()
    okData(await approve(crid))
    expect(okData(await approve(crid))).toMatchObject({ status: 'awaiting_confirm', payoutAttempt: 1 })
    expect(sandbox.all()).toHaveLength(1)
  })

  it('two approvals at once make one bill', async () => {
    await pendingStatement()
    const [a, b] = await Promise.all([approve(), approve()])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect(sandbox.all()).toHaveLength(1)
  })
})

describe('what cannot be approved', () => {
  it('¥2,000 or more needs a real-name transfer: refused, nothing written', async () => {
    await pendingStatement(200_000)
    const before = await statement()
    expect(errorOf(await approve())).toMatchObject({ code: 'SELLING.NEEDS_REAL_NAME', message: '单笔满 2000 元需实名转账，请分月或线下结算' })
    expect(await statement()).toEqual(before)
    expect(await transfers()).toEqual([])
  })

  it('a statement still building or of another community', async () => {
    await pendingStatement(5_000, { status: 'building' })
    expect(codeOf(await approve())).toBe('SELLING.NOT_PAYABLE')
    // The operator of both communities, acting in the other one.
    expect(codeOf(await h.call('selling.approveStatement', { id: ID, clientRequestId: rid() }, OPERATOR, COMMUNITY_B))).toBe('SELLING.STATEMENT_NOT_FOUND')
    expect(await transfers()).toEqual([])
  })
})

describe('a create that times out', () => {
  it('stays paying; the sync job asks, resends the same out_bill_no, and pays once', async () => {
    await pendingStatement()
    jest.spyOn(sandbox, 'create').mockResolvedValueOnce({ ok: false, reason: 'timeout of 10000ms exceeded', definite: false })
    expect(okData(await approve())).toMatchObject({ status: 'paying' })
    const no = transferNo('statement', ID, 1)
    expect(await transfers()).toEqual([expect.objectContaining({ _id: no, state: 'UNSENT', lastError: 'timeout of 10000ms exceeded' })])
    // Too fresh for the job.
    expect(await syncJob()).toMatchObject({ transfers: 0 })
    h.clock.advance(2 * 60_000)
    await syncJob()
    expect(await statement()).toMatchObject({ status: 'awaiting_confirm', outBillNo: no })
    expect(await butlerConfirms()).toMatchObject({ status: 'paid' })
    expect(sandbox.all().map((b) => [b.outBillNo, b.successes])).toEqual([[no, 1]])
  })

  it('when WeChat Pay did make the bill, the query finds it and no second one is made', async () => {
    await pendingStatement()
    const real = sandbox.create.bind(sandbox)
    jest.spyOn(sandbox, 'create').mockImplementationOnce(async (req) => {
      await real(req)
      return { ok: false, reason: 'socket hang up', definite: false }
    })
    okData(await approve())
    h.clock.advance(2 * 60_000)
    await syncJob()
    expect(await butlerConfirms()).toMatchObject({ status: 'paid' })
    expect(sandbox.all()).toHaveLength(1)
    expect(sandbox.successes(transferNo('statement', ID, 1))).toBe(1)
  })

  it('a refused create fails the statement with the reason in words; the operator retries under a new number', async () => {
    await pendingStatement()
    jest.spyOn(sandbox, 'create').mockResolvedValueOnce({ ok: false, reason: 'NOT_ENOUGH 资金不足', definite: true })
    expect(okData(await approve())).toMatchObject({ status: 'failed', failReason: '商户运营账户余额不足' })
    expect(codeOf(await h.call('selling.retryPayout', { id: ID, clientRequestId: rid() }, ZHANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    const retried = okData(await h.call('selling.retryPayout', { id: ID, clientRequestId: rid() }, OPERATOR, COMMUNITY_A))
    expect(retried).toMatchObject({ status: 'awaiting_confirm', payoutAttempt: 2, failReason: null })
    expect((await statement()).outBillNo).toBe(transferNo('statement', ID, 2))
    expect(await butlerConfirms()).toMatchObject({ status: 'paid' })
    expect(codeOf(await h.call('selling.retryPayout', { id: ID, clientRequestId: rid() }, OPERATOR, COMMUNITY_A))).toBe('SELLING.NOT_FAILED')
  })
})

describe('a bill the butler never confirmed', () => {
  it('is tried again as attempt 2 once WeChat closes it, and paid once', async () => {
    await pendingStatement()
    okData(await approve())
    const first = transferNo('statement', ID, 1)
    await sandbox.expire(first)
    const second = transferNo('statement', ID, 2)
    expect(await statement()).toMatchObject({ status: 'awaiting_confirm', payoutAttempt: 2, outBillNo: second, failReason: '转账未在微信规定时间内确认收款，已关闭' })
    // The old package cannot be confirmed any more.
    expect(await sandbox.confirmTransfer(first)).toEqual({ ok: false, reason: '这笔转账已关闭，请刷新后重试' })
    expect(await butlerConfirms()).toMatchObject({ status: 'paid', payoutAttempt: 2 })
    expect(sandbox.all().map((b) => [b.outBillNo, b.state, b.successes])).toEqual([
      [first, 'CANCELLED', 0],
      [second, 'SUCCESS', 1]
    ])
  })

  it('without a notification, the sync job finds it closed; after 3 attempts the statement fails for an operator', async () => {
    await pendingStatement()
    okData(await approve())
    for (let attempt = 1; attempt <= 3; attempt++) {
      await sandbox.expire(transferNo('statement', ID, attempt), { notify: false })
      h.clock.advance(6 * 60_000)
      await syncJob()
    }
    expect(await statement()).toMatchObject({ status: 'failed', payoutAttempt: 3, failReason: '转账未在微信规定时间内确认收款，已关闭' })
    expect(sandbox.all()).toHaveLength(3)
    okData(await h.call('selling.retryPayout', { id: ID, clientRequestId: rid() }, OPERATOR, COMMUNITY_A))
    expect(await butlerConfirms()).toMatchObject({ status: 'paid', payoutAttempt: 4 })
    expect(sandbox.all().reduce((sum, b) => sum + b.successes, 0)).toBe(1)
  })
})

describe('the sync job under many unconfirmed bills', () => {
  it('asks about a bounded batch per run, oldest first, and every open bill takes its turn', async () => {
    const total = SYNC_BATCH + 20
    for (let i = 0; i < total; i++) {
      await startTransfer(h.ports, { purpose: 'reward', refId: `rw-${i}`, attempt: 1, communityId: COMMUNITY_A, userId: 'u-butler-zhang', openid: ZHANG, amountFen: 500, remark: '光荣榜奖励', scene: 'reward' })
      h.clock.advance(1000)
    }
    const asked: string[] = []
    const query = sandbox.query.bind(sandbox)
    jest.spyOn(sandbox, 'query').mockImplementation(async (no: string) => {
      asked.push(no)
      return query(no)
    })
    h.clock.advance(6 * 60_000)
    await syncJob()
    expect(asked).toHaveLength(SYNC_BATCH)
    // The oldest bills were asked about first.
    expect(asked).toContain(transferNo('reward', 'rw-0', 1))
    expect(asked).not.toContain(transferNo('reward', `rw-${total - 1}`, 1))
    h.clock.advance(6 * 60_000)
    await syncJob()
    // The second run starts with the bills the first one could not reach.
    expect(new Set(asked).size).toBe(total)
    expect((await transfers()).every((t) => t.state === 'WAIT_USER_CONFIRM')).toBe(true)
  })
})

describe('notifications', () => {
  async function paidStatement() {
    await pendingStatement()
    okData(await approve())
    await butlerConfirms()
    return transferNo('statement', ID, 1)
  }

  it('a repeated notification changes nothing', async () => {
    const no = await paidStatement()
    const [s, t] = [await statement(), await transfers()]
    h.clock.advance(60_000)
    expect(await sandbox.confirmTransfer(no)).toEqual({ ok: true, status: 204 })
    expect(await statement()).toEqual(s)
    expect(await transfers()).toEqual(t)
    expect(sandbox.successes(no)).toBe(1)
  })

  it('a forged or tampered notification is refused with 401 and changes nothing', async () => {
    await pendingStatement()
    okData(await approve())
    const no = transferNo('statement', ID, 1)
    const s = await statement()
    // A genuine notification, altered after signing or with another signature.
    const genuine = sandbox.notificationFor(no)
    const tampered = { headers: genuine.headers, body: genuine.body.replace('"id":"EV-', '"id":"EV-X') }
    expect(await handleTransferNotification(h.ports, tampered.headers, tampered.body)).toMatchObject({ status: 401 })
    expect(await handleTransferNotification(h.ports, { ...genuine.headers, 'Wechatpay-Signature': 'AAAA' }, genuine.body)).toMatchObject({ status: 401 })
    expect(await statement()).toEqual(s)
    expect(h.logs.filter((l) => l.msg === 'transfer notification rejected')).toHaveLength(2)
  })

  it('reaches the same handler through the pay function’s HTTP route /pay/transfer-notify', async () => {
    await pendingStatement()
    okData(await approve())
    const no = transferNo('statement', ID, 1)
    const main = createPayMain(localRuntime(h.ports))
    const forged = (await main({ httpMethod: 'POST', path: '/pay/transfer-notify', headers: {}, body: '{}' })) as HttpResponse
    expect(forged.statusCode).toBe(401)
    // The bill is confirmed in WeChat, but its notification arrives by HTTP this time.
    jest.spyOn(sandbox, 'send').mockResolvedValueOnce({ status: 204, body: '' })
    await sandbox.confirmTransfer(no)
    const note = sandbox.notificationFor(no)
    const res = (await main({ httpMethod: 'POST', path: '/pay/transfer-notify', headers: note.headers, body: note.body })) as HttpResponse
    expect(res.statusCode).toBe(204)
    expect(await statement()).toMatchObject({ status: 'paid' })
  })
})

describe('the local sandbox 确认收款 sheet (/sandbox/transfer/confirm)', () => {
  it('confirms only for the payee’s own session, then the statement is paid', async () => {
    await pendingStatement()
    okData(await approve())
    const confirm = payRoutes(h.ports as LocalPorts)['/sandbox/transfer/confirm']
    if (!confirm) throw new Error('no sandbox confirm route')
    const req = {} as IncomingMessage
    const info = okData(await h.call('selling.confirmInfo', { id: ID }, ZHANG, COMMUNITY_A))
    const body = JSON.stringify({ package: info.package })
    expect(await confirm(req, body, null)).toMatchObject({ status: 401 })
    expect(await confirm(req, body, { openid: LIU })).toMatchObject({ status: 404 })
    expect(await confirm(req, JSON.stringify({ package: 'sbx_pkg_forged' }), { openid: ZHANG })).toMatchObject({ status: 404 })
    expect((await statement()).status).toBe('awaiting_confirm')
    expect(await confirm(req, body, { openid: ZHANG })).toMatchObject({ status: 200, json: { ok: true } })
    expect(await statement()).toMatchObject({ status: 'paid' })
  })
})
