import { createHash } from 'node:crypto'
import type { bookingContracts } from '../../contracts/booking'
import { type Counter, give, take } from '../../kernel/counter'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { type Result, fail, ok } from '../../kernel/result'
import { holdsDiscount, releaseHeld } from '../member/checkout'
import type { ServiceCardDoc } from '../member/docs'
import { cardStatus, redeemCardUse } from '../member/cards'
import type { BookingDoc, RatingDoc, ServiceLineDoc, SlotClaimDoc, SlotCounterDoc, WorkerDoc } from './docs'
import { lineIn } from './catalog'
import { holdBookingDiscount, priceBooking } from './pricing'
import { LEAD_MS, HORIZON_DAYS, DAY, eligible, isSlotStart, localMidnight, slotCapacity, slotEnd, slotText } from './slots'
import { payModesOf, viewOne } from './views'
import { followBooking } from '../desk/booking-sync'

type C = typeof bookingContracts

/** An upfront booking holds its worker this long for the payment. */
export const HOLD_MS = 20 * 60_000

export function bookingIdOf(key: string): string {
  return `bk${createHash('sha256').update(key).digest('hex').slice(0, 20)}`
}

export async function activeWorkers(ports: Ports, communityId: string): Promise<WorkerDoc[]> {
  return ports.store.find('workers', { where: { communityId, active: true }, orderBy: [{ field: 'name', dir: 'asc' }], limit: 200 })
}

/** Whether a service card may pay for this line (its scope), and is usable now. */
export function cardFits(card: ServiceCardDoc, line: ServiceLineDoc, now: number): boolean {
  if (cardStatus(card, now) !== 'active') return false
  const s = card.scope
  return s.type === 'all' || (s.type === 'category' && s.value === line.category) || (s.type === 'service' && s.value === line._id)
}

export const slotCounterId = (lineId: string, start: number) => `${lineId}:${start}`

/**
 * The line's slot as a kernel bounded counter: `booked` counts up to the slot's capacity as this
 * request derives it ({@link slotCapacity}), and the journal names each booking attempt holding a
 * unit (twins of one request are two attempts: the loser gives back only its own), so a release
 * gives back once, whoever repeats it.
 */
function slotCounter(lineId: string, start: number, capacity: number): Counter {
  return { collection: 'slotCounters', id: slotCounterId(lineId, start), field: 'booked', direction: 'up', bound: capacity }
}

/**
 * Takes one unit of the slot for `holder` (the booking attempt); false when the slot is full. The
 * bound is the capacity derived now, never one stored by an earlier booker, so workers added or
 * gone since count at once. `read` is the counter as the request read it (null: none yet); the slot's first
 * booking makes the counter with itself counted, in one round trip.
 */
export async function takeCounter(ports: Ports, line: ServiceLineDoc, start: number, capacity: number, read: SlotCounterDoc | null, holder: string): Promise<boolean> {
  const now = ports.clock.now()
  const counter = slotCounter(line._id, start, capacity)
  const doc = (): SlotCounterDoc => ({ _id: counter.id, communityId: line.communityId, lineId: line._id, slotStart: start, capacity, booked: 0, holds: {}, updatedAt: now })
  return take(ports.store, counter, { holder, amount: 1, set: { capacity, updatedAt: now }, create: { doc, first: read === null } })
}

/** Gives back the unit `holder` holds of the slot, at most once. */
export async function releaseCounter(ports: Ports, lineId: string, start: number, holder: string): Promise<void> {
  await give(ports.store, slotCounter(lineId, start, 0), holder, 1, { updatedAt: ports.clock.now() })
}

export async function claimWorker(ports: Ports, w: WorkerDoc, start: number, bookingId: string, attempt: string): Promise<boolean> {
  const claim: SlotClaimDoc = {
    _id: `${w._id}:${start}`,
    communityId: w.communityId,
    workerId: w._id,
    slotStart: start,
    bookingId,
    attempt,
    createdAt: ports.clock.now()
  }
  return (await ports.store.insert('slotClaims', claim)).ok
}

export async function releaseClaim(ports: Ports, workerId: string, start: number, bookingId: string): Promise<void> {
  await ports.store.remove('slotClaims', `${workerId}:${start}`, { bookingId })
}

