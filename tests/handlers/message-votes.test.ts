/**
 * Owner votes through the real request path: a roll fixed when the vote is made, one ballot per
 * unit written once, co-owners sharing it, an owner's units voting together, paper ballots by the
 * grid's butler, late ballots refused, and a tally published after the close that every owner can
 * check their receipt against. The arithmetic itself is in tests/unit/vote-tally.test.ts.
 */
import type { VoteInput } from '../../cloudfunctions/contracts/message-votes'
import { closeVotes } from '../../cloudfunctions/domain/message/votes'
import { COUNT_GRACE_MS } from '../../cloudfunctions/domain/message/vote-roll'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { demoPhoto } from '../../scripts/seed/photos'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const WANG = as('u-wang') // owner of 1栋 101 (with 周先生 u-r1) and 2栋 302
const R1 = as('u-r1') // co-owner of 1栋 101
const R2 = as('u-r2') // owner of 1栋 102
const LI = as('u-li') // family member of 1栋 101: not an owner
const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const LIU = as('u-butler-liu') // 西区网格: 2栋, 3栋
const HOUR = 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
function draft(over: Partial<VoteInput> = {}): VoteInput {
  return {
    title: '续聘现物业服务企业',
    description: '合同将于年底到期，拟按原标准续聘三年。',
    rule: 'ordinary',
    kind: 'matter',
    scope: { kind: 'buildings', buildingIds: ['b-a1'] },
    closesAt: h.clock.now() + 7 * 24 * HOUR,
    clientRequestId: `vote-req-${++n}`,
    ...over
  }
}

async function open(over: Partial<VoteInput> = {}): Promise<string> {
  return okData(await h.call('message.saveVote', draft(over), OPERATOR, COMMUNITY_A)).id
}

const afterClose = async (id: string) => {
  const v = (await h.store.get('votes', id))!
  h.clock.t = v.closesAt + COUNT_GRACE_MS
}

