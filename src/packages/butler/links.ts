import { pageLink } from '../../utils/link'

/** Where the butler pages live. */
export const BUTLER_PKG = '/packages/butler/pages'

/** A household's file, in the community it belongs to; `taskId` lets today's task reveal its contacts. */
export function householdLink(householdId: string, communityId: string | undefined, taskId?: string): string {
  return pageLink(`${BUTLER_PKG}/household/index`, { householdId, taskId, communityId })
}

/** The household's history (户档案): bills, work orders, bookings, parcels, door entries and follow-ups. */
export function householdHistoryLink(householdId: string, communityId: string | undefined): string {
  return pageLink(`${BUTLER_PKG}/history/index`, { householdId, communityId })
}
