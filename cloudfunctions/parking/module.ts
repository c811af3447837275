import { parkingContracts } from '../contracts/parking'
import { blacklist } from '../domain/parking/blacklist'
import { buyCard } from '../domain/parking/cards'
import { householdParking } from '../domain/parking/household'
import { occupancy, saveLot, saveSpace } from '../domain/parking/lots'
import { mine, registerPlate, removePlate } from '../domain/parking/plates'
import { spaces } from '../domain/parking/space-list'
import { driverSession, exceptions, manualOpen, sessionByPlate, sessions, setBlacklist } from '../domain/parking/staff'
import { defineModule } from '../kernel/module'

/**
 * Smart parking's actions for people. Barrier cameras do not call this function: they reach the
 * `access` function's HTTP route (`/gate/barrier`) with the gates' device authentication, and
 * sessions are paid through `pay.create` (payables `parking` and `parkingCard`), or by any driver
 * at the exit through `pay.createAsDriver`.
 */
export const parkingModule = defineModule({
  fn: 'parking',
  contracts: parkingContracts,
  handlers: { saveLot, occupancy, saveSpace, mine, registerPlate, removePlate, buyCard, setBlacklist, sessionByPlate, driverSession, sessions, exceptions, householdParking, manualOpen, blacklist, spaces },
  jobs: [],
  memoryMB: 256,
  timeoutSec: 5
})
