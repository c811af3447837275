import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createPayMain } from './http-entry'

/**
 * CloudBase entry of `pay`: mini-program calls go through the usual request path; WeChat Pay's
 * notifications arrive over the HTTP access service (`/pay/notify`). Merchant settings are
 * checked at start.
 */
export const main = createPayMain(cloudbaseRuntime('pay', { payment: true }))
