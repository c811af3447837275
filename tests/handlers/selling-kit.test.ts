/**
 * The selling kit (话术工具包) through the real request path: operators save it per campaign or
 * event; butlers open it only after the line's required courses, copy scripts (recorded once per
 * request), and every share the server prepares is recorded for the daily tasks.
 */
import type { InputOf } from '../../cloudfunctions/contracts/registry'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang')
const B_BUTLER = as('u-b-butler')
const VEG = 'pc-a-veg'
const FRUIT = 'pc-a-fruit'
const RICE_B = 'pc-b-rice'
const CRAFT = 'ev-demo-craft'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let req = 0
const rid = () => `selling-kit-${++req}`

type KitInput = InputOf<'selling.saveKit'>
const SCRIPTS: KitInput['scripts'] = [
  { channel: 'group', title: '群里开团', text: '水果礼盒开团啦，产地直发，到服务中心自提。' },
  { channel: 'door', title: '上门推荐', text: '阿姨您好，这周的水果礼盒很新鲜，扫码就能下单。' }
]
const save = (over: Partial<KitInput> = {}, communityId = COMMUNITY_A) =>
  h.call('selling.saveKit', { kind: 'campaign', refId: FRUIT, scripts: SCRIPTS, notes: ['每户限购 2 盒'], clientRequestId: rid(), ...over }, OPERATOR, communityId)

/** Passes every required course of the line the butler still misses, with the answers the operator sees. */
async function passRequired(line: 'presale' | 'event', who = ZHANG) {
  const { missing } = okData(await h.call('training.gate', { line }, who, COMMUNITY_A))
  for (const m of missing) {
    const course = okData(await h.call('training.get', { id: m.courseId }, OPERATOR, COMMUNITY_A))
    const answers = course.quiz.questions.map((q) => q.options.flatMap((o, i) => (o.correct ? [i] : [])))
    const res = okData(await h.call('training.submitQuiz', { courseId: m.courseId, quizVersion: course.quizVersion, answers, clientRequestId: rid() }, who, COMMUNITY_A))
    expect(res.passed).toBe(true)
  }
}

/** A required course of the line, published by the operator. */
async function requiredCourse(line: 'presale' | 'event', title: string) {
  const c = okData(
    await h.call(
      'training.save',
      {
        clientRequestId: rid(),
        course: {
          line,
          title,
          requiredFor: true,
          lessons: [{ title: '开团话术', scene: '业主群里有人问团购', checklist: ['先问好再介绍'] }],
          quiz: { questions: [{ text: '开团先做什么？', kind: 'single', options: [{ text: '问好再介绍', correct: true }, { text: '直接发链接', correct: false }] }], passPercent: 100 }
        }
      },
      OPERATOR,
      COMMUNITY_A
    )
  )
  okData(await h.call('training.publish', { id: c.id }, OPERATOR, COMMUNITY_A))
  return c
}

describe('saveKit', () => {
  it('saves a kit, then updates it in place: script ids kept when sent back, the version rises', async () => {
    const first = okData(await save())
    expect(first).toMatchObject({ kind: 'campaign', refId: FRUIT, line: 'presale', version: 1, notes: ['每户限购 2 盒'], updatedByName: '吴运营' })
    expect(first.scripts.map((s) => s.channel)).toEqual(['group', 'door'])
    const [group, door] = first.scripts
    const second = okData(await save({ scripts: [{ ...group!, text: '水果礼盒明天截团！' }, { channel: 'door', title: '新话术', text: '上门时先问好。' }], notes: [] }))
    expect(second.version).toBe(2)
    expect(second.scripts[0]).toEqual({ id: group!.id, channel: 'group', title: '群里开团', text: '水果礼盒明天截团！' })
    expect(second.scripts[1]!.id).not.toBe(door!.id)
    expect(await findAll(h.store, 'sellingKits', { refId: FRUIT })).toEqual([expect.objectContaining({ _id: `campaign:${FRUIT}`, version: 2, notes: [] })])
    expect(okData(await h.call('selling.adminKit', { kind: 'campaign', refId: FRUIT }, OPERATOR, COMMUNITY_A))).toMatchObject({ title: '当季水果礼盒 · 限时拼团', kit: { version: 2 } })
  })

  it('explains bad input in Chinese and writes nothing', async () => {
    const before = await snapshot(h.store)
    const e = errorOf(await save({ scripts: [{ channel: 'group', title: '这是一个超过二十个字的很长很长很长的话术标题啊', text: '内容' }] }))
    expect(e.code).toBe('REQUEST.INVALID_INPUT')
    expect(e.fields?.[0]?.message).toBe('话术标题最多 20 个字')
    expect(errorOf(await save({ scripts: [] })).fields?.[0]?.message).toBe('请至少写一条话术')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses another community’s campaign and a draft, writing nothing', async () => {
    const before = await snapshot(h.store)
    expect(codeOf(await save({ refId: RICE_B }))).toBe('SELLING.NOT_FOUND')
    expect(codeOf(await save({ refId: 'pc-nope' }))).toBe('SELLING.NOT_FOUND')
    expect(codeOf(await save({ kind: 'event', refId: RICE_B }))).toBe('SELLING.NOT_FOUND')
    expect(await snapshot(h.store)).toEqual(before)
    await h.store.update('campaigns', FRUIT, { set: { status: 'draft' } })
    expect(codeOf(await save())).toBe('SELLING.NOT_FOUND')
    expect(await h.store.count('sellingKits', { refId: FRUIT })).toBe(0)
    expect(codeOf(await h.call('selling.adminKit', { kind: 'campaign', refId: RICE_B }, OPERATOR, COMMUNITY_A))).toBe('SELLING.NOT_FOUND')
  })
})

