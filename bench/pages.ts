/**
 * Every registered H5 page opened cold (a new browser context straight on its link: no cache, no
 * earlier page) in Debian's Chromium at an iPhone viewport, with the CPU throttled 4x through CDP
 * (`Emulation.setCPUThrottlingRate`), once in each text mode (标准 and 长辈模式). Persona and
 * params per route come from the e2e route table (tests/e2e/support/routes.ts), on a freshly
 * seeded local server. The empty Taro app (`LINLI_APP=empty`, same config) is built and served by
 * the same static-file code for the first-screen baseline.
 *
 * Figures:
 * - `pages`: routes opened; `pagesWithErrors`: those with a console error, an uncaught error, a
 *   failed request or HTTP error, the error state (#state-error), or that never settled.
 * - `overflowAtLargeText`: pages in 长辈模式 with text wider than its box or anything past the
 *   screen's sides (tests/e2e/support/probe.ts); `overflowAtNormalText` the same in 标准.
 * - `firstScreenMs`: from navigation start to the login's demo personas drawn, at 4x, logged out,
 *   median of FIRST_SCREEN_RUNS cold loads; `emptyTaroFirstScreenMs`: to the empty app's page
 *   text drawn, each load paired with one of the app's. `firstScreenRatio` (target ≤ 1.5) is the
 *   median of the pairs' ratios: on this shared 2-core machine both sides of a pair see the same
 *   load, while the two medians alone can come from different moments (`firstScreenRatioOfMedians`
 *   is kept beside it). One pair is loaded first and not counted: the first load of a run also
 *   warms the server and the disk cache.
 * - `medianNavMs`: median over routes (标准, 4x) from navigation start to the page settled (its
 *   content shown, no loading state); `p90NavMs` beside it.
 * - `jsBytes` / `jsBytesCompressed`: JavaScript the login's first screen loads, decoded and as
 *   sent over the wire (brotli from the local server); `jsBytesBuilt`: all JS in dist-h5.
 *
 * Builds both H5 apps first when their sources are newer; `BENCH_PAGES_REUSE=1` measures the
 * existing builds. `BENCH_PAGES_ONLY=<substring>` limits the routes (for a quick look).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { ensureH5Build } from '../scripts/lib/h5-build'
import { staticFiles } from '../scripts/server/static'
import { type TestApp, startTestApp } from '../tests/e2e/support/app'
import { devToken } from '../tests/e2e/support/api'
import { launch } from '../tests/e2e/support/browser'
import { type Overflow, overflowing, primeStorage, settle, shown, watchProblems } from '../tests/e2e/support/probe'
import { type RouteCase, makeRecords, routeCases } from '../tests/e2e/support/routes'
import { type BenchResult, median, round } from './lib/bench'

const ROOT = path.resolve(__dirname, '..')
const EMPTY_DIST = path.join(ROOT, 'build', 'empty-h5')
const APP_DIST = path.join(ROOT, 'dist-h5')
const CPU_THROTTLE = 4
const FIRST_SCREEN_RUNS = 15
const SETTLE_TIMEOUT_MS = 30_000
/** iPhone 12-15 in CSS pixels, as the e2e tests use. */
const VIEWPORT = { width: 390, height: 844 }
const REUSE = process.env.BENCH_PAGES_REUSE === '1'

type Mode = 'normal' | 'elder'

interface PageRun {
  route: string
  persona: string | null
  mode: Mode
  /** Navigation start to settled, ms; null when it never settled. */
  navMs: number | null
  problems: string[]
  error: string | null
  /** The route shown at the end, when it is not the one opened (a detour that did not come back). */
  endedAt: string | null
  overflow: Overflow[]
}

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
}

function registeredRoutes(): string[] {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }
  g.defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../src/app.config') as { default: AppConfig }).default
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

function newest(dir: string): number {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

function ensureEmptyBuild(): void {
  const index = path.join(EMPTY_DIST, 'index.html')
  if (existsSync(index) && (REUSE || Math.max(newest(path.join(ROOT, 'bench', 'empty-app')), newest(path.join(ROOT, 'config'))) < statSync(index).mtimeMs)) return
  console.error('bench pages: building the empty Taro H5 app…')
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LINLI_APP: 'empty' }
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0 || !existsSync(index)) throw new Error('empty Taro H5 build failed (LINLI_APP=empty npx taro build --type h5)')
}

function jsFilesBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = path.join(dir, e.name)
    return sum + (e.isDirectory() ? jsFilesBytes(p) : e.name.endsWith('.js') ? statSync(p).size : 0)
  }, 0)
}

