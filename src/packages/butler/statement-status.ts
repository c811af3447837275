import type { StatementStatus } from '@contracts/selling-labels'
import type { Tone } from '../../ui/kit'

/** How a statement's status chip is coloured: money waiting on the butler stands out. */
export const STATEMENT_TONES: Record<StatementStatus, Tone> = {
  building: 'muted',
  pending_approval: 'info',
  approved: 'info',
  paying: 'info',
  awaiting_confirm: 'accent',
  paid: 'primary',
  failed: 'danger',
  carried: 'muted'
}
