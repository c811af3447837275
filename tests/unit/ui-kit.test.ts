/**
 * @jest-environment jsdom
 */
/**
 * The UI kit as a page uses it, rendered with React into jsdom (Taro's components as plain DOM,
 * tests/support/taro-components.tsx): tabs, the stepper's bounds, dates chosen and shown in
 * Asia/Shanghai whatever the machine's zone, photos with their placeholder and thumbnail URL,
 * icons by meaning, the 长辈模式 switch, and the type scale's floors in both modes.
 */
process.env.TZ = 'America/Los_Angeles'

const mockStorage = new Map<string, unknown>()

jest.mock('@tarojs/components', () => jest.requireActual<object>('../support/taro-components'))
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => mockStorage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => mockStorage.set(k, v),
    getSystemInfoSync: () => ({})
  }
}))
for (const part of ['button', 'cell', 'cellgroup', 'tag']) jest.mock(`@nutui/nutui-react-taro/dist/es/packages/${part}/style/css`, () => ({}))
// NutUI ships ES modules only: its button stands in here as what it receives.
interface MockReact {
  createElement(type: string, props: object, child: unknown): unknown
}
jest.mock('@nutui/nutui-react-taro/dist/es/packages/button', () => {
  const react = jest.requireActual<MockReact>('react')
  return { __esModule: true, default: (p: { id?: string; fill?: string; children?: unknown }) => react.createElement('button', { id: p.id, 'data-fill': p.fill ?? '(default)' }, p.children) }
})
for (const part of ['cell', 'cellgroup', 'tag']) jest.mock(`@nutui/nutui-react-taro/dist/es/packages/${part}`, () => ({ __esModule: true, default: () => null }))

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cleanup, fireEvent, render } from '@testing-library/react'
import { createElement as h } from 'react'
import { compile, compileString } from 'sass'
import { elderMode } from '../../src/ui/shell/elder'
import { DateTimeField, ElderSwitch, ICON_NAMES, Icon, type IconName, Img, KVList, Segmented, StatGrid, Stepper } from '../../src/ui/kit'
import { NUT_ICON_SOURCES, OWN_ICONS } from '../../src/ui/kit/icons'
import { iconStylesheets, nutIconPaths, placeIcons } from '../../scripts/make-icons'
import { Button } from '../../src/ui/nut'

const ROOT = path.resolve(__dirname, '..', '..')

afterEach(cleanup)

// NutUI's CommonJS icon build (what jest loads) writes the weapp style key `-webkitMask`, which
// React DOM warns about; the Taro builds use the ES build, which writes `WebkitMask` in H5.
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported style property') && args[1] === '-webkitMask') return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())

function el(container: HTMLElement, id: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[id="${id}"]`)
  if (!found) throw new Error(`#${id} not rendered`)
  return found
}

describe('Segmented', () => {
  const options = [
    { value: 'open', label: '进行中', badge: 3 },
    { value: 'done', label: '已完成' },
    { value: 'all', label: '全部', badge: 120 }
  ] as const

  it('gives each option its id, marks the current one and reports only a change', () => {
    const onChange = jest.fn()
    const { container } = render(h(Segmented<'open' | 'done' | 'all'>, { id: 'tabs', value: 'open', options: [...options], onChange }))
    expect(el(container, 'tabs-open').className).toContain('kit-seg__item--on')
    expect(el(container, 'tabs-done').className).not.toContain('kit-seg__item--on')
    expect(el(container, 'tabs-open').textContent).toBe('进行中3')
    expect(el(container, 'tabs-all').textContent).toBe('全部99+')
    expect(el(container, 'tabs-done').textContent).toBe('已完成')
    fireEvent.click(el(container, 'tabs-open'))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(el(container, 'tabs-done'))
    expect(onChange).toHaveBeenCalledWith('done')
  })

  it('shares the width, and scrolls sideways rather than squeeze a label (long lists, 长辈模式)', () => {
    for (const n of [2, 4, 6]) {
      const options = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, n).map((v) => ({ value: v, label: v }))
      const { container } = render(h(Segmented<string>, { id: `s${n}`, value: 'a', options, onChange: () => undefined }))
      expect(el(container, `s${n}`).getAttribute('data-scroll')).toBe('x')
    }
    const css = compile(path.join(ROOT, 'src/ui/kit/Segmented.scss')).css
    const item = /\.kit-seg__item \{([^}]*)\}/.exec(css)?.[1] ?? ''
    expect(item).toMatch(/flex: 1 0 0/)
    expect(item).toMatch(/min-width: max-content/)
  })
})

