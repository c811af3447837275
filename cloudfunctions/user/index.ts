import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { userModule } from './module'

/** CloudBase entry point: `main(event, context)`, with identity from the WeChat context only. */
export const main = cloudbaseMain(userModule)