/**
 * The order in which free workers are tried: the household's previous worker first when they
 * rated them well (4+ and did not ask for someone else), workers the household asked not to get
 * again last, the rest by how few jobs they have that day.
 */
export interface CandidateFacts {
  /** The household's ratings, newest first. */
  history: RatingDoc[]
  /** The workers' claims on the slot's day. */
  dayClaims: SlotClaimDoc[]
}

export async function candidateFacts(ports: Ports, communityId: string, start: number, householdId: string): Promise<CandidateFacts> {
  const [history, dayClaims] = await Promise.all([
    ports.store.find('ratings', { where: { householdId }, orderBy: [{ field: 'at', dir: 'desc' }], limit: 50 }),
    ports.store.find('slotClaims', { where: { communityId, slotStart: { gte: localMidnight(start), lt: localMidnight(start) + DAY } }, limit: 1000 })
  ])
  return { history, dayClaims }
}

export function candidates(line: ServiceLineDoc, start: number, workers: readonly WorkerDoc[], { history, dayClaims }: CandidateFacts): WorkerDoc[] {
  const pool = eligible(workers, line.category, start)
  if (pool.length <= 1) return pool
  const avoid = new Set(history.filter((r) => r.nextTime === 'different').map((r) => r.workerId))
  const liked = history.find((r) => r.avg100 >= 400 && r.nextTime !== 'different' && !avoid.has(r.workerId))?.workerId
  const load = new Map<string, number>()
  for (const c of dayClaims) load.set(c.workerId, (load.get(c.workerId) ?? 0) + 1)
  const rank = (w: WorkerDoc) => (w._id === liked ? 0 : avoid.has(w._id) ? 2 : 1)
  return [...pool].sort((a, b) => rank(a) - rank(b) || (load.get(a._id) ?? 0) - (load.get(b._id) ?? 0) || a._id.localeCompare(b._id))
}

interface Claimed {
  worker: WorkerDoc | null
  counted: boolean
}

/**
 * Takes a unit of the slot's capacity and a free worker. Compensates its own writes when it
 * cannot finish, so a refused booking leaves nothing held. A repair with capacity but no free
 * worker is accepted unassigned: the dispatcher assigns it.
 */
interface SlotFacts extends CandidateFacts {
  workers: WorkerDoc[]
  counter: SlotCounterDoc | null
}

async function reserve(ports: Ports, line: ServiceLineDoc, start: number, bookingId: string, attempt: string, asked: WorkerDoc | null, facts: SlotFacts): Promise<Result<Claimed>> {
  const { workers } = facts
  const pool = asked ? eligible([asked], line.category, start) : eligible(workers, line.category, start)
  if (asked && pool.length === 0) return fail('BOOKING.WORKER_BUSY', `${asked.name}在该时段不上班或不提供此服务`)
  // The same for every request, asked-for worker or not, and the same the slot picker shows.
  const capacity = slotCapacity(line, workers, start)
  if (capacity < 1 && line.kind !== 'repair') return fail('BOOKING.SLOT_FULL', '该时段已约满，请换个时间')
  const counted = capacity >= 1 && (await takeCounter(ports, line, start, capacity, facts.counter, attempt))
  if (!counted && line.kind !== 'repair') return fail('BOOKING.SLOT_FULL', '该时段已约满，请换个时间')
  const order = asked ? pool : candidates(line, start, workers, facts)
  for (const w of order) {
    if (await claimWorker(ports, w, start, bookingId, attempt)) return ok({ worker: w, counted })
  }
  if (line.kind === 'repair') return ok({ worker: null, counted })
  if (counted) await releaseCounter(ports, line._id, start, attempt)
  return fail(asked ? 'BOOKING.WORKER_BUSY' : 'BOOKING.SLOT_FULL', asked ? `${asked.name}该时段已有预约` : '该时段师傅已约满，请换个时间')
}

async function undo(ports: Ports, line: ServiceLineDoc, start: number, bookingId: string, attempt: string, got: Claimed): Promise<void> {
  if (got.worker) await releaseClaim(ports, got.worker._id, start, bookingId)
  if (got.counted) await releaseCounter(ports, line._id, start, attempt)
}

/**
 * Withdraws a booking whose coupon or points could not be held: the booking is removed (only from
 * `held` with the discount still unheld, so once), then its worker, its unit of the slot and
 * whatever an earlier attempt of the same request held are given back.
 */
