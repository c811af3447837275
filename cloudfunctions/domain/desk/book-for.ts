import { CHANNEL_LABELS } from '../../contracts/desk-kinds'
import type { deskBookingContracts } from '../../contracts/desk-booking'
import { LINE_KIND_LABELS } from '../../contracts/booking-setup'
import { PAY_MODE_LABELS } from '../../contracts/booking'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import { book } from '../booking/book'
import { slots } from '../booking/actions'
import type { ServiceLineDoc } from '../booking/docs'
import { lineIn } from '../booking/catalog'
import { maskName } from '../user/format'
import { applyChange } from './apply'
import { householdFor, memberActor, memberOptions, onBehalfKey } from './on-behalf'
import { bookingWorkOrderId } from './booking-sync'

type C = typeof deskBookingContracts

/** Lines staff may book for a resident: every active one; none needs money up front (after or free). */
function payModeFor(line: ServiceLineDoc): 'free' | 'after' {
  return line.freeUnderPropertyFee ? 'free' : 'after'
}

export const bookingOptions: ActionHandler<C['bookingOptions']> = async ({ ports, actor, requestId }, input) => {
  const h = await householdFor(ports, actor, input.householdId)
  if (!h.ok) return h
  const [lines, members] = await Promise.all([
    ports.store.find('serviceLines', { where: { communityId: actor.communityId, active: true }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 100 }),
    memberOptions(ports, h.value._id)
  ])
  let slotRows: { start: number; end: number; free: number }[] = []
  const first = members[0]
  if (input.lineId && first) {
    const as = await memberActor(ports, h.value, first.userId)
    if (!as.ok) return as
    const res = await slots({ ports, actor: as.value, identity: as.value.identity, requestId }, { lineId: input.lineId, householdId: h.value._id })
    if (!res.ok) return res
    slotRows = res.value.slots.filter((s) => s.free > 0).map((s) => ({ start: s.start, end: s.end, free: s.free }))
  }
  return ok({
    lines: lines.map((l) => ({ id: l._id, name: l.name, kindLabel: LINE_KIND_LABELS[l.kind], priceFen: l.priceFen, free: l.freeUnderPropertyFee })),
    slots: slotRows,
    members
  })
}

export const bookFor: ActionHandler<C['bookFor']> = async ({ ports, actor, requestId }, input) => {
  const h = await householdFor(ports, actor, input.householdId)
  if (!h.ok) return h
  const [member, line] = await Promise.all([memberActor(ports, h.value, input.memberUserId), lineIn(ports, actor.communityId, input.lineId)])
  if (!member.ok) return member
  if (!line) return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在或已下架', [{ path: 'lineId', message: '服务项目不存在' }])
  const payMode = payModeFor(line)
  const res = await book(
    { ports, actor: member.value, identity: member.value.identity, requestId },
    {
      lineId: line._id,
      householdId: h.value._id,
      slotStart: input.slotStart,
      payMode,
      couponId: null,
      usePoints: false,
      note: [`${CHANNEL_LABELS[input.channel]}代约`, input.note].filter(Boolean).join('：'),
      photos: [],
      clientRequestId: onBehalfKey(actor.user._id, input.clientRequestId)
    }
  )
  if (!res.ok) return res
  const b = res.value.booking
  // A repair's work order was opened as the booking was made: it says how the request came.
  const wo = await ports.store.get('workOrders', bookingWorkOrderId(b.id))
  await Promise.all([
    ports.store.update('bookings', b.id, { set: { channel: input.channel, enteredBy: { userId: actor.user._id, name: actor.user.nickname } } }),
    wo && wo.channel !== input.channel ? applyChange(ports, wo, { channel: input.channel }, { byName: actor.user.nickname, action: '代约', note: CHANNEL_LABELS[input.channel] }) : Promise.resolve(null),
    ports.notifier.notify({
      userId: member.value.user._id,
      communityId: actor.communityId,
      kind: 'booking_progress',
      title: '物业客服已为你预约',
      body: `${b.lineName}，${payMode === 'free' ? '物业费包含，无需付款' : '服务完成后在小程序付款'}`,
      link: `/packages/service/pages/booking/index?id=${b.id}`,
      key: `desk-book:${b.id}`
    })
  ])
  return ok({ bookingId: b.id, lineName: b.lineName, slotStart: b.slotStart, slotEnd: b.slotEnd, payLabel: PAY_MODE_LABELS[payMode], memberName: maskName(member.value.user.nickname) ?? '住户' })
}
