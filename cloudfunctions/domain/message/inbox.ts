import type { z } from 'zod'
import type { messageContracts } from '../../contracts/message'
import { GROUP_TEMPLATES, MESSAGE_GROUPS, MESSAGE_GROUP_LABELS, groupOfKind } from '../../contracts/message-kinds'
import { addGrant } from '../subscribe-grants'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, getMany, inPool, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import type { CommunityDoc } from '../docs'
import type { InboxMarkDoc } from './docs'
import { unreadNoticeCount } from './notices'

type C = typeof messageContracts
type MessageView = z.input<C['inbox']['output']>['items'][number]

const PAGE = 20

/**
 * A message is unread while its own flag says so and it came after the user last marked all read:
 * marking all read is one write (the mark), whatever the number of messages.
 */
function unreadFilter(userId: string, mark: InboxMarkDoc | null): Filter {
  return { userId, read: false, createdAt: mark ? { gt: mark.readAllAt } : undefined }
}

function unreadCount(ports: Ports, userId: string, mark: InboxMarkDoc | null): Promise<number> {
  return ports.store.count('inbox', unreadFilter(userId, mark))
}

function markOf(ports: Ports, userId: string): Promise<InboxMarkDoc | null> {
  return ports.store.get('inboxMarks', userId)
}

export const inbox: ActionHandler<C['inbox']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const after = input.cursor ? afterTimeCursor(input.cursor, 'createdAt', 'desc') : null
  if (input.cursor && !after) return fail('REQUEST.INVALID_INPUT', '分页参数无效', [{ path: 'cursor', label: '分页位置', message: '无效' }])
  const [rows, mark] = await Promise.all([
    ports.store.find('inbox', {
      where: after ? { and: [{ userId }, after] } : { userId },
      orderBy: [
        { field: 'createdAt', dir: 'desc' },
        { field: '_id', dir: 'desc' }
      ],
      limit: PAGE
    }),
    markOf(ports, userId)
  ])
  const communityIds = [...new Set(rows.map((m) => m.communityId))]
  // The count waits for the mark it depends on; community names only matter when there are two.
  const [unread, communities] = await Promise.all([
    unreadCount(ports, userId, mark),
    communityIds.length > 1 ? getMany(ports.store, 'communities', communityIds) : Promise.resolve(new Map<string, CommunityDoc>())
  ])
  const items: MessageView[] = rows.map((m) => ({
    id: m._id,
    kind: m.kind,
    group: groupOfKind(m.kind),
    title: m.title,
    body: m.body,
    link: m.link ?? '',
    read: m.read || (mark !== null && m.createdAt <= mark.readAllAt),
    createdAt: m.createdAt,
    communityName: communities.get(m.communityId)?.name ?? null
  }))
  return ok({ items, cursor: timeCursorOf(rows, PAGE, (m) => m.createdAt), unread })
}

export const unread: ActionHandler<C['unread']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const [mark, notices] = await Promise.all([
    markOf(ports, userId),
    input.communityId ? unreadNoticeCount(ports, userId, input.communityId) : Promise.resolve(0)
  ])
  return ok({ inbox: await unreadCount(ports, userId, mark), notices })
}

export const markRead: ActionHandler<C['markRead']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  // Only the caller's own unread messages change; someone else's id is passed over silently.
  const [mark] = await Promise.all([
    markOf(ports, userId),
    inPool([...new Set(input.messageIds)], async (id) => {
      await ports.store.update('inbox', id, { set: { read: true } }, { userId, read: false })
    })
  ])
  return ok({ unread: await unreadCount(ports, userId, mark) })
}

export const markAllRead: ActionHandler<C['markAllRead']> = async ({ ports, actor }) => {
  const userId = actor.user._id
  const now = ports.clock.now()
  const mark: InboxMarkDoc = { _id: userId, readAllAt: now }
  const made = await ports.store.insert('inboxMarks', mark)
  // The mark only moves forward: a slow call must not take back a later one.
  if (!made.ok) await ports.store.update('inboxMarks', userId, { set: { readAllAt: now } }, { readAllAt: { lt: now } })
  return ok({ unread: await unreadCount(ports, userId, mark) })
}

/** Each group's template the platform has an id for, in the groups' order. */
export const subscribeOptions: ActionHandler<C['subscribeOptions']> = async ({ ports }) => {
  const templates = MESSAGE_GROUPS.flatMap((g) => {
    const key = GROUP_TEMPLATES[g]
    const id = key ? ports.push.templateId(key) : null
    return key && id ? [{ key, id, label: MESSAGE_GROUP_LABELS[g] }] : []
  })
  return ok({ templates })
}

/** Grants the user accepted on a tap (wx.requestSubscribeMessage), counted per template (subscribe-grants.ts). */
export const subscribe: ActionHandler<C['subscribe']> = async ({ ports, actor }, input) => {
  const keys = [...new Set(input.templates)]
  const counted = await Promise.all(keys.map((k) => addGrant(ports.store, ports.clock, actor.user._id, k)))
  return ok({ granted: keys.filter((_, i) => counted[i]) })
}
