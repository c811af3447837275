import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { sellingModule } from './module'

/** CloudBase entry point: `main(event, context)`; butler selling (销售赋能). */
export const main = cloudbaseMain(sellingModule)
