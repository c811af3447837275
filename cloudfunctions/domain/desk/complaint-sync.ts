import type { Ports } from '../../kernel/ports'
import type { ComplaintDoc } from '../booking/docs'
import { butlerOf } from '../booking/rating'
import { householdLabel } from '../user/format'
import { type WorkChange, applyChange } from './apply'
import type { WorkOrderDoc } from './docs'
import { openWorkOrder } from './open'

export const complaintWorkOrderId = (complaintId: string) => `wo-cp-${complaintId}`

function changeFor(c: ComplaintDoc, wo: WorkOrderDoc): WorkChange {
  const want: WorkChange = {}
  const status = c.status === 'closed' ? 'visited' : c.status === 'resolved' ? 'done' : c.status === 'processing' ? 'accepted' : 'open'
  if (wo.status !== status) want.status = status
  if (c.firstResponseAt !== null && wo.respondedAt === null) want.respondedAt = c.firstResponseAt
  if (c.resolvedAt !== null && wo.finishedAt === null) want.finishedAt = c.resolvedAt
  if (c.rating && !wo.visit) want.visit = { by: 'rating', score: c.rating.score, note: c.rating.comment, at: c.updatedAt, byName: '住户', byUserId: c.userId }
  return want
}

/**
 * A resident's complaint is a work order too, answered by the grid's butler under the complaint
 * SLA; it mirrors the complaint's answers and rating until the desk reopens it. Idempotent.
 */
export async function followComplaint(ports: Ports, complaintId: string): Promise<void> {
  const [c, existing] = await Promise.all([ports.store.get('complaints', complaintId), ports.store.get('workOrders', complaintWorkOrderId(complaintId))])
  if (!c) return
  let wo = existing
  if (!wo) {
    const h = await ports.store.get('households', c.householdId)
    if (!h) return
    const [building, butler, user] = await Promise.all([
      ports.store.get('buildings', h.buildingId),
      butlerOf(ports, h),
      ports.store.get('users', c.userId)
    ])
    const butlerUser = butler ? await ports.store.get('users', butler) : null
    wo = (
      await openWorkOrder(ports, {
        id: complaintWorkOrderId(c._id),
        idempotencyKey: `complaint:${c._id}`,
        household: h,
        householdLabel: householdLabel(building ?? undefined, h),
        type: 'complaint',
        channel: 'app',
        source: 'complaint',
        sourceId: c._id,
        follows: true,
        text: c.text,
        photos: c.photos,
        contactName: user?.nickname ?? '',
        contactPhone: user?.phone ?? null,
        assignee: butler ? { userId: butler, name: butlerUser?.nickname ?? '网格管家' } : null,
        by: { userId: c.userId, name: user?.nickname ?? '住户' }
      })
    ).doc
  }
  for (let attempt = 0; attempt < 3 && wo?.follows; attempt++) {
    const change = changeFor(c, wo)
    if (Object.keys(change).length === 0) return
    if (await applyChange(ports, wo, change, { byName: '', action: '投诉进度', note: c.response || '' })) return
    wo = await ports.store.get('workOrders', wo._id)
  }
}
