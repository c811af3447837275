import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

/**
 * `npm test`: every check and every test, in the order they depend on each other, ending with
 * one plain line `N passed, M failed[, K skipped]` (CI reads it). Each static check and build
 * counts as one test; jest's tests count one each.
 */
const ROOT = path.resolve(__dirname, '..')
const BIN = path.join(ROOT, 'node_modules', '.bin')
const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium'

interface Step {
  name: string
  ok: boolean
  ms: number
  note?: string
}
const steps: Step[] = []

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const started = Date.now()
  console.log(`\n▶ ${name}: ${[path.basename(cmd), ...args].join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  steps.push({ name, ok, ms: Date.now() - started })
  console.log(`${ok ? '✔' : '✖'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

/** The browser tests need Debian's chromium; install it when this machine lets us (root + apt). */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canApt) {
    steps.push({ name: 'chromium', ok: false, ms: 0, note: `no ${CHROMIUM}; install with: apt-get install -y chromium fonts-noto-cjk` })
    return
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' }
  run('install chromium (apt-get update)', 'apt-get', ['update', '-qq'], env)
  run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], env)
}

interface JestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numRuntimeErrorTestSuites: number
  success: boolean
}

function main(): void {
  const only = process.argv.slice(2)
  ensureChromium()
  run('typecheck', path.join(BIN, 'tsc'), ['--noEmit', '-p', 'tsconfig.json'])
  run('lint', path.join(BIN, 'eslint'), ['--max-warnings=0', '.'])
  run('layer rules', path.join(BIN, 'depcruise'), ['--config', '.dependency-cruiser.cjs', 'src', 'cloudfunctions', 'scripts', 'console'])
  run('build functions', path.join(BIN, 'tsx'), ['scripts/build-functions.ts'])
  run('build weapp', path.join(BIN, 'taro'), ['build', '--type', 'weapp'], { NODE_ENV: 'production' })
  run('build h5', path.join(BIN, 'taro'), ['build', '--type', 'h5'], { NODE_ENV: 'production' })
  run('build console', path.join(BIN, 'vite'), ['build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], { NODE_ENV: 'production' })

  mkdirSync(path.join(ROOT, 'build'), { recursive: true })
  const out = path.join(ROOT, 'build', 'jest-results.json')
  // A previous run's results must never stand in for this one's if jest dies before writing.
  rmSync(out, { force: true })
  const started = Date.now()
  console.log('\n▶ jest (unit, weapp, e2e)')
  const jest = spawnSync(path.join(BIN, 'jest'), ['--ci', '--json', `--outputFile=${out}`, ...only], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env
  })
  let passed = steps.filter((s) => s.ok).length
  let failed = steps.filter((s) => !s.ok).length
  let skipped = 0
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8')) as JestReport
    passed += report.numPassedTests
    failed += report.numFailedTests + report.numRuntimeErrorTestSuites
    skipped += report.numPendingTests + report.numTodoTests
  } else {
    failed += 1
  }
  if (jest.status !== 0 && failed === steps.filter((s) => !s.ok).length) failed += 1

  console.log(`\nchecks (${((Date.now() - started) / 1000).toFixed(1)} s of jest):`)
  for (const s of steps) console.log(`  ${s.ok ? '✔' : '✖'} ${s.name}${s.note ? ` — ${s.note}` : ''}`)
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exit(failed === 0 ? 0 : 1)
}

main()
