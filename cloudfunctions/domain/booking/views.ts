import {
  BOOKING_STATUS_LABELS,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  type BookingViewT,
  type ComplaintViewT,
  type LineViewT,
  type PayMode,
  type PricingViewT
} from '../../contracts/booking'
import { getMany } from '../../kernel/paging'
import type { Store } from '../../kernel/store'
import type { UserDoc } from '../docs'
import { maskPhone } from '../user/format'
import { storedPhoto } from '../photos'
import { householdLabels } from '../user/labels'
import type { BookingDoc, ComplaintDoc, FollowUpDoc, RatingDoc, ServiceLineDoc, WorkerDoc } from './docs'
import { hoursText } from '../../contracts/work-hours'
import { HOUR, MINUTE, type TimedStep, stepOpensAt, stepOpensText } from './slots'

/** Residents may cancel a confirmed booking up to this long before it starts. */
export const CANCEL_BEFORE_MS = 2 * HOUR

export function payModesOf(line: ServiceLineDoc): PayMode[] {
  if (line.freeUnderPropertyFee) return ['free']
  if (line.priceFen === null) return ['after', 'card']
  return ['upfront', 'after', 'card']
}

export function lineView(l: ServiceLineDoc): LineViewT {
  return {
    id: l._id,
    name: l.name,
    category: l.category,
    kind: l.kind,
    cover: storedPhoto(l.cover),
    description: l.description,
    priceFen: l.priceFen,
    durationMin: l.durationMin,
    freeUnderPropertyFee: l.freeUnderPropertyFee,
    checklist: l.checklist,
    payModes: payModesOf(l)
  }
}

export function workerRow(w: WorkerDoc) {
  return {
    id: w._id,
    name: w.name,
    partner: w.partner,
    outstanding: w.outstanding,
    outstandingNote: w.outstandingNote,
    skills: [...w.skills],
    hours: hoursText(w.hours)
  }
}

export function avgOf(avg100: number): number {
  return Math.round(avg100) / 100
}

interface ViewCtx {
  lines: Map<string, ServiceLineDoc>
  workers: Map<string, WorkerDoc>
  ratings: Map<string, RatingDoc>
  households: Map<string, string>
  users: Map<string, UserDoc>
  now: number
}

/** Loads what the views of these bookings need, in a few batched reads. */
export async function viewContext(store: Store, bookings: readonly BookingDoc[], now: number): Promise<ViewCtx> {
  const [lines, workers, ratings, households, users] = await Promise.all([
    getMany(store, 'serviceLines', bookings.map((b) => b.lineId)),
    getMany(store, 'workers', bookings.flatMap((b) => [b.workerId ?? '', ...b.reassignments.map((r) => r.from)]).filter(Boolean)),
    getMany(store, 'ratings', bookings.filter((b) => b.rated).map((b) => b._id)),
    householdLabels({ store }, bookings.map((b) => b.householdId), bookings[0]?.communityId),
    getMany(store, 'users', bookings.map((b) => b.userId))
  ])
  return { lines, workers, ratings, households, users, now }
}

export async function viewsOf(store: Store, bookings: readonly BookingDoc[], now: number): Promise<BookingViewT[]> {
  const ctx = await viewContext(store, bookings, now)
  return bookings.map((b) => bookingView(b, ctx))
}

export async function viewOne(store: Store, b: BookingDoc, now: number): Promise<BookingViewT> {
  return bookingView(b, await viewContext(store, [b], now))
}

function pricingView(b: BookingDoc): PricingViewT | null {
  const p = b.pricing
  if (!p) return null
  return {
    subtotalFen: p.subtotalFen,
    levelName: p.levelName,
    levelDiscountFen: p.levelDiscountFen,
    couponDiscountFen: p.couponDiscountFen,
    pointsUsed: p.pointsUsed,
    pointsDiscountFen: p.pointsDiscountFen,
    discountFen: p.discountFen
  }
}

/** The step the worker takes next from this status, if it is one that waits for the slot. */
const NEXT_TIMED: Partial<Record<BookingDoc['status'], TimedStep>> = { confirmed: 'on_way', on_way: 'arrived', arrived: 'finish' }

function stepWindow(b: BookingDoc, now: number): BookingViewT['window'] {
  const next = NEXT_TIMED[b.status]
  return {
    departFrom: stepOpensAt('on_way', b.slotStart),
    arriveFrom: stepOpensAt('arrived', b.slotStart),
    finishFrom: stepOpensAt('finish', b.slotStart),
    hint: next && now < stepOpensAt(next, b.slotStart) ? stepOpensText(next, b.slotStart) : ''
  }
}

