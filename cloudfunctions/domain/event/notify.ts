import { EVENT_TEMPLATES } from '../../contracts/event'
import type { Ports } from '../../kernel/ports'
import type { EventDoc, SignupDoc } from './docs'
import { shanghaiMinute } from '../../contracts/shanghai'

export const TICKET_PAGE = 'packages/event/pages/ticket/index'
export const DETAIL_PAGE = 'packages/event/pages/detail/index'

/** The ticket as a message opens it: from cold, in the event's community. */
function ticketPath(e: EventDoc, s: SignupDoc): string {
  return `${TICKET_PAGE}?id=${encodeURIComponent(s._id)}&communityId=${encodeURIComponent(e.communityId)}`
}

/** `2026-01-10 14:00` in Asia/Shanghai, as subscribe-message time fields want. */
export const shanghaiText = shanghaiMinute

/** Subscribe-message `thing` fields take at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s)

function pushData(e: EventDoc, note: string): Record<string, string> {
  return { thing1: thing(e.title), time2: shanghaiText(e.startAt), thing3: thing(e.venue), thing4: thing(note) }
}

/**
 * The inbox always gets the message; a subscribe message goes out too when the resident granted
 * one on a tap (the notifier claims the grant and records WeChat's answer, 43101 included).
 */
export async function notifyPromoted(ports: Ports, e: EventDoc, s: SignupDoc): Promise<void> {
  try {
    await ports.notifier.notify({
      userId: s.userId,
      communityId: e.communityId,
      kind: 'event-promoted',
      title: '候补成功，已为你保留席位',
      body: `「${e.title}」有人取消，你已从候补转为正式报名。${shanghaiText(e.startAt)} · ${e.venue}`,
      link: `/${ticketPath(e, s)}`,
      push: { template: EVENT_TEMPLATES.promoted, page: ticketPath(e, s), data: pushData(e, '候补成功，请准时参加') }
    })
  } catch (err) {
    // The seat is already the resident's; a failed notice must not undo or fail the promotion.
    ports.log.warn('promotion notice failed', { signupId: s._id, error: String(err) })
  }
}

export async function notifyReminder(ports: Ports, e: EventDoc, s: SignupDoc, kind: 'day' | 'hour'): Promise<void> {
  const when = kind === 'day' ? '明天' : '一小时后'
  await ports.notifier.notify({
    userId: s.userId,
    communityId: e.communityId,
    kind: 'event-reminder',
    title: `活动提醒：${when}开始`,
    body: `「${e.title}」${shanghaiText(e.startAt)} 在 ${e.venue} 开始，请凭电子票签到。`,
    link: `/${ticketPath(e, s)}`,
    push: { template: EVENT_TEMPLATES.reminder, page: ticketPath(e, s), data: pushData(e, `${when}开始，请凭电子票签到`) }
  })
}
