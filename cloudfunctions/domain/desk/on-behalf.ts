import { createHash } from 'node:crypto'
import { type CommunityActor, loadActor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import type { Relation } from '../../contracts/roles'
import type { HouseholdDoc } from '../docs'
import { maskName } from '../user/format'
import { activeMembers } from '../user/membership'

/**
 * What staff do for a household that called or walked in (a booking, a pre-sale order) is done as
 * one of its members: the order is theirs, so are its messages and the payment, and staff never
 * hold a resident's money.
 */

/** The household, when it is in the caller's community and, for a butler, in one of their grids. */
export async function householdFor(ports: Ports, actor: CommunityActor, householdId: string): Promise<Result<HouseholdDoc>> {
  const h = await ports.store.get('households', householdId)
  const inReach = h && h.communityId === actor.communityId && (actor.roles.includes('service') || actor.roles.includes('operator') || actor.grids.some((g) => g.buildingIds.includes(h.buildingId)))
  if (!h || !inReach) return fail('DESK.HOUSEHOLD_NOT_FOUND', '找不到这个房屋，请重新查找', [{ path: 'householdId', message: '房屋不存在' }])
  return ok(h)
}

/** The member acting, as the platform would load them: their households, roles and grids. */
export async function memberActor(ports: Ports, h: HouseholdDoc, userId: string): Promise<Result<CommunityActor>> {
  const [m, user] = await Promise.all([ports.store.get('memberships', `${h._id}:${userId}`), ports.store.get('users', userId)])
  if (!m || m.status !== 'active' || !user) return fail('DESK.NOT_A_MEMBER', '请选择这户已登记的住户', [{ path: 'memberUserId', message: '不是这户的住户' }])
  const a = await loadActor(ports.store, { source: 'wechat', openid: user.openid }, user, h.communityId)
  return ok({ ...a, communityId: h.communityId })
}

export interface MemberOption {
  userId: string
  name: string
  relation: Relation
}

/** The household's registered members, names masked as for any staff view. */
export async function memberOptions(ports: Ports, householdId: string): Promise<MemberOption[]> {
  const members = await activeMembers(ports, householdId)
  return members.map(({ membership: m, user }) => ({ userId: m.userId, name: maskName(user?.nickname) ?? '住户', relation: m.relation }))
}

/**
 * The member's request id for what a clerk does on their behalf: the clerk's id and request id
 * hashed, so a clerk's retry acts once and never collides with the member's own requests.
 */
export function onBehalfKey(clerkUserId: string, clientRequestId: string): string {
  return `desk-${createHash('sha256').update(`${clerkUserId}:${clientRequestId}`).digest('hex').slice(0, 24)}`
}
