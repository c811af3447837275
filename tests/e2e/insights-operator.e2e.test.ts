import { readFileSync } from 'node:fs'
import type { Browser, Locator, Page } from 'playwright-core'
import { COMMUNITY_A } from '../../scripts/seed/demo-ids'
import { localMains } from '../../scripts/server/local-runtime'
import { devToken } from './support/api'
import { type TestApp, startTestApp } from './support/app'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { overflowing, primeStorage, settle } from './support/probe'

jest.setTimeout(240_000)

const FEATURE = 'insights-operator'

/** The text input inside a form control with this id (NutUI puts the id on the input or its wrapper). */
function field(page: Page, id: string): Locator {
  return page.locator(`#${id}`).locator('xpath=descendant-or-self::input').first()
}

async function open(page: Page, app: TestApp, hash: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${app.url}#${hash}`)
}

/**
 * What a chart canvas holds, read back from its pixels: the share of painted pixels, and how many
 * are close to each of the given colours. A blank (or never drawn) canvas has 0 of everything.
 */
async function ink(page: Page, id: string, colors: Record<string, [number, number, number]>): Promise<{ painted: number; width: number; byColor: Record<string, number> }> {
  await page.locator(`#${id}[data-drawn]`).waitFor()
  // The renderer paints on the next animation frame after F2's render resolved.
  await page.waitForTimeout(300)
  return page.evaluate(
    ({ id, colors }) => {
      const canvas = document.getElementById(id) as HTMLCanvasElement | null
      const ctx = canvas?.getContext('2d')
      if (!canvas || !ctx) return { painted: -1, width: 0, byColor: {} }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      let painted = 0
      const byColor: Record<string, number> = Object.fromEntries(Object.keys(colors).map((k) => [k, 0]))
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) < 8) continue
        painted++
        for (const [name, [r, g, b]] of Object.entries(colors)) {
          if (Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) < 60) byColor[name] = (byColor[name] ?? 0) + 1
        }
      }
      return { painted: painted / (canvas.width * canvas.height), width: canvas.width, byColor }
    },
    { id, colors }
  )
}

/**
 * Taro's H5 picker: a tap on a row of a column (no drag) selects it; `rowsBelow` counts rows
 * under the current one. Only the open picker's columns are visible.
 */
async function pickRow(page: Page, column: number, rowsBelow: number): Promise<void> {
  await page.locator('.weui-picker__group:visible').first().waitFor()
  await page.waitForTimeout(500) // the sheet slides up: measure it where it stops
  const box = await page.locator('.weui-picker__group:visible').nth(column).boundingBox()
  if (!box) throw new Error('no open picker')
  const row = 34
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + rowsBelow * row)
  await page.waitForTimeout(300)
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).textContent()) ?? '').trim()
}

/**
 * The operator side of insights in headless Chromium against the real local server, whose start
 * ran the nightly pass over the seeded sales history: 吴运营 reads the dashboard (figures, F2
 * charts drawn on canvas), switches range and scope, exports the CSV, edits a segment rule, looks
 * at a need segment and targets it with coupons, reads the churn cases, and replicates the
 * community and switches to the copy.
 */
