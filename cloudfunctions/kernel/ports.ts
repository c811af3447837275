import type { PaymentGateway } from './payment-gateway'
import type { Store } from './store'
import type { TransferGateway } from './transfer-gateway'

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
  /**
   * The message's own id, for messages a retried step may send again (a payment reported twice):
   * the second is dropped, push included.
   */
  key?: string
  /** Also push a subscribe message when the user granted one for this template. */
  push?: PushMessage
}

export interface PushMessage {
  /** Our template key (`arrears`, ...); the adapter maps it to the WeChat template id. */
  template: string
  page: string
  data: Record<string, string>
}

export type PushResult = { ok: true } | { ok: false; errcode: number; errmsg: string }

/**
 * WeChat subscribe messages. One-time templates: each grant the user gives on a tap allows one
 * message; 43101 means the user did not subscribe, which is recorded, never shown as an error.
 */
export interface SubscribeSender {
  templateId(template: string): string | null
  send(openid: string, templateId: string, page: string, data: Record<string, string>): Promise<PushResult>
}

/** Which SMS template: arrears reminders and important notices are the only texts sent. */
export type SmsTemplate = 'arrears' | 'notice'

export type SmsResult = { ok: true; id: string } | { ok: false; code: string; message: string }

/**
 * Text messages to households no one in the mini-program can be told about: Tencent Cloud SMS
 * on CloudBase, a log locally. `params` fill the template in order; the last is the link.
 */
export interface SmsSender {
  send(phone: string, template: SmsTemplate, params: string[]): Promise<SmsResult>
}

/** A link outside WeChat (an SMS) that opens a mini-program page: a URL Link (urllink.generate) on CloudBase. */
export interface LinkMaker {
  urlLink(page: string, query: string): Promise<string | null>
}

/**
 * Replies to a resident who wrote through the mini-program's contact button (微信客服):
 * customerServiceMessage.send on CloudBase, allowed within 48 hours of their last message.
 * Locally nothing leaves; the reply is stored and shown like any other.
 */
export interface CustomerServiceSender {
  sendText(openid: string, text: string): Promise<PushResult>
}

/** Notifications go out through this port; the in-app inbox and subscribe messages are adapters. */
export interface Notifier {
  notify(msg: InboxMessage): Promise<void>
}

/**
 * What a web console signs in with once its scan is confirmed: a CloudBase custom-login ticket
 * for the session's id in the cloud, a dev session token locally.
 */
export interface SessionTickets {
  issue(sessionId: string, expiresAt: number): Promise<string>
}

export interface Ports {
  store: Store
  clock: Clock
  random: Random
  log: Logger
  notifier: Notifier
  /** A server-side secret used to hash household codes, so a leaked table does not leak codes. */
  codePepper: string
  /**
   * The one-time setup code (初始化码) that makes its holder the property company's first
   * administrator; null where none is configured, and useless once used.
   */
  setupCode: string | null
  /** WeChat Pay in CloudBase, the sandbox locally; only the payment module uses it. */
  payment: PaymentGateway
  /** WeChat Pay 商家转账 in CloudBase, its sandbox locally; like `payment`, only where the module takes payments. */
  transfer: TransferGateway
  push: SubscribeSender
  tickets: SessionTickets
  sms: SmsSender
  links: LinkMaker
  kf: CustomerServiceSender
}
