import { randomBytes } from 'node:crypto'
import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
import { signConsoleSession } from './dev-session'
import { unavailableGateway, unavailableTransfer } from '../../cloudfunctions/adapters/unavailable-gateway'
import { unavailableTickets } from '../../cloudfunctions/adapters/unavailable-tickets'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import { cryptoRandom, jsonLogger, systemClock } from '../../cloudfunctions/adapters/system'
import type { Identity } from '../../cloudfunctions/kernel/identity'
import { type Main, type Runtime, createMain } from '../../cloudfunctions/kernel/main'
import type { Clock, Logger, Ports, Random, SessionTickets } from '../../cloudfunctions/kernel/ports'
import type { Store } from '../../cloudfunctions/kernel/store'
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import { PaySandbox } from './pay-sandbox'
import { TransferSandbox } from './transfer-sandbox'
import { handleTransferNotification } from '../../cloudfunctions/domain/selling/transfer-notify'
import { localPush } from './push-local'
import { localCustomerService, localLinks, localSms } from './sms-local'
import { modules } from '../../cloudfunctions/modules'

/**
 * What the local server hands a function as its invocation context. The HTTP layer fills
 * `identity` from a verified dev session; the request body can never reach it.
 */
export interface LocalContext {
  request_id: string
  identity: Identity | null
}

export function localIdentity(_event: unknown, context: unknown): Identity | null {
  return (context as LocalContext | undefined)?.identity ?? null
}

export interface LocalPortsOptions {
  store: Store
  codePepper: string
  /** The setup code (初始化码) for the first company administrator; none when absent. */
  setupCode?: string
  /** Signs the console's sign-in tickets as dev sessions the local server accepts (random when no server verifies them). */
  devSessionSecret?: string
  clock?: Clock
  random?: Random
  log?: Logger
}

export interface LocalPorts extends Ports {
  /** The local stand-in for WeChat Pay (also `payment`). */
  sandbox: PaySandbox
  /** The local stand-in for WeChat Pay 商家转账 (also `transfer`). */
  transferSandbox: TransferSandbox
}

export function localPorts(o: LocalPortsOptions): LocalPorts {
  const clock = o.clock ?? systemClock
  const random = o.random ?? cryptoRandom
  const log = o.log ?? jsonLogger({ runtime: 'local' })
  const push = localPush(log)
  const sandbox = new PaySandbox(clock, random)
  const transferSandbox = new TransferSandbox(clock, random)
  const ports: LocalPorts = {
    store: o.store,
    clock,
    random,
    log,
    notifier: inboxNotifier(o.store, clock, random, push),
    codePepper: o.codePepper,
    setupCode: o.setupCode ?? null,
    payment: sandbox,
    transfer: transferSandbox,
    push,
    tickets: devTickets(o.devSessionSecret ?? randomBytes(32).toString('base64url'), clock),
    sms: localSms(log),
    links: localLinks(),
    kf: localCustomerService(log),
    sandbox,
    transferSandbox
  }
  // The sandbox's notifications reach the same handler as WeChat Pay's notify_url.
  sandbox.connect((headers, body) => handlePayNotification(ports, headers, body))
  transferSandbox.connect((headers, body) => handleTransferNotification(ports, headers, body))
  return ports
}

/** Locally a console's ticket is the dev session token it then sends as its bearer token. */
function devTickets(secret: string, clock: Clock): SessionTickets {
  return { issue: (sessionId, expiresAt) => Promise.resolve(signConsoleSession(secret, sessionId, expiresAt, clock.now())) }
}

export function localRuntime(ports: Ports, opts: { acceptsTimerEvents?: boolean } = {}): Runtime {
  return {
    ports: () => ports,
    identity: localIdentity,
    acceptsTimerEvents: opts.acceptsTimerEvents ?? false,
    requestId: (context) => (context as LocalContext | undefined)?.request_id ?? ports.random.id(8)
  }
}

/**
 * The ports one function gets, as deployed: the payment and transfer gateways only when its module declares
 * `usesPayment` (CloudBase builds it from the same declaration), so a function that refunds
 * without declaring it fails here too, not only in the cloud.
 */
export function modulePorts(ports: Ports, m: Pick<FunctionModule, 'fn' | 'usesPayment' | 'signsInConsoles'>): Ports {
  if (m.usesPayment && m.signsInConsoles) return ports
  const refuse = unavailableGateway(m.fn)
  const noTransfer = unavailableTransfer(m.fn)
  const noTickets = unavailableTickets(m.fn)
  // A view, not a copy: tests swap ports' parts (a counting store, a fake sender) after start.
  return new Proxy(ports, {
    get: (target, key, receiver) => {
      if (key === 'payment' && !m.usesPayment) return refuse
      if (key === 'transfer' && !m.usesPayment) return noTransfer
      if (key === 'tickets' && !m.signsInConsoles) return noTickets
      return Reflect.get(target, key, receiver)
    }
  })
}

/** Every function's `main` on the same store: the local equivalent of deployed functions. */
export function localMains(ports: Ports, opts: { acceptsTimerEvents?: boolean } = {}): Record<string, Main> {
  return Object.fromEntries(modules.map((m) => [m.fn, createMain(m, localRuntime(modulePorts(ports, m), opts))]))
}
