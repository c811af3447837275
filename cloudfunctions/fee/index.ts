import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { feeModule } from './module'

/** CloudBase entry of `fee`: bills, billing and reminders. Payments go through `pay`. */
export const main = cloudbaseMain(feeModule)
