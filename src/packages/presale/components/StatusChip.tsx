import { CAMPAIGN_STATUS_LABELS, type CampaignStatus, ORDER_STATUS_LABELS, type OrderStatus } from '@contracts/order'
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
