/**
 * 今日任务 as it ships to WeChat: the COMPILED butler tasks page (dist/) rendered by
 * miniprogram-simulate, `wx.cloud` answered by the real `insights` function over an in-memory
 * store seeded with the demo community (five months of sales history) and brought up to date by
 * the nightly pass. 张管家 logs a follow-up of an at-risk household and the task's progress,
 * computed from the logged follow-up, goes up.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { type Harness, as, makeHarness } from '../support/harness'
import { type OpenedPage, byId, connectHarness, launchApp, missingTemplates, openUrl, tap, textOf, typeInto, waitFor, waitForText } from './support/simulate'

let h: Harness
const open: OpenedPage[] = []

beforeAll(async () => {
  h = await makeHarness()
  await runNightly(h.ports)
  connectHarness(h, as('u-butler-zhang'))
  launchApp()
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

describe('butler tasks page on the compiled weapp build', () => {
  test('张管家 follows up an at-risk household from 今日任务 and the task progress goes up', async () => {
    const page = openUrl('/packages/butler/pages/tasks/index')
    open.push(page)
    await waitForText(page, '跟进流失预警住户')
    await waitForText(page, '整体完成度')
    const before = await waitFor(() => /(\d+)\/(\d+)/.exec(textOf(byId(page, 'task-follow_risk-progress') ?? page)), 'the follow-up task progress')
    const [done0, target] = [Number(before[1]), Number(before[2])]
    expect(done0).toBe(0)
    expect(target).toBeGreaterThan(0)

    // The first household on the list (the highest churn score).
    const text = textOf(page)
    const hh = /1栋 \d{3}/.exec(text.slice(text.indexOf('跟进流失预警住户')))?.[0]
    expect(hh).toBeDefined()
    const householdId = `h-a1-${hh!.slice(3)}`
    await tap(page, `follow-${householdId}`)
    await tap(page, `follow-${householdId}-channel-wechat`)
    await typeInto(page, `follow-${householdId}-note`, '微信联系，住户说最近在外地，月底回来')
    await tap(page, `follow-${householdId}-submit`)

    await waitFor(() => byId(page, `done-follow_risk-${householdId}`), 'the household marked 已跟进')
    await waitFor(
      () => {
        const t = textOf(byId(page, 'task-follow_risk-progress') ?? page)
        return t.includes(`${done0 + 1}/${target}`) || (done0 + 1 === target && t.includes('已完成'))
      },
      () => `progress ${done0 + 1}/${target}, shown: ${textOf(byId(page, 'task-follow_risk-progress') ?? page)}`
    )
    const logs = await h.store.find('followLogs', { where: { householdId }, limit: 10 })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ butlerUserId: 'u-butler-zhang', channel: 'wechat', note: '微信联系，住户说最近在外地，月底回来' })
    // Every element the page used has a template in the compiled base.wxml.
    expect(missingTemplates()).toEqual([])
  })
})