export function bookingView(b: BookingDoc, ctx: ViewCtx): BookingViewT {
  const line = ctx.lines.get(b.lineId)
  const worker = b.workerId ? ctx.workers.get(b.workerId) : undefined
  const rating = ctx.ratings.get(b._id)
  const checklist = (line?.checklist ?? []).map((c) => ({
    key: c.key,
    label: c.label,
    doneAt: b.steps[c.key]?.at ?? null,
    photo: b.steps[c.key]?.photo ?? null
  }))
  const name = (id: string) => ctx.workers.get(id)?.name ?? '师傅'
  const timeline: BookingViewT['timeline'] = [
    { key: 'created', label: b.kind === 'repair' ? '报修已提交' : '预约已提交', at: b.createdAt, note: '' },
    {
      key: 'assigned',
      label: '已派单',
      at: b.assignedAt ?? null,
      note: worker ? `${worker.name}${b.reassignments.length > 0 ? `（已替换：${b.reassignments.map((r) => r.reason).join('；')}）` : ''}` : '等待调度派单'
    },
    { key: 'on_way', label: '师傅已出发', at: b.onWayAt ?? null, note: '' },
    {
      key: 'arrived',
      label: '已到达',
      at: b.arrivedAt ?? null,
      note: b.lateMin === undefined ? '' : b.lateMin > 0 ? `迟到 ${b.lateMin} 分钟` : '准时到达'
    },
    ...checklist.map((c) => ({ key: `step:${c.key}`, label: c.label, at: c.doneAt, note: c.photo ? '已拍照' : '' })),
    { key: 'finished', label: '服务完成', at: b.finishedAt ?? null, note: b.finishNote ?? '' },
    { key: 'rated', label: '已评价', at: rating?.at ?? null, note: rating ? `${avgOf(rating.avg100).toFixed(1)} 分` : '' }
  ]
  if (b.status === 'cancelled' || b.status === 'expired') {
    timeline.push({ key: b.status, label: BOOKING_STATUS_LABELS[b.status], at: b.cancelledAt ?? b.updatedAt, note: '' })
  }
  const live = b.status === 'held' || b.status === 'confirmed'
  return {
    id: b._id,
    communityId: b.communityId,
    lineId: b.lineId,
    lineName: b.lineName,
    lineCover: storedPhoto(line?.cover),
    kind: b.kind,
    status: b.status,
    statusLabel: b.status === 'confirmed' && !b.workerId ? '待派单' : BOOKING_STATUS_LABELS[b.status],
    slotStart: b.slotStart,
    slotEnd: b.slotEnd,
    householdId: b.householdId,
    householdLabel: ctx.households.get(b.householdId) ?? '',
    contactName: b.contactName,
    contactPhoneMasked: maskPhone(ctx.users.get(b.userId)?.phone),
    worker: worker ? { id: worker._id, name: worker.name, partner: worker.partner, outstanding: worker.outstanding } : null,
    payMode: b.payMode,
    payState: b.payState,
    priceFen: b.priceFen,
    pricing: pricingView(b),
    holdUntil: b.status === 'held' ? b.holdUntil : null,
    note: b.note,
    photos: b.photos,
    lateMin: b.lateMin ?? null,
    window: stepWindow(b, ctx.now),
    checklist,
    timeline,
    reassignments: b.reassignments.map((r) => ({ from: name(r.from), to: name(r.to), reason: r.reason, at: r.at })),
    rating: rating ? { scores: rating.scores, avg: avgOf(rating.avg100), comment: rating.comment, nextTime: rating.nextTime, at: rating.at } : null,
    canCancel: b.status === 'held' || (live && b.slotStart - ctx.now >= CANCEL_BEFORE_MS),
    canPay: (b.status === 'held' && (b.holdUntil ?? 0) > ctx.now) || (b.status === 'done' && b.payState === 'due' && (b.priceFen ?? 0) > 0),
    canRate: b.status === 'done' && !b.rated && b.workerId !== null,
    canThank: b.status === 'done' && !b.praised && b.workerId !== null,
    createdAt: b.createdAt
  }
}

export function followUpView(f: FollowUpDoc) {
  return {
    id: f._id,
    bookingId: f.bookingId,
    householdLabel: f.householdLabel,
    lineName: f.lineName,
    workerName: f.workerName,
    avg: avgOf(f.avg100),
    comment: f.comment,
    status: f.status,
    note: f.note,
    createdAt: f.createdAt,
    closedAt: f.closedAt
  }
}

export function complaintView(c: ComplaintDoc): ComplaintViewT {
  return {
    id: c._id,
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    text: c.text,
    photos: c.photos,
    householdLabel: c.householdLabel,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    response: c.response,
    createdAt: c.createdAt,
    firstResponseAt: c.firstResponseAt,
    resolvedAt: c.resolvedAt,
    responseMinutes: c.firstResponseAt === null ? null : Math.round((c.firstResponseAt - c.createdAt) / MINUTE),
    rating: c.rating
  }
}
