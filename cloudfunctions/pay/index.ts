import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { handleNotifyHttp, isHttpEvent } from './http-entry'
import { payModule } from './module'

/**
 * CloudBase entry of `pay`: mini-program calls go through the usual request path; WeChat Pay's
 * notifications arrive over the HTTP access service. Merchant settings are checked at start.
 */
const runtime = cloudbaseRuntime('pay', { payment: true })
const rpc = createMain(payModule as never, runtime)

export async function main(event: unknown, context?: unknown) {
  if (isHttpEvent(event)) return handleNotifyHttp(event, runtime)
  return rpc(event, context)
}
