import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { bookingModule } from './module'

/**
 * CloudBase entry of `booking`: home services, repairs and complaints. It refunds cancelled paid
 * bookings, so its module declares `usesPayment` and the runtime takes the gateway from there.
 */
export const main = cloudbaseMain(bookingModule)