describe('Stepper', () => {
  function stepper(value: number, extra: Partial<{ step: number; disabled: boolean }> = {}) {
    const onChange = jest.fn()
    const { container } = render(h(Stepper, { id: 'qty', value, min: 1, max: 10, onChange, ...extra }))
    return { onChange, part: (p: string) => el(container, `qty-${p}`) }
  }

  it('goes up and down by its step and shows the value', () => {
    const s = stepper(4, { step: 2 })
    expect(s.part('value').textContent).toBe('4')
    fireEvent.click(s.part('plus'))
    fireEvent.click(s.part('minus'))
    expect(s.onChange.mock.calls).toEqual([[6], [2]])
  })

  it('never leaves [min, max]: the last step is cut short, the ends are switched off', () => {
    const high = stepper(9, { step: 2 })
    fireEvent.click(high.part('plus'))
    expect(high.onChange).toHaveBeenLastCalledWith(10)
    cleanup()
    const top = stepper(10)
    expect(top.part('plus').className).toContain('kit-stepper__btn--off')
    fireEvent.click(top.part('plus'))
    expect(top.onChange).not.toHaveBeenCalled()
    fireEvent.click(top.part('minus'))
    expect(top.onChange).toHaveBeenCalledWith(9)
    cleanup()
    const bottom = stepper(1)
    expect(bottom.part('minus').className).toContain('kit-stepper__btn--off')
    fireEvent.click(bottom.part('minus'))
    expect(bottom.onChange).not.toHaveBeenCalled()
  })

  it('does nothing when disabled', () => {
    const s = stepper(5, { disabled: true })
    fireEvent.click(s.part('plus'))
    fireEvent.click(s.part('minus'))
    expect(s.onChange).not.toHaveBeenCalled()
  })
})

describe('DateTimeField', () => {
  /** Epoch ms of a wall-clock time in Shanghai (UTC+8, no DST). */
  const sh = (y: number, mo: number, d: number, hh = 0, mm = 0) => Date.UTC(y, mo - 1, d, hh - 8, mm)

  function field(props: Partial<Parameters<typeof DateTimeField>[0]> & { value: number | null }) {
    const onChange = jest.fn()
    const { container } = render(h(DateTimeField, { label: '开始时间', id: 'start', onChange, ...props }))
    const picker = (mode: 'date' | 'time') => container.querySelector<HTMLInputElement>(`input[data-picker="${mode}"]`)
    const choose = (mode: 'date' | 'time', value: string) => {
      const input = picker(mode)
      if (!input) throw new Error(`no ${mode} picker`)
      fireEvent.change(input, { target: { value } })
    }
    return { container, onChange, picker, choose }
  }

  it('shows the Shanghai day and time, not the machine’s (UTC 16:30 on the 4th is 00:30 on the 5th)', () => {
    const f = field({ value: Date.UTC(2026, 11, 4, 16, 30) })
    expect(el(f.container, 'start-date').textContent).toBe('2026-12-05 周六')
    expect(el(f.container, 'start-time').textContent).toBe('00:30')
    expect(f.picker('date')?.value).toBe('2026-12-05')
    expect(f.picker('time')?.value).toBe('00:30')
  })

  it('turns a chosen day or time back into the instant in Shanghai, keeping the other part', () => {
    const f = field({ value: sh(2026, 12, 5, 0, 30) })
    f.choose('date', '2026-12-06')
    f.choose('time', '09:15')
    expect(f.onChange.mock.calls).toEqual([[sh(2026, 12, 6, 0, 30)], [sh(2026, 12, 5, 9, 15)]])
  })

  it('starts empty, and a day chosen first gets 09:00', () => {
    const f = field({ value: null })
    expect(el(f.container, 'start-date').textContent).toBe('选择日期')
    expect(el(f.container, 'start-time').textContent).toBe('选择时间')
    f.choose('date', '2026-12-24')
    expect(f.onChange).toHaveBeenCalledWith(sh(2026, 12, 24, 9, 0))
  })

  it('offers only days and times inside [min, max] and keeps any answer inside them', () => {
    const min = sh(2026, 12, 5, 10, 0)
    const max = sh(2026, 12, 20, 18, 0)
    const first = field({ value: sh(2026, 12, 5, 11, 0), min, max })
    expect(first.picker('date')?.dataset).toMatchObject({ start: '2026-12-05', end: '2026-12-20' })
    expect(first.picker('time')?.dataset).toMatchObject({ start: '10:00', end: '' })
    first.choose('time', '08:00')
    expect(first.onChange).toHaveBeenLastCalledWith(min)
    cleanup()
    const last = field({ value: sh(2026, 12, 12, 19, 0), min, max })
    expect(last.picker('time')?.dataset).toMatchObject({ start: '', end: '' })
    last.choose('date', '2026-12-20')
    expect(last.onChange).toHaveBeenLastCalledWith(max)
    cleanup()
    // Nothing chosen yet: a time is for the first allowed day, so it is bounded by min.
    const empty = field({ value: null, min, max })
    expect(empty.picker('time')?.dataset).toMatchObject({ start: '10:00' })
    empty.choose('time', '11:30')
    expect(empty.onChange).toHaveBeenLastCalledWith(sh(2026, 12, 5, 11, 30))
  })

  it('in date mode has no time picker and answers the start of the Shanghai day', () => {
    const f = field({ value: null, mode: 'date' })
    expect(f.picker('time')).toBeNull()
    f.choose('date', '2027-01-01')
    expect(f.onChange).toHaveBeenCalledWith(Date.UTC(2026, 11, 31, 16, 0))
  })

  it('shows its error under the field', () => {
    const f = field({ value: null, error: '请选择开始时间' })
    expect(el(f.container, 'start-error').textContent).toBe('请选择开始时间')
  })
})

