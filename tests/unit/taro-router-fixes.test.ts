import { readFileSync } from 'node:fs'
import routerFixes from '../../config/taro-router-fixes.cjs'

/** The H5 build's mends to @tarojs/router (the back race, the bar's home button and title) and its text fields. */
describe('Taro router fixes', () => {
  const file = (name: string) => require.resolve(`@tarojs/router/dist/router/${name}.js`)
  const patched = (name: string) => routerFixes.patchRouterSource(readFileSync(file(name), 'utf8'), file(name))

  it('applies to exactly the router files it mends', () => {
    for (const name of ['spa', 'page', 'navigation-bar']) expect(routerFixes.ROUTER_FILES.test(file(name))).toBe(true)
    expect(routerFixes.ROUTER_FILES.test(file('stack'))).toBe(false)
    expect(routerFixes.ROUTER_FILES.test('/x/node_modules/@tarojs/router/dist/index.js')).toBe(false)
  })

  it('drops a navigation that a newer one overtook while its page loaded', () => {
    const out = patched('spa')
    const at = out.indexOf('currentLock !== postLock')
    expect(out.indexOf('history.location.key !== location.key', at)).toBeGreaterThan(at)
  })

  it('cancels a pending hide when a page is shown again', () => {
    const out = patched('page')
    const show = out.slice(out.indexOf('    show(page, pageConfig = {}, pageNo = 0) {'))
    expect(show.indexOf('clearTimeout(this.hideTimer)')).toBeLessThan(show.indexOf("pageEl.classList.remove('taro_page_shade')"))
  })

  it('sends the bar home button to the first tab page and writes titles as text', () => {
    const out = patched('navigation-bar')
    expect(out).toContain('tabs[0].pagePath')
    expect(out).toContain('this.titleElement.textContent = proceedTitle')
    expect(out).not.toContain('innerHTML = proceedTitle')
  })

  it('leaves other files alone and fails the build when a mended passage has changed', () => {
    expect(routerFixes.patchRouterSource('const x = 1', '/x/node_modules/@tarojs/router/dist/router/stack.js')).toBe('const x = 1')
    const changed = readFileSync(file('page'), 'utf8').replace("pageEl.classList.remove('taro_page_shade');\n            this.addAnimation(pageEl, pageNo === 0);", '')
    expect(() => routerFixes.patchRouterSource(changed, file('page'))).toThrow(/no longer contains/)
  })

  it('a text field given a value before its first render waits for the render instead of throwing', () => {
    for (const [name, ref] of [
      ['input', 'inputRef'],
      ['textarea', 'textareaRef']
    ] as const) {
      const path = require.resolve(`@tarojs/components/dist/components/taro-${name}-core.js`)
      expect(routerFixes.ROUTER_FILES.test(path)).toBe(true)
      const source = routerFixes.patchRouterSource(readFileSync(path, 'utf8'), path)
      // The component's own watchValue, run on an element before and after its first render.
      const start = source.indexOf('  watchValue(newValue) {')
      const method = source.slice(start, source.indexOf('\n  }\n', start) + 4)
      const make = new Function('fixControlledValue', `return { ${method} }`) as (fix: (v: unknown) => string) => { watchValue(this: Record<string, unknown>, v: string): void }
      const field = { ...make((v) => String(v ?? '')), isComposing: false, handleLineChange: () => undefined, getSelectionSnapshot: () => null } as Record<string, unknown> & { watchValue(v: string): void }
      expect(() => field.watchValue('保洁体验会')).not.toThrow()
      field[ref] = { value: '' }
      field.watchValue('保洁体验会')
      expect(field[ref]).toMatchObject({ value: '保洁体验会' })
    }
  })
})
