/**
 * Household 360 (户档案) through the real request path: the header of 王建国's home (1栋 101), every
 * part of its history made by the actions that make it, masking, keyset paging across a page
 * boundary, who may open which household, and the header's round trips.
 */
import { HOUSEHOLD_PARTS, type HistoryRowT, type HouseholdPart } from '../../cloudfunctions/contracts/desk-household'
import type { InputOf } from '../../cloudfunctions/contracts/registry'
import { PART_PAGE } from '../../cloudfunctions/domain/desk/household-part'
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { gateSim } from '../support/gate'
import { type Harness, as, makeHarness } from '../support/harness'
import { buy } from '../support/presale'
import { RoundTripStore } from '../support/round-trip-store'
import { errorOf, okData, snapshot } from './support'

const WANG = as('u-wang') // owner of 1栋 101
const SERVICE = as('u-service-zhao')
const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const LIU = as('u-butler-liu') // 西区网格: 2栋, 3栋
const HOME = 'h-a1-101'
const HOUR = 3_600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
const crid = (what: string) => `${what}-${String(++n).padStart(6, '0')}`

const header = (as_ = SERVICE, householdId = HOME) => h.call('desk.household', { householdId }, as_, COMMUNITY_A)
const part = (p: HouseholdPart, cursor: string | null = null, as_ = SERVICE, householdId = HOME) =>
  h.call('desk.householdPart', { householdId, part: p, cursor }, as_, COMMUNITY_A)

/** Every line a clerk reads, to check nothing raw or unmasked shows. */
const text = (rows: HistoryRowT[]) => rows.map((r) => `${r.title}|${r.detail}|${r.status}`).join('\n')

describe('the header', () => {
  test('members with roles, masked; the grid butler; overdue bills with late fees; counts per part', async () => {
    const v = okData(await header())
    expect(v.household).toMatchObject({ householdId: HOME, label: '1栋 101', buildingId: 'b-a1', butlerName: '张管家', matched: [] })
    // Owners first. The seed binds an earlier owner (周先生) to every home of 1栋 besides 王建国.
    expect(v.members.map((m) => [m.name, m.relationLabel, m.phoneMasked, m.usesMiniProgram])).toEqual([
      ['周*生', '业主', null, true],
      ['王*国', '业主', '138****1111', true],
      ['李*英', '家庭成员', '138****2222', true]
    ])
    expect(v.household.members.map((m) => m.name)).toEqual(['周*生', '王*国', '李*英'])
    const raw = JSON.stringify(v)
    for (const secret of ['王建国', '李秀英', '13800001111', '13800002222']) expect(raw).not.toContain(secret)
    // The office's own arrears figure for the household, late fees included.
    const arrears = okData(await h.call('fee.arrears', {}, OPERATOR, COMMUNITY_A))
    const owed = arrears.households.find((r) => r.householdId === HOME)?.owedFen ?? 0
    expect(owed).toBeGreaterThan(0)
    expect(v.arrearsFen).toBe(owed)
    const counts = Object.fromEntries(v.counts.map((c) => [c.part, c.count]))
    expect(v.counts.map((c) => c.part)).toEqual([...HOUSEHOLD_PARTS])
    expect(counts).toMatchObject({ bills: 6, bookings: 1, ratings: 1, complaints: 1, cards: 1, coupons: 4, access: 0 })
    // Parts other features seed as they grow are counted as stored.
    expect(counts.parcels).toBe(await h.store.count('parcels', { householdId: HOME }))
    expect(counts.workOrders).toBe(await h.store.count('workOrders', { householdId: HOME }))
    expect(v.counts.find((c) => c.part === 'access')?.label).toBe('门禁记录（30 天）')
  })

  test('a ledger owner who never bound the mini-program is listed, marked as from the ledger', async () => {
    // 3栋 101: nobody has bound it; the ledger names its owner.
    const v = okData(await header(SERVICE, 'h-a3-101'))
    const ledger = v.members.filter((m) => !m.usesMiniProgram)
    expect(ledger).toHaveLength(1)
    expect(ledger[0]).toMatchObject({ relation: 'owner', relationLabel: '业主（台账）' })
    expect(ledger[0]!.name).toMatch(/^.\*+.$/)
    expect(ledger[0]!.phoneMasked).toMatch(/^137\*{4}\d{4}$/)
    expect(v.members).toHaveLength(1)
    expect(v.household.members[0]!.name).toMatch(/（台账）$/)
  })

  test('profile and churn only with consent: shown after consenting, withdrawn with the opt-out', async () => {
    await runNightly(h.ports)
    const before = okData(await header())
    expect(before.profile).toMatchObject({ consentAt: null, optedOut: false, people: null, plates: [], pets: 0 })
    const stats = await h.store.get('householdStats', HOME)
    expect(before.churn).toMatchObject({ score: stats?.score })
    expect(before.churn?.level).toMatch(/稳定|需关注|流失预警/)
    expect(before.profile.needs.length).toBe(stats?.needs.length)

    const profile = { members: [{ name: '王建国', ageBand: 'over60' as const, occupation: '' }, { name: '李秀英', ageBand: '46_60' as const, occupation: '' }], cars: [{ plate: '浙A12345' }], pets: [{ kind: 'dog' as const, count: 2 }], note: '' }
    okData(await h.call('insights.saveProfile', { householdId: HOME, consent: true, profile }, WANG, COMMUNITY_A))
    const consented = okData(await header(ZHANG))
    expect(consented.profile).toMatchObject({ optedOut: false, people: 2, elderly: true, children: null, pets: 2, plates: ['浙A·***45'] })
    expect(consented.profile.consentAt).toBe(h.clock.now())
    expect(JSON.stringify(consented)).not.toContain('浙A12345')

    okData(await h.call('insights.deleteProfile', { householdId: HOME, confirm: true }, WANG, COMMUNITY_A))
    const out = okData(await header())
    expect(out.profile).toEqual({ consentAt: null, optedOut: true, people: null, elderly: null, children: null, pets: 0, plates: [], needs: [] })
    expect(out.churn).toBeNull()
  })
})

