import { readFileSync } from 'node:fs'
import path from 'node:path'
import themeFonts from '../../config/nutui-theme-fonts.cjs'

const THEME = path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/styles/themes/default.css')

describe("NutUI's theme without its embedded number fonts", () => {
  const css = readFileSync(THEME, 'utf8')

  it('drops both JDZH fonts and keeps every theme variable', () => {
    const out = themeFonts.stripThemeFonts(css)
    expect(out).not.toContain('JDZH')
    expect(out).not.toContain('@font-face')
    const vars = (s: string) => (s.match(/--nutui-[a-z0-9-]+:/g) ?? []).length
    expect(vars(out)).toBe(vars(css))
    expect(vars(out)).toBeGreaterThan(100)
    expect(css.length - out.length).toBeGreaterThan(15_000)
  })

  it('fails the build when the theme no longer embeds them, so an upgrade is looked at', () => {
    expect(() => themeFonts.stripThemeFonts(':root{--nutui-color-primary:#fa2c19}')).toThrow('no longer embeds the JDZH fonts')
  })

  it('matches the theme file only', () => {
    expect(themeFonts.THEME_FILE.test(THEME)).toBe(true)
    expect(themeFonts.THEME_FILE.test(path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/style.css'))).toBe(false)
  })
})
