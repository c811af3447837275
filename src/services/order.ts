import { scanText } from './scan'
import { api } from '../client'
import { checkout } from './payment'
import { newRequestId } from './request-id'
import { visitGroup } from './share-group'

/** Pays an order through the payment module: WeChat's cashier, or the sandbox sheet locally. */
export function payOrder(orderId: string) {
  return checkout({ payables: [{ type: 'order', id: orderId }], clientRequestId: newRequestId() })
}

/** Opening a butler's card or a poster's code records where the resident came from, and from which group. */
export async function recordVisit(token: string) {
  return api.order.recordVisit({ token, ...(await visitGroup()) })
}

/**
 * Reads an order code: the camera in WeChat (the order page shows the code as text and the
 * scanner reads a QR or barcode of it), null where there is no scanner (H5: type it).
 */
export const scanOrderCode = (): Promise<string | null> => scanText(['qrCode', 'barCode'])
