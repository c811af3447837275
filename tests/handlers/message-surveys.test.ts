/**
 * Surveys through the real request path: questions with skip logic, one response a household or a
 * person, answers checked against their questions and named by title, a butler's paper and
 * door-to-door entries, profile facts filled only with consent, and results per question.
 */
import type { SurveyInput } from '../../cloudfunctions/contracts/message-surveys'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const WANG = as('u-wang') // 1栋 101 and 2栋 302
const LI = as('u-li') // 1栋 101
const ZHAO = as('u-zhao') // 3栋 201
const SERVICE = as('u-service-zhao')
const OPERATOR = as('u-operator-wu')
const ZHANG = as('u-butler-zhang') // 东区网格: 1栋
const HOUR = 3600_000

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

let n = 0
function draft(over: Partial<SurveyInput> = {}): SurveyInput {
  return {
    title: '2027 年社区服务需求调研',
    intro: '帮助物业了解您家的需要，约 2 分钟。',
    questions: [
      { key: 'q1', type: 'single', title: '家中是否有 65 岁以上老人', options: ['是', '否'], profileFact: 'hasElderly' },
      { key: 'q2', type: 'number', title: '家庭常住人口', min: 1, max: 20, profileFact: 'householdSize' },
      { key: 'q3', type: 'multi', title: '希望物业提供哪些到家服务', options: ['保洁', '家电清洗', '送菜上门'], required: false },
      { key: 'q4', type: 'rating', title: '对物业服务的总体满意度', max: 5 },
      { key: 'q5', type: 'text', title: '老人最需要哪些帮助', showIf: { key: 'q1', option: 0 } }
    ],
    audience: { kind: 'community' },
    closesAt: h.clock.now() + 7 * 24 * HOUR,
    clientRequestId: `survey-req-${++n}`,
    ...over
  }
}

async function publish(over: Partial<SurveyInput> = {}): Promise<string> {
  return okData(await h.call('message.saveSurvey', draft(over), SERVICE, COMMUNITY_A)).id
}

