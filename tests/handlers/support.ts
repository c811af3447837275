/** Small helpers shared by the handler tests: narrowing responses and snapshotting the store. */
import type { ApiError, ApiResponse } from '../../cloudfunctions/contracts/errors'
import type { Role } from '../../cloudfunctions/contracts/roles'
import type { MembershipDoc, StaffRoleDoc, UserDoc } from '../../cloudfunctions/domain/docs'
import { COLLECTION_NAMES } from '../../cloudfunctions/kernel/collections'
import { findAll } from '../../cloudfunctions/kernel/paging'
import type { Doc, Store } from '../../cloudfunctions/kernel/store'
import { DEMO_T0 } from '../../scripts/seed/demo'

export function okData<T>(res: ApiResponse<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`)
  return res.data
}

export function errorOf(res: unknown): ApiError {
  const r = res as { ok?: unknown; error?: unknown }
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) {
    throw new Error(`expected an error response, got ${JSON.stringify(res)}`)
  }
  return r.error as ApiError
}

export const codeOf = (res: unknown): string => errorOf(res).code

/** Every row of every collection, to prove a refused call wrote nothing. */
export async function snapshot(store: Store): Promise<Record<string, Doc[]>> {
  const out: Record<string, Doc[]> = {}
  for (const c of COLLECTION_NAMES) out[c] = await findAll(store, c)
  return out
}

/**
 * Creates a fresh user who holds `role` in `communityId` only. Residents get an active
 * membership of a household there, staff roles a staffRoles row.
 */
export async function grantFreshUser(store: Store, userId: string, communityId: string, role: Role, householdId?: string): Promise<string> {
  const user: UserDoc = { _id: userId, openid: `dev-${userId}`, nickname: userId, avatarUrl: '', createdAt: DEMO_T0, updatedAt: DEMO_T0 }
  expect((await store.insert('users', user)).ok).toBe(true)
  if (role === 'resident') {
    if (!householdId) throw new Error('a resident needs a household')
    const m: MembershipDoc = {
      _id: `${householdId}:${userId}`,
      userId,
      householdId,
      communityId,
      relation: 'owner',
      status: 'active',
      via: 'seed',
      createdAt: DEMO_T0
    }
    expect((await store.insert('memberships', m)).ok).toBe(true)
  } else {
    const s: StaffRoleDoc = { _id: `${communityId}:${userId}:${role}`, userId, communityId, role, createdAt: DEMO_T0 }
    expect((await store.insert('staffRoles', s)).ok).toBe(true)
  }
  return user.openid
}
