import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { insightsModule } from './module'

/** CloudBase entry of `insights`: butler workspace, household profiles, churn warnings, dashboard. */
export const main = cloudbaseMain(insightsModule)
