/**
 * What the operator insights pages rely on beyond the insights function itself: coupons sent to a
 * need segment (member.previewSegment / issueCoupons with `{ type: 'need' }`) reach exactly the
 * residents of the households insights.segment lists, and a replicated community appears among
 * the operator's contexts so the app can switch to it.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, okData } from './support'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await runNightly(h.ports)
})
afterEach(async () => {
  await h.close()
})

const OPERATOR = as('u-operator-wu')
let rid = 0
const req = () => `insights-admin-req-${++rid}-xxxx`

/** The active residents of the households of a need segment, each once. */
async function residentsOf(householdIds: readonly string[]): Promise<string[]> {
  const ids = new Set(householdIds)
  const memberships = await findAll(h.store, 'memberships', { communityId: COMMUNITY_A, status: 'active' })
  return [...new Set(memberships.filter((m) => ids.has(m.householdId)).map((m) => m.userId))].sort()
}

describe('coupons to a need segment', () => {
  test('the preview counts the residents of the households the segment page lists', async () => {
    for (const need of ['save_money', 'save_effort', 'save_time'] as const) {
      const seg = okData(await h.call('insights.segment', { need }, OPERATOR, COMMUNITY_A))
      expect(seg.households.length).toBe(seg.count)
      const preview = okData(await h.call('member.previewSegment', { segment: { type: 'need', need } }, OPERATOR, COMMUNITY_A))
      expect(preview.recipients).toBe((await residentsOf(seg.households.map((x) => x.householdId))).length)
    }
  })

  test('issuing to a need gives one coupon to each of those residents, and to nobody else', async () => {
    const seg = okData(await h.call('insights.segment', { need: 'save_effort' }, OPERATOR, COMMUNITY_A))
    const expected = await residentsOf(seg.households.map((x) => x.householdId))
    expect(expected.length).toBeGreaterThan(0)
    const t = okData(
      await h.call(
        'member.createTemplate',
        {
          template: {
            title: '省力人群保洁券',
            kind: 'fixed',
            valueFen: 2000,
            percentOff: 0,
            capFen: 0,
            minSpendFen: 0,
            scope: { type: 'all', value: '', label: '' },
            validity: { type: 'days', days: 30 },
            totalStock: 500,
            perUserLimit: 1,
            claimable: false
          },
          clientRequestId: req()
        },
        OPERATOR,
        COMMUNITY_A
      )
    )
    const issued = okData(await h.call('member.issueCoupons', { templateId: t.id, segment: { type: 'need', need: 'save_effort' }, clientRequestId: req() }, OPERATOR, COMMUNITY_A))
    expect(issued).toMatchObject({ recipients: expected.length, issued: expected.length })
    const coupons = await findAll(h.store, 'coupons', { templateId: t.id })
    expect(coupons.map((c) => c.userId).sort()).toEqual(expected)
  })

  test('an unknown need is refused by the contract', async () => {
    expect(codeOf(await h.call('member.previewSegment', { segment: { type: 'need', need: 'save_nothing' } } as never, OPERATOR, COMMUNITY_A))).toBe('REQUEST.INVALID_INPUT')
  })
})

test('a replicated community is among the operator contexts, and switching to it works', async () => {
  const r = okData(await h.call('insights.replicate', { name: '和美花园', city: '杭州', address: '西湖区文三路 88 号', clientRequestId: req() }, OPERATOR, COMMUNITY_A))
  const me = okData(await h.call('user.me', {}, OPERATOR))
  const ctx = me.contexts.find((c) => c.communityId === r.communityId && c.role === 'operator')
  expect(ctx).toMatchObject({ communityName: '和美花园' })
  const switched = okData(await h.call('user.switchContext', { communityId: r.communityId, role: 'operator' }, OPERATOR))
  expect(switched.current).toMatchObject({ communityId: r.communityId, role: 'operator', communityName: '和美花园' })
})