describe('the parts', () => {
  /** One of each kind of record, made through the action that makes it in real life. */
  async function makeHistory() {
    const now = h.clock.now()
    okData(
      await h.call(
        'desk.createWorkOrder',
        { householdId: HOME, type: 'leak', channel: 'phone400', text: '厨房水管漏水，楼下已经渗水', photos: [], contactName: '王先生', contactPhone: '13800001111', clientRequestId: crid('wo') },
        SERVICE,
        COMMUNITY_A
      )
    )
    okData(await h.call('parcel.register', { householdId: HOME, courier: 'sf', trackingNo: 'SF1234567890', shelf: 'A-03', clientRequestId: crid('parcel') }, SERVICE, COMMUNITY_A))
    okData(await h.call('desk.sendChat', { text: '请问周末可以上门修空调吗？', householdId: HOME, clientRequestId: crid('chat') }, WANG, COMMUNITY_A))
    okData(
      await h.call(
        'access.createVisitorPass',
        { householdId: HOME, visitorName: '林访客', visitorPhone: '13712345678', purpose: '探亲', plate: '浙B98765', validFrom: now, validTo: now + 4 * HOUR, maxUses: 2 },
        WANG,
        COMMUNITY_A
      )
    )
    const pass = okData(await h.call('access.residentPass', { householdId: HOME }, WANG, COMMUNITY_A))
    expect((await gateSim(h.ports).verify('ly-main', 'd1', pass.codes[0]!.code)).decision).toBe('open')
    const survey = okData(
      await h.call(
        'message.saveSurvey',
        {
          title: '2027 年社区服务需求调研',
          intro: '约 1 分钟。',
          questions: [{ key: 'q1', type: 'rating', title: '对物业服务的总体满意度', max: 5 }],
          audience: { kind: 'community' },
          closesAt: now + 7 * 24 * HOUR,
          clientRequestId: crid('survey')
        },
        SERVICE,
        COMMUNITY_A
      )
    )
    okData(await h.call('message.answerSurvey', { id: survey.id, answers: { q1: 5 }, clientRequestId: crid('answer') }, WANG, COMMUNITY_A))
    okData(await h.call('insights.logFollowUp', { householdId: HOME, channel: 'visit', note: '上门拜访，住户反映楼道灯坏了', clientRequestId: crid('follow') }, ZHANG, COMMUNITY_A))
    await buy(h, { householdId: HOME })
  }

  test('every part has rows for 王建国 home, in finished Chinese with nothing raw and personal details masked', async () => {
    await makeHistory()
    const v = okData(await header())
    const all: Partial<Record<HouseholdPart, HistoryRowT[]>> = {}
    for (const p of HOUSEHOLD_PARTS) {
      const page = okData(await part(p))
      all[p] = page.rows
      expect([p, page.rows.length]).toEqual([p, v.counts.find((c) => c.part === p)?.count])
      expect([p, page.rows.length > 0]).toEqual([p, true])
      const lines = text(page.rows)
      // No ids, user ids, household ids or English codes in what a clerk reads.
      expect([p, lines]).not.toEqual([p, expect.stringMatching(/h-a1|u-wang|u-butler|undefined|null|NaN|\b[a-z]+_[a-z]+\b/)])
      for (const r of page.rows) {
        expect(r.title.length).toBeGreaterThan(0)
        expect(r.status.length).toBeGreaterThan(0)
      }
    }
    if (process.env.DUMP_HH) console.log(JSON.stringify({ v, all }, null, 1))
    const bills = all.bills!
    expect(bills.every((b) => b.amountFen !== null && b.amountFen > 0)).toBe(true)
    expect(bills.some((b) => b.status === '逾期未缴' && b.tone === 'danger' && b.detail.includes('已逾期'))).toBe(true)
    expect(bills.map((b) => b.at)).toEqual([...bills.map((b) => b.at)].sort((a, b) => b - a))
    expect(all.workOrders![0]).toMatchObject({ title: expect.stringContaining('漏水'), status: '待响应', tone: 'warning' })
    expect(all.workOrders![0]!.detail).toContain('400 电话')
    expect(all.parcels![0]).toMatchObject({ title: '顺丰快递 · 尾号 7890', status: '待取件' })
    expect(text(all.parcels!)).not.toContain('SF1234567890')
    expect(all.chat![0]!.detail).toContain('王*国')
    const visitor = text(all.visitors!)
    expect(visitor).toContain('林*客')
    expect(visitor).toContain('137****5678')
    expect(visitor).toContain('浙B·***65')
    for (const secret of ['林访客', '13712345678', '浙B98765', '王建国', '13800001111']) {
      expect(JSON.stringify(all)).not.toContain(secret)
    }
    expect(all.access![0]).toMatchObject({ status: '已通行', tone: 'success' })
    expect(all.surveys![0]).toMatchObject({ title: '2027 年社区服务需求调研', status: '已提交' })
    expect(all.followUps![0]!.detail).toContain('张管家')
    expect(all.orders![0]).toMatchObject({ status: '待支付', tone: 'warning' })
    expect(all.ratings![0]).toMatchObject({ title: '日常保洁', status: '好评' })
    expect(all.complaints![0]!.title).toContain('噪音扰民')
    expect(all.cards![0]!.detail).toContain('剩余 7/10 次')
    // Coupons are each member's: 周先生's among 王建国's, each saying whose.
    expect(all.coupons!).toHaveLength(4)
    expect(all.coupons!.filter((c) => c.detail.endsWith('王*国'))).toHaveLength(3)
    expect(all.coupons!.find((c) => c.title === '国庆活动现金券')).toMatchObject({ status: '已过期', tone: 'default' })
  })

  test('door entries older than 30 days leave the file', async () => {
    const pass = okData(await h.call('access.residentPass', { householdId: HOME }, WANG, COMMUNITY_A))
    expect((await gateSim(h.ports).verify('ly-main', 'd1', pass.codes[0]!.code)).decision).toBe('open')
    expect(okData(await part('access')).rows).toHaveLength(1)
    h.clock.advance(31 * 24 * HOUR)
    expect(okData(await part('access')).rows).toHaveLength(0)
    expect(okData(await header()).counts.find((c) => c.part === 'access')?.count).toBe(0)
  })

  test('pages by time then id across a page boundary, none skipped or repeated, even at one instant', async () => {
    // 25 follow-ups logged at the same instant: only the id orders them.
    for (let i = 0; i < PART_PAGE + 5; i++) {
      okData(await h.call('insights.logFollowUp', { householdId: HOME, channel: 'call', note: `第 ${i + 1} 次电话回访`, clientRequestId: crid('follow') }, ZHANG, COMMUNITY_A))
    }
    const first = okData(await part('followUps', null, ZHANG))
    expect(first.rows).toHaveLength(PART_PAGE)
    expect(first.next).not.toBeNull()
    const second = okData(await part('followUps', first.next, ZHANG))
    expect(second.rows).toHaveLength(5)
    expect(second.next).toBeNull()
    const ids = [...first.rows, ...second.rows].map((r) => r.id)
    expect(new Set(ids).size).toBe(PART_PAGE + 5)
    expect(ids).toEqual([...ids].sort().reverse())
  })

  test('a cursor that is not one of ours is refused, naming the field', async () => {
    const err = errorOf(await part('bills', 'not-a-cursor'))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.map((f) => f.path)).toEqual(['cursor'])
  })
})

