import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { messageContracts } from '../../contracts/message'
import type { ActionHandler } from '../../kernel/module'
import { afterTimeCursor, getMany, timeCursorOf } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { type Failure, fail, ok } from '../../kernel/result'
import type { Filter } from '../../kernel/store'
import type { HouseholdStatsDoc } from '../insights/docs'
import { communityBuildings } from '../user/labels'
import { type ResolvedAudience, noticeState, reaches, receiptId, resolveAudience, visibleTo } from './audience'
import type { NoticeDoc, NoticeReadDoc } from './docs'

type C = typeof messageContracts
type Card = z.input<C['feed']['output']>['items'][number]
type StaffView = z.input<C['staffNotices']['output']>['items'][number]

const EXCERPT = 60

function excerptOf(n: NoticeDoc): string {
  const text = n.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join(' ').replace(/\s+/g, ' ')
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text
}

function cardOf(n: NoticeDoc, read: boolean): Card {
  const cover = n.blocks.find((b) => b.type === 'image')
  return {
    id: n._id,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    important: n.important,
    publishAt: n.publishAt,
    excerpt: excerptOf(n),
    cover: cover?.type === 'image' ? cover.photo : null,
    read
  }
}

export function staffView(n: NoticeDoc, now: number): StaffView {
  return {
    id: n._id,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    important: n.important,
    state: noticeState(n, now),
    publishAt: n.publishAt,
    expiresAt: n.expiresAt,
    audienceLabel: n.audienceLabel,
    reads: n.reads,
    authorName: n.authorName,
    updatedAt: n.updatedAt
  }
}

/** A notice of the caller's community, or null: another community's is as unknown as a missing one. */
export async function noticeIn(ports: Ports, communityId: string, id: string): Promise<NoticeDoc | null> {
  const n = await ports.store.get('notices', id)
  return n && n.communityId === communityId ? n : null
}

export function noticeNotFound(): Failure {
  return fail('NOTICE.NOT_FOUND', '公告不存在或已删除', [{ path: 'id', label: '公告', message: '公告不存在' }])
}

/** Live notices for the user's households in a community that none of them has opened (the badge). */
export async function unreadNoticeCount(ports: Ports, userId: string, communityId: string): Promise<number> {
  const memberships = await ports.store.find('memberships', { where: { userId, communityId, status: 'active' }, limit: 100 })
  const seen = await visibleTo(ports, communityId, memberships.map((m) => m.householdId), ports.clock.now())
  return seen.notices.filter((n) => !seen.read.has(n._id)).length
}

export const feed: ActionHandler<C['feed']> = async ({ ports, actor }, input) => {
  const seen = await visibleTo(ports, actor.communityId, actor.householdIds, ports.clock.now())
  return ok({
    items: seen.notices.slice(0, input.limit).map((n) => cardOf(n, seen.read.has(n._id))),
    unread: seen.notices.filter((n) => !seen.read.has(n._id)).length
  })
}

/**
 * Opening a notice: staff of the community see any of its notices; a resident sees a live one that
 * reaches one of their households, and each such household's receipt is written (once, by key),
 * then counted on the notice.
 */
export const notice: ActionHandler<C['notice']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const isStaff = actor.roles.some((r) => r === 'operator' || r === 'service' || r === 'butler')
  // Only this notice and the caller's homes: opening one notice reads no list of notices. The
  // receipt's key makes writing it again a no-op, so no receipt is read first either.
  const [n, homes, community] = await Promise.all([
    noticeIn(ports, actor.communityId, input.id),
    getMany(ports.store, 'households', actor.householdIds),
    ports.store.get('communities', actor.communityId)
  ])
  if (!n) return noticeNotFound()
  const mine = [...homes.values()].filter((h) => h.communityId === actor.communityId)
  const stats = n.audience.kind === 'need' ? await getMany(ports.store, 'householdStats', mine.map((h) => h._id)) : new Map<string, HouseholdStatsDoc>()
  const reached = noticeState(n, now) === 'live' ? mine.filter((h) => reaches(n, h, stats.get(h._id))) : []
  if (reached.length === 0 && !isStaff) return noticeNotFound()
  await Promise.all(
    reached.map(async (h) => {
      const receipt: NoticeReadDoc = { _id: receiptId(n._id, h._id), noticeId: n._id, communityId: n.communityId, householdId: h._id, buildingId: h.buildingId, userId: actor.user._id, at: now }
      const written = await ports.store.insert('noticeReads', receipt)
      if (written.ok) await ports.store.update('notices', n._id, { inc: { reads: 1 } })
    })
  )
  return ok({
    ...cardOf(n, reached.length > 0),
    blocks: n.blocks,
    expiresAt: n.expiresAt,
    authorName: n.authorName,
    communityName: community?.name ?? ''
  })
}

function noticeIdOf(userId: string, clientRequestId: string): string {
  return `n${createHash('sha256').update(`${userId}:${clientRequestId}`).digest('hex').slice(0, 20)}`
}

