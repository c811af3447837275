/**
 * The butler workspace and the resident's own profile (issue 9), end to end on the H5 build: the
 * local server boots on a fresh seeded database and runs the nightly insights pass at start, so
 * 张管家 has today's tasks (at least one 流失预警 household to follow up) from five months of
 * seeded sales history.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { devToken } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot, toastGone } from './support/browser'
import { loginAs, openTab } from './support/flows'
import { overflowing, primeStorage, settle } from './support/probe'

jest.setTimeout(240_000)

const FEATURE = 'insights'

/** Taro's H5 router keeps earlier pages in the document: the visible one is the last. */
const cur = (page: Page, selector: string, hasText?: string) => page.locator(selector, hasText ? { hasText } : {}).last()

/** Lets the page's slide-in transition finish (right after a navigation the new page is still off screen). */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(800)
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await cur(page, selector).textContent()) ?? '').trim()
}

describe('butler workspace and resident profile end to end (H5 build + local server + headless Chromium)', () => {
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

  it('张管家 opens today’s tasks, follows up an at-risk household and sees progress go up; then the grid and a masked household file', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-butler-zhang')
    await page.locator('#home-butler').waitFor()
    // 今日任务 is the first tile of the butler home.
    await expect(page.locator('#home-butler .tile').first().getAttribute('id')).resolves.toBe('tile-butler-tasks')
    await shot(page, FEATURE, '01-butler-home')

    await page.locator('#tile-butler-tasks').click()
    await cur(page, '#tasks-page').waitFor()
    await cur(page, '#task-follow_risk').waitFor()
    await shot(page, FEATURE, '02-tasks')

    const before = await text(page, '#task-follow_risk-progress')
    const completionBefore = parseInt(await text(page, '#tasks-completion'), 10)
    const [done0, target] = before.split('/').map(Number) as [number, number]
    expect(target).toBeGreaterThan(0)
    expect(done0).toBe(0)

    // The first household still to follow up: log a phone call.
    const row = cur(page, '#task-follow_risk').locator('[id^="task-follow_risk-h-"]').first()
    const householdId = ((await row.getAttribute('id')) ?? '').replace(/^task-follow_risk-/, '')
    expect(householdId).toMatch(/^h-a1-/)
    await cur(page, `#follow-${householdId}`).click()
    await cur(page, `#follow-${householdId}-channel-call`).click()
    // An empty note is refused on the page before anything is sent.
    await cur(page, `#follow-${householdId}-submit`).click()
    await cur(page, `#follow-${householdId}-field-error`, '请写下跟进情况').waitFor()
    await cur(page, `#follow-${householdId}-note textarea`).fill('电话联系，住户近期出差，下周回来后约上门')
    await shot(page, FEATURE, '03-tasks-follow-up-form')
    await cur(page, `#follow-${householdId}-submit`).click()
    await cur(page, `#done-follow_risk-${householdId}`).waitFor()
    const after = await text(page, '#task-follow_risk-progress')
    expect(after === '已完成' ? target : Number(after.split('/')[0])).toBe(done0 + 1)
    expect(parseInt(await text(page, '#tasks-completion'), 10)).toBeGreaterThan(completionBefore)
    await toastGone(page)
    await shot(page, FEATURE, '04-tasks-progress')

    // The household file from the task: contacts masked, a logged reveal because the task needs it.
    await cur(page, `#file-${householdId}`).click()
    await cur(page, '#household-page').waitFor()
    await cur(page, '#hh-followups', '电话联系，住户近期出差').waitFor()
    await cur(page, '#hh-reveal').waitFor()
    await shot(page, FEATURE, '05-household-from-task')
    await cur(page, '#hh-reveal').click()
    await cur(page, '#hh-revealed', '已留痕').waitFor()
    await page.goBack()
    await cur(page, '#tasks-page').waitFor()

    // 我的网格: buildings, the at-risk filter, then 1栋 101 with its owners' phones masked.
    await page.goBack()
    await page.locator('#tile-butler-grid').click()
    await cur(page, '#grid-page').waitFor()
    await cur(page, '#building-b-a1').waitFor()
    expect(Number(await text(page, '#grid-at-risk'))).toBeGreaterThan(0)
    await shot(page, FEATURE, '06-grid')
    await cur(page, '#filter-risk').click()
    await cur(page, `#hh-${householdId}`).waitFor()
    expect(await cur(page, '#grid-households').locator('[id^="hh-"]').count()).toBeLessThan(20)
    await shot(page, FEATURE, '07-grid-at-risk')
    await cur(page, '#filter-all').click()
    await cur(page, '#hh-h-a1-101').click()
    await cur(page, '#household-page').waitFor()
    await cur(page, '#person-u-wang').waitFor()
    expect(await text(page, '#person-u-wang')).toContain('138****1111')
    expect(await cur(page, '#household-page').textContent()).not.toContain('13800001111')
    // No task of today is about 1栋 101: the full number cannot be asked for.
    expect(await cur(page, '#household-page').locator('#hh-reveal').count()).toBe(0)
    await cur(page, '#hh-masked-note').waitFor()
    await shot(page, FEATURE, '08-household-masked')

    // The butler records base data with the resident's consent.
    await cur(page, '#hh-edit').click()
    await cur(page, '#hh-pf-area input').fill('89.5')
    await cur(page, '#hh-pf-submit').click()
    await cur(page, '.field-error', '请先勾选同意').waitFor()
    await cur(page, '#hh-pf-consent').click()
    await shot(page, FEATURE, '09-household-edit')
    await cur(page, '#hh-pf-submit').click()
    await cur(page, '#hh-profile', '89.5 平方米').waitFor()
    await cur(page, '#hh-profile', '管家代为登记').waitFor()

    // 流失预警 and 排行榜 from the home tiles.
    await page.goBack()
    await page.goBack()
    await settled(page)
    await page.locator('#tile-butler-cases').click()
    await cur(page, '#cases-page').waitFor()
    await cur(page, `#case-${householdId}`, '已跟进').waitFor()
    await settled(page)
    await shot(page, FEATURE, '10-cases')
    await page.goBack()
    await settled(page)
    await page.locator('#tile-butler-scoreboard').click()
    await cur(page, '#rank-u-butler-zhang').waitFor()
    await settled(page)
    await shot(page, FEATURE, '11-scoreboard')
    await context.close()
  })

  it('王建国 fills in his household profile with consent, exports it and deletes it', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-wang')
    await openTab(page, '我的')
    await page.locator('#me-profile').click()
    await cur(page, '#profile-mine').waitFor()
    // Empty, or already holding what 张管家 recorded with consent in the test above.
    const start = cur(page, '#profile-fill, #profile-edit')
    await start.waitFor()
    if ((await start.getAttribute('id')) === 'profile-edit') expect(await text(page, '#profile-view')).toContain('由网格管家代为登记')
    await shot(page, FEATURE, '20-resident-profile')
    await start.click()
    await cur(page, '#pf-add-member').click()
    await cur(page, '#pf-member-0-name input').fill('王建国')
    await cur(page, '#pf-member-0-occupation input').fill('教师')
    await cur(page, '#pf-member-0-age-46_60').click()
    await cur(page, '#pf-add-member').click()
    await cur(page, '#pf-member-1-name input').fill('孙女')
    await cur(page, '#pf-member-1-age-under18').click()
    await cur(page, '#pf-area input').fill('96.8')
    // A year not yet come is named before anything is sent.
    await cur(page, '#pf-move-in input').fill('2099')
    await cur(page, '#pf-submit').click()
    await cur(page, '.field-error', '1950 到').waitFor()
    await cur(page, '#pf-move-in input').fill('2014')
    await cur(page, '#pf-add-car').click()
    await cur(page, '#pf-car-0 input').fill('沪a12345')
    await cur(page, '#pf-pet-cat-plus').click()
    // Consent is required, on the page and by the server.
    await cur(page, '#pf-submit').click()
    await cur(page, '.field-error', '请先勾选同意').waitFor()
    await cur(page, '#pf-consent').click()
    await shot(page, FEATURE, '21-resident-profile-form')
    await cur(page, '#pf-submit').click()
    await cur(page, '#profile-view').waitFor()
    await toastGone(page)
    await cur(page, '#profile-card').scrollIntoViewIfNeeded()
    const shown = await text(page, '#profile-view')
    expect(shown).toContain('96.8 平方米')
    expect(shown).toContain('2014 年')
    expect(shown).toContain('沪A12345')
    expect(shown).toContain('孙女 · 18岁以下')
    expect(shown).toContain('猫 1 只')
    await shot(page, FEATURE, '22-resident-profile-saved')

    // 导出我的数据: the browser downloads the JSON file.
    const [download] = await Promise.all([page.waitForEvent('download'), cur(page, '#profile-export').click()])
    const file = await download.path()
    const data = JSON.parse(readFileSync(file, 'utf8')) as { household: { id: string }; profile: { cars: { plate: string }[] } }
    expect(download.suggestedFilename()).toMatch(/^household-h-a1-101-\d{4}-\d{2}-\d{2}\.json$/)
    expect(data.household.id).toBe('h-a1-101')
    expect(data.profile.cars[0]?.plate).toBe('沪A12345')
    await cur(page, '#profile-exported', '已下载').waitFor()
    await toastGone(page)
    await shot(page, FEATURE, '23-resident-exported')

    // 删除我的档案, confirmed; then the analysis can be turned back on.
    await cur(page, '#profile-delete').click()
    await page.locator('.taro-modal__foot >> text=删除').click()
    await cur(page, '#profile-opted-out').waitFor()
    await toastGone(page)
    expect(await cur(page, '#profile-mine').textContent()).not.toContain('沪A12345')
    await shot(page, FEATURE, '24-resident-deleted')
    await cur(page, '#profile-restore').click()
    await cur(page, '#profile-recs').waitFor()
    await cur(page, '#profile-fill').waitFor()
    await context.close()
  })

  it('every butler page in both text modes: nothing is cut off, 长辈模式 grows', async () => {
    const A = `communityId=${COMMUNITY_A}`
    const BT = '/packages/butler/pages'
    const pages: [string, string, string][] = [
      [`${BT}/tasks/index?${A}`, '#tasks-page', 'tasks'],
      [`${BT}/grid/index?${A}`, '#grid-page', 'grid'],
      [`${BT}/household/index?householdId=h-a1-101&${A}`, '#household-page', 'household'],
      [`${BT}/cases/index?${A}`, '#cases-page', 'cases'],
      [`${BT}/scoreboard/index?${A}`, '#scoreboard-page', 'scoreboard'],
      [`${BT}/requests/index?${A}`, '#requests-page', 'requests']
    ]
    for (const elder of [false, true]) {
      for (const [hash, root, name] of pages) {
        const { context, page } = await phone(browser)
        await primeStorage(page, { token: await devToken(app.url, 'u-butler-zhang'), elder })
        await page.goto(`${app.url}#${hash}`)
        await page.locator(`${root}${elder ? '.is-elder' : ''}`).last().waitFor()
        await settle(page)
        const shotName = `${elder ? '4' : '3'}0-${elder ? 'elder' : 'normal'}-${name}`
        await shot(page, FEATURE, shotName)
        expect({ shotName, overflow: await overflowing(page) }).toEqual({ shotName, overflow: [] })
        await context.close()
      }
    }
  })
})
