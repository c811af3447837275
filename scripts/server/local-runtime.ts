import { inboxNotifier } from '../../cloudfunctions/adapters/inbox-notifier'
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

/** Every function's `main`, wired to the same ports: the local equivalent of deployed functions. */
export function localMains(ports: Ports, opts: { acceptsTimerEvents?: boolean } = {}): Record<string, Main> {
  const runtime = localRuntime(ports, opts)
  return Object.fromEntries(modules.map((m) => [m.fn, createMain(m, runtime)]))
}
