import { handlePayNotification } from '../domain/payment/notify'
import { handleTransferNotification } from '../domain/selling/transfer-notify'
import { type HttpMain, type HttpRoute, type HttpRoutes, createHttpMain } from '../kernel/http-main'
import type { Runtime } from '../kernel/main'
import { payModule } from './module'

/**
 * WeChat Pay notifications are far smaller (about 1 KB); anything bigger is refused before its
 * signature is even computed.
 */
export const MAX_NOTIFY_BODY_BYTES = 64 * 1024

const FAIL = (status: number, message: string) => ({ status, json: { code: 'FAIL', message } })

/**
 * `/pay/notify` (CloudBase's HTTP access service, declared at deploy). Only WeChat Pay can send a
 * notification that passes the signature check, so anyone else gets a 401 and nothing changes.
 * Signatures cover the exact bytes WeChat Pay sent: the kernel hands over the decoded body as
 * received, never re-serialised. An unexpected error answers 500 in WeChat Pay's error shape, and
 * WeChat Pay retries later.
 */
const notify: HttpRoute = async (req, { ports }) => {
  if (Buffer.byteLength(req.body, 'utf8') > MAX_NOTIFY_BODY_BYTES) return FAIL(413, 'body too large')
  try {
    const out = await handlePayNotification(ports, req.headers, req.body)
    return { status: out.status, text: out.body }
  } catch (e) {
    ports.log.error('pay notification failed', { error: e instanceof Error ? e.stack : String(e) })
    return FAIL(500, 'internal error, retry later')
  }
}

/**
 * `/pay/transfer-notify`: WeChat Pay's 商家转账 notifications (MCHTRANSFER.BILL.FINISHED), the
 * transfer notify_url beside the payment one, with the same checks and answers.
 */
const transferNotify: HttpRoute = async (req, { ports }) => {
  if (Buffer.byteLength(req.body, 'utf8') > MAX_NOTIFY_BODY_BYTES) return FAIL(413, 'body too large')
  try {
    const out = await handleTransferNotification(ports, req.headers, req.body)
    return { status: out.status, text: out.body }
  } catch (e) {
    ports.log.error('transfer notification failed', { error: e instanceof Error ? e.stack : String(e) })
    return FAIL(500, 'internal error, retry later')
  }
}

export const payHttpRoutes: HttpRoutes = { notify, 'transfer-notify': transferNotify }

/**
 * The `pay` function's entry: mini-program calls take the ordinary request path, WeChat Pay's
 * HTTP notifications the route above (the kernel's HTTP entry decides which).
 */
export function createPayMain(runtime: Runtime): HttpMain {
  return createHttpMain(payModule, runtime, payHttpRoutes)
}