const consent = async () => okData(await h.call('insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile: {} }, WANG, COMMUNITY_A))

describe('answering', () => {
  it('one response a household; a skipped question is not asked; consented facts reach the profile with their source', async () => {
    await consent()
    const id = await publish()
    expect(okData(await h.call('message.survey', { id }, WANG, COMMUNITY_A))).toMatchObject({ answered: false, fillsProfile: true, mine: null })
    const res = okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 3, q3: [0, 2], q4: 4 }, clientRequestId: 'wang-survey-1' }, WANG, COMMUNITY_A))
    expect(res.profileUpdated.sort()).toEqual(['hasElderly', 'householdSize'])
    const profile = (await h.store.get('householdProfiles', 'h-a1-101'))!
    expect(profile.facts).toMatchObject({ hasElderly: { value: false, surveyId: id, surveyTitle: '2027 年社区服务需求调研', channel: 'miniapp' }, householdSize: { value: 3 } })
    // The resident saving their own profile later keeps the survey's facts; their page shows where each came from.
    await consent()
    const view = okData(await h.call('insights.myProfile', { householdId: 'h-a1-101' }, WANG, COMMUNITY_A)).profile
    expect(view.facts).toEqual([
      { fact: 'householdSize', value: 3, surveyTitle: '2027 年社区服务需求调研', channel: 'miniapp', at: expect.any(Number) },
      { fact: 'hasElderly', value: false, surveyTitle: '2027 年社区服务需求调研', channel: 'miniapp', at: expect.any(Number) }
    ])
    // The household answered: neither member answers again.
    expect(codeOf(await h.call('message.answerSurvey', { id, answers: { q1: 0, q2: 3, q4: 5, q5: '陪同就医' }, clientRequestId: 'li-survey-1' }, LI, COMMUNITY_A))).toBe('SURVEY.ANSWERED')
    expect(okData(await h.call('message.survey', { id }, LI, COMMUNITY_A))).toMatchObject({ answered: true, mine: { channel: 'miniapp', answers: { q1: 1, q2: 3 } } })
    expect(okData(await h.call('message.surveys', {}, LI, COMMUNITY_A)).items.find((s) => s.id === id)).toMatchObject({ answered: true, responses: 1 })
  })

  it('without consent the answer is kept and the profile untouched', async () => {
    const id = await publish()
    const res = okData(await h.call('message.answerSurvey', { id, answers: { q1: 0, q2: 2, q4: 3, q5: '陪同就医' }, clientRequestId: 'zhao-survey-1' }, ZHAO, COMMUNITY_A))
    expect(res.profileUpdated).toEqual([])
    expect(await h.store.get('householdProfiles', 'h-a3-201')).toBeNull()
  })

  it('a question shown by an answer is then required; one not shown is dropped', async () => {
    const id = await publish()
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.answerSurvey', { id, answers: { q1: 0, q2: 2, q4: 3 }, clientRequestId: 'zhao-survey-2' }, ZHAO, COMMUNITY_A))
    expect(err.code).toBe('SURVEY.ANSWER_INVALID')
    expect(err.fields).toEqual([{ path: 'answers.q5', label: '老人最需要哪些帮助', message: '此题必答' }])
    expect(await snapshot(h.store)).toEqual(before)
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 2, q4: 3, q5: '不该保存的回答' }, clientRequestId: 'zhao-survey-3' }, ZHAO, COMMUNITY_A))
    const [saved] = await findAll(h.store, 'surveyResponses', { surveyId: id })
    expect(saved!.answers).toEqual({ q1: 1, q2: 2, q4: 3 })
  })

  it.each([
    ['a word for a number', { q2: '三口人' }, 'answers.q2', '家庭常住人口'],
    ['an option that does not exist', { q1: 5 }, 'answers.q1', '家中是否有 65 岁以上老人'],
    ['a score above the top', { q4: 6 }, 'answers.q4', '对物业服务的总体满意度'],
    ['the same option twice', { q3: [1, 1] }, 'answers.q3', '希望物业提供哪些到家服务'],
    ['a question the survey lacks', { q9: 1 }, 'answers.q9', '答案']
  ])('refuses %s, naming the question, and writes nothing', async (_what, wrong, path, label) => {
    const id = await publish()
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 3, q4: 4, ...wrong }, clientRequestId: 'zhao-wrong-1' }, ZHAO, COMMUNITY_A))
    expect(err.code).toBe('SURVEY.ANSWER_INVALID')
    expect(err.fields?.find((f) => f.path === path)?.label).toBe(label)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('one a person: each member answers once; a closed survey takes no more', async () => {
    const id = await publish({ per: 'person', anonymous: true })
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 3, q4: 4 }, clientRequestId: 'wang-person-1' }, WANG, COMMUNITY_A))
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 3, q4: 2 }, clientRequestId: 'li-person-1' }, LI, COMMUNITY_A))
    expect(codeOf(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 3, q4: 2 }, clientRequestId: 'li-person-2' }, LI, COMMUNITY_A))).toBe('SURVEY.ANSWERED')
    const saved = await findAll(h.store, 'surveyResponses', { surveyId: id })
    expect(saved.map((r) => r.userId)).toEqual([null, null])
    okData(await h.call('message.closeSurvey', { id }, OPERATOR, COMMUNITY_A))
    expect(codeOf(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 1, q4: 2 }, clientRequestId: 'zhao-person-1' }, ZHAO, COMMUNITY_A))).toBe('SURVEY.CLOSED')
  })

  it('a survey for one building is not offered to another', async () => {
    const id = await publish({ audience: { kind: 'buildings', buildingIds: ['b-a1'] } })
    expect(okData(await h.call('message.surveys', {}, ZHAO, COMMUNITY_A)).items.map((s) => s.id)).not.toContain(id)
    expect(codeOf(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 1, q4: 2 }, clientRequestId: 'zhao-b1-1' }, ZHAO, COMMUNITY_A))).toBe('SURVEY.NOT_FOR_YOU')
  })
})

