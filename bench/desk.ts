/**
 * `npm run bench -- desk`: the service desk on a 1,000-household community, through the real
 * request path on a file-backed SQLite store as the local server runs it.
 *
 * - 2,000 work orders logged by four clerks at once (`desk.createWorkOrder`: the household, the
 *   rule, the least busy skilled worker, the order, the assignee's and the household's messages).
 * - Sixteen minutes later every answer is late: three SLA sweeps run at once, as overlapping timer
 *   runs would. Each reminder must be sent once: the message's key is made of the order, its round
 *   and the stage, and each order's record is a conditional update on the version read.
 * - 1,000 searches at once by the number on a caller's screen (`138****1234`, `desk.find`), each of
 *   which must find its household.
 *
 * Figures: `workOrders`, `createsPerSecond`, `reminders` (must equal `workOrders`),
 * `duplicateReminders` (must be 0), `sweepOrdersPerSecond`, `finds`, `findsCorrect` (must equal
 * `finds`), `findsPerSecond`, against the store's `conditionalUpdatesPerSecond` from the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { ActionId, InputOf, OutputOf } from '../cloudfunctions/contracts/registry'
import type { BuildingDoc, CommunityDoc, GridDoc, HouseholdDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import type { WorkerDoc } from '../cloudfunctions/domain/booking/docs'
import { runSlaSweep } from '../cloudfunctions/domain/desk/sla-job'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Clock } from '../cloudfunctions/kernel/ports'
import { localMains, localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, figures, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const BUILDINGS = 10
const PER_BUILDING = 100
const ORDERS = 2000
const FINDS = 1000
const POOL = 64
const C = 'c-bench'
const T0 = Date.UTC(2026, 11, 1, 2)
const MIN = 60_000
const CLERKS = ['u-desk-1', 'u-desk-2', 'u-desk-3', 'u-desk-4']

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

/** The ledger owner's phone of household `n`: unique, with a head the masked search checks. */
const phoneOf = (n: number) => `138${String(10_000_000 + n * 7919).slice(-8)}`

