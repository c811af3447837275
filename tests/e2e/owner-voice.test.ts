import path from 'node:path'
import type { Browser } from 'playwright-core'
import { closeVotes } from '../../cloudfunctions/domain/message/votes'
import { COUNT_GRACE_MS } from '../../cloudfunctions/domain/message/vote-roll'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { DEMO_IMAGE_DIR, demoPhoto } from '../../scripts/seed/photos'
import { formatDateTime } from '../../src/utils/time'
import { callAs } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { desk, launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'

jest.setTimeout(180_000)

/**
 * The owners' voice in the browser: 客服 publish a survey from the console; a resident answers one,
 * with a question shown by an earlier answer, and the answer reaches the results and (with consent)
 * the household's profile. An owner vote is made in the console, cast in the mini-program and on
 * paper, and published after its close with the four figures of article 278.
 */
describe('surveys and owner votes', () => {
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

  it('客服 publish a survey; a resident answers one; the answer shows in the results and, with consent, on the profile', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/surveys`)
    await office.page.locator('#persona-u-service-zhao').click()
    await office.page.locator('.surveys-table tbody tr', { hasText: '2027 年社区服务需求调研' }).waitFor()
    await office.page.locator('#survey-new').click()
    await office.page.locator('.t-dialog .survey-title input').fill('停车需求调研')
    await office.page.locator('.t-dialog .survey-q-0-title input').fill('家里是否有车')
    await office.page.locator('.t-dialog .survey-q-0-option-0 input').fill('是')
    await office.page.locator('.t-dialog .survey-q-0-option-1 input').fill('否')
    await office.page.locator('#survey-add-rating').click()
    await office.page.locator('.t-dialog .survey-q-1-title input').fill('对停车管理的满意度')
    await office.page.locator('.t-dialog .survey-closes-at input').fill(formatDateTime(Date.now() + 3 * 24 * 3600_000))
    await office.page.locator('.t-dialog .survey-closes-at input').press('Enter')
    await office.page.locator('.t-dialog__header').click()
    await shot(office.page, 'owner-voice', '01-console-survey-dialog')
    await office.page.locator('#survey-save').click()
    await office.page.locator('.surveys-table tbody tr', { hasText: '停车需求调研' }).waitFor()
    const [made] = await app.ports.store.find('surveys', { where: { title: '停车需求调研' }, limit: 2 })
    expect(made!.questions.map((q) => q.type)).toEqual(['single', 'rating'])
    await shot(office.page, 'owner-voice', '02-console-surveys')

    // 王建国 agreed to his home's profile earlier; now he answers the needs survey.
    await callAs(app.url, 'u-wang', 'insights.saveProfile', { householdId: 'h-a1-101', consent: true, profile: {} }, COMMUNITY_A)
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await page.locator('#tile-surveys').click()
    await page.locator('[id="survey-s-seed-needs"]').click()
    await page.locator('#question-q1').waitFor()
    expect(await page.locator('#question-q5').count()).toBe(0)
    await page.locator('#answer-q1-0').click()
    // 是 shows the question about the elderly.
    await page.locator('#question-q5').waitFor()
    await page.locator('#answer-q2 input').fill('3')
    await page.locator('#answer-q3-0').click()
    await page.locator('#answer-q3-3').click()
    await page.locator('#answer-q4-5').click()
    await shot(page, 'owner-voice', '03-survey-answering')
    // The text about the elderly is missing: named under its question, nothing saved.
    await page.locator('#survey-submit').click()
    await page.locator('#question-q5 .sv-q__error', { hasText: '此题必答' }).waitFor()
    await page.locator('#answer-q5 textarea').fill('希望有人定期上门看看老人')
    await page.locator('#survey-submit').click()
    await page.locator('#survey-answer', { hasText: '你已提交' }).waitFor()
    await shot(page, 'owner-voice', '04-survey-done')

    const profile = await app.ports.store.get('householdProfiles', 'h-a1-101')
    expect(profile?.facts).toMatchObject({ hasElderly: { value: true }, householdSize: { value: 3 } })
    await page.goto('about:blank')
    await page.goto(`${app.url}#/packages/profile/pages/mine/index?householdId=h-a1-101&communityId=${COMMUNITY_A}`)
    await page.locator('.kit-kv__row', { hasText: '家庭人口' }).waitFor()
    expect(await page.locator('.kit-kv__row', { hasText: '家庭人口' }).innerText()).toContain('来自问卷「2027 年社区服务需求调研」')
    await shot(page, 'owner-voice', '05-profile-facts')
    await context.close()

    // The office reads the answer in the results.
    await office.page.locator('.surveys-table tbody tr', { hasText: '2027 年社区服务需求调研' }).locator('button', { hasText: '查看结果' }).click()
    await office.page.locator('#survey-result-q5').waitFor()
    expect(await office.page.locator('#survey-result-q5').innerText()).toContain('希望有人定期上门看看老人')
    expect(await office.page.locator('.t-drawer .stats').innerText()).toContain('6')
    await shot(office.page, 'owner-voice', '06-console-survey-results')
    expect(office.errors).toEqual([])
    await office.context.close()
  })

  it('an owner vote is made in the console, cast on the phone and on paper, and published with its four figures', async () => {
    const office = await desk(browser)
    await office.page.goto(`${app.url}console/#/votes`)
    await office.page.locator('#persona-u-operator-wu').click()
    await office.page.locator('.votes-table tbody tr', { hasText: '1栋电梯维保单位续签三年' }).waitFor()
    await office.page.locator('#vote-new').click()
    await office.page.locator('.t-dialog .vote-title input').fill('1栋楼道加装感应照明')
    await office.page.locator('.t-dialog .vote-scope .t-radio', { hasText: '指定楼栋' }).click()
    await office.page.locator('.t-dialog .vote-buildings').click()
    await office.page.locator('.t-select-option', { hasText: '1栋' }).click()
    await office.page.locator('.t-dialog__header').click()
    await office.page.locator('.t-dialog .vote-closes-at input').fill(formatDateTime(Date.now() + 2 * 24 * 3600_000))
    await office.page.locator('.t-dialog .vote-closes-at input').press('Enter')
    await office.page.locator('.t-dialog__header').click()
    await shot(office.page, 'owner-voice', '07-console-vote-dialog')
    await office.page.locator('#vote-save').click()
    await office.page.locator('.votes-table tbody tr', { hasText: '1栋楼道加装感应照明' }).waitFor()
    const [vote] = await app.ports.store.find('votes', { where: { title: '1栋楼道加装感应照明' }, limit: 2 })
    expect(vote).toMatchObject({ units: 20, totalOwners: 20 })

    // 王建国 votes 同意 on his phone for 1栋 101.
    const wang = await phone(browser)
    await loginAs(wang.page, app.url, 'u-wang')
    await wang.page.locator('#tile-votes').click()
    await wang.page.locator(`#vote-${vote!._id}`).click()
    await wang.page.locator('#vote-option-0').click()
    await shot(wang.page, 'owner-voice', '08-vote-choose')
    await wang.page.locator('#vote-submit').click()
    await wang.page.locator('.taro-modal__foot >> text=投票').click()
    await wang.page.locator('#vote-mine', { hasText: '凭证' }).waitFor()
    await shot(wang.page, 'owner-voice', '09-vote-cast')

    // 张管家 enters a paper ballot with its photo; the rest of the building votes through the app's API.
    const zhang = await phone(browser)
    await loginAs(zhang.page, app.url, 'u-butler-zhang')
    await zhang.page.goto(`${app.url}#/packages/vote/pages/paper/index?id=${vote!._id}`)
    await zhang.page.locator('#paper-unit-h-a1-104').click()
    await zhang.page.locator('#paper-option-0').click()
    const [chooser] = await Promise.all([zhang.page.waitForEvent('filechooser'), zhang.page.locator('#paper-photo-add').click()])
    await chooser.setFiles(path.join(DEMO_IMAGE_DIR, 'demo-photo-event-craft.png'))
    await zhang.page.locator('#paper-photo .photo-picker__img').waitFor()
    await shot(zhang.page, 'owner-voice', '10-paper-ballot')
    await zhang.page.locator('#paper-save').click()
    await zhang.page.locator('#paper-unit-h-a1-104').waitFor({ state: 'detached' })
    await zhang.context.close()
    // The rest of the building's ballots come in on paper, collected door to door.
    const rooms = ['102', '103', '201', '202', '203', '204', '301', '302', '303', '304', '401', '402', '403', '404']
    for (const [i, room] of rooms.entries()) {
      await callAs(app.url, 'u-butler-zhang', 'message.recordPaperBallot', { id: vote!._id, householdId: `h-a1-${room}`, option: i === rooms.length - 1 ? 1 : 0, photo: demoPhoto('event-craft') }, COMMUNITY_A)
    }

    // The close comes. The server's clock is real, so the whole vote is moved back in time instead
    // (its dates and every ballot's, by the same amount), and the job counts it.
    const shift = vote!.closesAt - (Date.now() - COUNT_GRACE_MS - 1000)
    await app.ports.store.update('votes', vote!._id, { set: { opensAt: vote!.opensAt - shift, closesAt: vote!.closesAt - shift } })
    for (const b of await app.ports.store.find('ballots', { where: { voteId: vote!._id }, limit: 100 })) {
      await app.ports.store.update('ballots', b._id, { set: { castAt: b.castAt - shift } })
    }
    expect((await closeVotes(app.ports)).counted).toBeGreaterThanOrEqual(1)
    await wang.page.goto('about:blank')
    await wang.page.goto(`${app.url}#/packages/vote/pages/detail/index?id=${vote!._id}&communityId=${COMMUNITY_A}`)
    await wang.page.locator('#vote-outcome').waitFor()
    expect(await wang.page.locator('#vote-outcome').innerText()).toContain('通过')
    expect(await wang.page.locator('#tally-head').innerText()).toContain('16 人 / 20 人')
    await shot(wang.page, 'owner-voice', '11-vote-result')
    await wang.page.locator('#vote-receipts').click()
    await wang.page.locator('[id^="receipt-"]', { hasText: '我的' }).waitFor()
    await shot(wang.page, 'owner-voice', '12-vote-receipts')
    await wang.context.close()

    await office.page.reload()
    await office.page.locator('.votes-table tbody tr', { hasText: '1栋楼道加装感应照明' }).locator('button', { hasText: '查看结果' }).click()
    await office.page.locator('.tally-table tbody tr').first().waitFor()
    await shot(office.page, 'owner-voice', '13-console-vote-result')
    expect(office.errors).toEqual([])
    await office.context.close()
  })
})
