import { shanghaiDay } from '../../contracts/shanghai'
import type { KitKind } from '../../contracts/selling-labels'
import type { KitUseCountsT } from '../../contracts/selling-kit'
import type { Ports } from '../../kernel/ports'
import type { KitUseDoc } from './kit-docs'

/**
 * A share the server saw: the butler prepared the share sheet for a campaign or event card
 * (order.share, event.shareInvite). Each preparation is one share, as `orderInvites.shares` counts.
 */
export async function recordShare(ports: Ports, s: { kind: KitKind; refId: string; communityId: string; butlerUserId: string; inviteId: string }): Promise<void> {
  const at = ports.clock.now()
  const doc: KitUseDoc = {
    _id: `share:${s.inviteId}:${ports.random.id(8)}`,
    communityId: s.communityId,
    butlerUserId: s.butlerUserId,
    kind: s.kind,
    refId: s.refId,
    what: 'share',
    scriptId: null,
    day: shanghaiDay(at),
    at
  }
  await ports.store.insert('kitUses', doc)
}

/** The butler's uses of one kit on a day, by what. */
export async function kitUseCounts(ports: Ports, communityId: string, butlerUserId: string, refId: string, day: string): Promise<KitUseCountsT> {
  const rows = await ports.store.find('kitUses', { where: { communityId, butlerUserId, day, refId }, limit: 1000 })
  const counts: KitUseCountsT = { copy_script: 0, poster: 0, share: 0 }
  for (const r of rows) counts[r.what]++
  return counts
}
