/**
 * Store round trips per request on the main journeys (tests/support/journeys.ts): the real
 * handlers on a store that answers each call after ROUND_TRIP_MS (10 ms: a CloudBase function
 * reaching its database in the same region) and counts it.
 *
 * Per request: `calls`, `sequentialDepth` (round trips waited for one after another),
 * `conditionalWrites` and `simulatedMs` (the request's time on that store: about depth × 10 ms,
 * plus its own work). `overBudget` lists the requests past their budget (a read at most 4
 * sequential round trips, a write at most 8). `BENCH_ROUNDTRIPS_TRACE=1` prints every store call,
 * indented by its level: where a request's depth comes from.
 */
import { BUDGET, type Measured, measureJourneys } from '../tests/support/journeys'
import { type BenchResult } from './lib/bench'

const ROUND_TRIP_MS = 10
const TRACE = process.env.BENCH_ROUNDTRIPS_TRACE === '1'

export async function run(): Promise<BenchResult> {
  const measured = await measureJourneys(ROUND_TRIP_MS, TRACE ? (line) => console.error(line.slice(0, 220)) : undefined)
  const over = measured.filter((m) => m.sequentialDepth > m.budget)
  const deepest = (kind: Measured['kind']) => Math.max(...measured.filter((m) => m.kind === kind).map((m) => m.sequentialDepth))
  return {
    roundTripMs: ROUND_TRIP_MS,
    budget: BUDGET,
    requests: measured.length,
    overBudget: over.map((m) => ({ request: m.request, kind: m.kind, sequentialDepth: m.sequentialDepth, budget: m.budget })),
    overBudgetCount: over.length,
    deepestRead: deepest('read'),
    deepestWrite: deepest('write'),
    totalCalls: measured.reduce((n, m) => n + m.calls, 0),
    byRequest: measured
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const rows = (r.byRequest as Measured[] | undefined) ?? []
  return {
    ...Object.fromEntries(rows.map((m) => [`${m.request} (${m.kind})`, `${m.sequentialDepth} deep · ${m.calls} calls · ${m.simulatedMs} ms`])),
    overBudget: Number(r.overBudgetCount)
  }
}
