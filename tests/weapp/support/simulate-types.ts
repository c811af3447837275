/**
 * The slice of miniprogram-simulate / j-component this suite uses. Their own typings pull in
 * miniprogram-api-typings' globals (`wx`, `Page`, `App`...), which would clash with Taro's, so the
 * modules are required untyped and described here.
 */

/** A rendered node wrapper (j-component `Component`). */
export interface SimComponent {
  readonly dom: HTMLElement | undefined
  readonly data: Record<string, unknown> | undefined
  /** Dispatched on a microtask, as WeChat does. `detail` becomes the event's detail. */
  dispatchEvent(eventName: string, options?: { detail?: unknown; touches?: unknown; changedTouches?: unknown }): void
  querySelector(selector: string): SimComponent | undefined
  querySelectorAll(selector: string): SimComponent[]
  setData(data: Record<string, unknown>, callback?: () => void): void
  triggerLifeTime(lifetime: string): void
}

/** What a compiled Taro page exposes once `Page(config)` became a component. */
export interface PageInstance {
  route?: string
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, callback?: () => void): void
  onLoad?: (query: Record<string, string>) => void
  onShow?: () => void
  onReady?: () => void
  onHide?: () => void
  onUnload?: () => void
  [key: string]: unknown
}

export interface SimRootComponent extends SimComponent {
  readonly instance: PageInstance
  attach(parent: Node): void
  detach(): void
}

export interface SimulateLoadOptions {
  compiler?: 'official' | 'simulate'
  rootPath?: string
}

export interface SimulateModule {
  load(componentPath: string, options?: SimulateLoadOptions): string
  render(id: string, properties?: Record<string, unknown>): SimRootComponent
}

/** What Taro hands to `Page()`: lifecycle functions, `eh` (its event handler), initial `data`. */
export interface PageConfig {
  data?: Record<string, unknown>
  [key: string]: unknown
}
