import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { cloudbaseOrderPorts } from '../adapters/cloudbase/wechat-order'
import { createOrderModule } from './module'

/**
 * CloudBase entry of `order`: pre-sales and group buys. It refunds (failed groups, cancellations,
 * after-sales): its module declares `usesPayment`, so the merchant settings are checked at start.
 */
export const main = cloudbaseMain(createOrderModule(cloudbaseOrderPorts))
