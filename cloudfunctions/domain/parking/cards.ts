import type { parkingContracts } from '../../contracts/parking'
import { SHANGHAI_OFFSET_MS, shanghaiWall } from '../../contracts/shanghai'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { ParkingCardDoc } from './docs'
import { lotIn } from './lots'
import { cardView } from './views'

type C = typeof parkingContracts

/** The same wall-clock moment `months` calendar months later in Shanghai (31 Jan + 1 month rolls into March, as Date does). */
export function addShanghaiMonths(ms: number, months: number): number {
  const wall = shanghaiWall(ms)
  wall.setUTCMonth(wall.getUTCMonth() + months)
  return wall.getTime() - SHANGHAI_OFFSET_MS
}

/**
 * A monthly card for a plate the household registered, starting now or where its current card
 * ends. It waits as `pending` until paid through `pay.create` (payable `parkingCard`); a plate has
 * one pending card at a time, so asking twice returns the one waiting.
 */
export const buyCard: ActionHandler<C['buyCard']> = async ({ ports, actor }, input) => {
  const requestKey = `${actor.user._id}:${input.clientRequestId}`
  const [lot, plate, cards, [retry]] = await Promise.all([
    lotIn(ports, actor.communityId, input.lotId),
    ports.store.get('parkingPlates', `${actor.communityId}:${input.plate}`),
    ports.store.find('parkingCards', { where: { lotId: input.lotId, plate: input.plate, status: { in: ['pending', 'active'] } }, limit: 50 }),
    ports.store.find('parkingCards', { where: { requestKey }, limit: 1 })
  ])
  if (retry) return ok(cardView(retry))
  if (!lot) return fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '本社区没有这个停车场' }])
  if (lot.monthlyFen === null) return fail('PARKING.NO_MONTHLY_CARD', `「${lot.name}」不办理月卡`, [{ path: 'lotId', label: '停车场', message: '该停车场不办理月卡' }])
  if (!plate || !actor.householdIds.includes(plate.householdId)) {
    return fail('PARKING.PLATE_NOT_FOUND', '请先在自家车位上登记这个车牌', [{ path: 'plate', label: '车牌号', message: '你家没有登记这个车牌' }])
  }
  const pending = cards.find((c) => c.status === 'pending' && c.householdId === plate.householdId)
  if (pending) return ok(cardView(pending))
  const now = ports.clock.now()
  const validFrom = Math.max(now, ...cards.filter((c) => c.status === 'active').map((c) => c.validTo))
  const card: ParkingCardDoc = {
    _id: ports.random.id(),
    communityId: actor.communityId,
    lotId: lot._id,
    householdId: plate.householdId,
    plate: input.plate,
    months: input.months,
    amountFen: lot.monthlyFen * input.months,
    validFrom,
    validTo: addShanghaiMonths(validFrom, input.months),
    status: 'pending',
    requestKey,
    paymentId: null,
    paidAt: null,
    createdBy: actor.user._id,
    createdAt: now
  }
  if (!(await ports.store.insert('parkingCards', card)).ok) {
    const [twin] = await ports.store.find('parkingCards', { where: { requestKey }, limit: 1 })
    if (twin) return ok(cardView(twin))
  }
  return ok(cardView(card))
}
