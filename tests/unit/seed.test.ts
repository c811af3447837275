import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { HouseholdCode } from '../../cloudfunctions/contracts/user'
import { hashHouseholdCode } from '../../cloudfunctions/domain/user/format'
import { COLLECTION_NAMES } from '../../cloudfunctions/kernel/collections'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B, PERSONAS, buildDemo, demoCodes, seedDemo } from '../../scripts/seed/demo'


const PEPPER = 'seed-test-pepper-0123456789'

describe('demo seed data', () => {
  const d = buildDemo(PEPPER)

  it('has the two communities', () => {
    expect(d.communities.map((c) => c._id)).toEqual([COMMUNITY_A, COMMUNITY_B])
  })

  it('gives community A at least two buildings and forty households', () => {
    expect(d.buildings.filter((b) => b.communityId === COMMUNITY_A).length).toBeGreaterThanOrEqual(2)
    expect(d.households.filter((h) => h.doc.communityId === COMMUNITY_A).length).toBeGreaterThanOrEqual(40)
    expect(d.households.some((h) => h.doc.communityId === COMMUNITY_B)).toBe(true)
  })

  it('gives every household a unique, valid code whose hash is stored, never the code', () => {
    const codes = d.households.map((h) => h.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(new Set(d.households.map((h) => h.doc._id)).size).toBe(codes.length)
    for (const h of d.households) {
      expect(HouseholdCode.parse(h.code)).toBe(h.code)
      expect(h.doc.codeHash).toBe(hashHouseholdCode(PEPPER, h.code))
      expect(JSON.stringify(h.doc)).not.toContain(h.code)
    }
  })

  it('is deterministic for a pepper, and the codes do not depend on it', () => {
    expect(buildDemo(PEPPER)).toEqual(d)
    const other = buildDemo('another-pepper-0123456789')
    expect(other.households.map((h) => h.code)).toEqual(d.households.map((h) => h.code))
    expect(other.households[0]?.doc.codeHash).not.toBe(d.households[0]?.doc.codeHash)
    expect(demoCodes(PEPPER)['h-a1-101']).toBe(d.households.find((h) => h.doc._id === 'h-a1-101')?.code)
  })

  it('has two butlers in A, each looking after a grid of A buildings', () => {
    const butlers = d.staff.filter((s) => s.communityId === COMMUNITY_A && s.role === 'butler').map((s) => s.userId)
    expect(butlers).toHaveLength(2)
    const aBuildings = new Set(d.buildings.filter((b) => b.communityId === COMMUNITY_A).map((b) => b._id))
    for (const b of butlers) {
      const grids = d.grids.filter((g) => g.butlerUserId === b && g.communityId === COMMUNITY_A)
      expect(grids.length).toBeGreaterThan(0)
      for (const g of grids) {
        expect(g.buildingIds.length).toBeGreaterThan(0)
        for (const id of g.buildingIds) expect(aBuildings.has(id)).toBe(true)
      }
    }
  })

  it('has staff, verifier and operator roles in A', () => {
    for (const role of ['staff', 'verifier', 'operator'] as const) {
      expect(d.staff.some((s) => s.communityId === COMMUNITY_A && s.role === role)).toBe(true)
    }
  })

  it('refers only to users, households and communities that exist', () => {
    const users = new Set(d.users.map((u) => u._id))
    const households = new Map(d.households.map((h) => [h.doc._id, h.doc]))
    for (const m of d.memberships) {
      expect(users.has(m.userId)).toBe(true)
      expect(households.get(m.householdId)?.communityId).toBe(m.communityId)
    }
    for (const s of d.staff) expect(users.has(s.userId)).toBe(true)
    for (const p of PERSONAS) {
      expect(p.openid).toBe(`dev-${p.id}`)
      expect(d.users.find((u) => u._id === p.id)?.openid).toBe(p.openid)
    }
    expect(new Set(d.users.map((u) => u.openid)).size).toBe(d.users.length)
  })
})

describe('seedDemo', () => {
  it('inserts everything once; seeding again inserts nothing and changes nothing', async () => {
    const store = new SqliteStore(':memory:')
    try {
      // Each feature adds seed data; what must hold for all of it is that seeding is idempotent.
      const now = Date.UTC(2026, 10, 23, 2)
      const first = await seedDemo(store, PEPPER, now)
      expect(first.skipped).toBe(0)
      expect(first.inserted).toBeGreaterThan(0)
      const snapshot = async () => Promise.all(COLLECTION_NAMES.map((c) => findAll(store, c)))
      const before = await snapshot()
      expect(before.reduce((n, docs) => n + docs.length, 0)).toBe(first.inserted)
      expect(await seedDemo(store, PEPPER, now)).toEqual({ inserted: 0, skipped: first.inserted })
      expect(await snapshot()).toEqual(before)
    } finally {
      await store.close()
    }
  })
})
