import type { EventPhase, EventViewT, MySignupT, RewardGrantT } from '../../contracts/event'
import { rewardText } from '../../contracts/event'
import { getMany } from '../../kernel/paging'
import type { Store } from '../../kernel/store'
import type { BuildingDoc, HouseholdDoc } from '../docs'
import { householdLabel } from '../user/format'
import type { EventDoc, RewardGrantDoc, SignupDoc } from './docs'

export const HOUR_MS = 3600_000

export function phaseOf(e: EventDoc, now: number): EventPhase {
  if (now < e.signupOpensAt) return 'upcoming'
  if (now < e.signupClosesAt) return 'open'
  if (now < e.startAt) return 'closed'
  if (now < e.endAt) return 'ongoing'
  return 'ended'
}

export function eventView(e: EventDoc, now: number): EventViewT {
  return {
    id: e._id,
    communityId: e.communityId,
    kind: e.kind,
    title: e.title,
    cover: e.cover,
    description: e.description,
    venue: e.venue,
    startAt: e.startAt,
    endAt: e.endAt,
    capacity: e.capacity,
    confirmed: e.confirmed,
    waiting: e.waiting,
    signupOpensAt: e.signupOpensAt,
    signupClosesAt: e.signupClosesAt,
    cancelHoursBefore: e.cancelHoursBefore,
    seatsPerHousehold: e.seatsPerHousehold,
    fields: e.fields,
    rewards: e.rewards,
    verifierIds: e.verifierIds,
    phase: phaseOf(e, now)
  }
}

/** The last moment a sign-up may still be cancelled, or null when it no longer can be. */
export function cancelUntil(e: EventDoc, s: SignupDoc, now: number): number | null {
  let until: number | null = null
  if (s.status === 'confirmed') until = e.startAt - e.cancelHoursBefore * HOUR_MS
  if (s.status === 'waitlisted' || s.status === 'pending') until = e.startAt
  return until !== null && now < until ? until : null
}

/** 1-based rank in the waitlist: how many waitlisted sign-ups come first, plus one. */
export async function waitlistPosition(store: Store, s: SignupDoc): Promise<number | null> {
  if (s.status !== 'waitlisted') return null
  const ahead = await store.count('eventSignups', { eventId: s.eventId, status: 'waitlisted', queueKey: { lt: s.queueKey } })
  return ahead + 1
}

export async function householdLabels(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const households = await getMany<HouseholdDoc>(store, 'households', ids)
  const buildings = await getMany<BuildingDoc>(store, 'buildings', [...households.values()].map((h) => h.buildingId))
  const out = new Map<string, string>()
  for (const [id, h] of households) out.set(id, householdLabel(buildings.get(h.buildingId), h))
  return out
}

export async function signupView(store: Store, e: EventDoc, s: SignupDoc, now: number, label?: string): Promise<MySignupT> {
  const status = s.status === 'pending' ? 'waitlisted' : s.status
  return {
    id: s._id,
    eventId: s.eventId,
    status,
    position: await waitlistPosition(store, s),
    householdId: s.householdId,
    householdLabel: label ?? (await householdLabels(store, [s.householdId])).get(s.householdId) ?? '',
    answers: s.answers,
    createdAt: s.createdAt,
    checkedInAt: s.checkedInAt ?? null,
    cancelUntil: cancelUntil(e, s, now),
    feedbackGiven: s.feedbackAt !== undefined
  }
}

export function grantView(g: RewardGrantDoc): RewardGrantT {
  return {
    id: g._id,
    eventId: g.eventId,
    eventTitle: g.eventTitle,
    kind: g.kind,
    reward: g.reward,
    text: rewardText(g.reward),
    grantedAt: g.grantedAt
  }
}

/** Zero-padded so string order is time order (the store compares strings lexically). */
export function queueKeyAt(now: number, tiebreak: string): string {
  return `${String(now).padStart(15, '0')}-${tiebreak}`
}
