import { feeContracts } from '../contracts/fee'
import { chargeOneOff, collection, myBills, subscribe } from '../domain/fee/actions'
import { arrears, logCall, remind } from '../domain/fee/arrears'
import { runBilling } from '../domain/fee/billing'
import { runArrearsReminders } from '../domain/fee/reminders'
import { items, runBilling as runBillingNow, saveItem, saveSettings } from '../domain/fee/setup'
import { defineModule } from '../kernel/module'

export const feeModule = defineModule({
  fn: 'fee',
  contracts: feeContracts,
  handlers: { myBills, subscribe, collection, arrears, items, saveItem, saveSettings, runBilling: runBillingNow, remind, logCall, chargeOneOff },
  jobs: [
    {
      name: 'billing',
      cron: '0 0 1 1 * * *',
      summary: '每月 1 日 01:00 生成当月物业费、车位费账单（重复运行不会重复生成）',
      run: (ports) => runBilling(ports)
    },
    {
      name: 'arrears-reminders',
      cron: '0 0 10 * * * *',
      summary: '每天 10:00 提醒逾期账单（每张账单每周至多一次）',
      run: (ports) => runArrearsReminders(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 60
})
