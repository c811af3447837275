import { ROLE_LABELS } from '../../contracts/roles'
import type { Store } from '../../kernel/store'
import type { CommunityDoc, StaffRoleDoc } from '../docs'

export interface StaffRoleLine {
  communityName: string
  roleLabel: string
}

/** The work roles a user holds, in every community: only such users may sign in to the console. */
export async function staffRolesOf(store: Store, userId: string): Promise<StaffRoleLine[]> {
  const roles = await store.find<StaffRoleDoc>('staffRoles', { where: { userId }, orderBy: [{ field: 'communityId', dir: 'asc' }], limit: 100 })
  if (roles.length === 0) return []
  const ids = [...new Set(roles.map((r) => r.communityId))]
  const communities = await store.find<CommunityDoc>('communities', { where: { _id: { in: ids } }, limit: ids.length })
  const names = new Map(communities.map((c) => [c._id, c.name]))
  return roles.map((r) => ({ communityName: names.get(r.communityId) ?? '已停用的社区', roleLabel: ROLE_LABELS[r.role] }))
}
