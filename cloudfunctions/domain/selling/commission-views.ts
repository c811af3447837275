import type { StatementLineT, StatementRowT } from '../../contracts/selling-commission'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import type { CommissionEntryDoc, CommissionStatementDoc } from './docs'

/** `1栋 1**`: the building and the room's first character, enough to recognise an order, never the buyer. */
export function maskedHousehold(building: BuildingDoc | undefined, household: HouseholdDoc): string {
  const room = household.room.length > 1 ? `${household.room.slice(0, 1)}${'*'.repeat(household.room.length - 1)}` : '*'
  return `${building?.name ?? ''} ${room}`.trim()
}

export function statementRow(s: CommissionStatementDoc, butlerName: string): StatementRowT {
  return {
    id: s._id,
    month: s.month,
    butlerUserId: s.butlerUserId,
    butlerName,
    status: s.status,
    totalFen: s.totalFen,
    payableFen: s.payableFen,
    carryInFen: s.carryInFen,
    carryOutFen: s.carryOutFen,
    entries: s.entries,
    approvedAt: s.approvedAt,
    paidAt: s.paidAt,
    failReason: s.failReason
  }
}

/** Statement rows with their butlers' names, read in one batch. */
export async function statementRows(ports: Ports, statements: readonly CommissionStatementDoc[]): Promise<StatementRowT[]> {
  const users = await getMany(ports.store, 'users', statements.map((s) => s.butlerUserId))
  return statements.map((s) => statementRow(s, users.get(s.butlerUserId)?.nickname ?? '管家'))
}

/** A statement's lines, oldest first, with campaign titles and masked households (three batched reads). */
export async function statementLines(ports: Ports, entries: readonly CommissionEntryDoc[]): Promise<StatementLineT[]> {
  const [campaigns, households] = await Promise.all([
    getMany(ports.store, 'campaigns', entries.flatMap((e) => (e.campaignId ? [e.campaignId] : []))),
    getMany(ports.store, 'households', entries.flatMap((e) => (e.householdId ? [e.householdId] : [])))
  ])
  const buildings = await getMany(ports.store, 'buildings', [...households.values()].map((h) => h.buildingId))
  return [...entries]
    .sort((a, b) => a.at - b.at || a._id.localeCompare(b._id))
    .map((e) => {
      const h = e.householdId ? households.get(e.householdId) : undefined
      return {
        id: e._id,
        kind: e.kind,
        campaignTitle: e.campaignId ? (campaigns.get(e.campaignId)?.title ?? '预售') : '',
        householdLabel: h ? maskedHousehold(buildings.get(h.buildingId), h) : '',
        touch: e.touch,
        baseFen: e.baseFen,
        refundFen: e.refundFen,
        amountFen: e.amountFen,
        at: e.at
      }
    })
}
