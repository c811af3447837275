import type { Browser, Page } from 'playwright-core'
import { type TestApp, startTestApp } from './support/app'
import { devToken } from './support/api'
import { launch, phone, shot } from './support/browser'
import { type Made, type RouteCase, makeRecords, routeCases } from './support/routes'

/**
 * Every registered page opened cold (a new document straight on its link, as a share card, a
 * message or a reload does), in both text modes: it must show its content — no error state, no
 * console error, no failed request, nothing wider than the screen. Pages people reach from links
 * are also opened logged out: they send to sign-in and come back to the same page.
 */
jest.setTimeout(900_000)

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
}

function registeredRoutes(): string[] {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }
  g.defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../../src/app.config') as { default: AppConfig }).default
  return [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

let app: TestApp
let browser: Browser
let made: Made
const tokens = new Map<string, string>()

beforeAll(async () => {
  app = await startTestApp()
  browser = await launch()
  made = await makeRecords(app.url)
})

afterAll(async () => {
  await browser?.close()
  await app?.close()
})

async function token(persona: string): Promise<string> {
  const have = tokens.get(persona)
  if (have) return have
  const t = await devToken(app.url, persona)
  tokens.set(persona, t)
  return t
}

function link(route: string, c: RouteCase): string {
  const q = new URLSearchParams(c.params ?? {}).toString()
  return `${app.url}#/${route}${q ? `?${q}` : ''}`
}

/** Problems a person would notice, gathered while the page is open. */
function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`)
  })
  return problems
}

/** Waits until the page shows something other than the loading state, then reads what it shows. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => (p as HTMLElement).style.display !== 'none')
      const top = pages[pages.length - 1]
      if (!top) return false
      return !top.querySelector('#state-loading, #state-detour') && (top.textContent ?? '').trim().length > 0
    },
    undefined,
    { timeout: 20_000 }
  )
}

/** Elements wider than the screen, or text cut off inside its box. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const vw = document.documentElement.clientWidth
    const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => (p as HTMLElement).style.display !== 'none')
    const top = pages[pages.length - 1]
    if (!top) return out
    for (const el of Array.from(top.querySelectorAll('*')) as HTMLElement[]) {
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('canvas')) continue
      // Inside a box that clips or scrolls sideways (a carousel, a tab strip, a card's decoration),
      // what lies past the edge is meant to: only what pushes the page itself wider counts.
      let boxed = false
      for (let a = el.parentElement; a && a !== top; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') {
          boxed = true
          break
        }
      }
      if (boxed) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      if (r.right > vw + 1 && style.position !== 'fixed') out.push(`wider than the screen: <${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').trim().slice(0, 30)}`)
      else if (ownText && (style.overflow === 'hidden' || style.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis') {
        out.push(`text clipped: <${el.tagName.toLowerCase()} class="${el.className}"> ${(el.textContent ?? '').trim().slice(0, 30)}`)
      }
    }
    return out.slice(0, 5)
  })
}

const routes = registeredRoutes()
/** For what a route case needs, not its records: which routes exist and which are linked. */
const NO_RECORDS: Made = { paymentId: '', orderId: '', visitorToken: '', invitationToken: '', signupId: '', workerBookingId: '', consoleSignInId: '', staffInviteToken: '', statementId: '' }

it('has a cold-link case for every registered page', () => {
  const known = Object.keys(routeCases(NO_RECORDS))
  expect(routes.filter((r) => !known.includes(r))).toEqual([])
  expect(known.filter((r) => !routes.includes(r))).toEqual([])
})

for (const mode of ['normal', 'elder'] as const) {
  describe(`every page opens cold (${mode === 'elder' ? '长辈模式' : '标准字号'})`, () => {
    it.each(routes)('%s', async (route) => {
      const c = routeCases(made)[route]!
      const { context, page } = await phone(browser)
      try {
        const tok = c.persona ? await token(c.persona) : null
        await context.addInitScript(
          ({ tok, elder }) => {
            if (tok) localStorage.setItem('linli.devToken', JSON.stringify({ data: tok }))
            localStorage.setItem('linli.elder', JSON.stringify({ data: elder ? 'on' : 'off' }))
          },
          { tok, elder: mode === 'elder' }
        )
        const problems = watch(page)
        await page.goto(link(route, c))
        await settle(page)
        await shot(page, `cold-${mode}`, route.replace(/\//g, '_').replace(/_index$/, ''))
        const shown = await page.evaluate(() => {
          const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => (p as HTMLElement).style.display !== 'none')
          const top = pages[pages.length - 1]
          return { error: top?.querySelector('#state-error')?.textContent ?? null, hash: location.hash }
        })
        expect({ route, error: shown.error }).toEqual({ route, error: null })
        expect({ route, at: shown.hash.split('?')[0] }).toEqual({ route, at: `#/${route}` })
        expect({ route, problems }).toEqual({ route, problems: [] })
        expect({ route, overflow: await overflow(page) }).toEqual({ route, overflow: [] })
      } finally {
        await context.close()
      }
    })
  })
}

describe('pages reached from links open logged out: sign in, then back to the same page', () => {
  const linked = routes.filter((r) => routeCases(NO_RECORDS)[r]!.linked)
  it.each(linked)('%s', async (route) => {
    const c = routeCases(made)[route]!
    const { context, page } = await phone(browser)
    try {
      await page.goto(link(route, c))
      if (c.persona) {
        await page.locator(`#persona-${c.persona}`).click()
        await page.waitForFunction((r) => location.hash.startsWith(`#/${r}`), route, { timeout: 20_000 })
      }
      await settle(page)
      const error = await page.evaluate(() => {
        const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => (p as HTMLElement).style.display !== 'none')
        return pages[pages.length - 1]?.querySelector('#state-error')?.textContent ?? null
      })
      expect({ route, error }).toEqual({ route, error: null })
      await shot(page, 'cold-after-login', route.replace(/\//g, '_').replace(/_index$/, ''))
    } finally {
      await context.close()
    }
  })
})
