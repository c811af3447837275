/**
 * @jest-environment jsdom
 */
/**
 * The H5 share sheet, rendered with React into jsdom (Taro's components as plain DOM): a card
 * with the title, the description and the cover, the link of the shared page, a QR code that
 * scans to that link, and a copy button; in WeChat the same button is the native share.
 */
const mockClipboard: string[] = []
const mockToasts: string[] = []

jest.mock('@tarojs/components', () => jest.requireActual<object>('../support/taro-components'))
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    setClipboardData: ({ data }: { data: string }) => {
      mockClipboard.push(data)
      return Promise.resolve({ errMsg: 'setClipboardData:ok' })
    },
    showToast: ({ title }: { title: string }) => {
      mockToasts.push(title)
      return Promise.resolve()
    },
    pxTransform: (n: number) => `${n / 2}px`,
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    getSystemInfoSync: () => ({})
  }
}))
// NutUI's stylesheets are plain CSS imports the test environment does not load: a plain button.
jest.mock('../../src/ui/nut', () => {
  const { createElement } = jest.requireActual<typeof React>('react')
  return {
    Button: (p: { id?: string; onClick?: () => void; openType?: string; children?: unknown }) =>
      createElement('button', { id: p.id, onClick: p.onClick, 'data-open-type': p.openType ?? '' }, p.children as string)
  }
})

import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import type React from 'react'
import { createElement as h } from 'react'
import { ShareButton } from '../../src/components/ShareSheet'
import { shareUrl } from '../../src/services/share'
import { decodeDataUri } from '../support/qr-decode'

const content = {
  title: '周六社区大扫除 · 12月13日 09:00',
  path: '/packages/event/pages/detail/index?id=ev-demo-cleaning&communityId=c-linyuan&inv=Ab3k9',
  description: '临苑社区中心广场 · 还剩 12 个名额',
  image: 'local:AAAAAAAAAAAAAAAAAAAAAAAA.jpg'
}

const ENV = process.env.TARO_ENV
afterEach(() => {
  cleanup()
  process.env.TARO_ENV = ENV
  mockClipboard.length = 0
  mockToasts.length = 0
})

function el(container: HTMLElement, id: string): HTMLElement {
  const found = container.querySelector<HTMLElement>(`[id="${id}"]`)
  if (!found) throw new Error(`#${id} not rendered`)
  return found
}

describe('share on H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  it('links to the page in the hash of this site', () => {
    expect(shareUrl(content.path)).toBe(`${window.location.origin}${window.location.pathname}#${content.path}`)
    expect(shareUrl('packages/x/index')).toBe(`${window.location.origin}${window.location.pathname}#/packages/x/index`)
  })

  it('opens a card with the content, the link, a QR code of the link, and copies the link', async () => {
    const { container } = render(h(ShareButton, { content, text: '邀请邻居', id: 'share-open' }))
    expect(container.querySelector('#share-sheet')).toBeNull()
    fireEvent.click(el(container, 'share-open'))

    const card = el(container, 'share-sheet-card')
    expect(card.textContent).toContain(content.title)
    expect(card.textContent).toContain(content.description)
    expect(card.querySelector('img')?.getAttribute('src')).toBe('/uploads/AAAAAAAAAAAAAAAAAAAAAAAA.jpg?w=720')

    const url = shareUrl(content.path)
    expect(el(container, 'share-sheet-link').textContent).toBe(url)
    const qr = el(container, 'share-sheet-qr').getAttribute('src') ?? ''
    expect(await decodeDataUri(qr)).toBe(url)

    fireEvent.click(el(container, 'share-sheet-copy'))
    await waitFor(() => expect(mockClipboard).toEqual([url]))
    expect(mockToasts).toEqual(['链接已复制，可粘贴到微信群'])

    fireEvent.click(el(container, 'share-sheet-close'))
    expect(container.querySelector('#share-sheet')).toBeNull()
  })

  it('draws no cover when there is none, and closes on the dimmed page around it', () => {
    const { container } = render(h(ShareButton, { content: { title: '邀请你加入 临苑社区 1栋 101', path: '/packages/household/pages/accept/index?token=t1' }, text: '发送邀请', id: 'share-open' }))
    fireEvent.click(el(container, 'share-open'))
    expect(el(container, 'share-sheet-card').querySelector('img')).toBeNull()
    fireEvent.click(el(container, 'share-sheet-mask'))
    expect(container.querySelector('#share-sheet')).toBeNull()
  })
})

it('in WeChat the button is the native share, with no sheet', () => {
  process.env.TARO_ENV = 'weapp'
  const { container } = render(h(ShareButton, { content, text: '发送给微信好友', id: 'share-open' }))
  expect(el(container, 'share-open').getAttribute('data-open-type')).toBe('share')
  fireEvent.click(el(container, 'share-open'))
  expect(container.querySelector('#share-sheet')).toBeNull()
})
