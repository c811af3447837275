import type { InboxDoc } from '../domain/docs'
import type { Clock, InboxMessage, Notifier, Random } from '../kernel/ports'
import type { Store } from '../kernel/store'

/** The in-app inbox: every notification lands here, whatever a push channel does with it. */
export function inboxNotifier(store: Store, clock: Clock, random: Random): Notifier {
  return {
    async notify(msg: InboxMessage) {
      const doc: InboxDoc = { _id: random.id(), ...msg, read: false, createdAt: clock.now() }
      await store.insert('inbox', doc)
    }
  }
}
