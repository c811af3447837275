import type { JobSpec } from '../../kernel/module'
import { catchUpCommission } from './commission-listener'
import { buildLastMonth } from './statements'

export const commissionJobs: readonly JobSpec[] = [
  {
    name: 'commission-statements',
    // Hourly through the morning of the 1st: a build cut off by the function's time limit is finished by the next run.
    cron: '0 0 2-7 1 * * *',
    summary: '每月 1 日 02:00–07:00 每小时：生成上月管家佣金结算单（含退款尾差与上月结转；已生成的不再变动）',
    run: (ports) => buildLastMonth(ports)
  },
  {
    name: 'commission-catch-up',
    cron: '0 40 * * * * *',
    summary: '每小时：回放近 48 小时的支付与退款，补记漏掉的佣金与冲减（幂等）',
    run: (ports) => catchUpCommission(ports)
  }
]
