/**
 * The UI kit as it ships to WeChat: 我的 on the COMPILED weapp build (dist/, rendered by
 * miniprogram-simulate with WeChat's WXML compiler). Icons must be drawn with an element WeChat
 * has a template for (NutUI's default <i> has none and draws nothing) and carry their drawing
 * (NutUI's as an inline SVG mask, the kit's own from a stylesheet class); the 长辈模式 switch
 * must put the page into large-text mode at once.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type Harness, as, makeHarness } from '../support/harness'
import { DIST, type OpenedPage, byId, connectHarness, launchApp, missingTemplates, openUrl, records, storage, tap, waitFor, waitForText } from './support/simulate'

jest.setTimeout(60_000)

let h: Harness
const open: OpenedPage[] = []

beforeAll(async () => {
  h = await makeHarness()
  connectHarness(h, as('u-wang'))
  launchApp()
  // Signed in before 我的 opens: the pages here are about the kit, not about a cold start.
  open.push(openUrl('/pages/home/index'))
  await waitFor(() => records.cloudCalls.some((c) => c.name === 'user' && (c.result as { ok?: boolean }).ok === true), 'the sign-in')
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

/** The element of `id` (as WeChat renders it) and its class list without the page's prefix. */
function rendered(page: OpenedPage, id: string): { el: HTMLElement; classes: (e: Element) => string[] } {
  const el = (byId(page, id) as { dom?: HTMLElement } | undefined)?.dom
  if (!el) throw new Error(`#${id} not rendered`)
  return { el, classes: (e) => Array.from(e.classList).map((c) => c.replace(/^[a-z0-9_]+--/, '')) }
}

describe('UI kit on the compiled weapp build', () => {
  test('icons are drawn from the compiled stylesheet as masks over the text colour, NutUI’s drawings and the kit’s own alike', async () => {
    const page = openUrl('/pages/me/index')
    open.push(page)
    await waitForText(page, '长辈模式')

    const bind = rendered(page, 'me-bind')
    const nut = bind.el.querySelector('[class*="kit-icon--add"]')
    expect(nut).not.toBeNull()
    expect(nut?.tagName.toLowerCase()).toBe('wx-view')
    expect(bind.classes(nut as Element)).toEqual(expect.arrayContaining(['kit-icon', 'kit-icon--m', 'kit-icon--mask', 'kit-icon--add']))

    const join = rendered(page, 'me-join')
    const own = join.el.querySelector('[class*="kit-icon--team"]')
    expect(own).not.toBeNull()
    expect(join.classes(own as Element)).toEqual(expect.arrayContaining(['kit-icon', 'kit-icon--mask', 'kit-icon--team']))
    // The drawings ship in the compiled stylesheet, never as icon components in the scripts.
    const wxss = ['app-origin.wxss', 'common.wxss']
      .map((f) => {
        try {
          return readFileSync(path.join(DIST, f), 'utf8')
        } catch {
          return ''
        }
      })
      .join('\n')
    expect(wxss).toMatch(/\.kit-icon--team\{-webkit-mask-image:url\("data:image\/svg\+xml/)
    expect(wxss).toMatch(/\.kit-icon--add\{-webkit-mask-image:url\("data:image\/svg\+xml(;charset=utf-8)?,%3Csvg xmlns='http:\/\/www\.w3\.org\/2000\/svg' viewBox='0 0 1024 1024'%3E%3Cpath d='M/)
    expect(wxss).toMatch(/\.kit-icon--mask\{[^}]*background-color:currentColor/)
    // Only the two drawings NutUI's own button and popup import stay as icon components.
    const vendors = readFileSync(path.join(DIST, 'vendors.js'), 'utf8')
    expect([...vendors.matchAll(/name\|\|"([A-Za-z0-9]+)"/g)].map((m) => m[1]).sort()).toEqual(['Loading', 'MaskClose'])

    expect(missingTemplates()).toEqual([])
  })

  test('the 长辈模式 switch enlarges the page at once and is remembered', async () => {
    const page = openUrl('/pages/me/index')
    open.push(page)
    await waitForText(page, '长辈模式')
    const root = () => rendered(page, 'me')
    expect(root().classes(root().el)).not.toContain('is-elder')
    await tap(page, 'elder-switch')
    await waitFor(() => root().classes(root().el).includes('is-elder'), 'the page in 长辈模式')
    expect(storage.get('linli.elder')).toBe('on')
    await waitForText(page, '已开启')
    await tap(page, 'elder-switch')
    await waitFor(() => !root().classes(root().el).includes('is-elder'), 'the page back in normal mode')
    expect(storage.get('linli.elder')).toBe('off')
  })
})

describe('tokens in the compiled stylesheet', () => {
  test('custom properties reach WeChat in rpx, normal on .page and larger on .page.is-elder', () => {
    const wxss = readFileSync(path.join(DIST, 'app-origin.wxss'), 'utf8')
    expect(wxss).toMatch(/\.page\{[^}]*--font-m:32rpx/)
    expect(wxss).toMatch(/\.page\.is-elder\{[^}]*--font-m:36rpx/)
    expect(wxss).toMatch(/\.page\.is-elder\{[^}]*--touch-s:88rpx/)
    // Rules read the variables, with the normal value as the fallback, converted too.
    expect(wxss).toMatch(/font-size:var\(--font-m,32rpx\)/)
    // The H5-only tab bar rules stay out of WeChat's stylesheet.
    expect(wxss).not.toContain('weui-tabbar')
    expect(wxss).not.toContain(':has(')
  })
})
