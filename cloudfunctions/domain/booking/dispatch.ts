import type { bookingContracts } from '../../contracts/booking'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { activeWorkers, claimWorker, releaseClaim } from './book'
import { DAY, eligible, localMidnight } from './slots'
import { viewOne, viewsOf, workerRow } from './views'
import { followBooking } from '../desk/booking-sync'

type C = typeof bookingContracts

export const board: ActionHandler<C['board']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const from = localMidnight(now)
  const docs = await ports.store.find('bookings', {
    where: { communityId, slotStart: { gte: from, lt: from + (input.days + 1) * DAY } },
    orderBy: [{ field: 'slotStart', dir: 'asc' }],
    limit: 1000
  })
  const open = docs.filter((b) => b.status === 'held' || b.status === 'confirmed' || b.status === 'on_way' || b.status === 'arrived')
  const views = await viewsOf(ports.store, open, now)
  const workers = await activeWorkers(ports, communityId)
  return ok({
    unassigned: views.filter((v) => !v.worker),
    assigned: views.filter((v) => v.worker),
    workers: workers.map(workerRow)
  })
}

/**
 * Assigns or replaces (替换) the worker. The new worker's claim is inserted first (unique key:
 * never double-booked), then the booking moves to them under a condition on its old worker, and
 * only then the old claim is removed; a lost race removes the new claim again.
 */
export const reassign: ActionHandler<C['reassign']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const b = await ports.store.get('bookings', input.bookingId)
  if (!b || b.communityId !== communityId) return fail('BOOKING.NOT_FOUND', '工单不存在')
  if (b.status !== 'held' && b.status !== 'confirmed') return fail('BOOKING.BAD_STATE', '师傅已出发或服务已结束，不能改派')
  const w = await ports.store.get('workers', input.workerId)
  if (!w || w.communityId !== communityId || !w.active) {
    return fail('BOOKING.WORKER_NOT_FOUND', '该师傅不在本小区服务', [{ path: 'workerId', message: '师傅不存在' }])
  }
  if (w._id === b.workerId) return fail('BOOKING.WORKER_BUSY', '已经是这位师傅', [{ path: 'workerId', message: '未更换师傅' }])
  const line = await ports.store.get('serviceLines', b.lineId)
  if (!line || eligible([w], line.category, b.slotStart).length === 0) {
    return fail('BOOKING.WORKER_BUSY', `${w.name}不提供该服务或该时段不上班`, [{ path: 'workerId', message: '技能或时间不符' }])
  }
  const now = ports.clock.now()
  if (!(await claimWorker(ports, w, b.slotStart, b._id, ports.random.id(9)))) {
    return fail('BOOKING.WORKER_BUSY', `${w.name}该时段已有工单`, [{ path: 'workerId', message: '该时段已有工单' }])
  }
  const entry = { from: b.workerId ?? '', to: w._id, reason: input.reason, by: actor.user._id, at: now }
  const moved = await ports.store.update(
    'bookings',
    b._id,
    {
      set: {
        workerId: w._id,
        assignedAt: now,
        reassignments: b.workerId ? [...b.reassignments, entry] : b.reassignments,
        updatedAt: now
      }
    },
    { workerId: b.workerId, status: b.status }
  )
  if (!moved) {
    await releaseClaim(ports, w._id, b.slotStart, b._id)
    return fail('BOOKING.BAD_STATE', '工单刚被修改，请刷新后重试')
  }
  if (b.workerId) await releaseClaim(ports, b.workerId, b.slotStart, b._id)
  await followBooking(ports, b._id)
  const fresh = (await ports.store.get('bookings', b._id)) ?? b
  await ports.notifier.notify({
    userId: w.userId,
    communityId,
    kind: 'booking_assigned',
    title: '新工单',
    body: `${b.lineName}（${b.workerId ? '改派' : '派单'}：${input.reason}）`,
    link: `/packages/service-staff/pages/job/index?id=${b._id}`
  })
  return ok({ booking: await viewOne(ports.store, fresh, now) })
}
