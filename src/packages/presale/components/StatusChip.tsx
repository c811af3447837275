import { CAMPAIGN_STATUS_LABELS, type CampaignStatus, ORDER_STATUS_LABELS, type OrderStatus } from '@contracts/order'
import { PROPOSAL_STATUS_LABELS, type ProposalStatus } from '@contracts/proposal'
import { Chip, type Tone } from '../../../ui/kit'

const CAMPAIGN_TONE: Record<CampaignStatus, Tone> = {
  draft: 'muted',
  scheduled: 'info',
  live: 'accent',
  ended: 'muted',
  settling: 'info',
  succeeded: 'primary',
  failed: 'danger',
  fulfilled: 'muted'
}

export function CampaignChip({ status, id }: { status: CampaignStatus; id?: string }) {
  return <Chip text={CAMPAIGN_STATUS_LABELS[status]} tone={CAMPAIGN_TONE[status]} id={id} />
}

const ORDER_TONE: Record<OrderStatus, Tone> = {
  reserving: 'info',
  pending_payment: 'accent',
  paid: 'info',
  confirmed: 'primary',
  delivered: 'muted',
  expired: 'muted',
  cancelled: 'muted',
  rejected: 'muted',
  refunding: 'accent',
  refunded: 'muted'
}

export function OrderChip({ status, id }: { status: OrderStatus; id?: string }) {
  return <Chip text={ORDER_STATUS_LABELS[status]} tone={ORDER_TONE[status]} id={id} />
}

const PROPOSAL_TONE: Record<ProposalStatus, Tone> = { open: 'accent', converting: 'info', converted: 'primary', closed: 'muted' }

export function ProposalChip({ status, id }: { status: ProposalStatus; id?: string }) {
  return <Chip text={PROPOSAL_STATUS_LABELS[status]} tone={PROPOSAL_TONE[status]} id={id} />
}