export const saveNotice: ActionHandler<C['saveNotice']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const [existing, audience] = await Promise.all([
    input.id ? noticeIn(ports, actor.communityId, input.id) : Promise.resolve(null),
    resolveAudience(ports, actor.communityId, input.audience)
  ])
  if (input.id && !existing) return noticeNotFound()
  if (existing && existing.withdrawnAt !== null) return fail('NOTICE.WITHDRAWN', '公告已撤回，不能再修改；请重新发布')
  if ('field' in audience) return fail('NOTICE.AUDIENCE_INVALID', audience.message, [{ path: audience.field, label: '发布范围', message: audience.message }])
  if (input.expiresAt !== null && input.expiresAt <= now) {
    return fail('REQUEST.INVALID_INPUT', '下线时间已过，请重新选择', [{ path: 'expiresAt', label: '下线时间', message: '下线时间已过' }])
  }
  // A time already past means at once; a notice already out keeps the time it went out.
  const publishAt = existing && existing.publishAt <= now ? existing.publishAt : Math.max(input.publishAt ?? now, now)
  const content = fields(input, audience, publishAt)
  if (existing) {
    await ports.store.update('notices', existing._id, { set: { ...content, updatedAt: now } })
    return ok({ id: existing._id, state: noticeState({ ...existing, ...content, updatedAt: now }, now) })
  }
  const doc: NoticeDoc = {
    _id: noticeIdOf(actor.user._id, input.clientRequestId),
    communityId: actor.communityId,
    ...content,
    withdrawnAt: null,
    reads: 0,
    authorId: actor.user._id,
    authorName: actor.user.nickname,
    createdAt: now,
    updatedAt: now
  }
  const written = await ports.store.insert('notices', doc)
  // A resubmitted publish (same request id) answers with the notice the first one wrote.
  const saved = written.ok ? doc : ((await ports.store.get('notices', doc._id)) ?? doc)
  return ok({ id: saved._id, state: noticeState(saved, now) })
}

type Content = Pick<NoticeDoc, 'title' | 'category' | 'blocks' | 'pinned' | 'important' | 'publishAt' | 'expiresAt'> & ResolvedAudience

function fields(input: z.output<C['saveNotice']['input']>, audience: ResolvedAudience, publishAt: number): Content {
  return {
    title: input.title,
    category: input.category,
    blocks: input.blocks,
    pinned: input.pinned,
    important: input.important,
    publishAt,
    expiresAt: input.expiresAt,
    ...audience
  }
}

export const withdrawNotice: ActionHandler<C['withdrawNotice']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const n = await noticeIn(ports, actor.communityId, input.id)
  if (!n) return noticeNotFound()
  // Withdrawing twice is the same as once.
  await ports.store.update('notices', n._id, { set: { withdrawnAt: now, updatedAt: now } }, { withdrawnAt: null })
  return ok({ id: n._id, state: 'withdrawn' as const })
}

export const editableNotice: ActionHandler<C['editableNotice']> = async ({ ports, actor }, input) => {
  const n = await noticeIn(ports, actor.communityId, input.id)
  if (!n) return noticeNotFound()
  return ok({
    id: n._id,
    title: n.title,
    category: n.category,
    blocks: n.blocks,
    pinned: n.pinned,
    important: n.important,
    publishAt: n.publishAt,
    expiresAt: n.expiresAt,
    audience: n.audience,
    state: noticeState(n, ports.clock.now())
  })
}

const PAGE = 20

export const staffNotices: ActionHandler<C['staffNotices']> = async ({ ports, actor }, input) => {
  const clauses: Filter[] = [{ communityId: actor.communityId }]
  if (input.cursor) {
    const after = afterTimeCursor(input.cursor, 'publishAt', 'desc')
    if (!after) return fail('REQUEST.INVALID_INPUT', '分页参数无效', [{ path: 'cursor', label: '分页位置', message: '无效' }])
    clauses.push(after)
  }
  const rows = await ports.store.find('notices', {
    where: { and: clauses },
    orderBy: [
      { field: 'publishAt', dir: 'desc' },
      { field: '_id', dir: 'desc' }
    ],
    limit: PAGE
  })
  const now = ports.clock.now()
  return ok({ items: rows.map((n) => staffView(n, now)), cursor: timeCursorOf(rows, PAGE, (n) => n.publishAt) })
}

export const noticeOptions: ActionHandler<C['noticeOptions']> = async ({ ports, actor }) => {
  const [buildings, grids] = await Promise.all([
    communityBuildings(ports.store, [actor.communityId]),
    ports.store.find('grids', { where: { communityId: actor.communityId }, limit: 200 })
  ])
  return ok({
    buildings: [...buildings].sort((a, b) => a.order - b.order).map((b) => ({ id: b._id, name: b.name })),
    grids: grids.map((g) => ({ id: g._id, name: g.name, buildings: g.buildingIds.length })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  })
}
