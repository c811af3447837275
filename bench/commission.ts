/**
 * `npm run bench -- commission`: butler commission from orders to money, through the real path.
 * 5,000 attributed orders across 50 butlers and 5 campaigns (percent and fixed rules, first and
 * last touch): each resident opens 1–3 butler cards (`order.share` → `order.recordVisit`), then
 * `order.create` → `pay.create` → the sandbox cashier, so the payment listener accrues. 800 refunds
 * (1–3 per order, some partial, some completing a full refund) go through `pay.refund` and the
 * sandbox's REFUND.SUCCESS, interleaved with later orders. The listener's catch-up job then replays
 * everything (and must write nothing), the month's statements are built (twice), each is approved
 * twice at once, each butler confirms on the transfer sandbox (every fifth notification is lost, so
 * only the transfer-sync job sees those paid; every seventh bill is first closed unconfirmed and
 * paid under a new number), and that whole payout step is run twice.
 *
 * Figures: `mismatchFen` is Σ |statement total − the bench's own recomputation| from its own list of
 * orders and refunds (each accrual and each refund's reversal floored, the remainder taken on a
 * full refund), which must be 0; `paidTwice` counts statements money reached more than once, which
 * must be 0. `BENCH_SCALE` (default 1) scales orders, refunds, residents and butlers for a quick run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import { shanghaiInstant, shanghaiMonth } from '../cloudfunctions/contracts/shanghai'
import type { CommunityDoc, GridDoc, HouseholdDoc, MembershipDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import type { CampaignDoc, CampaignStockDoc } from '../cloudfunctions/domain/order/docs'
import { handleTransferNotification } from '../cloudfunctions/domain/selling/transfer-notify'
import type { Main } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import type { Clock } from '../cloudfunctions/kernel/ports'
import type { Store } from '../cloudfunctions/kernel/store'
import { type LocalContext, type LocalPorts, localMains, localPorts } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'

const SCALE = scaleFromEnv()
const ORDERS = Math.max(10, Math.round(5000 * SCALE))
const REFUNDS = Math.max(4, Math.round(800 * SCALE))
const BUTLERS = Math.max(4, Math.round(50 * SCALE))
/** About five orders per resident, spread over the campaigns. */
const RESIDENTS = Math.max(4, Math.round(ORDERS / 5))
const COMMUNITY = 'c-bench-commission'
const OPERATOR = 'bench-commission-operator'
const DAY = 24 * 3600_000
/** Each request happens this long after the one before: visits and payments keep a strict order, all in one month. */
const STEP_MS = 20_000
/** The transfer-sync job leaves bills younger than a minute alone. */
const SYNC_WAIT_MS = 2 * 60_000
/** Refunds land this many orders (at most) after their order: interleaved with later orders. */
const REFUND_LAG = 300
/** Of the refunded orders, this share gets 2–3 refunds (partial ones, half of them adding up to all of it); the rest one full refund. */
const MULTI_REFUND_SHARE = 0.2

interface RuleSpec {
  mode: 'percent' | 'fixed'
  percent?: number
  fixedFen?: number
  touch: 'first' | 'last'
}

/** Five campaigns: mixed percent and fixed, first and last touch; prices in fen per SKU. */
const CAMPAIGNS: { id: string; rule: RuleSpec; prices: number[] }[] = [
  { id: 'pc-bench-veg', rule: { mode: 'percent', percent: 8, touch: 'last' }, prices: [5990, 2590] },
  { id: 'pc-bench-fruit', rule: { mode: 'percent', percent: 12.5, touch: 'first' }, prices: [3990, 1290] },
  { id: 'pc-bench-rice', rule: { mode: 'fixed', fixedFen: 300, touch: 'last' }, prices: [8990, 4590] },
  { id: 'pc-bench-clean', rule: { mode: 'fixed', fixedFen: 500, touch: 'first' }, prices: [333, 2990] },
  { id: 'pc-bench-oil', rule: { mode: 'percent', percent: 6.75, touch: 'last' }, prices: [7777, 999] }
]

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

