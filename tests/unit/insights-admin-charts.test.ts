/**
 * The operator dashboard's F2 charts and date ranges, without a browser.
 *
 * The charts are drawn as WeChat draws them: no `window` or `document` (this runs in Node), only
 * a 2d context and the hooks the weapp Chart component hands F2 from the canvas node
 * (offscreen canvas for text measuring, requestAnimationFrame). The context records every call,
 * so the test sees what was drawn: lines, bars, funnel polygons and their labels.
 */
import { Canvas } from '@antv/f2'
import { dailyChart, funnelChart, linesChart } from '../../src/packages/insights-admin/chart/specs'
import type { F2Element } from '../../src/packages/insights-admin/chart/Chart'
import { addDays, bpText, dayOf, delta, monthRanges, presetRange, rangeLabel, windowLabel } from '../../src/packages/insights-admin/format'

interface Recording {
  calls: Record<string, number>
  texts: string[]
  fillStyles: Set<string>
  strokeStyles: Set<string>
}

/** A CanvasRenderingContext2D stand-in that records what is drawn on it. */
function recordingContext(width: number, height: number): { ctx: CanvasRenderingContext2D; rec: Recording } {
  const rec: Recording = { calls: {}, texts: [], fillStyles: new Set(), strokeStyles: new Set() }
  const state: Record<string | symbol, unknown> = { canvas: { width, height }, font: '10px sans-serif' }
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key]
      if (key === 'measureText') return (s: string) => ({ width: String(s).length * 7, actualBoundingBoxAscent: 8, actualBoundingBoxDescent: 2 })
      if (key === 'getImageData') return (_x: number, _y: number, w: number, h: number) => ({ data: new Uint8ClampedArray(Math.max(1, w * h * 4)) })
      if (key === 'getTransform' || key === 'then') return undefined
      return (...args: unknown[]) => {
        const k = String(key)
        rec.calls[k] = (rec.calls[k] ?? 0) + 1
        if (k === 'fillText') rec.texts.push(String(args[0]))
        if (k === 'fill' && typeof target.fillStyle === 'string') rec.fillStyles.add(target.fillStyle)
        if (k === 'stroke' && typeof target.strokeStyle === 'string') rec.strokeStyles.add(target.strokeStyle)
      }
    },
    set(target, key, value) {
      target[key] = value
      return true
    }
  })
  return { ctx: ctx as unknown as CanvasRenderingContext2D, rec }
}

async function draw(tree: F2Element, width = 345, height = 220): Promise<Recording> {
  const { ctx, rec } = recordingContext(width * 2, height * 2)
  const { ctx: offscreenCtx } = recordingContext(10, 10)
  const offscreenCanvas = { width: 10, height: 10, getContext: () => offscreenCtx }
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const canvas = new Canvas({
    context: ctx,
    pixelRatio: 2,
    width,
    height,
    animate: false,
    offscreenCanvas,
    requestAnimationFrame: (cb: () => void) => {
      const t = setTimeout(() => {
        timers.delete(t)
        cb()
      }, 5)
      timers.add(t)
      return t as unknown as number
    },
    cancelAnimationFrame: (t: number) => clearTimeout(t as unknown as ReturnType<typeof setTimeout>),
    px2hd: (px: number) => px / 2,
    children: tree
  } as unknown as ConstructorParameters<typeof Canvas>[0])
  await canvas.render()
  await new Promise((r) => setTimeout(r, 100))
  canvas.destroy()
  for (const t of timers) clearTimeout(t)
  return rec
}

