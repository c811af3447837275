import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createHttpMain } from '../kernel/http-main'
import { accessHttpRoutes } from './http'
import { accessModule } from './module'

/**
 * CloudBase entry point. Mini-program calls (identity from the WeChat context) take the ordinary
 * request path; gate devices reach `/gate/verify` and `/gate/keys` through the HTTP access
 * service and authenticate with their device secret.
 */
export const main = createHttpMain(accessModule, cloudbaseRuntime(accessModule), accessHttpRoutes)
