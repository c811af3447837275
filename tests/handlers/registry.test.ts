/**
 * Generated over every action in the registry, so an action added later is covered by the
 * request-path guarantees without anyone writing a test for it: strict input, role checks scoped
 * to the envelope's community, registration and identity required, and nothing written when a
 * call is refused.
 */
import { z } from 'zod'
import type { ActionContract } from '../../cloudfunctions/contracts/define'
import { needsCommunity } from '../../cloudfunctions/contracts/define'
import { allContracts } from '../../cloudfunctions/contracts/registry'
import { ROLES, type Role } from '../../cloudfunctions/contracts/roles'
import { loadActor } from '../../cloudfunctions/kernel/actor'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { errorOf, grantFreshUser, snapshot } from './support'


/**
 * A seeded user holding each role in community A. Typed over every Role: a new role does not
 * compile until someone says who holds it in the seed.
 */
const HOLDER_IN_A: Record<Role, string> = {
  resident: 'u-wang',
  butler: 'u-butler-zhang',
  staff: 'u-staff-sun',
  verifier: 'u-verifier-zhou',
  operator: 'u-operator-wu',
  worker: 'u-worker-ma',
  dispatcher: 'u-dispatch-lin',
  finance: 'u-finance-he',
  service: 'u-service-zhao'
}
/** Seeded holders in community B who hold the role there only; others are created per test. */
const HOLDER_ONLY_IN_B: Partial<Record<Role, string>> = {
  resident: 'u-b-resident',
  butler: 'u-b-butler'
}
/** A household in B, for residents created on the fly. */
const B_HOUSEHOLD = 'h-b1-102'

const UNEXPECTED = { zz_unexpected: 12345 }

type Row = [string, ActionContract]
const rows = (pred: (c: ActionContract) => boolean = () => true): Row[] => allContracts.filter(pred).map((c) => [c.id, c])
const roleActions = rows((c) => needsCommunity(c.access))
const nonPublic = rows((c) => c.access !== 'public' && c.access !== 'anonymous')
const anonymous = rows((c) => c.access === 'anonymous')

/** The envelope for a contract, sent straight through `raw` since the inputs are deliberately wrong. */
function call(h: Harness, c: ActionContract, input: unknown, openid: string | null, communityId?: string): Promise<unknown> {
  return h.raw(c.fn, { action: c.name, input, ...(communityId ? { communityId } : {}) }, openid)
}

/** Someone entitled to call the action, and the community to call it in. */
function entitled(c: ActionContract): { openid: string; communityId?: string } {
  if (!needsCommunity(c.access)) return { openid: as('u-wang') }
  const role = c.access[0]
  if (!role) throw new Error(`${c.id} lists no roles`)
  return { openid: as(HOLDER_IN_A[role]), communityId: COMMUNITY_A }
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (!(schema instanceof z.ZodObject)) throw new Error('input schemas are objects')
  return schema.shape as Record<string, z.ZodType>
}

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

it('the registry is not empty and ids are unique', () => {
  expect(allContracts.length).toBeGreaterThan(0)
  expect(new Set(allContracts.map((c) => c.id)).size).toBe(allContracts.length)
  for (const c of allContracts) expect(c.id).toBe(`${c.fn}.${c.name}`)
})

/** The roles the request path would give this user in that community. */
async function rolesIn(userId: string, communityId: string): Promise<Role[]> {
  const user = await h.store.get('users', userId)
  if (!user) throw new Error(`${userId} is not seeded`)
  return (await loadActor(h.store, { openid: user.openid, source: 'dev' }, user, communityId)).roles
}

describe('the role table matches the seed', () => {
  it.each([...ROLES])('%s: the listed holder has the role in A', async (role) => {
    expect(await rolesIn(HOLDER_IN_A[role], COMMUNITY_A)).toContain(role)
  })

  it.each(Object.entries(HOLDER_ONLY_IN_B))('%s: %s has the role in B and not in A', async (role, userId) => {
    expect(await rolesIn(userId, COMMUNITY_B)).toContain(role)
    expect(await rolesIn(userId, COMMUNITY_A)).not.toContain(role)
  })
})

