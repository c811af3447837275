import type { TransferBill, TransferNotificationCheck, TransferState } from '../../kernel/transfer-gateway'
import { type VerifierConfig, makeNotificationOpener } from './notification'

const STATES: readonly TransferState[] = ['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'SUCCESS', 'FAIL', 'CANCELING', 'CANCELLED']

function isState(v: unknown): v is TransferState {
  return typeof v === 'string' && (STATES as readonly string[]).includes(v)
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

/**
 * A transfer bill as WeChat Pay writes it (a create or query reply, or a MCHTRANSFER resource);
 * null when it lacks the number or carries a state we do not know, which is never guessed.
 */
export function toTransferBill(r: Record<string, unknown>): TransferBill | null {
  const outBillNo = str(r.out_bill_no)
  if (!outBillNo || !isState(r.state)) return null
  const amount = r.transfer_amount
  return {
    outBillNo,
    billNo: str(r.transfer_bill_no),
    state: r.state,
    amountFen: typeof amount === 'number' && Number.isInteger(amount) ? amount : null,
    failReason: str(r.fail_reason),
    packageInfo: str(r.package_info)
  }
}

/** MCHTRANSFER.* notifications, signed and encrypted like payment notifications. */
export function makeTransferNotificationVerifier(cfg: VerifierConfig) {
  const open = makeNotificationOpener(cfg)
  return function verify(headers: Readonly<Record<string, string | undefined>>, body: string): TransferNotificationCheck {
    const opened = open(headers, body)
    if (!opened.ok) return opened
    if (!opened.eventType.startsWith('MCHTRANSFER.')) return { ok: false, reason: `unhandled event ${opened.eventType}` }
    const bill = toTransferBill(opened.plain)
    return bill ? { ok: true, notification: { id: opened.id, eventType: opened.eventType, bill } } : { ok: false, reason: 'bad transfer resource' }
  }
}
