/**
 * `npm run bench -- presale`: 2,000 concurrent create-order attempts on one SKU with 100 in stock,
 * from 500 households (4 attempts each, limit 2 per household), twice:
 * - in process: straight into the order function's `main` (envelope, identity, roles, zod,
 *   domain) on a file-backed SQLite store, as the local server runs it;
 * - over HTTP: `POST /api/order` against the real local server (`startApp`, port 0), each caller
 *   with its own signed dev session, at most 50 requests in flight.
 * Each run must sell exactly the stock, never oversell and never exceed a household's limit; the
 * store's conditional-update rate is measured in the same run to read the rates as ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { CommunityDoc, HouseholdDoc, MembershipDoc, UserDoc } from '../cloudfunctions/domain/docs'
import type { CampaignDoc, CampaignStockDoc } from '../cloudfunctions/domain/order/docs'
import { createMain } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Store } from '../cloudfunctions/kernel/store'
import { orderModule } from '../cloudfunctions/order/module'
import { startApp } from '../scripts/server/app'
import { signDevSession } from '../scripts/server/dev-session'
import { loadSecrets } from '../scripts/server/env'
import { type LocalContext, localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, median, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const ATTEMPTS = 2000
const STOCK = 100
const HOUSEHOLDS = 500
const LIMIT = 2
const HTTP_IN_FLIGHT = 50
const COMMUNITY = 'c-bench-presale'
const DAY = 24 * 3600_000

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

/** Households and owners of the bench community, and one live campaign per run. */
async function seed(store: Store, now: number, campaignIds: readonly string[]): Promise<void> {
  const community: CommunityDoc = { _id: COMMUNITY, name: '压测社区', city: '杭州', address: '', createdAt: now }
  await store.insert('communities', community)
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const h: HouseholdDoc = { _id: `hb-${i}`, communityId: COMMUNITY, buildingId: 'bb-1', room: String(1000 + i), areaCm2: 9000, codeHash: `bench-presale-${i}`, createdAt: now }
    const u: UserDoc = { _id: `ub-${i}`, openid: `bench-presale-${i}`, nickname: `住户${i}`, avatarUrl: '', createdAt: now, updatedAt: now }
    const m: MembershipDoc = { _id: `${h._id}:${u._id}`, userId: u._id, householdId: h._id, communityId: COMMUNITY, relation: 'owner', status: 'active', via: 'seed', createdAt: now }
    await store.insert('households', h)
    await store.insert('users', u)
    await store.insert('memberships', m)
  }
  for (const id of campaignIds) {
    const c: CampaignDoc = {
      _id: id,
      communityId: COMMUNITY,
      title: '压测预售',
      description: '',
      productId: 'pd-bench',
      productName: '压测商品',
      productKind: 'goods',
      category: 'other',
      supplierId: 'sp-bench',
      supplierName: '压测供应商',
      images: [],
      unit: '份',
      skus: [{ skuId: 's1', name: '标准', priceFen: 990, originalFen: 1290, stock: STOCK }],
      startAt: now - DAY,
      endAt: now + DAY,
      householdLimit: LIMIT,
      threshold: null,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: now + 2 * DAY,
      status: 'live',
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now
    }
    const stock: CampaignStockDoc = { _id: `${id}:s1`, campaignId: id, communityId: COMMUNITY, skuId: 's1', stock: STOCK, available: STOCK, holds: {}, paidQuantity: 0, paid: {} }
    await store.insert('campaigns', c)
    await store.insert('campaignStock', stock)
  }
}

/**
 * The i-th attempt: each household's 4 attempts are consecutive, so over HTTP (50 in flight) a
 * household's requests race each other as well as the other households' for the stock.
 */
function attempt(campaignId: string, i: number) {
  const household = Math.floor(i / (ATTEMPTS / HOUSEHOLDS)) % HOUSEHOLDS
  return {
    openid: `bench-presale-${household}`,
    input: { campaignId, skuId: 's1', quantity: 1, householdId: `hb-${household}`, clientRequestId: `${campaignId}-attempt-${String(i).padStart(5, '0')}` }
  }
}

interface Way {
  ordersPerSecond: number
  p50Ms: number
  p99Ms: number
  seconds: number
  sold: number
  oversold: number
  perHouseholdLimitBroken: number
  counterMismatch: number
  outcomes: Record<string, number>
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN
}

/** What the store says after a run: sold units, oversell, households past their limit, counters. */
async function check(store: Store, campaignId: string): Promise<Pick<Way, 'sold' | 'oversold' | 'perHouseholdLimitBroken' | 'counterMismatch'>> {
  const orders = (await findAll(store, 'orders', { campaignId })).filter((o) => o.status === 'pending_payment')
  const sold = orders.reduce((n, o) => n + o.quantity, 0)
  const perHousehold = new Map<string, number>()
  for (const o of orders) perHousehold.set(o.householdId, (perHousehold.get(o.householdId) ?? 0) + o.quantity)
  const stock = await store.get('campaignStock', `${campaignId}:s1`)
  const held = Object.values(stock?.holds ?? {}).reduce((n, q) => n + q, 0)
  const quotas = await findAll(store, 'orderQuotas', { campaignId })
  let counterMismatch = (stock?.available ?? -1) + held === STOCK && held === sold ? 0 : 1
  for (const q of quotas) if (q.bought !== (perHousehold.get(q.householdId) ?? 0)) counterMismatch++
  return {
    sold,
    oversold: Math.max(0, sold - STOCK) + Math.max(0, -(stock?.available ?? 0)),
    perHouseholdLimitBroken: [...perHousehold.values()].filter((n) => n > LIMIT).length,
    counterMismatch
  }
}

