import { sellingCommissionContracts } from './selling-commission'
import { sellingHonorContracts } from './selling-honor'
import { sellingKitContracts } from './selling-kit'
import { sellingPayoutContracts } from './selling-payout'
import { sellingRewardContracts } from './selling-rewards'
import { sellingTargetContracts } from './selling-targets'

/**
 * Butler selling (销售赋能): the selling kit per campaign and event, daily selling targets,
 * commission with monthly statements and their payout, and the public honour roll (光荣榜).
 * Each part declares its actions in its own file.
 */
export const sellingContracts = {
  ...sellingKitContracts,
  ...sellingTargetContracts,
  ...sellingCommissionContracts,
  ...sellingPayoutContracts,
  ...sellingHonorContracts,
  ...sellingRewardContracts
}
