/**
 * @jest-environment jsdom
 */
/**
 * CellList, the card every list page renders its rows in: one cell per item in order, each with
 * the id `${prefix}-${item.id}` that e2e tests and links select, and rows added after the items.
 */
jest.mock('@tarojs/components', () => jest.requireActual<object>('../support/taro-components'))
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getStorageSync: () => '', setStorageSync: () => undefined, getSystemInfoSync: () => ({}) }
}))

import { cleanup, fireEvent, render } from '@testing-library/react'
import { createElement as h } from 'react'
import { Cell, CellList } from '../../src/ui/kit'

afterEach(cleanup)

// NutUI's CommonJS icon build writes the weapp style key `-webkitMask`, which React DOM warns about (see ui-kit.test.ts).
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported style property') && args[1] === '-webkitMask') return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())

const items = [
  { id: 'a1', name: '保洁', open: true },
  { id: 'b2', name: '维修', open: false }
]

describe('CellList', () => {
  it('renders one cell per item, in order, with the prefixed id and what the row gives', () => {
    const opened: string[] = []
    const { container } = render(
      h(CellList<(typeof items)[number]>, {
        title: '服务',
        id: 'lines',
        items,
        idPrefix: 'line',
        row: (x) => ({ title: x.name, desc: x.open ? '可预约' : '暂停', ...(x.open ? { onClick: () => opened.push(x.id) } : {}) })
      })
    )
    const rows = Array.from(container.querySelectorAll<HTMLElement>('#lines .kit-cell'))
    expect(rows.map((r) => r.id)).toEqual(['line-a1', 'line-b2'])
    expect(rows.map((r) => r.querySelector('.kit-cell__title')?.textContent)).toEqual(['保洁', '维修'])
    expect(container.querySelector('.kit-cellgroup__title')?.textContent).toBe('服务')
    // Only the row given a click is tappable.
    expect(rows.map((r) => r.classList.contains('kit-cell--tap'))).toEqual([true, false])
    fireEvent.click(rows[0]!)
    expect(opened).toEqual(['a1'])
  })

  it('puts extra rows after the items, and nothing but them when there are no items', () => {
    const { container } = render(h(CellList<{ id: string }>, { id: 'picks', items: [], idPrefix: 'pick', row: () => ({ title: '-' }) }, h(Cell, { id: 'product-new', title: '新建商品' })))
    expect(Array.from(container.querySelectorAll('#picks .kit-cell')).map((r) => r.id)).toEqual(['product-new'])
    expect(container.querySelector('.kit-cellgroup__title')).toBeNull()
  })
})
