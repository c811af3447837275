import { EVENT_KIND_LABELS, type EventPhase, SIGNUP_STATUS_LABELS, type SignupStatus } from '@contracts/event'
import type { Tone } from '../../ui/kit'
import { formatDateTime, shanghai } from '../../utils/time'
import type { EventView } from './types'

export const PHASE_LABELS: Record<EventPhase, string> = {
  upcoming: '即将开放报名',
  open: '报名中',
  closed: '报名截止',
  ongoing: '进行中',
  ended: '已结束'
}

export const PHASE_TONES: Record<EventPhase, Tone> = { upcoming: 'accent', open: 'primary', closed: 'accent', ongoing: 'info', ended: 'muted' }

export const STATUS_TONES: Record<SignupStatus, Tone> = { confirmed: 'primary', waitlisted: 'accent', checkedIn: 'info', cancelled: 'muted', noShow: 'muted' }

export function when(e: Pick<EventView, 'startAt' | 'endAt'>): string {
  const end = shanghai(e.endAt)
  const sameDay = shanghai(e.startAt).format('YYYY-MM-DD') === end.format('YYYY-MM-DD')
  return `${formatDateTime(e.startAt)} - ${sameDay ? end.format('HH:mm') : formatDateTime(e.endAt)}`
}

export const kindLabel = (e: Pick<EventView, 'kind'>) => EVENT_KIND_LABELS[e.kind]
export const statusLabel = (s: SignupStatus) => SIGNUP_STATUS_LABELS[s]
/** A sign-up's status, with its place while waitlisted. */
export const signupStatusText = (s: { status: SignupStatus; position: number | null }) =>
  s.status === 'waitlisted' && s.position ? `候补第 ${s.position} 位` : statusLabel(s.status)
