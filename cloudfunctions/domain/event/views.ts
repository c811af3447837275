import type { EventPhase, EventViewT, MySignupT, RewardGrantT } from '../../contracts/event'
import { rewardText } from '../../contracts/event'
import { pages } from '../../kernel/paging'
import type { Filter, Store } from '../../kernel/store'
import { storedPhoto } from '../photos'
import { householdLabels } from '../user/labels'
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
    cover: storedPhoto(e.cover),
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

/**
 * 1-based waitlist places (how many waitlisted sign-ups of the same event come first, plus one)
 * of the waitlisted sign-ups among `signups`. One waitlisted sign-up costs one count; several are
 * placed together: every waitlisted sign-up up to the last of them in each event is read once,
 * in pages of 1000, so the reads grow with the waitlists, not with the number of sign-ups asked.
 */
export async function waitlistPositions(store: Store, signups: readonly SignupDoc[]): Promise<Map<string, number>> {
  const waiting = signups.filter((s) => s.status === 'waitlisted')
  const out = new Map<string, number>()
  const only = waiting.length === 1 ? waiting[0] : undefined
  if (only) {
    const ahead = await store.count('eventSignups', { eventId: only.eventId, status: 'waitlisted', queueKey: { lt: only.queueKey } })
    return out.set(only._id, ahead + 1)
  }
  if (waiting.length === 0) return out
  const last = new Map<string, string>()
  for (const s of waiting) {
    const k = last.get(s.eventId)
    if (k === undefined || s.queueKey > k) last.set(s.eventId, s.queueKey)
  }
  const where: Filter = {
    and: [{ status: 'waitlisted' }, { or: [...last].map(([eventId, key]) => ({ eventId, queueKey: { lte: key } })) }]
  }
  const keys = new Map<string, string[]>()
  for await (const page of pages(store, 'eventSignups', where)) {
    for (const w of page) {
      const list = keys.get(w.eventId)
      if (list) list.push(w.queueKey)
      else keys.set(w.eventId, [w.queueKey])
    }
  }
  for (const s of waiting) out.set(s._id, (keys.get(s.eventId) ?? []).filter((k) => k < s.queueKey).length + 1)
  return out
}

/** Views of sign-ups (each with its event), their waitlist places and household labels read in batches. */
export async function signupViews(
  store: Store,
  items: readonly { e: EventDoc; s: SignupDoc }[],
  now: number,
  labels?: ReadonlyMap<string, string>
): Promise<MySignupT[]> {
  const [positions, known] = await Promise.all([
    waitlistPositions(store, items.map((i) => i.s)),
    labels ?? householdLabels({ store }, items.map((i) => i.s.householdId), items[0]?.s.communityId)
  ])
  return items.map(({ e, s }) => ({
    id: s._id,
    eventId: s.eventId,
    status: s.status === 'pending' ? 'waitlisted' : s.status,
    position: positions.get(s._id) ?? null,
    householdId: s.householdId,
    householdLabel: known.get(s.householdId) ?? '',
    answers: s.answers,
    createdAt: s.createdAt,
    checkedInAt: s.checkedInAt ?? null,
    cancelUntil: cancelUntil(e, s, now),
    feedbackGiven: s.feedbackAt !== undefined
  }))
}

export async function signupView(store: Store, e: EventDoc, s: SignupDoc, now: number): Promise<MySignupT> {
  return (await signupViews(store, [{ e, s }], now))[0]!
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
