import type { GateViewT, accessContracts } from '../../contracts/access'
import type { FieldError } from '../../contracts/errors'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { Store } from '../../kernel/store'
import type { BuildingDoc } from '../docs'
import type { DoorSpec, GateDoc } from './docs'
import { communityGates, deviceIdOf, findGate } from './doors'
import { currentKeyInfo } from './keys'
import { gateContext, seal } from './seal'

type C = typeof accessContracts

/** 32 random bytes, base64url: what the installer types into the device once. */
export const DEVICE_SECRET_BYTES = 32

function buildingsOf(store: Store, communityId: string): Promise<BuildingDoc[]> {
  return store.find('buildings', { where: { communityId }, orderBy: [{ field: 'order', dir: 'asc' }], limit: 200 })
}

export function gateView(g: GateDoc, buildings: readonly BuildingDoc[]): GateViewT {
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  return {
    id: g.gateId ?? g._id,
    deviceId: g._id,
    name: g.name,
    enabled: g.enabled,
    doors: g.doors.map((d) => ({ ...d, buildingName: d.buildingId ? (names.get(d.buildingId) ?? '') : '' })),
    createdAt: g.createdAt,
    lastSeenAt: g.lastSeenAt,
    keysSyncedAt: g.keysSyncedAt
  }
}

export const listGates: ActionHandler<C['listGates']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const [community, gates, buildings, key] = await Promise.all([
    ports.store.get('communities', communityId),
    communityGates(ports.store, communityId),
    buildingsOf(ports.store, communityId),
    currentKeyInfo(ports.store, communityId)
  ])
  return ok({
    communityName: community?.name ?? '',
    key,
    gates: gates.map((g) => gateView(g, buildings)),
    buildings: buildings.map((b) => ({ id: b._id, name: b.name }))
  })
}

const ID_TAKEN = () => fail('GATE.ID_TAKEN', '本社区已有这个设备编号', [{ path: 'gateId', message: '本社区已有这个设备编号' }])

export const registerGate: ActionHandler<C['registerGate']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const buildings = await buildingsOf(ports.store, communityId)
  const known = new Set(buildings.map((b) => b._id))
  const fields: FieldError[] = []
  const doors: DoorSpec[] = input.doors.map((d, i) => {
    if (d.zone === 'building' && (!d.buildingId || !known.has(d.buildingId))) {
      fields.push({ path: `doors.${i}.buildingId`, message: '请选择本社区的楼栋' })
    }
    if (d.zone === 'community' && d.buildingId) fields.push({ path: `doors.${i}.buildingId`, message: '小区大门不属于某一栋楼' })
    return { id: `d${i + 1}`, name: d.name, zone: d.zone, buildingId: d.zone === 'building' ? (d.buildingId ?? null) : null, vehicle: d.vehicle }
  })
  const firstField = fields[0]
  if (firstField) return fail('GATE.BAD_DOORS', firstField.message, fields)

  // Ids are per community: a taken id can only be one of this community's own gates.
  if (await findGate(ports.store, communityId, input.gateId)) return ID_TAKEN()
  const secret = Buffer.from(ports.random.id(DEVICE_SECRET_BYTES), 'base64url')
  const now = ports.clock.now()
  const deviceId = deviceIdOf(communityId, input.gateId)
  const gate: GateDoc = {
    _id: deviceId,
    gateId: input.gateId,
    communityId,
    name: input.name,
    doors,
    secretSealed: seal(ports.codePepper, ports.random, gateContext(deviceId), secret),
    enabled: true,
    createdBy: actor.user._id,
    createdAt: now,
    disabledAt: null,
    lastSeenAt: null,
    keysSyncedAt: null
  }
  const res = await ports.store.insert('gates', gate)
  if (!res.ok) return ID_TAKEN()
  ports.log.info('gate registered', { gateId: gate._id, communityId, by: actor.user._id })
  // The only time the secret leaves the server: the operator copies it into the device now.
  return ok({ gate: gateView(gate, buildings), secret: secret.toString('base64url') })
}

export const setGateEnabled: ActionHandler<C['setGateEnabled']> = async ({ ports, actor }, input) => {
  const gate = await findGate(ports.store, actor.communityId, input.gateId)
  if (!gate) return fail('GATE.NOT_FOUND', '设备不存在')
  const set = { enabled: input.enabled, disabledAt: input.enabled ? null : ports.clock.now() }
  await ports.store.update('gates', gate._id, { set })
  ports.log.info(input.enabled ? 'gate enabled' : 'gate disabled', { gateId: gate._id, by: actor.user._id })
  return ok(gateView({ ...gate, ...set }, await buildingsOf(ports.store, gate.communityId)))
}