describe('who may open a household', () => {
  test('a butler opens households of their grid only; 客服 and operators any of their community', async () => {
    okData(await header(ZHANG))
    okData(await part('bills', null, ZHANG))
    okData(await header(OPERATOR))
    for (const res of [await header(LIU), await part('bills', null, LIU)]) {
      const err = errorOf(res)
      expect(err.code).toBe('DESK.HOUSEHOLD_NOT_FOUND')
      expect(err.fields?.map((f) => f.path)).toEqual(['householdId'])
    }
  })

  test('a household of another community reads as not found, and nothing is written', async () => {
    const before = await snapshot(h.store)
    for (const res of [await header(SERVICE, 'h-b1-101'), await header(OPERATOR, 'h-b1-101'), await part('bills', null, SERVICE, 'h-b1-101'), await header(SERVICE, 'h-nowhere')]) {
      const err = errorOf(res)
      expect(err.code).toBe('DESK.HOUSEHOLD_NOT_FOUND')
      expect(err.fields?.map((f) => f.path)).toEqual(['householdId'])
    }
    expect(await snapshot(h.store)).toEqual(before)
  })

  test('a resident cannot open the file, even of their own home', async () => {
    expect(errorOf(await header(WANG)).code).toBe('AUTH.FORBIDDEN')
  })
})

