import { accessContracts } from '../contracts/access'
import { gateLog, householdLog } from '../domain/access/access-log'
import { listGates, registerGate, setGateEnabled } from '../domain/access/gates'
import { purgeAccessRecords } from '../domain/access/purge'
import { residentPass } from '../domain/access/resident-pass'
import { rotateKey } from '../domain/access/rotate-key'
import { createVisitorPass, expireVisitorPasses, gridVisitors, listVisitorPasses, revokeVisitorPass } from '../domain/access/visitor-passes'
import { visitorPass } from '../domain/access/visitor-view'
import { defineModule } from '../kernel/module'

export const accessModule = defineModule({
  fn: 'access',
  contracts: accessContracts,
  handlers: {
    residentPass,
    createVisitorPass,
    listVisitorPasses,
    revokeVisitorPass,
    visitorPass,
    householdLog,
    listGates,
    registerGate,
    setGateEnabled,
    gateLog,
    rotateKey,
    gridVisitors
  },
  jobs: [
    {
      name: 'expire-visitor-passes',
      cron: '0 5 * * * * *',
      summary: '每小时将过了有效期的访客通行证标记为已过期',
      run: (ports) => expireVisitorPasses(ports)
    },
    {
      name: 'purge-access-records',
      cron: '0 20 4 * * * *',
      summary: '每天 04:20 清理过期的防重放记录，并删除超过 180 天的通行记录',
      run: (ports) => purgeAccessRecords(ports)
    }
  ],
  // Gates wait on this function with someone standing at the door: small and quick.
  memoryMB: 256,
  timeoutSec: 5
})
