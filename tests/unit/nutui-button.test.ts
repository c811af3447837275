import { readFileSync } from 'node:fs'
import path from 'node:path'
import nutuiButton from '../../config/nutui-button.cjs'
import { BUTTON_VARIANTS } from '../../src/ui/button-variants'

const STYLESHEET = path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/es/packages/button/style/style.css')
const selectors = (css: string) => [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.replace(/\/\*[^*]*\*\//g, '').trim()))

describe("NutUI's button stylesheet, without the variants we never draw", () => {
  const css = readFileSync(STYLESHEET, 'utf8')
  const out = nutuiButton.dropUnusedVariants(css)

  it('keeps the variants the Button lets a page ask for, and only those', () => {
    expect(nutuiButton.KEPT).toEqual(BUTTON_VARIANTS)
  })

  it('drops every rule for another type, size or fill', () => {
    for (const word of ['info', 'success', 'warning', 'xlarge', 'large', 'mini', 'dashed']) {
      expect([word, selectors(out).filter((s) => new RegExp(`\\.nut-button-([a-z]+-)*${word}\\b`).test(s))]).toEqual([word, []])
    }
    expect(css.length - out.length).toBeGreaterThan(4000)
  })

  it('leaves the kept variants’ rules as they were', () => {
    const kept = (s: string) => !/\.nut-button-([a-z]+-)*(info|success|warning|xlarge|large|mini|dashed)\b/.test(s)
    expect(selectors(out)).toEqual(selectors(css).filter(kept))
    for (const cls of ['.nut-button-primary', '.nut-button-danger', '.nut-button-small', '.nut-button-outline', '.nut-button-none', '.nut-button-disabled']) {
      expect([cls, selectors(out).some((s) => s.startsWith(cls))]).toEqual([cls, true])
    }
  })

  it('fails the build when NutUI’s stylesheet no longer has such rules, so an upgrade is looked at', () => {
    expect(() => nutuiButton.dropUnusedVariants('.nut-button{color:red}')).toThrow('review config/nutui-button.cjs')
  })

  it('matches the button stylesheet only', () => {
    expect(nutuiButton.BUTTON_FILE.test(STYLESHEET)).toBe(true)
    expect(nutuiButton.BUTTON_FILE.test(STYLESHEET.replace('button', 'cell'))).toBe(false)
  })
})
