/** Helpers for the event tests: a draft, residents of community A, and event creation. */
import type { EventDraft } from '../../cloudfunctions/contracts/event'
import type { HouseholdDoc } from '../../cloudfunctions/domain/docs'
import { COMMUNITY_A, buildDemo } from '../../scripts/seed/demo'
import { grantFreshUser, okData } from '../handlers/support'
import { type Harness, TEST_PEPPER, as } from './harness'

export const HOUR = 3600_000
export const DAY = 24 * HOUR
export const STAFF = as('u-staff-sun')
export const VERIFIER = as('u-verifier-zhou')
export const BUTLER = as('u-butler-zhang')

const DEMO = buildDemo(TEST_PEPPER)

/** Seeded owners `u-r1`..`u-r24`, each the only member of one household in community A. */
export function resident(n: number): { openid: string; userId: string; householdId: string } {
  const userId = `u-r${n}`
  const m = DEMO.memberships.find((x) => x.userId === userId)
  if (!m) throw new Error(`no seeded resident ${userId}`)
  return { openid: as(userId), userId, householdId: m.householdId }
}

/** An event that opened for sign-up an hour ago and starts in two days. */
export function draft(now: number, over: Partial<EventDraft> = {}): EventDraft {
  return {
    kind: 'experience',
    title: '家政服务体验会',
    cover: '',
    description: '深度保洁体验',
    venue: '社区活动中心',
    startAt: now + 2 * DAY,
    endAt: now + 2 * DAY + 2 * HOUR,
    capacity: 2,
    signupOpensAt: now - HOUR,
    signupClosesAt: now + 2 * DAY - HOUR,
    cancelHoursBefore: 24,
    seatsPerHousehold: 1,
    fields: [],
    rewards: { attendance: null, feedback: null },
    verifierIds: ['u-verifier-zhou'],
    ...over
  }
}

export async function createEvent(h: Harness, over: Partial<EventDraft> = {}): Promise<string> {
  return okData(await h.call('event.create', { event: draft(h.clock.now(), over) }, STAFF, COMMUNITY_A)).id
}

/** `n` fresh residents of community A, each in a household of their own. */
export async function freshResidents(h: Harness, n: number, prefix = 'load'): Promise<{ openid: string; householdId: string }[]> {
  const out = []
  for (let i = 0; i < n; i++) {
    const householdId = `h-${prefix}-${i}`
    const doc: HouseholdDoc = { _id: householdId, communityId: COMMUNITY_A, buildingId: 'b-a3', room: `9${String(i).padStart(3, '0')}`, areaCm2: 8000, codeHash: `${prefix}-${i}`, createdAt: 0 }
    await h.store.insert('households', doc)
    out.push({ openid: await grantFreshUser(h.store, `u-${prefix}-${i}`, COMMUNITY_A, 'resident', householdId), householdId })
  }
  return out
}
