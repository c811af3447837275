import { EVENT_KIND_LABELS, type EventPhase, SIGNUP_STATUS_LABELS, type SignupStatus } from '@contracts/event'
import type { Tone } from '../../ui/kit'
import { timeRangeText } from '../../utils/time'
import type { EventView } from './types'

export { EVENT_PHASE_LABELS as PHASE_LABELS, signupStatusText } from '@contracts/event'

export const PHASE_TONES: Record<EventPhase, Tone> = { upcoming: 'accent', open: 'primary', closed: 'accent', ongoing: 'info', ended: 'muted' }

export const STATUS_TONES: Record<SignupStatus, Tone> = { confirmed: 'primary', waitlisted: 'accent', checkedIn: 'info', cancelled: 'muted', noShow: 'muted' }

export function when(e: Pick<EventView, 'startAt' | 'endAt'>): string {
  return timeRangeText(e.startAt, e.endAt)
}

export const kindLabel = (e: Pick<EventView, 'kind'>) => EVENT_KIND_LABELS[e.kind]
export const statusLabel = (s: SignupStatus) => SIGNUP_STATUS_LABELS[s]
