import type { parkingContracts } from '../../contracts/parking'
import { type Counter, give, take } from '../../kernel/counter'
import { getMany } from '../../kernel/paging'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { ParkingLotDoc, ParkingPlateDoc, ParkingSpaceDoc } from './docs'
import { cardView, spaceView } from './views'

type C = typeof parkingContracts

/** A plate's entry in its space's journal: field names take no Chinese, so the plate in hex. */
export const plateHoldKey = (plate: string) => `p${Buffer.from(plate, 'utf8').toString('hex')}`

/** A space counts its plates up to the lot's limit (kernel/counter.ts). */
const spaceCounter = (space: ParkingSpaceDoc, lot: ParkingLotDoc): Counter => ({ collection: 'parkingSpaces', id: space._id, field: 'plates', direction: 'up', bound: lot.platesPerSpace })

export const mine: ActionHandler<C['mine']> = async ({ ports, actor }, input) => {
  if (!actor.householdIds.includes(input.householdId)) {
    return fail('PARKING.HOUSEHOLD_NOT_FOUND', '不是你的房屋', [{ path: 'householdId', label: '房屋', message: '请选择你绑定的房屋' }])
  }
  const where = { householdId: input.householdId }
  const [spaces, plates, cards] = await Promise.all([
    ports.store.find('parkingSpaces', { where, limit: 50 }),
    ports.store.find('parkingPlates', { where, limit: 50 }),
    ports.store.find('parkingCards', { where, orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 50 })
  ])
  const lots = await getMany(ports.store, 'parkingLots', spaces.map((s) => s.lotId))
  return ok({
    spaces: spaces.map((s) => {
      const lot = lots.get(s.lotId)
      return { ...spaceView(s), lotName: lot?.name ?? '', platesPerSpace: lot?.platesPerSpace ?? 0, monthlyFen: lot?.monthlyFen ?? null }
    }),
    plates: plates.map((p) => ({ plate: p.plate, spaceId: p.spaceId })),
    cards: cards.map(cardView)
  })
}

export const registerPlate: ActionHandler<C['registerPlate']> = async ({ ports, actor }, input) => {
  const { communityId } = actor
  const plateId = `${communityId}:${input.plate}`
  const [space, existing] = await Promise.all([ports.store.get('parkingSpaces', input.spaceId), ports.store.get('parkingPlates', plateId)])
  if (!space || space.communityId !== communityId) return fail('PARKING.SPACE_NOT_FOUND', '车位不存在', [{ path: 'spaceId', label: '车位', message: '本社区没有这个车位' }])
  if (space.householdId === null || !actor.householdIds.includes(space.householdId)) {
    return fail('PARKING.NOT_YOUR_SPACE', '只能在自家的车位上登记车牌', [{ path: 'spaceId', label: '车位', message: '这不是你家的车位' }])
  }
  const now = ports.clock.now()
  if (space.type === 'rented' && space.rentedUntil !== null && space.rentedUntil <= now) {
    return fail('PARKING.RENTAL_ENDED', '车位租期已结束，请续租后再登记', [{ path: 'spaceId', label: '车位', message: '租期已结束' }])
  }
  const householdId = space.householdId
  const answer = (platesOnSpace: number) => ok({ plate: input.plate, spaceId: space._id, platesOnSpace })
  if (existing) {
    if (existing.householdId === householdId && existing.spaceId === space._id) return answer(space.plates)
    return fail('PARKING.PLATE_TAKEN', '该车牌已被登记，如有疑问请联系物业', [{ path: 'plate', label: '车牌号', message: '该车牌已被登记' }])
  }
  const lot = await ports.store.get('parkingLots', space.lotId)
  if (!lot) return fail('PARKING.LOT_NOT_FOUND', '停车场不存在')
  const holdKey = plateHoldKey(input.plate)
  const counter = spaceCounter(space, lot)
  // The place on the space first (bounded, one conditional update), then the plate under its key.
  if (!(await take(ports.store, counter, { holder: holdKey, amount: 1 }))) {
    return fail('PARKING.PLATE_LIMIT', `每个车位最多登记 ${lot.platesPerSpace} 个车牌`, [{ path: 'plate', label: '车牌号', message: `车位 ${space.code} 已登记满 ${lot.platesPerSpace} 个车牌` }])
  }
  const doc: ParkingPlateDoc = { _id: plateId, communityId, householdId, spaceId: space._id, plate: input.plate, holdKey, createdBy: actor.user._id, createdAt: now }
  if (!(await ports.store.insert('parkingPlates', doc)).ok) {
    const twin = await ports.store.get('parkingPlates', plateId)
    if (twin?.spaceId === space._id) return answer(space.plates + 1)
    await give(ports.store, counter, holdKey, 1)
    return fail('PARKING.PLATE_TAKEN', '该车牌已被登记，如有疑问请联系物业', [{ path: 'plate', label: '车牌号', message: '该车牌已被登记' }])
  }
  const fresh = await ports.store.get('parkingSpaces', space._id)
  return answer(fresh?.plates ?? space.plates + 1)
}

export const removePlate: ActionHandler<C['removePlate']> = async ({ ports, actor }, input) => {
  const plateId = `${actor.communityId}:${input.plate}`
  const doc = await ports.store.get('parkingPlates', plateId)
  if (!doc || !actor.householdIds.includes(doc.householdId)) return fail('PARKING.PLATE_NOT_FOUND', '你家没有登记这个车牌', [{ path: 'plate', label: '车牌号', message: '未登记' }])
  const [space] = await Promise.all([ports.store.get('parkingSpaces', doc.spaceId), ports.store.remove('parkingPlates', plateId, { householdId: doc.householdId })])
  // The place comes back once, whoever repeats the removal (the journal entry is the guard).
  if (space) await give(ports.store, { collection: 'parkingSpaces', id: space._id, field: 'plates', direction: 'up', bound: 0 }, doc.holdKey, 1)
  return ok({ done: true as const })
}