async function seed(store: SqliteStore): Promise<HouseholdDoc[]> {
  const community: CommunityDoc = { _id: C, name: '压测社区', city: '杭州', address: '压测路 1 号', createdAt: T0 }
  await store.insert('communities', community)
  const homes: HouseholdDoc[] = []
  for (let b = 0; b < BUILDINGS; b++) {
    const building: BuildingDoc = { _id: `b-${b}`, communityId: C, name: `${b + 1}栋`, order: b + 1 }
    await store.insert('buildings', building)
    await pooled(Array.from({ length: PER_BUILDING }, (_, r) => r), async (r) => {
      const n = b * PER_BUILDING + r
      const id = `h-${b}-${r}`
      const phone = phoneOf(n)
      const h: HouseholdDoc = { _id: id, communityId: C, buildingId: building._id, room: String(100 * (Math.floor(r / 4) + 1) + (r % 4) + 1), areaCm2: 9000, owner: { name: `业主${n}`, phone, phoneTail: phone.slice(7) }, codeHash: `unissued:${id}`, createdAt: T0 }
      const u: UserDoc = { _id: `u-${n}`, openid: `dev-u-${n}`, nickname: `住户${n}`, avatarUrl: '', createdAt: T0, updatedAt: T0 }
      const m: MembershipDoc = { _id: `${id}:${u._id}`, userId: u._id, householdId: id, communityId: C, relation: 'owner', status: 'active', via: 'seed', createdAt: T0 }
      await Promise.all([store.insert('households', h), store.insert('users', u), store.insert('memberships', m)])
      homes.push(h)
    })
  }
  const staff: { id: string; role: StaffRoleDoc['role'] }[] = [
    ...CLERKS.map((id) => ({ id, role: 'service' as const })),
    { id: 'u-op', role: 'operator' },
    { id: 'u-dispatch', role: 'dispatcher' },
    ...Array.from({ length: 6 }, (_, i) => ({ id: `u-worker-${i}`, role: 'worker' as const })),
    { id: 'u-butler', role: 'butler' }
  ]
  for (const s of staff) {
    const user: UserDoc = { _id: s.id, openid: `dev-${s.id}`, nickname: s.id, avatarUrl: '', createdAt: T0, updatedAt: T0 }
    const role: StaffRoleDoc = { _id: `${C}:${s.id}:${s.role}`, userId: s.id, communityId: C, role: s.role, createdAt: T0 }
    await Promise.all([store.insert('users', user), store.insert('staffRoles', role)])
  }
  for (let i = 0; i < 6; i++) {
    const w: WorkerDoc = { _id: `w-${i}`, communityId: C, userId: `u-worker-${i}`, name: `师傅${i}`, phone: phoneOf(9000 + i), partner: false, skills: ['plumbing', 'electric', 'appliance'], hours: { days: [0, 1, 2, 3, 4, 5, 6], startMin: 480, endMin: 1200 }, active: true, outstanding: false, outstandingNote: '', createdAt: T0 }
    await store.insert('workers', w)
  }
  const grid: GridDoc = { _id: 'g-all', communityId: C, name: '全区', butlerUserId: 'u-butler', buildingIds: Array.from({ length: BUILDINGS }, (_, b) => `b-${b}`) }
  await store.insert('grids', grid)
  return homes
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-desk-'))
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
    const homes = await seed(store)

    let started = performance.now()
    const made = await pooled(Array.from({ length: ORDERS }, (_, i) => i), (i) =>
      call(
        'desk.createWorkOrder',
        { householdId: homes[i % homes.length]!._id, type: i % 3 ? 'repair' : 'leak', channel: i % 2 ? 'phone400' : 'walkin', text: `压测工单 ${i}：水管滴水`, photos: [], clientRequestId: `bench-wo-${i}` },
        CLERKS[i % CLERKS.length]!
      )
    )
    const createSeconds = (performance.now() - started) / 1000
    const refused = made.find((r) => !r.ok)
    if (refused && !refused.ok) throw new Error(`work order refused: ${refused.error.code} ${refused.error.message}`)

    // Sixteen minutes on: every leak's 15-minute answer is late; repairs have an hour.
    clock.t = T0 + 16 * MIN
    started = performance.now()
    const sweeps = await Promise.all([runSlaSweep(ports), runSlaSweep(ports), runSlaSweep(ports)])
    const sweepSeconds = (performance.now() - started) / 1000
    const late = made.filter((r) => r.ok && r.data.workOrder.type === 'leak').length
    const sent = await findAll(store, 'inbox', { kind: 'work-order-breach' })
    const perOrder = new Map<string, number>()
    for (const m of sent) perOrder.set(m.link ?? m._id, (perOrder.get(m.link ?? m._id) ?? 0) + 1)
    const duplicateReminders = [...perOrder.values()].reduce((k, v) => k + Math.max(0, v - 1), 0)
    const seen = sweeps.reduce((k, s) => k + Number(s.seen), 0)

    started = performance.now()
    const picks = Array.from({ length: FINDS }, (_, i) => (i * 37) % homes.length)
    const found = await pooled(picks, (k) => {
      const phone = homes[k]!.owner!.phone!
      return call('desk.find', { q: `${phone.slice(0, 3)}****${phone.slice(7)}` }, CLERKS[k % CLERKS.length]!)
    })
    const findSeconds = (performance.now() - started) / 1000
    const findsCorrect = found.filter((r, i) => r.ok && r.data.households.some((h) => h.householdId === homes[picks[i]!]!._id)).length

    return {
      design: 'SLA alerts keyed by order, round and stage; each order recorded by a conditional update on its version; searches are indexed reads side by side',
      workOrders: ORDERS,
      createsPerSecond: Math.round(ORDERS / createSeconds),
      lateOrders: late,
      reminders: sent.length,
      duplicateReminders,
      sweepOrdersPerSecond: Math.round(late / sweepSeconds),
      sweepsSeen: seen,
      finds: FINDS,
      findsCorrect,
      findsPerSecond: Math.round(FINDS / findSeconds),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      createsRatio: round(ORDERS / createSeconds / updates.conditionalUpdatesPerSecond, 4),
      households: homes.length
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  return figures(r, ['workOrders', 'createsPerSecond', 'lateOrders', 'reminders', 'duplicateReminders', 'sweepOrdersPerSecond', 'findsCorrect', 'findsPerSecond', 'conditionalUpdatesPerSecond'])
}