function outcomesOf(results: readonly ApiResponse<unknown>[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of results) {
    const k = r.ok ? 'ok' : r.error.code
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

async function inProcess(campaignId: string): Promise<Way> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-presale-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    await seed(store, Date.now(), [campaignId])
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: quiet })
    const main = createMain(orderModule, localRuntime(ports))
    let n = 0
    const latencies: number[] = []
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: ATTEMPTS }, async (_, i) => {
        const a = attempt(campaignId, i)
        const t0 = performance.now()
        const ctx: LocalContext = { request_id: `b-${++n}`, identity: { openid: a.openid, source: 'dev' } }
        const res = (await main({ action: 'create', input: a.input, communityId: COMMUNITY }, ctx)) as ApiResponse<unknown>
        latencies.push(performance.now() - t0)
        return res
      })
    )
    const seconds = (performance.now() - started) / 1000
    return { ...timing(latencies, seconds), ...(await check(store, campaignId)), outcomes: outcomesOf(results) }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function timing(latencies: readonly number[], seconds: number) {
  return {
    ordersPerSecond: Math.round(ATTEMPTS / seconds),
    p50Ms: round(median(latencies), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    seconds: round(seconds, 3)
  }
}

async function overHttp(campaignId: string): Promise<Way> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-presale-http-'))
  const app = await startApp({ LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dataDir, LINLI_SCHEDULER: 'off' }, { quiet: true })
  try {
    const now = Date.now()
    await seed(app.ports.store, now, [campaignId])
    const secret = loadSecrets(dataDir).devSessionSecret
    const tokens = new Map(Array.from({ length: HOUSEHOLDS }, (_, i) => [`bench-presale-${i}`, signDevSession(secret, `bench-presale-${i}`, now)]))
    const url = `${app.url}api/order`
    const latencies: number[] = []
    const results: ApiResponse<unknown>[] = []
    let next = 0
    const worker = async () => {
      for (let i = next++; i < ATTEMPTS; i = next++) {
        const a = attempt(campaignId, i)
        const t0 = performance.now()
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(a.openid) ?? ''}` },
          body: JSON.stringify({ action: 'create', input: a.input, communityId: COMMUNITY })
        })
        results.push((await res.json()) as ApiResponse<unknown>)
        latencies.push(performance.now() - t0)
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: HTTP_IN_FLIGHT }, worker))
    const seconds = (performance.now() - started) / 1000
    return { ...timing(latencies, seconds), ...(await check(app.ports.store, campaignId)), outcomes: outcomesOf(results) }
  } finally {
    await app.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult> {
  const updates = await measureConditionalUpdates(1)
  const local = await inProcess('pc-bench-local')
  const http = await overHttp('pc-bench-http')
  const result = {
    attempts: ATTEMPTS,
    stock: STOCK,
    households: HOUSEHOLDS,
    householdLimit: LIMIT,
    /** Units sold in each run (both must equal the stock); the in-process run's figure. */
    sold: local.sold,
    oversold: local.oversold + http.oversold,
    perHouseholdLimitBroken: local.perHouseholdLimitBroken + http.perHouseholdLimitBroken,
    inProcess: local,
    http: { ...http, inFlight: HTTP_IN_FLIGHT },
    conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
    /** Create-order requests per 1,000 conditional updates the store can do: the machine-independent ratio. */
    ordersPerThousandConditionalUpdates: {
      inProcess: round((local.ordersPerSecond / updates.conditionalUpdatesPerSecond) * 1000, 1),
      http: round((http.ordersPerSecond / updates.conditionalUpdatesPerSecond) * 1000, 1)
    },
    correct: String(
      local.sold === STOCK && http.sold === STOCK && local.oversold + http.oversold === 0 && local.perHouseholdLimitBroken + http.perHouseholdLimitBroken === 0 && local.counterMismatch + http.counterMismatch === 0
    )
  }
  if (result.correct !== 'true') throw new Error(`pre-sale invariants broken: ${JSON.stringify(result)}`)
  return result
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as unknown as { sold: number; stock: number; oversold: number; perHouseholdLimitBroken: number; inProcess: Way; http: Way; conditionalUpdatesPerSecond: number }
  return {
    sold: `${x.sold}/${x.stock} (http ${x.http.sold})`,
    oversold: x.oversold,
    perHouseholdLimitBroken: x.perHouseholdLimitBroken,
    'inProcess ordersPerSecond': x.inProcess.ordersPerSecond,
    'inProcess p50/p99 ms': `${x.inProcess.p50Ms} / ${x.inProcess.p99Ms}`,
    'http ordersPerSecond': x.http.ordersPerSecond,
    'http p50/p99 ms': `${x.http.p50Ms} / ${x.http.p99Ms}`,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