describe('Img', () => {
  const env = process.env.TARO_ENV
  const A = 'local:PhotoAPhotoAPhotoA01.jpg'
  const B = 'local:PhotoBPhotoBPhotoB02.png'
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('without a photo shows the placeholder with its icon and loads nothing', () => {
    for (const src of [null, undefined, '']) {
      const { container } = render(h(Img, { src, size: 'thumb', icon: 'user', id: 'pic' }))
      expect(container.querySelector('img')).toBeNull()
      expect(el(container, 'pic').querySelector('.kit-img__placeholder .kit-icon--user')).not.toBeNull()
      cleanup()
    }
  })

  it('in H5 asks the local server for a list-size thumbnail, the original only at full size', () => {
    process.env.TARO_ENV = 'h5'
    const thumb = render(h(Img, { src: 'local:Ab12Cd34Ef56Gh78.jpg', size: 'thumb' }))
    expect(thumb.container.querySelector('img')?.getAttribute('src')).toBe('/uploads/Ab12Cd34Ef56Gh78.jpg?w=240')
    const card = render(h(Img, { src: 'local:Ab12Cd34Ef56Gh78.jpg', size: 'card' }))
    expect(card.container.querySelector('img')?.getAttribute('src')).toBe('/uploads/Ab12Cd34Ef56Gh78.jpg?w=720')
    const full = render(h(Img, { src: 'local:Ab12Cd34Ef56Gh78.jpg', size: 'full' }))
    expect(full.container.querySelector('img')?.getAttribute('src')).toBe('/uploads/Ab12Cd34Ef56Gh78.jpg')
  })

  it('in WeChat draws the CloudBase id as it is', () => {
    process.env.TARO_ENV = 'weapp'
    const id = 'cloud://env-1.7465/uploads/2026-12/Ab12Cd34Ef56Gh78.jpg'
    const { container } = render(h(Img, { src: id, size: 'thumb' }))
    expect(container.querySelector('img')?.getAttribute('src')).toBe(id)
  })

  it('keeps the placeholder until the photo has loaded, and again when it fails', () => {
    process.env.TARO_ENV = 'h5'
    const { container, rerender } = render(h(Img, { src: A, size: 'card', id: 'pic' }))
    const img = () => container.querySelector('img')
    expect(img()?.getAttribute('data-lazy')).toBe('true')
    expect(el(container, 'pic').querySelector('.kit-img__placeholder')).not.toBeNull()
    fireEvent.load(img() as HTMLImageElement)
    expect(el(container, 'pic').className).toContain('kit-img--loaded')
    expect(el(container, 'pic').querySelector('.kit-img__placeholder')).toBeNull()
    // A new photo starts over.
    rerender(h(Img, { src: B, size: 'card', id: 'pic' }))
    expect(el(container, 'pic').querySelector('.kit-img__placeholder')).not.toBeNull()
    fireEvent.error(img() as HTMLImageElement)
    expect(el(container, 'pic').className).toContain('kit-img--failed')
    expect(img()).toBeNull()
    expect(el(container, 'pic').querySelector('.kit-img__placeholder')).not.toBeNull()
  })

  it('loads at once when asked not to be lazy', () => {
    process.env.TARO_ENV = 'h5'
    const { container } = render(h(Img, { src: A, size: 'cover', lazy: false }))
    expect(container.querySelector('img')?.getAttribute('data-lazy')).toBe('false')
  })
})

