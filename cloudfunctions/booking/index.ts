import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { bookingModule } from './module'

/** CloudBase entry of `booking`: home services, repairs and complaints. Payments go through `pay`. */
export const main = createMain(bookingModule as never, cloudbaseRuntime('booking'))