async function serveEmpty(): Promise<{ url: string; server: Server }> {
  const serve = staticFiles(EMPTY_DIST)
  const server = createServer((req, res) => void serve(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

/** A cold page: a new context (no cache, no storage), an iPhone viewport, the CPU throttled. */
async function coldPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai'
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  return { page, close: () => context.close() }
}

/**
 * ms from navigation start until an element matching `selector` (and holding `text`, when given)
 * is drawn with some size, read from the page's own clock.
 */
async function timeToVisible(page: Page, url: string, selector: string, text = ''): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(
    ({ sel, txt }) => {
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.height > 0 && (el.textContent ?? '').includes(txt)) return performance.now()
      }
      return false
    },
    { sel: selector, txt: text },
    { timeout: SETTLE_TIMEOUT_MS, polling: 'raf' }
  )
  return Number(await handle.jsonValue())
}

interface WireBytes {
  decoded: number
  encoded: number
  files: number
}

/** JavaScript the page loaded so far, from Resource Timing (same origin: sizes are exposed). */
async function jsLoaded(page: Page): Promise<WireBytes> {
  return page.evaluate(() => {
    const js = performance.getEntriesByType('resource').filter((e): e is PerformanceResourceTiming => e instanceof PerformanceResourceTiming && /\.js(\?|$)/.test(e.name))
    return { decoded: js.reduce((s, e) => s + e.decodedBodySize, 0), encoded: js.reduce((s, e) => s + e.encodedBodySize, 0), files: js.length }
  })
}

async function firstScreens(browser: Browser, appUrl: string, emptyUrl: string) {
  const app: number[] = []
  const empty: number[] = []
  let wire: WireBytes = { decoded: 0, encoded: 0, files: 0 }
  let emptyWire: WireBytes = { decoded: 0, encoded: 0, files: 0 }
  // Interleaved, so a busy moment of the machine hits both alike; round 0 only warms up.
  for (let i = 0; i <= FIRST_SCREEN_RUNS; i++) {
    const a = await coldPage(browser)
    try {
      const ms = await timeToVisible(a.page, `${appUrl}#/pages/login/index`, '[id^="persona-"]')
      if (i > 0) app.push(ms)
      wire = await jsLoaded(a.page)
    } finally {
      await a.close()
    }
    const e = await coldPage(browser)
    try {
      const ms = await timeToVisible(e.page, `${emptyUrl}#/pages/index/index`, '.taro_page', 'index')
      if (i > 0) empty.push(ms)
      emptyWire = await jsLoaded(e.page)
    } finally {
      await e.close()
    }
  }
  return { app, empty, wire, emptyWire }
}

async function openRoute(browser: Browser, baseUrl: string, route: string, c: RouteCase, token: string | null, mode: Mode): Promise<PageRun> {
  const { page, close } = await coldPage(browser)
  try {
    const problems = watchProblems(page)
    await primeStorage(page, { token, elder: mode === 'elder' })
    const q = new URLSearchParams(c.params ?? {}).toString()
    await page.goto(`${baseUrl}#/${route}${q ? `?${q}` : ''}`, { waitUntil: 'commit' })
    let navMs: number | null = null
    try {
      await settle(page, SETTLE_TIMEOUT_MS)
      navMs = await page.evaluate(() => performance.now())
    } catch {
      problems.push(`did not settle within ${SETTLE_TIMEOUT_MS} ms`)
    }
    // Late failures (a request answered after the content showed) count too.
    await page.waitForTimeout(300)
    const s = await shown(page)
    return {
      route,
      persona: c.persona,
      mode,
      navMs: navMs === null ? null : round(navMs, 0),
      problems,
      error: s.error,
      endedAt: s.route === `/${route}` ? null : s.route,
      overflow: navMs === null ? [] : await overflowing(page)
    }
  } finally {
    await close()
  }
}

