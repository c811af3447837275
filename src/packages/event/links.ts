import { pageLink } from '../../utils/link'

/** Where the event pages live. */
const EVENT_PKG = '/packages/event/pages'

type EventPage = 'list' | 'detail' | 'signup' | 'mine' | 'ticket' | 'feedback' | 'edit' | 'signups' | 'checkin' | 'ideas' | 'invites' | 'poster'

/** A page of the event package, carrying the community its ids belong to so it also opens from cold. */
export function eventLink(page: EventPage, communityId: string | undefined, params: Record<string, string | undefined> = {}): string {
  return pageLink(`${EVENT_PKG}/${page}/index`, { ...params, communityId })
}
