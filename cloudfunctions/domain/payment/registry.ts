import { billPayable } from '../fee/bill-payable'
import { orderPayable } from '../order/order-payable'
import { bookingPayable } from '../booking/booking-payable'
import { parkingCardPayable, parkingPayable } from '../parking/payables'
import type { PayableRegistry } from './payables'
import { memberPaymentListener } from '../member/payment-listener'
import { commissionPaymentListener } from '../selling/commission-listener'
import type { PaymentListener } from './listeners'
import { paymentMessages } from './messages'

/** Every payable kind; a feature that sells something adds its kind here. */
export const PAYABLES: PayableRegistry = {
  bill: billPayable,
  order: orderPayable,
  booking: bookingPayable,
  parking: parkingPayable,
  parkingCard: parkingCardPayable
}

/** Features told about settled payments and succeeded refunds (see listeners.ts). */
export const PAYMENT_LISTENERS: readonly PaymentListener[] = [memberPaymentListener, paymentMessages, commissionPaymentListener]
