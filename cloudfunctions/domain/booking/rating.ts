import { RATING_DIMENSIONS, RATING_LABELS, type RatingDimension, type ReputationT, type bookingContracts } from '../../contracts/booking'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { earnRatingPoints } from '../member/points'
import { householdLabel } from '../user/format'
import type { BookingDoc, FollowUpDoc, RatingDoc, WorkerDoc } from './docs'
import { activeWorkers } from './book'
import { DAY, monthOf } from './slots'
import { avgOf, followUpView, viewOne, workerRow } from './views'
import { followBooking } from '../desk/booking-sync'

type C = typeof bookingContracts

/** A rating below this average, or any dimension at 2 or below, opens a butler follow-up. */
export const LOW_AVG100 = 350

export function isLow(scores: Record<RatingDimension, number>, avg100: number): boolean {
  return avg100 < LOW_AVG100 || RATING_DIMENSIONS.some((d) => scores[d] <= 2)
}

/** The butler of the grid that holds the household's building, or '' when none. */
export async function butlerOf(ports: Ports, h: HouseholdDoc): Promise<string> {
  const grids = await ports.store.find('grids', { where: { communityId: h.communityId }, limit: 50 })
  return grids.find((g) => g.buildingIds.includes(h.buildingId))?.butlerUserId ?? ''
}

export async function openFollowUp(ports: Ports, b: BookingDoc, r: RatingDoc, workerName: string): Promise<boolean> {
  const h = await ports.store.get('households', b.householdId)
  if (!h) return false
  const building = await ports.store.get('buildings', h.buildingId)
  const butlerUserId = await butlerOf(ports, h)
  const f: FollowUpDoc = {
    _id: `rating:${b._id}`,
    communityId: b.communityId,
    butlerUserId,
    householdId: b.householdId,
    householdLabel: householdLabel(building ?? undefined, h),
    bookingId: b._id,
    lineName: b.lineName,
    workerName,
    avg100: r.avg100,
    comment: r.comment,
    status: 'open',
    note: '',
    createdAt: r.at,
    closedAt: null
  }
  const res = await ports.store.insert('followUps', f)
  if (res.ok && butlerUserId) {
    await ports.notifier.notify({
      userId: butlerUserId,
      communityId: b.communityId,
      kind: 'booking_followup',
      title: '低分评价待回访',
      body: `${f.householdLabel} 对「${b.lineName}」评价 ${avgOf(r.avg100).toFixed(1)} 分`,
      link: `/packages/service-staff/pages/followups/index?communityId=${b.communityId}`
    })
  }
  return res.ok
}

export const rate: ActionHandler<C['rate']> = async ({ ports, actor }, input) => {
  const b = await ports.store.get('bookings', input.bookingId)
  if (!b || b.communityId !== actor.communityId || !actor.householdIds.includes(b.householdId)) return fail('BOOKING.NOT_FOUND', '预约不存在')
  if (b.status !== 'done' || !b.workerId) return fail('BOOKING.BAD_STATE', '服务完成后才能评价')
  const now = ports.clock.now()
  const scores = input.scores
  const avg100 = Math.round((RATING_DIMENSIONS.reduce((n, d) => n + scores[d], 0) * 100) / RATING_DIMENSIONS.length)
  const r: RatingDoc = {
    _id: b._id,
    communityId: b.communityId,
    workerId: b.workerId,
    householdId: b.householdId,
    lineId: b.lineId,
    userId: actor.user._id,
    scores,
    avg100,
    comment: input.comment,
    nextTime: input.nextTime,
    at: now
  }
  // The rating's key is the booking: a booking is rated once, whoever of the household rates.
  const res = await ports.store.insert('ratings', r)
  if (!res.ok) {
    // A retry after a crash still earns the first rater's points (idempotent by the booking).
    const first = await ports.store.get('ratings', b._id)
    if (first) await earnRatingPoints(ports, { communityId: b.communityId, userId: first.userId, bookingId: b._id, title: '服务评价奖励' })
    return fail('BOOKING.ALREADY_RATED', '这次服务已经评价过了')
  }
  await ports.store.update('bookings', b._id, { set: { rated: true, updatedAt: now } })
  await earnRatingPoints(ports, { communityId: b.communityId, userId: actor.user._id, bookingId: b._id, title: '服务评价奖励' })
  await followBooking(ports, b._id)
  let followUp = false
  if (isLow(scores, avg100)) {
    const w = await ports.store.get('workers', b.workerId)
    followUp = await openFollowUp(ports, b, r, w?.name ?? '')
  }
  const fresh = (await ports.store.get('bookings', b._id)) ?? b
  return ok({ booking: await viewOne(ports.store, fresh, now), followUp })
}

