/**
 * Butler training (管家培训) through the real request path: operators write, publish and archive
 * courses; butlers read lessons and take the quiz, scored on the server; a pass earns one
 * certificate however many submissions race; the selling-kit gate and the scoreboard read them.
 */
import type { InputOf } from '../../cloudfunctions/contracts/registry'
import { findAll } from '../../cloudfunctions/kernel/paging'
import { COMMUNITY_A, COMMUNITY_B } from '../../scripts/seed/demo'
import { DEMO_COURSE_ID } from '../../scripts/seed/training'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData, snapshot } from './support'

const OPERATOR = as('u-operator-wu') // operator of both communities
const ZHANG = as('u-butler-zhang')
const LIU = as('u-butler-liu')
const B_BUTLER = as('u-b-butler')
const WANG = as('u-wang') // a resident
const SERVICE = as('u-service-zhao')
const COVER = 'local:trainingCoverAAAAAAAAAA.jpg'
const PHOTO = 'local:trainingSceneAAAAAAAAAA.jpg'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  // These tests write their own courses: the demo's required 严选预售 course would be one more in every list and gate.
  await h.store.remove('trainingCourses', DEMO_COURSE_ID)
})
afterEach(async () => {
  await h.close()
})

type Draft = InputOf<'training.save'>['course']

/** Four questions: two single choice, one multiple choice, one single; the pass mark 75%. */
function draft(over: Partial<Draft> = {}): Draft {
  return {
    line: 'presale',
    title: '预售团购开团话术',
    summary: '在业主群里开团、答疑和催单',
    cover: COVER,
    requiredFor: false,
    lessons: [
      {
        title: '业主群开团',
        scene: '周五晚上八点，业主群里大家在聊周末买菜',
        paragraphs: ['先讲清楚预售的是什么、多少钱、哪天自提。', '不要刷屏，一条消息说完。'],
        photos: [PHOTO],
        videoUrl: 'https://video.example.com/presale/1.mp4',
        checklist: ['先问好再介绍', '说清截止时间和自提点']
      },
      { title: '上门推荐', scene: '业主在楼下取快递，问起水果团购', checklist: ['递上海报', '扫码下单演示'] }
    ],
    quiz: {
      questions: [
        { text: '开团消息应包含什么？', kind: 'single', options: [{ text: '只发链接', correct: false }, { text: '商品、价格、截止时间与自提点', correct: true }] },
        { text: '业主嫌贵怎么回应？', kind: 'single', options: [{ text: '说明产地与成团价', correct: true }, { text: '不回复', correct: false }, { text: '让他别买', correct: false }] },
        { text: '上门推荐要做哪些？', kind: 'multiple', options: [{ text: '递上海报', correct: true }, { text: '扫码演示', correct: true }, { text: '长时间打扰', correct: false }] },
        { text: '截团后应该？', kind: 'single', options: [{ text: '在群里公布自提时间', correct: true }, { text: '什么也不做', correct: false }] }
      ],
      passPercent: 75
    },
    ...over
  }
}

/** All right. */
const RIGHT = [[1], [0], [0, 1], [0]]

let req = 0
const rid = () => `training-req-${++req}`

async function create(over: Partial<Draft> = {}, communityId = COMMUNITY_A) {
  return okData(await h.call('training.save', { clientRequestId: rid(), course: draft(over) }, OPERATOR, communityId))
}
async function published(over: Partial<Draft> = {}, communityId = COMMUNITY_A) {
  const c = await create(over, communityId)
  okData(await h.call('training.publish', { id: c.id }, OPERATOR, communityId))
  return c
}
const submit = (courseId: string, answers: number[][], by = ZHANG, quizVersion = 1, clientRequestId = rid()) =>
  h.call('training.submitQuiz', { courseId, quizVersion, answers, clientRequestId }, by, COMMUNITY_A)

