import { FEE_KIND_LABELS } from '../../contracts/fee'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { PayableKind, QuotedLine } from '../payment/payables'
import type { BillDoc } from './docs'
import { lateFeeFen } from './money'
import { feeSettings } from './settings'

/** Bills are payable: priced here from the stored amounts plus any late fee accrued today. */
export const billPayable: PayableKind = {
  type: 'bill',

  async quote(ports, payer, ids) {
    const [bills, settings] = await Promise.all([getMany(ports.store, 'bills', ids), feeSettings(ports, payer.communityId)])
    const lines: QuotedLine[] = []
    for (const id of ids) {
      const bill = bills.get(id)
      if (!bill || bill.communityId !== payer.communityId || !payer.householdIds.includes(bill.householdId)) {
        return fail('PAY.PAYABLE_NOT_FOUND', '账单不存在或不属于你的房屋', [{ path: 'payables', message: `账单 ${id} 不存在` }])
      }
      if (bill.status !== 'unpaid') return fail('PAY.NOT_PAYABLE', `「${bill.title}」已${bill.status === 'paid' ? '缴清' : '取消'}，请刷新`)
      const late = lateFeeFen(bill, settings.lateFee, ports.clock.now())
      lines.push({
        type: 'bill',
        id: bill._id,
        title: late > 0 ? `${bill.title}（含滞纳金）` : bill.title,
        amountFen: bill.amountFen + late,
        householdId: bill.householdId,
        communityId: bill.communityId
      })
    }
    return ok(lines)
  },

  async onPaid(ports, payment, line) {
    const paid = await ports.store.update(
      'bills',
      line.id,
      { set: { status: 'paid', paymentId: payment._id, paidFen: line.amountFen, paidAt: payment.paidAt ?? ports.clock.now() } },
      { status: 'unpaid' }
    )
    if (paid) return 'applied'
    // A repeated notification finds its own payment already applied; anything else settled it.
    const bill = await ports.store.get('bills', line.id)
    return bill?.paymentId === payment._id ? 'applied' : 'already_settled'
  },

  async onRefunded(ports, payment, line, refundedFen) {
    const bill = await ports.store.get('bills', line.id)
    if (!bill || bill.paymentId !== payment._id) return
    const fully = refundedFen >= (bill.paidFen ?? line.amountFen)
    await ports.store.update('bills', bill._id, { set: { refundedFen, ...(fully ? { status: 'refunded' } : {}) } }, { paymentId: payment._id })
  }
}

export function billTitle(kind: BillDoc['kind'], period: string, name?: string): string {
  return `${period} ${name ?? FEE_KIND_LABELS[kind]}`
}