describe('operator insights end to end', () => {
  let app: TestApp
  let browser: Browser

  beforeAll(async () => {
    app = await startTestApp()
    browser = await launch()
    // Invitation traffic for the funnel, through the real actions: 张管家 shares this week's
    // session and three residents open the card. The share is dated two days back, so the
    // preset ranges (which end yesterday) include it.
    const mains = localMains(app.ports)
    let n = 0
    const call = async <T>(action: string, input: object, userId: string): Promise<T> => {
      const res = (await mains.event!({ action, input, communityId: COMMUNITY_A }, { request_id: `e2e-insights-${++n}`, identity: { openid: `dev-${userId}`, source: 'dev' } })) as {
        ok: boolean
        data: T
        error?: { message: string }
      }
      if (!res.ok) throw new Error(`event.${action}: ${res.error?.message ?? ''}`)
      return res.data
    }
    const { events } = await call<{ events: { id: string }[] }>('list', { when: 'upcoming' }, 'u-wang')
    const eventId = events[0]!.id
    const { token } = await call<{ token: string }>('shareInvite', { eventId }, 'u-butler-zhang')
    for (const userId of ['u-wang', 'u-li', 'u-zhao']) await call('recordVisit', { token }, userId)
    const inviteId = `${eventId}:u-butler-zhang`
    expect((await app.ports.store.get('eventInvites', inviteId))?.visits).toBe(3)
    await app.ports.store.update('eventInvites', inviteId, { set: { createdAt: Date.now() - 2 * 86_400_000 } })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('dashboard: figures, charts, ranges, scope, CSV export', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-operator-wu')
    // 经营看板 is the operator's first tile.
    expect(await page.locator('#home-operator .tile').first().getAttribute('id')).toBe('tile-insights')
    await shot(page, FEATURE, '00-home')
    await page.locator('#tile-insights').click()
    await page.locator('#ia-figures').waitFor()
    await page.locator('#computed-at', { hasText: '数据更新于' }).waitFor()

    // 近30天 is the default: the seeded history gives orders, GMV and a stored repurchase rate.
    expect(await text(page, '#range-label')).toContain('截至昨天')
    const orders30 = Number(await text(page, '#fig-orders-value'))
    expect(orders30).toBeGreaterThan(10)
    expect(await text(page, '#fig-gmv-value')).toMatch(/^¥[\d,]+(\.\d\d)?$/)
    expect(await text(page, '#fig-repurchase')).toContain('回购率（近30天）')
    expect(await text(page, '#fig-repurchase-value')).toMatch(/^\d+\.\d%$/)
    expect(await text(page, '#fig-orders-delta')).toMatch(/[↑↓→]/)
    // Parking money beside the orders, in yuan, with its count.
    expect(await text(page, '#fig-parking-stays-value')).toMatch(/^¥[\d,]+(\.\d\d)?$/)
    expect(await text(page, '#fig-parking-cards')).toMatch(/月卡收入[\s\S]*张月卡/)

    const daily = await ink(page, 'chart-daily', { gmv: [0x10, 0x86, 0x6a], orders: [0xf0, 0x8a, 0x24] })
    expect(daily.width).toBeGreaterThan(600) // drawn at devicePixelRatio 2
    expect(daily.painted).toBeGreaterThan(0.01)
    expect(daily.byColor.gmv).toBeGreaterThan(200)
    expect(daily.byColor.orders).toBeGreaterThan(200)
    const lines = await ink(page, 'chart-lines', { bar: [0x3e, 0x7b, 0xfa] })
    expect(lines.byColor.bar).toBeGreaterThan(500)
    // The funnel: the three visits fill its first band (a stage with nothing draws no band).
    expect(Number(await text(page, '#funnel-visits'))).toBeGreaterThanOrEqual(3)
    const funnel = await ink(page, 'chart-funnel', { first: [0x5f, 0xb8, 0x9c], second: [0x9f, 0xd6, 0xc3], third: [0xd3, 0xee, 0xe4] })
    expect((funnel.byColor.first ?? 0) + (funnel.byColor.second ?? 0) + (funnel.byColor.third ?? 0)).toBeGreaterThan(1000)
    await shot(page, FEATURE, '01-dashboard-30d')
    // The page scrolls inside Taro's page container, so each part is brought into view for its picture.
    await page.locator('#ia-lines').scrollIntoViewIfNeeded()
    await shot(page, FEATURE, '01b-dashboard-charts')
    await page.locator('#ia-workers').scrollIntoViewIfNeeded()
    await shot(page, FEATURE, '01c-dashboard-funnel-people')

    // 近7天: fewer orders, its own stored repurchase window, the charts redrawn.
    const drawn = await page.locator('#chart-daily').getAttribute('data-drawn')
    await page.locator('#range-7d').click()
    await page.locator('#fig-repurchase', { hasText: '回购率（近7天）' }).waitFor()
    await page.waitForFunction((v) => document.getElementById('chart-daily')?.getAttribute('data-drawn') !== v, drawn)
    const orders7 = Number(await text(page, '#fig-orders-value'))
    expect(orders7).toBeGreaterThan(0)
    expect(orders7).toBeLessThan(orders30)
    expect((await ink(page, 'chart-daily', { gmv: [0x10, 0x86, 0x6a] })).byColor.gmv).toBeGreaterThan(100)
    await shot(page, FEATURE, '02-dashboard-7d')

    await page.locator('#range-365d').click()
    await page.locator('#fig-repurchase', { hasText: '回购率（近一年）' }).waitFor()
    expect(Number(await text(page, '#fig-orders-value'))).toBeGreaterThan(orders30)

    // A calendar month (the one before the running month): its own stored repurchase window.
    await page.locator('#range-month').click()
    await pickRow(page, 0, 1)
    await page.locator('#fig-repurchase', { hasText: /回购率（\d{4}年\d{1,2}月）/ }).waitFor()
    expect(await text(page, '#range-label')).toMatch(/^\d{1,2}月1日 – \d{1,2}月(28|29|30|31)日$/)
    // A custom range that is no stored window: no repurchase rate, and the hint says which have one.
    await page.locator('#range-custom').click()
    await page.locator('#custom-from').click()
    await pickRow(page, 2, 3)
    await page.locator('#fig-repurchase .ia-hint').waitFor()
    expect(await text(page, '#fig-repurchase-value')).toBe('—')
    expect(await text(page, '#fig-repurchase')).toContain('近一年')
    await shot(page, FEATURE, '02b-dashboard-custom')

    // Across communities: both communities 吴运营 runs, side by side.
    await page.locator('#scope-all').click()
    await page.locator('#ia-communities').waitFor()
    expect(await page.locator('#ia-communities .ia-community').count()).toBe(2)
    expect(await text(page, '#ia-communities')).toContain('临苑社区')
    await shot(page, FEATURE, '03-dashboard-all')
    await page.locator('#ia-communities').scrollIntoViewIfNeeded()
    await shot(page, FEATURE, '03b-dashboard-all-communities')

    // The CSV of the range on screen: UTF-8 with a BOM, then the header.
    await page.locator('#scope-community').click()
    await page.locator('#range-30d').click()
    await page.locator('#fig-repurchase', { hasText: '回购率（近30天）' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()])
    expect(download.suggestedFilename()).toMatch(/^linli-insights-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
    const file = await download.path()
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = bytes.subarray(3).toString('utf8')
    expect(csv.split('\r\n')[0]).toBe('社区,日期,订单数,GMV(元),客单价(元),下单户数,邀请带来订单,服务评分,活动评分,临停笔数,临停收入(元),月卡张数,月卡收入(元)')
    expect(csv.trim().split('\r\n')).toHaveLength(31)
    await context.close()
  })

  it('rules, segments with coupons to a need, churn cases', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#tile-insights-rules').click()
    await page.locator('#rule-0').waitFor()
    await shot(page, FEATURE, '10-rules')

    // A threshold under 10 is explained under the field before anything is sent.
    await field(page, 'churn-threshold').fill('5')
    await page.locator('#rules-save').click()
    await page.locator('#churn-settings .kit-field__error', { hasText: '请填写 10-100 之间的整数' }).waitFor()
    await field(page, 'churn-threshold').fill('45')
    // Two rules with the same description: the server refuses, and says which one.
    await field(page, 'rule-1-label').fill('常用券或积分下单')
    await page.locator('#rules-save').click()
    await page.locator('#rule-1 .kit-field__error', { hasText: '与另一条规则重复' }).waitFor()
    await page.locator('#rule-1').scrollIntoViewIfNeeded()
    await shot(page, FEATURE, '11-rules-error')
    expect((await app.ports.store.get('insightRules', COMMUNITY_A)) ?? null).toBeNull()

    await field(page, 'rule-1-label').fill('常约保洁家政等到家服务')
    await field(page, 'rule-0-label').fill('常用券积分的精打细算户')
    await field(page, 'rule-0-cond-0-value').fill('3')
    await page.locator('#rules-save').click()
    await page.locator('#rules-updated', { hasText: '更新于' }).waitFor()
    const saved = await app.ports.store.get('insightRules', COMMUNITY_A)
    expect(saved?.churn.threshold).toBe(45)
    expect(saved?.segments[0]).toMatchObject({ need: 'save_money', label: '常用券积分的精打细算户' })
    expect(saved?.segments[0]?.all[0]).toMatchObject({ metric: 'orders180', op: 'gte', value: 3 })

    // Segments: sizes per need, the households of one need with the reason.
    await open(page, app, '/packages/insights-admin/pages/segment/index')
    await page.locator('#segment-households').waitFor()
    const sizes = await page.locator('.ia-need__count').allTextContents()
    expect(sizes).toHaveLength(5)
    await page.locator('#need-save_effort').click()
    await page.locator('#segment-need', { hasText: '省力' }).waitFor()
    const count = Number((await text(page, '#segment-count')).replace(/\D/g, ''))
    expect(count).toBeGreaterThan(0)
    expect(await page.locator('#segment-households [id^="seg-h-"]').count()).toBe(Math.min(count, 200))
    expect(await text(page, '#segment-households [id^="seg-h-"] >> nth=0')).toContain('到家服务')
    await shot(page, FEATURE, '12-segment')

    // 向该人群发券: pick a template, land on the issue page with this need chosen and counted.
    await page.locator('#segment-issue').click()
    await page.locator('#segment-coupons [id^="segment-coupon-"]').first().click()
    await page.locator('#issue-page').waitFor()
    await page.locator('#seg-need-save_effort.choices__item--on').waitFor()
    await page.locator('#issue-count', { hasText: '位住户' }).waitFor()
    const recipients = Number((await text(page, '#issue-count')).match(/共 (\d+) 位住户/)?.[1])
    expect(recipients).toBeGreaterThan(0)
    await shot(page, FEATURE, '13-issue-to-need')

    // Churn cases of the community, with outcomes and reasons.
    await open(page, app, '/packages/insights-admin/pages/churn/index')
    await page.locator('#ia-cases').waitFor()
    await page.locator('#ia-cases .ia-case').first().waitFor()
    expect(await page.locator('#ia-cases .ia-reason').count()).toBeGreaterThan(0)
    await page.locator('#status-open').click()
    await page.locator('#status-open.kit-seg__item--on').waitFor()
    await shot(page, FEATURE, '14-churn')
    await context.close()
  })

  it('every operator page in both text modes: nothing is cut off, 长辈模式 grows', async () => {
    const A = `communityId=${COMMUNITY_A}`
    const IA = '/packages/insights-admin/pages'
    const pages: [string, string, string][] = [
      [`${IA}/dashboard/index?${A}`, '#ia-figures', 'dashboard'],
      [`${IA}/churn/index?${A}`, '#ia-churn', 'churn'],
      [`${IA}/segment/index?need=save_effort&${A}`, '#segment-households', 'segment'],
      [`${IA}/rules/index?${A}`, '#ia-rules', 'rules'],
      [`${IA}/replicate/index?${A}`, '#ia-replicate', 'replicate']
    ]
    for (const elder of [false, true]) {
      for (const [hash, root, name] of pages) {
        const { context, page } = await phone(browser)
        await primeStorage(page, { token: await devToken(app.url, 'u-operator-wu'), elder })
        await page.goto(`${app.url}#${hash}`)
        await page.locator(root).last().waitFor()
        if (elder) await page.locator('.page.is-elder').last().waitFor()
        await settle(page)
        const shotName = `${elder ? '4' : '3'}0-${elder ? 'elder' : 'normal'}-${name}`
        await shot(page, FEATURE, shotName)
        expect({ shotName, overflow: await overflowing(page) }).toEqual({ shotName, overflow: [] })
        await context.close()
      }
    }
  })

  it('replicates the community and switches to the copy', async () => {
    const { context, page } = await phone(browser)
    await loginAs(page, app.url, 'u-operator-wu')
    await page.locator('#tile-replicate').click()
    await page.locator('#replicate-submit').waitFor()
    await page.locator('#replicate-submit').click()
    await page.locator('#ia-replicate .kit-field__error').first().waitFor()
    await field(page, 'replicate-name').fill('和美花园')
    await field(page, 'replicate-city').fill('杭州')
    await field(page, 'replicate-address').fill('西湖区文三路 88 号')
    await shot(page, FEATURE, '20-replicate-form')
    await page.locator('#replicate-submit').click()
    await page.locator('#replicate-done').waitFor()
    expect(Number(await text(page, '#copied-serviceLines-n'))).toBeGreaterThan(0)
    await shot(page, FEATURE, '21-replicate-done')

    const [created] = await app.ports.store.find('communities', { where: { name: '和美花园' }, limit: 2 })
    expect(created).toMatchObject({ city: '杭州' })
    const roles = await app.ports.store.find('staffRoles', { where: { communityId: created!._id, userId: 'u-operator-wu' }, limit: 5 })
    expect(roles.map((r) => r.role)).toEqual(['operator'])

    await page.locator('#replicate-switch').click()
    await page.locator('#home-hero', { hasText: '和美花园' }).waitFor()
    await page.locator('#home-operator').waitFor()
    await shot(page, FEATURE, '22-switched')
    await context.close()
  })
})
