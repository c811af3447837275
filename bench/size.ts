/**
 * Weapp package size: bytes of our main package next to an empty Taro React app built with the
 * same config (`LINLI_APP=empty` builds bench/empty-app/src into build/empty-weapp/), bytes per
 * subpackage, and the total. WeChat allows 2 MB per package; its code-quality audit wants the main
 * package under 1.5 MB.
 *
 * Main package = every file in dist/ outside the subpackage roots named in dist/app.json. Both
 * builds are measured the same way (both hold Taro's project.config.json copy and the terser
 * LICENSE files), so the ratio compares like with like.
 *
 * Builds both apps first (about 15 s and 5 s); `BENCH_SIZE_REUSE=1` measures the existing builds.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { type BenchResult, round } from './lib/bench'

const ROOT = path.resolve(__dirname, '..')
const APP_DIST = path.join(ROOT, 'dist')
const EMPTY_DIST = path.join(ROOT, 'build', 'empty-weapp')

export interface SizeResult {
  [key: string]: number | string | object
  mainPackageBytes: number
  emptyTaroBytes: number
  /** Bytes per subpackage root, e.g. `packages/household`. */
  subpackages: Record<string, number>
  /** mainPackageBytes / emptyTaroBytes: how much our main package carries over Taro's floor. */
  ratio: number
  totalBytes: number
  mainPackageFiles: number
  /** The five largest main-package files, bytes each: where to look when the main package grows. */
  largestMainFiles: Record<string, number>
}

function build(env: NodeJS.ProcessEnv, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0 && existsSync(path.join(outDir, 'app.json'))) resolve()
      else reject(new Error(`taro build --type weapp (${outDir}) failed with exit ${String(code)}:\n${log.slice(-3000)}`))
    })
  })
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  delete env.LINLI_APP
  return env
}

/** Every file under `dir`, with '/'-separated paths relative to it, and its size. */
function files(dir: string, base = dir): { file: string; bytes: number }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    const st = statSync(full)
    return st.isDirectory() ? files(full, base) : [{ file: path.relative(base, full).split(path.sep).join('/'), bytes: st.size }]
  })
}

interface AppJson {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}

function subpackageRoots(dist: string): string[] {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson
  return (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/^\/+|\/+$/g, ''))
}

export interface PackageSizes {
  main: number
  mainFiles: { file: string; bytes: number }[]
  subpackages: Record<string, number>
  total: number
}

export function measure(dist: string): PackageSizes {
  const roots = subpackageRoots(dist)
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]))
  const mainFiles: { file: string; bytes: number }[] = []
  let total = 0
  for (const f of files(dist)) {
    total += f.bytes
    const root = roots.find((r) => f.file.startsWith(`${r}/`))
    if (root) subpackages[root] = (subpackages[root] ?? 0) + f.bytes
    else mainFiles.push(f)
  }
  return { main: mainFiles.reduce((s, f) => s + f.bytes, 0), mainFiles, subpackages, total }
}

export async function run(): Promise<SizeResult> {
  if (process.env.BENCH_SIZE_REUSE !== '1' || !existsSync(path.join(APP_DIST, 'app.json'))) {
    await build(baseEnv(), APP_DIST)
  }
  if (process.env.BENCH_SIZE_REUSE !== '1' || !existsSync(path.join(EMPTY_DIST, 'app.json'))) {
    await build({ ...baseEnv(), LINLI_APP: 'empty' }, EMPTY_DIST)
  }
  const app = measure(APP_DIST)
  const empty = measure(EMPTY_DIST)
  const largest = [...app.mainFiles].sort((a, b) => b.bytes - a.bytes).slice(0, 5)
  return {
    mainPackageBytes: app.main,
    emptyTaroBytes: empty.main,
    subpackages: app.subpackages,
    ratio: round(app.main / empty.main, 3),
    totalBytes: app.total,
    mainPackageFiles: app.mainFiles.length,
    largestMainFiles: Object.fromEntries(largest.map((f) => [f.file, f.bytes]))
  }
}

export function summary(result: BenchResult): Record<string, number | string> {
  const pick = (k: string): number | string => {
    const v = result[k]
    return typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v)
  }
  return {
    mainPackageBytes: pick('mainPackageBytes'),
    emptyTaroBytes: pick('emptyTaroBytes'),
    ratio: pick('ratio'),
    totalBytes: pick('totalBytes')
  }
}
