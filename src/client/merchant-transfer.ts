import Taro from '@tarojs/taro'
import { h5Extras } from './transport'

/** What `selling.confirmInfo` returns: WeChat's 确认收款 page needs these three. */
export interface MerchantTransferParams {
  mchId: string
  appId: string
  package: string
}

export type ReceiptOutcome = 'confirmed' | 'cancelled' | 'failed'

interface MerchantTransferOption extends MerchantTransferParams {
  success: () => void
  fail: (e: { errMsg?: string }) => void
}

/**
 * wx.requestMerchantTransfer (商家转账 upgraded version, base library 3.3.0+) is newer than Taro's
 * typings; Taro binds every wx API it finds, uncallbacked, so it is declared here as it is.
 */
declare module '@tarojs/taro' {
  interface TaroStatic {
    requestMerchantTransfer?: (option: MerchantTransferOption) => void
  }
}

/**
 * WeChat's own 确认收款 page, opened on the butler's tap (WeChat requires a tap). Confirming only
 * starts the transfer: the page then asks the server, which asks WeChat Pay.
 */
export function openMerchantTransfer(params: MerchantTransferParams): Promise<ReceiptOutcome> {
  const request = Taro.requestMerchantTransfer
  if (!request) return Promise.resolve('failed')
  return new Promise((resolve) => {
    request({
      ...params,
      success: () => resolve('confirmed'),
      fail: (e) => resolve(String(e.errMsg ?? '').includes('cancel') ? 'cancelled' : 'failed')
    })
  })
}

/** The local sandbox's 确认收款 sheet button (H5 only; in WeChat this is wx.requestMerchantTransfer). */
export async function confirmSandboxTransfer(pkg: string): Promise<{ ok: boolean; reason?: string }> {
  const h5 = h5Extras()
  return h5 ? h5.sandboxConfirmTransfer(pkg) : { ok: false, reason: '沙箱转账仅用于本地演示' }
}
