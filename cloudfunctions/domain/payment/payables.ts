import type { PayableType } from '../../contracts/pay'
import type { Ports } from '../../kernel/ports'
import type { Result } from '../../kernel/result'
import type { PaymentDoc, PaymentLine } from './docs'

export interface QuotedLine {
  type: PayableType
  id: string
  title: string
  amountFen: number
  householdId: string
  communityId: string
}

/**
 * Who pays: the resident's own households, or the one household finance takes cash for. Quotes
 * check every payable against it.
 */
export interface Payer {
  communityId: string
  householdIds: readonly string[]
  /**
   * A driver paying a stay at the exit, maybe no resident at all (a visitor with a WeChat
   * account): no household pays, so a kind that accepts such a payer quotes its line with the
   * household '' (only `parking` does); every other kind finds no household of theirs and refuses.
   */
  driver?: boolean
}

/** The household of a line no household pays for (a driver's temporary parking). */
export const NO_HOUSEHOLD = ''

/**
 * What a feature implements to be payable. The payment module prices through `quote` (the
 * client sends only ids) and reports back through the hooks, which must be idempotent: a
 * notification can arrive many times and a crashed run is simply run again.
 */
export interface PayableKind {
  type: PayableType
  /** Checks the caller may pay these items now and prices them. */
  quote(ports: Ports, payer: Payer, ids: readonly string[]): Promise<Result<QuotedLine[]>>
  /** `already_settled`: the item was paid another way or cancelled; its money is refunded. */
  onPaid(ports: Ports, payment: PaymentDoc, line: PaymentLine): Promise<'applied' | 'already_settled'>
  /** Called after any refund of the line succeeded; `refundedFen` is the line's total refunded. */
  onRefunded(ports: Ports, payment: PaymentDoc, line: PaymentLine, refundedFen: number): Promise<void>
}

export type PayableRegistry = Readonly<Record<PayableType, PayableKind>>
