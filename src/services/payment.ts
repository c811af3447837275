import Taro from '@tarojs/taro'
import type { InputOf } from '@contracts/registry'
import { actingCommunity, api } from '../client'
import { confirmSandboxPayment, openWechatCashier } from '../client/cashier'
import { pageLink } from '../utils/link'

export { newRequestId } from './request-id'

export const RESULT_PATH = '/packages/fee/pages/result/index'
export const CASHIER_PATH = '/packages/fee/pages/cashier/index'

/**
 * Creates the payment (the server prices it) and opens the cashier: WeChat's in the mini-program,
 * the sandbox sheet in the local H5 build. Either way the result page confirms with the server.
 */
export async function checkout(input: InputOf<'pay.create'>) {
  const res = await api.pay.create(input)
  if (!res.ok) return res
  const { payment, launch } = res.data
  // The pages that follow carry the community the payment was made in, so a reload finds it.
  const communityId = actingCommunity()
  const result = pageLink(RESULT_PATH, { paymentId: payment.id, communityId })
  if (launch?.kind === 'wechat') {
    const outcome = await openWechatCashier(launch.params)
    if (outcome !== 'cancelled') void Taro.redirectTo({ url: result })
    return { ok: true as const, data: { payment, outcome } }
  }
  if (launch?.kind === 'sandbox') {
    void Taro.navigateTo({ url: pageLink(CASHIER_PATH, { paymentId: payment.id, prepayId: launch.prepayId, total: payment.totalFen, communityId }) })
    return { ok: true as const, data: { payment, outcome: 'opened' as const } }
  }
  void Taro.redirectTo({ url: result })
  return { ok: true as const, data: { payment, outcome: 'opened' as const } }
}

export const confirmSandbox = confirmSandboxPayment
