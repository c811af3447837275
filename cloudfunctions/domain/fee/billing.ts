import { inPool, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { HouseholdDoc } from '../docs'
import { billTitle } from './bill-payable'
import type { BillDoc, BillingRunDoc, FeeItemDoc } from './docs'
import { dueAtOf, monthlyAmountFen, periodOf } from './money'
import { feeSettings } from './settings'

export interface BillingReport {
  period: string
  households: number
  created: number
  existing: number
  skippedZero: number
  createdFen: number
}

/** The month's unpaid bill for one household and fee item; its id makes billing twice a no-op. */
export function monthlyBill(h: HouseholdDoc, item: FeeItemDoc, period: string, amountFen: number, dueAt: number, createdAt: number): BillDoc {
  return {
    _id: `${h._id}:${item._id}:${period}`,
    communityId: h.communityId,
    householdId: h._id,
    buildingId: h.buildingId,
    kind: item.kind,
    feeItemId: item._id,
    title: billTitle(item.kind, period, item.name),
    period,
    amountFen,
    dueAt,
    status: 'unpaid',
    refundedFen: 0,
    createdAt
  }
}

export async function activeItems(ports: Ports, communityId: string): Promise<FeeItemDoc[]> {
  return ports.store.find('feeItems', { where: { communityId, active: true }, limit: 100 })
}

/**
 * One community's bills for a month: one per household and active fee item. Bill ids are
 * deterministic, so running it twice (or after a crash halfway) creates nothing new; the month's
 * run record sums what the runs added.
 */
export async function billCommunity(ports: Ports, communityId: string, period: string, items: readonly FeeItemDoc[], by: string): Promise<BillingReport> {
  const report: BillingReport = { period, households: 0, created: 0, existing: 0, skippedZero: 0, createdFen: 0 }
  if (items.length === 0) return report
  const settings = await feeSettings(ports, communityId)
  const dueAt = dueAtOf(period, settings.dueDay)
  const now = ports.clock.now()
  for await (const households of pages(ports.store, 'households', { communityId })) {
    report.households += households.length
    const bills: BillDoc[] = []
    for (const h of households) {
      for (const item of items) {
        const amountFen = monthlyAmountFen(item, h)
        if (amountFen <= 0) {
          report.skippedZero++
          continue
        }
        bills.push(monthlyBill(h, item, period, amountFen, dueAt, now))
      }
    }
    await inPool(bills, async (bill) => {
      const res = await ports.store.insert('bills', bill)
      if (res.ok) {
        report.created++
        report.createdFen += bill.amountFen
      } else report.existing++
    })
  }
  // A run that found everything billed already leaves no trace: rerunning changes nothing.
  if (report.created > 0) await recordRun(ports, communityId, report, by)
  return report
}

async function recordRun(ports: Ports, communityId: string, r: BillingReport, by: string): Promise<void> {
  const now = ports.clock.now()
  const _id = `${communityId}:${r.period}`
  const first: BillingRunDoc = { _id, communityId, period: r.period, bills: r.created, billedFen: r.createdFen, lastRunAt: now, lastRunBy: by }
  if ((await ports.store.insert('billingRuns', first)).ok) return
  await ports.store.update('billingRuns', _id, { inc: { bills: r.created, billedFen: r.createdFen }, set: { lastRunAt: now, lastRunBy: by } })
}

/** The monthly billing job: every community with active fee items, for the month now begun. */
export async function runBilling(ports: Ports, period = periodOf(ports.clock.now())): Promise<{ period: string; created: number; existing: number; skippedZero: number }> {
  const total = { period, created: 0, existing: 0, skippedZero: 0 }
  for await (const communities of pages(ports.store, 'communities')) {
    for (const community of communities) {
      const items = await activeItems(ports, community._id)
      if (items.length === 0) continue
      const r = await billCommunity(ports, community._id, period, items, 'job')
      total.created += r.created
      total.existing += r.existing
      total.skippedZero += r.skippedZero
    }
  }
  return total
}
