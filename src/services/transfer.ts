/**
 * 确认收款 for a merchant transfer (佣金, 奖励): WeChat's own page in the mini-program, the local
 * sandbox's sheet in H5. Pages reach the platform glue through here, as payments go through
 * services/payment.
 */
export { type MerchantTransferParams, type ReceiptOutcome, confirmSandboxTransfer, openMerchantTransfer } from '../client/merchant-transfer'