export async function run(): Promise<BenchResult> {
  if (!REUSE || !existsSync(path.join(APP_DIST, 'index.html'))) ensureH5Build(ROOT)
  ensureEmptyBuild()
  const routes = registeredRoutes().filter((r) => !process.env.BENCH_PAGES_ONLY || r.includes(process.env.BENCH_PAGES_ONLY))
  let app: TestApp | null = null
  let empty: { url: string; server: Server } | null = null
  let browser: Browser | null = null
  try {
    app = await startTestApp()
    empty = await serveEmpty()
    browser = await launch()
    const made = await makeRecords(app.url)
    const cases = routeCases(made)
    const missing = routes.filter((r) => !cases[r])
    if (missing.length) throw new Error(`no route case (tests/e2e/support/routes.ts) for: ${missing.join(', ')}`)

    const first = await firstScreens(browser, app.url, empty.url)

    const tokens = new Map<string, string>()
    const tokenOf = async (persona: string | null) => {
      if (!persona) return null
      const have = tokens.get(persona)
      if (have) return have
      const t = await devToken(app?.url ?? '', persona)
      tokens.set(persona, t)
      return t
    }
    const runs: PageRun[] = []
    for (const mode of ['normal', 'elder'] as const) {
      for (const route of routes) {
        const c = cases[route]
        if (!c) continue
        const r = await openRoute(browser, app.url, route, c, await tokenOf(c.persona), mode)
        runs.push(r)
        const flag = r.problems.length || r.error || r.endedAt ? ' !' : ''
        console.error(`bench pages: ${mode} ${route} ${r.navMs ?? '—'} ms${flag}`)
      }
    }

    const failed = (r: PageRun) => r.problems.length > 0 || r.error !== null || r.endedAt !== null || r.navMs === null
    const withErrors = runs.filter(failed).map((r) => ({
      route: r.route,
      mode: r.mode,
      persona: r.persona,
      ...(r.error ? { error: r.error } : {}),
      ...(r.endedAt ? { endedAt: r.endedAt } : {}),
      problems: r.problems.slice(0, 5)
    }))
    const overflowIn = (mode: Mode) => runs.filter((r) => r.mode === mode && r.overflow.length > 0).map((r) => ({ route: r.route, elements: r.overflow }))
    const navs = runs.filter((r) => r.mode === 'normal' && r.navMs !== null).map((r) => r.navMs ?? 0).sort((a, b) => a - b)
    const firstScreenMs = round(median(first.app), 0)
    const emptyTaroFirstScreenMs = round(median(first.empty), 0)
    return {
      cpuThrottle: CPU_THROTTLE,
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}@3x`,
      browser: browser.version(),
      pages: routes.length,
      pagesWithErrors: withErrors.length,
      pagesWithErrorsList: withErrors,
      overflowAtLargeText: overflowIn('elder').length,
      overflowAtLargeTextList: overflowIn('elder'),
      overflowAtNormalText: overflowIn('normal').length,
      overflowAtNormalTextList: overflowIn('normal'),
      firstScreenMs,
      emptyTaroFirstScreenMs,
      firstScreenRatio: round(median(first.app.map((ms, i) => ms / (first.empty[i] ?? ms))), 2),
      firstScreenRatioOfMedians: round(firstScreenMs / emptyTaroFirstScreenMs, 2),
      firstScreenTarget: 1.5,
      firstScreenSamples: { app: first.app.map((x) => round(x, 0)), empty: first.empty.map((x) => round(x, 0)) },
      medianNavMs: round(median(navs), 0),
      p90NavMs: navs.length ? (navs[Math.min(navs.length - 1, Math.floor(navs.length * 0.9))] ?? 0) : 0,
      jsBytes: first.wire.decoded,
      jsBytesCompressed: first.wire.encoded,
      jsFiles: first.wire.files,
      emptyTaroJsBytes: first.emptyWire.decoded,
      emptyTaroJsBytesCompressed: first.emptyWire.encoded,
      jsBytesBuilt: jsFilesBytes(APP_DIST),
      navMsByRoute: Object.fromEntries(runs.filter((r) => r.mode === 'normal').map((r) => [r.route, r.navMs ?? -1]))
    }
  } finally {
    await browser?.close()
    if (empty) await new Promise<void>((resolve) => empty?.server.close(() => resolve()))
    await app?.close()
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const n = (k: string): number | string => {
    const v = r[k]
    return typeof v === 'number' || typeof v === 'string' ? v : JSON.stringify(v)
  }
  return {
    pages: n('pages'),
    pagesWithErrors: n('pagesWithErrors'),
    overflowAtLargeText: n('overflowAtLargeText'),
    overflowAtNormalText: n('overflowAtNormalText'),
    'firstScreenMs (4x)': n('firstScreenMs'),
    'emptyTaroFirstScreenMs (4x)': n('emptyTaroFirstScreenMs'),
    'firstScreenRatio (target ≤ 1.5)': n('firstScreenRatio'),
    'firstScreenRatioOfMedians': n('firstScreenRatioOfMedians'),
    medianNavMs: n('medianNavMs'),
    p90NavMs: n('p90NavMs'),
    jsBytes: n('jsBytes'),
    jsBytesCompressed: n('jsBytesCompressed')
  }
}
