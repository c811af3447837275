/**
 * Renders the COMPILED weapp build (`dist/`) in jest + jsdom with miniprogram-simulate and WeChat's
 * own WXML compiler (`compiler: 'official'`), so a test exercises what actually ships.
 *
 * The shim below stands in for the WeChat runtime pieces miniprogram-simulate does not provide:
 * `App` / `getApp` / `getCurrentPages` / `requirePlugin`, `Page` (turned into a `Component`, which
 * is all j-component can render), in-memory storage, recorded navigation and toasts, and
 * `wx.cloud` answered by an in-process handler (see {@link connectHarness}).
 *
 * Use it from a `testEnvironment: 'jsdom'` test file (jest project `weapp`):
 *
 *   const app = await launchApp()                  // once per test file
 *   connectHarness(h, 'dev-u-newcomer')             // who the "WeChat platform" says is calling
 *   const page = await openPage('pages/home/index')
 *   await waitForText(page, '输入房屋码绑定')
 *   tap(page, 'go-bind')
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Harness } from '../../support/harness'
import type { PageConfig, PageInstance, SimComponent, SimRootComponent, SimulateModule } from './simulate-types'

export type { SimComponent, SimRootComponent } from './simulate-types'

export const ROOT = path.resolve(__dirname, '..', '..', '..')
export const DIST = path.join(ROOT, 'dist')

/** Builds `dist/` with `taro build --type weapp` when it is missing (the test runner normally builds first). */
export function ensureWeappBuild(dist = DIST): void {
  if (existsSync(path.join(dist, 'app.js'))) return
  const res = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (res.status !== 0 || !existsSync(path.join(dist, 'app.js'))) {
    throw new Error(`taro build --type weapp failed (exit ${String(res.status)})`)
  }
}

// ---------------------------------------------------------------------------------------------
// The WeChat runtime shim
// ---------------------------------------------------------------------------------------------

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
  url: string
}

export interface CloudCall {
  name: string
  data: unknown
  result: unknown
}

/** Answers `wx.cloud.callFunction`: `result` is what the function returned (the `res.result` of WeChat). */
export type CloudHandler = (name: string, data: unknown) => Promise<unknown>

/** Everything the shim records, reset by {@link resetRecords}. */
export interface Records {
  navigations: Navigation[]
  toasts: string[]
  cloudCalls: CloudCall[]
}

export const records: Records = { navigations: [], toasts: [], cloudCalls: [] }

export function resetRecords(): void {
  records.navigations.length = 0
  records.toasts.length = 0
  records.cloudCalls.length = 0
}

/** The storage behind wx.*StorageSync; tests may read or preset it. */
export const storage = new Map<string, unknown>()

let cloudHandler: CloudHandler = () => Promise.reject(new Error('no cloud handler: call connectHarness() or setCloudHandler()'))

export function setCloudHandler(handler: CloudHandler): void {
  cloudHandler = handler
}

/**
 * Answers every `wx.cloud.callFunction({ name, data })` from the harness's real function mains, as
 * the WeChat platform would: the caller's identity comes from here (the test), never from `data`.
 */
export function connectHarness(h: Harness, openid: string | (() => string | null) | null): void {
  let n = 0
  setCloudHandler((name, data) => {
    const main = h.mains[name]
    if (!main) return Promise.reject(new Error(`cloud function not found: ${name}`))
    const who = typeof openid === 'function' ? openid() : openid
    return main(data, { request_id: `wx-req-${++n}`, identity: who ? { openid: who, source: 'dev' } : null })
  })
}

