/**
 * The `access` function through its real entry points: mini-program actions through the request
 * path, and gate devices through the HTTP entry (createHttpMain), on an in-memory SQLite store
 * seeded with the demo community and its gates, with a controlled clock.
 */
import { accessContracts } from '../../cloudfunctions/contracts/access'
import { CLOCK_SKEW_MS } from '../../cloudfunctions/domain/access/offline'
import { encodeCode, parseCode } from '../../cloudfunctions/domain/access/code'
import { answerSignature, keysAnswerSignature } from '../../cloudfunctions/domain/access/device-auth'
import { ACCESS_LOG_RETENTION_MS } from '../../cloudfunctions/domain/access/purge'
import { MAX_OPEN_PASSES } from '../../cloudfunctions/domain/access/visitor-passes'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { demoGateSecret } from '../../scripts/seed/access'
import { type GateSim, gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData } from './support'

const MIN = 60_000
const HOUR = 60 * MIN

let h: Harness
let gate: GateSim
beforeEach(async () => {
  h = await makeHarness()
  gate = gateSim(h.ports)
})
afterEach(async () => {
  await h.close()
})

const wang = as('u-wang')
const residentPass = async (userId = 'u-wang', householdId = 'h-a1-101') =>
  okData(await h.call('access.residentPass', { householdId }, as(userId), COMMUNITY_A))
const firstCode = async (userId?: string, householdId?: string) => (await residentPass(userId, householdId)).codes[0]!.code
const logs = () => h.store.find('accessLog', { orderBy: [{ field: 'at', dir: 'asc' }], limit: 1000 })

function visitorInput(over: Partial<Parameters<typeof h.call<'access.createVisitorPass'>>[1]> = {}) {
  const now = h.clock.now()
  return {
    householdId: 'h-a1-101',
    visitorName: '林访客',
    visitorPhone: '13712345678',
    purpose: '探亲',
    validFrom: now,
    validTo: now + 4 * HOUR,
    maxUses: 2,
    ...over
  }
}
const createPass = async (over: Parameters<typeof visitorInput>[0] = {}, by = wang) =>
  okData(await h.call('access.createVisitorPass', visitorInput(over), by, COMMUNITY_A))
const openPass = (token: string, openid: string) => h.call('access.visitorPass', { token }, openid)

it('covers every action of the access function', () => {
  expect(Object.keys(accessContracts).sort()).toEqual(
    [
      'residentPass',
      'createVisitorPass',
      'listVisitorPasses',
      'revokeVisitorPass',
      'visitorPass',
      'householdLog',
      'listGates',
      'registerGate',
      'setGateEnabled',
      'gateLog',
      'rotateKey',
      'gridVisitors'
    ].sort()
  )
})

