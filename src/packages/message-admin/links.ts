import { NOTICE_STATE_LABELS, type NoticeState } from '@contracts/message-kinds'
import type { Tone } from '../../ui/kit'

export const ADMIN = '/packages/message-admin/pages'

export const STATE_TONE: Record<NoticeState, Tone> = { scheduled: 'info', live: 'primary', expired: 'muted', withdrawn: 'muted' }
export const stateText = (s: NoticeState) => NOTICE_STATE_LABELS[s]

/** Whether the caller writes notices (operators and 客服) or follows them up (butlers). */
export function canPublish(role: string | undefined): boolean {
  return role === 'operator' || role === 'service'
}
