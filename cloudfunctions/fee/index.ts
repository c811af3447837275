import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { feeModule } from './module'

/** CloudBase entry of `fee`: bills, billing and reminders. Payments go through `pay`. */
export const main = createMain(feeModule as never, cloudbaseRuntime('fee'))
