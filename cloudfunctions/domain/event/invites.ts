import { isWechat } from '../../kernel/identity'
import type { eventContracts } from '../../contracts/event'
import { getMany, pages } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { MAX_PAGE, type Store } from '../../kernel/store'
import { fail, ok } from '../../kernel/result'
import { ensureInvite as ensure } from '../invites/invite'
import { visitGroupId } from '../invites/groups'
import { recordOpen } from '../invites/visits'
import { storedPhoto } from '../photos'
import { recordShare } from '../selling/uses'
import { eventInCommunity } from './access'
import type { EventDoc, InviteDoc, VisitDoc } from './docs'
import { DETAIL_PAGE } from './notify'
import type { EventHandler } from './ports'
import { eventView } from './views'

type C = typeof eventContracts

/** The butler's card: opened from cold, logged in or not, it names the event's community too. */
export function sharePath(e: Pick<EventDoc, '_id' | 'communityId'>, token: string): string {
  return `/${DETAIL_PAGE}?id=${encodeURIComponent(e._id)}&inv=${token}&communityId=${encodeURIComponent(e.communityId)}`
}

/** The butler's invitation for the event, made on first use. */
function ensureInvite(ports: Ports, e: EventDoc, butlerUserId: string): Promise<InviteDoc> {
  const id = `${e._id}:${butlerUserId}`
  return ensure<InviteDoc>(ports, 'eventInvites', id, (token) => ({
    _id: id,
    eventId: e._id,
    communityId: e.communityId,
    butlerUserId,
    token,
    shares: 0,
    visits: 0,
    signups: 0,
    checkins: 0,
    createdAt: ports.clock.now()
  }))
}

export const shareInvite: EventHandler<C['shareInvite']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const inv = await ensureInvite(ports, e, actor.user._id)
  // WeChat reports no share success: a share is the butler opening the share sheet with this card.
  await Promise.all([
    ports.store.update('eventInvites', inv._id, { inc: { shares: 1 } }),
    recordShare(ports, { kind: 'event', refId: e._id, communityId: e.communityId, butlerUserId: actor.user._id, inviteId: inv._id })
  ])
  return ok({ token: inv.token, path: sharePath(e, inv.token), cover: storedPhoto(e.cover), shares: inv.shares + 1 })
}

export const invitePoster: EventHandler<C['invitePoster']> = async ({ ports, actor, ev }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const inv = await ensureInvite(ports, e, actor.user._id)
  let codeImage: string | null = null
  try {
    codeImage = await ev.posterCodes.unlimited(inv.token, DETAIL_PAGE)
  } catch (err) {
    ports.log.warn('poster code failed', { eventId: e._id, error: String(err) })
  }
  return ok({
    token: inv.token,
    page: DETAIL_PAGE,
    path: sharePath(e, inv.token),
    codeImage,
    event: eventView(e, ports.clock.now()),
    butlerName: actor.user.nickname
  })
}

export const inviteStats: EventHandler<C['inviteStats']> = async ({ ports, actor }) => {
  const invites = await ports.store.find('eventInvites', {
    where: { butlerUserId: actor.user._id, communityId: actor.communityId },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 200
  })
  const now = ports.clock.now()
  const upcoming = await ports.store.find('events', {
    where: { communityId: actor.communityId, status: 'published', endAt: { gt: now } },
    orderBy: [{ field: 'startAt', dir: 'asc' }],
    limit: 50
  })
  const events = await getMany(ports.store, 'events', invites.map((i) => i.eventId))
  for (const e of upcoming) events.set(e._id, e)
  const byEvent = new Map(invites.map((i) => [i.eventId, i]))
  const groups = await groupsReached(ports.store, invites.map((i) => i._id))
  const order = [...new Set([...upcoming.map((e) => e._id), ...invites.map((i) => i.eventId)])]
  const rows = []
  for (const eventId of order) {
    const e = events.get(eventId)
    if (!e) continue
    const inv = byEvent.get(eventId)
    rows.push({
      eventId,
      title: e.title,
      cover: storedPhoto(e.cover),
      startAt: e.startAt,
      token: inv?.token ?? null,
      shares: inv?.shares ?? 0,
      visits: inv?.visits ?? 0,
      groups: inv ? (groups.get(inv._id)?.size ?? 0) : 0,
      signups: inv?.signups ?? 0,
      checkins: inv?.checkins ?? 0
    })
  }
  return ok({ rows })
}

/** The distinct groups each invitation's visits came from: one paged query for all of them. */
async function groupsReached(store: Store, inviteIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  for (let i = 0; i < inviteIds.length; i += MAX_PAGE) {
    const chunk = inviteIds.slice(i, i + MAX_PAGE)
    for await (const page of pages(store, 'eventVisits', { inviteId: { in: chunk } })) {
      for (const v of page) {
        const set = out.get(v.inviteId) ?? new Set<string>()
        for (const g of v.groupIds) set.add(g)
        out.set(v.inviteId, set)
      }
    }
  }
  return out
}

export const recordVisit: EventHandler<C['recordVisit']> = async ({ ports, actor, ev, identity }, input) => {
  const [inv] = await ports.store.find('eventInvites', { where: { token: input.token }, limit: 1 })
  if (!inv) return fail('INVITE.NOT_FOUND', '邀请不存在或已失效')
  const butler = await ports.store.get('users', inv.butlerUserId)
  const groupId = await visitGroupId(ports, ev.groups, input.groupCloudId, isWechat(identity) ? identity.appid : undefined)
  const out = { eventId: inv.eventId, communityId: inv.communityId, inviterName: butler?.nickname ?? '', groupRecorded: groupId !== null }
  if (actor.user._id === inv.butlerUserId) return ok({ ...out, groupRecorded: false })
  const now = ports.clock.now()
  const id = `${inv._id}:${actor.user._id}`
  const visit: VisitDoc = { _id: id, inviteId: inv._id, eventId: inv.eventId, userId: actor.user._id, groupIds: groupId ? [groupId] : [], opens: 1, firstAt: now, lastAt: now }
  await recordOpen(ports, { invites: 'eventInvites', visits: 'eventVisits' }, visit, groupId)
  return ok(out)
}
