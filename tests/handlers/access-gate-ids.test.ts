/**
 * Issue 17: gate ids are per community. Registering an id another community uses is not refused
 * (GATE.ID_TAKEN would tell that the id exists there), and the HTTP verification path keeps the
 * two devices apart: each opens only with its own secret and only for its own community's codes.
 */
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { demoGateSecret } from '../../scripts/seed/access'
import { type GateSim, gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, okData } from './support'

let h: Harness
let gate: GateSim
beforeEach(async () => {
  h = await makeHarness()
  gate = gateSim(h.ports)
})
afterEach(() => h.close())

const operator = as('u-operator-wu')
const register = (gateId: string, communityId: string) =>
  h.call('access.registerGate', { gateId, name: '大门', doors: [{ name: '大门', zone: 'community', vehicle: false }] }, operator, communityId)
const codeOfCommunity = async (userId: string, householdId: string, communityId: string) =>
  okData(await h.call('access.residentPass', { householdId }, as(userId), communityId)).codes[0]!.code

describe('gate ids per community', () => {
  it("registers an id another community uses as a new gate of its own, without revealing the other's", async () => {
    // `hx-main` is community B's gate; community A's operator registers the same id.
    const res = okData(await register('hx-main', COMMUNITY_A))
    expect(res.gate).toMatchObject({ id: 'hx-main', deviceId: `${COMMUNITY_A}:hx-main` })
    const listedA = okData(await h.call('access.listGates', {}, operator, COMMUNITY_A)).gates.filter((g) => g.id === 'hx-main')
    expect(listedA.map((g) => g.deviceId)).toEqual([`${COMMUNITY_A}:hx-main`])
    const listedB = okData(await h.call('access.listGates', {}, operator, COMMUNITY_B)).gates.map((g) => g.deviceId)
    expect(listedB).toEqual(['hx-main'])
    // Within one community the id is taken, by its own gates only.
    expect(codeOf(await register('hx-main', COMMUNITY_A))).toBe('GATE.ID_TAKEN')
    expect(codeOf(await register('ly-main', COMMUNITY_A))).toBe('GATE.ID_TAKEN')
  })

  it('keeps the two devices apart on the verification path', async () => {
    const a = okData(await register('hx-main', COMMUNITY_A))
    const secretA = Buffer.from(a.secret, 'base64url')
    const codeA = await codeOfCommunity('u-wang', 'h-a1-101', COMMUNITY_A)
    // Community A's new device opens for A's codes with its own secret.
    expect((await gate.verify(a.gate.deviceId, 'd1', codeA, { secret: secretA })).decision).toBe('open')
    // B's device keeps its id and secret, and does not open for A's code.
    const atB = await gate.verify('hx-main', 'd1', await codeOfCommunity('u-wang', 'h-a1-101', COMMUNITY_A), { secret: demoGateSecret('hx-main') })
    expect(atB.decision).toBe('deny')
    // A's device with B's secret is a forged request.
    expect((await gate.verify(a.gate.deviceId, 'd1', codeA, { secret: demoGateSecret('hx-main') })).decision).toBe('deny')
    // Setting A's gate disabled never touches B's gate of the same id.
    okData(await h.call('access.setGateEnabled', { gateId: 'hx-main', enabled: false }, operator, COMMUNITY_A))
    expect(okData(await h.call('access.listGates', {}, operator, COMMUNITY_B)).gates[0]).toMatchObject({ id: 'hx-main', enabled: true })
  })
})
