import type { OutputOf } from '@contracts/registry'

export type EventDetail = OutputOf<'event.get'>
export type EventView = EventDetail['event']
