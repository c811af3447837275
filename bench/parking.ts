/**
 * `npm run bench -- parking`: 2,000 cars enter and leave the demo's underground lot in bursts
 * through the barrier route (`/gate/barrier`, signed as a camera signs), with re-sent readings,
 * second readings of the same car and exits uploaded before their entries mixed in; 500 cars pay
 * before leaving, all at once, 100 of them with a double tap and 50 paid by a second person at
 * the same moment. A file-backed SQLite store, as the local server runs it.
 *
 * Figures: `sessions`, `charged` (sessions paid), `doubleCharged` (a stay paid more than its fee at
 * payment time, or a payment applied twice: must be 0), `lostSessions` (cars let in with no stay on
 * record: must be 0), `feeMismatches` (each stay's fee against an independent recomputation here:
 * must be 0), `eventsPerSecond` and the store's `conditionalUpdatesPerSecond` from the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { accessHttpRoutes } from '../cloudfunctions/access/http'
import { accessModule } from '../cloudfunctions/access/module'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { BarrierAnswer } from '../cloudfunctions/contracts/parking-barrier'
import type { FeeRule } from '../cloudfunctions/contracts/parking-fee'
import type { ActionId, InputOf, OutputOf } from '../cloudfunctions/contracts/registry'
import { buildDeviceRequest } from '../cloudfunctions/domain/access/device-auth'
import type { ParkingSessionDoc } from '../cloudfunctions/domain/parking/docs'
import { createHttpMain } from '../cloudfunctions/kernel/http-main'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Clock } from '../cloudfunctions/kernel/ports'
import { demoGateSecret } from '../scripts/seed/access'
import { COMMUNITY_A, seedDemo } from '../scripts/seed/demo'
import { DEMO_FEE_RULE, DEMO_LOT_ID } from '../scripts/seed/parking'
import { localMains, localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, figures, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const CARS = 2000
const PAYERS = 500
const DOUBLE_TAPS = 100
const SECOND_PAYERS = 50
const POOL = 64
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const NOW = Date.UTC(2026, 11, 7, 4) // 12:00 in Shanghai

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

/**
 * The fee, recomputed here minute by minute from the rule's words rather than by the function's
 * hour list: each started hour is priced by the Shanghai clock at its start, nights and 24-hour
 * periods capped in order.
 */