describe('publishing', () => {
  it.each([
    ['an empty title', { title: '' }, 'title', '问卷标题'],
    ['no questions', { questions: [] }, 'questions', '题目'],
    ['a choice with one option', { questions: [{ key: 'q1', type: 'single' as const, title: '是否养宠物', options: ['是'] }] }, 'questions.0.options', '题目第 1 项的选项'],
    ['a condition on a later question', { questions: [{ key: 'q1', type: 'text' as const, title: '其他建议', showIf: { key: 'q2', option: 0 } }, { key: 'q2', type: 'single' as const, title: '是否养宠物', options: ['是', '否'] }] }, 'questions.0.showIf', '题目第 1 项的显示条件'],
    ['a profile fact on the wrong kind of question', { questions: [{ key: 'q1', type: 'text' as const, title: '家里几口人', profileFact: 'householdSize' as const }] }, 'questions.0.profileFact', '题目第 1 项的写入档案'],
    ['a deadline before the start', { opensAt: Date.now() + 48 * HOUR, closesAt: Date.now() + 24 * HOUR }, 'closesAt', '截止时间']
  ])('refuses %s, naming the field, and writes nothing', async (_what, over, path, label) => {
    const before = await snapshot(h.store)
    const err = errorOf(await h.call('message.saveSurvey', { ...draft(), ...over }, SERVICE, COMMUNITY_A))
    expect(err.code).toBe('REQUEST.INVALID_INPUT')
    expect(err.fields?.find((f) => f.path === path)?.label).toBe(label)
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('refuses a deadline already past', async () => {
    const before = await snapshot(h.store)
    expect(errorOf(await h.call('message.saveSurvey', draft({ closesAt: h.clock.now() - HOUR }), SERVICE, COMMUNITY_A)).fields?.[0]).toMatchObject({ path: 'closesAt', label: '截止时间' })
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('the butler and the results', () => {
  it('a door-to-door entry by the grid’s butler records its channel; results count per question, per grid and per channel', async () => {
    const id = await publish()
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 0, q2: 4, q3: [0], q4: 5, q5: '陪同就医' }, clientRequestId: 'wang-r-1' }, WANG, COMMUNITY_A))
    okData(await h.call('message.recordSurvey', { id, householdId: 'h-a1-102', channel: 'door', answers: { q1: 1, q2: 2, q3: [0, 1], q4: 3 } }, ZHANG, COMMUNITY_A))
    expect(codeOf(await h.call('message.recordSurvey', { id, householdId: 'h-a3-202', channel: 'paper', answers: { q1: 1, q2: 2, q4: 3 } }, ZHANG, COMMUNITY_A))).toBe('SURVEY.NOT_FOR_YOU')
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 1, q4: 4 }, clientRequestId: 'zhao-r-1' }, ZHAO, COMMUNITY_A))

    const r = okData(await h.call('message.surveyResults', { id }, OPERATOR, COMMUNITY_A))
    expect(r.responses).toBe(3)
    const q = (key: string) => r.questions.find((x) => x.key === key)!
    expect(q('q1')).toMatchObject({ counts: [1, 2], labels: ['是', '否'], answered: 3 })
    expect(q('q2')).toMatchObject({ average: 2.3, min: 1, max: 4 })
    expect(q('q3').counts).toEqual([2, 1, 0])
    expect(q('q4')).toMatchObject({ counts: [0, 0, 1, 1, 1], average: 4 })
    expect(q('q5').texts).toEqual(['陪同就医'])
    expect(r.channels).toEqual([
      { channel: 'miniapp', count: 2 },
      { channel: 'paper', count: 0 },
      { channel: 'door', count: 1 }
    ])
    expect(r.grids.find((g) => g.gridId === 'g-a-east')).toMatchObject({ households: 20, responded: 2 })

    const east = okData(await h.call('message.surveyResults', { id, filter: { gridId: 'g-a-east' } }, ZHANG, COMMUNITY_A))
    expect(east.responses).toBe(2)
    // The butler's list of homes to visit: the grid's twenty, less the two that answered.
    expect(east.unanswered).toHaveLength(18)
    expect(east.unanswered.map((u) => u.label)).not.toContain('1栋 102')
    expect(okData(await h.call('message.surveyResults', { id, filter: { buildingId: 'b-a3' } }, OPERATOR, COMMUNITY_A)).responses).toBe(1)

    // On the scoreboard: 东区 (1栋, 20 homes) answered 4 of the seeded survey and 2 of this one; 西区 (2栋 and 3栋, 28) 1 and 1.
    const board = okData(await h.call('insights.scoreboard', {}, ZHANG, COMMUNITY_A)).rows
    expect(board.find((b) => b.butlerUserId === 'u-butler-zhang')?.surveyRateBp).toBe(Math.round((6 / 40) * 10_000))
    expect(board.find((b) => b.butlerUserId === 'u-butler-liu')?.surveyRateBp).toBe(Math.round((2 / 56) * 10_000))

    const rows = okData(await h.call('message.surveyResponses', { id }, OPERATOR, COMMUNITY_A))
    expect(rows.header.slice(0, 4)).toEqual(['提交时间', '渠道', '房屋', '填写人'])
    expect(rows.rows.find((x) => x[1] === '上门调研')).toEqual([expect.any(Number), '上门调研', '1栋 102', '管家代录', '否', '2', '保洁、家电清洗', '3 分', ''])
  })

  it('an anonymous survey exports no home and no name', async () => {
    const id = await publish({ anonymous: true })
    okData(await h.call('message.answerSurvey', { id, answers: { q1: 1, q2: 2, q4: 4 }, clientRequestId: 'wang-anon-1' }, WANG, COMMUNITY_A))
    const rows = okData(await h.call('message.surveyResponses', { id }, SERVICE, COMMUNITY_A))
    expect(rows.header).not.toContain('房屋')
    expect(JSON.stringify(rows.rows)).not.toContain('1栋')
    expect((await findAll(h.store, 'surveyResponses', { surveyId: id }))[0]!.userId).toBeNull()
  })
})
