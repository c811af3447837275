/**
 * The one map of collection names and the indexes each needs. The SQLite adapter creates them;
 * for CloudBase, `npm run build:functions` writes them to build/functions/collections.json and the
 * README says how to create them in the console.
 */
export interface IndexSpec {
  name: string
  fields: readonly string[]
  unique?: boolean
}

function def(indexes: IndexSpec[] = []): { indexes: readonly IndexSpec[] } {
  return { indexes }
}

export const COLLECTIONS = {
  communities: def(),
  buildings: def([{ name: 'by_community', fields: ['communityId', 'order'] }]),
  households: def([
    { name: 'by_building', fields: ['buildingId', 'room'] },
    { name: 'by_community', fields: ['communityId'] },
    { name: 'uniq_code', fields: ['codeHash'], unique: true }
  ]),
  users: def([{ name: 'uniq_openid', fields: ['openid'], unique: true }]),
  memberships: def([
    { name: 'by_user', fields: ['userId', 'status'] },
    { name: 'by_household', fields: ['householdId', 'status'] },
    { name: 'by_community', fields: ['communityId', 'status'] }
  ]),
  staffRoles: def([
    { name: 'by_user', fields: ['userId'] },
    { name: 'by_community', fields: ['communityId', 'role'] }
  ]),
  grids: def([
    { name: 'by_community', fields: ['communityId'] },
    { name: 'by_butler', fields: ['butlerUserId'] }
  ]),
  invitations: def([
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_status', fields: ['status', 'expiresAt'] }
  ]),
  joinRequests: def([
    { name: 'by_community', fields: ['communityId', 'status'] },
    { name: 'by_user', fields: ['userId'] }
  ]),
  inbox: def([{ name: 'by_user', fields: ['userId', 'createdAt'] }]),
  attempts: def(),
  jobRuns: def()
} as const

export type CollectionName = keyof typeof COLLECTIONS
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[]
