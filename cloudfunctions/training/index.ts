import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { trainingModule } from './module'

/** CloudBase entry point: `main(event, context)`; butler training (管家培训). */
export const main = cloudbaseMain(trainingModule)
