import { BOOKING_STATUS_LABELS } from '../../contracts/booking'
import type { SlaRule } from '../../contracts/desk-kinds'
import type { Ports } from '../../kernel/ports'
import type { BookingDoc, RatingDoc, WorkerDoc } from '../booking/docs'
import { householdLabel } from '../user/format'
import { type WorkChange, applyChange } from './apply'
import type { Due, WorkOrderDoc } from './docs'
import { openWorkOrder } from './open'

const MIN = 60_000

export const bookingWorkOrderId = (bookingId: string) => `wo-bk-${bookingId}`

/** A booked repair's timers: answered by the rule, on site within the booked slot, done a stretch after it. */
function bookedDue(b: BookingDoc) {
  return (rule: SlaRule, from: number): Due => ({
    respond: from + rule.respondMin * MIN,
    arrive: b.slotEnd,
    finish: b.slotEnd + Math.max(60, rule.finishMin - (rule.arriveMin ?? 0)) * MIN
  })
}

/** What the booking says the work order should now show (only what differs is written). */
function changeFor(b: BookingDoc, wo: WorkOrderDoc, worker: WorkerDoc | null, rating: RatingDoc | null): WorkChange {
  const want: WorkChange = {}
  const status = b.status === 'cancelled' || b.status === 'expired' ? 'cancelled' : b.status === 'done' ? (rating ? 'visited' : 'done') : b.status === 'arrived' ? 'arrived' : b.status === 'on_way' ? 'accepted' : 'open'
  if (wo.status !== status) want.status = status
  // A worker assigned is the repair answered: the resident has someone and a time.
  const responded = b.assignedAt ?? (b.workerId ? b.createdAt : null)
  if (responded !== null && wo.respondedAt === null) want.respondedAt = Math.min(responded, b.onWayAt ?? responded)
  if (b.arrivedAt !== undefined && wo.arrivedAt === null) want.arrivedAt = b.arrivedAt
  if (b.finishedAt !== undefined && wo.finishedAt === null) want.finishedAt = b.finishedAt
  if (worker && wo.assigneeUserId !== worker.userId) {
    want.assigneeUserId = worker.userId
    want.assigneeName = worker.name
  }
  if (rating && !wo.visit) {
    want.visit = { by: 'rating', score: Math.round(rating.avg100 / 100), note: rating.comment, at: rating.at, byName: b.contactName, byUserId: b.userId }
  }
  return want
}

/**
 * Keeps a resident's repair booking and its work order in step: the order is made once the
 * booking is confirmed (never for an unpaid hold), then mirrors assignment, the worker's steps,
 * cancellation and the rating, until the desk reopens it and drives it itself. Idempotent: every
 * step of the booking calls it, and a repeat writes nothing.
 */
export async function followBooking(ports: Ports, bookingId: string): Promise<void> {
  const [b, existing, rating] = await Promise.all([
    ports.store.get('bookings', bookingId),
    ports.store.get('workOrders', bookingWorkOrderId(bookingId)),
    ports.store.get('ratings', bookingId)
  ])
  if (!b || b.kind !== 'repair') return
  if (!existing && (b.status === 'held' || b.status === 'cancelled' || b.status === 'expired')) return
  const worker = b.workerId ? await ports.store.get('workers', b.workerId) : null
  let wo = existing
  if (!wo) {
    const h = await ports.store.get('households', b.householdId)
    if (!h) return
    const building = await ports.store.get('buildings', h.buildingId)
    wo = (
      await openWorkOrder(ports, {
        id: bookingWorkOrderId(b._id),
        idempotencyKey: `booking:${b._id}`,
        household: h,
        householdLabel: householdLabel(building ?? undefined, h),
        type: 'repair',
        channel: b.channel ?? 'app',
        source: 'booking',
        sourceId: b._id,
        follows: true,
        text: `${b.lineName}${b.note ? `：${b.note}` : ''}`,
        photos: b.photos,
        contactName: b.contactName,
        contactPhone: null,
        assignee: worker ? { userId: worker.userId, name: worker.name } : null,
        by: { userId: b.userId, name: b.contactName },
        due: bookedDue(b)
      })
    ).doc
  }
  for (let attempt = 0; attempt < 3 && wo?.follows; attempt++) {
    const change = changeFor(b, wo, worker, rating)
    if (Object.keys(change).length === 0) return
    if (await applyChange(ports, wo, change, { byName: worker?.name ?? b.contactName, action: '预约进度', note: BOOKING_STATUS_LABELS[b.status] })) return
    wo = await ports.store.get('workOrders', wo._id)
  }
}
