import type { Actor } from '../../kernel/actor'
import type { Ports } from '../../kernel/ports'
import type { EventDoc, SignupDoc } from './docs'

/** An event of the caller's current community; another community's event does not exist for them. */
export async function eventInCommunity(ports: Ports, actor: Actor, id: string): Promise<EventDoc | null> {
  const e = await ports.store.get('events', id)
  return e && e.communityId === actor.communityId && e.status === 'published' ? e : null
}

/** A sign-up of one of the caller's households in the current community. */
export async function ownSignup(ports: Ports, actor: Actor, id: string): Promise<SignupDoc | null> {
  const s = await ports.store.get('eventSignups', id)
  return s && s.communityId === actor.communityId && actor.householdIds.includes(s.householdId) ? s : null
}

export const ACTIVE_STATUSES = ['pending', 'confirmed', 'waitlisted', 'checkedIn'] as const
