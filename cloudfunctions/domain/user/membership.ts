import type { Relation } from '../../contracts/roles'
import { getMany } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import type { MembershipDoc, UserDoc } from '../docs'

export type EnsureResult = 'created' | 'reactivated' | 'already'

/**
 * Makes `user` an active member of the household. The membership id is `${household}:${user}`,
 * so two concurrent binds cannot create two rows; a removed membership is revived in place.
 */
export async function ensureMembership(
  ports: Ports,
  user: UserDoc,
  household: { _id: string; communityId: string },
  relation: Relation,
  via: MembershipDoc['via']
): Promise<EnsureResult> {
  const id = `${household._id}:${user._id}`
  const now = ports.clock.now()
  const doc: MembershipDoc = {
    _id: id,
    userId: user._id,
    householdId: household._id,
    communityId: household.communityId,
    relation,
    status: 'active',
    via,
    createdAt: now
  }
  const inserted = await ports.store.insert('memberships', doc)
  if (inserted.ok) return 'created'
  const revived = await ports.store.update(
    'memberships',
    id,
    { set: { status: 'active', relation, via, createdAt: now } },
    { status: 'removed' }
  )
  return revived ? 'reactivated' : 'already'
}

export async function activeMembership(ports: Ports, userId: string, householdId: string): Promise<MembershipDoc | null> {
  const m = await ports.store.get('memberships', `${householdId}:${userId}`)
  return m && m.status === 'active' ? m : null
}

/** After binding, the resident lands in that household. */
export async function focusHousehold(ports: Ports, user: UserDoc, household: { _id: string; communityId: string }) {
  const lastContext = { communityId: household.communityId, role: 'resident' as const, householdId: household._id }
  await ports.store.update('users', user._id, { set: { lastContext, updatedAt: ports.clock.now() } })
  return { ...user, lastContext }
}

/** A household's active members with their users, in two reads: the desk's choices and the cash desk's payer both start here. */
export async function activeMembers(ports: Ports, householdId: string): Promise<{ membership: MembershipDoc; user: UserDoc | undefined }[]> {
  const members = await ports.store.find('memberships', { where: { householdId, status: 'active' }, limit: 20 })
  const users = await getMany(ports.store, 'users', members.map((m) => m.userId))
  return members.map((m) => ({ membership: m, user: users.get(m.userId) }))
}
