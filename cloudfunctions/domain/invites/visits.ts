import type { CollectionName, CollectionOf } from '../../kernel/collections'
import { collectionOf } from '../../kernel/collection-of'
import type { Ports } from '../../kernel/ports'
import type { Doc } from '../../kernel/store'

/** What every visit document holds: one per visitor and invitation (`${inviteId}:${userId}`). */
export interface VisitBase {
  _id: string
  inviteId: string
  groupIds: string[]
  opens: number
  firstAt: number
  lastAt: number
}

/**
 * Records that a visitor opened an invitation. The first open makes the visit (its `groupIds`
 * holding the group it came with, if any) and counts it on the invitation. Later opens bump the
 * count; a new group joins the list, with `alsoSet`, under a compare-and-set on `opens`.
 */
export async function recordOpen<V extends VisitBase & Doc>(
  ports: Ports,
  on: { invites: CollectionName; visits: CollectionOf<V> },
  visit: V,
  groupId: string | null,
  alsoSet: Record<string, unknown> = {}
): Promise<void> {
  const visits = collectionOf<V>(ports.store, on.visits)
  if ((await visits.insert(visit)).ok) {
    await ports.store.update(on.invites, visit.inviteId, { inc: { visits: 1 } })
    return
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const cur = await visits.get(visit._id)
    if (!cur) break
    const groupIds = groupId && !cur.groupIds.includes(groupId) ? [...cur.groupIds, groupId] : cur.groupIds
    if (await ports.store.update(on.visits, visit._id, { set: { groupIds, lastAt: visit.lastAt, ...alsoSet }, inc: { opens: 1 } }, { opens: cur.opens })) break
  }
}
