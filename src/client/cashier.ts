import Taro from '@tarojs/taro'
import { h5Extras } from './transport'

/**
 * Opening the cashier is transport-level: WeChat's own payment sheet in the mini-program, the
 * local sandbox's sheet in the H5 build. Services call this; pages never do.
 */
export interface WechatPayParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export type CashierOutcome = 'paid' | 'cancelled' | 'failed'

export async function openWechatCashier(params: WechatPayParams): Promise<CashierOutcome> {
  try {
    await Taro.requestPayment({ ...params })
    return 'paid'
  } catch (e) {
    const msg = String((e as { errMsg?: unknown }).errMsg ?? '')
    return msg.includes('cancel') ? 'cancelled' : 'failed'
  }
}

export async function confirmSandboxPayment(prepayId: string): Promise<{ ok: boolean; reason?: string }> {
  const h5 = h5Extras()
  return h5 ? h5.sandboxConfirm(prepayId) : { ok: false, reason: '沙箱支付仅用于本地演示' }
}
