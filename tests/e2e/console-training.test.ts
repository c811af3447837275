import path from 'node:path'
import type { Browser } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { DEMO_IMAGE_DIR } from '../../scripts/seed/photos'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, shot } from './support/browser'

jest.setTimeout(180_000)

const COVER = path.join(DEMO_IMAGE_DIR, 'demo-photo-event-craft.png')
const PHOTO = path.join(DEMO_IMAGE_DIR, 'demo-photo-product-fruit.png')
const TITLE = '社区活动报名引导'

/**
 * Butler training in the office console at 1440x900: the operator writes a course with two
 * scenario lessons (reordered), a photo and a quiz; a question with no correct answer is refused
 * on the question; the course is published, a butler passes it, and the certificate is counted.
 */
describe('office console: training courses', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('an operator writes a course with lessons and a quiz, publishes it, and sees the certificates', async () => {
    const { context, page, errors } = await desk(browser)
    await page.goto(`${app.url}console/#/training`)
    await page.locator('#persona-u-operator-wu').click()
    await page.locator('.courses-table').waitFor()
    expect(await page.locator('.t-menu__item', { hasText: '培训课程' }).count()).toBe(1)
    // The demo's required 严选预售 course is listed already.
    await page.locator('.courses-table tbody tr', { hasText: '严选预售：业主群开团与售后' }).waitFor()
    await shot(page, 'console-training', '01-courses')

    await page.locator('#course-new').click()
    const dialog = page.locator('.t-dialog')
    await dialog.locator('input[name="course-title"]').fill(TITLE)
    await dialog.locator('.course-line').click()
    await page.locator('.t-select-option', { hasText: '社区活动' }).click()
    await dialog.locator('.course-required').click()
    await dialog.locator('textarea[name="course-summary"]').fill('在业主群和楼道里引导住户报名社区活动')
    await page.locator('#course-cover input[type="file"]').setInputFiles(COVER)
    await page.locator('#course-cover .photo-field__item img.thumb').waitFor()

    // Two lessons, the second written first and then moved up.
    const lesson = (i: number) => dialog.locator('.lesson-item').nth(i)
    await lesson(0).locator('.lesson-title input').fill('楼道偶遇推荐')
    await lesson(0).locator('.lesson-scene textarea').fill('住户在电梯里问周末有什么活动')
    await lesson(0).locator('.lesson-checklist textarea').fill('说清时间地点\n现场扫码报名')
    await page.locator('#lesson-add').click()
    await lesson(1).locator('.lesson-title input').fill('业主群发布活动')
    await lesson(1).locator('.lesson-scene textarea').fill('周四晚上，业主群里有人问孩子周末去哪玩')
    await lesson(1).locator('.lesson-body textarea').fill('先介绍活动亮点和名额。\n\n再发报名卡片，提醒截止时间。')
    await page.locator('#lesson-photos-1 input[type="file"]').setInputFiles(PHOTO)
    await page.locator('#lesson-photos-1 .photo-field__item img.thumb').waitFor()
    await lesson(1).locator('.lesson-video input').fill('https://video.example.com/event-intro.mp4')
    await lesson(1).locator('.lesson-checklist textarea').fill('先问好再介绍\n发报名卡片\n提醒截止时间')
    await lesson(1).locator('button', { hasText: '上移' }).click()
    expect(await lesson(0).locator('.lesson-title input').inputValue()).toBe('业主群发布活动')
    await shot(page, 'console-training', '02-course-lessons')

    // The quiz: the first question left with no correct answer.
    const question = (i: number) => dialog.locator('.question-item').nth(i)
    await question(0).locator('.question-text input').fill('发布活动时必须说清什么？')
    await question(0).locator('.option-text input').nth(0).fill('时间、地点和名额')
    await question(0).locator('.option-text input').nth(1).fill('只发一张海报')
    await question(0).locator('.option-correct').nth(0).click()
    await page.locator('#question-add').click()
    await question(1).locator('.question-text input').fill('报名卡片发出后还要做哪些？')
    await question(1).locator('.t-radio-button', { hasText: '多选' }).click()
    await question(1).locator('.option-add').click()
    await question(1).locator('.option-text input').nth(0).fill('提醒截止时间')
    await question(1).locator('.option-text input').nth(1).fill('回答住户提问')
    await question(1).locator('.option-text input').nth(2).fill('连续刷屏')
    await question(1).locator('.option-correct').nth(1).click()
    await dialog.locator('.course-pass input').fill('100')
    await page.locator('#course-save').click()
    const refused = question(0).locator('.t-form__item', { hasText: '选项' }).locator('.t-input__extra', { hasText: '这道题没有正确答案' })
    await refused.waitFor()
    await refused.scrollIntoViewIfNeeded()
    await shot(page, 'console-training', '03-quiz-no-correct-answer')
    expect(await app.ports.store.count('trainingCourses', { communityId: COMMUNITY_A, title: TITLE })).toBe(0)

    await question(0).locator('.option-correct').nth(0).click()
    await page.locator('#course-save').click()
    const row = page.locator('.courses-table tbody tr', { hasText: TITLE })
    await row.locator('.t-tag', { hasText: '草稿' }).waitFor()
    expect(await row.innerText()).toContain('社区活动')
    expect(await row.innerText()).toContain('必修')
    expect(await row.innerText()).toContain('2 节')
    expect(await row.innerText()).toContain('2 题')
    expect(await row.innerText()).toContain('100%')
    const [course] = await app.ports.store.find('trainingCourses', { where: { communityId: COMMUNITY_A, title: TITLE }, limit: 2 })
    expect(course).toMatchObject({ line: 'event', requiredFor: true, status: 'draft', passPercent: 100 })
    expect(course!.lessons.map((l) => [l.title, l.paragraphs.length, l.photos.length, l.checklist.length])).toEqual([
      ['业主群发布活动', 2, 1, 3],
      ['楼道偶遇推荐', 0, 0, 2]
    ])
    expect(course!.questions.map((q) => [q.kind, q.options.map((o) => o.correct)])).toEqual([
      ['single', [true, false]],
      ['multiple', [true, true, false]]
    ])

    await row.locator('.course-publish').click()
    await row.locator('.t-tag', { hasText: '已发布' }).waitFor()
    await shot(page, 'console-training', '04-course-published')

    // 张管家 passes it in the mini-program's place (its pages come next); the table counts the certificate.
    expect(await callAs(app.url, 'u-butler-zhang', 'training.gate', { line: 'event' }, COMMUNITY_A)).toEqual({ open: false, missing: [{ courseId: course!._id, title: TITLE }] })
    const passed = await callAs(app.url, 'u-butler-zhang', 'training.submitQuiz', { courseId: course!._id, quizVersion: 1, answers: [[0], [0, 1]], clientRequestId: 'e2e-training-pass-1' }, COMMUNITY_A)
    expect(passed).toMatchObject({ scorePercent: 100, passed: true, newlyCertified: true })
    await page.reload()
    await row.locator('td', { hasText: '1 张' }).waitFor()

    // Reopened, the editor shows what was saved.
    await row.locator('.course-edit').click()
    expect(await dialog.locator('input[name="course-title"]').inputValue()).toBe(TITLE)
    expect(await dialog.locator('.lesson-item').count()).toBe(2)
    await shot(page, 'console-training', '05-course-edit')
    await dialog.locator('button', { hasText: '取消' }).click()
    expect(errors).toEqual([])
    await context.close()
  })
})
