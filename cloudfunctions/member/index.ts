import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { memberModule } from './module'

/** CloudBase entry of `member`: points, levels, coupons, service cards and incentives. */
export const main = createMain(memberModule as never, cloudbaseRuntime('member'))
