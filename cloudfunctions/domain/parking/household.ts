import type { parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import { getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import type { HouseholdDoc } from '../docs'
import { maskPlate } from '../insights/mask'
import type { ParkingCardDoc, ParkingLotDoc, ParkingPlateDoc, ParkingSessionDoc, ParkingSpaceDoc } from './docs'
import { spaceView } from './views'

type C = typeof parkingContracts

/** How many of a household's latest stays its file shows. */
const STAYS = 10

/** Parking as the household's file shows it to staff: plates masked as phones are. */
export const householdParking: ActionHandler<C['householdParking']> = async ({ ports, actor }, input) => {
  const where = { householdId: input.householdId }
  const [household, spaces, plates, cards] = await Promise.all([
    ports.store.get<HouseholdDoc>('households', input.householdId),
    ports.store.find<ParkingSpaceDoc>('parkingSpaces', { where, limit: 50 }),
    ports.store.find<ParkingPlateDoc>('parkingPlates', { where, limit: 50 }),
    ports.store.find<ParkingCardDoc>('parkingCards', { where, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 20 })
  ])
  if (!household || household.communityId !== actor.communityId) {
    return fail('PARKING.HOUSEHOLD_NOT_FOUND', '房屋不存在', [{ path: 'householdId', label: '房屋', message: '本社区没有这户' }])
  }
  const names = plates.map((p) => p.plate)
  const stays = names.length
    ? await ports.store.find<ParkingSessionDoc>('parkingSessions', {
        where: { communityId: actor.communityId, plate: { in: names } },
        orderBy: [{ field: 'enteredAt', dir: 'desc' }],
        limit: STAYS
      })
    : []
  const lots = await getMany<ParkingLotDoc>(ports.store, 'parkingLots', [...spaces.map((s) => s.lotId), ...stays.map((s) => s.lotId)])
  const lotName = (id: string) => lots.get(id)?.name ?? ''
  return ok({
    spaces: spaces.map((s) => ({ ...spaceView(s), lotName: lotName(s.lotId) })),
    plates: names.map(maskPlate),
    cards: cards.map((c) => ({ plate: maskPlate(c.plate), lotId: c.lotId, validFrom: c.validFrom, validTo: c.validTo, status: c.status })),
    stays: stays.map((s) => ({ plate: maskPlate(s.plate), lotName: lotName(s.lotId), kind: s.kind, enteredAt: s.enteredAt, exitedAt: s.exitedAt, feeFen: s.feeFen, paidFen: s.paidFen }))
  })
}
