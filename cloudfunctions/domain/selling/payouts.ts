import type { sellingPayoutContracts } from '../../contracts/selling-payout'
import type { StatementStatus } from '../../contracts/selling-labels'
import { transferFailText } from '../../contracts/transfer-labels'
import type { ActionHandler, JobSpec } from '../../kernel/module'
import { getMany, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { REAL_NAME_FROM_FEN } from '../../kernel/transfer-gateway'
import { formatFenText } from '../format-money'
import type { CommissionStatementDoc } from './docs'
import { resumeClosedRewards, rewardConfirmInfo, settleRewardTransfer } from './reward-transfers'
import type { TransferDoc } from './transfer-docs'
import { OPEN_TRANSFER_STATES, isFinalRow, startTransfer, syncTransfer, syncTransferRow, transferNo } from './transfers'

type C = typeof sellingPayoutContracts

/** A bill the butler never confirmed (or WeChat Pay failed) is tried again this many times in all, then left to an operator. */
export const MAX_PAYOUT_ATTEMPTS = 3
/** The sync job leaves fresh bills alone: their notification is usually on its way. */
const SYNC_AFTER_MS = 60_000
/** Bills and statements the sync job looks at per run: WeChat Pay queries within the function's 10 s. */
export const SYNC_BATCH = 100

/** Every status an approval has already passed through: a second approval of these does nothing. */
const APPROVED: readonly StatementStatus[] = ['approved', 'paying', 'awaiting_confirm', 'paid', 'failed']
/** A payout with a bill out: only the bill named in `outBillNo` may move it. */
const LIVE: StatementStatus[] = ['paying', 'awaiting_confirm']

const getStatement = (ports: Ports, id: string) => ports.store.get('commissionStatements', id)

const notFound = () => fail('SELLING.STATEMENT_NOT_FOUND', '结算单不存在', [{ path: 'id', label: '结算单', message: '没有这张结算单' }])
const alreadyApproved = () => fail('SELLING.ALREADY_APPROVED', '该结算单已审批，请勿重复操作')

function payoutView(s: CommissionStatementDoc) {
  return { id: s._id, status: s.status, payableFen: s.payableFen, payoutAttempt: s.payoutAttempt, failReason: s.failReason, approvedAt: s.approvedAt, paidAt: s.paidAt }
}

function statementLink(s: CommissionStatementDoc): string {
  return `/packages/butler/pages/statement/index?id=${encodeURIComponent(s._id)}&communityId=${encodeURIComponent(s.communityId)}`
}

/** Moves a live payout when the bill is still the statement's current one; false when someone else moved it first. */
function moveLive(ports: Ports, s: CommissionStatementDoc, outBillNo: string, set: Partial<CommissionStatementDoc>): Promise<boolean> {
  return ports.store.update('commissionStatements', s._id, { set: { ...set, updatedAt: ports.clock.now() } }, { status: { in: LIVE }, outBillNo })
}

/**
 * Brings a statement in line with its transfer: waiting for the butler's tap, paid (one
 * conditional update, so at most once), or back to `approved` with the next attempt once the bill
 * is final without money moving. A bill of an earlier attempt never moves the statement.
 */
export async function settleStatementPayout(ports: Ports, t: TransferDoc, known?: CommissionStatementDoc): Promise<CommissionStatementDoc | null> {
  const s = known ?? (await getStatement(ports, t.refId))
  if (!s || s.outBillNo !== t._id || !LIVE.includes(s.status)) return s
  switch (t.state) {
    case 'WAIT_USER_CONFIRM': {
      if (s.status === 'awaiting_confirm' && s.packageInfo === t.packageInfo) return s
      if (await moveLive(ports, s, t._id, { status: 'awaiting_confirm', packageInfo: t.packageInfo })) {
        await ports.notifier.notify({
          userId: s.butlerUserId,
          communityId: s.communityId,
          kind: 'commission-payout',
          title: '佣金待确认收款',
          body: `${s.month} 佣金 ${formatFenText(s.payableFen)} 已发起转账，请在结算单上点「确认收款」，微信会请你确认`,
          link: statementLink(s),
          key: `payout:${t._id}:confirm`
        })
      }
      break
    }
    case 'SUCCESS': {
      if (await moveLive(ports, s, t._id, { status: 'paid', paidAt: ports.clock.now(), packageInfo: null, failReason: null })) {
        await ports.notifier.notify({
          userId: s.butlerUserId,
          communityId: s.communityId,
          kind: 'commission-payout',
          title: '佣金已到账',
          body: `${s.month} 佣金 ${formatFenText(s.payableFen)} 已转入你的微信零钱`,
          link: statementLink(s),
          key: `payout:${s._id}:paid`
        })
      }
      break
    }
    case 'FAIL':
    case 'CANCELLED': {
      const failReason = t.state === 'CANCELLED' && !t.refused ? '转账未在微信规定时间内确认收款，已关闭' : transferFailText(t.failReason)
      // A refused bill would be refused again; a closed one is worth another attempt.
      if (t.refused || s.payoutAttempt >= MAX_PAYOUT_ATTEMPTS) {
        await moveLive(ports, s, t._id, { status: 'failed', packageInfo: null, failReason })
        break
      }
      const next = ports.store.update(
        'commissionStatements',
        s._id,
        { set: { status: 'approved', payoutAttempt: s.payoutAttempt + 1, packageInfo: null, failReason, updatedAt: ports.clock.now() } },
        { status: { in: LIVE }, outBillNo: t._id, payoutAttempt: s.payoutAttempt }
      )
      if (await next) return startPayout(ports, s._id)
      break
    }
    case 'ACCEPTED':
    case 'PROCESSING':
    case 'TRANSFERING':
      // Confirmed (or not yet ready): nothing for the butler to tap meanwhile.
      if (s.status === 'awaiting_confirm') await moveLive(ports, s, t._id, { status: 'paying', packageInfo: null })
      break
    case 'UNSENT':
    case 'CANCELING':
      break
  }
  return getStatement(ports, s._id)
}

/** Sends the statement's current bill (the row is inserted once, so a resumed payout sends the same number). */
async function sendStatementTransfer(ports: Ports, s: CommissionStatementDoc, outBillNo: string): Promise<CommissionStatementDoc | null> {
  const butler = await ports.store.get('users', s.butlerUserId)
  if (!butler?.openid) {
    await moveLive(ports, s, outBillNo, { status: 'failed', failReason: '管家未绑定微信，无法转账' })
    return getStatement(ports, s._id)
  }
  const t = await startTransfer(ports, {
    purpose: 'statement',
    refId: s._id,
    attempt: s.payoutAttempt,
    communityId: s.communityId,
    userId: s.butlerUserId,
    openid: butler.openid,
    amountFen: s.payableFen,
    remark: `${s.month} 社区管家佣金`,
    scene: 'commission'
  })
  return settleStatementPayout(ports, t, s)
}

/**
 * Starts the payout of an approved statement: the attempt is claimed by one conditional update
 * (`approved` with this attempt → `paying`), so two callers never make two bills; a create that
 * times out leaves it `paying` for the sync job, under the same number.
 */
export async function startPayout(ports: Ports, statementId: string, known?: CommissionStatementDoc): Promise<CommissionStatementDoc | null> {
  const s = known ?? (await getStatement(ports, statementId))
  if (!s || s.status !== 'approved') return s
  const outBillNo = transferNo('statement', s._id, s.payoutAttempt)
  const claimed = await ports.store.update(
    'commissionStatements',
    s._id,
    { set: { status: 'paying', outBillNo, packageInfo: null, updatedAt: ports.clock.now() } },
    { status: 'approved', payoutAttempt: s.payoutAttempt }
  )
  if (!claimed) return getStatement(ports, s._id)
  return sendStatementTransfer(ports, { ...s, status: 'paying', outBillNo }, outBillNo)
}

/** Best effort after an approval or a retry: whatever fails here the sync job finishes later. */
async function startPayoutLogged(ports: Ports, statementId: string, known?: CommissionStatementDoc): Promise<CommissionStatementDoc | null> {
  try {
    return await startPayout(ports, statementId, known)
  } catch (e) {
    ports.log.error('payout start failed; the transfer-sync job resumes it', { statementId, error: e instanceof Error ? e.message : String(e) })
    return getStatement(ports, statementId)
  }
}

export const approveStatement: ActionHandler<C['approveStatement']> = async ({ ports, actor }, input) => {
  const s = await getStatement(ports, input.id)
  if (!s || s.communityId !== actor.communityId) return notFound()
  const requestKey = `${actor.user._id}:${input.clientRequestId}`
  // The same request again (a retry after a lost answer) is answered with where it stands.
  if (s.approveRequest === requestKey) return ok(payoutView(s))
  if (APPROVED.includes(s.status)) return alreadyApproved()
  if (s.status !== 'pending_approval' || s.payableFen <= 0) return fail('SELLING.NOT_PAYABLE', '该结算单没有需要打款的金额')
  if (s.payableFen >= REAL_NAME_FROM_FEN) return fail('SELLING.NEEDS_REAL_NAME', '单笔满 2000 元需实名转账，请分月或线下结算')
  const now = ports.clock.now()
  const set = { status: 'approved' as const, approvedBy: actor.user._id, approvedAt: now, approveRequest: requestKey, payoutAttempt: s.payoutAttempt + 1, failReason: null, updatedAt: now }
  const approved = await ports.store.update('commissionStatements', s._id, { set }, { status: 'pending_approval' })
  if (!approved) return alreadyApproved()
  // The statement as just approved goes on to the payout: no second read of what this request wrote.
  const after = await startPayoutLogged(ports, s._id, { ...s, ...set })
  return ok(payoutView(after ?? { ...s, ...set }))
}

export const retryPayout: ActionHandler<C['retryPayout']> = async ({ ports, actor }, input) => {
  const s = await getStatement(ports, input.id)
  if (!s || s.communityId !== actor.communityId) return notFound()
  const requestKey = `${actor.user._id}:${input.clientRequestId}`
  if (s.retryRequest === requestKey) return ok(payoutView(s))
  if (s.status !== 'failed') return fail('SELLING.NOT_FAILED', '只有打款失败的结算单可以重新打款')
  if (s.payableFen >= REAL_NAME_FROM_FEN) return fail('SELLING.NEEDS_REAL_NAME', '单笔满 2000 元需实名转账，请分月或线下结算')
  // A new number only once the old bill is final (or WeChat Pay never had it).
  if (s.outBillNo) {
    const t = await syncTransfer(ports, s.outBillNo)
    if (t && !isFinalRow(t.state)) return fail('SELLING.PAYOUT_IN_PROGRESS', '上一笔转账仍在处理中，请稍后再试')
    // WeChat Pay paid it after all: the statement is paid, and no second bill is made.
    if (t?.state === 'SUCCESS') {
      const set = { status: 'paid' as const, paidAt: ports.clock.now(), failReason: null, updatedAt: ports.clock.now() }
      if (await ports.store.update('commissionStatements', s._id, { set }, { status: 'failed', outBillNo: t._id })) return ok(payoutView({ ...s, ...set }))
      return fail('SELLING.NOT_FAILED', '该结算单刚被重新打款，请刷新后查看')
    }
  }
  const set = { status: 'approved' as const, payoutAttempt: s.payoutAttempt + 1, retryRequest: requestKey, failReason: null, updatedAt: ports.clock.now() }
  const retried = await ports.store.update('commissionStatements', s._id, { set }, { status: 'failed', payoutAttempt: s.payoutAttempt })
  if (!retried) return fail('SELLING.NOT_FAILED', '该结算单刚被重新打款，请刷新后查看')
  const after = await startPayoutLogged(ports, s._id, { ...s, ...set })
  return ok(payoutView(after ?? { ...s, ...set }))
}

/** A butler's own statement, or not found: another butler's statement is never confirmed or shown. */
async function ownStatement(ports: Ports, id: string, userId: string, communityId: string): Promise<CommissionStatementDoc | null> {
  const s = await getStatement(ports, id)
  return s && s.communityId === communityId && s.butlerUserId === userId ? s : null
}

export const confirmInfo: ActionHandler<C['confirmInfo']> = async ({ ports, actor }, input) => {
  if (input.transferId !== undefined) return rewardConfirmInfo(ports, input.transferId, actor.user._id, actor.communityId)
  const s = input.id === undefined ? null : await ownStatement(ports, input.id, actor.user._id, actor.communityId)
  if (!s) return notFound()
  if (s.status !== 'awaiting_confirm' || !s.packageInfo) return fail('SELLING.NOT_AWAITING_CONFIRM', s.status === 'paid' ? '这笔佣金已到账' : '这笔佣金当前无需确认收款，请刷新后查看')
  return ok({ mchId: ports.transfer.mchId, appId: ports.transfer.appId, package: s.packageInfo })
}

/** After the butler's tap: one query to WeChat Pay, so the page shows 已到账 without waiting for the notification. */
export const syncPayout: ActionHandler<C['syncPayout']> = async ({ ports, actor }, input) => {
  const s = await ownStatement(ports, input.id, actor.user._id, actor.communityId)
  if (!s) return notFound()
  if (!LIVE.includes(s.status) || !s.outBillNo) return ok(payoutView(s))
  const t = await syncTransfer(ports, s.outBillNo)
  const after = t ? await settleStatementPayout(ports, t) : await sendStatementTransfer(ports, s, s.outBillNo)
  return ok(payoutView(after ?? s))
}

/**
 * Every 5 minutes: open bills are asked about (a bill WeChat Pay never received is sent again under
 * its number), and statements left behind are resumed: approved but never started, or paying with
 * no bill recorded or with a final bill not yet applied (a crash between two steps).
 */
async function syncPayouts(ports: Ports) {
  const before = ports.clock.now() - SYNC_AFTER_MS
  const report = { transfers: 0, statements: 0, paid: 0, rewards: 0, errors: 0 }
  // The oldest open bills first, a bounded batch per run (the function has 10 s): a bill asked
  // about and still open moves to the back (syncTransferRow), so every bill takes its turn.
  const open = await ports.store.find('transfers', {
    where: { state: { in: [...OPEN_TRANSFER_STATES] }, updatedAt: { lt: before } },
    orderBy: [{ field: 'updatedAt', dir: 'asc' }],
    limit: SYNC_BATCH
  })
  await inPool(open, async (row) => {
    try {
      const t = await syncTransferRow(ports, row)
      report.transfers++
      if (t?.purpose === 'statement' && (await settleStatementPayout(ports, t))?.status === 'paid') report.paid++
      // A cash reward's bill closed unconfirmed is made again under its next number here.
      if (t?.purpose === 'reward') await settleRewardTransfer(ports, t)
    } catch (e) {
      report.errors++
      ports.log.error('transfer sync failed', { outBillNo: row._id, error: e instanceof Error ? e.message : String(e) })
    }
  })
  try {
    report.rewards = await resumeClosedRewards(ports, SYNC_BATCH)
  } catch (e) {
    report.errors++
    ports.log.error('reward resume failed', { error: e instanceof Error ? e.message : String(e) })
  }
  const oldest = (status: StatementStatus[]) =>
    ports.store.find('commissionStatements', { where: { status: { in: status } }, orderBy: [{ field: 'updatedAt', dir: 'asc' }], limit: SYNC_BATCH })
  const [approved, live] = await Promise.all([oldest(['approved']), oldest(LIVE)])
  const stuck = [...approved, ...live].filter((s) => s.updatedAt < before)
  const bills = await getMany(ports.store, 'transfers', stuck.flatMap((s) => (s.status !== 'approved' && s.outBillNo ? [s.outBillNo] : [])))
  for (const s of stuck) {
    try {
      if (s.status === 'approved') {
        await startPayout(ports, s._id)
        report.statements++
        continue
      }
      if (!s.outBillNo) continue
      const t = bills.get(s.outBillNo) ?? null
      if (t && !isFinalRow(t.state)) {
        // Its bill is still open and synced above; to the back of the queue, so older live payouts can't starve the rest.
        await moveLive(ports, s, s.outBillNo, {})
        continue
      }
      const after = t ? await settleStatementPayout(ports, t) : await sendStatementTransfer(ports, s, s.outBillNo)
      report.statements++
      if (after?.status === 'paid') report.paid++
    } catch (e) {
      report.errors++
      ports.log.error('payout resume failed', { statementId: s._id, error: e instanceof Error ? e.message : String(e) })
    }
  }
  return report
}

export const transferSyncJob: JobSpec = {
  name: 'transfer-sync',
  cron: '0 */5 * * * * *',
  summary: '每 5 分钟向微信支付查询未完成的商家转账，补发未送达的转账，关闭的转账换新单号重试（最多 3 次）',
  run: syncPayouts
}

export const payoutHandlers = { approveStatement, retryPayout, confirmInfo, syncPayout }
