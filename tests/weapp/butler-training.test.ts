/**
 * Butler training as it ships to WeChat: the COMPILED courses list and quiz pages rendered by
 * miniprogram-simulate, `wx.cloud` answered by the real `training` function over the seeded demo,
 * whose required 严选预售 course 张管家 has not started. He finds it under its line, fails the quiz
 * once (the result names the wrong questions, never the answers), retries and passes.
 */
import { DEMO_COURSE_ID, DEMO_COURSE_RIGHT_ANSWERS } from '../../scripts/seed/training'
import { type Harness, as, makeHarness } from '../support/harness'
import { type OpenedPage, byId, connectHarness, launchApp, missingTemplates, openUrl, records, tap, textOf, waitFor, waitForText } from './support/simulate'

jest.setTimeout(60_000)

let h: Harness
const open: OpenedPage[] = []

beforeAll(async () => {
  h = await makeHarness()
  connectHarness(h, as('u-butler-zhang'))
  launchApp()
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

const submitCalls = () => records.cloudCalls.filter((c) => JSON.stringify(c.data).includes('submitQuiz'))

describe('butler training pages on the compiled weapp build', () => {
  test('培训课程 lists the required course under its line with 张管家 progress, and opens it', async () => {
    const page = openUrl('/packages/butler/pages/courses/index')
    open.push(page)
    await waitForText(page, '严选预售：业主群开团与售后')
    const text = textOf(page)
    expect(text).toContain('共 1 门，已获证书 0 张')
    expect(textOf(byId(page, 'line-presale') ?? page)).toContain('严选预售')
    expect(text).toContain('必修')
    expect(text).toContain('已学 0/3 节 · 测验未参加（及格 75 分）')
    expect(textOf(byId(page, `course-${DEMO_COURSE_ID}-status`) ?? page)).toBe('未开始')
    await tap(page, `course-${DEMO_COURSE_ID}`)
    expect(records.navigations.at(-1)).toEqual({ api: 'navigateTo', url: `/packages/butler/pages/course/index?id=${DEMO_COURSE_ID}` })
  })

  test('the quiz: unanswered questions are named, a failed try shows which were wrong, a retry passes and earns the certificate', async () => {
    const page = openUrl(`/packages/butler/pages/quiz/index?id=${DEMO_COURSE_ID}`)
    open.push(page)
    await waitForText(page, '在业主群里开团，第一条消息最重要的是什么？')
    expect(textOf(page)).toContain('共 4 题，75 分及格')

    await tap(page, 'quiz-submit')
    await waitForText(byId(page, 'quiz-message') ?? page, '第 1、2、3、4 题还没有作答')
    expect(submitCalls()).toHaveLength(0)

    // Q1 right, Q2 wrong, Q3 only one of its three answers, Q4 right: 2 of 4 = 50%.
    for (const id of ['q1-1', 'q2-0', 'q3-0', 'q4-0']) await tap(page, id)
    await tap(page, 'quiz-submit')
    await waitFor(() => byId(page, 'quiz-verdict'), () => `the quiz verdict, shown: ${textOf(page).slice(0, 400)}`)
    expect(textOf(byId(page, 'quiz-verdict')!)).toBe('未通过')
    expect(textOf(byId(page, 'quiz-score')!)).toBe('50 分')
    expect(textOf(byId(page, 'quiz-result-2')!)).toBe('第 2 题 答错')
    expect(textOf(byId(page, 'quiz-result-3')!)).toBe('第 3 题 答错')
    expect(textOf(byId(page, 'quiz-result-4')!)).toBe('第 4 题 答对')
    // The result never tells which option was right.
    expect(textOf(page)).not.toContain('原路退回')

    await tap(page, 'quiz-retry')
    await waitForText(page, '截团以后，管家应该做哪些事？（多选）')
    // A single choice keeps the last tap; a multiple choice toggles (option 3 on and off again).
    for (const id of ['q1-0', 'q1-1', 'q2-1', 'q3-0', 'q3-1', 'q3-2', 'q3-3', 'q3-2', 'q4-0']) await tap(page, id)
    await tap(page, 'quiz-submit')
    await waitFor(() => textOf(byId(page, 'quiz-verdict') ?? page) === '通过', () => `通过, shown: ${textOf(page).slice(-200)}`)
    expect(textOf(byId(page, 'quiz-score')!)).toBe('100 分')
    expect(textOf(page)).toContain('答对 4/4 题，75 分及格')
    expect(textOf(byId(page, 'quiz-certified')!)).toContain('恭喜！你已取得「严选预售：业主群开团与售后」证书（100 分')

    // Two submissions, each with its own request id and the quiz version the page opened.
    const sent = submitCalls().map((c) => JSON.stringify(c.data))
    expect(sent).toHaveLength(2)
    expect(sent[1]).toContain(JSON.stringify(DEMO_COURSE_RIGHT_ANSWERS))
    const attempts = await h.store.find('trainingAttempts', { where: { courseId: DEMO_COURSE_ID, userId: 'u-butler-zhang' }, limit: 10 })
    expect(attempts.map((a) => [a.quizVersion, a.scorePercent]).sort()).toEqual([
      [1, 100],
      [1, 50]
    ])
    expect(await h.store.get('trainingCertificates', `${DEMO_COURSE_ID}:u-butler-zhang`)).toMatchObject({ scorePercent: 100, line: 'presale' })
    expect(missingTemplates()).toEqual([])
  })
})
