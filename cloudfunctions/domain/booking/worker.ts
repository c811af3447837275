import type { bookingContracts } from '../../contracts/booking'
import type { Actor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { type Priced, priceItems, pricedOf } from '../member/checkout'
import type { BookingDoc, WorkerDoc } from './docs'
import { bookingItems } from './pricing'
import { DAY, type TimedStep, lateMinutes, localMidnight, slotText, stepOpensAt, stepOpensText } from './slots'
import { viewOne, viewsOf, workerRow } from './views'
import { followBooking } from '../desk/booking-sync'

type C = typeof bookingContracts

export async function workerOf(ports: Ports, actor: Actor): Promise<WorkerDoc | null> {
  const [w] = await ports.store.find('workers', { where: { userId: actor.user._id, communityId: actor.communityId }, limit: 1 })
  return w ?? null
}

export const workerJobs: ActionHandler<C['workerJobs']> = async ({ ports, actor }, input) => {
  const w = await workerOf(ports, actor)
  if (!w) return fail('BOOKING.WORKER_NOT_FOUND', '你还没有师傅档案，请联系调度')
  const now = ports.clock.now()
  const today = localMidnight(now)
  const range =
    input.when === 'today'
      ? { gte: today, lt: today + DAY }
      : input.when === 'upcoming'
        ? { gte: today + DAY, lt: today + 8 * DAY }
        : { gte: today - 30 * DAY, lt: today + DAY }
  const docs = await ports.store.find('bookings', {
    where: { workerId: w._id, slotStart: range },
    orderBy: [{ field: 'slotStart', dir: input.when === 'done' ? 'desc' : 'asc' }],
    limit: 200
  })
  const wanted = docs.filter((b) =>
    input.when === 'done' ? b.status === 'done' : b.status === 'confirmed' || b.status === 'on_way' || b.status === 'arrived' || (input.when === 'today' && b.status === 'done')
  )
  return ok({ worker: workerRow(w), jobs: await viewsOf(ports.store, wanted, now) })
}

export const progress: ActionHandler<C['progress']> = async ({ ports, actor }, input) => {
  const w = await workerOf(ports, actor)
  const b = await ports.store.get('bookings', input.bookingId)
  if (!w || !b || b.workerId !== w._id || b.communityId !== actor.communityId) return fail('BOOKING.NOT_FOUND', '工单不存在或已改派')
  const line = await ports.store.get('serviceLines', b.lineId)
  const now = ports.clock.now()
  const mine = { workerId: w._id }
  // Marked against the slot, never ahead of it: a step taken days early would record a false arrival.
  const early = (step: TimedStep) => now < stepOpensAt(step, b.slotStart)
  let applied = false
  let body = ''
  if (input.step === 'on_way') {
    if (b.status !== 'confirmed') return fail('BOOKING.BAD_STATE', b.status === 'held' ? '住户尚未付款' : '当前状态不能标记出发')
    if (early('on_way')) return tooEarly('on_way', b.slotStart)
    applied = await ports.store.update('bookings', b._id, { set: { status: 'on_way', onWayAt: now, updatedAt: now } }, { ...mine, status: 'confirmed' })
    body = `${w.name}已出发，请保持电话畅通`
  } else if (input.step === 'arrived') {
    if (b.status !== 'on_way' && b.status !== 'confirmed') return fail('BOOKING.BAD_STATE', '当前状态不能标记到达')
    if (early('arrived')) return tooEarly('arrived', b.slotStart)
    const lateMin = lateMinutes(b.slotStart, now)
    applied = await ports.store.update(
      'bookings',
      b._id,
      { set: { status: 'arrived', arrivedAt: now, lateMin, updatedAt: now, ...(b.onWayAt ? {} : { onWayAt: now }) } },
      { ...mine, status: b.status }
    )
    body = lateMin > 0 ? `${w.name}已到达（迟到 ${lateMin} 分钟）` : `${w.name}已准时到达`
  } else if (input.step === 'check') {
    const item = line?.checklist.find((c) => c.key === input.key)
    if (!item) return fail('BOOKING.STEP_UNKNOWN', '没有这项服务标准', [{ path: 'key', message: '服务标准不存在' }])
    if (b.status !== 'arrived') return fail('BOOKING.BAD_STATE', '到达后才能逐项确认服务标准')
    if (b.steps[item.key]) return ok({ booking: await viewOne(ports.store, b, now) })
    applied = await ports.store.update(
      'bookings',
      b._id,
      { set: { [`steps.${item.key}`]: { at: now, photo: input.photo ?? null }, updatedAt: now } },
      { ...mine, status: 'arrived' }
    )
  } else {
    if (b.status !== 'arrived') return fail('BOOKING.BAD_STATE', '到达后才能完工')
    if (early('finish')) return tooEarly('finish', b.slotStart)
    const missing = (line?.checklist ?? []).filter((c) => !b.steps[c.key])
    if (missing.length > 0) {
      return fail('BOOKING.STEPS_MISSING', `还有 ${missing.length} 项服务标准未完成：${missing.map((m) => m.label).join('、')}`)
    }
    const quoted = b.priceFen === null
    if (quoted && input.priceFen === undefined) return fail('REQUEST.INVALID_INPUT', '请填写上门报价金额', [{ path: 'priceFen', message: '请填写报价' }])
    // A price quoted on site takes the booker's level discount, as a price known at booking does.
    const pricing = quoted && b.payState === 'due' && (input.priceFen ?? 0) > 0 ? await levelPriced(ports, b, input.priceFen ?? 0) : null
    const price = pricing ? pricing.payableFen : quoted ? (input.priceFen ?? 0) : b.priceFen
    const payState = b.payState === 'due' && price === 0 ? 'free' : b.payState
    applied = await ports.store.update(
      'bookings',
      b._id,
      { set: { status: 'done', finishedAt: now, finishNote: input.note, priceFen: price, ...(pricing ? { pricing } : {}), payState, updatedAt: now } },
      { ...mine, status: 'arrived' }
    )
    body = payState === 'due' ? `服务已完成，请付款 ¥${((price ?? 0) / 100).toFixed(2)} 并评价` : '服务已完成，请为本次服务评价'
  }
  if (!applied) return fail('BOOKING.BAD_STATE', '工单状态已变化，请刷新')
  if (input.step !== 'check') await followBooking(ports, b._id)
  if (body) {
    await ports.notifier.notify({
      userId: b.userId,
      communityId: b.communityId,
      kind: 'booking_progress',
      title: b.lineName,
      body,
      link: `/packages/service/pages/booking/index?id=${b._id}&communityId=${b.communityId}`
    })
  }
  const fresh = (await ports.store.get('bookings', b._id)) ?? b
  return ok({ booking: await viewOne(ports.store, fresh, now) })
}

function tooEarly(step: TimedStep, slotStart: number) {
  const what = step === 'on_way' ? '还没到出发时间' : step === 'arrived' ? '还没到上门时间' : '还没到服务时间'
  return fail('BOOKING.TOO_EARLY', `${what}：本单服务时段 ${slotText(slotStart)} 开始，${stepOpensText(step, slotStart)}`)
}

/** The on-site price after the booker's level discount (no coupon or points: those are taken only online upfront). */
async function levelPriced(ports: Ports, b: BookingDoc, priceFen: number): Promise<Priced | null> {
  const q = await priceItems(ports, { userId: b.userId, communityId: b.communityId }, bookingItems(b, priceFen), { couponId: null, usePoints: false })
  return q.ok ? pricedOf(q.value) : null
}

/** While the job is live the worker may call the booker: the full number is given, and who saw it when is logged. */
const REVEALABLE: readonly BookingDoc['status'][] = ['confirmed', 'on_way', 'arrived']

/**
 * The booker's full phone for the assigned worker, through the audited reveal: every reveal is a
 * `revealLog` entry (the log butlers' reveals write, and a resident's data export lists), with the
 * booking as the task that justified it.
 */
export const revealPhone: ActionHandler<C['revealPhone']> = async ({ ports, actor }, input) => {
  const w = await workerOf(ports, actor)
  const b = await ports.store.get('bookings', input.bookingId)
  if (!w || !b || b.workerId !== w._id || b.communityId !== actor.communityId) return fail('BOOKING.NOT_FOUND', '工单不存在或已改派')
  if (!REVEALABLE.includes(b.status)) return fail('BOOKING.BAD_STATE', '工单进行中才能查看住户电话')
  const user = await ports.store.get('users', b.userId)
  if (!user?.phone) return fail('BOOKING.PHONE_UNAVAILABLE', '住户没有留电话，请联系管家')
  const now = ports.clock.now()
  await ports.store.insert('revealLog', {
    _id: `${actor.user._id}:${b.householdId}:${now}:${ports.random.id(4)}`,
    communityId: b.communityId,
    butlerUserId: actor.user._id,
    householdId: b.householdId,
    taskId: b._id,
    at: now
  })
  return ok({ phone: user.phone })
}
