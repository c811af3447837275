import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { parkingModule } from './module'

/** CloudBase entry point: `main(event, context)`; smart parking (智能停车). */
export const main = cloudbaseMain(parkingModule)
