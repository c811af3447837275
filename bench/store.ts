/**
 * Conditional single-document updates per second on the SQLite adapter, file-backed with WAL as
 * the local server and job runner use it. Each op is the stock/capacity guard the domain relies
 * on: `update(coll, id, { inc: { count: -1 } }, { count: { gte: 1 } })`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { type BenchResult, round } from './lib/bench'

const COLLECTION = 'attempts' as const
const DECREMENT = { inc: { count: -1 } }
const IN_STOCK = { count: { gte: 1 } }

export interface Rate {
  ops: number
  applied: number
  seconds: number
  perSecond: number
}

export interface ConditionalUpdateMeasure {
  /** Sequential awaited updates per second: the headline figure. */
  conditionalUpdatesPerSecond: number
  sequential: Rate
  concurrent: Rate & { batch: number }
  /** Stock N, 2N concurrent attempts: exactly N must apply and the stock must end at 0. */
  soldOut: { stock: number; attempts: number; applied: number; remaining: number; correct: boolean }
  sqlite: { journalMode: string; synchronous: string; file: string }
}

function rate(ops: number, applied: number, ms: number): Rate {
  const seconds = ms / 1000
  return { ops, applied, seconds: round(seconds, 3), perSecond: Math.round(ops / seconds) }
}

async function stockOf(store: SqliteStore, id: string): Promise<number> {
  const doc = await store.get(COLLECTION, id)
  if (!doc) throw new Error(`bench doc ${id} vanished`)
  return doc.count
}

/**
 * Runs the sequential variant for `seconds`, the concurrent one (Promise.all batches) for half
 * that, then the sold-out check. Exported so other benchmarks can reuse it in the same run.
 */
export async function measureConditionalUpdates(seconds = 1, batch = 64): Promise<ConditionalUpdateMeasure> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-store-'))
  const file = path.join(dir, 'bench.db')
  const store = new SqliteStore(file)
  try {
    const plenty = 1_000_000_000
    const ins = await store.insert(COLLECTION, { _id: 'stock', count: plenty, createdAt: 0 })
    if (!ins.ok) throw new Error('could not insert the bench document')

    // Warm up: prepare paths, page cache, JIT.
    for (let i = 0; i < 500; i++) await store.update(COLLECTION, 'stock', DECREMENT, IN_STOCK)
    const base = await stockOf(store, 'stock')

    let ops = 0
    let applied = 0
    const budget = seconds * 1000
    let started = performance.now()
    let elapsed = 0
    while (elapsed < budget) {
      for (let i = 0; i < 64; i++) {
        if (await store.update(COLLECTION, 'stock', DECREMENT, IN_STOCK)) applied++
        ops++
      }
      elapsed = performance.now() - started
    }
    const sequential = rate(ops, applied, elapsed)

    let cOps = 0
    let cApplied = 0
    started = performance.now()
    elapsed = 0
    while (elapsed < budget / 2) {
      const results = await Promise.all(Array.from({ length: batch }, () => store.update(COLLECTION, 'stock', DECREMENT, IN_STOCK)))
      cOps += batch
      cApplied += results.filter(Boolean).length
      elapsed = performance.now() - started
    }
    const concurrent = { ...rate(cOps, cApplied, elapsed), batch }

    const expected = base - applied - cApplied
    const actual = await stockOf(store, 'stock')
    if (applied !== ops || cApplied !== cOps || actual !== expected) {
      throw new Error(`lost updates: ${applied}/${ops} + ${cApplied}/${cOps} applied, stock ${actual}, expected ${expected}`)
    }

    const stock = 1000
    const attempts = 2 * stock
    await store.insert(COLLECTION, { _id: 'limited', count: stock, createdAt: 0 })
    const outcomes = await Promise.all(Array.from({ length: attempts }, () => store.update(COLLECTION, 'limited', DECREMENT, IN_STOCK)))
    const soldApplied = outcomes.filter(Boolean).length
    const remaining = await stockOf(store, 'limited')

    // WAL is a property of the file: a second connection sees what SqliteStore set.
    const probe = new Database(file, { readonly: true })
    const journalMode = String(probe.pragma('journal_mode', { simple: true }))
    probe.close()

    return {
      conditionalUpdatesPerSecond: sequential.perSecond,
      sequential,
      concurrent,
      soldOut: { stock, attempts, applied: soldApplied, remaining, correct: soldApplied === stock && remaining === 0 },
      sqlite: { journalMode, synchronous: 'NORMAL (set by SqliteStore)', file: 'temp dir, removed afterwards' }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult> {
  const m = await measureConditionalUpdates(1)
  if (!m.soldOut.correct) throw new Error(`conditional update oversold: ${JSON.stringify(m.soldOut)}`)
  return { ...m }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const m = r as unknown as ConditionalUpdateMeasure
  return {
    conditionalUpdatesPerSecond: m.conditionalUpdatesPerSecond,
    [`concurrent (batch ${m.concurrent.batch}) /s`]: m.concurrent.perSecond,
    soldOut: `${m.soldOut.applied}/${m.soldOut.attempts} applied, stock ${m.soldOut.remaining}`,
    journalMode: m.sqlite.journalMode
  }
}
