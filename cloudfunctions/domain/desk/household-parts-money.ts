import { BOOKING_STATUS_LABELS, type BookingStatus, PAY_MODE_LABELS, RATING_LABELS, type RatingDimension } from '../../contracts/booking'
import type { TONES } from '../../contracts/desk-household'
import { CHANNEL_LABELS } from '../../contracts/desk-kinds'
import { BILL_STATUS_LABELS } from '../../contracts/fee'
import { CARD_STATUS_LABELS, COUPON_STATUS_LABELS, type CouponStatus, couponLabel, scopeLabel } from '../../contracts/member'
import { ORDER_STATUS_LABELS, type OrderStatus } from '../../contracts/order'
import { getMany } from '../../kernel/paging'
import type { BookingDoc, RatingDoc } from '../booking/docs'
import type { UserDoc } from '../docs'
import type { BillDoc } from '../fee/docs'
import { lateFeeFen, overdueDays } from '../fee/money'
import { feeSettings } from '../fee/settings'
import { cardStatus } from '../member/cards'
import type { CouponDoc, ServiceCardDoc } from '../member/docs'
import type { OrderDoc } from '../order/docs'
import { formatFenText } from '../format-money'
import { maskName } from '../user/format'
import { type Part, definePart, noSide } from './household-part'
import { clip, dayText, joinDetail, whenText } from './household-text'

type Tone = (typeof TONES)[number]

/** Bills by due date, the latest month first; an overdue one says by how long and what it has added. */
export const bills: Part = definePart<BillDoc, Awaited<ReturnType<typeof feeSettings>>>({
  collection: 'bills',
  timeField: 'dueAt',
  timeOf: (b) => b.dueAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: (ctx) => feeSettings(ctx.ports, ctx.communityId),
  rows: (docs, settings, ctx) =>
    docs.map((b) => {
      const late = b.status === 'unpaid' ? lateFeeFen(b, settings.lateFee, ctx.now) : 0
      const overdue = b.status === 'unpaid' ? overdueDays(b.dueAt, ctx.now) : 0
      const tone: Tone = b.status === 'paid' ? 'success' : b.status !== 'unpaid' ? 'default' : overdue > 0 ? 'danger' : 'warning'
      return {
        id: b._id,
        at: b.dueAt,
        title: b.title,
        detail: joinDetail(
          b.status === 'paid' && b.paidAt !== undefined && `${dayText(b.paidAt)}缴清`,
          overdue > 0 && `已逾期 ${overdue} 天`,
          late > 0 && `滞纳金 ${formatFenText(late)}`,
          b.refundedFen > 0 && `已退 ${formatFenText(b.refundedFen)}`
        ),
        status: overdue > 0 ? '逾期未缴' : BILL_STATUS_LABELS[b.status],
        tone,
        // What was paid (late fee included) once paid; what it comes to today while unpaid.
        amountFen: b.status === 'paid' ? (b.paidFen ?? b.amountFen) : b.amountFen + late
      }
    })
})

const ORDER_TONES: Record<OrderStatus, Tone> = {
  reserving: 'warning',
  pending_payment: 'warning',
  paid: 'primary',
  confirmed: 'primary',
  delivered: 'success',
  expired: 'default',
  cancelled: 'default',
  rejected: 'default',
  refunding: 'warning',
  refunded: 'default'
}

/** Pre-sale orders under their campaign's name, read alongside by id. */
export const orders: Part = definePart<OrderDoc, null>({
  collection: 'orders',
  timeField: 'createdAt',
  timeOf: (o) => o.createdAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: async (docs, _side, ctx) => {
    const campaigns = await getMany(ctx.ports.store, 'campaigns', docs.map((o) => o.campaignId))
    return docs.map((o) => ({
      id: o._id,
      at: o.createdAt,
      title: campaigns.get(o.campaignId)?.title ?? o.skuName,
      detail: joinDetail(
        `${o.skuName} × ${o.quantity}`,
        o.enteredBy && o.channel && `${CHANNEL_LABELS[o.channel]} · ${o.enteredBy.name}代下单`,
        o.discountFen > 0 && `优惠 ${formatFenText(o.discountFen)}`,
        o.deliveredAt ? `${whenText(o.deliveredAt)} 送达` : o.paidAt !== null && `${whenText(o.paidAt)} 支付`,
        o.refundedFen > 0 && `已退 ${formatFenText(o.refundedFen)}`
      ),
      status: ORDER_STATUS_LABELS[o.status],
      tone: ORDER_TONES[o.status],
      amountFen: o.amountFen
    }))
  }
})

const BOOKING_TONES: Record<BookingStatus, Tone> = {
  held: 'warning',
  confirmed: 'primary',
  on_way: 'primary',
  arrived: 'primary',
  done: 'success',
  cancelled: 'default',
  expired: 'default'
}

