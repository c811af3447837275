import { EVENT_KIND_LABELS, type EventPhase, SIGNUP_STATUS_LABELS, type SignupStatus } from '@contracts/event'
import { formatDateTime, shanghai } from '../../utils/time'
import type { EventView } from '../../services/event'

export const PHASE_LABELS: Record<EventPhase, string> = {
  upcoming: '即将开放报名',
  open: '报名中',
  closed: '报名截止',
  ongoing: '进行中',
  ended: '已结束'
}

export function when(e: Pick<EventView, 'startAt' | 'endAt'>): string {
  const end = shanghai(e.endAt)
  const sameDay = shanghai(e.startAt).format('YYYY-MM-DD') === end.format('YYYY-MM-DD')
  return `${formatDateTime(e.startAt)} - ${sameDay ? end.format('HH:mm') : formatDateTime(e.endAt)}`
}

export const kindLabel = (e: EventView) => EVENT_KIND_LABELS[e.kind]
export const statusLabel = (s: SignupStatus) => SIGNUP_STATUS_LABELS[s]
