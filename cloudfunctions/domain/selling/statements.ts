import { shanghaiMonth } from '../../contracts/shanghai'
import { findAll, getMany, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { OrderDoc } from '../order/docs'
import { monthRange, previousMonth, remainderFen, settle } from './commission-math'
import type { CommissionEntryDoc, CommissionRuleDoc, CommissionStatementDoc } from './docs'

export const statementId = (communityId: string, butlerUserId: string, month: string) => `${communityId}:${butlerUserId}:${month}`
export const remainderId = (orderId: string) => `rest:${orderId}`
export const carryId = (fromStatementId: string) => `carry:${fromStatementId}`

export interface BuildReport {
  statements: number
  entries: number
}

function newStatement(communityId: string, butlerUserId: string, month: string, now: number): CommissionStatementDoc {
  return {
    _id: statementId(communityId, butlerUserId, month),
    communityId,
    butlerUserId,
    month,
    status: 'building',
    totalFen: 0,
    payableFen: 0,
    carryInFen: 0,
    carryOutFen: 0,
    entries: 0,
    payoutAttempt: 0,
    outBillNo: null,
    packageInfo: null,
    failReason: null,
    approvedBy: null,
    approvedAt: null,
    paidAt: null,
    builtAt: null,
    createdAt: now,
    updatedAt: now
  }
}

/**
 * The rounding remainders of orders refunded in full among `entries`: whatever makes the order's
 * accrual and reversals (bound to any statement) net to 0, dated at its last reversal.
 */
async function remainders(ports: Ports, entries: readonly CommissionEntryDoc[], now: number): Promise<CommissionEntryDoc[]> {
  const revs = entries.filter((e) => e.kind === 'rev' && e.orderId !== null)
  const orderIds = [...new Set(revs.flatMap((e) => (e.orderId ? [e.orderId] : [])))]
  if (orderIds.length === 0) return []
  const orders = await getMany<OrderDoc>(ports.store, 'orders', orderIds)
  const full = orderIds.filter((id) => {
    const o = orders.get(id)
    return o !== undefined && o.paidFen > 0 && o.refundedFen >= o.paidFen
  })
  const out: CommissionEntryDoc[] = []
  const perOrder = await Promise.all(full.map((orderId) => ports.store.find<CommissionEntryDoc>('commissionEntries', { where: { orderId }, limit: 1000 })))
  for (const [i, orderId] of full.entries()) {
    const all = perOrder[i] ?? []
    const accs = all.filter((e) => e.kind === 'acc')
    const acc = accs[0]
    if (!acc || all.some((e) => e.kind === 'rest')) continue
    const amountFen = remainderFen(
      accs.reduce((n, e) => n + e.amountFen, 0),
      all.filter((e) => e.kind === 'rev').map((e) => e.amountFen)
    )
    if (amountFen === 0) continue
    const lastAt = Math.max(...all.filter((e) => e.kind === 'rev').map((e) => e.at))
    out.push({ ...acc, _id: remainderId(orderId), kind: 'rest', refundFen: 0, amountFen, at: lastAt, statementId: null, createdAt: now })
  }
  return out
}

/** The butler's latest finished statement before `month` in the community, whose balance carries in. */
async function previousStatement(ports: Ports, communityId: string, butlerUserId: string, month: string): Promise<CommissionStatementDoc | null> {
  const earlier = await ports.store.find<CommissionStatementDoc>('commissionStatements', {
    where: { butlerUserId, month: { lt: month } },
    orderBy: [{ field: 'month', dir: 'desc' }],
    limit: 24
  })
  return earlier.find((s) => s.communityId === communityId && s.status !== 'building') ?? null
}

/**
 * One butler's statement, step by step, each step safe to repeat (no multi-document transaction):
 * 1. the statement is inserted once in `building` (a finished one is left alone);
 * 2. remainders of fully refunded orders are written once by their key;
 * 3. each open entry of the month is bound by a conditional update (`statementId: null` → id);
 * 4. the previous statement's negative balance is carried in once (`carry:${previousId}`);
 * 5. the totals are read back from the bound entries, and the statement leaves `building`.
 */
async function buildOne(ports: Ports, communityId: string, butlerUserId: string, month: string, to: number): Promise<number> {
  const now = ports.clock.now()
  const id = statementId(communityId, butlerUserId, month)
  const inserted = await ports.store.insert('commissionStatements', newStatement(communityId, butlerUserId, month, now))
  if (!inserted.ok) {
    const existing = await ports.store.get<CommissionStatementDoc>('commissionStatements', id)
    if (existing?.status !== 'building') return 0
  }
  const [open, bound, previous] = await Promise.all([
    findAll<CommissionEntryDoc>(ports.store, 'commissionEntries', { communityId, butlerUserId, statementId: null, at: { lt: to } }),
    findAll<CommissionEntryDoc>(ports.store, 'commissionEntries', { statementId: id }),
    previousStatement(ports, communityId, butlerUserId, month)
  ])
  const rests = await remainders(ports, [...open, ...bound], now)
  await inPool(rests, async (r) => void (await ports.store.insert('commissionEntries', r)))
  // A remainder already there (a rerun) is bound like any other open entry. Bound in parallel:
  // each is one conditional update, and a month's entries must fit in the function's 10 s.
  await inPool([...open, ...rests], async (e) => void (await ports.store.update('commissionEntries', e._id, { set: { statementId: id } }, { statementId: null })))
  if (previous && previous.carryOutFen !== 0) {
    await ports.store.insert<CommissionEntryDoc>('commissionEntries', {
      _id: carryId(previous._id),
      kind: 'carry',
      communityId,
      butlerUserId,
      orderId: null,
      campaignId: null,
      householdId: null,
      touch: null,
      baseFen: 0,
      refundFen: 0,
      amountFen: previous.carryOutFen,
      ruleSnapshot: null,
      at: now,
      statementId: id,
      createdAt: now
    })
  }
  const mine = await findAll<CommissionEntryDoc>(ports.store, 'commissionEntries', { statementId: id })
  const totalFen = mine.reduce((n, e) => n + e.amountFen, 0)
  const carryInFen = mine.filter((e) => e.kind === 'carry').reduce((n, e) => n + e.amountFen, 0)
  const s = settle(totalFen)
  await ports.store.update(
    'commissionStatements',
    id,
    {
      set: {
        status: s.payableFen > 0 ? 'pending_approval' : 'carried',
        totalFen: s.totalFen,
        payableFen: s.payableFen,
        carryInFen,
        carryOutFen: s.carryOutFen,
        entries: mine.length,
        builtAt: now,
        updatedAt: now
      }
    },
    { status: 'building' }
  )
  return mine.length
}

/**
 * Builds the month's statements of a community: one per butler with open entries dated before the
 * month's end, plus any left in `building` by an interrupted run. A rerun finishes only what is
 * missing; entries that arrive after a statement is finished go to the next month's.
 */
export async function buildStatements(ports: Ports, communityId: string, month: string): Promise<BuildReport> {
  const { to } = monthRange(month)
  const [open, unfinished] = await Promise.all([
    findAll<CommissionEntryDoc>(ports.store, 'commissionEntries', { communityId, statementId: null, at: { lt: to } }),
    findAll<CommissionStatementDoc>(ports.store, 'commissionStatements', { communityId, month, status: 'building' })
  ])
  const butlers = [...new Set([...open.map((e) => e.butlerUserId), ...unfinished.map((s) => s.butlerUserId)])].sort()
  let entries = 0
  // Butlers' statements are independent documents: built side by side.
  await inPool(butlers, async (b) => {
    const n = await buildOne(ports, communityId, b, month, to)
    entries += n
  })
  return { statements: butlers.length, entries }
}

/** The monthly job: last month's statements for every community with a commission rule. */
export async function buildLastMonth(ports: Ports): Promise<{ month: string; communities: number; statements: number; entries: number }> {
  const month = previousMonth(shanghaiMonth(ports.clock.now()))
  const rules = await findAll<CommissionRuleDoc>(ports.store, 'commissionRules')
  const communities = [...new Set(rules.map((r) => r.communityId))].sort()
  let statements = 0
  let entries = 0
  for (const c of communities) {
    const r = await buildStatements(ports, c, month)
    statements += r.statements
    entries += r.entries
  }
  return { month, communities: communities.length, statements, entries }
}
