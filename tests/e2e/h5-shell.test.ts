import type { Browser, Page } from 'playwright-core'
import { type TestApp, startTestApp } from './support/app'
import { devToken } from './support/api'
import { launch, phone, shot } from './support/browser'
import { loginAs } from './support/flows'
import { primeStorage } from './support/probe'

/**
 * The H5 shell around every page: Taro's navigation bar (title, back, or home on a page opened
 * from a link; none on tab pages) and the page stack when someone goes back quickly.
 */
jest.setTimeout(300_000)

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

/** What the bar shows: its title, and which button (Taro marks it with a class on the bar). */
async function bar(page: Page): Promise<{ visible: boolean; title: string; button: 'back' | 'home' | 'none' }> {
  return page.evaluate(() => {
    const el = document.getElementById('taro-navigation-bar')
    if (!el) return { visible: false, title: '', button: 'none' as const }
    const button = el.classList.contains('taro-navigation-bar-back-icon') ? 'back' : el.classList.contains('taro-navigation-bar-home-icon') ? 'home' : 'none'
    return {
      visible: getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0,
      title: el.querySelector('.taro-navigation-bar-title')?.textContent ?? '',
      button: button as 'back' | 'home' | 'none'
    }
  })
}

/** The home is on screen: its page is displayed, nothing is displayed over it, the address is its own. */
async function homeOnScreen(page: Page): Promise<{ hash: string; homeShown: boolean; shownPages: string[] }> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none' && p.classList.contains('taro_page_show'))
    const home = document.getElementById('home')
    const r = home?.getBoundingClientRect()
    return {
      hash: location.hash.split('?')[0] ?? '',
      homeShown: !!r && r.width > 0 && r.height > 0 && !!home?.closest('.taro_page') && getComputedStyle(home.closest('.taro_page') as HTMLElement).display !== 'none',
      shownPages: shown.map((p) => p.id.split('?')[0] ?? '')
    }
  })
}

describe('navigation bar (H5)', () => {
  it('shows the title on every page, back after a tap, and no button on tab pages', async () => {
    const { context, page } = await phone(browser)
    try {
      await loginAs(page, app.url, 'u-wang')
      await page.locator('#home-resident').waitFor()
      await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '邻里')
      expect(await bar(page)).toEqual({ visible: true, title: '邻里', button: 'none' })

      await page.locator('#tile-fee').click()
      await page.waitForFunction(() => location.hash.startsWith('#/packages/fee/pages/bills/index'))
      await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '物业缴费')
      expect(await bar(page)).toEqual({ visible: true, title: '物业缴费', button: 'back' })
      await shot(page, 'h5-shell', '01-bar-with-back')

      // The bar sits above the page: nothing of the page is drawn under it.
      const overlap = await page.evaluate(() => {
        const b = document.getElementById('taro-navigation-bar')?.getBoundingClientRect()
        const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
        const top = shown[shown.length - 1]?.getBoundingClientRect()
        return b && top ? top.top - b.bottom : null
      })
      expect(overlap).not.toBeNull()
      expect(overlap ?? -1).toBeGreaterThanOrEqual(-1)

      await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
      await page.waitForFunction(() => location.hash.startsWith('#/pages/home/index'))
      await page.locator('#home-resident').waitFor()
      expect((await bar(page)).title).toBe('邻里')
    } finally {
      await context.close()
    }
  })

  it('offers home on a page opened from a link, and it leads to the home tab, not the sign-in', async () => {
    const { context, page } = await phone(browser)
    try {
      await primeStorage(page, { token: await devToken(app.url, 'u-wang'), elder: false })
      await page.goto(`${app.url}#/packages/access/pages/pass/index?communityId=c-linyuan&householdId=h-a1-101`)
      await page.waitForFunction(() => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent === '通行码')
      expect(await bar(page)).toEqual({ visible: true, title: '通行码', button: 'home' })
      await shot(page, 'h5-shell', '02-bar-with-home')
      await page.locator('#taro-navigation-bar .taro-navigation-bar-home').click()
      await page.waitForFunction(() => location.hash.startsWith('#/pages/home/index'))
      await page.locator('#home').waitFor()
      expect(await bar(page)).toMatchObject({ title: '邻里', button: 'none' })
    } finally {
      await context.close()
    }
  })
})

describe('going back right after tapping a tile (H5 page stack)', () => {
  // Before the router fix: back before the tile's page loaded left that page on screen under the
  // home's address; back within 350 ms of it showing left the home hidden (display: none).
  it.each([0, 30, 60, 100, 150, 200, 300])('the home is on screen after a back %i ms after the tap', async (delay) => {
    const { context, page } = await phone(browser)
    try {
      await loginAs(page, app.url, 'u-wang')
      await page.locator('#tile-fee').waitFor()
      // Both before the tap and after, the home is alone on screen.
      await page.locator('#tile-fee').click()
      if (delay > 0) await page.waitForTimeout(delay)
      await page.evaluate(() => history.back())
      // Past every timer of the router's transitions (300 ms animation + 50 ms delay) and a page load.
      await page.waitForTimeout(2_500)
      const state = await homeOnScreen(page)
      if (!state.homeShown) await shot(page, 'h5-shell', `race-${delay}ms`)
      expect(state).toEqual({ hash: '#/pages/home/index', homeShown: true, shownPages: ['/pages/home/index'] })
      // And the app still works: the tile opens its page.
      await page.locator('#tile-fee').click()
      await page.waitForFunction(() => location.hash.startsWith('#/packages/fee/pages/bills/index'))
    } finally {
      await context.close()
    }
  })
})
