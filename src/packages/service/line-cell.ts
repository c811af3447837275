import type { CellProps, IconName } from '../../ui/kit'
import type { Booking } from './types'

/** The placeholder icon for a service line (or a booking of it) without a cover photo. */
export function lineIcon(kind: Booking['kind']): IconName {
  return kind === 'repair' ? 'repair' : 'cleaning'
}

/** How a booking heads its row: the same in the resident's bookings and the worker's jobs. */
export function bookingHead(b: Pick<Booking, 'kind' | 'lineName' | 'lineCover'>): Pick<CellProps, 'thumb' | 'icon' | 'title'> {
  return { thumb: b.lineCover, icon: lineIcon(b.kind), title: b.kind === 'repair' ? `报修：${b.lineName}` : b.lineName }
}