describe('save', () => {
  it('creates a draft with lesson ids, the quiz with its answers, and version 1', async () => {
    const c = await create()
    expect(c).toMatchObject({ line: 'presale', title: '预售团购开团话术', cover: COVER, status: 'draft', requiredFor: false, quizVersion: 1, certificates: 0, updatedByName: '吴运营', publishedAt: null })
    expect(c.lessons.map((l) => l.id)).toEqual([expect.stringMatching(/^l[A-Za-z0-9]{11}$/), expect.stringMatching(/^l[A-Za-z0-9]{11}$/)])
    expect(c.lessons[0]).toMatchObject({ photos: [PHOTO], videoUrl: 'https://video.example.com/presale/1.mp4', checklist: ['先问好再介绍', '说清截止时间和自提点'] })
    expect(c.lessons[1]).toMatchObject({ paragraphs: [], photos: [], videoUrl: null })
    expect(c.quiz.questions[2]!.options.map((o) => o.correct)).toEqual([true, true, false])
    expect(c.quiz.passPercent).toBe(75)
  })

  it('answers a retried 新建 (same request id) with the course it made', async () => {
    const input = { clientRequestId: rid(), course: draft() }
    const [a, b] = await Promise.all([h.call('training.save', input, OPERATOR, COMMUNITY_A), h.call('training.save', input, OPERATOR, COMMUNITY_A)])
    expect(okData(a).id).toBe(okData(b).id)
    expect(await h.store.count('trainingCourses', { communityId: COMMUNITY_A })).toBe(1)
  })

  it('refuses a question with no correct answer, naming the question, and writes nothing', async () => {
    const before = await snapshot(h.store)
    const bad = draft()
    bad.quiz.questions[1] = { text: '业主嫌贵怎么回应？', kind: 'single', options: [{ text: '说明产地', correct: false }, { text: '不回复', correct: false }] }
    const e = errorOf(await h.call('training.save', { clientRequestId: rid(), course: bad }, OPERATOR, COMMUNITY_A))
    expect(e.code).toBe('REQUEST.INVALID_INPUT')
    expect(e.fields).toEqual([expect.objectContaining({ path: 'course.quiz.questions.1.options', message: '这道题没有正确答案，请至少勾选一个正确选项' })])
    expect(e.fields?.[0]?.label).toBe('测验的第 2 道题目的选项')
    expect(e.message).toBe('测验的第 2 道题目的选项：这道题没有正确答案，请至少勾选一个正确选项')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('explains bad input in Chinese: too few options, two answers to a single choice, a pass mark of 0, an http video, no lessons', async () => {
    const before = await snapshot(h.store)
    const bad = draft({ lessons: [] })
    bad.quiz = {
      passPercent: 0,
      questions: [
        { text: '只有一个选项', kind: 'single', options: [{ text: '唯一', correct: true }] },
        { text: '单选两个答案', kind: 'single', options: [{ text: 'A', correct: true }, { text: 'B', correct: true }] }
      ]
    }
    const e = errorOf(await h.call('training.save', { clientRequestId: rid(), course: bad }, OPERATOR, COMMUNITY_A))
    const byPath = Object.fromEntries((e.fields ?? []).map((f) => [f.path, f.message]))
    expect(byPath).toMatchObject({
      'course.lessons': '请至少添加一节情境课',
      'course.quiz.passPercent': '及格线须在 1–100 之间',
      'course.quiz.questions.0.options': '每题至少 2 个选项',
      'course.quiz.questions.1.options': '单选题只能有一个正确答案，请改为多选或只勾选一个'
    })
    const http = draft()
    http.lessons[0]!.videoUrl = 'http://video.example.com/1.mp4'
    const e2 = errorOf(await h.call('training.save', { clientRequestId: rid(), course: http }, OPERATOR, COMMUNITY_A))
    expect(e2.fields).toEqual([expect.objectContaining({ path: 'course.lessons.0.videoUrl', message: '视频链接须是以 https:// 开头的网址' })])
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('keeps lesson ids through a reorder, and raises the quiz version only when the quiz changes', async () => {
    const c = await create()
    const [l1, l2] = c.lessons
    const same = draft({ title: '预售开团话术（修订）', lessons: [{ ...draft().lessons[1]!, id: l2!.id }, { ...draft().lessons[0]!, id: l1!.id }, { title: '新增一课', scene: '群里有人投诉', checklist: ['先致歉'] }] })
    const edited = okData(await h.call('training.save', { id: c.id, clientRequestId: rid(), course: same }, OPERATOR, COMMUNITY_A))
    expect(edited.lessons.map((l) => l.id).slice(0, 2)).toEqual([l2!.id, l1!.id])
    expect(edited.lessons[2]!.id).not.toMatch(new RegExp(`^(${l1!.id}|${l2!.id})$`))
    expect(edited).toMatchObject({ title: '预售开团话术（修订）', quizVersion: 1 })
    const harder = okData(await h.call('training.save', { id: c.id, clientRequestId: rid(), course: { ...same, quiz: { ...same.quiz, passPercent: 100 } } }, OPERATOR, COMMUNITY_A))
    expect(harder.quizVersion).toBe(2)
  })

  it("refuses another community's course and an archived one, writing nothing", async () => {
    const b = await create({}, COMMUNITY_B)
    const a = await create()
    okData(await h.call('training.archive', { id: a.id }, OPERATOR, COMMUNITY_A))
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('training.save', { id: b.id, clientRequestId: rid(), course: draft() }, OPERATOR, COMMUNITY_A))).toBe('TRAINING.NOT_FOUND')
    expect(codeOf(await h.call('training.save', { id: a.id, clientRequestId: rid(), course: draft() }, OPERATOR, COMMUNITY_A))).toBe('TRAINING.ARCHIVED')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('is for operators only', async () => {
    const before = await snapshot(h.store)
    for (const who of [ZHANG, WANG, SERVICE]) expect(codeOf(await h.call('training.save', { clientRequestId: rid(), course: draft() }, who, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('publish, archive, list and get', () => {
  it('publishes and archives once each, lists with filters and certificate counts, and opens one with its answers', async () => {
    const a = await create()
    const b = await create({ line: 'service', title: '上门保洁服务沟通', requiredFor: true })
    expect(okData(await h.call('training.publish', { id: a.id }, OPERATOR, COMMUNITY_A))).toEqual({ id: a.id, status: 'published' })
    expect(okData(await h.call('training.publish', { id: a.id }, OPERATOR, COMMUNITY_A))).toEqual({ id: a.id, status: 'published' })
    expect((await h.store.get('trainingCourses', a.id))?.publishedAt).toBe(h.clock.now())
    okData(await submit(a.id, RIGHT))
    const all = okData(await h.call('training.list', {}, OPERATOR, COMMUNITY_A)).items
    expect(all.map((c) => [c.title, c.status, c.requiredFor, c.lessons, c.questions, c.certificates])).toEqual(
      expect.arrayContaining([
        ['预售团购开团话术', 'published', false, 2, 4, 1],
        ['上门保洁服务沟通', 'draft', true, 2, 4, 0]
      ])
    )
    expect(okData(await h.call('training.list', { line: 'service' }, OPERATOR, COMMUNITY_A)).items.map((c) => c.id)).toEqual([b.id])
    expect(okData(await h.call('training.list', { status: 'published' }, OPERATOR, COMMUNITY_A)).items.map((c) => c.id)).toEqual([a.id])
    expect(okData(await h.call('training.list', {}, OPERATOR, COMMUNITY_B)).items).toEqual([])
    const got = okData(await h.call('training.get', { id: a.id }, OPERATOR, COMMUNITY_A))
    expect(got).toMatchObject({ status: 'published', certificates: 1 })
    expect(got.quiz.questions[0]!.options[1]!.correct).toBe(true)

    expect(okData(await h.call('training.archive', { id: a.id }, OPERATOR, COMMUNITY_A)).status).toBe('archived')
    expect(okData(await h.call('training.archive', { id: a.id }, OPERATOR, COMMUNITY_A)).status).toBe('archived')
    // Archived: gone from the butler's list; the certificate stays.
    expect(okData(await h.call('training.myCourses', {}, ZHANG, COMMUNITY_A)).items).toEqual([])
    expect(await h.store.get('trainingCertificates', `${a.id}:u-butler-zhang`)).not.toBeNull()
  })

  it("answers another community's course as not found, and refuses butlers", async () => {
    const b = await create({}, COMMUNITY_B)
    const before = await snapshot(h.store)
    for (const action of ['training.get', 'training.publish', 'training.archive'] as const) {
      const e = errorOf(await h.call(action, { id: b.id }, OPERATOR, COMMUNITY_A))
      expect(e.code).toBe('TRAINING.NOT_FOUND')
      expect(e.message).toBe('课程不存在或已下架')
    }
    for (const action of ['training.get', 'training.publish', 'training.archive'] as const) expect(codeOf(await h.call(action, { id: b.id }, B_BUTLER, COMMUNITY_B))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('training.list', {}, ZHANG, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('taking a course', () => {
  it('lists published courses with progress; opens one without the answers; marks lessons read once', async () => {
    await create({ title: '草稿课程不显示' })
    const c = await published()
    const list = okData(await h.call('training.myCourses', {}, ZHANG, COMMUNITY_A)).items
    expect(list).toEqual([expect.objectContaining({ id: c.id, title: '预售团购开团话术', passPercent: 75, progress: { lessons: 2, lessonsRead: 0, attempts: 0, bestPercent: null, certificate: null } })])
    const opened = okData(await h.call('training.open', { id: c.id }, ZHANG, COMMUNITY_A))
    expect(opened.quiz).toEqual({
      version: 1,
      questions: [
        { text: '开团消息应包含什么？', kind: 'single', options: ['只发链接', '商品、价格、截止时间与自提点'] },
        { text: '业主嫌贵怎么回应？', kind: 'single', options: ['说明产地与成团价', '不回复', '让他别买'] },
        { text: '上门推荐要做哪些？', kind: 'multiple', options: ['递上海报', '扫码演示', '长时间打扰'] },
        { text: '截团后应该？', kind: 'single', options: ['在群里公布自提时间', '什么也不做'] }
      ]
    })
    expect(JSON.stringify(opened)).not.toContain('correct')
    const [l1, l2] = opened.lessons
    expect(okData(await h.call('training.readLesson', { courseId: c.id, lessonId: l1!.id }, ZHANG, COMMUNITY_A))).toEqual({ lessons: 2, lessonsRead: 1 })
    expect(okData(await h.call('training.readLesson', { courseId: c.id, lessonId: l1!.id }, ZHANG, COMMUNITY_A))).toEqual({ lessons: 2, lessonsRead: 1 })
    expect(okData(await h.call('training.readLesson', { courseId: c.id, lessonId: l2!.id }, ZHANG, COMMUNITY_A))).toEqual({ lessons: 2, lessonsRead: 2 })
    const again = okData(await h.call('training.open', { id: c.id }, ZHANG, COMMUNITY_A))
    expect(again.lessons.map((l) => l.read)).toEqual([true, true])
    expect(again.progress.lessonsRead).toBe(2)
    // Another butler's progress is their own.
    expect(okData(await h.call('training.open', { id: c.id }, LIU, COMMUNITY_A)).progress.lessonsRead).toBe(0)
  })

  it('marks two lessons read at once without losing either', async () => {
    const c = await published()
    const [l1, l2] = c.lessons
    await Promise.all([l1!, l2!].map((l) => h.call('training.readLesson', { courseId: c.id, lessonId: l.id }, ZHANG, COMMUNITY_A)))
    expect(okData(await h.call('training.open', { id: c.id }, ZHANG, COMMUNITY_A)).progress.lessonsRead).toBe(2)
  })

  it('refuses drafts, unknown lessons and other communities, writing nothing; residents and operators may not take courses', async () => {
    const draftCourse = await create()
    const c = await published()
    const b = await published({}, COMMUNITY_B)
    const before = await snapshot(h.store)
    expect(codeOf(await h.call('training.open', { id: draftCourse.id }, ZHANG, COMMUNITY_A))).toBe('TRAINING.NOT_FOUND')
    expect(codeOf(await h.call('training.open', { id: b.id }, ZHANG, COMMUNITY_A))).toBe('TRAINING.NOT_FOUND')
    expect(codeOf(await h.call('training.readLesson', { courseId: b.id, lessonId: b.lessons[0]!.id }, ZHANG, COMMUNITY_A))).toBe('TRAINING.NOT_FOUND')
    const e = errorOf(await h.call('training.readLesson', { courseId: c.id, lessonId: 'lNope' }, ZHANG, COMMUNITY_A))
    expect(e).toMatchObject({ code: 'TRAINING.LESSON_NOT_FOUND', fields: [expect.objectContaining({ path: 'lessonId' })] })
    expect(codeOf(await submit(b.id, RIGHT))).toBe('TRAINING.NOT_FOUND')
    for (const who of [WANG, OPERATOR]) {
      expect(codeOf(await h.call('training.myCourses', {}, who, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
      expect(codeOf(await h.call('training.open', { id: c.id }, who, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
      expect(codeOf(await submit(c.id, RIGHT, who))).toBe('AUTH.FORBIDDEN')
      expect(codeOf(await h.call('training.gate', { line: 'presale' }, who, COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    }
    expect(await snapshot(h.store)).toEqual(before)
  })
})

describe('the quiz', () => {
  it('scores on the server: 2 of 4 right is 50% and fails; a partly right multiple choice is wrong', async () => {
    const c = await published()
    // Q1 right, Q2 wrong, Q3 only one of its two answers (wrong), Q4 right: 2/4 = 50% < 75%.
    const r = okData(await submit(c.id, [[1], [1], [0], [0]]))
    expect(r).toEqual({ scorePercent: 50, passed: false, passPercent: 75, correct: 2, total: 4, results: [true, false, false, true], certificate: null, newlyCertified: false })
    expect(await h.store.count('trainingCertificates', {})).toBe(0)
    const [attempt] = await findAll(h.store, 'trainingAttempts', { courseId: c.id })
    expect(attempt).toMatchObject({ userId: 'u-butler-zhang', scorePercent: 50, passed: false, quizVersion: 1, answers: [[1], [1], [0], [0]] })
  })

  it('passes at exactly the mark (3 of 4 = 75%) and issues the certificate on the version answered', async () => {
    const c = await published()
    const r = okData(await submit(c.id, [[1], [0], [1, 0], [1]]))
    expect(r).toMatchObject({ scorePercent: 75, passed: true, correct: 3, total: 4, results: [true, true, true, false], newlyCertified: true })
    expect(r.certificate).toEqual({ courseId: c.id, courseTitle: '预售团购开团话术', scorePercent: 75, quizVersion: 1, issuedAt: h.clock.now() })
    const mine = okData(await h.call('training.myCourses', {}, ZHANG, COMMUNITY_A)).items[0]!
    expect(mine.progress).toMatchObject({ attempts: 1, bestPercent: 75, certificate: { scorePercent: 75 } })
  })

  it('rounds to whole percents: 2 of 3 right is 67%', async () => {
    const three = draft()
    three.quiz = { passPercent: 60, questions: three.quiz.questions.slice(0, 3) }
    const c = await published(three)
    expect(okData(await submit(c.id, [[1], [0], [2]]))).toMatchObject({ scorePercent: 67, passed: true, correct: 2, total: 3 })
  })

  it('issues one certificate under 10 parallel passing submissions', async () => {
    const c = await published()
    const all = await Promise.all(Array.from({ length: 10 }, () => submit(c.id, RIGHT)))
    const answers = all.map((r) => okData(r))
    expect(answers.every((a) => a.passed && a.scorePercent === 100)).toBe(true)
    expect(answers.filter((a) => a.newlyCertified)).toHaveLength(1)
    expect(new Set(answers.map((a) => JSON.stringify(a.certificate)))).toEqual(new Set([JSON.stringify(answers[0]!.certificate)]))
    expect(await findAll(h.store, 'trainingCertificates', { courseId: c.id })).toHaveLength(1)
    expect(await h.store.count('trainingAttempts', { courseId: c.id })).toBe(10)
  })

  it('answers a retried submission (same request id) as the first, recording one attempt', async () => {
    const c = await published()
    const id = rid()
    const [a, b] = await Promise.all([submit(c.id, RIGHT, ZHANG, 1, id), submit(c.id, [[0], [1], [2], [1]], ZHANG, 1, id)])
    expect(okData(a)).toEqual(okData(b))
    expect(await h.store.count('trainingAttempts', { courseId: c.id })).toBe(1)
  })

  it('refuses answers that do not fit, and answers to an edited quiz, writing nothing', async () => {
    const c = await published()
    const before = await snapshot(h.store)
    const short = errorOf(await submit(c.id, [[1], [0]]))
    expect(short).toMatchObject({ code: 'TRAINING.ANSWERS_MISMATCH', message: '答案与测验不符：测验共 4 题，提交了 2 题的答案' })
    const e = errorOf(await submit(c.id, [[1], [0, 1], [], [5]]))
    expect(e.message).toBe('答案与测验不符：第 2 题单选题只能选一个')
    expect(e.fields).toEqual([
      { path: 'answers.1', label: '第 2 题', message: '单选题只能选一个' },
      { path: 'answers.2', label: '第 3 题', message: '还没有作答' },
      { path: 'answers.3', label: '第 4 题', message: '所选选项无效，请重新选择' }
    ])
    expect(codeOf(await submit(c.id, RIGHT, ZHANG, 2))).toBe('TRAINING.QUIZ_CHANGED')
    expect(await snapshot(h.store)).toEqual(before)
  })

  it('keeps a certificate earned before the quiz was edited, and scores new answers on the new quiz', async () => {
    const c = await published()
    okData(await submit(c.id, RIGHT))
    const edited = draft()
    edited.quiz.questions[0]!.options = [{ text: '只发链接', correct: true }, { text: '商品、价格、截止时间与自提点', correct: false }]
    const saved = okData(await h.call('training.save', { id: c.id, clientRequestId: rid(), course: edited }, OPERATOR, COMMUNITY_A))
    expect(saved).toMatchObject({ status: 'published', quizVersion: 2, certificates: 1 })
    expect(codeOf(await submit(c.id, RIGHT, LIU, 1))).toBe('TRAINING.QUIZ_CHANGED')
    expect(okData(await submit(c.id, RIGHT, LIU, 2))).toMatchObject({ scorePercent: 75, passed: true })
    const zhang = await h.store.get('trainingCertificates', `${c.id}:u-butler-zhang`)
    const liu = await h.store.get('trainingCertificates', `${c.id}:u-butler-liu`)
    expect([zhang?.quizVersion, zhang?.scorePercent, liu?.quizVersion, liu?.scorePercent]).toEqual([1, 100, 2, 75])
    expect(okData(await h.call('training.gate', { line: 'presale' }, ZHANG, COMMUNITY_A)).open).toBe(true)
  })
})

describe('gate', () => {
  it('opens a line once every required published course is passed, naming the missing ones', async () => {
    expect(okData(await h.call('training.gate', { line: 'presale' }, ZHANG, COMMUNITY_A))).toEqual({ open: true, missing: [] })
    const required = await published({ requiredFor: true, title: '预售必修：开团与售后' })
    await published({ title: '预售选修：直播带货' })
    await create({ requiredFor: true, title: '草稿必修不算' })
    await published({ requiredFor: true, line: 'service', title: '到家服务必修' })
    await published({ requiredFor: true, title: '别的社区的必修' }, COMMUNITY_B)
    expect(okData(await h.call('training.gate', { line: 'presale' }, ZHANG, COMMUNITY_A))).toEqual({ open: false, missing: [{ courseId: required.id, title: '预售必修：开团与售后' }] })
    okData(await submit(required.id, [[1], [1], [0], [0]]))
    expect(okData(await h.call('training.gate', { line: 'presale' }, ZHANG, COMMUNITY_A)).open).toBe(false)
    okData(await submit(required.id, RIGHT))
    expect(okData(await h.call('training.gate', { line: 'presale' }, ZHANG, COMMUNITY_A))).toEqual({ open: true, missing: [] })
    expect(okData(await h.call('training.gate', { line: 'presale' }, LIU, COMMUNITY_A)).open).toBe(false)
    expect(okData(await h.call('training.gate', { line: 'presale' }, B_BUTLER, COMMUNITY_B)).missing.map((m) => m.title)).toEqual(['别的社区的必修'])
  })
})

describe('scoreboard', () => {
  it("shows each butler's certificates", async () => {
    const a = await published()
    const b = await published({ line: 'event', title: '活动报名引导' })
    for (const id of [a.id, b.id]) okData(await submit(id, RIGHT))
    okData(await submit(a.id, RIGHT, LIU))
    const rows = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, OPERATOR, COMMUNITY_A)).rows
    const of = (id: string) => rows.find((r) => r.butlerUserId === id)?.certificates
    expect([of('u-butler-zhang'), of('u-butler-liu')]).toEqual([2, 1])
    const b2 = okData(await h.call('insights.scoreboard', { weeksAgo: 0 }, B_BUTLER, COMMUNITY_B)).rows
    expect(b2.find((r) => r.butlerUserId === 'u-b-butler')?.certificates).toBe(0)
  })
})
