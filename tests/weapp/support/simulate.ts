/**
 * Renders the COMPILED weapp build (`dist/`) in jest + jsdom with miniprogram-simulate and WeChat's
 * own WXML compiler (`compiler: 'official'`), so a test exercises what actually ships.
 *
 * The shim below stands in for the WeChat runtime pieces miniprogram-simulate does not provide:
 * `App` / `getApp` / `getCurrentPages` / `requirePlugin`, `Page` (turned into a `Component`, which
 * is all j-component can render), in-memory storage, recorded navigation and toasts, and
 * `wx.cloud` answered by an in-process handler (see {@link connectHarness}).
 *
 * Use it from a `testEnvironment: 'jsdom'` test file (jest project `weapp`); see
 * tests/weapp/bind-household.test.ts:
 *
 *   const h = await makeHarness()                   // tests/support/harness: real function mains
 *   connectHarness(h, 'dev-u-newcomer')             // who the "WeChat platform" says is calling
 *   launchApp()                                     // once per test file: dist/app.js + onLaunch
 *   const home = openUrl('/pages/home/index')       // onLoad / onShow / onReady
 *   await waitForText(home, '输入房屋码绑定')         // poll, never sleep
 *   await tap(home, 'go-bind')                      // by id (j-component cannot select tags)
 *   records.navigations.at(-1)                      // { api: 'navigateTo', url: '/packages/...' }
 *   await typeInto(bind, 'bind-code', 'gyd6hkvu', { shows: 'GYD6-HKVU' })
 *
 * Each jest test file gets fresh globals and modules, hence a fresh app and session.
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
  /**
   * Warnings of WeChat's WXML runtime (`WXMLRT_...`), e.g. "Template `tmpl_0_i` not found": an
   * element Taro has no template for, which WeChat silently does not draw. Kept out of the log.
   */
  wxmlWarnings: string[]
}

export const records: Records = { navigations: [], toasts: [], cloudCalls: [], wxmlWarnings: [] }

/** Clears navigations, toasts and cloud calls; WXML warnings add up over the whole test file. */
export function resetRecords(): void {
  records.navigations.length = 0
  records.toasts.length = 0
  records.cloudCalls.length = 0
}

/** Templates the WXML runtime could not find so far (`tmpl_0_i` = an `<i>` element, ...). */
export function missingTemplates(): string[] {
  const names = records.wxmlWarnings.flatMap((w) => {
    const m = /Template `([^`]+)` not found/.exec(w)
    return m?.[1] ? [m[1]] : []
  })
  return [...new Set(names)].sort()
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
    pageScrollTo: (opts: unknown) => settle(opts, () => Promise.resolve({ errMsg: 'pageScrollTo:ok' })),
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
  const warn = console.warn.bind(console)
  console.warn = (...args: unknown[]) => {
    const first = args[0]
    if (typeof first === 'string' && first.startsWith('WXMLRT_')) records.wxmlWarnings.push(first)
    else warn(...args)
  }
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
      // As after navigateBack: the page below is shown again.
      const below = pageStack[pageStack.length - 1]
      if (at === pageStack.length) below?.onShow?.call(below)
    }
  }
}

/** Splits a navigation url (`/packages/x/pages/y/index?a=1`) into the route and query `openPage` takes. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathPart = '', search = ''] = url.split('?', 2)
  const query: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(search)) query[k] = v
  return { route: pathPart.replace(/^\//, ''), query }
}

/** Opens the page a recorded navigation (`Taro.navigateTo({ url })`, ...) went to. */
export function openUrl(url: string, dist = DIST): OpenedPage {
  const { route, query } = parseUrl(url)
  return openPage(route, query, dist)
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

/** Polls `probe` until it returns something truthy (React renders and setData land asynchronously). */
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

interface WxElementRef {
  id?: unknown
}

type ComponentClass = new (exparserNode: WxElementRef) => SimComponent

/** j-component's node wrapper class (not exported: the root component's base class). */
function componentClass(root: SimComponent): ComponentClass | undefined {
  const base: unknown = Object.getPrototypeOf(Object.getPrototypeOf(root))
  const ctor = typeof base === 'object' && base !== null ? (base as { constructor?: unknown }).constructor : undefined
  return typeof ctor === 'function' ? (ctor as ComponentClass) : undefined
}

/**
 * Finds an element by id (the `id` prop a page gives a Taro component). j-component's
 * `querySelector` does not look inside nested custom components (Taro renders trees deeper than
 * its template depth through its recursive `comp` component), so the DOM is searched as well:
 * every rendered DOM node points back to its exparser element.
 */
export function byId(target: Target, id: string): SimComponent | undefined {
  const root = componentOf(target)
  const direct = root.querySelector(`#${id}`)
  if (direct) return direct
  const Wrapper = componentClass(root)
  if (!Wrapper || !root.dom) return undefined
  for (const el of Array.from(root.dom.querySelectorAll('*'))) {
    const wx = (el as Element & { __wxElement?: WxElementRef }).__wxElement
    if (wx && wx.id === id) return new Wrapper(wx)
  }
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

/** The first element matching a selector (`#id`, `.class`, descendant combinators work; tag names do not). */
export function query(target: Target, selector: string): SimComponent | undefined {
  return componentOf(target).querySelector(selector)
}

export async function waitForSelector(target: Target, selector: string, timeout = 5000): Promise<SimComponent> {
  return waitFor(() => query(target, selector), `${selector} in: "${textOf(target).slice(0, 300)}"`, timeout)
}

/**
 * The data Taro rendered for the element with that id (`uid`), found in the page's setData tree.
 * Native props appear under Taro's short keys, so look for values, not names.
 */
export function renderedNode(target: Target, id: string): Record<string, unknown> | undefined {
  const seen = new Set<unknown>()
  const find = (v: unknown): Record<string, unknown> | undefined => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return undefined
    seen.add(v)
    if (!Array.isArray(v) && (v as Record<string, unknown>).uid === id) return v as Record<string, unknown>
    for (const child of Object.values(v)) {
      const hit = find(child)
      if (hit) return hit
    }
    return undefined
  }
  return find(componentOf(target).data)
}

/**
 * Types into a text field: fires the native `input` event with `detail.value`, as WeChat does
 * (NutUI's Input renders a native `input`; give the Input the id), then waits until the page has
 * re-rendered the field with `shows` (default: the typed value; pass what a formatting field
 * displays). A tap right after typing thus sees the new state, as a person's would.
 */
export async function typeInto(target: Target, id: string, value: string, opts: { shows?: string; timeout?: number } = {}): Promise<void> {
  const el = await waitForId(target, id)
  el.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
  const shows = opts.shows ?? value
  await waitFor(
    () => Object.values(renderedNode(target, id) ?? {}).includes(shows),
    () => `#${id} to show "${shows}" (rendered: ${JSON.stringify(renderedNode(target, id))})`,
    opts.timeout ?? 5000
  )
}

/** Lets dispatched events (j-component dispatches them on a microtask) and React updates run. */
export async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0))
}
