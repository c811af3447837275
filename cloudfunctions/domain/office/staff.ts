import { ROLE_LABELS } from '../../contracts/roles'
import type { Store } from '../../kernel/store'

/** Said to anyone without a work role who tries to sign in to the console. */
export const STAFF_ONLY_TEXT = '只有物业工作人员可以登录管理后台'

export interface StaffRoleLine {
  communityName: string
  roleLabel: string
}

/** What the company administrator's role reads as, beside the per-community ones. */
export const ADMIN_LINE: StaffRoleLine = { communityName: '物业公司', roleLabel: '管理员' }

/**
 * The work roles a user holds, in every community, and the company administrator's: only such
 * users may sign in to the console (an administrator with no community yet signs in to create one).
 */
export async function staffRolesOf(store: Store, userId: string): Promise<StaffRoleLine[]> {
  const [admin, roles] = await Promise.all([
    store.get('admins', userId),
    store.find('staffRoles', { where: { userId }, orderBy: [{ field: 'communityId', dir: 'asc' }], limit: 100 })
  ])
  const ids = [...new Set(roles.map((r) => r.communityId))]
  const communities = ids.length ? await store.find('communities', { where: { _id: { in: ids } }, limit: ids.length }) : []
  const names = new Map(communities.map((c) => [c._id, c.name]))
  const lines = roles.map((r) => ({ communityName: names.get(r.communityId) ?? '已停用的社区', roleLabel: ROLE_LABELS[r.role] }))
  return admin ? [ADMIN_LINE, ...lines] : lines
}

/** Whether the user is a property-company administrator (may create communities). */
export async function isAdmin(store: Store, userId: string): Promise<boolean> {
  return (await store.get('admins', userId)) !== null
}

/** Whether the user holds any work role or is an administrator: two small reads, side by side. */
export async function hasStaffRole(store: Store, userId: string): Promise<boolean> {
  const [admin, roles] = await Promise.all([isAdmin(store, userId), store.find('staffRoles', { where: { userId }, limit: 1 })])
  return admin || roles.length > 0
}