interface Callbacks {
  success?: (res: unknown) => void
  fail?: (err: unknown) => void
  complete?: (res: unknown) => void
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

function callbacksOf(opts: unknown): Callbacks {
  if (!isRecord(opts)) return {}
  const pick = (k: string) => {
    const f = opts[k]
    return typeof f === 'function' ? (f as (res: unknown) => void) : undefined
  }
  return { success: pick('success'), fail: pick('fail'), complete: pick('complete') }
}

/**
 * Settles a wx-style async API: callbacks when given (Taro's promisified wrappers pass them),
 * otherwise a promise (how `wx.cloud.*` behaves when called without callbacks).
 */
function settle(opts: unknown, work: () => Promise<unknown>): Promise<unknown> | undefined {
  const cb = callbacksOf(opts)
  const p = work()
  if (!cb.success && !cb.fail && !cb.complete) return p
  p.then(
    (res) => {
      cb.success?.(res)
      cb.complete?.(res)
    },
    (err: unknown) => {
      cb.fail?.(err)
      cb.complete?.(err)
    }
  )
  return undefined
}

const cloud = {
  init(_options?: unknown): void {},
  callFunction(opts: unknown): Promise<unknown> | undefined {
    return settle(opts, async () => {
      const name = isRecord(opts) && typeof opts.name === 'string' ? opts.name : ''
      const data = isRecord(opts) ? opts.data : undefined
      // WeChat serialises the payload: the function sees JSON, never the page's objects.
      const result: unknown = await cloudHandler(name, JSON.parse(JSON.stringify(data ?? {})) as unknown)
      records.cloudCalls.push({ name, data, result })
      return { errMsg: 'cloud.callFunction:ok', result, requestID: `wx-${records.cloudCalls.length}` }
    })
  }
}

function urlOf(opts: unknown): string {
  return isRecord(opts) && typeof opts.url === 'string' ? opts.url : ''
}

type WxApi = Record<string, unknown>

/** Overrides on top of miniprogram-simulate's `wx` mock. */
function wxOverrides(): WxApi {
  const nav = (api: Navigation['api']) => (opts: unknown) =>
    settle(opts, () => {
      records.navigations.push({ api, url: urlOf(opts) })
      return Promise.resolve({ errMsg: `${api}:ok` })
    })
  return {
    cloud,
    navigateTo: nav('navigateTo'),
    redirectTo: nav('redirectTo'),
    switchTab: nav('switchTab'),
    reLaunch: nav('reLaunch'),
    navigateBack: nav('navigateBack'),
    showToast: (opts: unknown) =>
      settle(opts, () => {
        records.toasts.push(isRecord(opts) && typeof opts.title === 'string' ? opts.title : '')
        return Promise.resolve({ errMsg: 'showToast:ok' })
      }),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear()
  }
}

interface ShimGlobals {
  wx: WxApi
  App: (config: object) => void
  getApp: () => object | undefined
  getCurrentPages: () => PageInstance[]
  requirePlugin: (name: string) => object
  Page: (config: PageConfig) => void
  Component: (options: object) => void
}

let simulate: SimulateModule | null = null
let appInstance: AppInstance | null = null
/** Open pages, bottom first: what `getCurrentPages()` returns. */
const pageStack: PageInstance[] = []
/** The route of the page whose js is being run by `load`: `Page()` needs it. */
let loadingRoute = ''
const loadedPages = new Map<string, string>()

interface AppInstance {
  onLaunch?: (options: unknown) => void
  onShow?: (options: unknown) => void
}

function shimGlobals(): ShimGlobals {
  return globalThis as unknown as ShimGlobals
}

function installShim(): SimulateModule {
  if (simulate) return simulate
  // Requiring miniprogram-simulate defines global `Component` and `wx` (its API mock).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sim = require('miniprogram-simulate') as SimulateModule
  const g = shimGlobals()
  Object.assign(g.wx, wxOverrides())
  g.App = (config) => {
    appInstance = config as AppInstance
  }
  g.getApp = () => appInstance ?? undefined
  g.getCurrentPages = () => [...pageStack]
  g.requirePlugin = () => ({})
  // WeChat's Page() becomes a Component(): methods from the page's functions, fields copied on
  // creation, `route` set as WeChat does (Taro reads it for its router).
  g.Page = (config) => {
    const route = loadingRoute
    const methods: Record<string, unknown> = {}
    const fields: Record<string, unknown> = {}
    for (const key of Object.keys(config)) {
      if (key === 'data') continue
      const value = config[key]
      if (typeof value === 'function') methods[key] = value
      else fields[key] = value
    }
    g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        created(this: Record<string, unknown>) {
          Object.assign(this, fields, { route, __route__: route })
        }
      }
    })
  }
  simulate = sim
  return sim
}

