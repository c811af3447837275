import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
import { unavailableGateway } from '../../cloudfunctions/adapters/unavailable-gateway'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import { cryptoRandom, jsonLogger, systemClock } from '../../cloudfunctions/adapters/system'
import type { Identity } from '../../cloudfunctions/kernel/identity'
import { type Main, type Runtime, createMain } from '../../cloudfunctions/kernel/main'
import type { Clock, Logger, Ports, Random } from '../../cloudfunctions/kernel/ports'
import type { Store } from '../../cloudfunctions/kernel/store'
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import { PaySandbox } from './pay-sandbox'
import { localPush } from './push-local'
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
  clock?: Clock
  random?: Random
  log?: Logger
}

export interface LocalPorts extends Ports {
  /** The local stand-in for WeChat Pay (also `payment`). */
  sandbox: PaySandbox
}

export function localPorts(o: LocalPortsOptions): LocalPorts {
  const clock = o.clock ?? systemClock
  const random = o.random ?? cryptoRandom
  const log = o.log ?? jsonLogger({ runtime: 'local' })
  const push = localPush(log)
  const sandbox = new PaySandbox(clock, random)
  const ports: LocalPorts = {
    store: o.store,
    clock,
    random,
    log,
    notifier: inboxNotifier(o.store, clock, random, push),
    codePepper: o.codePepper,
    payment: sandbox,
    push,
    sandbox
  }
  // The sandbox's notifications reach the same handler as WeChat Pay's notify_url.
  sandbox.connect((headers, body) => handlePayNotification(ports, headers, body))
  return ports
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
 * The ports one function gets, as deployed: the payment gateway only when its module declares
 * `usesPayment` (CloudBase builds it from the same declaration), so a function that refunds
 * without declaring it fails here too, not only in the cloud.
 */
export function modulePorts(ports: Ports, m: Pick<FunctionModule, 'fn' | 'usesPayment'>): Ports {
  if (m.usesPayment) return ports
  const refuse = unavailableGateway(m.fn)
  // A view, not a copy: tests swap ports' parts (a counting store, a fake sender) after start.
  return new Proxy(ports, { get: (target, key, receiver) => (key === 'payment' ? refuse : Reflect.get(target, key, receiver)) })
}

/** Every function's `main` on the same store: the local equivalent of deployed functions. */
export function localMains(ports: Ports, opts: { acceptsTimerEvents?: boolean } = {}): Record<string, Main> {
  return Object.fromEntries(modules.map((m) => [m.fn, createMain(m, localRuntime(modulePorts(ports, m), opts))]))
}
