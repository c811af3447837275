import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { userModule } from './module'

/** CloudBase entry point: `main(event, context)`, with identity from the WeChat context only. */
export const main = createMain(userModule as never, cloudbaseRuntime('user'))
