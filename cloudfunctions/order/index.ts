import { cloudbaseRuntime } from '../adapters/cloudbase/runtime'
import { cloudbaseOrderPorts } from '../adapters/cloudbase/wechat-order'
import { createMain } from '../kernel/main'
import { createOrderModule } from './module'

/**
 * CloudBase entry of `order`: pre-sales and group buys. It refunds (failed groups, cancellations,
 * after-sales), so the WeChat Pay merchant settings are checked at start.
 */
export const main = createMain(createOrderModule(cloudbaseOrderPorts) as never, cloudbaseRuntime('order', { payment: true }))
