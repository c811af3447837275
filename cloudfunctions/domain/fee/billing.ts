import { pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { CommunityDoc, HouseholdDoc } from '../docs'
import { billTitle } from './bill-payable'
import type { BillDoc, FeeItemDoc } from './docs'
import { dueAtOf, monthlyAmountFen, periodOf } from './money'
import { feeSettings } from './settings'

/**
 * The monthly billing job: one bill per household, active fee item and month. Bill ids are
 * deterministic, so running it twice (or after a crash halfway) creates nothing new.
 */
export async function runBilling(ports: Ports, period = periodOf(ports.clock.now())): Promise<{ period: string; created: number; existing: number; skippedZero: number }> {
  let created = 0
  let existing = 0
  let skippedZero = 0
  const now = ports.clock.now()
  for await (const communities of pages<CommunityDoc>(ports.store, 'communities')) {
    for (const community of communities) {
      const items = await ports.store.find<FeeItemDoc>('feeItems', { where: { communityId: community._id, active: true }, limit: 100 })
      if (items.length === 0) continue
      const settings = await feeSettings(ports, community._id)
      const dueAt = dueAtOf(period, settings.dueDay)
      for await (const households of pages<HouseholdDoc>(ports.store, 'households', { communityId: community._id })) {
        for (const h of households) {
          for (const item of items) {
            const amountFen = monthlyAmountFen(item, h)
            if (amountFen <= 0) {
              skippedZero++
              continue
            }
            const bill: BillDoc = {
              _id: `${h._id}:${item._id}:${period}`,
              communityId: community._id,
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
              createdAt: now
            }
            const res = await ports.store.insert('bills', bill)
            if (res.ok) created++
            else existing++
          }
        }
      }
    }
  }
  return { period, created, existing, skippedZero }
}
