import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createPayMain } from './http-entry'
import { payModule } from './module'

/**
 * CloudBase entry of `pay`: mini-program calls go through the usual request path; WeChat Pay's
 * notifications arrive over the HTTP access service (`/pay/notify`). The module declares
 * `usesPayment`, so merchant settings are checked at start.
 */
export const main = createPayMain(cloudbaseRuntime(payModule))