function scaleFromEnv(): number {
  const raw = process.env.BENCH_SCALE
  if (raw === undefined || raw.trim() === '') return 1
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_SCALE must be a positive number, got ${raw}`)
  return n
}

/** A clock the bench moves: every request gets its own instant, so first and last touch never tie. */
class StepClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t
  }
  step(ms = STEP_MS): void {
    this.t += ms
  }
}

/** mulberry32: the same orders, visits and refunds on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const butlerId = (i: number) => `ub-cm-butler-${i}`
const residentId = (i: number) => `ub-cm-res-${i}`
const householdId = (i: number) => `hb-cm-${i}`
const openidOf = (userId: string) => `open-${userId}`

async function seed(store: Store, now: number): Promise<void> {
  const community: CommunityDoc = { _id: COMMUNITY, name: '佣金压测社区', city: '杭州', address: '', createdAt: now }
  await store.insert('communities', community)
  const staff = (userId: string, role: StaffRoleDoc['role']): StaffRoleDoc => ({ _id: `${COMMUNITY}:${userId}:${role}`, userId, communityId: COMMUNITY, role, createdAt: now })
  const user = (id: string, nickname: string): UserDoc => ({ _id: id, openid: openidOf(id), nickname, avatarUrl: '', createdAt: now, updatedAt: now })
  await store.insert('users', user(OPERATOR, '压测运营'))
  await store.insert('staffRoles', staff(OPERATOR, 'operator'))
  for (let i = 0; i < BUTLERS; i++) {
    const id = butlerId(i)
    const grid: GridDoc = { _id: `g-cm-${i}`, communityId: COMMUNITY, name: `网格${i + 1}`, butlerUserId: id, buildingIds: [`bb-cm-${i}`] }
    await store.insert('users', user(id, `管家${i + 1}`))
    await store.insert('staffRoles', staff(id, 'butler'))
    await store.insert('grids', grid)
  }
  for (let i = 0; i < RESIDENTS; i++) {
    const h: HouseholdDoc = { _id: householdId(i), communityId: COMMUNITY, buildingId: `bb-cm-${i % BUTLERS}`, room: String(1000 + i), areaCm2: 9000, codeHash: `bench-commission-${i}`, createdAt: now }
    const u = user(residentId(i), `住户${i + 1}`)
    const m: MembershipDoc = { _id: `${h._id}:${u._id}`, userId: u._id, householdId: h._id, communityId: COMMUNITY, relation: 'owner', status: 'active', via: 'seed', createdAt: now }
    await store.insert('households', h)
    await store.insert('users', u)
    await store.insert('memberships', m)
  }
  for (const spec of CAMPAIGNS) {
    const c: CampaignDoc = {
      _id: spec.id,
      communityId: COMMUNITY,
      title: `压测预售 ${spec.id}`,
      description: '',
      productId: `pd-${spec.id}`,
      productName: '压测商品',
      productKind: 'goods',
      category: 'other',
      supplierId: 'sp-bench',
      supplierName: '压测供应商',
      images: [],
      unit: '份',
      skus: spec.prices.map((priceFen, k) => ({ skuId: `s${k + 1}`, name: `规格${k + 1}`, priceFen, originalFen: priceFen, stock: 1_000_000 })),
      startAt: now - DAY,
      endAt: now + 40 * DAY,
      householdLimit: 10_000,
      threshold: null,
      deliveryMode: 'door',
      pickupPointId: null,
      deliveryDate: now + 41 * DAY,
      status: 'live',
      createdBy: OPERATOR,
      createdAt: now,
      updatedAt: now
    }
    await store.insert('campaigns', c)
    for (const sku of c.skus) {
      const stock: CampaignStockDoc = { _id: `${c._id}:${sku.skuId}`, campaignId: c._id, communityId: COMMUNITY, skuId: sku.skuId, stock: sku.stock, available: sku.stock, holds: {}, paidQuantity: 0, paid: {} }
      await store.insert('campaignStock', stock)
    }
  }
}

/** One planned order: who buys what, after opening which butlers' cards (in that order). */
interface PlannedOrder {
  resident: number
  campaign: number
  sku: number
  quantity: number
  visits: number[]
}

interface PlannedRefund {
  order: number
  amountFen: number
  /** Runs after this order index is placed. */
  after: number
}

interface Plan {
  orders: PlannedOrder[]
  refunds: PlannedRefund[]
}

function priceOf(o: PlannedOrder): number {
  return (CAMPAIGNS[o.campaign]?.prices[o.sku] ?? 0) * o.quantity
}

function makePlan(): Plan {
  const rnd = prng(20261207)
  const pick = (n: number) => Math.floor(rnd() * n)
  const orders: PlannedOrder[] = Array.from({ length: ORDERS }, () => {
    const campaign = pick(CAMPAIGNS.length)
    const visits = Array.from({ length: 1 + pick(3) }, () => pick(BUTLERS))
    return { resident: pick(RESIDENTS), campaign, sku: pick(2), quantity: 1 + pick(2), visits }
  })
  const refunds: PlannedRefund[] = []
  const refunded = new Set<number>()
  while (refunds.length < REFUNDS) {
    const order = pick(ORDERS)
    const o = orders[order]
    if (!o || refunded.has(order)) continue
    refunded.add(order)
    const paid = priceOf(o)
    const left = REFUNDS - refunds.length
    const count = Math.min(left, rnd() < MULTI_REFUND_SHARE ? 2 + pick(2) : 1)
    // One refund takes it all; several are partial, and half of those add up to everything.
    const total = count === 1 || rnd() < 0.5 ? paid : Math.max(count, Math.floor(paid * (0.3 + 0.6 * rnd())))
    let remaining = total
    let after = order + 1 + pick(REFUND_LAG)
    for (let k = 0; k < count; k++) {
      const amountFen = k === count - 1 ? remaining : Math.max(1, Math.floor((remaining / (count - k)) * (0.5 + rnd() * 0.5)))
      remaining -= amountFen
      refunds.push({ order, amountFen, after })
      after += 1 + pick(REFUND_LAG)
    }
  }
  return { orders, refunds }
}

/**
 * The bench's own recomputation of what each butler earned, from its plan and the visit order it
 * drove, not from the commission code: the rule's touch names the butler whose card the resident
 * opened first (earliest first open) or last (latest open) for that campaign; a percent is floored
 * on what was paid, a fixed amount is capped at it; each refund takes back floor(accrual × refund /
 * paid); an order refunded in full nets 0.
 */
function expectedByButler(plan: Plan, credited: readonly (number | null)[]): Map<string, number> {
  const out = new Map<string, number>()
  const refundsOf = new Map<number, number[]>()
  for (const r of plan.refunds) refundsOf.set(r.order, [...(refundsOf.get(r.order) ?? []), r.amountFen])
  plan.orders.forEach((o, i) => {
    const butler = credited[i]
    const rule = CAMPAIGNS[o.campaign]?.rule
    if (butler === null || butler === undefined || !rule) return
    const paid = priceOf(o)
    const accrued = rule.mode === 'percent' ? Math.floor((paid * Math.round((rule.percent ?? 0) * 100)) / 10_000) : Math.min(rule.fixedFen ?? 0, paid)
    const refunds = refundsOf.get(i) ?? []
    const refundedFen = refunds.reduce((n, r) => n + r, 0)
    const net = refundedFen >= paid ? 0 : accrued - refunds.reduce((n, r) => n + Math.floor((accrued * r) / paid), 0)
    out.set(butlerId(butler), (out.get(butlerId(butler)) ?? 0) + net)
  })
  return out
}

/** Which butler each order credits, by the bench's own record of card opens per resident and campaign. */
class Touches {
  private readonly opens = new Map<string, Map<number, { first: number; last: number }>>()

  open(resident: number, campaign: number, butler: number, at: number): void {
    const key = `${resident}:${campaign}`
    const m = this.opens.get(key) ?? new Map<number, { first: number; last: number }>()
    const seen = m.get(butler)
    m.set(butler, { first: seen?.first ?? at, last: at })
    this.opens.set(key, m)
  }

  credited(resident: number, campaign: number, touch: 'first' | 'last'): number | null {
    const m = this.opens.get(`${resident}:${campaign}`)
    if (!m) return null
    let best: { butler: number; at: number } | null = null
    for (const [butler, t] of m) {
      const at = touch === 'first' ? t.first : t.last
      if (!best || (touch === 'first' ? at < best.at : at > best.at)) best = { butler, at }
    }
    return best?.butler ?? null
  }
}

interface OrderView {
  id: string
}
interface PayCreated {
  payment: { id: string; totalFen: number }
  launch: { kind: string; prepayId?: string } | null
}
interface ShareView {
  token: string
}
interface BuildReport {
  statements: number
  entries: number
}
interface ConfirmInfo {
  package: string
}

class Caller {
  private n = 0
  constructor(
    private readonly mains: Record<string, Main>,
    private readonly clock: StepClock
  ) {}

  async raw<T>(id: string, input: object, userId: string): Promise<ApiResponse<T>> {
    const [fn = '', action = ''] = id.split('.')
    const main = this.mains[fn]
    if (!main) throw new Error(`no function ${fn}`)
    this.clock.step()
    const ctx: LocalContext = { request_id: `bench-cm-${++this.n}`, identity: { openid: openidOf(userId), source: 'dev' } }
    return (await main({ action, input, communityId: COMMUNITY }, ctx)) as ApiResponse<T>
  }

  async ok<T>(id: string, input: object, userId: string): Promise<T> {
    const res = await this.raw<T>(id, input, userId)
    if (!res.ok) throw new Error(`${id} failed: ${res.error.code} ${res.error.message}`)
    return res.data
  }

  async job(fn: string, name: string): Promise<object> {
    const main = this.mains[fn]
    if (!main) throw new Error(`no function ${fn}`)
    const res = (await main({ Type: 'Timer', TriggerName: name }, { request_id: `bench-cm-job-${++this.n}`, identity: null })) as { ok: boolean; report?: unknown; error?: string }
    if (!res.ok || typeof res.report !== 'object' || res.report === null) throw new Error(`job ${fn}/${name} failed: ${res.error ?? 'no report'}`)
    return res.report
  }
}

interface PayoutRound {
  approved: number
  alreadyApproved: number
  confirmed: number
  /** Confirmed while WeChat Pay's notification was lost: only the transfer-sync job can see these paid. */
  notificationsLost: number
  /** Bills WeChat closed unconfirmed, paid under a new number. */
  reissued: number
  paidBeforeSync: number
  paidAfterSync: number
  seconds: number
}

/** Every LOST_EVERY-th butler's confirmation loses its notification and the butler never syncs. */
const LOST_EVERY = 5
/** Every EXPIRE_EVERY-th bill (offset by one) is closed unconfirmed first, then paid under its next number. */
const EXPIRE_EVERY = 7

/**
 * One payout step: each statement is approved twice at once (two operators, or a double tap), each
 * butler taps 确认收款 on the transfer sandbox and syncs, some notifications are lost on the way,
 * then the transfer-sync job runs. From the second step on, every bill is confirmed again too.
 */
async function payoutStep(call: Caller, ports: LocalPorts, clock: StepClock, month: string, step: number): Promise<PayoutRound> {
  const started = performance.now()
  const statements = (await findAll(ports.store, 'commissionStatements', { communityId: COMMUNITY, month })).sort((a, b) => a._id.localeCompare(b._id))
  const payable = statements.filter((s) => s.status !== 'carried')
  let approved = 0
  let alreadyApproved = 0
  for (const s of payable) {
    const answers = await Promise.all(
      ['a', 'b'].map((who) => call.raw<{ status: string }>('selling.approveStatement', { id: s._id, clientRequestId: `bench-approve-${step}-${who}-${s._id}` }, OPERATOR))
    )
    for (const res of answers) {
      if (res.ok) approved++
      else if (res.error.code === 'SELLING.ALREADY_APPROVED') alreadyApproved++
      else throw new Error(`approve ${s._id}: ${res.error.code} ${res.error.message}`)
    }
  }
  let confirmed = 0
  let notificationsLost = 0
  let reissued = 0
  const deliver = (headers: Record<string, string>, body: string) => handleTransferNotification(ports, headers, body)
  for (const [k, s] of payable.entries()) {
    // The butler taps 确认收款: the package goes to WeChat's sheet (here the sandbox's), which confirms.
    let info = await call.raw<ConfirmInfo>('selling.confirmInfo', { id: s._id }, s.butlerUserId)
    let bill = info.ok ? ports.transferSandbox.billByPackage(info.data.package) : undefined
    if (!bill) continue
    if (k % EXPIRE_EVERY === 1) {
      // Not tapped in time: WeChat closes the bill, the payout is made again under a new number.
      await ports.transferSandbox.expire(bill.outBillNo)
      await ports.transferSandbox.flush()
      reissued++
      info = await call.raw<ConfirmInfo>('selling.confirmInfo', { id: s._id }, s.butlerUserId)
      bill = info.ok ? ports.transferSandbox.billByPackage(info.data.package) : undefined
      if (!bill) throw new Error(`statement ${s._id}: no new bill after the first closed`)
    }
    const lost = k % LOST_EVERY === 0
    if (lost) ports.transferSandbox.connect(() => Promise.resolve({ status: 503, body: '' }))
    const res = await ports.transferSandbox.confirmTransfer(bill.outBillNo)
    ports.transferSandbox.connect(deliver)
    if (!res.ok) throw new Error(`confirm ${bill.outBillNo}: ${res.reason}`)
    confirmed++
    if (lost) {
      notificationsLost++
      continue
    }
    await call.ok('selling.syncPayout', { id: s._id }, s.butlerUserId)
  }
  // A second tap on WeChat's sheet, or a notification delivered again: every bill is confirmed once more.
  if (step > 1) for (const b of ports.transferSandbox.all()) await ports.transferSandbox.confirmTransfer(b.outBillNo)
  await ports.transferSandbox.flush()
  const paidBeforeSync = await ports.store.count('commissionStatements', { communityId: COMMUNITY, month, status: 'paid' })
  clock.step(SYNC_WAIT_MS)
  await call.job('selling', 'transfer-sync')
  const paidAfterSync = await ports.store.count('commissionStatements', { communityId: COMMUNITY, month, status: 'paid' })
  return { approved, alreadyApproved, confirmed, notificationsLost, reissued, paidBeforeSync, paidAfterSync, seconds: round3((performance.now() - started) / 1000) }
}

const round3 = (x: number) => round(x, 3)

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-commission-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  const started = performance.now()
  try {
    // November 2026 in Shanghai: every order, refund and statement of the run falls in it.
    const clock = new StepClock(shanghaiInstant(2026, 11, 2, 8))
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', clock, log: quiet })
    const call = new Caller(localMains(ports, { acceptsTimerEvents: true }), clock)
    await seed(store, clock.now())
    const plan = makePlan()

    for (const c of CAMPAIGNS) await call.ok('selling.saveRule', { scope: 'campaign', refId: c.id, ...c.rule }, OPERATOR)
    const tokens = new Map<string, string>()
    for (let b = 0; b < BUTLERS; b++) {
      for (const [k, c] of CAMPAIGNS.entries()) tokens.set(`${b}:${k}`, (await call.ok<ShareView>('order.share', { campaignId: c.id }, butlerId(b))).token)
    }
    const seededSeconds = (performance.now() - started) / 1000

    const ordersStarted = performance.now()
    const touches = new Touches()
    const credited: (number | null)[] = []
    const placed: { orderId: string; paymentId: string }[] = []
    const dueAfter = new Map<number, PlannedRefund[]>()
    for (const r of plan.refunds) dueAfter.set(Math.min(r.after, ORDERS - 1), [...(dueAfter.get(Math.min(r.after, ORDERS - 1)) ?? []), r])
    let refundsDone = 0
    let partialRefunds = 0
    for (const [i, o] of plan.orders.entries()) {
      const campaign = CAMPAIGNS[o.campaign]
      if (!campaign) throw new Error(`no campaign ${o.campaign}`)
      const resident = residentId(o.resident)
      for (const b of o.visits) {
        await call.ok('order.recordVisit', { token: tokens.get(`${b}:${o.campaign}`) ?? '' }, resident)
        touches.open(o.resident, o.campaign, b, clock.now())
      }
      credited.push(touches.credited(o.resident, o.campaign, campaign.rule.touch))
      const order = await call.ok<OrderView>(
        'order.create',
        { campaignId: campaign.id, skuId: `s${o.sku + 1}`, quantity: o.quantity, householdId: householdId(o.resident), clientRequestId: `bench-cm-order-${i}` },
        resident
      )
      const created = await call.ok<PayCreated>('pay.create', { payables: [{ type: 'order', id: order.id }], clientRequestId: `bench-cm-pay-${i}` }, resident)
      if (created.payment.totalFen !== priceOf(o)) throw new Error(`order ${i}: paid ${created.payment.totalFen}, planned ${priceOf(o)}`)
      const prepayId = created.launch?.kind === 'sandbox' ? created.launch.prepayId : undefined
      if (!prepayId) throw new Error(`order ${i}: not a sandbox launch`)
      clock.step()
      const confirmed = await ports.sandbox.confirm(prepayId)
      if (!confirmed.ok) throw new Error(`order ${i}: sandbox refused: ${confirmed.reason}`)
      placed.push({ orderId: order.id, paymentId: created.payment.id })

      for (const r of dueAfter.get(i) ?? []) {
        const target = placed[r.order]
        const planned = plan.orders[r.order]
        if (!target || !planned) throw new Error(`refund of order ${r.order} before it was placed`)
        await call.ok(
          'pay.refund',
          { paymentId: target.paymentId, lines: [{ payableId: target.orderId, amountFen: r.amountFen }], reason: '压测退款', clientRequestId: `bench-cm-refund-${refundsDone}` },
          OPERATOR
        )
        await ports.sandbox.flush()
        refundsDone++
        if (r.amountFen < priceOf(planned)) partialRefunds++
      }
    }
    await ports.sandbox.flush()
    const ordersSeconds = (performance.now() - ordersStarted) / 1000

    // The listener's hourly catch-up replays the same payments and refunds: it must find nothing to write.
    const catchUp = await call.job('selling', 'commission-catch-up')

    const month = shanghaiMonth(clock.now())
    const buildStarted = performance.now()
    const built = await call.ok<BuildReport>('selling.buildStatements', { month }, OPERATOR)
    const buildSeconds = (performance.now() - buildStarted) / 1000
    // Built again (the monthly job, or an operator's second tap): nothing is finished twice.
    const rebuilt = await call.ok<BuildReport>('selling.buildStatements', { month }, OPERATOR)

    const first = await payoutStep(call, ports, clock, month, 1)
    const second = await payoutStep(call, ports, clock, month, 2)

    const [statements, transfers, entries] = await Promise.all([
      findAll(store, 'commissionStatements', { communityId: COMMUNITY, month }),
      findAll(store, 'transfers', { communityId: COMMUNITY }),
      findAll(store, 'commissionEntries', { communityId: COMMUNITY })
    ])
    const expected = expectedByButler(plan, credited)
    const butlers = new Set([...expected.keys(), ...statements.map((s) => s.butlerUserId)])
    const totalOf = new Map(statements.map((s) => [s.butlerUserId, s.totalFen]))
    let mismatchFen = 0
    let mismatchedStatements = 0
    for (const b of butlers) {
      const diff = Math.abs((totalOf.get(b) ?? 0) - (expected.get(b) ?? 0))
      mismatchFen += diff
      if (diff > 0) mismatchedStatements++
    }
    const bills = ports.transferSandbox.all()
    const successesOf = new Map(bills.map((b) => [b.outBillNo, b.successes]))
    const paidTwice = statements.filter((s) => {
      const rows = transfers.filter((t) => t.refId === s._id)
      const succeededRows = rows.filter((t) => t.state === 'SUCCESS').length
      const moneyArrived = rows.reduce((n, t) => n + (successesOf.get(t._id) ?? 0), 0)
      return succeededRows > 1 || moneyArrived > 1
    }).length
    const paid = statements.filter((s) => s.status === 'paid')
    const unpaidStatements = statements.filter((s) => s.status !== 'paid' && s.status !== 'carried').length
    const paidFen = paid.reduce((n, s) => n + s.payableFen, 0)
    const transferredFen = bills.filter((b) => b.successes > 0).reduce((n, b) => n + (b.amountFen ?? 0) * b.successes, 0)
    const byStatus: Record<string, number> = {}
    for (const s of statements) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1
    const seconds = (performance.now() - started) / 1000

    const result = {
      scale: SCALE,
      path: 'notify',
      butlers: BUTLERS,
      residents: RESIDENTS,
      campaigns: CAMPAIGNS.length,
      orders: placed.length,
      refunds: refundsDone,
      partialRefunds,
      statements: statements.length,
      statementStatuses: byStatus,
      entries: entries.length,
      builtEntries: built.entries,
      rebuilt,
      catchUp,
      mismatchFen,
      mismatchedStatements,
      paidTwice,
      unpaidStatements,
      transfers: transfers.length,
      paidFen,
      transferredFen,
      payout: { first, second },
      seconds: round3(seconds),
      phases: { seedSeconds: round3(seededSeconds), ordersSeconds: round3(ordersSeconds), buildSeconds: round3(buildSeconds) },
      ordersPerSecond: round(placed.length / ordersSeconds, 1)
    }
    if (mismatchFen !== 0 || paidTwice !== 0 || paidFen !== transferredFen) throw new Error(`commission invariants broken: ${JSON.stringify(result)}`)
    return result
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const pick = (k: string) => {
    const v = r[k]
    return typeof v === 'number' || typeof v === 'string' ? v : ''
  }
  return {
    scale: pick('scale'),
    path: pick('path'),
    'orders / refunds / statements': `${pick('orders')} / ${pick('refunds')} / ${pick('statements')}`,
    mismatchFen: pick('mismatchFen'),
    paidTwice: pick('paidTwice'),
    seconds: pick('seconds')
  }
}
