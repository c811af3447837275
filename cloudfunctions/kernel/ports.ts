import type { Store } from './store'

export interface Clock {
  now(): number
}

export interface Random {
  /** A url-safe random string; ids, tokens and nonces come from here so tests can fix them. */
  id(bytes?: number): string
  /** `length` characters drawn uniformly from `alphabet`. */
  code(length: number, alphabet: string): string
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

export interface InboxMessage {
  userId: string
  communityId: string
  kind: string
  title: string
  body: string
  link?: string
}

/** Notifications go out through this port; the in-app inbox and subscribe messages are adapters. */
export interface Notifier {
  notify(msg: InboxMessage): Promise<void>
}

export interface Ports {
  store: Store
  clock: Clock
  random: Random
  log: Logger
  notifier: Notifier
  /** A server-side secret used to hash household codes, so a leaked table does not leak codes. */
  codePepper: string
}
