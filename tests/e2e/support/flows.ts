import type { Page } from 'playwright-core'

/**
 * Signs in as a demo persona from a freshly loaded login page. Taro's H5 router keeps earlier
 * pages in the document, so each login starts from a new document, not a hash change.
 */
export async function loginAs(page: Page, baseUrl: string, personaId: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${baseUrl}#/pages/login/index?switch=1`)
  await page.locator(`#persona-${personaId}`).click()
  await page.locator('#home').waitFor()
}

export async function openTab(page: Page, name: '首页' | '消息' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: name }).click()
}
