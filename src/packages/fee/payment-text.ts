import type { PayableType, PaymentStatus } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { formatDateTime } from '../../utils/time'

type Payment = OutputOf<'pay.get'>

interface Subject {
  /** The heading once paid: only property fees are 缴费; an order or a booking is paid for. */
  done: string
  /** The button back to what was being paid. */
  back: string
  /** Where to look later if the result is slow to come. */
  later: string
  /** The button to what was paid for; a bill's next step is its receipt. */
  view: { id: string; label: string } | null
}

export const SUBJECT: Record<PayableType, Subject> = {
  bill: { done: '缴费成功', back: '返回账单', later: '缴费记录', view: null },
  order: { done: '支付成功', back: '返回订单', later: '我的订单', view: { id: 'go-order', label: '查看订单' } },
  booking: { done: '支付成功', back: '返回预约', later: '我的预约', view: { id: 'go-booking', label: '查看预约' } },
  parking: { done: '缴费成功，请在时限内离场', back: '返回', later: '缴费记录', view: { id: 'go-parking', label: '查看离场时限' } },
  parkingCard: { done: '月卡已开通', back: '返回', later: '缴费记录', view: { id: 'go-parking-mine', label: '查看我的车位' } }
}

/** The server has not had WeChat Pay's word yet. */
export const isPending = (status: PaymentStatus): boolean => status === 'awaiting' || status === 'created'

/** What the result page says happened; `waitedOut` once it stopped asking for a pending answer. */
export function resultHeading(p: Pick<Payment, 'status' | 'paidFor'>, waitedOut: boolean): string {
  if (p.status === 'paid') return SUBJECT[p.paidFor.type].done
  if (isPending(p.status)) return waitedOut ? '支付结果确认中' : '正在确认支付结果'
  return p.status === 'anomaly' ? '支付待核查' : '支付未完成'
}

/** The line under the amount: when and for which home it was paid, or what to do now. */
export function resultNote(p: Pick<Payment, 'status' | 'paidFor' | 'paidAt' | 'householdLabel'>, waitedOut: boolean): string {
  if (p.status === 'paid' && p.paidAt) return `${formatDateTime(p.paidAt)} · ${p.householdLabel}`
  if (isPending(p.status) && waitedOut) return `如已付款请稍后在${SUBJECT[p.paidFor.type].later}中查看，无需重复支付`
  if (p.status === 'anomaly') return '金额与应付不符，物业将核查并联系你'
  return ''
}

/** A payment named by its lines: the one title, or the first and how many in all. */
export function paymentTitle(lines: Payment['lines']): string {
  const first = lines[0]?.title ?? ''
  return lines.length === 1 ? first : `${first} 等 ${lines.length} 项`
}
