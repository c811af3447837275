import { sellingContracts } from '../contracts/selling'
import { kitHandlers, targetHandlers } from '../domain/selling/kit-handlers'
import { commissionHandlers } from '../domain/selling/commission-actions'
import { commissionJobs } from '../domain/selling/commission-jobs'
import { honorHandlers } from '../domain/selling/honor'
import { payoutHandlers, transferSyncJob } from '../domain/selling/payouts'
import { rewardTransferHandlers } from '../domain/selling/reward-transfers'
import { defineModule } from '../kernel/module'

export const sellingModule = defineModule({
  fn: 'selling',
  contracts: sellingContracts,
  handlers: { ...kitHandlers, ...targetHandlers, ...commissionHandlers, ...payoutHandlers, ...honorHandlers, ...rewardTransferHandlers },
  jobs: [...commissionJobs, transferSyncJob],
  memoryMB: 256,
  timeoutSec: 10,
  /** Pays approved commission statements through WeChat Pay 商家转账 (the transfer port). */
  usesPayment: true
})
