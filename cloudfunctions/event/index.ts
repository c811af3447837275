import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { cloudbaseEventPorts } from '../adapters/cloudbase/wechat-event'
import { createMain } from '../kernel/main'
import { createEventModule } from './module'

/** CloudBase entry point: `main(event, context)`, with identity from the WeChat context only. */
export const main = createMain(createEventModule(cloudbaseEventPorts) as never, cloudbaseRuntime('event'))