/** Reputation is folded from the ratings on read: across households and by month, with a trend. */
export async function reputationOf(ports: Ports, w: WorkerDoc, now: number): Promise<ReputationT> {
  const [ratings, done, praises] = await Promise.all([
    ports.store.find('ratings', { where: { workerId: w._id }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 1000 }),
    ports.store.find('bookings', { where: { workerId: w._id, status: 'done' }, limit: 1000 }),
    ports.store.find('praiseLetters', { where: { workerId: w._id, status: 'approved' }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 1000 })
  ])
  const mean = (rs: readonly RatingDoc[]) => (rs.length === 0 ? null : avgOf(rs.reduce((n, r) => n + r.avg100, 0) / rs.length))
  const dims = RATING_DIMENSIONS.map((key) => ({
    key,
    label: RATING_LABELS[key],
    avg: ratings.length === 0 ? 0 : Math.round((ratings.reduce((n, r) => n + r.scores[key], 0) / ratings.length) * 100) / 100
  }))
  const months: ReputationT['months'] = []
  for (let i = 5; i >= 0; i--) {
    const month = monthOf(now - i * 30 * DAY)
    if (months.some((m) => m.month === month)) continue
    const rs = ratings.filter((r) => monthOf(r.at) === month)
    months.push({ month, avg: mean(rs), count: rs.length })
  }
  const recent = ratings.filter((r) => r.at >= now - 30 * DAY)
  const before = ratings.filter((r) => r.at < now - 30 * DAY && r.at >= now - 120 * DAY)
  const a = mean(recent)
  const p = mean(before)
  const trend: ReputationT['trend'] = a === null || p === null ? 'new' : a - p >= 0.2 ? 'up' : p - a >= 0.2 ? 'down' : 'flat'
  const arrived = done.filter((b) => b.lateMin !== undefined)
  return {
    worker: workerRow(w),
    ratings: ratings.length,
    households: new Set(ratings.map((r) => r.householdId)).size,
    overall: mean(ratings) ?? 0,
    dims,
    jobsDone: done.length,
    onTimeRate: arrived.length === 0 ? null : Math.round((arrived.filter((b) => (b.lateMin ?? 0) <= 5).length / arrived.length) * 100) / 100,
    months,
    trend,
    lowRatings: ratings.filter((r) => isLow(r.scores, r.avg100)).length,
    recentComments: ratings.filter((r) => r.comment).slice(0, 3).map((r) => ({ text: r.comment, avg: avgOf(r.avg100), at: r.at })),
    praises: praises.length,
    recentPraise: praises[0] ? { text: praises[0].text, at: praises[0].at } : null
  }
}

export const reputation: ActionHandler<C['reputation']> = async ({ ports, actor }) => {
  const workers = await ports.store.find('workers', { where: { communityId: actor.communityId }, limit: 200 })
  const now = ports.clock.now()
  const rows = await Promise.all(workers.map((w) => reputationOf(ports, w, now)))
  rows.sort((x, y) => Number(y.worker.outstanding) - Number(x.worker.outstanding) || y.overall - x.overall)
  return ok({ workers: rows })
}

export const markOutstanding: ActionHandler<C['markOutstanding']> = async ({ ports, actor }, input) => {
  const w = await ports.store.get('workers', input.workerId)
  if (!w || w.communityId !== actor.communityId) return fail('BOOKING.WORKER_NOT_FOUND', '师傅不存在', [{ path: 'workerId', message: '师傅不存在' }])
  await ports.store.update('workers', w._id, { set: { outstanding: input.outstanding, outstandingNote: input.outstanding ? input.note : '' } })
  const fresh = (await ports.store.get('workers', w._id)) ?? w
  return ok({ worker: workerRow(fresh) })
}

export const followUps: ActionHandler<C['followUps']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const butler = actor.roles.includes('butler') && !actor.roles.includes('operator')
  const docs = await ports.store.find('followUps', {
    where: { communityId, status: input.status, butlerUserId: butler ? actor.user._id : undefined },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 200
  })
  return ok({ followUps: docs.map(followUpView) })
}

export const closeFollowUp: ActionHandler<C['closeFollowUp']> = async ({ ports, actor }, input) => {
  const f = await ports.store.get('followUps', input.followUpId)
  const operator = actor.roles.includes('operator')
  if (!f || f.communityId !== actor.communityId || (!operator && f.butlerUserId !== actor.user._id)) return fail('FOLLOWUP.NOT_FOUND', '回访任务不存在')
  const now = ports.clock.now()
  const done = await ports.store.update('followUps', f._id, { set: { status: 'closed', note: input.note, closedAt: now, closedBy: actor.user._id } }, { status: 'open' })
  if (!done) return fail('FOLLOWUP.NOT_FOUND', '回访任务已完成')
  const fresh = (await ports.store.get('followUps', f._id)) ?? f
  return ok({ followUp: followUpView(fresh) })
}

export { activeWorkers }
