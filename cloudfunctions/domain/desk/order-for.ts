import { CHANNEL_LABELS } from '../../contracts/desk-kinds'
import type { deskOrderContracts } from '../../contracts/desk-order'
import { shanghaiMinute } from '../../contracts/shanghai'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { ok } from '../../kernel/result'
import { formatFenText } from '../format-money'
import { createOrder } from '../order/create'
import { campaignPhase, stockId } from '../order/rules'
import { maskName } from '../user/format'
import { householdFor, memberActor, memberOptions, onBehalfKey } from './on-behalf'

type C = typeof deskOrderContracts

/**
 * A household on the phone cannot pay within the resident's 15 minutes; two hours (never much past
 * the sale's end) leaves time to open the message or come down to the finance desk.
 */
export const DESK_ORDER_PAY_WINDOW_MS = 2 * 3_600_000

export const orderOptions: ActionHandler<C['orderOptions']> = async ({ ports, actor }, input) => {
  const h = await householdFor(ports, actor, input.householdId)
  if (!h.ok) return h
  const now = ports.clock.now()
  const [found, members] = await Promise.all([
    ports.store.find('campaigns', { where: { communityId: actor.communityId, status: { in: ['scheduled', 'live'] } }, orderBy: [{ field: 'endAt', dir: 'asc' }], limit: 100 }),
    memberOptions(ports, h.value._id)
  ])
  // The jobs write `live` late: what is on sale is what the clock says.
  const live = found.filter((c) => campaignPhase(c, now) === 'live')
  const stock = await getMany(ports.store, 'campaignStock', live.flatMap((c) => c.skus.map((s) => stockId(c._id, s.skuId))))
  return ok({
    campaigns: live.map((c) => ({
      id: c._id,
      title: c.title,
      unit: c.unit,
      householdLimit: c.householdLimit,
      endAt: c.endAt,
      skus: c.skus.map((s) => ({ skuId: s.skuId, name: s.name, priceFen: s.priceFen, available: stock.get(stockId(c._id, s.skuId))?.available ?? 0 }))
    })),
    members
  })
}

export const orderFor: ActionHandler<C['orderFor']> = async ({ ports, actor }, input) => {
  const h = await householdFor(ports, actor, input.householdId)
  if (!h.ok) return h
  const member = await memberActor(ports, h.value, input.memberUserId)
  if (!member.ok) return member
  // The member's order, priced by the server as theirs (level discount included; no coupon or
  // points: those are the member's to choose), with the channel and the clerk on it.
  const res = await createOrder(
    ports,
    member.value,
    {
      campaignId: input.campaignId,
      skuId: input.skuId,
      quantity: input.quantity,
      householdId: h.value._id,
      note: [`${CHANNEL_LABELS[input.channel]}代下单`, input.note].filter(Boolean).join('：'),
      clientRequestId: onBehalfKey(actor.user._id, input.clientRequestId),
      couponId: null,
      usePoints: false
    },
    { channel: input.channel, enteredBy: { userId: actor.user._id, name: actor.user.nickname }, payWindowMs: DESK_ORDER_PAY_WINDOW_MS }
  )
  if (!res.ok) return res
  const o = res.value
  const title = `${o.skuName} ×${o.quantity}`
  await ports.notifier.notify({
    userId: o.userId,
    communityId: o.communityId,
    kind: 'presale',
    title: '物业客服已为你下单，请付款',
    body: `${title}，应付 ${formatFenText(o.amountFen)}。请在 ${shanghaiMinute(o.expiresAt)} 前在小程序付款，或到物业财务处现金缴纳`,
    link: `/packages/presale/pages/order/index?id=${encodeURIComponent(o._id)}&communityId=${encodeURIComponent(o.communityId)}`,
    key: `desk-order:${o._id}`
  })
  return ok({ orderId: o._id, code: o.code, title, amountFen: o.amountFen, expiresAt: o.expiresAt, memberName: maskName(member.value.user.nickname) ?? '住户' })
}