describe('making a vote', () => {
  it('fixes the roll: every unit of the scope with an area, and the owners by head', async () => {
    const req = draft()
    const res = okData(await h.call('message.saveVote', req, OPERATOR, COMMUNITY_A))
    expect(res.units).toBe(20)
    const v = (await h.store.get('votes', res.id))!
    expect(v).toMatchObject({ scopeLabel: '1栋业主', units: 20, ballots: 0, tally: null })
    expect(v.totalAreaCm2).toBeGreaterThan(20 * 8000)
    // 1栋 has 20 units; 101's co-owners are one owner; units nobody has bound count as their own.
    expect(v.totalOwners).toBe(20)
    // The same request again answers with the same vote.
    expect(okData(await h.call('message.saveVote', req, OPERATOR, COMMUNITY_A)).id).toBe(res.id)
    expect(await findAll(h.store, 'votes', { title: '续聘现物业服务企业' })).toHaveLength(1)
  })

  it.each([
    ['an empty title', { title: '' }, 'title', '表决事项'],
    ['a choice with no options', { kind: 'choice' as const, options: [] }, 'options', '选项'],
    ['a choice with one option', { kind: 'choice' as const, options: ['甲公司'] }, 'options', '选项'],
    ['a close before the start', { opensAt: Date.now() + 48 * HOUR, closesAt: Date.now() + 24 * HOUR }, 'closesAt', '截止时间'],
    ['buildings with none chosen', { scope: { kind: 'buildings' as const, buildingIds: [] } }, 'scope.buildingIds', '楼栋']
  ])('refuses %s, naming the field, and writes nothing', async (_what, over, path, label) => {
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.saveVote', { ...draft(), ...over }, OPERATOR, COMMUNITY_A))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.find((f) => f.path === path)?.label).toBe(label)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses a close already past, and another community’s building, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await h.call('message.saveVote', draft({ closesAt: h.clock.now() - HOUR }), OPERATOR, COMMUNITY_A)).fields?.[0]).toMatchObject({ path: 'closesAt', label: '截止时间' })
    expect(codeOf(await h.call('message.saveVote', draft({ scope: { kind: 'buildings', buildingIds: ['b-b1'] } }), OPERATOR, COMMUNITY_A))).toBe('VOTE.SCOPE_INVALID')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('ballots', () => {
  it('one ballot per unit: co-owners share it, a family member has none, nothing changes it', async () => {
    const id = await open()
    const cast = okData(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'wang-vote-1' }, WANG, COMMUNITY_A))
    expect(cast.cast.map((u) => u.label)).toEqual(['1栋 101'])
    expect(cast.cast[0]).toMatchObject({ option: 0, channel: 'miniapp', receipt: expect.stringMatching(/^[A-Z2-9]{8}$/) })
    // A retry of the same tap answers with the same ballot.
    expect(okData(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'wang-vote-1' }, WANG, COMMUNITY_A)).cast[0]!.receipt).toBe(cast.cast[0]!.receipt)
    expect(codeOf(await h.call('message.castBallot', { id, option: 1, clientRequestId: 'wang-vote-2' }, WANG, COMMUNITY_A))).toBe('VOTE.ALREADY_CAST')
    expect(codeOf(await h.call('message.castBallot', { id, option: 1, clientRequestId: 'r1-vote-1' }, R1, COMMUNITY_A))).toBe('VOTE.ALREADY_CAST')
    expect(codeOf(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'li-vote-1' }, LI, COMMUNITY_A))).toBe('VOTE.NOT_OWNER')
    const ballots = await findAll(h.store, 'ballots', { voteId: id })
    expect(ballots).toHaveLength(1)
    expect(ballots[0]).toMatchObject({ householdId: 'h-a1-101', option: 0, castBy: 'u-wang' })
    expect((await h.store.get('votes', id))!.ballots).toBe(1)
  })

  it("an owner's units in the vote are voted together, with one choice", async () => {
    const id = await open({ scope: { kind: 'community', buildingIds: [] } })
    const cast = okData(await h.call('message.castBallot', { id, option: 1, clientRequestId: 'wang-all-1' }, WANG, COMMUNITY_A))
    expect(cast.cast.map((u) => u.label).sort()).toEqual(['1栋 101', '2栋 302'])
    const detail = okData(await h.call('message.vote', { id }, WANG, COMMUNITY_A))
    expect(detail).toMatchObject({ myUnits: 2, myVoted: 2, options: ['同意', '反对', '弃权'], tally: null, state: 'open' })
  })

  it('a paper ballot by the grid’s butler, with its photo; another grid’s butler is refused; an owner keeps one choice', async () => {
    const id = await open()
    const photo = demoPhoto('event-craft')
    const paper = okData(await h.call('message.recordPaperBallot', { id, householdId: 'h-a1-103', option: 0, photo }, ZHANG, COMMUNITY_A))
    expect(paper).toMatchObject({ label: '1栋 103', channel: 'paper', option: 0 })
    expect(codeOf(await h.call('message.recordPaperBallot', { id, householdId: 'h-a1-104', option: 0, photo }, LIU, COMMUNITY_A))).toBe('VOTE.NOT_IN_GRID')
    expect(codeOf(await h.call('message.recordPaperBallot', { id, householdId: 'h-a1-103', option: 1, photo }, ZHANG, COMMUNITY_A))).toBe('VOTE.ALREADY_CAST')

    // 王建国's 2栋 302 is voted on paper with 反对; in a community-wide vote his app ballot must match.
    const all = await open({ scope: { kind: 'community', buildingIds: [] } })
    okData(await h.call('message.recordPaperBallot', { id: all, householdId: 'h-a2-302', option: 1, photo }, OPERATOR, COMMUNITY_A))
    const split = errorOf(await h.call('message.castBallot', { id: all, option: 0, clientRequestId: 'wang-split-1' }, WANG, COMMUNITY_A))
    expect(split).toMatchObject({ code: 'VOTE.OWNER_SPLIT', message: expect.stringContaining('反对') })
    expect(okData(await h.call('message.castBallot', { id: all, option: 1, clientRequestId: 'wang-split-2' }, WANG, COMMUNITY_A)).cast.map((u) => u.label)).toEqual(['1栋 101'])
  })

  it('a late ballot is refused; the count waits for the grace, then is published once, with receipts to check', async () => {
    const id = await open()
    okData(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'wang-late-1' }, WANG, COMMUNITY_A))
    const mine = okData(await h.call('message.castBallot', { id, option: 1, clientRequestId: 'r2-late-1' }, R2, COMMUNITY_A)).cast[0]!
    const v = (await h.store.get('votes', id))!
    h.clock.t = v.closesAt
    expect(codeOf(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'r3-late-1' }, as('u-r3'), COMMUNITY_A))).toBe('VOTE.CLOSED')
    expect(okData(await h.call('message.vote', { id }, R2, COMMUNITY_A))).toMatchObject({ state: 'counting', tally: null })
    expect(codeOf(await h.call('message.voteReceipts', { id }, R2, COMMUNITY_A))).toBe('VOTE.NOT_PUBLISHED')

    await afterClose(id)
    // The job counts every vote past its close (the seeded open one too, with the clock this far on), once.
    expect((await closeVotes(h.ports)).counted).toBeGreaterThanOrEqual(1)
    expect((await h.store.get('votes', id))!.tally).not.toBeNull()
    expect(await closeVotes(h.ports)).toEqual({ counted: 0 })
    const detail = okData(await h.call('message.vote', { id }, R2, COMMUNITY_A))
    expect(detail.state).toBe('closed')
    expect(detail.tally).toMatchObject({ units: 20, totalOwners: 20, ballots: 2, outcome: 'quorum_not_met' })
    expect(detail.tally!.participationHeadcount).toMatchObject({ part: 2, whole: 20, threshold: '三分之二以上（含）', met: false })
    expect(detail.tally!.options.map((o) => [o.label, o.owners])).toEqual([['同意', 1], ['反对', 1], ['弃权', 0]])
    const receipts = okData(await h.call('message.voteReceipts', { id }, R2, COMMUNITY_A)).items
    expect(receipts).toHaveLength(2)
    expect(receipts).toContainEqual({ receipt: mine.receipt, option: '反对', channel: 'miniapp' })
  })

  it('a vote of 1栋 reaching the line passes', async () => {
    const id = await open()
    // Fourteen of the twenty units vote 同意 on paper: 14/20 ≥ 2/3 by head; the area follows closely.
    const households = (await findAll(h.store, 'households', { buildingId: 'b-a1' })).sort((a, b) => (a._id < b._id ? -1 : 1))
    for (const hh of households.slice(0, 16)) okData(await h.call('message.recordPaperBallot', { id, householdId: hh._id, option: 0, photo: demoPhoto('event-craft') }, ZHANG, COMMUNITY_A))
    await afterClose(id)
    const t = okData(await h.call('message.vote', { id }, OPERATOR, COMMUNITY_A)).tally!
    expect(t.participationHeadcount).toMatchObject({ part: 16, whole: 20, met: true })
    expect(t.participationArea.met).toBe(true)
    expect(t).toMatchObject({ outcome: 'passed', chosen: 0 })
    expect(okData(await h.call('message.votes', {}, OPERATOR, COMMUNITY_A)).items.find((x) => x.id === id)).toMatchObject({ state: 'closed', outcome: 'passed', ballots: 16 })
  })

  it('the butler sees the units of the grid still to vote', async () => {
    const id = await open()
    okData(await h.call('message.castBallot', { id, option: 0, clientRequestId: 'wang-progress-1' }, WANG, COMMUNITY_A))
    const p = okData(await h.call('message.voteProgress', { id }, ZHANG, COMMUNITY_A))
    expect(p.buildings).toEqual([{ buildingId: 'b-a1', name: '1栋', units: 20, ballots: 1 }])
    expect(p.unvoted).toHaveLength(19)
    expect(p.unvoted.map((u) => u.label)).not.toContain('1栋 101')
    expect(okData(await h.call('message.voteProgress', { id }, OPERATOR, COMMUNITY_A)).unvoted).toEqual([])
  })
})