describe('kit and the training gate', () => {
  it('is closed until the line’s required courses are passed, then shows scripts, facts and the poster page', async () => {
    const course = await requiredCourse('presale', '预售开团必修')
    const closed = okData(await h.call('selling.kit', { kind: 'campaign', refId: VEG }, ZHANG, COMMUNITY_A))
    expect(closed).toMatchObject({ open: false, title: '有机蔬菜箱 · 本周预售', line: 'presale' })
    if (closed.open) throw new Error('expected closed')
    expect(closed.missing).toContainEqual({ courseId: course.id, title: '预售开团必修' })
    expect(closed).not.toHaveProperty('scripts')
    expect(codeOf(await h.call('selling.recordUse', { kind: 'campaign', refId: VEG, what: 'copy_script', clientRequestId: rid() }, ZHANG, COMMUNITY_A))).toBe('SELLING.GATE_CLOSED')
    expect(okData(await h.call('selling.kits', {}, ZHANG, COMMUNITY_A)).items).toContainEqual(expect.objectContaining({ refId: VEG, open: false }))

    await passRequired('presale')
    const kit = okData(await h.call('selling.kit', { kind: 'campaign', refId: VEG }, ZHANG, COMMUNITY_A))
    if (!kit.open) throw new Error('expected open')
    expect(kit.facts).toEqual({
      kind: 'campaign',
      minPriceFen: 6800,
      maxPriceFen: 11800,
      originalFen: 13800,
      endAt: expect.any(Number),
      threshold: 20,
      paidQuantity: 0,
      remaining: 150,
      unit: '箱',
      deliveryMode: 'door',
      deliveryDate: expect.any(Number),
      pickupName: null
    })
    expect(kit.scripts.length).toBeGreaterThan(0)
    expect(new Set(kit.scripts.map((s) => s.channel))).toEqual(new Set(['group', 'door']))
    expect(kit.posterPage).toBe(`/packages/presale-admin/pages/poster/index?id=${VEG}`)
    expect(kit.today).toEqual({ copy_script: 0, poster: 0, share: 0 })
    expect(okData(await h.call('selling.kits', {}, ZHANG, COMMUNITY_A)).items).toContainEqual(expect.objectContaining({ refId: VEG, open: true, line: 'presale' }))
  })

  it('records a copy once per request id, and refuses a script that is not in the kit', async () => {
    await passRequired('presale')
    const kit = okData(await h.call('selling.kit', { kind: 'campaign', refId: VEG }, ZHANG, COMMUNITY_A))
    if (!kit.open) throw new Error('expected open')
    const scriptId = kit.scripts[0]!.id
    const input = { kind: 'campaign' as const, refId: VEG, what: 'copy_script' as const, scriptId, clientRequestId: rid() }
    const [a, b] = await Promise.all([h.call('selling.recordUse', input, ZHANG, COMMUNITY_A), h.call('selling.recordUse', input, ZHANG, COMMUNITY_A)])
    expect(okData(a).today.copy_script).toBe(1)
    expect(okData(b).today.copy_script).toBe(1)
    expect(okData(b).at).toBe(okData(a).at)
    expect(await findAll(h.store, 'kitUses', { butlerUserId: 'u-butler-zhang' })).toEqual([
      expect.objectContaining({ _id: `u-butler-zhang:${input.clientRequestId}`, what: 'copy_script', scriptId, refId: VEG, communityId: COMMUNITY_A })
    ])
    expect(okData(await h.call('selling.recordUse', { ...input, clientRequestId: rid() }, ZHANG, COMMUNITY_A)).today.copy_script).toBe(2)
    expect(okData(await h.call('selling.recordUse', { kind: 'campaign', refId: VEG, what: 'poster', clientRequestId: rid() }, ZHANG, COMMUNITY_A)).today).toEqual({ copy_script: 2, poster: 1, share: 0 })
    expect(codeOf(await h.call('selling.recordUse', { ...input, scriptId: 'sNoSuchOne', clientRequestId: rid() }, ZHANG, COMMUNITY_A))).toBe('SELLING.KIT_NOT_FOUND')
  })

  it('records every share the server prepares (order.share), whichever page asked', async () => {
    await passRequired('presale')
    okData(await h.call('order.share', { campaignId: VEG }, ZHANG, COMMUNITY_A))
    okData(await h.call('order.share', { campaignId: VEG }, ZHANG, COMMUNITY_A))
    const shares = await findAll(h.store, 'kitUses', { butlerUserId: 'u-butler-zhang', what: 'share' })
    expect(shares).toHaveLength(2)
    expect(shares[0]).toMatchObject({ kind: 'campaign', refId: VEG, communityId: COMMUNITY_A, _id: expect.stringMatching(new RegExp(`^share:${VEG}:u-butler-zhang:`)) })
    const kit = okData(await h.call('selling.kit', { kind: 'campaign', refId: VEG }, ZHANG, COMMUNITY_A))
    expect(kit.open && kit.today.share).toBe(2)
  })

  it('is not there for another community’s butler, nor for a campaign without a kit', async () => {
    expect(codeOf(await h.call('selling.kit', { kind: 'campaign', refId: VEG }, B_BUTLER, COMMUNITY_B))).toBe('SELLING.NOT_FOUND')
    expect(okData(await h.call('selling.kits', {}, B_BUTLER, COMMUNITY_B)).items).toEqual([])
    expect(codeOf(await h.call('selling.kit', { kind: 'campaign', refId: FRUIT }, ZHANG, COMMUNITY_A))).toBe('SELLING.KIT_NOT_FOUND')
    expect(codeOf(await h.call('selling.recordUse', { kind: 'campaign', refId: VEG, what: 'poster', clientRequestId: rid() }, B_BUTLER, COMMUNITY_B))).toBe('SELLING.NOT_FOUND')
  })
})