async function withdraw(ports: Ports, b: BookingDoc): Promise<boolean> {
  if (!(await ports.store.remove('bookings', b._id, { status: 'held', discountHeld: false }))) return false
  if (b.workerId) await releaseClaim(ports, b.workerId, b.slotStart, b._id)
  if (b.counterHeld && b.slotHolder) await releaseCounter(ports, b.lineId, b.slotStart, b.slotHolder)
  if (b.pricing) await releaseHeld(ports, b._id, b.pricing, 'cancelled')
  return true
}

/**
 * What a booking request answers once its booking exists (a retried or twin request included):
 * the booking, after holding its coupon and points if that was cut short. A hold refused now
 * withdraws the booking and answers the refusal.
 */
async function settle(ports: Ports, b: BookingDoc): Promise<Result<BookingDoc>> {
  if (b.discountHeld !== false) return ok(b)
  const held = await holdBookingDiscount(ports, b)
  if (held.ok) return held
  if (await withdraw(ports, b)) return held
  // Someone else moved it on meanwhile (a twin held the discount, or withdrew it): answer with that.
  const fresh = await ports.store.get('bookings', b._id)
  return fresh ? ok(fresh) : held
}

export const book: ActionHandler<C['book']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const now = ports.clock.now()
  const idempotencyKey = `${actor.user._id}:${input.clientRequestId}`
  const bookingId = bookingIdOf(idempotencyKey)
  // Every read the request may need, at once: its booking if resubmitted, the line, the card and
  // worker it names, the slot's workers and counter, the household's ratings and the day's claims.
  const [existing, lineDoc, namedCard, namedWorker, workers, counter, facts] = await Promise.all([
    ports.store.get('bookings', bookingId),
    lineIn(ports, communityId, input.lineId),
    input.payMode === 'card' && input.cardId ? ports.store.get('serviceCards', input.cardId) : Promise.resolve(null),
    input.workerId ? ports.store.get('workers', input.workerId) : Promise.resolve(null),
    activeWorkers(ports, communityId),
    isSlotStart(input.slotStart) ? ports.store.get('slotCounters', slotCounterId(input.lineId, input.slotStart)) : Promise.resolve(null),
    // Only to rank workers: a resident who names one needs no ranking.
    input.workerId ? Promise.resolve({ history: [], dayClaims: [] }) : candidateFacts(ports, communityId, input.slotStart, input.householdId)
  ])
  // A resubmitted request answers with its booking (continued if it was cut short), whatever else changed.
  if (existing) {
    const res = await settle(ports, existing)
    return res.ok ? ok({ booking: await viewOne(ports.store, res.value, now) }) : res
  }
  // ── Validation: nothing is written until every check passed. ──
  if (!actor.householdIds.includes(input.householdId)) {
    return fail('HOUSEHOLD.NOT_MEMBER', '你不是该房屋的成员', [{ path: 'householdId', message: '不是你的房屋' }])
  }
  const line = lineDoc
  if (!line) return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在或已下架', [{ path: 'lineId', message: '服务项目不存在' }])
  if (!isSlotStart(input.slotStart)) return fail('BOOKING.SLOT_INVALID', '请选择列表中的时段', [{ path: 'slotStart', message: '时段无效' }])
  if (input.slotStart < now + LEAD_MS) return fail('BOOKING.SLOT_PAST', '该时段已过或即将开始，请选择其他时段', [{ path: 'slotStart', message: '时段已过' }])
  if (input.slotStart > localMidnight(now) + (HORIZON_DAYS + 1) * DAY) {
    return fail('BOOKING.SLOT_INVALID', `只能预约 ${HORIZON_DAYS} 天内的时段`, [{ path: 'slotStart', message: '超出可预约范围' }])
  }
  if (!payModesOf(line).includes(input.payMode)) {
    return fail('BOOKING.PAY_MODE', '该服务不支持这种付款方式', [{ path: 'payMode', message: '付款方式不可用' }])
  }
  let card: ServiceCardDoc | null = null
  if (input.payMode === 'card') {
    card = namedCard
    if (!card || card.ownerUserId !== actor.user._id || card.communityId !== communityId || !cardFits(card, line, now)) {
      return fail('BOOKING.CARD_NOT_APPLICABLE', '这张服务卡不能用于该服务', [{ path: 'cardId', message: '服务卡不可用' }])
    }
  } else if (input.cardId) {
    return fail('BOOKING.PAY_MODE', '只有选择服务卡抵扣时才能选卡', [{ path: 'cardId', message: '未选择服务卡抵扣' }])
  }
  let asked: WorkerDoc | null = null
  if (input.workerId) {
    asked = namedWorker
    if (!asked || asked.communityId !== communityId || !asked.active) {
      return fail('BOOKING.WORKER_NOT_FOUND', '该师傅不在本小区服务', [{ path: 'workerId', message: '师傅不存在' }])
    }
  }
  // The server prices: the line's price, then membership (level discount, coupon, points), as a pre-sale order.
  const priced = await priceBooking(ports, { userId: actor.user._id, communityId }, line, input.payMode, input)
  if (!priced.ok) return priced
  const pricing = priced.value

  // ── Capacity, then a worker; each step undone if a later one fails. ──
  // Letters only: the attempt is also the key of its unit in the slot counter's journal, a field path.
  const attempt = ports.random.code(12, 'abcdefghijklmnopqrstuvwxyz')
  const got = await reserve(ports, line, input.slotStart, bookingId, attempt, asked, { workers, counter, ...facts })
  if (!got.ok) return got
  if (card) {
    const redeemed = await redeemCardUse(ports, card._id, bookingId, { userId: actor.user._id })
    if (!redeemed.ok) {
      await undo(ports, line, input.slotStart, bookingId, attempt, got.value)
      return fail('BOOKING.CARD_NOT_APPLICABLE', redeemed.message, [{ path: 'cardId', message: redeemed.message }])
    }
  }
  const upfront = input.payMode === 'upfront'
  const doc: BookingDoc = {
    _id: bookingId,
    idempotencyKey,
    communityId,
    householdId: input.householdId,
    userId: actor.user._id,
    contactName: actor.user.nickname,
    lineId: line._id,
    lineName: line.name,
    category: line.category,
    kind: line.kind,
    slotStart: input.slotStart,
    slotEnd: slotEnd(input.slotStart),
    counterHeld: got.value.counted,
    ...(got.value.counted ? { slotHolder: attempt } : {}),
    workerId: got.value.worker?._id ?? null,
    status: upfront ? 'held' : 'confirmed',
    payMode: input.payMode,
    payState: upfront ? 'unpaid' : input.payMode === 'card' ? 'card' : input.payMode === 'free' ? 'free' : 'due',
    priceFen: input.payMode === 'free' ? 0 : pricing ? pricing.payableFen : line.priceFen,
    ...(pricing ? { pricing } : {}),
    ...(pricing && holdsDiscount(pricing) ? { discountHeld: false } : {}),
    ...(card ? { cardId: card._id } : {}),
    holdUntil: upfront ? now + HOLD_MS : null,
    note: input.note,
    photos: input.photos,
    ...(got.value.worker ? { assignedAt: now } : {}),
    steps: {},
    reassignments: [],
    rated: false,
    createdAt: now,
    updatedAt: now
  }
  const inserted = await ports.store.insert('bookings', doc)
  if (!inserted.ok) {
    // The same request raced itself: the other attempt owns the booking (and the card use).
    await undo(ports, line, input.slotStart, bookingId, attempt, got.value)
    const other = await ports.store.get('bookings', bookingId)
    if (!other) return fail('BOOKING.SLOT_FULL', '请重试')
    const res = await settle(ports, other)
    return res.ok ? ok({ booking: await viewOne(ports.store, res.value, now) }) : res
  }
  const placed = await settle(ports, doc)
  if (!placed.ok) return placed
  const w = got.value.worker
  // The worker's notice and the answer's view do not depend on each other.
  const [view] = await Promise.all([
    viewOne(ports.store, placed.value, now),
    followBooking(ports, bookingId),
    w
      ? ports.notifier.notify({
          userId: w.userId,
          communityId,
          kind: 'booking_assigned',
          title: '新工单',
          body: `${line.name} · ${slotText(input.slotStart)}`,
          link: `/packages/service-staff/pages/job/index?id=${bookingId}`
        })
      : Promise.resolve()
  ])
  return ok({ booking: view })
}
