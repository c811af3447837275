import tcb from '@cloudbase/node-sdk'
import type { Identity } from '../../kernel/identity'
import type { Runtime } from '../../kernel/main'
import type { Ports } from '../../kernel/ports'
import { inboxNotifier } from '../inbox-notifier'
import { cryptoRandom, jsonLogger, systemClock } from '../system'
import { unavailableGateway } from '../unavailable-gateway'
import type * as Gateway from '../wechatpay/gateway'
import { readMerchantConfig } from '../wechatpay/env'
import { cloudbaseSubscribeSender } from './subscribe-sender'
import { type CbDb, CloudbaseStore } from './cloudbase-store'
import { cloudbaseEnv } from './env'

let ports: Ports | null = null

/** Ports are built once per function instance: CloudBase reuses warm instances across calls. */
function buildPorts(fn: string, opts: RuntimeOptions): Ports {
  if (ports) return ports
  const env = cloudbaseEnv()
  // Merchant settings are checked at start, and only where payments are taken.
  const payment = opts.payment ? new (loadGateway().WechatPayGateway)(readMerchantConfig(), systemClock) : unavailableGateway(fn)
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const store = new CloudbaseStore(app.database() as unknown as CbDb)
  const push = cloudbaseSubscribeSender()
  ports = {
    store,
    clock: systemClock,
    random: cryptoRandom,
    log: jsonLogger({ fn }),
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

export interface RuntimeOptions {
  /** The function takes or refunds payments: WeChat Pay settings are required at start. */
  payment?: boolean
}

/** The caller is whoever WeChat says: WX_OPENID from the invocation context, nothing else. */
export function wechatIdentity(_event: unknown, context: unknown): Identity | null {
  let ctx: ReturnType<typeof tcb.getCloudbaseContext>
  try {
    ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0])
  } catch {
    // A context the SDK cannot read carries no WeChat identity: refuse, never guess.
    return null
  }
  const openid = ctx.WX_OPENID
  if (!openid) return null
  return {
    openid,
    source: 'wechat',
    ...(ctx.WX_APPID ? { appid: ctx.WX_APPID } : {}),
    ...(ctx.WX_UNIONID ? { unionid: ctx.WX_UNIONID } : {})
  }
}

export function cloudbaseRuntime(fn: string, opts: RuntimeOptions = {}): Runtime {
  return {
    ports: () => buildPorts(fn, opts),
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
