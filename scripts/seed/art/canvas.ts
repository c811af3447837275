import { encodePng } from '../../lib/png'

/**
 * A tiny vector painter for the demo photos: shapes are signed distance functions (negative
 * inside, in pixels), so every edge is anti-aliased from one sample per pixel, and each shape
 * carries a bounding box so that painting it touches only its own pixels.
 */
export type Rgb = readonly [number, number, number]

export interface Shape {
  /** Signed distance in pixels from (x, y) to the edge: below zero inside. */
  d(x: number, y: number): number
  /** x0, y0, x1, y1: nothing outside is inside the shape. */
  box: readonly [number, number, number, number]
}

export function circle(cx: number, cy: number, r: number): Shape {
  return { d: (x, y) => Math.hypot(x - cx, y - cy) - r, box: [cx - r, cy - r, cx + r, cy + r] }
}

/** Close to exact near the edge, which is all the anti-aliasing reads. */
export function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return { d: (x, y) => (Math.hypot((x - cx) / rx, (y - cy) / ry) - 1) * Math.min(rx, ry), box: [cx - rx, cy - ry, cx + rx, cy + ry] }
}

export function rect(x0: number, y0: number, x1: number, y1: number, radius = 0): Shape {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hx = (x1 - x0) / 2 - radius
  const hy = (y1 - y0) / 2 - radius
  return {
    d: (x, y) => {
      const qx = Math.abs(x - cx) - hx
      const qy = Math.abs(y - cy) - hy
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
    },
    box: [x0, y0, x1, y1]
  }
}

/** A stroke from a to b with round ends, `width` across. */
export function line(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const r = width / 2
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy || 1
  return {
    d: (x, y) => {
      const h = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2))
      return Math.hypot(x - ax - dx * h, y - ay - dy * h) - r
    },
    box: [Math.min(ax, bx) - r, Math.min(ay, by) - r, Math.max(ax, bx) + r, Math.max(ay, by) + r]
  }
}

/** A convex polygon, its points in either winding. */
export function polygon(points: readonly (readonly [number, number])[]): Shape {
  const n = points.length
  let area = 0
  for (let i = 0; i < n; i++) {
    const [x0, y0] = points[i] ?? [0, 0]
    const [x1, y1] = points[(i + 1) % n] ?? [0, 0]
    area += x0 * y1 - x1 * y0
  }
  const sign = area > 0 ? 1 : -1
  const edges = points.map(([x0, y0], i) => {
    const [x1, y1] = points[(i + 1) % n] ?? [0, 0]
    const len = Math.hypot(x1 - x0, y1 - y0) || 1
    // Outward: (dy, -dx) along an edge of a positive shoelace area, the opposite for the other winding.
    return { x0, y0, nx: (sign * (y1 - y0)) / len, ny: (sign * (x0 - x1)) / len }
  })
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return {
    d: (x, y) => edges.reduce((m, e) => Math.max(m, (x - e.x0) * e.nx + (y - e.y0) * e.ny), -Infinity),
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
  }
}

export function union(...shapes: Shape[]): Shape {
  return {
    d: (x, y) => shapes.reduce((m, s) => Math.min(m, s.d(x, y)), Infinity),
    box: [Math.min(...shapes.map((s) => s.box[0])), Math.min(...shapes.map((s) => s.box[1])), Math.max(...shapes.map((s) => s.box[2])), Math.max(...shapes.map((s) => s.box[3]))]
  }
}

export function intersect(a: Shape, b: Shape): Shape {
  return { d: (x, y) => Math.max(a.d(x, y), b.d(x, y)), box: [Math.max(a.box[0], b.box[0]), Math.max(a.box[1], b.box[1]), Math.min(a.box[2], b.box[2]), Math.min(a.box[3], b.box[3])] }
}

export function subtract(a: Shape, b: Shape): Shape {
  return { d: (x, y) => Math.max(a.d(x, y), -b.d(x, y)), box: a.box }
}

export function moved(s: Shape, dx: number, dy: number): Shape {
  return { d: (x, y) => s.d(x - dx, y - dy), box: [s.box[0] + dx, s.box[1] + dy, s.box[2] + dx, s.box[3] + dy] }
}