describe('access.residentPass', () => {
  it('hands out consecutive codes: a new one every 30 s, each valid for 60 s', async () => {
    h.clock.advance(1234)
    const p = await residentPass()
    const start = Math.floor(h.clock.now() / 1000) * 1000
    expect(p.serverTime).toBe(h.clock.now())
    expect(p.refreshSec).toBe(30)
    expect(p.codes.map((c) => [c.notBefore - start, c.expiresAt - c.notBefore])).toEqual([
      [0, 60_000],
      [30_000, 60_000],
      [60_000, 60_000],
      [90_000, 60_000]
    ])
    expect(new Set(p.codes.map((c) => c.code)).size).toBe(4)
    expect(p).toMatchObject({ householdId: 'h-a1-101', householdLabel: '1栋 101', communityName: '临苑社区' })
  })

  it('carries household, user, community, times and key id, and nothing personal', async () => {
    const p = await residentPass()
    const parsed = parseCode(p.codes[0]!.code)
    expect(parsed?.claims).toMatchObject({
      kind: 'resident',
      kid: 1,
      communityId: COMMUNITY_A,
      buildingId: 'b-a1',
      householdId: 'h-a1-101',
      userId: 'u-wang',
      passId: null,
      issuedAt: p.codes[0]!.notBefore,
      expiresAt: p.codes[0]!.expiresAt
    })
    const bytes = Buffer.from(p.codes[0]!.code, 'base64url').toString('latin1')
    for (const personal of ['王建国', '13800001111', '101室']) expect(bytes).not.toContain(personal)
  })

  it('lists only the doors this household may open: community gates and its own building', async () => {
    const doors = (await residentPass()).doors.map((d) => `${d.gateId}/${d.doorId}`)
    expect(doors.sort()).toEqual(['ly-b1/d1', 'ly-car/d1', 'ly-car/d2', 'ly-main/d1'])
    const other = (await residentPass('u-zhao', 'h-a3-201')).doors.map((d) => d.gateId)
    expect(other).toContain('ly-b3')
    expect(other).not.toContain('ly-b1')
  })

  it("refuses a household that is not the caller's", async () => {
    expect(codeOf(await h.call('access.residentPass', { householdId: 'h-a1-102' }, wang, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
    expect(codeOf(await h.call('access.residentPass', { householdId: 'h-b1-101' }, wang, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })

  it('makes the community key once, on first use, even when many ask at once', async () => {
    expect(await h.store.count('accessKeys')).toBe(0)
    await Promise.all([
      residentPass('u-wang', 'h-a1-101'),
      residentPass('u-li', 'h-a1-101'),
      residentPass('u-zhao', 'h-a3-201'),
      residentPass('u-r1', 'h-a1-101'.replace('101', '101'))
    ])
    const keys = await h.store.find('accessKeys')
    expect(keys.map((k) => k._id)).toEqual([`${COMMUNITY_A}:1`])
    // Stored sealed: the raw key never sits in the table.
    const raw = (await gate.keys('ly-main')).keys[0]!.secret
    expect(JSON.stringify(keys)).not.toContain(raw)
  })
})

describe('gate verification: signature and expiry (controlled clock)', () => {
  it('opens for a fresh code and logs the entry against the household', async () => {
    const code = await firstCode()
    const a = await gate.verify('ly-main', 'd1', code)
    expect(a).toMatchObject({ decision: 'open', reason: null, message: '欢迎回家' })
    const [log] = await logs()
    expect(log).toMatchObject({
      gateId: 'ly-main',
      doorId: 'd1',
      doorName: '东门人行通道',
      decision: 'open',
      kind: 'resident',
      householdId: 'h-a1-101',
      userId: 'u-wang',
      communityId: COMMUNITY_A
    })
  })

  it('accepts a code until its expiry plus the clock-skew allowance, then refuses it as expired', async () => {
    const [c1, c2] = [await firstCode(), await firstCode()]
    h.clock.advance(60_000 + CLOCK_SKEW_MS)
    expect((await gate.verify('ly-main', 'd1', c1)).decision).toBe('open')
    h.clock.advance(1)
    expect(await gate.verify('ly-main', 'd1', c2)).toMatchObject({ decision: 'deny', reason: 'EXPIRED' })
  })

  it('refuses the next codes of a batch until their time, within the skew allowance', async () => {
    const p = await residentPass()
    expect((await gate.verify('ly-main', 'd1', p.codes[1]!.code)).reason).toBe('NOT_YET_VALID')
    h.clock.advance(30_000 - CLOCK_SKEW_MS)
    expect((await gate.verify('ly-main', 'd1', p.codes[1]!.code)).decision).toBe('open')
  })

  it('cannot be forged, extended or moved to another community', async () => {
    const code = await firstCode()
    const parsed = parseCode(code)!
    const claims = parsed.claims
    const attacker = Buffer.alloc(32, 7)
    // Extended: the same claims with a longer life, signed with a guessed key.
    const extended = encodeCode(attacker, { ...claims, expiresAt: claims.expiresAt + HOUR })
    // Edited: one byte of the household id changed, MAC left as it was.
    const bytes = Buffer.from(code, 'base64url')
    bytes[bytes.indexOf(Buffer.from('h-a1-101')) + 7] = '2'.charCodeAt(0)
    const edited = bytes.toString('base64url')
    const wrongKid = encodeCode(attacker, { ...claims, kid: 9 })
    expect((await gate.verify('ly-main', 'd1', extended)).reason).toBe('CODE_SIGNATURE')
    expect((await gate.verify('ly-main', 'd1', edited)).reason).toBe('CODE_SIGNATURE')
    expect((await gate.verify('ly-main', 'd1', wrongKid)).reason).toBe('KEY_UNKNOWN')
    expect((await gate.verify('hx-main', 'd1', code)).reason).toBe('WRONG_COMMUNITY')
    // None of the forgeries wrote anything under the household they named.
    expect((await logs()).every((l) => l.householdId === null && l.decision === 'deny')).toBe(true)
    // The genuine code was never consumed by those attempts.
    expect((await gate.verify('ly-main', 'd1', code)).decision).toBe('open')
  })

  it.each([
    ['garbage', 'hello-world'],
    ['truncated', 'AQEBAAFpXGyg'],
    ['not base64url', 'AQEB+/=='],
    ['unicode', '门禁🚪'],
    ['empty-ish', '_']
  ])('refuses a %s code as malformed', async (_label, code) => {
    expect(await gate.verify('ly-main', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'CODE_MALFORMED' })
  })
})

describe('gate verification: door permissions', () => {
  it('opens only doors of the household: another building is refused, and the code is not used up', async () => {
    const code = await firstCode()
    expect(await gate.verify('ly-b2', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'DOOR_FORBIDDEN' })
    expect((await gate.verify('ly-b1', 'd1', code)).decision).toBe('open')
  })

  it('refuses a door the device does not have', async () => {
    expect((await gate.verify('ly-main', 'd7', await firstCode())).reason).toBe('DOOR_UNKNOWN')
  })

  it('refuses a resident who has left the household from the next request on', async () => {
    const code = await firstCode('u-li', 'h-a1-101')
    await h.store.update('memberships', 'h-a1-101:u-li', { set: { status: 'removed' } })
    expect((await gate.verify('ly-main', 'd1', code)).reason).toBe('MEMBERSHIP_ENDED')
    expect((await h.store.get('memberships', 'h-a1-101:u-li'))?.status).toBe('removed')
  })
})

describe('gate verification: single use', () => {
  it('refuses a replay at the same door and at any other door', async () => {
    const code = await firstCode()
    expect((await gate.verify('ly-main', 'd1', code)).decision).toBe('open')
    expect((await gate.verify('ly-main', 'd1', code)).reason).toBe('REPLAYED')
    expect((await gate.verify('ly-b1', 'd1', code)).reason).toBe('REPLAYED')
    h.clock.advance(50_000)
    expect((await gate.verify('ly-car', 'd1', code)).reason).toBe('REPLAYED')
  })

  it('opens exactly once when one code is presented at many gates at the same moment', async () => {
    const code = await firstCode()
    const doors: [string, string][] = [['ly-main', 'd1'], ['ly-b1', 'd1'], ['ly-car', 'd1'], ['ly-car', 'd2']]
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => gate.verify(...doors[i % 4]!, code)))
    expect(answers.filter((a) => a.decision === 'open')).toHaveLength(1)
    expect(answers.filter((a) => a.reason === 'REPLAYED')).toHaveLength(15)
    expect(await h.store.count('usedCodes')).toBe(1)
    expect(await h.store.count('accessLog')).toBe(16)
  })
})

describe('gate verification: device authentication', () => {
  it('signs its answer with the device secret, over the request nonce', async () => {
    const code = await firstCode()
    const a = await gate.verify('ly-main', 'd1', code, { nonce: 'nonce-fixed-01' })
    expect(a.sig).toBe(answerSignature(demoGateSecret('ly-main'), 'nonce-fixed-01', 'open', null, a.serverTime))
  })

  it('refuses an unknown device, a wrong secret, a missing or altered signature', async () => {
    const code = await firstCode()
    expect((await gate.verify('ly-nope', 'd1', code, { secret: demoGateSecret('ly-main') })).reason).toBe('DEVICE_UNKNOWN')
    const wrong = await gate.verify('ly-main', 'd1', code, { secret: Buffer.alloc(32, 1) })
    expect(wrong).toMatchObject({ decision: 'deny', reason: 'DEVICE_SIGNATURE' })
    expect(wrong.sig).toBeUndefined()
    const req = gate.signed('verify', { deviceId: 'ly-main', ts: h.clock.now(), nonce: 'nonce-altered', door: 'd1', code })
    const altered = { body: req.body.replace('"d1"', '"d2"'), headers: req.headers }
    expect(await gate.send('verify', altered)).toMatchObject({ reason: 'DEVICE_SIGNATURE' })
    const unsigned = { body: req.body, headers: { 'content-type': 'application/json' } }
    expect(await gate.send('verify', unsigned)).toMatchObject({ reason: 'DEVICE_SIGNATURE' })
    // A signature for the keys endpoint does not work on verify.
    const forKeys = gate.signed('keys', { deviceId: 'ly-main', ts: h.clock.now(), nonce: 'nonce-wrong-op', door: 'd1', code })
    expect(await gate.send('verify', forKeys)).toMatchObject({ reason: 'DEVICE_SIGNATURE' })
    expect((await gate.verify('ly-main', 'd1', code)).decision).toBe('open')
  })

  it('refuses a request whose time is more than a minute off, and a replayed request', async () => {
    const code = await firstCode()
    expect((await gate.verify('ly-main', 'd1', code, { ts: h.clock.now() - 61_000 })).reason).toBe('DEVICE_CLOCK')
    expect((await gate.verify('ly-main', 'd1', code, { ts: h.clock.now() + 61_000 })).reason).toBe('DEVICE_CLOCK')
    const req = gate.signed('verify', { deviceId: 'ly-main', ts: h.clock.now(), nonce: 'nonce-once-001', door: 'd1', code })
    expect(await gate.send('verify', req)).toMatchObject({ decision: 'open' })
    expect(await gate.send('verify', req)).toMatchObject({ decision: 'deny', reason: 'DEVICE_REPLAY' })
  })

  it('refuses a disabled device from the next request on, and serves it again once enabled', async () => {
    const operator = as('u-operator-wu')
    okData(await h.call('access.setGateEnabled', { gateId: 'ly-main', enabled: false }, operator, COMMUNITY_A))
    const code = await firstCode()
    expect(await gate.verify('ly-main', 'd1', code)).toMatchObject({ decision: 'deny', reason: 'DEVICE_DISABLED' })
    expect((await gate.keys('ly-main')).reason).toBe('DEVICE_DISABLED')
    expect((await residentPass()).doors.map((d) => d.gateId)).not.toContain('ly-main')
    okData(await h.call('access.setGateEnabled', { gateId: 'ly-main', enabled: true }, operator, COMMUNITY_A))
    expect((await gate.verify('ly-main', 'd1', code)).decision).toBe('open')
  })
})

describe('gate verification: bad and oversized input', () => {
  const post = (body: string, extra: Record<string, unknown> = {}) =>
    gate.http({ httpMethod: 'POST', path: '/gate/verify', headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false, ...extra })

  it.each([
    ['oversized', JSON.stringify({ deviceId: 'ly-main', ts: 1, nonce: 'nonce-000001', door: 'd1', code: 'x'.repeat(5000) }), 'TOO_LARGE'],
    ['not JSON', '{"deviceId": "ly-main", ', 'BAD_REQUEST'],
    ['JSON of the wrong shape', JSON.stringify({ deviceId: 12, door: ['d1'] }), 'BAD_REQUEST'],
    ['an unknown field', JSON.stringify({ deviceId: 'ly-main', ts: 1, nonce: 'nonce-000001', door: 'd1', code: 'x', admin: true }), 'BAD_REQUEST'],
    ['an empty body', '', 'BAD_REQUEST'],
    ['a JSON string', '"open sesame"', 'BAD_REQUEST'],
    ['a binary body', Buffer.from([0, 1, 2, 255, 254]).toString('latin1'), 'BAD_REQUEST']
  ])('answers %s with a deny and a reason, and logs it', async (_label, body, reason) => {
    const res = await post(body)
    expect(res.statusCode).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ decision: 'deny', reason })
    const [log] = await logs()
    expect(log).toMatchObject({ decision: 'deny', reason })
    expect(JSON.stringify(log).length).toBeLessThan(1000)
  })

  it('reads a base64-encoded body the way the HTTP service may deliver it', async () => {
    const req = gate.signed('verify', { deviceId: 'ly-main', ts: h.clock.now(), nonce: 'nonce-b64-0001', door: 'd1', code: await firstCode() })
    const res = await gate.http({ httpMethod: 'POST', path: '/gate/verify', headers: req.headers, body: Buffer.from(req.body).toString('base64'), isBase64Encoded: true })
    expect(JSON.parse(res.body)).toMatchObject({ decision: 'open' })
  })

  it('answers other methods and paths without reaching the gate logic', async () => {
    expect((await post('{}', { httpMethod: 'GET' })).statusCode).toBe(405)
    expect((await post('{}', { path: '/gate/open-all' })).statusCode).toBe(404)
    expect(await h.store.count('accessLog')).toBe(0)
  })

  it('never routes a mini-program caller to the gate path, even dressed as an HTTP request', async () => {
    const event = { httpMethod: 'POST', path: '/gate/verify', headers: {}, body: '{}', isBase64Encoded: false }
    const res = await h.raw('access', event, wang)
    expect(errorOf(res).code).toBe('REQUEST.INVALID')
    expect(await h.store.count('accessLog')).toBe(0)
  })
})

describe('key rotation', () => {
  const operator = as('u-operator-wu')
  const rotate = (graceMinutes: number) => h.call('access.rotateKey', { graceMinutes }, operator, COMMUNITY_A)

  it('signs new codes with the new key while the old one stays valid for its grace period', async () => {
    const old = await firstCode()
    const r = okData(await rotate(10))
    expect(r).toEqual({ kid: 2, previousKid: 1, previousValidUntil: h.clock.now() + 10 * MIN })
    const fresh = await firstCode()
    expect(parseCode(fresh)?.claims.kid).toBe(2)
    expect((await gate.verify('ly-main', 'd1', old)).decision).toBe('open')
    expect((await gate.verify('ly-main', 'd1', fresh)).decision).toBe('open')
    const synced = await gate.keys('ly-b1')
    expect(synced.keys.map((k) => [k.kid, k.validUntil])).toEqual([
      [2, null],
      [1, h.clock.now() + 10 * MIN]
    ])
  })

  it('refuses codes of the old key once its grace period is over', async () => {
    await firstCode()
    okData(await rotate(1))
    const p = await residentPass()
    expect(parseCode(p.codes[0]!.code)?.claims.kid).toBe(2)
    okData(await rotate(0))
    // Codes of key 2 were issued before the second rotation, which left no grace: refused at once.
    expect((await gate.verify('ly-main', 'd1', p.codes[0]!.code)).reason).toBe('KEY_RETIRED')
    expect((await gate.keys('ly-main')).keys.map((k) => k.kid)).toEqual([3])
  })

  it('keeps an old key only until the earliest grace of the keys after it', async () => {
    const first = await residentPass()
    okData(await rotate(30))
    h.clock.advance(20_000)
    okData(await rotate(0))
    // The second rotation (no grace) ends key 1 too, although its own grace had 30 minutes left.
    expect((await gate.verify('ly-main', 'd1', first.codes[0]!.code)).reason).toBe('KEY_RETIRED')
  })

  it('lets exactly one of two concurrent rotations win', async () => {
    await firstCode()
    const [a, b] = await Promise.all([rotate(10), rotate(10)])
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort()
    expect(outcomes).toEqual(['ACCESS_KEY.ROTATION_CONFLICT', 'ok'])
    expect(await h.store.count('accessKeys')).toBe(2)
  })

  it('makes the first key when an operator rotates before any code was issued', async () => {
    expect(okData(await rotate(10))).toEqual({ kid: 1, previousKid: null, previousValidUntil: null })
    expect(okData(await h.call('access.listGates', {}, operator, COMMUNITY_A)).key).toEqual({ kid: 1, createdAt: h.clock.now() })
  })
})

describe('gate key sync (offline gates)', () => {
  it('hands an authenticated gate the live keys and its door rules, signed', async () => {
    const a = await gate.keys('ly-b1', { nonce: 'nonce-sync-001' })
    expect(a).toMatchObject({ ok: true, communityId: COMMUNITY_A, doors: [{ id: 'd1', zone: 'building', buildingId: 'b-a1', vehicle: false }] })
    expect(a.keys).toHaveLength(1)
    expect(a.sig).toBe(keysAnswerSignature(demoGateSecret('ly-b1'), 'nonce-sync-001', a.serverTime, a.keys, a.doors))
    const g = await h.store.get('gates', 'ly-b1')
    expect(g?.keysSyncedAt).toBe(h.clock.now())
  })

  it('gives an impostor nothing', async () => {
    const a = await gate.keys('ly-b1', { secret: Buffer.alloc(32, 3) })
    expect(a).toMatchObject({ ok: false, reason: 'DEVICE_SIGNATURE', keys: [] })
  })
})

describe('visitor passes', () => {
  it('creates a pass the host sees in the list, with the phone masked', async () => {
    const p = await createPass({ plate: '浙a·12345' })
    expect(p).toMatchObject({ visitorName: '林访客', phoneMasked: '137****5678', plate: '浙A12345', uses: 0, maxUses: 2, status: 'active', householdLabel: '1栋 101' })
    expect(p.token).toMatch(/^[A-Za-z0-9_-]{16,}$/)
    const list = okData(await h.call('access.listVisitorPasses', { householdId: 'h-a1-101' }, as('u-li'), COMMUNITY_A))
    expect(list.passes.map((x) => x.id)).toEqual([p.id])
    expect(JSON.stringify(list)).not.toContain('13712345678')
  })

  it.each([
    ['an end before the start', { validTo: 0 }, 'validTo'],
    ['a start long past', { validFrom: -HOUR }, 'validFrom'],
    ['more than a week', { validTo: 8 * 24 * HOUR }, 'validTo'],
    ['a start more than 30 days ahead', { validFrom: 31 * 24 * HOUR, validTo: 31 * 24 * HOUR + HOUR }, 'validFrom']
  ])('refuses a window with %s, naming the field', async (_label, rel, field) => {
    const now = h.clock.now()
    const input = visitorInput(
      Object.fromEntries(Object.entries(rel).map(([k, v]) => [k, k === 'validTo' && v === 0 ? now - 1 : now + v])) as Record<string, number>
    )
    const err = errorOf(await h.call('access.createVisitorPass', input, wang, COMMUNITY_A))
    expect(err.code).toBe('VISITOR_PASS.BAD_WINDOW')
    expect(err.fields?.map((f) => f.path)).toEqual([field])
    expect(await h.store.count('visitorPasses')).toBe(0)
  })

  it('refuses bad names, phones and plates with field errors', async () => {
    const err = errorOf(await h.call('access.createVisitorPass', visitorInput({ visitorName: ' ', visitorPhone: '123', plate: 'ABC', maxUses: 0 }), wang, COMMUNITY_A))
    expect(err.fields?.map((f) => f.path).sort()).toEqual(['maxUses', 'plate', 'visitorName', 'visitorPhone'])
  })

  it('lets only members of the household invite for it', async () => {
    expect(codeOf(await h.call('access.createVisitorPass', visitorInput({ householdId: 'h-a1-102' }), wang, COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })

  it('goes to whoever opens the card first; the host may look but never holds it; a third person is refused', async () => {
    const p = await createPass()
    const host = okData(await openPass(p.token, as('u-li')))
    expect(host).toMatchObject({ viewer: 'host', codes: [] })
    const visitor = okData(await openPass(p.token, 'wx-visitor-1'))
    expect(visitor).toMatchObject({ viewer: 'visitor', visitorName: '林访客', communityName: '临苑社区', destination: '1栋', usesLeft: 2, status: 'active' })
    expect(visitor.codes.length).toBeGreaterThan(0)
    // Nothing of the host: no name, no room, no phone.
    const text = JSON.stringify(visitor)
    for (const hostInfo of ['王建国', '李秀英', '101', '13800001111', 'h-a1-101', 'u-wang']) expect(text).not.toContain(hostInfo)
    expect(okData(await openPass(p.token, 'wx-visitor-1')).viewer).toBe('visitor')
    expect(codeOf(await openPass(p.token, 'wx-someone-else'))).toBe('VISITOR_PASS.HELD_BY_OTHER')
    expect(codeOf(await openPass('x'.repeat(22), 'wx-visitor-1'))).toBe('VISITOR_PASS.NOT_FOUND')
  })

  it("opens the host's building and the community gates, not other buildings, and barriers only with a plate", async () => {
    const walk = await createPass()
    const codes = async () => okData(await openPass(walk.token, 'wx-walker')).codes[0]!.code
    expect(okData(await openPass(walk.token, 'wx-walker')).doors.map((d) => d.gateId).sort()).toEqual(['ly-b1', 'ly-main'])
    expect((await gate.verify('ly-b2', 'd1', await codes())).reason).toBe('DOOR_FORBIDDEN')
    expect((await gate.verify('ly-car', 'd1', await codes())).reason).toBe('DOOR_FORBIDDEN')
    const open = await gate.verify('ly-main', 'd1', await codes())
    expect(open).toMatchObject({ decision: 'open', message: '欢迎来访' })
    const car = await createPass({ plate: '浙A12345' })
    expect((await gate.verify('ly-car', 'd1', okData(await openPass(car.token, 'wx-driver')).codes[0]!.code)).decision).toBe('open')
  })

  it('counts entries and refuses once they are used up; a visitor code is single-use too', async () => {
    const p = await createPass({ maxUses: 2 })
    const next = async () => okData(await openPass(p.token, 'wx-visitor-2')).codes[0]!.code
    const c1 = await next()
    expect((await gate.verify('ly-main', 'd1', c1)).decision).toBe('open')
    expect((await gate.verify('ly-b1', 'd1', c1)).reason).toBe('REPLAYED')
    const spare = await next()
    expect((await gate.verify('ly-b1', 'd1', await next())).decision).toBe('open')
    expect(okData(await openPass(p.token, 'wx-visitor-2'))).toMatchObject({ status: 'used_up', usesLeft: 0, codes: [] })
    // A code fetched while an entry was left is refused once the count ran out.
    expect((await gate.verify('ly-main', 'd1', spare)).reason).toBe('PASS_USED_UP')
    const stored = await h.store.get('visitorPasses', p.id)
    expect(stored).toMatchObject({ uses: 2, lastUsedAt: h.clock.now() })
  })

  it('admits exactly maxUses visitors when many distinct codes are verified at the same moment', async () => {
    const p = await createPass({ maxUses: 3 })
    const codes: string[] = []
    for (let i = 0; i < 10; i++) codes.push(okData(await openPass(p.token, 'wx-visitor-3')).codes[0]!.code)
    const doors: [string, string][] = [['ly-main', 'd1'], ['ly-b1', 'd1']]
    const answers = await Promise.all(codes.map((c, i) => gate.verify(...doors[i % 2]!, c)))
    expect(answers.filter((a) => a.decision === 'open')).toHaveLength(3)
    expect(answers.filter((a) => a.decision === 'deny').every((a) => a.reason === 'PASS_USED_UP')).toBe(true)
    expect((await h.store.get('visitorPasses', p.id))?.uses).toBe(3)
  })

  it('is refused from the next request on once the host revokes it', async () => {
    const p = await createPass()
    const code = okData(await openPass(p.token, 'wx-visitor-4')).codes[0]!.code
    const revoked = okData(await h.call('access.revokeVisitorPass', { passId: p.id }, as('u-li'), COMMUNITY_A))
    expect(revoked.status).toBe('revoked')
    expect((await gate.verify('ly-main', 'd1', code)).reason).toBe('PASS_REVOKED')
    expect(okData(await openPass(p.token, 'wx-visitor-4'))).toMatchObject({ status: 'revoked', codes: [] })
    expect(codeOf(await h.call('access.revokeVisitorPass', { passId: p.id }, as('u-zhao'), COMMUNITY_A))).toBe('VISITOR_PASS.NOT_FOUND')
  })

  it('expires by itself: codes stop at the end of the window, and the job marks it', async () => {
    const p = await createPass({ validTo: h.clock.now() + 45_000 })
    const v = okData(await openPass(p.token, 'wx-visitor-5'))
    expect(v.codes.map((c) => c.expiresAt - c.notBefore)).toEqual([45_000, 15_000])
    h.clock.advance(45_000 + CLOCK_SKEW_MS / 2)
    // Within the skew allowance the code itself still reads as valid: the pass's window decides.
    expect((await gate.verify('ly-main', 'd1', v.codes[0]!.code)).reason).toBe('PASS_EXPIRED')
    expect(okData(await openPass(p.token, 'wx-visitor-5'))).toMatchObject({ status: 'expired', codes: [] })
    const job = await h.raw('access', { Type: 'Timer', TriggerName: 'expire-visitor-passes' }, null)
    expect(job).toMatchObject({ ok: true, report: { expired: 1 } })
    expect((await h.store.get('visitorPasses', p.id))?.status).toBe('expired')
  })

  it('gives no codes before the window starts', async () => {
    const p = await createPass({ validFrom: h.clock.now() + 2 * HOUR, validTo: h.clock.now() + 3 * HOUR })
    expect(okData(await openPass(p.token, 'wx-visitor-6'))).toMatchObject({ status: 'active', codes: [] })
  })
})

describe('the cap on open visitor passes per household', () => {
  const attempt = (over: Parameters<typeof visitorInput>[0] = {}) => h.call('access.createVisitorPass', visitorInput(over), wang, COMMUNITY_A)
  const open = () => h.store.count('visitorPasses', { householdId: 'h-a1-101', status: 'active' })

  it(`holds under concurrency: ${MAX_OPEN_PASSES + 10} creates at once make exactly ${MAX_OPEN_PASSES}`, async () => {
    const results = await Promise.all(Array.from({ length: MAX_OPEN_PASSES + 10 }, () => attempt()))
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_OPEN_PASSES)
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(10).fill('VISITOR_PASS.TOO_MANY'))
    expect(await open()).toBe(MAX_OPEN_PASSES)
    // Another household has its own cap.
    okData(await h.call('access.createVisitorPass', visitorInput({ householdId: 'h-a2-302' }), wang, COMMUNITY_A))
  })

  it('a revoked pass gives its place back once, however often it is revoked', async () => {
    const made = await Promise.all(Array.from({ length: MAX_OPEN_PASSES }, () => createPass()))
    expect(codeOf(await attempt())).toBe('VISITOR_PASS.TOO_MANY')
    const first = made[0]!
    const revokes = await Promise.all(Array.from({ length: 5 }, () => h.call('access.revokeVisitorPass', { passId: first.id }, wang, COMMUNITY_A)))
    expect(revokes.every((r) => r.ok && r.data.status === 'revoked')).toBe(true)
    // One place came back, not five.
    const after = await Promise.all(Array.from({ length: 5 }, () => attempt()))
    expect(after.filter((r) => r.ok)).toHaveLength(1)
    expect(await open()).toBe(MAX_OPEN_PASSES)
  })

  it('expired passes give their places back once, through the job or when the cap is reached', async () => {
    await Promise.all(Array.from({ length: MAX_OPEN_PASSES - 2 }, () => createPass({ validTo: h.clock.now() + HOUR })))
    await createPass({ validTo: h.clock.now() + 5 * HOUR })
    await createPass({ validTo: h.clock.now() + 5 * HOUR })
    expect(codeOf(await attempt())).toBe('VISITOR_PASS.TOO_MANY')
    h.clock.advance(HOUR + 1)
    // Ended but not marked yet: the cap counts open passes only.
    const before = await Promise.all(Array.from({ length: 3 }, () => attempt()))
    expect(before.filter((r) => r.ok)).toHaveLength(3)
    const job = await h.raw('access', { Type: 'Timer', TriggerName: 'expire-visitor-passes' }, null)
    expect(job).toMatchObject({ ok: true })
    await h.raw('access', { Type: 'Timer', TriggerName: 'expire-visitor-passes' }, null)
    const rest = await Promise.all(Array.from({ length: MAX_OPEN_PASSES }, () => attempt()))
    expect(rest.filter((r) => r.ok)).toHaveLength(MAX_OPEN_PASSES - 5)
    expect(await h.store.count('visitorPasses', { householdId: 'h-a1-101', status: 'active', validTo: { gt: h.clock.now() } })).toBe(MAX_OPEN_PASSES)
  })

  it('the expiry job gives each ended pass its place back once, even run twice at once', async () => {
    await Promise.all(Array.from({ length: MAX_OPEN_PASSES }, () => createPass({ validTo: h.clock.now() + HOUR })))
    h.clock.advance(HOUR + 1)
    const expire = () => h.raw('access', { Type: 'Timer', TriggerName: 'expire-visitor-passes' }, null)
    const runs = (await Promise.all([expire(), expire()])) as { report: { expired: number } }[]
    expect(runs.reduce((n, r) => n + r.report.expired, 0)).toBe(MAX_OPEN_PASSES)
    const quota = await h.store.get('visitorPassQuotas', 'h-a1-101')
    expect(quota).toMatchObject({ active: 0, holds: {} })
    const again = await Promise.all(Array.from({ length: MAX_OPEN_PASSES + 5 }, () => attempt()))
    expect(again.filter((r) => r.ok)).toHaveLength(MAX_OPEN_PASSES)
  })

  it('a create cut short after taking its place does not keep it', async () => {
    await Promise.all(Array.from({ length: MAX_OPEN_PASSES - 1 }, () => createPass()))
    const realInsert = h.store.insert.bind(h.store)
    const realUpdate = h.store.update.bind(h.store)
    // The function dies after taking its place: neither the insert nor the release happens.
    const crashInsert = jest.spyOn(h.store, 'insert').mockImplementation(async (c, doc) => {
      if (c === 'visitorPasses') throw new Error('crash')
      return realInsert(c, doc)
    })
    const crashRelease = jest.spyOn(h.store, 'update').mockImplementation(async (c, id, spec, when) => {
      if (c === 'visitorPassQuotas' && (spec.inc?.active ?? 0) < 0) throw new Error('crash')
      return realUpdate(c, id, spec, when)
    })
    expect(codeOf(await attempt())).toBe('INTERNAL.ERROR')
    crashInsert.mockRestore()
    crashRelease.mockRestore()
    // While the dead create could still be running, its place stays taken.
    expect(codeOf(await attempt())).toBe('VISITOR_PASS.TOO_MANY')
    h.clock.advance(5 * MIN)
    okData(await attempt())
    expect(codeOf(await attempt())).toBe('VISITOR_PASS.TOO_MANY')
    expect(await open()).toBe(MAX_OPEN_PASSES)
  })
})

describe('access logs', () => {
  it("shows residents their household's entries, members and visitors by name, newest first", async () => {
    await gate.verify('ly-main', 'd1', await firstCode('u-li', 'h-a1-101'))
    h.clock.advance(1000)
    const p = await createPass()
    await gate.verify('ly-b1', 'd1', okData(await openPass(p.token, 'wx-visitor-7')).codes[0]!.code)
    h.clock.advance(1000)
    await gate.verify('ly-b2', 'd1', await firstCode())
    const log = okData(await h.call('access.householdLog', { householdId: 'h-a1-101' }, wang, COMMUNITY_A))
    expect(log.entries.map((e) => [e.who, e.doorName, e.decision, e.reasonText])).toEqual([
      ['王建国', '2栋单元门', 'deny', '无权通行此门'],
      ['访客 林访客', '1栋单元门', 'open', '已开门'],
      ['李秀英', '东门人行通道', 'open', '已开门']
    ])
    expect(log.next).toBeNull()
    const other = okData(await h.call('access.householdLog', { householdId: 'h-a3-201' }, as('u-zhao'), COMMUNITY_A))
    expect(other.entries).toEqual([])
    expect(codeOf(await h.call('access.householdLog', { householdId: 'h-a1-101' }, as('u-zhao'), COMMUNITY_A))).toBe('HOUSEHOLD.NOT_MEMBER')
  })

  it('pages through long logs', async () => {
    for (let i = 0; i < 35; i++) {
      h.clock.advance(1000)
      await gate.verify('ly-main', 'd1', await firstCode())
    }
    const first = okData(await h.call('access.householdLog', { householdId: 'h-a1-101' }, wang, COMMUNITY_A))
    expect(first.entries).toHaveLength(30)
    const second = okData(await h.call('access.householdLog', { householdId: 'h-a1-101', before: first.next ?? 0 }, wang, COMMUNITY_A))
    expect(second.entries).toHaveLength(5)
    expect(second.next).toBeNull()
  })

  it('shows operators the entries per gate, with households but not names', async () => {
    await gate.verify('ly-main', 'd1', await firstCode())
    await gate.verify('ly-main', 'd1', 'junk')
    const log = okData(await h.call('access.gateLog', { gateId: 'ly-main' }, as('u-operator-wu'), COMMUNITY_A))
    expect(log.gateName).toBe('东门')
    expect(log.entries.map((e) => [e.who, e.decision]).sort()).toEqual([
      ['', 'deny'],
      ['1栋 101', 'open']
    ])
    expect(JSON.stringify(log)).not.toContain('王建国')
    expect(codeOf(await h.call('access.gateLog', { gateId: 'hx-main' }, as('u-operator-wu'), COMMUNITY_A))).toBe('GATE.NOT_FOUND')
  })

  it('shows butlers the visitors to their own grid only, without the card token', async () => {
    const toB1 = await createPass()
    const toB3 = okData(await h.call('access.createVisitorPass', visitorInput({ householdId: 'h-a3-201', visitorName: '快递小哥' }), as('u-zhao'), COMMUNITY_A))
    const east = okData(await h.call('access.gridVisitors', {}, as('u-butler-zhang'), COMMUNITY_A))
    expect(east.gridName).toBe('东区网格')
    expect(east.passes.map((p) => [p.visitorName, p.householdLabel])).toEqual([['林访客', '1栋 101']])
    expect(JSON.stringify(east)).not.toContain(toB1.token)
    const west = okData(await h.call('access.gridVisitors', {}, as('u-butler-liu'), COMMUNITY_A))
    expect(west.passes.map((p) => p.id)).toEqual([toB3.id])
  })
})

describe('devices (operators)', () => {
  const operator = as('u-operator-wu')
  const register = (input: Record<string, unknown>) =>
    h.call('access.registerGate', input as Parameters<typeof h.call<'access.registerGate'>>[1], operator, COMMUNITY_A)

  it('registers a gate, shows its secret once, and the device can use it at once', async () => {
    const res = okData(
      await register({ gateId: 'ly-b1-west', name: '1栋西门', doors: [{ name: '1栋西侧单元门', zone: 'building', buildingId: 'b-a1' }] })
    )
    expect(res.gate).toMatchObject({ id: 'ly-b1-west', enabled: true, doors: [{ id: 'd1', zone: 'building', buildingId: 'b-a1', buildingName: '1栋', vehicle: false }] })
    const secret = Buffer.from(res.secret, 'base64url')
    expect(secret).toHaveLength(32)
    // The device id lives in the community's own namespace.
    expect(res.gate.deviceId).toBe(`${COMMUNITY_A}:ly-b1-west`)
    const stored = await h.store.get('gates', res.gate.deviceId)
    expect(JSON.stringify(stored)).not.toContain(res.secret)
    const listed = okData(await h.call('access.listGates', {}, operator, COMMUNITY_A))
    expect(JSON.stringify(listed)).not.toContain(res.secret)
    expect(listed.gates.map((g) => g.id)).toContain('ly-b1-west')
    expect((await gate.verify(res.gate.deviceId, 'd1', await firstCode(), { secret })).decision).toBe('open')
  })

  it('refuses a taken id and doors that name no building of the community', async () => {
    expect(codeOf(await register({ gateId: 'ly-main', name: '重复', doors: [{ name: '门', zone: 'community' }] }))).toBe('GATE.ID_TAKEN')
    const fresh = okData(await register({ gateId: 'ly-b1-new', name: '新门', doors: [{ name: '门', zone: 'community' }] }))
    expect(codeOf(await register({ gateId: 'ly-b1-new', name: '重复', doors: [{ name: '门', zone: 'community' }] }))).toBe('GATE.ID_TAKEN')
    expect(fresh.gate.id).toBe('ly-b1-new')
    const err = errorOf(
      await register({
        gateId: 'ly-new',
        name: '新门',
        doors: [
          { name: '无楼栋', zone: 'building' },
          { name: '别的社区', zone: 'building', buildingId: 'b-b1' },
          { name: '大门', zone: 'community', buildingId: 'b-a1' }
        ]
      })
    )
    expect(err.code).toBe('GATE.BAD_DOORS')
    expect(err.fields?.map((f) => f.path)).toEqual(['doors.0.buildingId', 'doors.1.buildingId', 'doors.2.buildingId'])
    expect(await h.store.get('gates', 'ly-new')).toBeNull()
  })

  it("keeps each community's gates to its own operators", async () => {
    expect(codeOf(await h.call('access.setGateEnabled', { gateId: 'hx-main', enabled: false }, operator, COMMUNITY_A))).toBe('GATE.NOT_FOUND')
    const b = okData(await h.call('access.listGates', {}, operator, COMMUNITY_B))
    expect(b.gates.map((g) => g.id)).toEqual(['hx-main'])
  })

  it('records when a device was last seen', async () => {
    await gate.verify('ly-main', 'd1', await firstCode())
    expect((await h.store.get('gates', 'ly-main'))?.lastSeenAt).toBe(h.clock.now())
  })
})

describe('purge job', () => {
  it('removes single-use and nonce records once they cannot matter, and old log rows', async () => {
    await gate.verify('ly-main', 'd1', await firstCode())
    expect(await h.store.count('usedCodes')).toBe(1)
    h.clock.advance(ACCESS_LOG_RETENTION_MS + HOUR)
    await gate.verify('ly-main', 'd1', 'junk')
    const job = await h.raw('access', { Type: 'Timer', TriggerName: 'purge-access-records' }, null)
    expect(job).toMatchObject({ ok: true, report: { usedCodes: 1, gateNonces: 1, accessLog: 1 } })
    expect(await h.store.find('usedCodes')).toEqual([])
    expect((await logs()).map((l) => l.reason)).toEqual(['CODE_MALFORMED'])
  })
})