describe('event kit', () => {
  it('an event’s kit has the event line, its time, place and seats, and event shares are recorded', async () => {
    const saved = okData(await save({ kind: 'event', refId: CRAFT, scripts: [{ channel: 'group', title: '亲子手工课', text: '周末亲子手工课报名啦，每户可报 2 位。' }], notes: [] }))
    expect(saved).toMatchObject({ kind: 'event', line: 'event', version: 1 })
    await requiredCourse('event', '活动邀约必修')
    const closed = okData(await h.call('selling.kit', { kind: 'event', refId: CRAFT }, ZHANG, COMMUNITY_A))
    expect(closed).toMatchObject({ open: false, line: 'event', missing: [expect.objectContaining({ title: '活动邀约必修' })] })
    await passRequired('event')
    const kit = okData(await h.call('selling.kit', { kind: 'event', refId: CRAFT }, ZHANG, COMMUNITY_A))
    if (!kit.open) throw new Error('expected open')
    expect(kit.facts).toEqual({ kind: 'event', startAt: expect.any(Number), endAt: expect.any(Number), venue: '中心花园凉亭', seatsLeft: 29, signupClosesAt: expect.any(Number) })
    expect(kit.posterPage).toBe(`/packages/event/pages/poster/index?id=${CRAFT}`)
    okData(await h.call('event.shareInvite', { eventId: CRAFT }, ZHANG, COMMUNITY_A))
    expect(await findAll(h.store, 'kitUses', { what: 'share', refId: CRAFT })).toEqual([expect.objectContaining({ kind: 'event', butlerUserId: 'u-butler-zhang' })])
    const items = okData(await h.call('selling.kits', {}, ZHANG, COMMUNITY_A)).items
    expect(items).toContainEqual(expect.objectContaining({ kind: 'event', refId: CRAFT, open: true, title: '邻里亲子手工课' }))
  })
})
