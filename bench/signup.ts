/**
 * `npm run bench -- signup`: 1,000 concurrent sign-ups from different households for 50 seats,
 * through the real request path (envelope, identity, roles, zod, domain) on a file-backed SQLite
 * store as the local server runs it. Then 10 seat holders cancel at once and the freed seats
 * must go to the first 10 of the waitlist. The store's conditional-update rate is measured in
 * the same run, so the sign-up rate can be read as a ratio on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { EventDraft } from '../cloudfunctions/contracts/event'
import type { CommunityDoc, HouseholdDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import { eventModule } from '../cloudfunctions/event/module'
import { createMain } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import { type LocalContext, localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const ATTEMPTS = 1000
const CAPACITY = 50
const CANCELS = 10
const COMMUNITY = 'c-bench'
const HOUR = 3600_000

async function seed(store: SqliteStore, now: number): Promise<void> {
  const community: CommunityDoc = { _id: COMMUNITY, name: '压测社区', city: '杭州', address: '', createdAt: now }
  await store.insert('communities', community)
  const staff: UserDoc = { _id: 'u-staff', openid: 'bench-staff', nickname: '活动专员', avatarUrl: '', createdAt: now, updatedAt: now }
  await store.insert('users', staff)
  const role: StaffRoleDoc = { _id: `${COMMUNITY}:u-staff:staff`, userId: 'u-staff', communityId: COMMUNITY, role: 'staff', createdAt: now }
  await store.insert('staffRoles', role)
  for (let i = 0; i < ATTEMPTS; i++) {
    const h: HouseholdDoc = { _id: `h-${i}`, communityId: COMMUNITY, buildingId: 'b-1', room: String(1000 + i), areaCm2: 9000, codeHash: `bench-${i}`, createdAt: now }
    const u: UserDoc = { _id: `u-${i}`, openid: `bench-${i}`, nickname: `住户${i}`, avatarUrl: '', createdAt: now, updatedAt: now }
    const m: MembershipDoc = { _id: `h-${i}:u-${i}`, userId: u._id, householdId: h._id, communityId: COMMUNITY, relation: 'owner', status: 'active', via: 'seed', createdAt: now }
    await store.insert('households', h)
    await store.insert('users', u)
    await store.insert('memberships', m)
  }
}

function data<T>(res: unknown): T {
  const r = res as ApiResponse<T>
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-signup-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const now = Date.now()
    await seed(store, now)
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    const main = createMain(eventModule, localRuntime(ports))
    let n = 0
    const call = (openid: string, action: string, input: unknown) =>
      main({ action, input, communityId: COMMUNITY }, { request_id: `b-${++n}`, identity: { openid, source: 'dev' } } satisfies LocalContext)

    const draft: EventDraft = {
      kind: 'experience', title: '压测体验会', cover: '', description: '', venue: '活动中心', startAt: now + 48 * HOUR, endAt: now + 50 * HOUR,
      capacity: CAPACITY, signupOpensAt: now - HOUR, signupClosesAt: now + 47 * HOUR, cancelHoursBefore: 1, seatsPerHousehold: 1,
      fields: [], rewards: { attendance: null, feedback: null }, verifierIds: []
    }
    const eventId = data<{ id: string }>(await call('bench-staff', 'create', { event: draft })).id

    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => call(`bench-${i}`, 'signUp', { eventId, householdId: `h-${i}` }))
    )
    const seconds = (performance.now() - started) / 1000
    const failed = results.filter((r) => !(r as ApiResponse<unknown>).ok).length

    const all = await findAll(store, 'eventSignups', { eventId })
    const confirmed = all.filter((s) => s.status === 'confirmed').length
    const waitlisted = all.filter((s) => s.status === 'waitlisted').length
    const perHousehold = new Map<string, number>()
    for (const s of all) if (s.status !== 'cancelled') perHousehold.set(s.householdId, (perHousehold.get(s.householdId) ?? 0) + 1)
    const duplicates = [...perHousehold.values()].reduce((d, c) => d + Math.max(0, c - 1), 0)

    // The staff list numbers the waitlist: places must be 1..W in sign-up (queue) order.
    const list = data<{ waitlist: { signupId: string; position: number | null }[] }>(await call('bench-staff', 'signups', { eventId }))
    const queue = all.filter((s) => s.status === 'waitlisted').sort((a, b) => (a.queueKey < b.queueKey ? -1 : 1))
    let waitlistOutOfOrder = 0
    list.waitlist.forEach((w, i) => {
      if (w.position !== i + 1 || w.signupId !== queue[i]?._id) waitlistOutOfOrder++
    })
    const lastSeatAt = Math.max(...all.filter((s) => s.status === 'confirmed').map((s) => s.createdAt))
    waitlistOutOfOrder += queue.filter((s) => s.createdAt < lastSeatAt).length

    // Freed seats go to the head of the queue, one each.
    const leaving = all.filter((s) => s.status === 'confirmed').slice(0, CANCELS)
    await Promise.all(leaving.map((s) => call(`bench-${s.householdId.slice(2)}`, 'cancel', { signupId: s._id })))
    const after = await findAll(store, 'eventSignups', { eventId })
    const promoted = new Set(after.filter((s) => s.promotedAt !== undefined).map((s) => s._id))
    const expectedHeads = queue.slice(0, CANCELS).map((s) => s._id)
    const promotionMisses = expectedHeads.filter((id) => !promoted.has(id)).length + Math.max(0, promoted.size - CANCELS)
    waitlistOutOfOrder += promotionMisses
    const e = await store.get('events', eventId)
    const confirmedAfter = after.filter((s) => s.status === 'confirmed').length

    const result = {
      attempts: ATTEMPTS,
      capacity: CAPACITY,
      confirmed,
      waitlisted,
      duplicates,
      waitlistOutOfOrder,
      failedRequests: failed,
      signupsPerSecond: Math.round(ATTEMPTS / seconds),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      signupSeconds: round(seconds, 3),
      /** Store operations per sign-up are several (reads, a slot insert, a counter update...). */
      signupsPerThousandConditionalUpdates: round((ATTEMPTS / seconds / updates.conditionalUpdatesPerSecond) * 1000, 1),
      promotion: { cancelled: CANCELS, promoted: promoted.size, headsMissed: promotionMisses, confirmedAfter, counter: e?.confirmed ?? -1 },
      correct: String(confirmed === CAPACITY && duplicates === 0 && waitlistOutOfOrder === 0 && failed === 0 && confirmedAfter === CAPACITY && e?.confirmed === CAPACITY)
    }
    if (result.correct !== 'true') throw new Error(`sign-up invariants broken: ${JSON.stringify(result)}`)
    return result
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as { confirmed: number; capacity: number; waitlisted: number; duplicates: number; waitlistOutOfOrder: number; signupsPerSecond: number; conditionalUpdatesPerSecond: number }
  return {
    confirmed: `${x.confirmed}/${x.capacity}`,
    waitlisted: x.waitlisted,
    duplicates: x.duplicates,
    waitlistOutOfOrder: x.waitlistOutOfOrder,
    signupsPerSecond: x.signupsPerSecond,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
