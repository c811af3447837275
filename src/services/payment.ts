import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@contracts/registry'
import { actingCommunity, api } from '../client'
import { confirmSandboxPayment, openWechatCashier } from '../client/cashier'
import { pageLink } from '../utils/link'

export { newRequestId } from './request-id'

export const RESULT_PATH = '/packages/fee/pages/result/index'
export const CASHIER_PATH = '/packages/fee/pages/cashier/index'

type Created = OutputOf<'pay.create'>

/**
 * Creates the payment (the server prices it) and opens the cashier: WeChat's in the mini-program,
 * the sandbox sheet in the local H5 build. Either way the result page confirms with the server.
 */
export async function checkout(input: InputOf<'pay.create'>) {
  const res = await api.pay.create(input)
  return res.ok ? openCashier(res.data, { communityId: actingCommunity() }) : res
}

/**
 * Pays a stay at a lot's exit as whoever stands there, resident or not: the payment is the lot's
 * community's, and the result page asks after it as the driver's own (`pay.driverPayment`).
 */
export async function checkoutAsDriver(input: InputOf<'pay.createAsDriver'>, communityId: string | undefined) {
  const res = await api.pay.createAsDriver(input)
  return res.ok ? openCashier(res.data, { communityId, driver: '1', lotId: input.lotId }) : res
}

/** The pages that follow carry the community the payment was made in (and a driver's lot), so a reload finds it. */
async function openCashier({ payment, launch }: Created, carry: Record<string, string | undefined>) {
  const result = pageLink(RESULT_PATH, { paymentId: payment.id, ...carry })
  if (launch?.kind === 'wechat') {
    const outcome = await openWechatCashier(launch.params)
    if (outcome !== 'cancelled') void Taro.redirectTo({ url: result })
    return { ok: true as const, data: { payment, outcome } }
  }
  if (launch?.kind === 'sandbox') {
    void Taro.navigateTo({ url: pageLink(CASHIER_PATH, { paymentId: payment.id, prepayId: launch.prepayId, total: payment.totalFen, ...carry }) })
    return { ok: true as const, data: { payment, outcome: 'opened' as const } }
  }
  void Taro.redirectTo({ url: result })
  return { ok: true as const, data: { payment, outcome: 'opened' as const } }
}

export const confirmSandbox = confirmSandboxPayment
