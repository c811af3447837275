import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core'

/** Debian's chromium, never a downloaded one; flags keep it off this machine's closed network. */
export const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium'

export const SHOTS_DIR = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots')

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium fonts-noto-cjk\` (npm test does this when it can)`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

/** An iPhone-sized page, as residents see the app. */
export async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai'
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  return { context, page }
}

/** An office PC's browser window at 1440x900, as the console is used; `errors` gathers what the page logs as errors. */
export async function desk(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

export async function shot(page: Page, feature: string, name: string): Promise<string> {
  const dir = path.join(SHOTS_DIR, feature)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  // Let fonts and transitions settle so the picture shows what a person sees.
  await page.waitForTimeout(300)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Waits until Taro's H5 toast has faded out (it ends with display: none), so a screenshot shows the page under it. */
export async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => t.style.display === 'none'))
}
