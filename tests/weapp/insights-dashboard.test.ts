/**
 * 经营看板 as it ships to WeChat: the COMPILED dashboard page (dist/, the insights-admin
 * subpackage with F2 in it) rendered by miniprogram-simulate, `wx.cloud` answered by the real
 * `insights` function after the nightly pass over the seeded history.
 *
 * miniprogram-simulate has no canvas, so the platform's 2d canvas is stood in for where WeChat
 * provides it: `wx.createSelectorQuery().select('#id').fields({ node, size })` answers a canvas
 * node whose context records every call, and `wx.createOffscreenCanvas` one for measuring text.
 * The test then sees F2 draw each chart through the weapp path of the Chart component.
 */
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, as, makeHarness } from '../support/harness'
import { type OpenedPage, connectHarness, launchApp, missingTemplates, openUrl, tap, textOf, waitFor, waitForText } from './support/simulate'

interface Drawn {
  calls: Record<string, number>
  texts: string[]
  size: { width: number; height: number }
}

/** The canvases the page asked for, by selector, with what was drawn on each. */
const canvases = new Map<string, Drawn>()

function recordingContext(d: Drawn): object {
  const state: Record<string | symbol, unknown> = { font: '10px sans-serif' }
  return new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key]
      if (key === 'measureText') return (s: string) => ({ width: String(s).length * 7, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 })
      if (key === 'getImageData') return (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(Math.max(1, w * h * 4)) })
      if (key === 'getTransform' || key === 'then') return undefined
      return (...args: unknown[]) => {
        const k = String(key)
        d.calls[k] = (d.calls[k] ?? 0) + 1
        if (k === 'fillText') d.texts.push(String(args[0]))
      }
    },
    set(target, key, value) {
      target[key] = value
      return true
    }
  })
}

function canvasNode(selector: string) {
  const d: Drawn = { calls: {}, texts: [], size: { width: 0, height: 0 } }
  canvases.set(selector, d)
  const ctx = recordingContext(d)
  return {
    get width() {
      return d.size.width
    },
    set width(v: number) {
      d.size.width = v
    },
    get height() {
      return d.size.height
    },
    set height(v: number) {
      d.size.height = v
    },
    getContext: () => ctx,
    createImage: () => ({}),
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>)
  }
}

function installCanvas(): void {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  wx.createSelectorQuery = () => {
    let selector = ''
    const q = {
      in: () => q,
      select: (s: string) => {
        selector = s
        return q
      },
      fields: () => q,
      exec: (cb: (res: unknown[]) => void) => setTimeout(() => cb([{ node: canvasNode(selector), width: 345, height: 220 }]), 0)
    }
    return q
  }
  const scratch: Drawn = { calls: {}, texts: [], size: { width: 10, height: 10 } }
  wx.createOffscreenCanvas = () => ({ width: 10, height: 10, getContext: () => recordingContext(scratch) })
  wx.getWindowInfo = () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812 })
}

jest.setTimeout(60_000)

let h: Harness
const open: OpenedPage[] = []

beforeAll(async () => {
  h = await makeHarness()
  await runNightly(h.ports)
  // Invitation traffic for the funnel: 张管家 shares a session two days ago, two residents open it.
  const list = await h.call('event.list', { when: 'upcoming' }, as('u-wang'), COMMUNITY_A)
  const eventId = list.ok ? list.data.events[0]?.id : undefined
  if (!eventId) throw new Error('no upcoming event in the seed')
  const share = await h.call('event.shareInvite', { eventId }, as('u-butler-zhang'), COMMUNITY_A)
  if (!share.ok) throw new Error(share.error.message)
  for (const u of ['u-wang', 'u-li']) await h.call('event.recordVisit', { token: share.data.token }, as(u), COMMUNITY_A)
  await h.store.update('eventInvites', `${eventId}:u-butler-zhang`, { set: { createdAt: h.clock.now() - 2 * 86_400_000 } })
  // The page picks its ranges from the phone's clock; here the phone and the functions share the
  // harness's clock (moving on in real time), as a phone and the cloud share the real one.
  const realNow = Date.now.bind(Date)
  const offset = h.clock.now() - realNow()
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset)
  connectHarness(h, as('u-operator-wu'))
  launchApp()
  installCanvas()
})

afterAll(async () => {
  for (const page of open.reverse()) page.close()
  await h.close()
})

describe('operator dashboard on the compiled weapp build', () => {
  test('figures render and F2 draws the three charts on the 2d canvas nodes WeChat hands over', async () => {
    const page = openUrl('/packages/insights-admin/pages/dashboard/index')
    open.push(page)
    await waitForText(page, '数据更新于')
    await waitForText(page, '回购率（近30天）')
    expect(textOf(page)).toMatch(/订单数\d+/)

    const daily = await waitFor(() => {
      const d = canvases.get('#chart-daily')
      return d && d.texts.includes('GMV（元）') && (d.calls.lineTo ?? 0) > 40 ? d : null
    }, () => `the daily chart drawn (drawn so far: ${JSON.stringify([...canvases.keys()])})`)
    // The backing store is sized for the screen: CSS size × pixelRatio.
    expect(daily.size).toEqual({ width: 690, height: 440 })
    expect(daily.texts).toContain('订单数')
    await waitFor(() => (canvases.get('#chart-lines')?.calls.fill ?? 0) > 0, 'the service-line bars')
    await waitFor(() => canvases.get('#chart-funnel')?.texts.includes('复购'), 'the funnel')

    // Another range: the figures follow and the chart is drawn again.
    await tap(page, 'range-7d')
    await waitForText(page, '回购率（近7天）')
    await waitFor(() => {
      const d = canvases.get('#chart-daily')
      return d && d !== daily && (d.calls.lineTo ?? 0) > 0
    }, 'the daily chart redrawn')
    // Every element the page used (the 2d canvas included) has a template in the compiled base.wxml.
    expect(missingTemplates()).toEqual([])
  })
})