function independentFee(rule: FeeRule, from: number, to: number): number {
  const minutes = Math.max(0, Math.ceil((to - from) / MINUTE))
  if (to - from <= rule.freeMinutes * MINUTE) return 0
  const long = to - from > 24 * HOUR
  const caps = [rule.dailyCapFen, long ? rule.longStayCapFen : null].filter((c): c is number => c !== null)
  const periodCap = caps.length ? Math.min(...caps) : Infinity
  const nightSpent = new Map<string, number>()
  const periodSpent = new Map<number, number>()
  let total = 0
  for (let m = 0; m < minutes; m += 60) {
    const start = from + m * MINUTE
    const wall = new Date(start + 8 * HOUR)
    const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes()
    const n = rule.night
    const inNight = n !== null && (n.start < n.end ? minuteOfDay >= n.start && minuteOfDay < n.end : minuteOfDay >= n.start || minuteOfDay < n.end)
    let price = inNight && n ? n.perHourFen : m === 0 ? rule.firstHourFen : rule.perHourFen
    if (inNight && n && n.capFen !== null) {
      const night = new Date(start + 8 * HOUR - (minuteOfDay < n.start ? 24 * HOUR : 0)).toISOString().slice(0, 10)
      const spent = nightSpent.get(night) ?? 0
      price = Math.min(price, Math.max(0, n.capFen - spent))
      nightSpent.set(night, spent + price)
    }
    const period = Math.floor((m * MINUTE) / (24 * HOUR))
    const pSpent = periodSpent.get(period) ?? 0
    price = Math.min(price, Math.max(0, periodCap - pSpent))
    periodSpent.set(period, pSpent + price)
    total += price
  }
  return total
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-parking-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const clock = new BenchClock(NOW)
    const pepper = 'bench-pepper-0123456789'
    await seedDemo(store, pepper, NOW)
    const ports = localPorts({ store, codePepper: pepper, clock, log: quiet })
    const mains = localMains(ports)
    const gate = createHttpMain(accessModule, localRuntime(ports), accessHttpRoutes)
    const secret = demoGateSecret('ly-car')
    let n = 0
    const call = async <A extends ActionId>(id: A, input: InputOf<A>, userId: string): Promise<ApiResponse<OutputOf<A>>> => {
      const [fn, action] = id.split('.') as [string, string]
      return (await mains[fn]!({ action, input, communityId: COMMUNITY_A }, { request_id: `b-${++n}`, identity: { openid: `dev-${userId}`, source: 'dev' } })) as ApiResponse<OutputOf<A>>
    }
    let readings = 0
    const read = async (door: 'd1' | 'd2', plate: string, at: number, eventId: string): Promise<BarrierAnswer> => {
      readings++
      const req = buildDeviceRequest(secret, 'barrier', { deviceId: 'ly-car', ts: clock.now(), nonce: `bench-${++n}-nonce`, door, plate, at, eventId })
      const res = await gate({ httpMethod: 'POST', path: '/gate/barrier', headers: req.headers, body: req.body, isBase64Encoded: false }, { request_id: `g-${n}`, identity: null })
      if (!('statusCode' in res)) throw new Error('not an HTTP answer')
      return JSON.parse(res.body) as BarrierAnswer
    }

    // Plates 沪B00000…; stays from 5 minutes to 30 hours, entries before NOW, so every fee case occurs.
    const cars = Array.from({ length: CARS }, (_, i) => ({ plate: `沪B${String(i).padStart(5, '0')}`, stay: 5 * MINUTE + ((i * 7919) % (30 * 60)) * MINUTE }))
    const late = new Set(cars.filter((_, i) => i % 20 === 7).map((c) => c.plate))
    const enteredAt = (c: (typeof cars)[number]) => NOW - c.stay - 10 * MINUTE

    // Entries in bursts of POOL, each car's reading re-sent (10 %) or read again by a second lane (5 %).
    const started = performance.now()
    const entries = await pooled(
      cars.filter((c) => !late.has(c.plate)),
      async (c, i) => {
        const id = `in-${c.plate.slice(2)}`
        const first = await read('d1', c.plate, enteredAt(c), id)
        if (i % 10 === 3) await read('d1', c.plate, enteredAt(c), id)
        if (i % 20 === 5) await read('d1', c.plate, enteredAt(c) + MINUTE, `in2-${c.plate.slice(2)}`)
        return [c.plate, first.decision] as const
      }
    )
    const opened = new Set(entries.filter(([, d]) => d === 'open').map(([p]) => p))

    // 500 cars pay at NOW, concurrently; 100 double taps (same request id), 50 paid by two people.
    clock.t = NOW
    const payers = cars.filter((c) => !late.has(c.plate) && c.stay > 20 * MINUTE).slice(0, PAYERS)
    const payStarted = performance.now()
    await pooled(payers, async (c, i) => {
      const found = await call('parking.sessionByPlate', { plate: c.plate }, 'u-wang')
      const payable = found.ok ? found.data.session?.payable : null
      if (!payable) return
      const crid = `bench-pay-${i}`
      const tries = [call('pay.create', { payables: [payable], clientRequestId: crid }, 'u-wang')]
      if (i < DOUBLE_TAPS) tries.push(call('pay.create', { payables: [payable], clientRequestId: crid }, 'u-wang'))
      else if (i < DOUBLE_TAPS + SECOND_PAYERS) tries.push(call('pay.create', { payables: [payable], clientRequestId: `bench-pay-li-${i}` }, 'u-li'))
      const made = await Promise.all(tries)
      const launches = new Map<string, string>()
      for (const r of made) if (r.ok && r.data.launch?.kind === 'sandbox') launches.set(r.data.payment.id, r.data.launch.prepayId)
      // The payer confirms each cashier that opened (a double tap opens one).
      for (const prepayId of launches.values()) await ports.sandbox.confirm(prepayId)
    })
    await ports.sandbox.flush()
    const paySeconds = (performance.now() - payStarted) / 1000

    // Exits: late cars' exits first (their entries are uploaded afterwards), everyone leaves at NOW.
    const exits = await pooled(cars, async (c, i) => {
      const a = await read('d2', c.plate, NOW, `out-${c.plate.slice(2)}`)
      if (i % 10 === 4) await read('d2', c.plate, NOW, `out-${c.plate.slice(2)}`)
      return a
    })
    await pooled([...late], async (plate) => {
      const c = cars.find((x) => x.plate === plate)!
      const a = await read('d1', plate, enteredAt(c), `in-${plate.slice(2)}`)
      if (a.decision === 'open') opened.add(plate)
    })
    const seconds = (performance.now() - started) / 1000 - paySeconds

    const sessions = await findAll(store, 'parkingSessions', { lotId: DEMO_LOT_ID })
    const carsSessions = sessions.filter((s) => s.plate.startsWith('沪B'))
    const byPlate = new Map<string, ParkingSessionDoc[]>()
    for (const s of carsSessions) byPlate.set(s.plate, [...(byPlate.get(s.plate) ?? []), s])
    const lostSessions = [...opened].filter((p) => !byPlate.has(p)).length + [...byPlate.values()].filter((ss) => ss.length !== 1).length

    const payments = await findAll(store, 'payments', { communityId: COMMUNITY_A })
    const paidParking = payments.filter((p) => p.status === 'paid' && p.lines.some((l) => l.type === 'parking'))
    let doubleCharged = 0
    let feeMismatches = 0
    for (const s of carsSessions) {
      const applied = paidParking.filter((p) => s.charges.some((c) => c.paymentId === p._id))
      if (applied.length !== s.charges.length || new Set(s.charges.map((c) => c.paymentId)).size !== s.charges.length) doubleCharged++
      const last = s.charges.at(-1)
      if (last && s.paidFen > independentFee(DEMO_FEE_RULE, s.enteredAt, last.at)) doubleCharged++
      if (s.status === 'closed' && s.exitedAt !== null && s.kind !== 'monthly' && s.feeFen !== independentFee(DEMO_FEE_RULE, s.enteredAt, s.exitedAt)) feeMismatches++
    }
    const refundedTwins = paidParking.filter((p) => !carsSessions.some((s) => s.charges.some((c) => c.paymentId === p._id))).length
    const due = exits.filter((a) => a.reason === 'PAYMENT_DUE')
    for (const a of due) {
      const c = cars.find((x) => x.plate === a.plate)!
      if (a.dueFen !== independentFee(DEMO_FEE_RULE, enteredAt(c), NOW)) feeMismatches++
    }

    return {
      design: 'one open stay a plate by unique key; a reading once by its event key; a payment applies to the n-th sequence by one conditional update',
      sessions: carsSessions.length,
      charged: carsSessions.filter((s) => s.paidFen > 0).length,
      doubleCharged,
      lostSessions,
      feeMismatches,
      refundedTwins,
      exitsOpened: exits.filter((a) => a.decision === 'open').length,
      exitsRefusedForPayment: due.length,
      exitsWithoutEntry: exits.filter((a) => a.reason === 'NO_ENTRY').length,
      eventsPerSecond: Math.round(readings / seconds),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      eventsRatio: round(readings / seconds / updates.conditionalUpdatesPerSecond, 3),
      readings,
      payments: { payers: payers.length, doubleTaps: DOUBLE_TAPS, secondPayers: SECOND_PAYERS, paid: paidParking.length, seconds: round(paySeconds, 3) }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  return figures(r, ['sessions', 'charged', 'doubleCharged', 'lostSessions', 'feeMismatches', 'eventsPerSecond', 'conditionalUpdatesPerSecond'])
}