describe('Icon', () => {
  const drawing_ = (name: IconName) => {
    const { container } = render(h(Icon, { name }))
    const icons = container.querySelectorAll('.kit-icon')
    expect(icons).toHaveLength(1)
    const cls = (icons[0] as HTMLElement).className
    cleanup()
    return cls
  }

  it('draws NutUI’s drawings for the meanings it has, from the generated stylesheet, which is up to date', () => {
    const expected: [IconName, string][] = [
      ['home', 'Home'],
      ['user', 'User'],
      ['visitor', 'UserAdd'],
      ['scan', 'Scan'],
      ['repair', 'Repairman'],
      ['complaint', 'Complaint'],
      ['coupon', 'Coupon'],
      ['pay', 'Wallet'],
      ['arrow-right', 'ArrowRight'],
      ['warning', 'LogisticsError']
    ]
    for (const [name, drawing] of expected) {
      expect(NUT_ICON_SOURCES[name as keyof typeof NUT_ICON_SOURCES]).toBe(drawing)
      expect(drawing_(name)).toContain(`kit-icon--${name}`)
    }
    // Every generated stylesheet is what `npm run make:icons` writes today, and every name is drawn somewhere.
    const sheets = iconStylesheets()
    for (const [file, text] of sheets) expect([path.relative(ROOT, file), readFileSync(file, 'utf8')]).toEqual([path.relative(ROOT, file), text])
    const all = [...sheets.values()].join('\n')
    for (const name of Object.keys(NUT_ICON_SOURCES)) expect(all).toMatch(new RegExp(`^\\.kit-icon--${name}[,\\s]`, 'm'))
  })

  it('draws in the main package the icons its pages and the kit name, and leaves the rest to the subpackages that name them', () => {
    const { main, packages } = placeIcons()
    // The home's tiles, the kit's own rows and notices, the tab pages.
    for (const name of ['home', 'bill', 'visitor', 'arrow-right', 'warning', 'success', 'info', 'photo', 'door', 'elder'] as const) expect([name, main.has(name)]).toEqual([name, true])
    // Drawn only where their pages are: the fee pages' receipt, the butler's filter, the office's search.
    const sheetOf = (name: string) => [...packages].filter(([, names]) => names.has(name)).map(([sheet]) => path.relative(ROOT, sheet))
    expect(main.has('receipt')).toBe(false)
    expect(sheetOf('receipt')).toEqual(['src/packages/fee/fee.scss', 'src/packages/vote/vote.scss'])
    expect(sheetOf('filter')).toEqual(['src/packages/butler/butler.scss'])
    expect(sheetOf('search')).toEqual(['src/packages/fee-admin/admin.scss'])
    // A name sharing a drawing with one main draws is an alias there, not a second copy.
    expect(main.has('ticket')).toBe(true)
    const mainSheet = readFileSync(path.join(ROOT, 'src/ui/kit/nut-icons.scss'), 'utf8')
    expect(mainSheet).toMatch(/\.kit-icon--ticket,\n\.kit-icon--coupon|\.kit-icon--coupon,\n\.kit-icon--ticket/)
    expect(mainSheet).not.toContain('kit-icon--receipt')
  })

  it('rounds NutUI’s paths without merging or dropping a number', () => {
    const numbers = (d: string) => (d.match(/-?\d*\.?\d+/g) ?? []).length
    for (const drawing of new Set(Object.values(NUT_ICON_SOURCES))) {
      const js = readFileSync(path.join(ROOT, 'node_modules/@nutui/icons-react-taro/dist/es/icons', `${drawing}.js`), 'utf8')
      const svg = Buffer.from(/base64,([^"]+)"/.exec(js)?.[1] ?? '', 'base64').toString('utf8')
      const original = [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => numbers(m[1] ?? ''))
      expect([drawing, nutIconPaths(drawing).map(numbers)]).toEqual([drawing, original])
    }
  })

  it('draws the meanings NutUI lacks itself, each with a drawing in kit-icons.scss', () => {
    const scss = readFileSync(path.join(ROOT, 'src/ui/kit/kit-icons.scss'), 'utf8')
    for (const name of OWN_ICONS) {
      const cls = drawing_(name)
      expect(cls).toContain(`kit-icon--${name}`)
      expect(cls).toContain('kit-icon--mask')
      expect(scss).toMatch(new RegExp(`^\\s+${name}: "<`, 'm'))
    }
  })

  it('draws every name, at the size and colour asked for', () => {
    for (const name of ICON_NAMES) expect(drawing_(name)).toContain('kit-icon--m')
    const { container } = render(h(Icon, { name: 'bill', size: 'xl', color: 'danger', id: 'i1' }))
    const cls = (container.querySelector('.kit-icon') as HTMLElement).className
    expect(cls).toContain('kit-icon--xl')
    expect(cls).toContain('kit-icon--c-danger')
    expect(el(container, 'i1').classList.contains('kit-icon')).toBe(true)
  })
})

describe('KVList and StatGrid', () => {
  it('put the id on the value, which is what a reader looks for', () => {
    const kv = render(h(KVList, { rows: [{ label: '房屋', value: '1栋101', id: 'kv-house' }] }))
    expect(el(kv.container, 'kv-house').textContent).toBe('1栋101')
    const stats = render(h(StatGrid, { items: [{ label: '已报名', value: 12, id: 'st-signed' }, { label: '名额', value: 30 }] }))
    expect(el(stats.container, 'st-signed').textContent).toBe('12')
    expect(stats.container.querySelector('.kit-stats--c2')).not.toBeNull()
  })
})

describe('ElderSwitch', () => {
  it('switches 长辈模式 on and off, keeps the choice and says which it is in words', () => {
    const { container } = render(h(ElderSwitch, {}))
    expect(elderMode()).toBe(false)
    expect(el(container, 'elder-switch-state').textContent).toBe('关')
    fireEvent.click(el(container, 'elder-switch'))
    expect(elderMode()).toBe(true)
    expect(mockStorage.get('linli.elder')).toBe('on')
    expect(el(container, 'elder-switch-state').textContent).toBe('开')
    fireEvent.click(el(container, 'elder-switch'))
    expect(mockStorage.get('linli.elder')).toBe('off')
    expect(el(container, 'elder-switch-state').className).not.toContain('kit-switch--on')
  })
})

describe('type scale (tokens.scss)', () => {
  /** The tokens of one mode as numbers, read by compiling the real stylesheet. */
  function tokens(mode: 'normal' | 'elder'): Record<string, number> {
    const css = compileString(
      `@use 'sass:map'; @use 'src/styles/tokens' as t; @each $k, $v in t.$${mode} { .x { #{$k}: $v; } }`,
      { loadPaths: [ROOT] }
    ).css
    return Object.fromEntries([...css.matchAll(/([a-z0-9-]+): ([\d.]+)px;/g)].map((m) => [m[1] as string, Number(m[2])]))
  }
  // 750-wide design: 2 units are 1 px on a 375 pt phone.
  const px = (units: number | undefined) => (units ?? 0) / 2

  it('normal mode: body at least 16 px, secondary at least 13 px, buttons 44 px', () => {
    const t = tokens('normal')
    expect(px(t['font-m'])).toBeGreaterThanOrEqual(16)
    expect(px(t['font-xs'])).toBeGreaterThanOrEqual(13)
    expect(px(t['touch-m'])).toBeGreaterThanOrEqual(44)
  })

  it('长辈模式: body at least 18 px, secondary at least 15 px, every touch target at least 44 px, all larger than normal', () => {
    const n = tokens('normal')
    const e = tokens('elder')
    expect(px(e['font-m'])).toBeGreaterThanOrEqual(18)
    expect(px(e['font-xs'])).toBeGreaterThanOrEqual(15)
    expect(px(e['touch-s'])).toBeGreaterThanOrEqual(44)
    for (const k of Object.keys(n).filter((k) => k.startsWith('font-') || k.startsWith('touch-') || k.startsWith('icon-'))) {
      expect(e[k] ?? 0).toBeGreaterThan(n[k] ?? 0)
    }
  })
})

describe('Button', () => {
  // NutUI paints the label's own box with the gradient when it is given `fill='solid'` (a band
  // behind the text), while solid is what it draws when given no fill: solid is never passed on.
  it('passes every fill but solid to NutUI', () => {
    const fillOf = (fill: 'solid' | 'outline' | 'none' | undefined) => {
      const { container } = render(h(Button, { id: `b-${fill ?? 'x'}`, type: 'primary', fill }, '查看电子收据'))
      return el(container, `b-${fill ?? 'x'}`).getAttribute('data-fill')
    }
    expect([fillOf('solid'), fillOf(undefined), fillOf('outline'), fillOf('none')]).toEqual(['(default)', '(default)', 'outline', 'none'])
  })
})
