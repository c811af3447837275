import type { StatementStatus } from '@contracts/selling-labels'

/** How a statement's status tag is coloured in the console. */
export const STATEMENT_THEMES: Record<StatementStatus, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  building: 'default',
  pending_approval: 'warning',
  approved: 'primary',
  paying: 'primary',
  awaiting_confirm: 'primary',
  paid: 'success',
  failed: 'danger',
  carried: 'default'
}
