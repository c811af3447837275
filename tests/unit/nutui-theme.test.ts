import { readFileSync } from 'node:fs'
import path from 'node:path'
import nutuiTheme from '../../config/nutui-theme.cjs'

const NUTUI = path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist')
const THEME = path.join(NUTUI, 'styles/themes/default.css')
const names = (s: string) => new Set([...s.matchAll(/(--nutui-[a-z0-9-]+)\s*:/g)].map((m) => m[1]))

describe("NutUI's theme, trimmed for the main package", () => {
  const css = readFileSync(THEME, 'utf8')

  it('drops both JDZH fonts and keeps every theme variable', () => {
    const out = nutuiTheme.stripThemeFonts(css)
    expect(out).not.toContain('JDZH')
    expect(out).not.toContain('@font-face')
    expect(names(out).size).toBe(names(css).size)
    expect(names(out).size).toBeGreaterThan(100)
    expect(css.length - out.length).toBeGreaterThan(15_000)
  })

  it('fails the build when the theme no longer embeds them, so an upgrade is looked at', () => {
    expect(() => nutuiTheme.stripThemeFonts(':root{--nutui-color-primary:#fa2c19}')).toThrow('no longer embeds the JDZH fonts')
  })

  it('keeps exactly the variables something reads, and those the kept ones read', () => {
    const out = nutuiTheme.dropUnreadVariables(':root,page{--a:1px;--b:var(--c);--c:red;--d:blue;--e:var(--d)}', new Set(['--b']))
    expect(out).toBe(':root,page{--b:var(--c);--c:red}')
  })

  it('keeps every variable a NutUI stylesheet or script reads, and drops most of the rest', () => {
    const out = nutuiTheme.trimTheme(css)
    const kept = names(out)
    const everything = readFileSync(path.join(NUTUI, 'style.css'), 'utf8')
    for (const m of everything.matchAll(/var\((--nutui-[a-z0-9-]+)/g)) {
      const name = m[1] as string
      if (names(css).has(name)) expect([name, kept.has(name)]).toEqual([name, true])
    }
    // The brand colour is read from NutUI's scripts, not its styles.
    expect(kept.has('--nutui-brand-6')).toBe(true)
    expect(kept.size).toBeLessThan(names(css).size / 2)
    expect(out).toMatch(/^:root,page\{--nutui-/)
  })

  it('matches the theme file only', () => {
    expect(nutuiTheme.THEME_FILE.test(THEME)).toBe(true)
    expect(nutuiTheme.THEME_FILE.test(path.join(NUTUI, 'style.css'))).toBe(false)
  })
})
