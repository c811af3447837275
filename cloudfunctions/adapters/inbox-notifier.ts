import type { InboxDoc } from '../domain/docs'
import { GROUP_TEMPLATES, groupOfKind } from '../contracts/message-kinds'
import { shanghaiMinute } from '../contracts/shanghai'
import { inCommunity } from '../domain/message-links'
import { takeGrant } from '../domain/subscribe-grants'
import type { Clock, InboxMessage, Notifier, PushMessage, Random, SubscribeSender } from '../kernel/ports'
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
      const chosen = sent ?? groupPush(msg, clock.now())
      const pushMsg = chosen && { ...chosen, page: inCommunity(chosen.page, msg.communityId) }
      const written = await store.insert('inbox', doc)
      if (!written.ok || !pushMsg || !push) return
      const templateId = push.templateId(pushMsg.template)
      if (!templateId) return
      const counted = await takeGrant(store, clock, msg.userId, pushMsg.template)
      if (counted) {
        const user = await store.get('users', msg.userId)
        if (!user) return
        const res = await push.send(user.openid, templateId, pushMsg.page, pushMsg.data)
        await store.update('subscriptions', counted, { set: { outcome: res.ok ? 'sent' : String(res.errcode) } })
        return
      }
      // Grants of the older one-row-per-grant shape (see domain/subscribe-grants.ts): only the
      // templates features named before the counter existed ever had them.
      if (!sent) return
      const grants = await store.find('subscriptions', {
        where: { userId: msg.userId, template: pushMsg.template, status: 'granted' },
        orderBy: [{ field: 'grantedAt', dir: 'asc' }],
        limit: 5
      })
      for (const grant of grants) {
        const claimed = await store.update('subscriptions', grant._id, { set: { status: 'used', usedAt: clock.now() } }, { status: 'granted' })
        if (!claimed) continue
        const user = await store.get('users', msg.userId)
        if (!user) return
        const res = await push.send(user.openid, templateId, pushMsg.page, pushMsg.data)
        await store.update('subscriptions', grant._id, { set: { outcome: res.ok ? 'sent' : String(res.errcode) } })
        return
      }
    }
  }
}

/**
 * The push for a message whose feature names no template: its group's, with the title, the first
 * words of the body and the time (thing1, thing2, time3: the fields README asks the templates
 * chosen in 公众平台 to have). None for a message that opens no page.
 */
function groupPush(msg: InboxMessage, now: number): PushMessage | undefined {
  const template = GROUP_TEMPLATES[groupOfKind(msg.kind)]
  if (!template || !msg.link) return undefined
  return { template, page: msg.link.replace(/^\//, ''), data: { thing1: msg.title.slice(0, 20), thing2: msg.body.slice(0, 20), time3: shanghaiMinute(now) } }
}
