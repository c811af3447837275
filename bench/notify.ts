/**
 * `npm run bench -- notify`: WeChat Pay notifications through the real notify handler (signature
 * check, AES-256-GCM decryption, idempotent apply) on a file-backed SQLite store as the local
 * server runs it. 700 payments are created through `pay.create`, confirmed on the sandbox (which
 * signs and encrypts each TRANSACTION.SUCCESS like WeChat Pay), then 1,000 notifications are
 * delivered concurrently in batches: every payment's once, plus 300 repeats of notifications
 * already delivered. Every payment must be applied exactly once (`appliedTwice` = 0). The store's
 * conditional-update rate is measured in the same run, so the rate can be read as a ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import type { CommunityDoc, HouseholdDoc, MembershipDoc, UserDoc } from '../cloudfunctions/domain/docs'
import type { BillDoc } from '../cloudfunctions/domain/fee/docs'
import { handlePayNotification } from '../cloudfunctions/domain/payment/notify'
import { createMain } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import { payModule } from '../cloudfunctions/pay/module'
import { type LocalContext, localPorts, localRuntime } from '../scripts/server/local-runtime'
import type { SignedNotification } from '../scripts/server/pay-sandbox'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const PAYMENTS = 700
const NOTIFICATIONS = 1000
const DUPLICATES = NOTIFICATIONS - PAYMENTS
const BATCH = 50
const COMMUNITY = 'c-bench-pay'

/** A deterministic shuffle (mulberry32), so runs deliver in the same order. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function seed(store: SqliteStore, now: number): Promise<void> {
  const community: CommunityDoc = { _id: COMMUNITY, name: '压测社区', city: '杭州', address: '', createdAt: now }
  await store.insert('communities', community)
  for (let i = 0; i < PAYMENTS; i++) {
    const h: HouseholdDoc = { _id: `h-${i}`, communityId: COMMUNITY, buildingId: 'b-1', room: String(1000 + i), areaCm2: 9000, codeHash: `bench-pay-${i}`, createdAt: now }
    const u: UserDoc = { _id: `u-${i}`, openid: `bench-pay-${i}`, nickname: `住户${i}`, avatarUrl: '', createdAt: now, updatedAt: now }
    const m: MembershipDoc = { _id: `h-${i}:u-${i}`, userId: u._id, householdId: h._id, communityId: COMMUNITY, relation: 'owner', status: 'active', via: 'seed', createdAt: now }
    // Two bills per household, paid together: each payment settles two bills.
    for (const kind of ['property', 'parking'] as const) {
      const bill: BillDoc = {
        _id: `${h._id}:${kind}:2026-01`,
        communityId: COMMUNITY,
        householdId: h._id,
        buildingId: 'b-1',
        kind,
        feeItemId: `fi-${kind}`,
        title: `2026-01 ${kind === 'property' ? '物业费' : '车位管理费'}`,
        period: '2026-01',
        amountFen: kind === 'property' ? 25000 + i : 15000,
        dueAt: now + 10 * 24 * 3600_000,
        status: 'unpaid',
        refundedFen: 0,
        createdAt: now
      }
      await store.insert('bills', bill)
    }
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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-notify-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const now = Date.now()
    await seed(store, now)
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: quiet })
    const main = createMain(payModule, localRuntime(ports))
    let n = 0
    const call = (openid: string, input: unknown) =>
      main({ action: 'create', input, communityId: COMMUNITY }, { request_id: `b-${++n}`, identity: { openid, source: 'dev' } } satisfies LocalContext)

    // 700 payments through the request path; the payers confirm, WeChat Pay (the sandbox) signs.
    const created: { paymentId: string; prepayId: string }[] = []
    for (let i = 0; i < PAYMENTS; i++) {
      const input = { payables: ['property', 'parking'].map((k) => ({ type: 'bill', id: `h-${i}:${k}:2026-01` })), clientRequestId: `bench-pay-${i}` }
      const out = data<{ payment: { id: string }; launch: { kind: string; prepayId?: string } | null }>(await call(`bench-pay-${i}`, input))
      if (out.launch?.kind !== 'sandbox' || !out.launch.prepayId) throw new Error('no sandbox launch')
      created.push({ paymentId: out.payment.id, prepayId: out.launch.prepayId })
    }
    const signed: SignedNotification[] = []
    ports.sandbox.connect(async (headers, body) => {
      signed.push({ headers, body })
      return { status: 204, body: '' }
    })
    for (const c of created) {
      const res = await ports.sandbox.confirm(c.prepayId)
      if (!res.ok) throw new Error(res.reason)
    }
    if (signed.length !== PAYMENTS) throw new Error(`expected ${PAYMENTS} signed notifications, got ${signed.length}`)

    // The stream: each payment's notification once, in shuffled order, and 300 repeats of ones
    // already delivered in an earlier batch (WeChat Pay retries), spread through the stream.
    const rand = rng(20260106)
    const firsts = [...signed]
    for (let i = firsts.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[firsts[i], firsts[j]] = [firsts[j]!, firsts[i]!]
    }
    const stream: SignedNotification[] = []
    let next = 0
    let repeats = 0
    while (stream.length < NOTIFICATIONS) {
      const batchStart = stream.length - (stream.length % BATCH)
      const canRepeat = batchStart > 0 && repeats < DUPLICATES
      const wantRepeat = next >= firsts.length || (canRepeat && rand() < DUPLICATES / NOTIFICATIONS)
      if (wantRepeat && canRepeat) {
        stream.push(stream[Math.floor(rand() * batchStart)]!)
        repeats++
      } else if (next < firsts.length) stream.push(firsts[next++]!)
      else throw new Error('cannot build the notification stream')
    }

    const statuses = new Map<number, number>()
    const started = performance.now()
    for (let i = 0; i < stream.length; i += BATCH) {
      const replies = await Promise.all(stream.slice(i, i + BATCH).map((s) => handlePayNotification(ports, s.headers, s.body)))
      for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
    }
    const seconds = (performance.now() - started) / 1000

    // Every payment applied exactly once: one ledger entry, its bills paid by it and no other.
    const payments = await findAll(store, 'payments', { communityId: COMMUNITY })
    const ledger = await findAll(store, 'ledger', { communityId: COMMUNITY })
    const bills = new Map((await findAll(store, 'bills', { communityId: COMMUNITY })).map((b) => [b._id, b]))
    const records = await findAll(store, 'payNotifications')
    const entriesBy = new Map<string, number>()
    for (const e of ledger) entriesBy.set(e.paymentId, (entriesBy.get(e.paymentId) ?? 0) + 1)
    const billPaidBy = new Map<string, string[]>()
    for (const p of payments.filter((x) => x.status === 'paid')) {
      for (const l of p.lines) billPaidBy.set(l.id, [...(billPaidBy.get(l.id) ?? []), p._id])
    }
    let appliedTwice = 0
    let notApplied = 0
    for (const p of payments) {
      const entries = entriesBy.get(p._id) ?? 0
      const foreign = p.lines.some((l) => bills.get(l.id)?.paymentId !== p._id || (billPaidBy.get(l.id)?.length ?? 0) > 1)
      if (entries > 1 || (entries > 0 && foreign)) appliedTwice++
      if (p.status !== 'paid' || !p.settledAt || entries !== 1 || foreign) notApplied++
    }
    const ledgerFen = ledger.reduce((s, e) => s + e.amountFen, 0)
    const paidFen = payments.reduce((s, p) => s + p.totalFen, 0)
    const deliveries = records.reduce((s, r) => s + r.deliveries, 0)

    const result = {
      notificationsPerSecond: Math.round(NOTIFICATIONS / seconds),
      payments: payments.length,
      notifications: NOTIFICATIONS,
      duplicates: repeats,
      batch: BATCH,
      appliedTwice,
      notApplied,
      ledgerEntries: ledger.length,
      ledgerMatchesPayments: String(ledgerFen === paidFen),
      deliveriesRecorded: deliveries,
      refused: [...statuses.entries()].filter(([s]) => s !== 204).reduce((t, [, c]) => t + c, 0),
      seconds: round(seconds, 3),
      conditionalUpdatesPerSecond: updates.conditionalUpdatesPerSecond,
      /** Each notification is an RSA verify, an AES-GCM decrypt and several store operations. */
      notificationsPerThousandConditionalUpdates: round((NOTIFICATIONS / seconds / updates.conditionalUpdatesPerSecond) * 1000, 1)
    }
    if (appliedTwice !== 0 || notApplied !== 0 || ledger.length !== PAYMENTS || repeats !== DUPLICATES || deliveries !== NOTIFICATIONS || result.refused !== 0 || ledgerFen !== paidFen) {
      throw new Error(`notification invariants broken: ${JSON.stringify(result)}`)
    }
    return result
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as { notificationsPerSecond: number; payments: number; duplicates: number; appliedTwice: number; ledgerEntries: number; conditionalUpdatesPerSecond: number; seconds: number }
  return {
    notificationsPerSecond: x.notificationsPerSecond,
    'payments / duplicates': `${x.payments} / ${x.duplicates}`,
    appliedTwice: x.appliedTwice,
    ledgerEntries: x.ledgerEntries,
    seconds: x.seconds,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
