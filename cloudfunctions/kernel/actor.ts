import type { Role } from '../contracts/roles'
import type { GridDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../domain/docs'
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

/**
 * openid → user id, per store connection (one per warm function instance). The pair never changes
 * once made: `openid` has a unique index and users are never removed. Knowing the id, a warm
 * instance reads the user together with its memberships and staff roles instead of before them:
 * on CloudBase each read is a round trip, and this one was on every request's path.
 */
const knownUserIds = new WeakMap<Store, Map<string, string>>()
const KNOWN_USERS_MAX = 5000

function knownUserId(store: Store, openid: string): string | null {
  return knownUserIds.get(store)?.get(openid) ?? null
}

function rememberUser(store: Store, user: UserDoc): void {
  let known = knownUserIds.get(store)
  if (!known) knownUserIds.set(store, (known = new Map()))
  if (known.size >= KNOWN_USERS_MAX) known.delete(known.keys().next().value ?? '')
  known.set(user.openid, user._id)
}

export async function findUserByOpenid(store: Store, openid: string): Promise<UserDoc | null> {
  const [user] = await store.find('users', { where: { openid }, limit: 1 })
  if (user) rememberUser(store, user)
  return user ?? null
}

/**
 * The user behind a caller: a WeChat user by openid, a console by its session, which must be
 * neither expired nor revoked. Null when there is none (not registered, or signed out).
 */
export async function findCaller(store: Store, identity: CallerIdentity, now: number): Promise<UserDoc | null> {
  return (await loadCaller(store, identity, null, now))?.user ?? null
}

type RolesRead = [MembershipDoc[], StaffRoleDoc[], GridDoc[] | null]

/**
 * The caller's memberships and staff roles in the community; and the grids they look after, when
 * `grids` says the action is a butler's (read alongside, not after the roles that call for them).
 */
function rolesIn(store: Store, userId: string, communityId: string | null, grids: boolean): Promise<RolesRead> {
  if (!communityId) return Promise.resolve([[], [], null])
  const gridsOf = () => store.find('grids', { where: { communityId, butlerUserId: userId }, limit: 20 })
  return Promise.all([
    store.find('memberships', { where: { userId, communityId, status: 'active' }, limit: 100 }),
    store.find('staffRoles', { where: { userId, communityId }, limit: 20 }),
    grids ? gridsOf() : Promise.resolve(null)
  ])
}

async function actorOf(store: Store, identity: CallerIdentity, user: UserDoc, communityId: string | null, [memberships, staff, knownGrids]: RolesRead): Promise<Actor> {
  if (!communityId) return { identity, user, communityId: null, roles: [], householdIds: [], grids: [] }
  const roles = new Set<Role>(staff.map((s) => s.role))
  if (memberships.length > 0) roles.add('resident')
  const grids = !roles.has('butler') ? [] : (knownGrids ?? (await store.find('grids', { where: { communityId, butlerUserId: user._id }, limit: 20 })))
  return { identity, user, communityId, roles: [...roles], householdIds: memberships.map((m) => m.householdId), grids }
}

export async function loadActor(store: Store, identity: CallerIdentity, user: UserDoc, communityId: string | null, opts: { grids?: boolean } = {}): Promise<Actor> {
  return actorOf(store, identity, user, communityId, await rolesIn(store, user._id, communityId, opts.grids ?? false))
}

/**
 * The caller as an actor in `communityId` (null: no community), or null when there is no user
 * behind the identity. A WeChat caller this instance has seen before is read in one round trip
 * (user, memberships and staff roles together, and the grids when `grids` says the action is a
 * butler's); a console's session names its user, so the same follow the session.
 */
export async function loadCaller(store: Store, identity: CallerIdentity, communityId: string | null, now: number, opts: { grids?: boolean } = {}): Promise<Actor | null> {
  const grids = opts.grids ?? false
  if (identity.source !== 'console') {
    const known = knownUserId(store, identity.openid)
    if (known) {
      const [user, roles] = await Promise.all([store.get('users', known), rolesIn(store, known, communityId, grids)])
      if (user && user.openid === identity.openid) return actorOf(store, identity, user, communityId, roles)
      knownUserIds.get(store)?.delete(identity.openid)
    }
    const user = await findUserByOpenid(store, identity.openid)
    return user ? loadActor(store, identity, user, communityId, opts) : null
  }
  const session = await store.get('consoleSessions', identity.sessionId)
  if (!session || session.revokedAt !== undefined || session.expiresAt <= now) return null
  const [user, roles] = await Promise.all([store.get('users', session.userId), rolesIn(store, session.userId, communityId, grids)])
  return user ? actorOf(store, identity, user, communityId, roles) : null
}