describe.each(rows())('%s', (_id, c) => {
  it('has a strict object input schema', () => {
    const shape = shapeOf(c.input)
    const res = c.input.safeParse(UNEXPECTED)
    expect(res.success).toBe(false)
    if (!res.success) expect(res.error.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true)
    expect(Object.keys(shape)).not.toContain('zz_unexpected')
  })

  it('rejects an unknown key with REQUEST.INVALID_INPUT, names it, and writes nothing', async () => {
    const who = entitled(c)
    const before = await snapshot(h.store)
    const err = errorOf(await call(h, c, UNEXPECTED, who.openid, who.communityId))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.length).toBeGreaterThan(0)
    expect(err.fields?.some((f) => f.path === 'zz_unexpected' || f.message.includes('zz_unexpected'))).toBe(true)
    expect(await snapshot(h.store)).toEqual(before)
  })

  // For each field, a value of the wrong kind: the first candidate that field's own schema refuses.
  const shape = shapeOf(c.input)
  const CANDIDATES: unknown[] = [12345, 'zz-not-valid', { zz: 1 }, [12345], true]
  const wrong = Object.entries(shape).flatMap(([k, schema]) => {
    const bad = CANDIDATES.find((v) => !schema.safeParse(v).success)
    return bad === undefined ? [] : [[k, bad] as const]
  })
  const keys = wrong.map(([k]) => k)
  // An action without input fields has nothing to mistype; the unknown-key case covers it.
  if (keys.length > 0) {
    it(`rejects a wrong-typed value in every field (${keys.join(', ')}), naming each, and writes nothing`, async () => {
      const who = entitled(c)
      const before = await snapshot(h.store)
      const input = Object.fromEntries(wrong)
      const err = errorOf(await call(h, c, input, who.openid, who.communityId))
      expect(err.code).toBe('REQUEST.INVALID_INPUT')
      expect(err.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(keys))
      // People read these: each field named by its label, and no path, identifier or zod wording.
      for (const k of keys) expect(err.fields?.find((f) => f.path === k)?.label).toMatch(/[\u4e00-\u9fa5]/)
      expect(err.message).not.toMatch(/[A-Za-z_]{2,}|NaN|9007199254740991/)
      expect(await snapshot(h.store)).toEqual(before)
    })
  }

  if (c.access !== 'anonymous') it('needs an identity: AUTH.UNAUTHENTICATED', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await call(h, c, {}, null, COMMUNITY_A)).code).toBe('AUTH.UNAUTHENTICATED')
    expect(errorOf(await call(h, c, UNEXPECTED, null)).code).toBe('AUTH.UNAUTHENTICATED')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe.each(anonymous)('%s (anonymous)', (_id, c) => {
  it('is open to a caller with no identity, and still refuses bad input and writes nothing', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await call(h, c, UNEXPECTED, null)).code).toBe('REQUEST.INVALID_INPUT')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe.each(nonPublic)('%s (registered users only)', (_id, c) => {
  it('refuses an unregistered caller with AUTH.NOT_REGISTERED and writes nothing', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await call(h, c, {}, 'wx-unregistered', COMMUNITY_A)).code).toBe('AUTH.NOT_REGISTERED')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe.each(roleActions)('%s (roles)', (_id, c) => {
  const allowed = c.access as readonly Role[]
  const others = ROLES.filter((r) => !allowed.includes(r))

  it('needs a community: AUTH.COMMUNITY_REQUIRED', async () => {
    const role = allowed[0]
    if (!role) throw new Error(`${c.id} lists no roles`)
    expect(errorOf(await call(h, c, {}, as(HOLDER_IN_A[role]))).code).toBe('AUTH.COMMUNITY_REQUIRED')
  })

  if (others.length > 0) {
    it.each(others.map((r) => [r]))('refuses a %s of the community with AUTH.FORBIDDEN and writes nothing', async (role) => {
      const userId = HOLDER_IN_A[role]
      // The holder must not also hold an allowed role, or the case proves nothing.
      expect((await rolesIn(userId, COMMUNITY_A)).filter((r) => allowed.includes(r))).toEqual([])
      const before = await snapshot(h.store)
      expect(errorOf(await call(h, c, {}, as(userId), COMMUNITY_A)).code).toBe('AUTH.FORBIDDEN')
      expect(await snapshot(h.store)).toEqual(before)
    })
  }

  it('refuses a registered user with no role at all', async () => {
    expect(errorOf(await call(h, c, {}, as('u-newcomer'), COMMUNITY_A)).code).toBe('AUTH.FORBIDDEN')
  })

  it.each(allowed.map((r) => [r]))('refuses a %s of the other community with AUTH.FORBIDDEN and writes nothing', async (role) => {
    const seeded = HOLDER_ONLY_IN_B[role]
    const openid = seeded ? as(seeded) : await grantFreshUser(h.store, `x-${role}-b`, COMMUNITY_B, role, B_HOUSEHOLD)
    expect(await rolesIn(openid.replace(/^dev-/, ''), COMMUNITY_B)).toContain(role)
    const before = await snapshot(h.store)
    expect(errorOf(await call(h, c, {}, openid, COMMUNITY_A)).code).toBe('AUTH.FORBIDDEN')
    expect(errorOf(await call(h, c, UNEXPECTED, openid, 'c-nowhere')).code).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it.each(allowed.map((r) => [r]))('lets a %s of the community past the role check', async (role) => {
    // Input validation runs after the role check, so an entitled caller reaches it.
    expect(errorOf(await call(h, c, UNEXPECTED, as(HOLDER_IN_A[role]), COMMUNITY_A)).code).toBe('REQUEST.INVALID_INPUT')
  })
})
