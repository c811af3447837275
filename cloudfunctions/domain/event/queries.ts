import { EVENT_TEMPLATES, type eventContracts } from '../../contracts/event'
import type { InboxDoc } from '../docs'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { eventInCommunity } from './access'
import type { EventDoc, RewardGrantDoc, SignupDoc } from './docs'
import type { EventHandler } from './ports'
import { eventView, grantView, householdLabels, signupView } from './views'

type C = typeof eventContracts

export const list: EventHandler<C['list']> = async ({ ports, actor }, input) => {
  const now = ports.clock.now()
  const upcoming = input.when === 'upcoming'
  const events = await ports.store.find<EventDoc>('events', {
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
    ? await ports.store.find<SignupDoc>('eventSignups', {
        where: { eventId: e._id, householdId: { in: actor.householdIds }, status: { ne: 'cancelled' } },
        orderBy: [{ field: 'queueKey', dir: 'asc' }],
        limit: 100
      })
    : []
  const labels = await householdLabels(ports.store, signups.map((s) => s.householdId))
  const mine = await Promise.all(signups.map((s) => signupView(ports.store, e, s, now, labels.get(s.householdId))))
  const subscribeTemplates = [EVENT_TEMPLATES.reminder, EVENT_TEMPLATES.promoted].flatMap((key) => {
    const id = ports.push.templateId(key)
    return id ? [{ key, id }] : []
  })
  return ok({ event: eventView(e, now), mine, subscribeTemplates })
}

export const mine: EventHandler<C['mine']> = async ({ ports, actor }) => {
  const now = ports.clock.now()
  const signups = actor.householdIds.length
    ? await ports.store.find<SignupDoc>('eventSignups', {
        where: { householdId: { in: actor.householdIds }, communityId: actor.communityId },
        orderBy: [{ field: 'createdAt', dir: 'desc' }],
        limit: 200
      })
    : []
  const events = await getMany<EventDoc>(ports.store, 'events', signups.map((s) => s.eventId))
  const labels = await householdLabels(ports.store, signups.map((s) => s.householdId))
  const items = []
  for (const s of signups) {
    const e = events.get(s.eventId)
    if (!e || s.status === 'pending') continue
    items.push({ event: eventView(e, now), signup: await signupView(ports.store, e, s, now, labels.get(s.householdId)) })
  }
  const grants = await ports.store.find<RewardGrantDoc>('rewardGrants', {
    where: { userId: actor.user._id, communityId: actor.communityId },
    orderBy: [{ field: 'grantedAt', dir: 'desc' }],
    limit: 100
  })
  const inbox = await ports.store.find<InboxDoc>('inbox', {
    where: { userId: actor.user._id, communityId: actor.communityId, kind: { in: ['event-promoted', 'event-reminder', 'event-reward'] } },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 20
  })
  const notices = inbox.map((m) => ({ id: m._id, kind: m.kind, title: m.title, body: m.body, link: m.link ?? '', createdAt: m.createdAt }))
  return ok({ items, rewards: grants.map(grantView), notices })
}