/** A ring of `width` around the circle (cx, cy, r). */
export function ring(cx: number, cy: number, r: number, width: number): Shape {
  return subtract(circle(cx, cy, r + width / 2), circle(cx, cy, r - width / 2))
}

/** A leaf pointing from (ax, ay) to (bx, by): two overlapping discs, `fullness` 0-1 as wide. */
export function leaf(ax: number, ay: number, bx: number, by: number, fullness = 0.5): Shape {
  const mx = (ax + bx) / 2
  const my = (ay + by) / 2
  const half = Math.hypot(bx - ax, by - ay) / 2
  const w = half * Math.max(0.1, Math.min(1, fullness))
  // Discs through both tips whose lens is 2w wide: r² = half² + (r - w)².
  const r = (half * half + w * w) / (2 * w)
  const nx = -(by - ay) / (2 * half)
  const ny = (bx - ax) / (2 * half)
  const off = r - w
  return intersect(circle(mx + nx * off, my + ny * off, r), circle(mx - nx * off, my - ny * off, r))
}

/** A four-pointed sparkle. */
export function sparkle(cx: number, cy: number, r: number): Shape {
  const k = r * 0.28
  return union(
    polygon([
      [cx, cy - r],
      [cx + k, cy],
      [cx, cy + r],
      [cx - k, cy]
    ]),
    polygon([
      [cx - r, cy],
      [cx, cy - k],
      [cx + r, cy],
      [cx, cy + k]
    ])
  )
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

export const WHITE: Rgb = [255, 255, 255]
export const INK: Rgb = [38, 50, 56]

export class Canvas {
  private readonly px: Float32Array

  constructor(
    readonly width: number,
    readonly height: number
  ) {
    this.px = new Float32Array(width * height * 3)
  }

  /** A top-to-bottom gradient: rows of one colour each, which deflate to almost nothing. */
  gradient(top: Rgb, bottom: Rgb): void {
    for (let y = 0; y < this.height; y++) {
      const c = mix(top, bottom, y / (this.height - 1))
      for (let o = y * this.width * 3; o < (y + 1) * this.width * 3; o += 3) {
        this.px[o] = c[0]
        this.px[o + 1] = c[1]
        this.px[o + 2] = c[2]
      }
    }
  }

  /** Paints `s` in `color`; `soft` widens the edge (pixels), for shadows and glows. */
  fill(s: Shape, color: Rgb, alpha = 1, soft = 1): void {
    const pad = Math.ceil(soft) + 1
    const x0 = Math.max(0, Math.floor(s.box[0]) - pad)
    const y0 = Math.max(0, Math.floor(s.box[1]) - pad)
    const x1 = Math.min(this.width - 1, Math.ceil(s.box[2]) + pad)
    const y1 = Math.min(this.height - 1, Math.ceil(s.box[3]) + pad)
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const cover = Math.max(0, Math.min(1, 0.5 - s.d(x + 0.5, y + 0.5) / soft)) * alpha
        if (cover <= 0) continue
        const o = (y * this.width + x) * 3
        this.px[o] = (this.px[o] ?? 0) + (color[0] - (this.px[o] ?? 0)) * cover
        this.px[o + 1] = (this.px[o + 1] ?? 0) + (color[1] - (this.px[o + 1] ?? 0)) * cover
        this.px[o + 2] = (this.px[o + 2] ?? 0) + (color[2] - (this.px[o + 2] ?? 0)) * cover
      }
    }
  }

  /** A soft drop shadow under `s`, as if lit from above. */
  shadow(s: Shape, depth = 10): void {
    this.fill(moved(s, 0, depth), INK, 0.16, depth * 1.6)
  }

  /** The picture as 8-bit RGB, rows from the top. */
  rgb(): Uint8Array {
    const bytes = new Uint8Array(this.px.length)
    for (let i = 0; i < this.px.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(this.px[i] ?? 0)))
    return bytes
  }

  png(level?: number): Buffer {
    return encodePng(this.width, this.height, this.rgb(), level)
  }
}
