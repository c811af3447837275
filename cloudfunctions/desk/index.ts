import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { cloudbaseCustomerService } from '../adapters/cloudbase/customer-service'
import { deskModule } from './module'

/**
 * CloudBase entry of `desk`. 消息推送 (customer-service messages) is configured to this function:
 * the kernel hands those pushes to the module's `wechatMessages`, and 客服 replies go out through
 * customerServiceMessage.send, which only this bundle carries.
 */
export const main = cloudbaseMain(deskModule, { kf: cloudbaseCustomerService() })
