import { createHash } from 'node:crypto'
import type { Ports } from '../../kernel/ports'
import { type TransferBill, type TransferScene, isFinalTransferState } from '../../kernel/transfer-gateway'
import type { TransferDoc, TransferPurpose, TransferRowState } from './transfer-docs'

/** Bills WeChat Pay may still change: the sync job asks about these. */
export const OPEN_TRANSFER_STATES: readonly TransferRowState[] = ['UNSENT', 'ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM', 'TRANSFERING', 'CANCELING']

export function isFinalRow(state: TransferRowState): boolean {
  return state !== 'UNSENT' && isFinalTransferState(state)
}

/**
 * The out_bill_no of one attempt: `T` + 24 hex of sha1(purpose:refId) + `A` + attempt (at most 32
 * letters and digits, as WeChat Pay wants). The same attempt always gets the same number, so a
 * resubmission is the same bill; only a new attempt, begun once the old bill is final, gets a new one.
 */
export function transferNo(purpose: TransferPurpose, refId: string, attempt: number): string {
  return `T${createHash('sha1').update(`${purpose}:${refId}`).digest('hex').slice(0, 24)}A${attempt}`
}

export interface TransferOrder {
  purpose: TransferPurpose
  /** The statement id or the reward id. */
  refId: string
  /** 1 for the first attempt; the caller moves on only after the previous bill is final. */
  attempt: number
  communityId: string
  userId: string
  openid: string
  amountFen: number
  /** What the recipient reads in WeChat (cut to 32 characters). */
  remark: string
  scene: TransferScene
}

/** Sends the bill to WeChat Pay (again: same number) and records what it answered. */
async function send(ports: Ports, row: TransferDoc): Promise<TransferDoc> {
  const res = await ports.transfer.create({ outBillNo: row._id, openid: row.openid, amountFen: row.amountFen, remark: row.remark, scene: row.scene })
  const now = ports.clock.now()
  let set: Partial<TransferDoc>
  if (res.ok) {
    set = { state: res.state, billNo: res.billNo, packageInfo: res.packageInfo, lastError: null, updatedAt: now, finishedAt: isFinalTransferState(res.state) ? now : null }
  } else if (res.definite) {
    set = { state: 'FAIL', refused: true, failReason: res.reason, lastError: null, updatedAt: now, finishedAt: now }
  } else {
    // Nothing certain: the bill may exist. The number stays until a query settles it.
    ports.log.warn('transfer create unanswered', { outBillNo: row._id, reason: res.reason })
    set = { lastError: res.reason, updatedAt: now }
  }
  const applied = await ports.store.update('transfers', row._id, { set }, { state: { in: [...OPEN_TRANSFER_STATES] } })
  return applied ? { ...row, ...set } : ((await ports.store.get('transfers', row._id)) ?? row)
}

/**
 * Starts (or resumes) one transfer: the row is inserted once under its out_bill_no, then the bill
 * is sent while WeChat Pay has not answered for it yet. A retried call for a bill already made
 * returns the row as it stands and sends nothing twice. Cash rewards (purpose `reward`) reuse this.
 */
export async function startTransfer(ports: Ports, order: TransferOrder): Promise<TransferDoc> {
  const now = ports.clock.now()
  const row: TransferDoc = {
    _id: transferNo(order.purpose, order.refId, order.attempt),
    purpose: order.purpose,
    refId: order.refId,
    attempt: order.attempt,
    communityId: order.communityId,
    userId: order.userId,
    openid: order.openid,
    amountFen: order.amountFen,
    remark: order.remark.slice(0, 32),
    scene: order.scene,
    state: 'UNSENT',
    billNo: null,
    packageInfo: null,
    failReason: null,
    refused: false,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null
  }
  const inserted = await ports.store.insert('transfers', row)
  const current = inserted.ok ? row : await ports.store.get('transfers', row._id)
  if (!current) throw new Error(`transfer ${row._id} vanished`)
  return current.state === 'UNSENT' ? send(ports, current) : current
}

/**
 * Applies WeChat Pay's word on a bill (a notification or a query) to its row, once: a final row
 * never changes again, so a repeated notification writes nothing. Null for a bill we never made.
 */
export async function applyTransferBill(ports: Ports, bill: TransferBill, known?: TransferDoc): Promise<TransferDoc | null> {
  const row = known ?? (await ports.store.get('transfers', bill.outBillNo))
  if (!row) return null
  if (bill.amountFen !== null && bill.amountFen !== row.amountFen) {
    ports.log.error('transfer amount differs from WeChat Pay', { outBillNo: row._id, ours: row.amountFen, theirs: bill.amountFen })
  }
  if (isFinalRow(row.state) || (row.state === bill.state && (bill.packageInfo === null || bill.packageInfo === row.packageInfo))) return row
  const now = ports.clock.now()
  const set: Partial<TransferDoc> = {
    state: bill.state,
    billNo: bill.billNo ?? row.billNo,
    packageInfo: bill.packageInfo ?? (bill.state === 'WAIT_USER_CONFIRM' ? row.packageInfo : null),
    failReason: bill.failReason,
    lastError: null,
    updatedAt: now,
    finishedAt: isFinalTransferState(bill.state) ? now : null
  }
  const applied = await ports.store.update('transfers', row._id, { set }, { state: { in: [...OPEN_TRANSFER_STATES] } })
  return applied ? { ...row, ...set } : ports.store.get('transfers', row._id)
}

/**
 * Asks WeChat Pay about an open bill: a bill it never received is sent again under the same number
 * (WeChat Pay's rule: change the number only once a query shows FAIL or CANCELLED).
 */
export async function syncTransfer(ports: Ports, outBillNo: string): Promise<TransferDoc | null> {
  const row = await ports.store.get('transfers', outBillNo)
  return row ? syncTransferRow(ports, row) : null
}

/**
 * `syncTransfer` for a row the caller has read. A bill WeChat Pay reports unchanged gets its
 * `updatedAt` moved on: the sync job takes the oldest bills first, a batch per run, so bills
 * waiting long for their payee's confirmation take turns instead of holding the front.
 */
export async function syncTransferRow(ports: Ports, row: TransferDoc): Promise<TransferDoc | null> {
  if (isFinalRow(row.state)) return row
  const bill = await ports.transfer.query(row._id)
  if (!bill) return send(ports, row)
  const after = await applyTransferBill(ports, bill, row)
  if (after && after.updatedAt === row.updatedAt && !isFinalRow(after.state)) {
    const updatedAt = ports.clock.now()
    if (await ports.store.update('transfers', row._id, { set: { updatedAt } }, { state: row.state, updatedAt: row.updatedAt })) return { ...after, updatedAt }
  }
  return after
}
