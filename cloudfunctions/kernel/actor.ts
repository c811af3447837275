import type { Role } from '../contracts/roles'
import type { ConsoleSessionDoc, GridDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../domain/docs'
import type { CallerIdentity } from './identity'
import type { Store } from './store'

/** The caller as the use cases see it: identity, user record, and roles in the chosen community. */
export interface Actor {
  identity: CallerIdentity
  user: UserDoc
  communityId: string | null
  roles: Role[]
  /** Active households of the user in `communityId`. */
  householdIds: string[]
  /** Grids the user looks after as butler in `communityId`. */
  grids: GridDoc[]
}

/**
 * The caller of an action that acts in a community (its access names roles): the runtime has
 * chosen the community and checked the roles in it before the handler runs.
 */
export type CommunityActor = Actor & { communityId: string }

export async function findUserByOpenid(store: Store, openid: string): Promise<UserDoc | null> {
  const [user] = await store.find<UserDoc>('users', { where: { openid }, limit: 1 })
  return user ?? null
}

/**
 * The user behind a caller: a WeChat user by openid, a console by its session, which must be
 * neither expired nor revoked. Null when there is none (not registered, or signed out).
 */
export async function findCaller(store: Store, identity: CallerIdentity, now: number): Promise<UserDoc | null> {
  if (identity.source !== 'console') return findUserByOpenid(store, identity.openid)
  const session = await store.get<ConsoleSessionDoc>('consoleSessions', identity.sessionId)
  if (!session || session.revokedAt !== undefined || session.expiresAt <= now) return null
  return store.get<UserDoc>('users', session.userId)
}

export async function loadActor(
  store: Store,
  identity: CallerIdentity,
  user: UserDoc,
  communityId: string | null
): Promise<Actor> {
  if (!communityId) return { identity, user, communityId: null, roles: [], householdIds: [], grids: [] }
  const [memberships, staff] = await Promise.all([
    store.find<MembershipDoc>('memberships', {
      where: { userId: user._id, communityId, status: 'active' },
      limit: 100
    }),
    store.find<StaffRoleDoc>('staffRoles', { where: { userId: user._id, communityId }, limit: 20 })
  ])
  const roles = new Set<Role>(staff.map((s) => s.role))
  if (memberships.length > 0) roles.add('resident')
  const grids = roles.has('butler')
    ? await store.find<GridDoc>('grids', { where: { communityId, butlerUserId: user._id }, limit: 20 })
    : []
  return {
    identity,
    user,
    communityId,
    roles: [...roles],
    householdIds: memberships.map((m) => m.householdId),
    grids
  }
}
