import type { CollectionName } from '../../kernel/collections'
import type { Ports } from '../../kernel/ports'

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
export async function recordOpen<V extends VisitBase>(
  ports: Ports,
  on: { invites: CollectionName; visits: CollectionName },
  visit: V,
  groupId: string | null,
  alsoSet: Record<string, unknown> = {}
): Promise<void> {
  if ((await ports.store.insert(on.visits, visit)).ok) {
    await ports.store.update(on.invites, visit.inviteId, { inc: { visits: 1 } })
    return
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const cur = await ports.store.get<V>(on.visits, visit._id)
    if (!cur) break
    const groupIds = groupId && !cur.groupIds.includes(groupId) ? [...cur.groupIds, groupId] : cur.groupIds
    if (await ports.store.update(on.visits, visit._id, { set: { groupIds, lastAt: visit.lastAt, ...alsoSet }, inc: { opens: 1 } }, { opens: cur.opens })) break
  }
}
