import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { cloudbaseEventPorts } from '../adapters/cloudbase/wechat-event'
import { createEventModule } from './module'

/** CloudBase entry point: `main(event, context)`, with identity from the WeChat context only. */
export const main = cloudbaseMain(createEventModule(cloudbaseEventPorts))
