import { pageLink } from '../../utils/link'

/** Where the butler pages live. */
export const BUTLER_PKG = '/packages/butler/pages'

/** A household's file, in the community it belongs to; `taskId` lets today's task reveal its contacts. */
export function householdLink(householdId: string, communityId: string | undefined, taskId?: string): string {
  return pageLink(`${BUTLER_PKG}/household/index`, { householdId, taskId, communityId })
}
