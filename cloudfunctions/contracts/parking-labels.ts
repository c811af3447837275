/** Words of smart parking (issue 18), shared by the contracts, the functions and the clients. */
export const SPACE_TYPES = ['owned', 'rented', 'public'] as const
export type SpaceType = (typeof SPACE_TYPES)[number]
export const SPACE_TYPE_LABELS: Record<SpaceType, string> = { owned: '产权车位', rented: '租用车位', public: '公共车位' }

export const BARRIER_DIRECTIONS = ['in', 'out'] as const
export type BarrierDirection = (typeof BARRIER_DIRECTIONS)[number]

/** `monthly`: an active monthly card; `visitor`: a host's visitor pass names the plate; else temporary. */
export const SESSION_KINDS = ['monthly', 'visitor', 'temporary'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { monthly: '月卡', visitor: '访客', temporary: '临停' }

/** `closed`: left through the barrier (or was let out by staff); `replaced`: a later entry found it still open. */
export const SESSION_STATUSES = ['open', 'closed', 'replaced'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/**
 * What staff look at: an exit with no entry on record, an entry while the plate was still inside
 * (the exit was missed), an entry that arrived after its exit (the camera's upload was late), a
 * blacklisted plate turned away.
 */
export const EVENT_EXCEPTIONS = ['exit_without_entry', 'entry_while_inside', 'late_entry', 'blacklisted'] as const
export type EventException = (typeof EVENT_EXCEPTIONS)[number]
export const EVENT_EXCEPTION_LABELS: Record<EventException, string> = {
  exit_without_entry: '无入场记录的出场',
  entry_while_inside: '未出场再次入场',
  late_entry: '入场记录晚于出场到达',
  blacklisted: '黑名单车辆'
}

/** The mini-program page a barrier's pay QR and an exit refusal point at. */
export const PARKING_PAY_PAGE = '/packages/parking/pages/pay/index'

/** After paying, the minutes a driver has to reach the exit unless the lot says otherwise. */
export const DEFAULT_GRACE_MINUTES = 15
