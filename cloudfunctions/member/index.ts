import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { memberModule } from './module'

/** CloudBase entry of `member`: points, levels, coupons, service cards and incentives. */
export const main = cloudbaseMain(memberModule)
