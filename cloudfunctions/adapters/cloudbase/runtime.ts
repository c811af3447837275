import tcb from '@cloudbase/node-sdk'
import { type Main, type Runtime, createMain } from '../../kernel/main'
import type { FunctionModule } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { inboxNotifier } from '../inbox-notifier'
import { cryptoRandom, jsonLogger, systemClock } from '../system'
import { unavailableGateway } from '../unavailable-gateway'
import type * as Gateway from '../wechatpay/gateway'
import { readMerchantConfig } from '../wechatpay/env'
import { cloudbaseSubscribeSender } from './subscribe-sender'
import { type CbDb, CloudbaseStore } from './cloudbase-store'
import { cloudbaseEnv } from './env'
import { wechatIdentity } from './identity'
import { withBundledSecrets } from './secrets'

let ports: Ports | null = null

/** What the runtime needs to know about the function it serves: read from its module, never restated. */
export type RuntimeModule = Pick<FunctionModule, 'fn' | 'usesPayment'>

/** Ports are built once per function instance: CloudBase reuses warm instances across calls. */
function buildPorts(m: RuntimeModule): Ports {
  if (ports) return ports
  const env = cloudbaseEnv()
  // Merchant settings are checked at start, and only where the module says payments are taken.
  const payment = m.usesPayment ? new (loadGateway().WechatPayGateway)(readMerchantConfig(withBundledSecrets(process.env)), systemClock) : unavailableGateway(m.fn)
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const store = new CloudbaseStore(app.database() as unknown as CbDb)
  const push = cloudbaseSubscribeSender()
  ports = {
    store,
    clock: systemClock,
    random: cryptoRandom,
    log: jsonLogger({ fn: m.fn }),
    notifier: inboxNotifier(store, systemClock, cryptoRandom, push),
    codePepper: env.LINLI_CODE_PEPPER,
    payment,
    push
  }
  return ports
}

/** Loaded only by functions that take payments, so the others never load the WeChat Pay client. */
function loadGateway(): typeof Gateway {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../wechatpay/gateway') as typeof Gateway
}

/**
 * The runtime of a deployed function, from its module declaration: a module that declares
 * `usesPayment` gets the WeChat Pay gateway (and its settings are required at start), any other
 * the gateway that refuses. The two can therefore never disagree, as booking's once did.
 */
export function cloudbaseRuntime(m: RuntimeModule): Runtime {
  return {
    ports: () => buildPorts(m),
    identity: wechatIdentity,
    // Mini-program callers always carry WX_OPENID, so an event without one comes from the
    // platform (a timer trigger) or from admin credentials.
    acceptsTimerEvents: true,
    requestId: (context) => {
      const id = (context as { request_id?: unknown } | undefined)?.request_id
      return typeof id === 'string' && id ? id : cryptoRandom.id(8)
    }
  }
}

/** `main` of a deployed function: its module, its runtime from the module, nothing else to get wrong. */
export function cloudbaseMain(m: FunctionModule): Main {
  return createMain(m, cloudbaseRuntime(m))
}
