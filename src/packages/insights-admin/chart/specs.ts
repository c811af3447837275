import { Axis, Chart, Interval, Legend, Line, jsx } from '@antv/f2'
import type { F2Element } from './Chart'

/**
 * F2's `jsx` (classic: type, props, ...children), called directly rather than through JSX syntax
 * (React owns that in this project). Its typings only accept components whose props are all
 * optional, which F2's own chart components are not, hence the wider signature.
 */
const h = jsx as unknown as (type: unknown, props: Record<string, unknown>, ...children: F2Element[]) => F2Element

/**
 * The dashboard's charts as F2 trees. F2 sizes in "px" strings are half-pixels of a 750-wide
 * design (F2's px2hd), numbers are CSS px.
 */
export const COLORS = { gmv: '#10866a', orders: '#f08a24', bar: '#3e7bfa', funnel: ['#5fb89c', '#9fd6c3', '#d3eee4'] }

const AXIS_LABEL = { fill: '#86909c', fontSize: '22px' }
const GRID = { stroke: '#eef0f2', lineWidth: '1px', lineDash: ['4px'] }

/** `2026-11-23` → `11/23`. */
function md(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`
}

/** `12345` (yuan) → `1.2万`. */
function compactYuan(v: number): string {
  if (Math.abs(v) >= 10_000) return `${(v / 10_000).toFixed(v % 10_000 === 0 ? 0 : 1)}万`
  return String(Math.round(v))
}

export interface DailyPoint {
  day: string
  orders: number
  gmvFen: number
}

/** GMV (left axis, yuan) and orders (right axis) per day. */
export function dailyChart(days: readonly DailyPoint[]): F2Element {
  const data = days.map((d) => ({ day: d.day, gmv: d.gmvFen / 100, orders: d.orders }))
  return h(
    Chart,
    {
      data,
      scale: {
        day: { type: 'cat', tickCount: days.length > 60 ? 4 : 5, range: [0.02, 0.98] },
        gmv: { min: 0, nice: true, tickCount: 4 },
        orders: { min: 0, nice: true, tickCount: 4 }
      }
    },
    h(Legend, {
      position: 'top',
      clickable: false,
      items: [
        { name: 'GMV（元）', color: COLORS.gmv, marker: 'line' },
        { name: '订单数', color: COLORS.orders, marker: 'line' }
      ],
      nameStyle: { fill: '#4e5969', fontSize: '22px' }
    }),
    h(Axis, { field: 'day', formatter: (v: string) => md(v), style: { label: AXIS_LABEL } }),
    h(Axis, { field: 'gmv', formatter: (v: number) => compactYuan(v), style: { label: AXIS_LABEL, grid: GRID } }),
    h(Axis, { field: 'orders', position: 'right', formatter: (v: number) => String(Math.round(v)), style: { label: AXIS_LABEL, grid: null } }),
    h(Line, { x: 'day', y: 'gmv', color: COLORS.gmv, size: days.length > 90 ? 1 : 2 }),
    h(Line, { x: 'day', y: 'orders', color: COLORS.orders, size: days.length > 90 ? 1 : 2 })
  )
}

export interface LineBar {
  label: string
  gmvFen: number
  orders: number
}

/** GMV per service line as horizontal bars, the largest on top. */
export function linesChart(lines: readonly LineBar[]): F2Element {
  const data = [...lines].sort((a, b) => a.gmvFen - b.gmvFen).map((l) => ({ label: l.label, gmv: l.gmvFen / 100 }))
  return h(
    Chart,
    { data, coord: { transposed: true }, scale: { gmv: { min: 0, nice: true, tickCount: 4 } } },
    h(Axis, { field: 'label', style: { label: { fill: '#4e5969', fontSize: '22px' } } }),
    h(Axis, { field: 'gmv', formatter: (v: number) => compactYuan(v), style: { label: AXIS_LABEL, grid: GRID } }),
    h(Interval, { x: 'label', y: 'gmv', color: COLORS.bar, sizeRatio: 0.55 })
  )
}

export interface FunnelStage {
  stage: string
  value: number
}

/**
 * The funnel, first stage on top: each stage's width is its share of the widest; its name on the
 * left, its count and its share of the first stage inside.
 */
export function funnelChart(stages: readonly FunnelStage[]): F2Element {
  const widest = Math.max(1, ...stages.map((s) => s.value))
  const first = stages[0]?.value ?? 0
  // A transposed chart draws its first category at the bottom: reversed, the funnel reads downwards.
  const data = [...stages].reverse().map((s) => ({
    stage: s.stage,
    value: s.value,
    width: s.value / widest,
    text: first > 0 ? `${s.value}（${Math.round((s.value / first) * 100)}%）` : String(s.value)
  }))
  return h(
    Chart,
    { data, coord: { transposed: true }, scale: { width: { min: 0, max: 1 } } },
    h(Axis, { field: 'stage', style: { label: { fill: '#4e5969', fontSize: '24px' }, line: null, tickLine: null, grid: null } }),
    h(Interval, {
      x: 'stage',
      y: 'width',
      adjust: 'symmetric',
      shape: 'funnel',
      color: { field: 'stage', range: [...COLORS.funnel].reverse() },
      showLabel: true,
      labelCfg: {
        guide: (d: { text: string }) => ({ text: d.text, fill: '#1d2129', fontSize: 12, fontWeight: 'bold' })
      }
    })
  )
}
