import type { parkingContracts } from '../../contracts/parking'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { ParkingLotDoc, ParkingSpaceDoc } from './docs'
import { lotView, spaceView } from './views'

type C = typeof parkingContracts

/** A lot of the caller's community, or null. */
export async function lotIn(ports: Ports, communityId: string, lotId: string): Promise<ParkingLotDoc | null> {
  const lot = await ports.store.get('parkingLots', lotId)
  return lot && lot.communityId === communityId ? lot : null
}

const lotMissing = () => fail('PARKING.LOT_NOT_FOUND', '停车场不存在', [{ path: 'lotId', label: '停车场', message: '本社区没有这个停车场' }])

async function lotCounts(ports: Ports, lot: ParkingLotDoc) {
  const [occupied, temporary, openExceptions] = await Promise.all([
    ports.store.count('parkingSessions', { lotId: lot._id, status: 'open' }),
    ports.store.count('parkingSessions', { lotId: lot._id, status: 'open', kind: { in: ['temporary', 'visitor'] } }),
    ports.store.count('parkingEvents', { communityId: lot.communityId, exceptionOpen: 1, lotId: lot._id })
  ])
  return { occupied, temporary, openExceptions }
}

export const saveLot: ActionHandler<C['saveLot']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [existing, gates, others] = await Promise.all([
    input.lotId ? lotIn(ports, communityId, input.lotId) : Promise.resolve(null),
    Promise.all(input.barriers.map((b) => ports.store.get('gates', b.gateId))),
    ports.store.find('parkingLots', { where: { communityId }, limit: 50 })
  ])
  if (input.lotId && !existing) return lotMissing()
  for (const [i, b] of input.barriers.entries()) {
    const gate = gates[i]
    const door = gate && gate.communityId === communityId ? gate.doors.find((d) => d.id === b.doorId) : undefined
    if (!door || !door.vehicle) {
      return fail('PARKING.GATE_NOT_BARRIER', '所选设备门不是本社区的车辆道闸', [{ path: `barriers.${i}.doorId`, label: '道闸门', message: `${b.gateId} ${b.doorId} 不是车辆道闸` }])
    }
    const taken = others.find((l) => l._id !== input.lotId && l.barriers.some((x) => x.gateId === b.gateId && x.doorId === b.doorId))
    if (taken) return fail('PARKING.BARRIER_TAKEN', `该道闸已属于停车场「${taken.name}」`, [{ path: `barriers.${i}.doorId`, label: '道闸门', message: `已属于「${taken.name}」` }])
  }
  const now = ports.clock.now()
  const fields = {
    name: input.name,
    capacity: input.capacity,
    rule: input.rule,
    graceMinutes: input.graceMinutes,
    platesPerSpace: input.platesPerSpace,
    monthlyFen: input.monthlyFen,
    barriers: input.barriers,
    updatedAt: now
  }
  if (existing) {
    await ports.store.update('parkingLots', existing._id, { set: fields })
    const lot = { ...existing, ...fields }
    return ok(lotView(lot, await lotCounts(ports, lot)))
  }
  const lot: ParkingLotDoc = { _id: ports.random.id(), communityId, ...fields, createdBy: actor.user._id, createdAt: now }
  await ports.store.insert('parkingLots', lot)
  return ok(lotView(lot, { occupied: 0, temporary: 0, openExceptions: 0 }))
}

export const occupancy: ActionHandler<C['occupancy']> = async ({ ports, actor }) => {
  const lots = await ports.store.find('parkingLots', { where: { communityId: actor.communityId }, orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: 50 })
  const counts = await Promise.all(lots.map((l) => lotCounts(ports, l)))
  return ok({ lots: lots.map((l, i) => lotView(l, counts[i]!)) })
}

export const saveSpace: ActionHandler<C['saveSpace']> = async ({ ports, actor }, input) => {
  const id = `${input.lotId}:${input.code}`
  const [lot, household, existing] = await Promise.all([
    lotIn(ports, actor.communityId, input.lotId),
    input.householdId ? ports.store.get('households', input.householdId) : Promise.resolve(null),
    ports.store.get('parkingSpaces', id)
  ])
  if (!lot) return lotMissing()
  if (input.householdId && (!household || household.communityId !== actor.communityId)) {
    return fail('PARKING.HOUSEHOLD_NOT_FOUND', '所属房屋不存在', [{ path: 'householdId', label: '所属房屋', message: '本社区没有这户' }])
  }
  if (input.type === 'public' && input.householdId) {
    return fail('REQUEST.INVALID_INPUT', '公共车位不属于任何房屋', [{ path: 'householdId', label: '所属房屋', message: '公共车位不能指定房屋' }])
  }
  if (input.type !== 'public' && !input.householdId) {
    return fail('REQUEST.INVALID_INPUT', '请选择车位所属房屋', [{ path: 'householdId', label: '所属房屋', message: '产权或租用车位须指定房屋' }])
  }
  if (input.type === 'rented' && input.rentedUntil === null) {
    return fail('REQUEST.INVALID_INPUT', '租用车位须填写租期截止', [{ path: 'rentedUntil', label: '租期截止', message: '请填写租期截止' }])
  }
  // Plates registered on a space belong to its household: they leave before the space changes hands.
  if (existing && existing.householdId !== input.householdId && existing.plates > 0) {
    return fail('PARKING.SPACE_HAS_PLATES', `车位 ${input.code} 上还登记着 ${existing.plates} 个车牌，请先由住户删除`, [{ path: 'householdId', label: '所属房屋', message: '车位上还有登记的车牌' }])
  }
  const now = ports.clock.now()
  const fields = { type: input.type, householdId: input.householdId, rentedUntil: input.type === 'rented' ? input.rentedUntil : null, updatedAt: now }
  if (existing) {
    await ports.store.update('parkingSpaces', id, { set: fields }, { householdId: existing.householdId })
    return ok(spaceView({ ...existing, ...fields }))
  }
  const space: ParkingSpaceDoc = { _id: id, communityId: actor.communityId, lotId: lot._id, code: input.code, ...fields, plates: 0, holds: {} }
  if (!(await ports.store.insert('parkingSpaces', space)).ok) {
    const twin = await ports.store.get('parkingSpaces', id)
    if (twin) return ok(spaceView(twin))
  }
  return ok(spaceView(space))
}