/** Home services and repairs by their slot, with the worker who came. */
export const bookings: Part = definePart<BookingDoc, null>({
  collection: 'bookings',
  timeField: 'slotStart',
  timeOf: (b) => b.slotStart,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: async (docs, _side, ctx) => {
    const workers = await getMany(ctx.ports.store, 'workers', docs.flatMap((b) => (b.workerId ? [b.workerId] : [])))
    return docs.map((b) => {
      const worker = b.workerId ? workers.get(b.workerId)?.name : null
      return {
        id: b._id,
        at: b.slotStart,
        title: b.kind === 'repair' ? `报修 · ${b.lineName}` : b.lineName,
        detail: joinDetail(
          worker ? `师傅 ${worker}` : b.kind === 'repair' && b.status === 'confirmed' && '待派师傅',
          PAY_MODE_LABELS[b.payMode],
          b.note && clip(b.note, 30)
        ),
        status: BOOKING_STATUS_LABELS[b.status],
        tone: BOOKING_TONES[b.status],
        amountFen: b.priceFen
      }
    })
  }
})

/** Ratings of services: the line and worker by id, the lowest dimension named when it pulled the score down. */
export const ratings: Part = definePart<RatingDoc, null>({
  collection: 'ratings',
  timeField: 'at',
  timeOf: (r) => r.at,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: async (docs, _side, ctx) => {
    const [lines, workers] = await Promise.all([
      getMany(ctx.ports.store, 'serviceLines', docs.map((r) => r.lineId)),
      getMany(ctx.ports.store, 'workers', docs.map((r) => r.workerId))
    ])
    return docs.map((r) => {
      const stars = r.avg100 / 100
      const lowest = (Object.entries(r.scores) as [RatingDimension, number][]).sort((a, b) => a[1] - b[1])[0]
      return {
        id: r._id,
        at: r.at,
        title: lines.get(r.lineId)?.name ?? '上门服务',
        detail: joinDetail(
          `${stars.toFixed(1)} 分`,
          workers.get(r.workerId)?.name,
          lowest && lowest[1] <= 3 && `${RATING_LABELS[lowest[0]]} ${lowest[1]} 分`,
          r.comment ? `“${clip(r.comment, 30)}”` : null
        ),
        status: stars >= 4 ? '好评' : stars >= 3 ? '中评' : '差评',
        tone: stars >= 4 ? 'success' : stars >= 3 ? 'default' : 'danger',
        amountFen: null
      }
    })
  }
})

const COUPON_TONES: Record<CouponStatus, Tone> = { available: 'primary', locked: 'warning', used: 'success', expired: 'default', void: 'default' }

/** Coupons are held per person: every member's, in this community, with whose it is. */
export const coupons: Part = definePart<CouponDoc, Map<string, UserDoc>>({
  collection: 'coupons',
  timeField: 'createdAt',
  timeOf: (c) => c.createdAt,
  where: async (ctx) => {
    const members = await ctx.memberships()
    return members.length ? { userId: { in: members.map((m) => m.userId) }, communityId: ctx.communityId } : null
  },
  side: async (ctx) => getMany(ctx.ports.store, 'users', (await ctx.memberships()).map((m) => m.userId)),
  rows: (docs, users, ctx) =>
    docs.map((c) => {
      // A coupon past its date reads expired even before the sweep marks it.
      const status: CouponStatus = c.status === 'available' && c.validTo < ctx.now ? 'expired' : c.status
      return {
        id: c._id,
        at: c.createdAt,
        title: c.title,
        detail: joinDetail(couponLabel(c), scopeLabel(c.scope), `${dayText(c.validTo)}到期`, maskName(users.get(c.userId)?.nickname)),
        status: COUPON_STATUS_LABELS[status],
        tone: COUPON_TONES[status],
        amountFen: c.kind === 'percent' ? null : c.valueFen
      }
    })
})

/** Prepaid service cards (次卡): uses left and until when. */
export const cards: Part = definePart<ServiceCardDoc, null>({
  collection: 'serviceCards',
  timeField: 'createdAt',
  timeOf: (c) => c.createdAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs, _side, ctx) =>
    docs.map((c) => {
      const status = cardStatus(c, ctx.now)
      return {
        id: c._id,
        at: c.createdAt,
        title: c.title,
        detail: joinDetail(`剩余 ${c.usesLeft}/${c.usesTotal} 次`, scopeLabel(c.scope), `有效期至 ${dayText(c.validTo)}`),
        status: CARD_STATUS_LABELS[status],
        tone: status === 'active' ? 'primary' : 'default',
        amountFen: c.valueFen
      }
    })
})
