import { ROLE_LABELS } from '../../contracts/roles'
import type { Store } from '../../kernel/store'
import type { CommunityDoc, StaffRoleDoc } from '../docs'

/** Said to anyone without a work role who tries to sign in to the console. */
export const STAFF_ONLY_TEXT = '只有物业工作人员可以登录管理后台'

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

/** Whether the user holds any work role: all a confirmation needs to know, in one small read. */
export async function hasStaffRole(store: Store, userId: string): Promise<boolean> {
  return (await store.find<StaffRoleDoc>('staffRoles', { where: { userId }, limit: 1 })).length > 0
}
