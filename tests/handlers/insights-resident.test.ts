/**
 * What a resident reads about their own household's analysis (我的档案 · 我们为你推荐): the needs
 * found, in plain words. The rule figures ("近180天送货上门订单数 7 ≥ 3"), the churn score and its
 * reasons stay with the butler and the operator, who see them on the household page.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

test('a resident sees the needs found with plain reasons and no internal figure; staff keep the figures', async () => {
  await runNightly(h.ports)
  const stats = await findAll(h.store, 'householdStats', { communityId: COMMUNITY_A })
  const members = await findAll(h.store, 'memberships', { communityId: COMMUNITY_A, status: 'active' })
  const scored = stats.filter((s) => s.needReasons.length > 0 && members.some((m) => m.householdId === s._id))
  expect(scored.length).toBeGreaterThan(0)

  for (const s of scored) {
    const member = members.find((m) => m.householdId === s._id)
    const mine = okData(await h.call('insights.myProfile', { householdId: s._id }, as(member!.userId), COMMUNITY_A))
    expect(mine.insight.segments.map((x) => x.need)).toEqual(s.needReasons.map((n) => n.need))
    for (const seg of mine.insight.segments) expect(seg.reason).toMatch(/^[\u4e00-\u9fa5、]+$/)
    // No figure, threshold or comparison anywhere in what the analysis tells the resident.
    const told = JSON.stringify(mine.insight)
    expect(told).not.toMatch(/\d|≥|≤|近180天|（0-1）/)
    expect(Object.keys(mine.insight).sort()).toEqual(['optedOut', 'segments'])
  }

  const staff = okData(await h.call('insights.household', { householdId: scored[0]!._id }, as('u-operator-wu'), COMMUNITY_A))
  expect(staff.insight.segments[0]?.because).toMatch(/近180天.*\d/)
})
