import { Canvas as TaroCanvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Canvas as F2Canvas, type JSX as F2JSX } from '@antv/f2'
import { useEffect, useRef } from 'react'
import '../insights-admin.scss'

/** An F2 element tree (built with F2's own `jsx`, not React's). */
export type F2Element = F2JSX.Element

/** What F2 needs from the platform's 2d canvas. */
interface Surface {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  /** Platform hooks F2 would otherwise take from `window`/`document`, which WeChat does not have. */
  extra: Record<string, unknown>
}

/** WeChat's canvas node (type="2d"), as SelectorQuery's `fields({ node: true })` returns it. */
interface WxCanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D
  createImage(): unknown
  requestAnimationFrame(cb: () => void): number
  cancelAnimationFrame(id: number): void
}

function wxPixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 2
  }
}

/** The weapp 2d canvas: SelectorQuery → node → context, its backing store sized for the screen. */
function weappSurface(id: string): Promise<Surface | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: unknown[]) => {
        const hit = res?.[0] as { node?: WxCanvasNode; width?: number; height?: number } | null | undefined
        const node = hit?.node
        if (!node || !hit?.width || !hit.height) return resolve(null)
        const pixelRatio = wxPixelRatio()
        node.width = Math.round(hit.width * pixelRatio)
        node.height = Math.round(hit.height * pixelRatio)
        const offscreen = (Taro as unknown as { createOffscreenCanvas?: (o: { type: '2d'; width: number; height: number }) => unknown }).createOffscreenCanvas
        resolve({
          context: node.getContext('2d'),
          width: hit.width,
          height: hit.height,
          pixelRatio,
          extra: {
            createImage: () => node.createImage(),
            requestAnimationFrame: (cb: () => void) => node.requestAnimationFrame(cb),
            cancelAnimationFrame: (n: number) => node.cancelAnimationFrame(n),
            // F2 measures text on an offscreen canvas; without one it would reach for `document`.
            ...(offscreen ? { offscreenCanvas: offscreen({ type: '2d', width: 10, height: 10 }) } : {})
          }
        })
      })
  })
}

/** The H5 canvas: a real <canvas>, backing store at devicePixelRatio. */
function h5Surface(canvas: HTMLCanvasElement | null): Surface | null {
  if (!canvas) return null
  const rect = canvas.getBoundingClientRect()
  if (!rect.width || !rect.height) return null
  const pixelRatio = window.devicePixelRatio || 1
  canvas.width = Math.round(rect.width * pixelRatio)
  canvas.height = Math.round(rect.height * pixelRatio)
  const context = canvas.getContext('2d')
  if (!context) return null
  return { context, width: rect.width, height: rect.height, pixelRatio, extra: {} }
}

/**
 * One F2 chart on a 2d canvas, in WeChat and in H5. `build` returns the F2 tree for the canvas'
 * width in CSS px; the chart is drawn again when `version` changes (a digest of its data).
 * Charts are static (no animation or touch): figures beside them carry the exact numbers.
 */
export function Chart(props: { id: string; size?: 's' | 'm' | 'l'; version: string; label: string; build: (width: number) => F2Element }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const chartRef = useRef<F2Canvas | null>(null)
  const buildRef = useRef(props.build)
  buildRef.current = props.build

  useEffect(() => {
    let cancelled = false
    const draw = async (attempt: number): Promise<void> => {
      const surface = process.env.TARO_ENV === 'h5' ? h5Surface(canvasRef.current) : await weappSurface(props.id)
      if (cancelled) return
      if (!surface) {
        // The canvas is laid out a frame after the page renders: try again shortly.
        if (attempt < 20) setTimeout(() => void draw(attempt + 1), 50)
        return
      }
      chartRef.current?.destroy()
      const chart = new F2Canvas({
        context: surface.context,
        pixelRatio: surface.pixelRatio,
        width: surface.width,
        height: surface.height,
        animate: false,
        // F2 reads "Npx" sizes as a 750-wide design and scales them by the page's rem, which
        // Taro's H5 sets for its own layout (and WeChat has not): half a design px, everywhere.
        px2hd: (px: number) => Number((px / 2).toFixed(1)),
        ...surface.extra,
        children: buildRef.current(surface.width)
      })
      chartRef.current = chart
      await chart.render()
      if (process.env.TARO_ENV === 'h5') canvasRef.current?.setAttribute('data-drawn', props.version)
    }
    Taro.nextTick(() => void draw(0))
    return () => {
      cancelled = true
    }
  }, [props.id, props.version])

  useEffect(
    () => () => {
      chartRef.current?.destroy()
      chartRef.current = null
    },
    []
  )

  const className = `ia-chart__canvas ia-chart__canvas--${props.size ?? 'm'}`
  return (
    <View className='ia-chart' aria-label={props.label}>
      {process.env.TARO_ENV === 'h5' ? (
        <canvas ref={canvasRef} id={props.id} className={className} />
      ) : (
        <TaroCanvas type='2d' id={props.id} className={className} />
      )}
    </View>
  )
}
