import type { Ports } from '../../kernel/ports'
import type { NotifyReply } from '../payment/notify'
import { settleStatementPayout } from './payouts'
import { settleRewardTransfer } from './reward-transfers'
import { applyTransferBill } from './transfers'

const FAIL = (message: string, status: number): NotifyReply => ({ status, body: JSON.stringify({ code: 'FAIL', message }) })

/**
 * WeChat Pay's 商家转账 notification (MCHTRANSFER.BILL.FINISHED). A forged or tampered one is
 * refused before anything is read; a genuine one is applied to its bill once (a final bill never
 * changes again) and then to what the bill pays, so repeats change nothing. An unexpected error
 * answers 500 and WeChat Pay retries later.
 */
export async function handleTransferNotification(ports: Ports, headers: Readonly<Record<string, string | undefined>>, body: string): Promise<NotifyReply> {
  const check = ports.transfer.verifyNotification(headers, body)
  if (!check.ok) {
    ports.log.warn('transfer notification rejected', { reason: check.reason })
    return FAIL(check.reason, 401)
  }
  const { id, eventType, bill } = check.notification
  const t = await applyTransferBill(ports, bill)
  if (!t) {
    // Genuine but not ours to apply (another system on the merchant): acknowledged, so it stops.
    ports.log.warn('transfer notification for an unknown bill', { id, eventType, outBillNo: bill.outBillNo })
    return { status: 204, body: '' }
  }
  if (t.purpose === 'statement') await settleStatementPayout(ports, t)
  else await settleRewardTransfer(ports, t)
  ports.log.info('transfer notification', { id, eventType, outBillNo: bill.outBillNo, state: t.state })
  return { status: 204, body: '' }
}
