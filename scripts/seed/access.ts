import { createHash } from 'node:crypto'
import type { DoorSpec, GateDoc } from '../../cloudfunctions/domain/access/docs'
import { gateContext, seal } from '../../cloudfunctions/domain/access/seal'
import type { Random } from '../../cloudfunctions/kernel/ports'

/**
 * Demo gates: the main gate and car barrier of 临苑社区, a unit door per building, and the main
 * gate of 和谐家园. Their device secrets are derived from the gate id, so the local gate
 * simulator, the tests and the benchmark can sign requests; real gates get a random secret at
 * registration, shown once.
 */
const T0 = Date.UTC(2026, 0, 5, 2, 0, 0)

export function demoGateSecret(gateId: string): Buffer {
  return createHash('sha256').update(`linli-demo-gate-secret:${gateId}`).digest()
}

/** Sealing wants a fresh IV; the seed wants determinism. One IV per gate, from its id. */
function ivFor(gateId: string): Random {
  return {
    id: (bytes = 12) => createHash('sha256').update(`linli-demo-gate-iv:${gateId}`).digest().subarray(0, bytes).toString('base64url'),
    code: () => {
      throw new Error('not used')
    }
  }
}

const door = (id: string, name: string, zone: DoorSpec['zone'], buildingId: string | null, vehicle = false): DoorSpec => ({
  id,
  name,
  zone,
  buildingId,
  vehicle
})

function gate(pepper: string, id: string, communityId: string, name: string, doors: DoorSpec[], order: number): GateDoc {
  return {
    _id: id,
    communityId,
    name,
    doors,
    secretSealed: seal(pepper, ivFor(id), gateContext(id), demoGateSecret(id)),
    enabled: true,
    createdBy: 'u-operator-wu',
    createdAt: T0 + order,
    disabledAt: null,
    lastSeenAt: null,
    keysSyncedAt: null
  }
}

export function demoGates(pepper: string, communityA: string, communityB: string): GateDoc[] {
  return [
    gate(pepper, 'ly-main', communityA, '东门', [door('d1', '东门人行通道', 'community', null)], 1),
    gate(pepper, 'ly-car', communityA, '地库道闸', [door('d1', '地库入口', 'community', null, true), door('d2', '地库出口', 'community', null, true)], 2),
    gate(pepper, 'ly-b1', communityA, '1栋单元门', [door('d1', '1栋单元门', 'building', 'b-a1')], 3),
    gate(pepper, 'ly-b2', communityA, '2栋单元门', [door('d1', '2栋单元门', 'building', 'b-a2')], 4),
    gate(pepper, 'ly-b3', communityA, '3栋单元门', [door('d1', '3栋单元门', 'building', 'b-a3')], 5),
    gate(pepper, 'hx-main', communityB, '和谐家园大门', [door('d1', '大门人行通道', 'community', null)], 6)
  ]
}
