/**
 * `npm run bench -- booking`: 500 concurrent bookings for 20 one-worker slots, through the real
 * request path (envelope, identity, roles, zod, domain) on a file-backed SQLite store as the local
 * server runs it. Exactly one booking per slot must win and no worker may hold two bookings in
 * one slot. The store's conditional-update rate is measured in the same run, for the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { bookingModule } from '../cloudfunctions/booking/module'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { CommunityDoc, HouseholdDoc, MembershipDoc, UserDoc } from '../cloudfunctions/domain/docs'
import type { ServiceLineDoc, WorkerDoc } from '../cloudfunctions/domain/booking/docs'
import { upcomingSlots } from '../cloudfunctions/domain/booking/slots'
import { createMain } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import { type LocalContext, localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const ATTEMPTS = 500
const SLOTS = 20
const COMMUNITY = 'c-bench'
const LINE = 'sl-bench'

async function seed(store: SqliteStore, now: number): Promise<void> {
  const community: CommunityDoc = { _id: COMMUNITY, name: '压测社区', city: '杭州', address: '', createdAt: now }
  await store.insert('communities', community)
  const line: ServiceLineDoc = {
    _id: LINE, communityId: COMMUNITY, name: '日常保洁', category: 'housekeeping', kind: 'service', description: '', priceFen: 12000,
    durationMin: 120, freeUnderPropertyFee: false, slotCapacity: 1, checklist: [{ key: 'tidy', label: '清理现场' }], active: true, order: 1, createdAt: now
  }
  await store.insert('serviceLines', line)
  const worker: WorkerDoc = {
    _id: 'w-bench', communityId: COMMUNITY, userId: 'u-worker', name: '压测师傅', phone: '', partner: false, skills: ['housekeeping'],
    hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 9 * 60, endMin: 18 * 60 }, active: true, outstanding: false, outstandingNote: '', createdAt: now
  }
  await store.insert('workers', worker)
  for (let i = 0; i < ATTEMPTS; i++) {
    const h: HouseholdDoc = { _id: `h-${i}`, communityId: COMMUNITY, buildingId: 'b-1', room: String(1000 + i), areaCm2: 9000, codeHash: `bench-${i}`, createdAt: now }
    const u: UserDoc = { _id: `u-${i}`, openid: `bench-${i}`, nickname: `住户${i}`, avatarUrl: '', createdAt: now, updatedAt: now }
    const m: MembershipDoc = { _id: `h-${i}:u-${i}`, userId: u._id, householdId: h._id, communityId: COMMUNITY, relation: 'owner', status: 'active', via: 'seed', createdAt: now }
    await store.insert('households', h)
    await store.insert('users', u)
    await store.insert('memberships', m)
  }
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-booking-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const now = Date.now()
    await seed(store, now)
    const slots = upcomingSlots(now).slice(0, SLOTS)
    if (slots.length < SLOTS) throw new Error(`only ${slots.length} slots ahead`)
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    const main = createMain(bookingModule, localRuntime(ports))
    let n = 0
    const call = (openid: string, action: string, input: unknown) =>
      main({ action, input, communityId: COMMUNITY }, { request_id: `b-${++n}`, identity: { openid, source: 'dev' } } satisfies LocalContext)

    const started = performance.now()
    const results = (await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        call(`bench-${i}`, 'book', { lineId: LINE, householdId: `h-${i}`, slotStart: slots[i % SLOTS], payMode: 'after', clientRequestId: `bench-request-${i}` })
      )
    )) as ApiResponse<unknown>[]
    const seconds = (performance.now() - started) / 1000
    const refused = results.filter((r) => !r.ok)
    const unexpected = refused.filter((r) => !r.ok && r.error.code !== 'BOOKING.SLOT_FULL').length

    const bookings = (await findAll(store, 'bookings', { communityId: COMMUNITY })).filter((b) => b.status === 'confirmed')
    const perWorkerSlot = new Map<string, number>()
    for (const b of bookings) perWorkerSlot.set(`${b.workerId}:${b.slotStart}`, (perWorkerSlot.get(`${b.workerId}:${b.slotStart}`) ?? 0) + 1)
    const doubleBooked = [...perWorkerSlot.values()].reduce((d, c) => d + Math.max(0, c - 1), 0)
    const claims = await findAll(store, 'slotClaims', { communityId: COMMUNITY })
    const slotsBooked = new Set(bookings.map((b) => b.slotStart)).size

    const result = {
      attempts: ATTEMPTS,
      slots: SLOTS,
      booked: bookings.length,
      doubleBooked,
      slotsBooked,
      claims: claims.length,
      refused: refused.length,
      unexpectedErrors: unexpected,
      bookingsPerSecond: Math.round(ATTEMPTS / seconds),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      bookingSeconds: round(seconds, 3),
      /** Attempts per second per thousand conditional updates per second: a machine-independent ratio. */
      bookingsPerThousandConditionalUpdates: round((ATTEMPTS / seconds / updates.conditionalUpdatesPerSecond) * 1000, 1),
      correct: String(bookings.length === SLOTS && doubleBooked === 0 && slotsBooked === SLOTS && claims.length === SLOTS && unexpected === 0)
    }
    if (result.correct !== 'true') throw new Error(`booking invariants broken: ${JSON.stringify(result)}`)
    return result
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as { booked: number; slots: number; doubleBooked: number; bookingsPerSecond: number; conditionalUpdatesPerSecond: number }
  return {
    booked: `${x.booked}/${x.slots}`,
    doubleBooked: x.doubleBooked,
    bookingsPerSecond: x.bookingsPerSecond,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
