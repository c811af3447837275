import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { createMain } from '../kernel/main'
import { insightsModule } from './module'

/** CloudBase entry of `insights`: butler workspace, household profiles, churn warnings, dashboard. */
export const main = createMain(insightsModule as never, cloudbaseRuntime('insights'))
