import type { InboxDoc, SubscriptionDoc, UserDoc } from '../domain/docs'
import { inCommunity } from '../domain/message-links'
import { takeGrant } from '../domain/subscribe-grants'
import type { Clock, InboxMessage, Notifier, Random, SubscribeSender } from '../kernel/ports'
import type { Store } from '../kernel/store'

/**
 * The in-app inbox always gets the message, so nothing is lost when a push is refused; a
 * subscribe message goes out only against an unused grant, claimed with a conditional update:
 * first from the user's grant counter for the template, then from older per-grant rows.
 */
export function inboxNotifier(store: Store, clock: Clock, random: Random, push?: SubscribeSender): Notifier {
  return {
    async notify(msg: InboxMessage) {
      const { push: sent, link, key, ...rest } = msg
      const doc: InboxDoc = { _id: key ?? random.id(), ...rest, ...(link ? { link: inCommunity(link, msg.communityId) } : {}), read: false, createdAt: clock.now() }
      const pushMsg = sent && { ...sent, page: inCommunity(sent.page, msg.communityId) }
      const written = await store.insert('inbox', doc)
      if (!written.ok || !pushMsg || !push) return
      const templateId = push.templateId(pushMsg.template)
      if (!templateId) return
      const counted = await takeGrant(store, clock, msg.userId, pushMsg.template)
      if (counted) {
        const user = await store.get<UserDoc>('users', msg.userId)
        if (!user) return
        const res = await push.send(user.openid, templateId, pushMsg.page, pushMsg.data)
        await store.update('subscriptions', counted, { set: { outcome: res.ok ? 'sent' : String(res.errcode) } })
        return
      }
      // Grants of the older one-row-per-grant shape (see domain/subscribe-grants.ts).
      const grants = await store.find<SubscriptionDoc>('subscriptions', {
        where: { userId: msg.userId, template: pushMsg.template, status: 'granted' },
        orderBy: [{ field: 'grantedAt', dir: 'asc' }],
        limit: 5
      })
      for (const grant of grants) {
        const claimed = await store.update('subscriptions', grant._id, { set: { status: 'used', usedAt: clock.now() } }, { status: 'granted' })
        if (!claimed) continue
        const user = await store.get<UserDoc>('users', msg.userId)
        if (!user) return
        const res = await push.send(user.openid, templateId, pushMsg.page, pushMsg.data)
        await store.update('subscriptions', grant._id, { set: { outcome: res.ok ? 'sent' : String(res.errcode) } })
        return
      }
    }
  }
}
