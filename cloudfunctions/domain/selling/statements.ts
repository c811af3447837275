import { monthBefore, shanghaiMonth } from '../../contracts/shanghai'
import { findAll, inPool } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { monthRange, remainderFen, settle } from './commission-math'
import type { CommissionEntryDoc, CommissionStatementDoc } from './docs'

export const statementId = (communityId: string, butlerUserId: string, month: string) => `${communityId}:${butlerUserId}:${month}`
export const remainderId = (orderId: string) => `rest:${orderId}`
export const carryId = (fromStatementId: string) => `carry:${fromStatementId}`

/** A build left `building` this long ago has stopped: functions are cut off after 10 s. */
const TAKEOVER_MS = 60_000

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
 * accrual and reversals (bound to any statement) net to 0, dated at its last reversal. "In full"
 * is read from the reversals themselves, not from the order: the order counts a refund before
 * the listener writes its reversal, and a remainder taken in between would take that share twice.
 */
async function remainders(ports: Ports, entries: readonly CommissionEntryDoc[], now: number): Promise<CommissionEntryDoc[]> {
  const orderIds = [...new Set(entries.flatMap((e) => (e.kind === 'rev' && e.orderId ? [e.orderId] : [])))]
  const perOrder = await Promise.all(orderIds.map((orderId) => ports.store.find('commissionEntries', { where: { orderId }, limit: 1000 })))
  const out: CommissionEntryDoc[] = []
  for (const [i, orderId] of orderIds.entries()) {
    const all = perOrder[i] ?? []
    const accs = all.filter((e) => e.kind === 'acc')
    const revs = all.filter((e) => e.kind === 'rev')
    const acc = accs[0]
    if (!acc || all.some((e) => e.kind === 'rest')) continue
    const refunded = revs.reduce((n, e) => n + e.refundFen, 0)
    if (refunded < accs.reduce((n, e) => n + e.baseFen, 0)) continue
    const amountFen = remainderFen(
      accs.reduce((n, e) => n + e.amountFen, 0),
      revs.map((e) => e.amountFen)
    )
    if (amountFen === 0) continue
    const lastAt = Math.max(...revs.map((e) => e.at))
    out.push({ ...acc, _id: remainderId(orderId), kind: 'rest', refundFen: 0, amountFen, at: lastAt, statementId: null, createdAt: now })
  }
  return out
}

/** The butler's latest finished statement before `month` in the community, whose balance carries in. */
async function previousStatement(ports: Ports, communityId: string, butlerUserId: string, month: string): Promise<CommissionStatementDoc | null> {
  const earlier = await ports.store.find('commissionStatements', {
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
  const builder = ports.random.id(8)
  const inserted = await ports.store.insert('commissionStatements', { ...newStatement(communityId, butlerUserId, month, now), builder, builderAt: now })
  if (!inserted.ok) {
    // Left in `building`: take it over only from a run that stopped (a function lives 10 s at most),
    // never from one still binding, whose entries this run's totals could miss.
    const took = await ports.store.update('commissionStatements', id, { set: { builder, builderAt: now } }, { status: 'building', builderAt: { lt: now - TAKEOVER_MS } })
    if (!took) return 0
  }
  const [open, bound, previous] = await Promise.all([
    findAll(ports.store, 'commissionEntries', { communityId, butlerUserId, statementId: null, at: { lt: to } }),
    findAll(ports.store, 'commissionEntries', { statementId: id }),
    previousStatement(ports, communityId, butlerUserId, month)
  ])
  const rests = await remainders(ports, [...open, ...bound], now)
  // Remainders are written bound; one already there from a cut-off run is bound below if still open.
  await inPool(rests, async (r) => void (await ports.store.insert('commissionEntries', { ...r, statementId: id })))
  // Bound in parallel: each is one conditional update, and a month's entries must fit in the function's 10 s.
  await inPool([...open, ...rests], async (e) => void (await ports.store.update('commissionEntries', e._id, { set: { statementId: id } }, { statementId: null })))
  if (previous && previous.carryOutFen !== 0) {
    await ports.store.insert('commissionEntries', {
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
  const mine = await findAll(ports.store, 'commissionEntries', { statementId: id })
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
    { status: 'building', builder }
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
  const [open, unfinished, before] = await Promise.all([
    findAll(ports.store, 'commissionEntries', { communityId, statementId: null, at: { lt: to } }),
    findAll(ports.store, 'commissionStatements', { communityId, month, status: 'building' }),
    findAll(ports.store, 'commissionStatements', { communityId, month: monthBefore(month) })
  ])
  // A butler owed a balance held back last month (over the single-transfer cap) gets a statement even with no new entries.
  const owed = before.filter((s) => s.carryOutFen > 0 && s.status !== 'building')
  const butlers = [...new Set([...open.map((e) => e.butlerUserId), ...unfinished.map((s) => s.butlerUserId), ...owed.map((s) => s.butlerUserId)])].sort()
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
  const month = monthBefore(shanghaiMonth(ports.clock.now()))
  const rules = await findAll(ports.store, 'commissionRules')
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
