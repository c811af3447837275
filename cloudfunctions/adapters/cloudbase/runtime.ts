import tcb from '@cloudbase/node-sdk'
import { type Main, type Runtime, createMain } from '../../kernel/main'
import type { FunctionModule } from '../../kernel/module'
import type { CustomerServiceSender, Ports } from '../../kernel/ports'
import { inboxNotifier } from '../inbox-notifier'
import { cryptoRandom, jsonLogger, systemClock } from '../system'
import { unavailableGateway, unavailableTransfer } from '../unavailable-gateway'
import { unavailableTickets } from '../unavailable-tickets'
import { cloudbaseTickets, readCustomLoginKey } from './tickets'
import type * as Gateway from '../wechatpay/gateway'
import type * as Transfer from '../wechatpay/transfer'
import { readMerchantConfig, readTransferConfig } from '../wechatpay/env'
import { cloudbaseSubscribeSender } from './subscribe-sender'
import { type CbDb, CloudbaseStore } from './cloudbase-store'
import { cloudbaseEnv, smsConfig } from './env'
import { noSms, tencentSms } from './tencent-sms'
import { cloudbaseLinks } from './url-links'
import { platformIdentity } from './identity'
import { withBundledSecrets } from './secrets'

let ports: Ports | null = null

/** What the runtime needs to know about the function it serves: read from its module, never restated. */
export type RuntimeModule = Pick<FunctionModule, 'fn' | 'usesPayment' | 'signsInConsoles'>

/** Ports are built once per function instance: CloudBase reuses warm instances across calls. */
/**
 * Ports only some bundles carry, handed in by their entry so the others never contain the code
 * (and their config.json never declares its cloud call): 客服 replies in `desk`.
 */
export interface RuntimeExtras {
  kf?: CustomerServiceSender
}

/** Where a function makes no 客服 replies: refuses, so a wiring mistake shows as a failed send. */
function noCustomerService(fn: string): CustomerServiceSender {
  return { sendText: async () => ({ ok: false, errcode: -1, errmsg: `customer service replies are not wired in ${fn}` }) }
}

function buildPorts(m: RuntimeModule, extras: RuntimeExtras): Ports {
  if (ports) return ports
  const env = cloudbaseEnv()
  // Merchant settings are checked at start, and only where the module says payments are taken.
  const settings = m.usesPayment || m.signsInConsoles ? withBundledSecrets(process.env) : process.env
  const payment = m.usesPayment ? new (loadGateway().WechatPayGateway)(readMerchantConfig(settings), systemClock) : unavailableGateway(m.fn)
  const transfer = m.usesPayment ? new (loadTransfer().WechatTransferGateway)(readTransferConfig(settings), systemClock) : unavailableTransfer(m.fn)
  const tickets = m.signsInConsoles ? cloudbaseTickets(readCustomLoginKey(settings)) : unavailableTickets(m.fn)
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
    setupCode: m.signsInConsoles ? (env.LINLI_SETUP_CODE ?? null) : null,
    payment,
    transfer,
    push,
    tickets,
    sms: (() => {
      const cfg = smsConfig(env)
      return cfg ? tencentSms(cfg) : noSms
    })(),
    links: cloudbaseLinks(),
    kf: extras.kf ?? noCustomerService(m.fn)
  }
  return ports
}

/** Loaded only by functions that take payments, so the others never load the WeChat Pay client. */
function loadGateway(): typeof Gateway {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../wechatpay/gateway') as typeof Gateway
}

/** 商家转账 rides on the same merchant settings, loaded likewise only where payments are taken. */
function loadTransfer(): typeof Transfer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../wechatpay/transfer') as typeof Transfer
}

/**
 * The runtime of a deployed function, from its module declaration: a module that declares
 * `usesPayment` gets the WeChat Pay gateway (and its settings are required at start), any other
 * the gateway that refuses; likewise `signsInConsoles` and the custom-login key. The two can therefore never disagree, as booking's once did.
 */
export function cloudbaseRuntime(m: RuntimeModule, extras: RuntimeExtras = {}): Runtime {
  return {
    ports: () => buildPorts(m, extras),
    identity: platformIdentity,
    // Every end user has an identity (WX_OPENID, or a web login's ids, which resolve to a console
    // or a visitor), so an event with none comes from the platform (a timer) or admin credentials.
    acceptsTimerEvents: true,
    requestId: (context) => {
      const id = (context as { request_id?: unknown } | undefined)?.request_id
      return typeof id === 'string' && id ? id : cryptoRandom.id(8)
    }
  }
}

/** `main` of a deployed function: its module, its runtime from the module, nothing else to get wrong. */
export function cloudbaseMain(m: FunctionModule, extras: RuntimeExtras = {}): Main {
  return createMain(m, cloudbaseRuntime(m, extras))
}
