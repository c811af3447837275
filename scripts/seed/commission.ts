import { monthBefore, shanghaiMonth } from '../../cloudfunctions/contracts/shanghai'
import { accrualFen, monthRange, settle } from '../../cloudfunctions/domain/selling/commission-math'
import type { CommissionEntryDoc, CommissionRuleDoc, CommissionStatementDoc } from '../../cloudfunctions/domain/selling/docs'
import { statementId } from '../../cloudfunctions/domain/selling/statements'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A } from './demo-ids'
import { PRESALE_IDS } from './presale'

/**
 * Commission (佣金) for 张管家 in 临苑社区: an 8% last-touch rule on the vegetable box, last month's
 * statement waiting for approval and the month before's paid, so the butler's statement pages and
 * the console's 结算单 tab open on something. Their orders are past ones, not seeded as orders
 * (orders come with payments); the entries say what they were.
 */
const DAY = 24 * 3600_000
const BUTLER = 'u-butler-zhang'
const RULE: Omit<CommissionRuleDoc, 'createdAt' | 'updatedAt'> = {
  _id: `${COMMUNITY_A}:campaign:${PRESALE_IDS.veg}`,
  communityId: COMMUNITY_A,
  scope: 'campaign',
  refId: PRESALE_IDS.veg,
  mode: 'percent',
  bp: 800,
  fixedFen: 0,
  touch: 'last',
  updatedBy: 'u-operator-wu'
}

function statementFor(month: string, paidFen: readonly number[], households: readonly string[], paid: boolean, builtAt: number) {
  const id = statementId(COMMUNITY_A, BUTLER, month)
  const { from } = monthRange(month)
  const entries: CommissionEntryDoc[] = paidFen.map((fen, i) => {
    const orderId = `o-demo-comm-${month}-${i + 1}`
    return {
      _id: `acc:PDEMO${month.replace('-', '')}${i + 1}:${orderId}`,
      kind: 'acc',
      communityId: COMMUNITY_A,
      butlerUserId: BUTLER,
      orderId,
      campaignId: PRESALE_IDS.veg,
      householdId: households[i % households.length]!,
      touch: 'last',
      baseFen: fen,
      refundFen: 0,
      amountFen: accrualFen(RULE, fen),
      ruleSnapshot: { ruleId: RULE._id, mode: RULE.mode, bp: RULE.bp, fixedFen: RULE.fixedFen, touch: RULE.touch },
      at: from + (3 + 5 * i) * DAY,
      statementId: id,
      createdAt: from + (3 + 5 * i) * DAY
    }
  })
  const s = settle(entries.reduce((n, e) => n + e.amountFen, 0))
  const statement: CommissionStatementDoc = {
    _id: id,
    communityId: COMMUNITY_A,
    butlerUserId: BUTLER,
    month,
    status: paid ? 'paid' : s.payableFen > 0 ? 'pending_approval' : 'carried',
    ...s,
    carryInFen: 0,
    entries: entries.length,
    payoutAttempt: paid ? 1 : 0,
    outBillNo: null,
    packageInfo: null,
    failReason: null,
    approvedBy: paid ? 'u-operator-wu' : null,
    approvedAt: paid ? builtAt + DAY : null,
    paidAt: paid ? builtAt + 2 * DAY : null,
    builtAt,
    createdAt: builtAt,
    updatedAt: paid ? builtAt + 2 * DAY : builtAt
  }
  return { statement, entries }
}

export function buildCommission(now: number): { rules: CommissionRuleDoc[]; statements: CommissionStatementDoc[]; entries: CommissionEntryDoc[] } {
  const last = monthBefore(shanghaiMonth(now))
  const before = monthBefore(last)
  const a = statementFor(before, [6800, 13600], ['h-a1-101'], true, monthRange(last).from + DAY)
  const b = statementFor(last, [6800, 11800, 6800], ['h-a1-302', 'h-a1-101'], false, monthRange(last).to + 2 * 3600_000)
  const ruleAt = monthRange(before).from
  return { rules: [{ ...RULE, createdAt: ruleAt, updatedAt: ruleAt }], statements: [a.statement, b.statement], entries: [...a.entries, ...b.entries] }
}

/** Idempotent: documents already there are left alone. */
export async function seedCommission(store: Store, now: number): Promise<{ inserted: number; skipped: number }> {
  const d = buildCommission(now)
  let inserted = 0
  let skipped = 0
  const put = async (ok: Promise<{ ok: boolean }>) => ((await ok).ok ? inserted++ : skipped++)
  for (const r of d.rules) await put(store.insert('commissionRules', r))
  for (const s of d.statements) await put(store.insert('commissionStatements', s))
  for (const e of d.entries) await put(store.insert('commissionEntries', e))
  return { inserted, skipped }
}