/**
 * Installs the shim, runs `dist/app.js` and the app's `onLaunch`, once per test file (jest gives
 * every test file its own globals and module registry).
 */
export function launchApp(options: { dist?: string; path?: string; query?: Record<string, string> } = {}): void {
  const dist = options.dist ?? DIST
  installShim()
  if (appInstance) return
  ensureWeappBuild(dist)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(dist, 'app.js'))
  const app = appInstance as AppInstance | null
  if (!app) throw new Error('dist/app.js did not call App()')
  const launch = { path: options.path ?? 'pages/login/index', query: options.query ?? {}, scene: 1001 }
  app.onLaunch?.call(app, launch)
  app.onShow?.call(app, launch)
}

function loadPage(route: string, dist: string): string {
  const cached = loadedPages.get(route)
  if (cached) return cached
  const sim = installShim()
  loadingRoute = route
  try {
    // A page's js registers its webpack module once: load each page once and render it many times.
    const id = sim.load(path.join(dist, route), { compiler: 'official', rootPath: dist })
    loadedPages.set(route, id)
    return id
  } finally {
    loadingRoute = ''
  }
}

export interface OpenedPage {
  /** The j-component root: query it, read its `dom`. */
  root: SimRootComponent
  route: string
  instance: PageInstance
  /** Fires onHide + onUnload and detaches the page. */
  close(): void
}

/**
 * Renders a compiled page (`route` as in app.json, e.g. `packages/household/pages/bind/index`),
 * attaches it to the document and runs `onLoad(query)`, `onShow()` and `onReady()` as WeChat does
 * when the page is opened.
 */
export function openPage(route: string, query: Record<string, string> = {}, dist = DIST): OpenedPage {
  launchApp({ dist })
  const sim = installShim()
  const id = loadPage(route, dist)
  const root = sim.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  root.attach(parent)
  const instance = root.instance
  const previous = pageStack[pageStack.length - 1]
  previous?.onHide?.call(previous)
  pageStack.push(instance)
  instance.onLoad?.call(instance, query)
  instance.onShow?.call(instance)
  instance.onReady?.call(instance)
  let closed = false
  return {
    root,
    route,
    instance,
    close() {
      if (closed) return
      closed = true
      instance.onHide?.call(instance)
      instance.onUnload?.call(instance)
      const at = pageStack.indexOf(instance)
      if (at >= 0) pageStack.splice(at, 1)
      root.detach()
      parent.remove()
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Queries and events
// ---------------------------------------------------------------------------------------------

type Target = OpenedPage | SimComponent

function componentOf(target: Target): SimComponent {
  return 'root' in target ? target.root : target
}

export function textOf(target: Target): string {
  return (componentOf(target).dom?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** Polls until `predicate` holds (React renders and setData land asynchronously); never sleeps blindly. */
export async function waitFor<T>(probe: () => T | undefined | null | false, what: string | (() => string), timeout = 5000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() - started > timeout) {
      throw new Error(`timed out after ${timeout} ms waiting for ${typeof what === 'function' ? what() : what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Waits until the rendered text contains `text` (or matches it); the error shows what was there. */
export async function waitForText(target: Target, text: string | RegExp, timeout = 5000): Promise<string> {
  const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s))
  return waitFor(
    () => {
      const s = textOf(target)
      return matches(s) ? s : null
    },
    () => `text ${String(text)} in: "${textOf(target).slice(0, 600)}"`,
    timeout
  )
}

/** Finds a component by id, also inside nested custom components (Taro's `comp` past the template depth). */
export function byId(target: Target, id: string): SimComponent | undefined {
  const root = componentOf(target)
  const direct = root.querySelector(`#${id}`)
  if (direct) return direct
  return undefined
}

export async function waitForId(target: Target, id: string, timeout = 5000): Promise<SimComponent> {
  return waitFor(() => byId(target, id), `#${id} in: "${textOf(target).slice(0, 300)}"`, timeout)
}

/** Taps the element with that id (waits for it to render first). */
export async function tap(target: Target, id: string): Promise<void> {
  const el = await waitForId(target, id)
  el.dispatchEvent('tap')
  await flush()
}

/** Lets dispatched events (j-component dispatches them on a microtask) and React updates run. */
export async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
}
