/**
 * `npm run bench -- parcels`: 2,000 parcels registered at the front desk, then 2,000 pickups sent
 * at once, 500 of them a second pickup of a parcel already in the batch (half by the six-digit
 * code, half by the resident's QR), through the real request path on a file-backed SQLite store
 * as the local server runs it.
 *
 * The design this measures: a pickup is one conditional update (`waiting → picked`), so however
 * many desks race on one parcel exactly one hands it over and the others are told who did;
 * registration takes the tracking number's unique key, a pickup code under its own key, the
 * household-month counter and one inbox message a member.
 *
 * Figures: `parcels` (registered), `pickedUp` (parcels picked), `doublePickups` (successful
 * pickups beyond one a parcel, and answers that disagree with the store: must be 0),
 * `duplicatesRefused` (second pickups answered 已取件), `pickupsPerSecond`,
 * `registrationsPerSecond`, `codesUnique` (1 when every pickup code differs) and the store's `conditionalUpdatesPerSecond` from the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { ActionId, InputOf, OutputOf } from '../cloudfunctions/contracts/registry'
import { COURIERS, PARCEL_QR_PREFIX } from '../cloudfunctions/contracts/parcel-labels'
import type { BuildingDoc, CommunityDoc, HouseholdDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Clock } from '../cloudfunctions/kernel/ports'
import { localMains, localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, figures, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const BUILDINGS = 10
const PER_BUILDING = 50
const PARCELS = 2000
const PICKUPS = 2000
const REPEATS = 500
const POOL = 64
const C = 'c-bench'
const T0 = Date.UTC(2026, 11, 1, 2)

class BenchClock implements Clock {
  constructor(public t: number) {}
  now() {
    return this.t
  }
}

async function pooled<T, R>(items: readonly T[], run: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(POOL, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await run(items[i]!, i)
      }
    })
  )
  return out
}

async function seed(store: SqliteStore): Promise<string[]> {
  const community: CommunityDoc = { _id: C, name: '压测社区', city: '杭州', address: '压测路 1 号', createdAt: T0 }
  await store.insert('communities', community)
  const homes: string[] = []
  for (let b = 0; b < BUILDINGS; b++) {
    const building: BuildingDoc = { _id: `b-${b}`, communityId: C, name: `${b + 1}栋`, order: b + 1 }
    await store.insert('buildings', building)
    for (let r = 0; r < PER_BUILDING; r++) {
      const id = `h-${b}-${r}`
      const h: HouseholdDoc = { _id: id, communityId: C, buildingId: building._id, room: String(100 * (Math.floor(r / 5) + 1) + (r % 5) + 1), areaCm2: 9000, codeHash: `unissued:${id}`, createdAt: T0 }
      const u: UserDoc = { _id: `u-${b}-${r}`, openid: `dev-u-${b}-${r}`, nickname: `住户${b}-${r}`, avatarUrl: '', createdAt: T0, updatedAt: T0 }
      const m: MembershipDoc = { _id: `${id}:${u._id}`, userId: u._id, householdId: id, communityId: C, relation: 'owner', status: 'active', via: 'seed', createdAt: T0 }
      await Promise.all([store.insert('households', h), store.insert('users', u), store.insert('memberships', m)])
      homes.push(id)
    }
  }
  const desks = ['u-desk-1', 'u-desk-2', 'u-desk-3', 'u-desk-4']
  for (const [i, id] of desks.entries()) {
    const user: UserDoc = { _id: id, openid: `dev-${id}`, nickname: `前台${i + 1}`, avatarUrl: '', createdAt: T0, updatedAt: T0 }
    const role: StaffRoleDoc = { _id: `${C}:${id}:verifier`, userId: id, communityId: C, role: i % 2 ? 'service' : 'verifier', createdAt: T0 }
    await Promise.all([store.insert('users', user), store.insert('staffRoles', role)])
  }
  return homes
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-parcels-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const clock = new BenchClock(T0)
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', clock, log: quiet })
    const mains = localMains(ports)
    let n = 0
    const call = async <A extends ActionId>(id: A, input: InputOf<A>, userId: string): Promise<ApiResponse<OutputOf<A>>> => {
      const [fn, action] = id.split('.') as [string, string]
      return (await mains[fn]!({ action, input, communityId: C }, { request_id: `b-${++n}`, identity: { openid: `dev-${userId}`, source: 'dev' } })) as ApiResponse<OutputOf<A>>
    }
    const desk = (i: number) => `u-desk-${(i % 4) + 1}`

    const homes = await seed(store)

    let started = performance.now()
    const registered = await pooled(Array.from({ length: PARCELS }, (_, i) => i), (i) =>
      call('parcel.register', { householdId: homes[i % homes.length]!, courier: COURIERS[i % COURIERS.length]!, trackingNo: `BENCH${String(i).padStart(10, '0')}`, shelf: `${String.fromCharCode(65 + (i % 8))}-${(i % 40) + 1}`, clientRequestId: `bench-parcel-${i}` }, desk(i))
    )
    const registerSeconds = (performance.now() - started) / 1000
    const made = registered.flatMap((r) => (r.ok ? [r.data] : []))
    const refused = registered.find((r) => !r.ok)
    if (refused && !refused.ok) throw new Error(`registered ${made.length} of ${PARCELS}: ${refused.error.message}`)
    const docs = new Map((await findAll(store, 'parcels', { communityId: C })).map((p) => [p._id, p]))
    const codesUnique = new Set(made.map((p) => p.pickupCode)).size === made.length

    // 1,500 parcels picked up, 500 of them claimed a second time in the same burst, by another desk.
    const first = made.slice(0, PICKUPS - REPEATS)
    const attempts = [...first, ...first.slice(0, REPEATS)]
    const keyOf = (p: (typeof made)[number], i: number) => (i % 2 ? p.pickupCode : `${PARCEL_QR_PREFIX}${docs.get(p.id)!.qrToken}`)
    started = performance.now()
    const answers = await Promise.all(attempts.map((p, i) => call('parcel.pickup', { code: keyOf(p, i) }, desk(i + (i >= PICKUPS - REPEATS ? 1 : 0)))))
    const pickupSeconds = (performance.now() - started) / 1000

    const after = await findAll(store, 'parcels', { communityId: C })
    const picked = after.filter((p) => p.status === 'picked')
    const wins = new Map<string, number>()
    for (const r of answers) if (r.ok) wins.set(r.data.id, (wins.get(r.data.id) ?? 0) + 1)
    const doublePickups = [...wins.values()].reduce((k, v) => k + Math.max(0, v - 1), 0) + Math.abs(wins.size - picked.length)
    const duplicatesRefused = answers.filter((r) => !r.ok && r.error.code === 'PARCEL.ALREADY_PICKED').length
    const failed = answers.filter((r) => !r.ok && r.error.code !== 'PARCEL.ALREADY_PICKED').length

    return {
      design: 'pickup = one conditional update waiting → picked; codes and tracking numbers under unique keys',
      parcels: made.length,
      pickedUp: picked.length,
      doublePickups,
      duplicatesRefused,
      unexpectedFailures: failed,
      pickupsPerSecond: Math.round(attempts.length / pickupSeconds),
      registrationsPerSecond: Math.round(made.length / registerSeconds),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      pickupsRatio: round(attempts.length / pickupSeconds / updates.conditionalUpdatesPerSecond, 3),
      codesUnique: codesUnique ? 1 : 0,
      pickups: { attempts: attempts.length, repeats: REPEATS, byQr: Math.ceil(attempts.length / 2), seconds: round(pickupSeconds, 3) },
      registration: { households: homes.length, seconds: round(registerSeconds, 3) }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  return figures(r, ['parcels', 'pickedUp', 'doublePickups', 'duplicatesRefused', 'pickupsPerSecond', 'registrationsPerSecond', 'conditionalUpdatesPerSecond'])
}