describe('round trips', () => {
  let trips: RoundTripStore
  beforeEach(async () => {
    await h.close()
    h = await makeHarness({
      wrapStore: (inner) => {
        trips = new RoundTripStore(inner, 0)
        return trips
      }
    })
  })

  async function measure<A extends 'desk.household' | 'desk.householdPart'>(id: A, input: InputOf<A>) {
    // The first call teaches the warm instance who the caller is, as on CloudBase.
    okData(await h.call(id, input, SERVICE, COMMUNITY_A))
    trips.reset()
    okData(await h.call(id, input, SERVICE, COMMUNITY_A))
    return trips.read()
  }

  test('the header reads everything side by side: the caller, one round, then names and the building', async () => {
    const t = await measure('desk.household', { householdId: HOME })
    expect(t.writes).toBe(0)
    expect(t.sequentialDepth).toBeLessThanOrEqual(3)
    // The caller's read, the household's reads and 14 counts, then names, building and the coupons' count.
    expect(t.calls).toBeLessThanOrEqual(32)
  })

  test('a part is its page with the household, then the names it shows', async () => {
    for (const p of ['bills', 'ratings', 'coupons'] as const) {
      const t = await measure('desk.householdPart', { householdId: HOME, part: p, cursor: null })
      expect([p, t.sequentialDepth <= 3]).toEqual([p, true])
      expect([p, t.calls <= 8]).toEqual([p, true])
    }
  })
})
