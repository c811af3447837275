import type { OutputOf } from '@contracts/registry'
import { currentMe } from '../../client'
import { pageLink } from '../../utils/link'

export type ServiceLine = OutputOf<'booking.lines'>['lines'][number]
export type Booking = OutputOf<'booking.get'>['booking']
export type Complaint = OutputOf<'booking.myComplaints'>['complaints'][number]
export type HonorRoll = NonNullable<OutputOf<'selling.honorRoll'>['roll']>

const PKG = '/packages/service/pages'

/**
 * A link to one of this package's pages. It carries the community so the page also opens from a
 * message or a reload in the right community.
 */
export function serviceLink(page: 'book' | 'booking' | 'mine' | 'complaints' | 'list' | 'thank' | 'honor', params: Record<string, string | undefined>, communityId?: string): string {
  return pageLink(`${PKG}/${page}/index`, { ...params, communityId: communityId || currentMe()?.current?.communityId })
}
