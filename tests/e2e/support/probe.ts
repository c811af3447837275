import type { Page } from 'playwright-core'

/**
 * What a person would notice on an H5 page, read the same way by the e2e tests and the `pages`
 * benchmark: problems while it loads, when it has settled, what it shows, and text that does not
 * fit. "The page on screen" is the last `.taro_page` that is displayed (the router keeps earlier
 * pages in the document, hidden).
 */

/** Console errors, uncaught errors, failed requests and HTTP errors, gathered while the page is open. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 300)}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message.slice(0, 300)}`))
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`))
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`)
  })
  return problems
}

/** Waits until the page on screen shows something other than the loading or redirecting state. */
export async function settle(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
      const top = shown[shown.length - 1]
      if (!top) return false
      return !top.querySelector('#state-loading, #state-detour') && (top.textContent ?? '').trim().length > 0
    },
    undefined,
    { timeout, polling: 'raf' }
  )
}

export interface Shown {
  /** The hash route the browser shows, without its query. */
  route: string
  /** The page's error state text, if it shows one. */
  error: string | null
}

export async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    const top = pages[pages.length - 1]
    return { route: location.hash.replace(/^#/, '').split('?')[0] ?? '', error: top?.querySelector('#state-error')?.textContent ?? null }
  })
}

export interface Overflow {
  kind: 'outside-viewport' | 'text-overflow'
  /** Tag and classes of the element. */
  element: string
  text: string
}

/**
 * Elements of the page on screen whose text does not fit: a text-bearing element whose content is
 * wider than its box (scrollWidth > clientWidth: spilling out, or clipped when overflow hides it),
 * and any text-bearing element reaching past the sides of the viewport. Ellipsis on purpose is still reported:
 * a cut-off word is a word not read.
 */
export async function overflowing(page: Page, limit = 10): Promise<Overflow[]> {
  // No helper functions inside: the callback is sent to the browser as text, and tsx (the bench's
  // runner) wraps named inner functions in a helper the page does not have.
  return page.evaluate((max) => {
    const out: { kind: 'outside-viewport' | 'text-overflow'; element: string; text: string }[] = []
    const vw = document.documentElement.clientWidth
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => getComputedStyle(p).display !== 'none')
    const top = pages[pages.length - 1]
    if (!top) return out
    for (const el of Array.from(top.querySelectorAll<HTMLElement>('*'))) {
      if (out.length >= max) break
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('canvas, svg, .no-overflow-check')) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      const text = (el.textContent ?? '').trim().slice(0, 40)
      const element = `<${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? ` class="${el.className}"` : ''}>`
      // Fixed layers (toasts, sheets) and horizontally scrolling strips are meant to reach the edges.
      let scrollsAcross = false
      for (let p = el.parentElement; p && p !== top; p = p.parentElement) {
        const s = getComputedStyle(p)
        if (s.overflowX === 'auto' || s.overflowX === 'scroll') scrollsAcross = true
      }
      // Decoration (a ring, a glow) may bleed off the edge; words may not.
      if (ownText && (r.right > vw + 1 || r.left < -1) && style.position !== 'fixed' && !scrollsAcross) {
        out.push({ kind: 'outside-viewport', element, text })
      } else if (ownText && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        out.push({ kind: 'text-overflow', element, text })
      }
    }
    return out
  }, limit)
}

/** Sets what a returning person's browser holds before the app starts: their session and text mode. */
export async function primeStorage(page: Page, o: { token: string | null; elder: boolean }): Promise<void> {
  // Taro's H5 storage keeps each value as JSON `{ data }` under its key.
  await page.context().addInitScript(
    ({ token, elder }) => {
      if (token) localStorage.setItem('linli.devToken', JSON.stringify({ data: token }))
      localStorage.setItem('linli.elder', JSON.stringify({ data: elder ? 'on' : 'off' }))
    },
    { token: o.token, elder: o.elder }
  )
}
