/**
 * `npm run bench -- insights`: the nightly insights pass on a generated community, first at 1,000
 * households and 50,000 orders, then at 10,000 households and 500,000 orders (a year of pre-sale
 * orders, some refunded), on a file-backed SQLite store as the local server runs it.
 *
 * For each size: the first (full) pass's seconds and peak RSS, a check that the stored daily
 * figures add up to the generated orders, then an incremental night where 1% of the orders
 * changed (refunds) and the time that takes. `growth` is full-pass time at 10k ÷ at 1k: near 10
 * means linear. The store's conditional-update rate is measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { runNightly } from '../cloudfunctions/domain/insights/nightly'
import { DAY_MS } from '../cloudfunctions/domain/insights/time'
import type { OrderDoc } from '../cloudfunctions/domain/order/docs'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Logger } from '../cloudfunctions/kernel/ports'
import { localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const SIZES = [
  { households: 1_000, orders: 50_000 },
  { households: 10_000, orders: 500_000 }
] as const
const COMMUNITY = 'c-bench'
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

function rand(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

function order(i: number, householdId: string, buildingId: string, paidAt: number, fen: number, refunded: boolean): OrderDoc {
  return {
    _id: `o${i}`,
    idempotencyKey: `k${i}`,
    code: `c${i}`,
    communityId: COMMUNITY,
    campaignId: `cp${i % 50}`,
    householdId,
    buildingId,
    userId: `u-${householdId}`,
    skuId: 's',
    skuName: '商品',
    quantity: 1,
    unitPriceFen: fen,
    subtotalFen: fen,
    couponId: null,
    pointsUsed: 0,
    discountFen: i % 3 === 0 ? 500 : 0,
    amountFen: fen,
    note: '',
    status: refunded ? 'refunded' : 'delivered',
    expiresAt: paidAt,
    payingUntil: paidAt,
    releaseDue: false,
    paymentId: `p${i}`,
    paidFen: fen,
    paidAt,
    gridId: null,
    deliveredAt: paidAt,
    deliveredBy: null,
    refundReason: null,
    refundRequestedAt: null,
    refundAttempts: 0,
    refundedFen: refunded ? fen : 0,
    refundedAt: refunded ? paidAt : null,
    afterSale: null,
    invitationId: null,
    inviterUserId: null,
    openGId: null,
    createdAt: paidAt,
    updatedAt: paidAt
  }
}

interface SizeResult {
  households: number
  orders: number
  generateSeconds: number
  seconds: number
  peakRssMB: number
  incrementalChanged: number
  incrementalSeconds: number
  countedOrders: number
  storedOrders: number
  /** Where the full pass spent its time, ms. */
  phases: { syncMs: number; recomputeMs: number; scoreMs: number; dailyMs: number }
}

async function runSize(size: (typeof SIZES)[number], now: number): Promise<SizeResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-insights-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: quiet, clock: { now: () => now } })
    const gen0 = performance.now()
    await store.insert('communities', { _id: COMMUNITY, name: '压测社区', city: '杭州', address: '', createdAt: 0 })
    const buildings = Math.ceil(size.households / 100)
    for (let b = 0; b < buildings; b++) {
      await store.insert('buildings', { _id: `b${b}`, communityId: COMMUNITY, name: `${b + 1}栋`, order: b })
      if (b % 5 === 0) {
        const ids = Array.from({ length: Math.min(5, buildings - b) }, (_, k) => `b${b + k}`)
        await store.insert('grids', { _id: `g${b}`, communityId: COMMUNITY, name: `网格${b / 5 + 1}`, butlerUserId: `u-butler-${b / 5}`, buildingIds: ids })
      }
    }
    for (let i = 0; i < size.households; i++) {
      await store.insert('households', { _id: `h${i}`, communityId: COMMUNITY, buildingId: `b${Math.floor(i / 100)}`, room: String(i % 100), areaCm2: 9000, codeHash: `x${i}`, createdAt: 0 })
    }
    const r = rand(size.households)
    let counted = 0
    for (let i = 0; i < size.orders; i++) {
      // Skewed: a third of households place most orders; some stopped months ago.
      const hh = Math.floor((r() ** 2) * size.households)
      const stopped = hh % 7 === 0
      const ago = stopped ? 90 + Math.floor(r() * 270) : Math.floor(r() * 360)
      const refunded = r() < 0.02
      if (!refunded) counted++
      await store.insert('orders', order(i, `h${hh}`, `b${Math.floor(hh / 100)}`, now - ago * DAY_MS - Math.floor(r() * DAY_MS), 2000 + Math.floor(r() * 20_000), refunded))
    }
    const generateSeconds = (performance.now() - gen0) / 1000

    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const t0 = performance.now()
    const full = await runNightly(ports, { communityId: COMMUNITY })
    const seconds = (performance.now() - t0) / 1000
    clearInterval(sampler)
    if (full.complete !== 1) throw new Error('full pass did not complete')
    const days = await findAll(store, 'dayMetrics', { communityId: COMMUNITY })
    const storedOrders = days.reduce((n, d) => n + d.orders, 0)
    if (storedOrders !== counted) throw new Error(`stored daily orders ${storedOrders} ≠ generated counted orders ${counted}`)

    // The next night: 1% of orders were refunded during the day.
    const next = now + DAY_MS
    const changed = Math.floor(size.orders / 100)
    for (let k = 0; k < changed; k++) {
      const id = `o${Math.floor((k * 9973) % size.orders)}`
      await store.update('orders', id, { set: { status: 'refunded', refundedFen: 1_000_000, updatedAt: next - 3_600_000 } })
    }
    const nextPorts = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: quiet, clock: { now: () => next } })
    const t1 = performance.now()
    const inc = await runNightly(nextPorts, { communityId: COMMUNITY })
    const incrementalSeconds = (performance.now() - t1) / 1000
    if (inc.complete !== 1) throw new Error('incremental pass did not complete')
    return {
      households: size.households,
      orders: size.orders,
      generateSeconds: round(generateSeconds, 1),
      seconds: round(seconds, 2),
      peakRssMB: Math.round(peak / 1_048_576),
      incrementalChanged: changed,
      incrementalSeconds: round(incrementalSeconds, 2),
      countedOrders: counted,
      storedOrders,
      phases: { syncMs: full.syncMs as number, recomputeMs: full.recomputeMs as number, scoreMs: full.scoreMs as number, dailyMs: full.dailyMs as number }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const now = Date.parse('2026-11-20T04:00:00Z')
  const sizes: SizeResult[] = []
  for (const size of SIZES) sizes.push(await runSize(size, now))
  const [small, large] = sizes as [SizeResult, SizeResult]
  return {
    sizes,
    growth: round(large.seconds / small.seconds, 2),
    incrementalGrowth: round(large.incrementalSeconds / small.incrementalSeconds, 2),
    /** The full pass at 10k as a share of a full pass: how much cheaper a normal night is. */
    incrementalShare: round(large.incrementalSeconds / large.seconds, 3),
    conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
    ordersPerSecondAt10k: Math.round(large.orders / large.seconds)
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as unknown as { sizes: SizeResult[]; growth: number; incrementalShare: number; conditionalUpdatesPerSecond: number }
  const out: Record<string, number | string> = {}
  for (const s of x.sizes) out[`${s.households / 1000}k/${s.orders / 1000}k`] = `${s.seconds}s, ${s.peakRssMB} MB, next night ${s.incrementalSeconds}s`
  out.growth = x.growth
  out.incrementalShare = x.incrementalShare
  out.conditionalUpdatesPerSecond = x.conditionalUpdatesPerSecond
  return out
}
