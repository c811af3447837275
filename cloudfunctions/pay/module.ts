import { payContracts } from '../contracts/pay'
import { payCashContracts } from '../contracts/pay-cash'
import { cashDue, cashRefunds, confirmCashRefund, recordCash } from '../domain/payment/cash'
import { anomalies, create, createAsDriver, driverPayment, get, history, receipt, reconciliation, refund, resolveAnomaly, search } from '../domain/payment/actions'
import { closeExpiredPayments, reconcilePayments } from '../domain/payment/jobs'
import { defineModule } from '../kernel/module'

export const payModule = defineModule({
  fn: 'pay',
  contracts: { ...payContracts, ...payCashContracts },
  handlers: { create, createAsDriver, driverPayment, get, history, receipt, search, refund, reconciliation, anomalies, resolveAnomaly, cashDue, recordCash, cashRefunds, confirmCashRefund },
  jobs: [
    {
      name: 'close-expired-payments',
      cron: '0 */5 * * * * *',
      summary: '每 5 分钟：过期未付的支付查单后关单；补完中断的入账；查询结果未知的退款',
      run: (ports) => closeExpiredPayments(ports)
    },
    {
      name: 'reconcile-payments',
      cron: '0 30 2 * * * *',
      summary: '每天 02:30 按社区、按天（昨天与今天）分页核对支付、退款与账本，报告每一处不一致',
      run: (ports) => reconcilePayments(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 20,
  usesPayment: true
})
