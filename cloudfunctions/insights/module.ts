import { insightsContracts } from '../contracts/insights'
import { dashboard, exportCsv } from '../domain/insights/dashboard'
import { runNightly } from '../domain/insights/nightly'
import { butlerSaveProfile, deleteProfile, exportProfile, myProfile, restoreAnalysis, reveal, saveProfile } from '../domain/insights/profile'
import { replicate } from '../domain/insights/replicate'
import { rules, saveRules, segment } from '../domain/insights/rules-actions'
import { churnCases, household, logFollowUp, myGrid, scoreboard, todayTasks } from '../domain/insights/workspace'
import { defineModule } from '../kernel/module'

/**
 * Budget of one timer run. The function's timeout is 60 s; the pass stops between pages after
 * this and the next trigger resumes it, so even a 10,000-household night fits.
 */
const RUN_BUDGET_MS = 45_000

/** Household profiles, segments, churn warnings, butler tasks, the operator dashboard, replication. */
export const insightsModule = defineModule({
  fn: 'insights',
  contracts: insightsContracts,
  handlers: {
    myProfile,
    saveProfile,
    exportProfile,
    deleteProfile,
    restoreAnalysis,
    myGrid,
    household,
    butlerSaveProfile,
    reveal,
    todayTasks,
    logFollowUp,
    scoreboard,
    churnCases,
    dashboard,
    exportCsv,
    rules,
    saveRules,
    segment,
    replicate
  },
  jobs: [
    {
      name: 'insights-nightly',
      cron: '0 */10 1-5 * * * *',
      summary: '凌晨每 10 分钟：增量汇总订单/预约/活动/评价，重算住户与日指标；每天一次打分、流失预警、收缴率与管家任务（可断点续跑）',
      run: (ports) => runNightly(ports, { budgetMs: RUN_BUDGET_MS })
    }
  ],
  memoryMB: 512,
  timeoutSec: 60
})
