import { createHash } from 'node:crypto'
import type { BillDoc, BillingRunDoc, FeeItemDoc, FeeSettingsDoc } from '../../cloudfunctions/domain/fee/docs'
import { dueAtOf, monthlyAmountFen, periodOf, previousPeriods } from '../../cloudfunctions/domain/fee/money'
import { monthlyBill } from '../../cloudfunctions/domain/fee/billing'
import type { HouseholdDoc } from '../../cloudfunctions/domain/docs'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A, COMMUNITY_B } from './demo-ids'

/**
 * Fee items, the late-fee rule and three months of bills up to `now`: older months mostly paid
 * at the property office (no online payment), a few households in arrears, this month open.
 */
export const FEE_ITEMS: FeeItemDoc[] = [
  { _id: 'fi-a-property', communityId: COMMUNITY_A, kind: 'property', name: '物业费', unitPriceFen: 280, active: true, createdAt: 0 },
  { _id: 'fi-a-parking', communityId: COMMUNITY_A, kind: 'parking', name: '车位管理费', unitPriceFen: 15000, active: true, createdAt: 0 },
  { _id: 'fi-b-property', communityId: COMMUNITY_B, kind: 'property', name: '物业费', unitPriceFen: 220, active: true, createdAt: 0 }
]

export const FEE_SETTINGS: FeeSettingsDoc[] = [
  // 0.05 % a day after the due date, at most 10 % of the bill.
  { _id: COMMUNITY_A, dueDay: 15, lateFee: { graceDays: 0, bpPerDay: 5, capBp: 1000 } },
  { _id: COMMUNITY_B, dueDay: 20, lateFee: null }
]

/** Households that stay unpaid in the demo, so arrears and late fees have something to show. */
export const DEMO_ARREARS = new Set(['h-a1-101', 'h-a1-204', 'h-a2-103', 'h-a2-401', 'h-a3-301'])

function roll(id: string, period: string): number {
  return createHash('sha256').update(`${id}:${period}`).digest()[0]! / 255
}

export function demoBills(households: readonly HouseholdDoc[], now: number): BillDoc[] {
  const current = periodOf(now)
  const periods = previousPeriods(current, 3)
  const out: BillDoc[] = []
  for (const h of households) {
    for (const item of FEE_ITEMS.filter((i) => i.communityId === h.communityId)) {
      const amountFen = monthlyAmountFen(item, h)
      if (amountFen <= 0) continue
      const settings = FEE_SETTINGS.find((s) => s._id === h.communityId)!
      periods.forEach((period, age) => {
        const dueAt = dueAtOf(period, settings.dueDay)
        const monthsAgo = periods.length - 1 - age
        const paid = period !== current && !DEMO_ARREARS.has(h._id) && roll(h._id, period) < (monthsAgo >= 2 ? 0.95 : 0.75)
        const bill = monthlyBill(h, item, period, amountFen, dueAt, dueAtOf(period, 1))
        out.push(paid ? { ...bill, status: 'paid', paidFen: amountFen, paidAt: Math.min(dueAt, now) - 3 * 24 * 3600_000 } : bill)
      })
    }
  }
  return out
}

/** What the monthly job would have recorded for the seeded months. */
function demoRuns(bills: readonly BillDoc[]): BillingRunDoc[] {
  const runs = new Map<string, BillingRunDoc>()
  for (const b of bills) {
    const _id = `${b.communityId}:${b.period}`
    const run = runs.get(_id) ?? { _id, communityId: b.communityId, period: b.period, bills: 0, billedFen: 0, lastRunAt: b.createdAt, lastRunBy: 'job' }
    run.bills++
    run.billedFen += b.amountFen
    runs.set(_id, run)
  }
  return [...runs.values()]
}

export async function seedFees(store: Store, households: readonly HouseholdDoc[], now: number): Promise<{ inserted: number; skipped: number }> {
  let inserted = 0
  let skipped = 0
  const bills = demoBills(households, now)
  for (const [coll, docs] of [
    ['feeItems', FEE_ITEMS],
    ['feeSettings', FEE_SETTINGS],
    ['bills', bills],
    ['billingRuns', demoRuns(bills)]
  ] as const) {
    for (const doc of docs) {
      if ((await store.insert(coll, doc)).ok) inserted++
      else skipped++
    }
  }
  return { inserted, skipped }
}
