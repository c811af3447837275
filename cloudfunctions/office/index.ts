import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { officeModule } from './module'

/** CloudBase entry point: `main(event, context)`; issues the web console's custom-login tickets. */
export const main = cloudbaseMain(officeModule)
