import { EVENT_TEMPLATES, type eventContracts } from '../../contracts/event'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { eventInCommunity } from './access'
import type { EventHandler } from './ports'
import { eventView, grantView, signupViews } from './views'

type C = typeof eventContracts

export const list: EventHandler<C['list']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const upcoming = input.when === 'upcoming'
  const events = await ports.store.find('events', {
    where: { communityId: actor.communityId, status: 'published', endAt: upcoming ? { gt: now } : { lte: now } },
    orderBy: [{ field: 'startAt', dir: upcoming ? 'asc' : 'desc' }],
    limit: 100
  })
  return ok({ events: events.map((e) => eventView(e, now)) })
}

export const get: EventHandler<C['get']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.id)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const now = ports.clock.now()
  const signups = actor.householdIds.length
    ? await ports.store.find('eventSignups', {
        where: { eventId: e._id, householdId: { in: actor.householdIds }, status: { ne: 'cancelled' } },
        orderBy: [{ field: 'queueKey', dir: 'asc' }],
        limit: 100
      })
    : []
  const mine = await signupViews(ports.store, signups.map((s) => ({ e, s })), now)
  const subscribeTemplates = [EVENT_TEMPLATES.reminder, EVENT_TEMPLATES.promoted].flatMap((key) => {
    const id = ports.push.templateId(key)
    return id ? [{ key, id }] : []
  })
  return ok({ event: eventView(e, now), mine, subscribeTemplates })
}

export const mine: EventHandler<C['mine']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const [signups, grants, inbox] = await Promise.all([
    actor.householdIds.length
      ? ports.store.find('eventSignups', {
          where: { householdId: { in: actor.householdIds }, communityId: actor.communityId },
          orderBy: [{ field: 'createdAt', dir: 'desc' }],
          limit: 200
        })
      : Promise.resolve([]),
    ports.store.find('rewardGrants', {
      where: { userId: actor.user._id, communityId: actor.communityId },
      orderBy: [{ field: 'grantedAt', dir: 'desc' }],
      limit: 100
    }),
    ports.store.find('inbox', {
      where: { userId: actor.user._id, communityId: actor.communityId, kind: { in: ['event-promoted', 'event-reminder', 'event-reward'] } },
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: 20
    })
  ])
  const events = await getMany(ports.store, 'events', signups.map((s) => s.eventId))
  const shown = signups.flatMap((s) => {
    const e = events.get(s.eventId)
    return e && s.status !== 'pending' ? [{ e, s }] : []
  })
  const views = await signupViews(ports.store, shown, now)
  const items = shown.map(({ e }, i) => ({ event: eventView(e, now), signup: views[i]! }))
  const notices = inbox.map((m) => ({ id: m._id, kind: m.kind, title: m.title, body: m.body, link: m.link ?? '', createdAt: m.createdAt }))
  return ok({ items, rewards: grants.map(grantView), notices })
}
