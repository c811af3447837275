import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { confirmSandboxPayment, openWechatCashier } from '../client/cashier'
import { unwrap } from './result'
import { communityReady } from '../client'

export type PaymentView = OutputOf<'pay.get'>
export type Receipt = OutputOf<'pay.receipt'>
export type AnomalyView = OutputOf<'pay.resolveAnomaly'>

export { newRequestId } from './request-id'

export const RESULT_PATH = '/packages/fee/pages/result/index'
export const CASHIER_PATH = '/packages/fee/pages/cashier/index'

/**
 * Creates the payment (the server prices it) and opens the cashier: WeChat's in the mini-program,
 * the sandbox sheet in the local H5 build. Either way the result page confirms with the server.
 */
export async function checkout(input: InputOf<'pay.create'>) {
  await communityReady()
  const res = unwrap(await call('pay.create', input))
  if (!res.ok) return res
  const { payment, launch } = res.data
  if (launch?.kind === 'wechat') {
    const outcome = await openWechatCashier(launch.params)
    if (outcome !== 'cancelled') void Taro.redirectTo({ url: `${RESULT_PATH}?paymentId=${payment.id}` })
    return { ok: true as const, data: { payment, outcome } }
  }
  if (launch?.kind === 'sandbox') {
    void Taro.navigateTo({ url: `${CASHIER_PATH}?paymentId=${payment.id}&prepayId=${launch.prepayId}&total=${payment.totalFen}` })
    return { ok: true as const, data: { payment, outcome: 'opened' as const } }
  }
  void Taro.redirectTo({ url: `${RESULT_PATH}?paymentId=${payment.id}` })
  return { ok: true as const, data: { payment, outcome: 'opened' as const } }
}

export const confirmSandbox = confirmSandboxPayment

export async function receipt(paymentId: string) {
  await communityReady()
  return unwrap(await call('pay.receipt', { paymentId }))
}

export async function searchPayments(query: string) {
  await communityReady()
  return unwrap(await call('pay.search', { query }))
}

export async function refund(input: InputOf<'pay.refund'>) {
  await communityReady()
  return unwrap(await call('pay.refund', input))
}

export async function reconciliation() {
  await communityReady()
  return unwrap(await call('pay.reconciliation', {}))
}

/** Open payment anomalies of the community (operators). */
export async function paymentAnomalies() {
  await communityReady()
  return unwrap(await call('pay.anomalies', {}))
}

/** An operator's decision about an anomaly: refund in full through the refund path, or accept (recorded, nothing moves). */
export async function resolveAnomaly(input: InputOf<'pay.resolveAnomaly'>) {
  await communityReady()
  return unwrap(await call('pay.resolveAnomaly', input))
}
