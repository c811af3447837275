import { billPayable } from '../fee/bill-payable'
import { orderPayable } from '../order/order-payable'
import type { PayableRegistry } from './payables'

/** Every payable kind; a feature that sells something adds its kind here. */
export const PAYABLES: PayableRegistry = {
  bill: billPayable,
  order: orderPayable
}
