import { parcelContracts } from '../contracts/parcel'
import { requestDelivery } from '../domain/parcel/delivery'
import { deliveries, householdCounts, list, mine } from '../domain/parcel/lists'
import { deliver, pickup } from '../domain/parcel/pickup'
import { register } from '../domain/parcel/register'
import { remindParcels } from '../domain/parcel/reminders'
import { defineModule } from '../kernel/module'

export const parcelModule = defineModule({
  fn: 'parcel',
  contracts: parcelContracts,
  handlers: { register, list, pickup, mine, requestDelivery, deliveries, deliver, householdCounts },
  jobs: [
    {
      name: 'parcel-reminders',
      // Hourly through the day: a parcel crossing three days is reminded within the hour, and a run
      // cut short is finished by the next one (each parcel is reminded once a day whatever the runs).
      cron: '0 0 9-20 * * * *',
      summary: '每天 9-20 点每小时提醒在架超过 3 天的快递（每件每天最多一次，断点续发）',
      run: (ports) => remindParcels(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 10
})