describe('dashboard charts (F2, drawn on a bare 2d context as in WeChat)', () => {
  test('daily line: a GMV line and an orders line, with day labels and both axes', async () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: addDays('2026-10-24', i), orders: 3 + (i % 4), gmvFen: 10_000 + i * 1_500 }))
    const rec = await draw(dailyChart(days))
    // Two lines of 30 points: a segment between each pair of days, on each line.
    expect(rec.calls.lineTo ?? 0).toBeGreaterThanOrEqual(2 * 29)
    expect([...rec.strokeStyles].map((s) => s.toLowerCase())).toEqual(expect.arrayContaining(['#10866a', '#f08a24']))
    expect(rec.texts).toEqual(expect.arrayContaining(['GMV（元）', '订单数', '10/24']))
  })

  test('service lines: one bar per line, each labelled', async () => {
    const rec = await draw(
      linesChart([
        { label: '严选', orders: 40, gmvFen: 160_000 },
        { label: '家政保洁', orders: 12, gmvFen: 180_000 },
        { label: '水电维修', orders: 3, gmvFen: 30_000 }
      ])
    )
    expect([...rec.fillStyles].map((s) => s.toLowerCase())).toContain('#3e7bfa')
    expect(rec.texts).toEqual(expect.arrayContaining(['严选', '家政保洁', '水电维修']))
  })

  test('funnel: each stage named, with its count and its share of the first stage inside', async () => {
    const rec = await draw(
      funnelChart([
        { stage: '邀请访问', value: 40 },
        { stage: '报名/下单', value: 10 },
        { stage: '复购', value: 4 }
      ])
    )
    expect(rec.texts).toEqual(expect.arrayContaining(['邀请访问', '报名/下单', '复购', '40（100%）', '10（25%）', '4（10%）']))
    expect(rec.calls.fill ?? 0).toBeGreaterThanOrEqual(3)
  })
})

describe('dashboard ranges and figures', () => {
  // 2026-11-23 00:30 in Shanghai is still 2026-11-22 in UTC: the Shanghai day decides.
  const now = Date.parse('2026-11-22T16:30:00Z')

  test('presets end yesterday in Shanghai and span exactly their days', () => {
    expect(dayOf(now)).toBe('2026-11-23')
    expect(presetRange('7d', now)).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(presetRange('30d', now)).toEqual({ from: '2026-10-24', to: '2026-11-22' })
    expect(presetRange('90d', now)).toEqual({ from: '2026-08-25', to: '2026-11-22' })
    expect(presetRange('365d', now)).toEqual({ from: '2025-11-23', to: '2026-11-22' })
  })

  test('months: the running month up to yesterday, then whole months', () => {
    const months = monthRanges(now, 3)
    expect(months.map((m) => [m.from, m.to, m.label])).toEqual([
      ['2026-11-01', '2026-11-22', '2026年11月'],
      ['2026-10-01', '2026-10-31', '2026年10月'],
      ['2026-09-01', '2026-09-30', '2026年9月']
    ])
    // On the 1st the running month has no finished day: yesterday's month comes first.
    expect(monthRanges(Date.parse('2026-12-01T02:00:00+08:00'), 1)[0]).toMatchObject({ from: '2026-11-01', to: '2026-11-30' })
  })

  test('changes against the previous range', () => {
    expect(delta('count', 120, 100)).toEqual({ dir: 'up', text: '↑20.0%' })
    expect(delta('count', 50, 100)).toEqual({ dir: 'down', text: '↓50.0%' })
    expect(delta('count', 5, 0)).toBeNull()
    expect(delta('bp', 3750, 3500)).toEqual({ dir: 'up', text: '↑2.5个百分点' })
    expect(delta('rating', 450, 465)).toEqual({ dir: 'down', text: '↓0.15分' })
    expect(delta('bp', null, 3500)).toBeNull()
    expect(bpText(3750)).toBe('37.5%')
    expect(bpText(null)).toBe('—')
    expect(windowLabel('30d')).toBe('近30天')
    expect(windowLabel('365d')).toBe('近一年')
    expect(windowLabel('2026-10')).toBe('2026年10月')
    expect(rangeLabel({ from: '2025-11-23', to: '2026-11-22' })).toBe('2025年11月23日 – 2026年11月22日')
  })
})
