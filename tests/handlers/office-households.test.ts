/**
 * Importing a community's buildings and households from the office's sheet, a page at a time,
 * through the real path: every bad row named by line and field, nothing written for a page with a
 * problem, and a second import updating rooms rather than making them twice.
 */
import type { RawHouseholdRow } from '../../cloudfunctions/contracts/household-import'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { BOSS, newCommunity as newCompany, sheet } from '../support/office'
import { codeOf, errorOf, grantFreshUser, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')

let h: Harness
afterEach(async () => {
  await h?.close()
})

async function newCommunity(): Promise<string> {
  const made = await newCompany()
  h = made.h
  return made.id
}

const importPage = (rows: RawHouseholdRow[], communityId: string, opts: { dryRun?: boolean; newBuildings?: boolean; who?: string } = {}) =>
  h.call('office.importHouseholds', { rows, dryRun: opts.dryRun ?? false, newBuildings: opts.newBuildings ?? true }, opts.who ?? BOSS, communityId)

describe('the preview', () => {
  it('names each bad row by line and field, and writes nothing', async () => {
    const id = await newCommunity()
    const rows = sheet(200)
    rows[10] = { ...rows[10]!, area: '八十九' }
    rows[57] = { ...rows[57]!, ownerPhone: '1380000' }
    rows[120] = { ...rows[120]!, building: rows[3]!.building, unit: rows[3]!.unit, room: rows[3]!.room }
    const before = await snapshot(h.store)
    const preview = okData(await importPage(rows, id, { dryRun: true }))
    expect(preview.problems.map((p) => [p.line, p.label])).toEqual([
      [12, '建筑面积'],
      [59, '业主手机'],
      [122, '房号']
    ])
    expect(preview.problems[0]!.message).toContain('八十九')
    expect(preview.problems[2]!.message).toBe('1栋 1单元 202 与第 5 行重复')
    // The rest is counted as it would go in.
    expect(preview.created).toBe(197)
    expect(preview.buildingsCreated).toEqual(['1栋', '2栋', '3栋', '4栋', '5栋', '6栋', '7栋', '8栋', '9栋'])
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses to apply a page with any problem, and writes none of its rows', async () => {
    const id = await newCommunity()
    const rows = sheet(20)
    rows[7] = { ...rows[7]!, area: '0.5' }
    const before = await snapshot(h.store)
    const err = errorOf(await importPage(rows, id))
    expect(err.code).toBe('OFFICE.IMPORT_INVALID')
    expect(err.message).toBe('第 9 行建筑面积：建筑面积 0.5 ㎡ 不在 5～2000 ㎡ 之间。本页没有导入，请改正后重试')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('names a building the community does not have when new buildings are not allowed', async () => {
    const id = await newCommunity()
    okData(await importPage(sheet(24), id))
    const next = sheet(2, 24)
    const preview = okData(await importPage(next, id, { dryRun: true, newBuildings: false }))
    expect(preview.problems).toEqual([
      { line: 26, field: 'building', label: '楼栋', message: '社区里没有「2栋」（已有：1栋）；如是新楼栋，请勾选“允许新建楼栋”' },
      { line: 27, field: 'building', label: '楼栋', message: '社区里没有「2栋」（已有：1栋）；如是新楼栋，请勾选“允许新建楼栋”' }
    ])
    expect(codeOf(await importPage(next, id, { newBuildings: false }))).toBe('OFFICE.IMPORT_INVALID')
  })
})

describe('applying', () => {
  it('makes the buildings and households, masked for staff, and a second import duplicates nothing', async () => {
    const id = await newCommunity()
    const rows = sheet(400)
    for (const page of [rows.slice(0, 200), rows.slice(200)]) {
      const r = okData(await importPage(page, id))
      expect(r.problems).toEqual([])
      expect(r.created).toBe(200)
    }
    const households = await findAll(h.store, 'households', { communityId: id })
    expect(households).toHaveLength(400)
    expect(await findAll(h.store, 'buildings', { communityId: id })).toHaveLength(17)
    const first = households.find((x) => x.room === '101' && x.unit === '1单元' && x.areaCm2 === 8025)!
    expect(first.owner).toEqual({ name: '王建国', phone: '13800001000', phoneTail: '1000' })
    expect(first.parkingSpaces).toBe(1)
    // No code slip yet: the household cannot be bound by any code.
    expect(first.codeHash).toBe(`unissued:${first._id}`)

    // The same sheet again, with one area corrected: one update, nothing made twice.
    const fixed = rows.slice(0, 200).map((r) => (r.line === 5 ? { ...r, area: '99.9' } : r))
    const again = okData(await importPage(fixed, id))
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 199, buildingsCreated: [] })
    expect(await findAll(h.store, 'households', { communityId: id })).toHaveLength(400)

    const list = okData(await h.call('office.households', { offset: 0, limit: 3 }, BOSS, id))
    expect(list.total).toBe(400)
    expect(list.rows.map((r) => `${r.building} ${r.unit} ${r.room}`)).toEqual(['1栋 1单元 101', '1栋 1单元 102', '1栋 1单元 201'])
    expect(list.rows[0]).toMatchObject({ ownerName: '王*国', ownerPhone: '138****1000', areaCm2: 8025, parkingSpaces: 1, members: 0, hasCode: false, codeIssuedAt: null })
    expect(list.buildings[0]).toEqual({ id: expect.any(String), name: '1栋', households: 24 })
    const second = okData(await h.call('office.households', { buildingId: list.buildings[1]!.id, offset: 20, limit: 10 }, BOSS, id))
    expect(second.total).toBe(24)
    expect(second.rows.map((r) => `${r.unit} ${r.room}`)).toEqual(['2单元 501', '2单元 502', '2单元 601', '2单元 602'])
  })

  it('matches rooms that were there before the import (the demo seed), by building, unit and room', async () => {
    h = await makeHarness()
    const row: RawHouseholdRow = { line: 2, building: '1栋', unit: '', room: '101', area: '120', ownerName: '王建国', ownerPhone: '13800009999', parkingSpaces: '' }
    const before = await findAll(h.store, 'households', { communityId: COMMUNITY_A })
    const r = okData(await importPage([row], COMMUNITY_A, { who: OPERATOR, newBuildings: false }))
    expect(r).toMatchObject({ created: 0, updated: 1, problems: [] })
    const after = await findAll(h.store, 'households', { communityId: COMMUNITY_A })
    expect(after).toHaveLength(before.length)
    const room = after.find((x) => x._id === 'h-a1-101')!
    expect(room.areaCm2).toBe(12000)
    // The printed code still binds: an import never touches a household's code.
    expect(room.codeHash).toBe(before.find((x) => x._id === 'h-a1-101')!.codeHash)
    // Its code was handed out before the console: listed as having one, with no print date.
    const listed = okData(await h.call('office.households', { offset: 0, limit: 1 }, OPERATOR, COMMUNITY_A)).rows[0]!
    expect(listed).toMatchObject({ id: 'h-a1-101', hasCode: true, codeIssuedAt: null })
  })

  it('makes each household once when the same page is sent twice at once (a retry, a second tab)', async () => {
    const id = await newCommunity()
    const rows = sheet(60)
    const results = await Promise.all([importPage(rows, id), importPage(rows, id), importPage(rows, id)])
    for (const r of results) expect(r.ok).toBe(true)
    expect(await findAll(h.store, 'households', { communityId: id })).toHaveLength(60)
    expect(await findAll(h.store, 'buildings', { communityId: id })).toHaveLength(3)
  })
})

describe('who may import', () => {
  it('refuses residents, butlers and an operator of another community', async () => {
    h = await makeHarness()
    const rows = sheet(2)
    const before = await snapshot(h.store)
    expect(codeOf(await importPage(rows, COMMUNITY_A, { who: as('u-wang') }))).toMatch(/^AUTH\./)
    expect(codeOf(await importPage(rows, COMMUNITY_A, { who: as('u-butler-zhang') }))).toMatch(/^AUTH\./)
    const elsewhere = await grantFreshUser(h.store, 'u-op-b', COMMUNITY_B, 'operator')
    expect(codeOf(await importPage(rows, COMMUNITY_A, { who: elsewhere }))).toMatch(/^AUTH\./)
    expect(codeOf(await h.call('office.households', { offset: 0, limit: 10 }, elsewhere, COMMUNITY_A))).toMatch(/^AUTH\./)
    const after = await snapshot(h.store)
    expect(after.households).toEqual(before.households)
    expect(after.buildings).toEqual(before.buildings)
  })

  it('refuses a page over 200 rows or a cell over 60 characters as bad input, naming it', async () => {
    const id = await newCommunity()
    const big = errorOf(await importPage(sheet(201), id))
    expect(big.code).toBe('REQUEST.INVALID_INPUT')
    expect(big.message).toContain('每次最多 200 行')
    const long = errorOf(await importPage([{ ...sheet(1)[0]!, ownerName: '王'.repeat(61) }], id))
    expect(long.code).toBe('REQUEST.INVALID_INPUT')
    expect(long.message).toContain('最多 60 个字')
  })
})

describe('code slips', () => {
  const code = (slip: { code: string }) => slip.code.replace('-', '')

  it('gives each household a code once, shown only then; it binds, and a reprint makes the old paper stop working', async () => {
    const id = await newCommunity()
    okData(await importPage(sheet(30), id))
    const list = okData(await h.call('office.households', { offset: 0, limit: 30 }, BOSS, id))
    const ids = list.rows.map((r) => r.id)
    const first = okData(await h.call('office.issueCodes', { householdIds: ids, reissue: false }, BOSS, id))
    expect(first.slips).toHaveLength(30)
    expect(first.kept).toBe(0)
    expect(first.slips[0]).toEqual({ householdId: ids[0], building: '1栋', room: '1单元 101', code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/) })
    expect(new Set(first.slips.map(code)).size).toBe(30)
    // Only the hash is kept, never the code.
    const stored = await findAll(h.store, 'households', { communityId: id })
    expect(JSON.stringify(stored)).not.toContain(code(first.slips[0]!))
    expect(okData(await h.call('office.households', { offset: 0, limit: 1 }, BOSS, id)).rows[0]).toMatchObject({ hasCode: true, codeIssuedAt: h.clock.now() })

    // Asking again without reissuing prints nothing new: the code cannot be shown twice.
    const again = okData(await h.call('office.issueCodes', { householdIds: ids, reissue: false }, BOSS, id))
    expect(again).toEqual({ slips: [], kept: 30, busy: 0, failed: 0 })

    // The slip binds its household.
    okData(await h.call('user.login', {}, 'wx-resident'))
    okData(await h.call('user.bindHousehold', { code: first.slips[0]!.code }, 'wx-resident'))
    // A reprint of the second household: its old code is refused, the new one binds.
    const reprint = okData(await h.call('office.issueCodes', { householdIds: [ids[1]!], reissue: true }, BOSS, id))
    expect(code(reprint.slips[0]!)).not.toBe(code(first.slips[1]!))
    okData(await h.call('user.login', {}, 'wx-other'))
    expect((await h.call('user.bindHousehold', { code: first.slips[1]!.code }, 'wx-other')).ok).toBe(false)
    okData(await h.call('user.bindHousehold', { code: reprint.slips[0]!.code }, 'wx-other'))
  })

  it('leaves a household to the other print when two clerks reprint it at the same moment', async () => {
    const id = await newCommunity()
    okData(await importPage(sheet(1), id))
    const [hid] = okData(await h.call('office.households', { offset: 0, limit: 1 }, BOSS, id)).rows.map((r) => r.id)
    const both = await Promise.all([0, 1].map(() => h.call('office.issueCodes', { householdIds: [hid!], reissue: true }, BOSS, id)))
    const printed = both.map((r) => okData(r)).flatMap((r) => r.slips)
    expect(printed).toHaveLength(1)
    expect(both.map((r) => okData(r).busy).sort()).toEqual([0, 1])
    okData(await h.call('user.login', {}, 'wx-resident'))
    okData(await h.call('user.bindHousehold', { code: printed[0]!.code }, 'wx-resident'))
  })

  it('reports a household whose new code could not be written, and its old code still binds', async () => {
    const id = await newCommunity()
    okData(await importPage(sheet(2), id))
    const ids = okData(await h.call('office.households', { offset: 0, limit: 2 }, BOSS, id)).rows.map((r) => r.id)
    const first = okData(await h.call('office.issueCodes', { householdIds: ids, reissue: false }, BOSS, id))
    const write = h.store.update.bind(h.store)
    const spy = jest.spyOn(h.store, 'update').mockImplementation(async (collection, docId, spec, when) => {
      if (collection === 'households' && docId === ids[1]) throw new Error('store unavailable')
      return write(collection, docId, spec, when)
    })
    const reprint = okData(await h.call('office.issueCodes', { householdIds: ids, reissue: true }, BOSS, id))
    spy.mockRestore()
    expect(reprint.slips.map((s) => s.householdId)).toEqual([ids[0]])
    expect(reprint).toMatchObject({ kept: 0, busy: 0, failed: 1 })
    expect(h.logs.some((l) => l.level === 'error' && l.msg === 'household codes not issued')).toBe(true)
    okData(await h.call('user.login', {}, 'wx-resident'))
    okData(await h.call('user.bindHousehold', { code: first.slips[1]!.code }, 'wx-resident'))
  })

  it('refuses households of another community and callers without the operator role', async () => {
    h = await makeHarness()
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('office.issueCodes', { householdIds: ['h-a1-101'], reissue: true }, as('u-butler-zhang'), COMMUNITY_A))).toMatch(/^AUTH\./)
    expect(codeOf(await h.call('office.issueCodes', { householdIds: ['h-a1-101'], reissue: true }, OPERATOR, COMMUNITY_B))).toBe('OFFICE.HOUSEHOLD_NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
  })
})
