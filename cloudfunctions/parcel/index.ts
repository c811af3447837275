import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { parcelModule } from './module'

/** CloudBase entry point: `main(event, context)`; parcels (快递代收). */
export const main = cloudbaseMain(parcelModule)
