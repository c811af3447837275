import type { OutputOf } from '@contracts/registry'
import { currentMe } from '../../client'
import { pageLink } from '../../utils/link'

export type Booking = OutputOf<'booking.get'>['booking']
export type Board = OutputOf<'booking.board'>
export type Reputation = OutputOf<'booking.reputation'>['workers'][number]
export type FollowUp = OutputOf<'booking.followUps'>['followUps'][number]
export type Complaint = OutputOf<'booking.complaints'>['complaints'][number]

/** A worker's job page, with the community so it also opens from a message or a reload. */
export function jobLink(b: Pick<Booking, 'id' | 'communityId'>): string {
  return pageLink('/packages/service-staff/pages/job/index', { id: b.id, communityId: b.communityId || currentMe()?.current?.communityId })
}

export type WorkOrder = OutputOf<'desk.workOrder'>['workOrder']

/** A work order's page for the one who works it, opening from a message or a reload. */
export function workOrderLink(id: string): string {
  return pageLink('/packages/service-staff/pages/work-order/index', { id, communityId: currentMe()?.current?.communityId })
}

/** The staff member's cash rewards (光荣榜), where each waits for their tap on 领取. */
export function rewardsLink(): string {
  return pageLink('/packages/service-staff/pages/rewards/index', { communityId: currentMe()?.current?.communityId })
}
