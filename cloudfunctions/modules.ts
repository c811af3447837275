import type { FunctionModule } from './kernel/module'
import { userModule } from './user/module'
import { accessModule } from './access/module'
import { feeModule } from './fee/module'
import { payModule } from './pay/module'
import { eventModule } from './event/module'
import { orderModule } from './order/module'
import { memberModule } from './member/module'
import { bookingModule } from './booking/module'
import { insightsModule } from './insights/module'
import { officeModule } from './office/module'
import { messageModule } from './message/module'
import { parcelModule } from './parcel/module'
import { deskModule } from './desk/module'
import { parkingModule } from './parking/module'
import { sellingModule } from './selling/module'
import { trainingModule } from './training/module'

/** Every deployable function. The local server, the job runner and the bundler all read this. */
export const modules: readonly FunctionModule[] = [
  userModule,
  accessModule,
  feeModule,
  payModule,
  eventModule,
  orderModule,
  memberModule,
  bookingModule,
  insightsModule,
  officeModule,
  messageModule,
  parcelModule,
  deskModule,
  parkingModule,
  trainingModule,
  sellingModule
]

export function moduleByName(fn: string): FunctionModule | undefined {
  return modules.find((m) => m.fn === fn)
}
