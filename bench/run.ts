/**
 * `npm run bench` runs every registered benchmark; `npm run bench -- <name> [<name>...]` runs some.
 * Each writes bench/results/<name>.json (its figures plus when/where it was measured); one table
 * of key figures is printed at the end.
 *
 * To add a benchmark: create bench/<name>.ts exporting `run(): Promise<BenchResult>` (and
 * optionally `summary(result)` choosing the table's figures), then add <name> to BENCHMARKS.
 * A registered name whose file does not exist yet is skipped, so the list may run ahead.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { type BenchModule, type BenchResult, formatValue, isBenchModule, leaves, textTable } from './lib/bench'

/** Run order for `npm run bench`. */
const BENCHMARKS = ['store', 'cold', 'size', 'signup', 'notify', 'gate', 'card', 'booking', 'presale', 'insights', 'golive', 'roundtrips', 'notice', 'parcels', 'desk', 'pages', 'parking', 'commission', 'package'] as const

const BENCH_DIR = __dirname
const RESULTS_DIR = path.join(BENCH_DIR, 'results')
/** Keys run.ts adds to every result file; a benchmark may not use them. */
const META_KEYS = ['benchmark', 'measuredAt', 'durationMs', 'node', 'platform', 'arch', 'cores', 'cpuModel']

function available(): string[] {
  return BENCHMARKS.filter((name) => existsSync(path.join(BENCH_DIR, `${name}.ts`)))
}

async function load(name: string): Promise<BenchModule> {
  const mod: unknown = await import(path.join(BENCH_DIR, `${name}.ts`))
  // Under CommonJS interop the exports may sit on `default`.
  const candidate = isBenchModule(mod) ? mod : (mod as { default?: unknown } | null)?.default
  if (!isBenchModule(candidate)) throw new Error(`bench/${name}.ts does not export run()`)
  return candidate
}

interface Outcome {
  name: string
  figures: [string, number | string][]
  error?: string
}

async function runOne(name: string): Promise<Outcome> {
  const bench = await load(name)
  const measuredAt = new Date().toISOString()
  const started = performance.now()
  const result: BenchResult = await bench.run()
  const durationMs = Math.round(performance.now() - started)
  const clash = Object.keys(result).filter((k) => META_KEYS.includes(k))
  if (clash.length) throw new Error(`bench/${name}.ts returned reserved key(s): ${clash.join(', ')}`)
  const cpus = os.cpus()
  const file = {
    benchmark: name,
    measuredAt,
    durationMs,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    ...result
  }
  await mkdir(RESULTS_DIR, { recursive: true })
  await writeFile(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(file, null, 2) + '\n')
  const figures = bench.summary ? Object.entries(bench.summary(result)) : leaves(result).filter(([, v]) => typeof v === 'number').slice(0, 6)
  return { name, figures: [...figures, ['durationMs', durationMs]] }
}

async function main(): Promise<number> {
  const names = available()
  const asked = process.argv.slice(2).filter((a) => a.trim() !== '')
  const unknown = asked.filter((a) => !names.includes(a))
  if (unknown.length) {
    console.error(`unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`)
    console.error(`available: ${names.join(', ')}`)
    return 1
  }
  const selected = asked.length ? asked : names

  const outcomes: Outcome[] = []
  for (const name of selected) {
    console.error(`bench: running ${name}...`)
    try {
      outcomes.push(await runOne(name))
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e)
      console.error(`bench: ${name} failed: ${message}`)
      outcomes.push({ name, figures: [], error: e instanceof Error ? e.message.split('\n')[0] ?? 'failed' : String(e) })
    }
  }

  const rows = outcomes.flatMap((o) =>
    o.error ? [[o.name, 'FAILED', o.error]] : o.figures.map(([k, v], i) => [i === 0 ? o.name : '', k, formatValue(v)])
  )
  console.log(textTable(['benchmark', 'figure', 'value'], rows))
  console.log(`results: ${path.relative(process.cwd(), RESULTS_DIR) || '.'}/<name>.json (node ${process.version}, ${os.cpus().length} cores)`)
  return outcomes.some((o) => o.error) ? 1 : 0
}

// Exit explicitly: a benchmark's leftover handle (a timer, a socket) must not hang the run.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
