import { formatFenText } from '../format-money'
import type { Ports } from '../../kernel/ports'
import type { PaymentDoc, RefundDoc } from './docs'
import type { PaymentListener } from './listeners'

function receiptLink(p: PaymentDoc): string {
  return `/packages/fee/pages/receipt/index?paymentId=${encodeURIComponent(p._id)}`
}

function what(p: PaymentDoc): string {
  const first = p.lines[0]?.title ?? '付款'
  return p.lines.length > 1 ? `${first} 等 ${p.lines.length} 项` : first
}

/**
 * The payer's messages about their money: paid, and each refund that reached them. Keyed by WeChat
 * Pay's numbers, so a notification delivered twice writes one message.
 */
export const paymentMessages: PaymentListener = {
  name: 'messages',
  async onSettled(ports: Ports, p: PaymentDoc) {
    // Cash from a household with no registered member: its receipt is on paper.
    if (p.status !== 'paid' || !p.userId) return
    await ports.notifier.notify({
      key: `pay:${p.outTradeNo}`,
      userId: p.userId,
      communityId: p.communityId,
      kind: 'payment',
      title: `支付成功 ${formatFenText(p.totalFen)}`,
      body: `${what(p)}，点击查看电子收据`,
      link: receiptLink(p)
    })
  },
  async onRefundSucceeded(ports: Ports, p: PaymentDoc, r: RefundDoc) {
    if (!p.userId) return
    await ports.notifier.notify({
      key: `refund:${r.outRefundNo}`,
      userId: p.userId,
      communityId: p.communityId,
      kind: 'refund',
      title: `退款成功 ${formatFenText(r.amountFen)}`,
      body: `${what(p)}：${r.reason || '已退款'}，${p.channel === 'cash' ? '现金已退还' : '款项原路退回'}`,
      link: receiptLink(p)
    })
  }
}
