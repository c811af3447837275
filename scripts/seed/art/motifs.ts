import {
  type Canvas,
  type Rgb,
  WHITE,
  circle,
  ellipse,
  intersect,
  leaf,
  line,
  polygon,
  rect,
  ring,
  sparkle,
  subtract,
  union
} from './canvas'

/**
 * The flat illustrations of the demo photos. Each motif draws itself around (x, y), about 300 px
 * across; colours are picked per motif so that they read on any of the scenes' backgrounds.
 */
export type Motif = (c: Canvas, x: number, y: number) => void

const LEAF: Rgb = [76, 175, 80]
const LEAF_DARK: Rgb = [46, 125, 50]
const LEAF_LIGHT: Rgb = [139, 195, 74]
const WOOD: Rgb = [193, 136, 82]
const WOOD_DARK: Rgb = [160, 106, 58]
const STEEL: Rgb = [120, 138, 150]
const STEEL_DARK: Rgb = [84, 101, 112]

function tomato(c: Canvas, x: number, y: number, r: number): void {
  c.fill(circle(x, y, r), [229, 57, 53])
  c.fill(circle(x - r * 0.35, y - r * 0.35, r * 0.22), WHITE, 0.35)
  c.fill(sparkle(x, y - r * 0.9, r * 0.38), LEAF_DARK)
}

/** A carrot whose top is at (x, y), leaning `tilt` radians from pointing straight down. */
function carrot(c: Canvas, x: number, y: number, len: number, tilt = 0): void {
  const w = len * 0.2
  const dx = Math.sin(tilt)
  const dy = Math.cos(tilt)
  const at = (along: number, across: number): [number, number] => [x + dx * along - dy * across, y + dy * along + dx * across]
  c.fill(leaf(x, y, ...at(-len * 0.5, -w * 0.9), 0.35), LEAF)
  c.fill(leaf(x, y, ...at(-len * 0.55, w * 0.2), 0.35), LEAF_DARK)
  c.fill(leaf(x, y, ...at(-len * 0.45, w * 1.1), 0.35), LEAF_LIGHT)
  c.fill(polygon([at(0, -w), at(0, w), at(len, 0)]), [251, 140, 0])
  for (const k of [0.25, 0.45, 0.65]) c.fill(line(...at(len * k, -w * (1 - k) * 0.7), ...at(len * k, -w * (1 - k) * 0.1), 4), [230, 115, 0])
}

function greens(c: Canvas, x: number, y: number, h: number): void {
  c.fill(leaf(x, y, x - h * 0.45, y - h, 0.45), LEAF_DARK)
  c.fill(leaf(x, y, x + h * 0.1, y - h * 1.1, 0.5), LEAF)
  c.fill(leaf(x, y, x + h * 0.55, y - h * 0.85, 0.45), LEAF_LIGHT)
  c.fill(line(x, y, x + h * 0.05, y - h * 0.9, 5), [200, 230, 160], 0.8)
}

/** 有机蔬菜箱: a wooden crate of greens, a carrot and a tomato. */
export const vegBox: Motif = (c, x, y) => {
  const body = rect(x - 140, y - 20, x + 140, y + 100, 16)
  c.shadow(body)
  greens(c, x - 60, y - 10, 150)
  carrot(c, x + 75, y - 110, 170, -0.35)
  tomato(c, x - 5, y - 40, 40)
  c.fill(body, WOOD)
  c.fill(rect(x - 140, y + 34, x + 140, y + 42), WOOD_DARK)
  for (const hx of [x - 95, x + 55]) c.fill(rect(hx, y + 2, hx + 40, y + 16, 7), WOOD_DARK)
}

/** The same produce up close, for a second photo. */
export const vegCloseUp: Motif = (c, x, y) => {
  greens(c, x - 40, y + 110, 230)
  carrot(c, x + 60, y - 90, 230, -0.9)
  tomato(c, x - 90, y + 40, 70)
  tomato(c, x + 10, y + 80, 52)
}

/** 当季水果: oranges, an apple and grapes in a bowl. */
export const fruitBowl: Motif = (c, x, y) => {
  const bowl = intersect(circle(x, y - 30, 150), rect(x - 150, y - 10, x + 150, y + 120))
  c.shadow(bowl)
  for (const [gx, gy] of [
    [95, -70],
    [120, -55],
    [80, -45],
    [108, -30],
    [133, -30],
    [92, -18]
  ] as const) {
    c.fill(circle(x + gx, y + gy, 17), [123, 31, 162])
    c.fill(circle(x + gx - 5, y + gy - 5, 5), WHITE, 0.3)
  }
  c.fill(line(x + 15, y - 120, x + 24, y - 150, 8), WOOD_DARK)
  c.fill(leaf(x + 22, y - 142, x + 70, y - 160, 0.45), LEAF)
  c.fill(circle(x + 15, y - 65, 58), [211, 47, 47])
  c.fill(circle(x - 5, y - 88, 14), WHITE, 0.35)
  for (const [ox, oy, r] of [
    [-85, -40, 52],
    [-30, -20, 44]
  ] as const) {
    c.fill(circle(x + ox, y + oy, r), [251, 140, 0])
    c.fill(circle(x + ox - r * 0.3, y + oy - r * 0.35, r * 0.2), WHITE, 0.35)
    c.fill(circle(x + ox, y + oy - r * 0.82, 4), LEAF_DARK)
  }
  c.fill(bowl, [255, 248, 240])
  c.fill(rect(x - 162, y - 22, x + 162, y, 11), [255, 224, 178])
}

/** 保洁: a bucket of suds and a broom. */
export const bucketAndBroom: Motif = (c, x, y) => {
  c.fill(line(x + 160, y - 150, x + 90, y + 60, 14), WOOD)
  const head = polygon([
    [x + 55, y + 52],
    [x + 120, y + 72],
    [x + 108, y + 118],
    [x + 28, y + 98]
  ])
  c.shadow(head, 6)
  c.fill(head, [246, 191, 38])
  c.fill(line(x + 62, y + 58, x + 114, y + 75, 10), [229, 57, 53])
  const bucket = polygon([
    [x - 110, y - 50],
    [x + 40, y - 50],
    [x + 24, y + 110],
    [x - 94, y + 110]
  ])
  c.shadow(bucket)
  c.fill(intersect(ring(x - 35, y - 50, 72, 9), rect(x - 120, y - 140, x + 50, y - 50)), STEEL_DARK)
  for (const [bx, by, r] of [
    [-80, -64, 24],
    [-45, -76, 30],
    [-8, -68, 24],
    [18, -58, 16]
  ] as const) {
    c.fill(circle(x + bx, y + by, r), WHITE, 0.95)
  }
  c.fill(bucket, [30, 136, 229])
  c.fill(rect(x - 118, y - 60, x + 48, y - 40, 9), [21, 101, 192])
  c.fill(rect(x - 100, y + 10, x + 30, y + 22), [66, 165, 245])
  c.fill(sparkle(x - 150, y - 95, 20), WHITE)
  c.fill(sparkle(x + 130, y - 40, 13), WHITE)
}

/** 大米: a bowl of rice with chopsticks and an ear of wheat. */
export const riceBowl: Motif = (c, x, y) => {
  c.fill(line(x + 120, y + 30, x + 170, y - 150, 6), [214, 160, 46])
  for (let i = 0; i < 5; i++) {
    const t = 0.25 + i * 0.15
    const sx = x + 120 + 50 * t
    const sy = y + 30 - 180 * t
    c.fill(leaf(sx, sy, sx + (i % 2 ? 26 : -26), sy - 26, 0.5), [236, 185, 62])
  }
  const bowl = intersect(circle(x, y - 20, 140), rect(x - 140, y - 20, x + 140, y + 130))
  c.shadow(bowl)
  c.fill(intersect(ellipse(x, y - 20, 132, 78), rect(x - 140, y - 110, x + 140, y - 20)), [255, 253, 245])
  for (const [gx, gy] of [
    [-60, -40],
    [-20, -62],
    [25, -50],
    [60, -32],
    [-90, -26],
    [5, -30],
    [90, -24]
  ] as const) {
    c.fill(ellipse(x + gx, y + gy, 9, 5), [236, 230, 210])
  }
  c.fill(bowl, [236, 242, 248])
  c.fill(intersect(bowl, rect(x - 140, y + 40, x + 140, y + 56)), [25, 118, 210])
  c.fill(rect(x - 40, y + 112, x + 40, y + 128, 6), [207, 216, 226])
  c.fill(line(x - 170, y - 130, x - 30, y - 40, 9), [121, 85, 72])
  c.fill(line(x - 150, y - 150, x - 20, y - 52, 9), [141, 105, 92])
}

/** 家务整理: a stack of folded clothes and a potted plant. */
export const foldedStack: Motif = (c, x, y) => {
  const stack: [number, Rgb][] = [
    [70, [100, 160, 220]],
    [10, [244, 143, 125]],
    [-50, [255, 213, 79]]
  ]
  c.shadow(rect(x - 150, y + 70, x + 70, y + 130, 18))
  for (const [dy, col] of stack) {
    const w = 110 - (70 - dy) / 6
    c.fill(rect(x - 40 - w, y + dy, x - 40 + w, y + dy + 60, 18), col)
    c.fill(rect(x - 40 - w + 14, y + dy + 10, x - 40 + w - 14, y + dy + 16, 3), WHITE, 0.45)
  }
  const pot = polygon([
    [x + 90, y + 40],
    [x + 170, y + 40],
    [x + 155, y + 130],
    [x + 105, y + 130]
  ])
  c.fill(leaf(x + 130, y + 40, x + 90, y - 60, 0.45), LEAF_DARK)
  c.fill(leaf(x + 130, y + 40, x + 140, y - 90, 0.45), LEAF)
  c.fill(leaf(x + 130, y + 40, x + 185, y - 40, 0.45), LEAF_LIGHT)
  c.shadow(pot, 6)
  c.fill(pot, [216, 112, 72])
  c.fill(rect(x + 84, y + 32, x + 176, y + 50, 6), [191, 90, 54])
}

/** 空调清洗: a wall unit blowing cool air. */
export const airConditioner: Motif = (c, x, y) => {
  const unit = rect(x - 160, y - 90, x + 160, y + 20, 26)
  c.shadow(unit)
  c.fill(unit, WHITE)
  c.fill(rect(x - 130, y - 10, x + 130, y + 2, 6), [176, 190, 197])
  c.fill(circle(x + 125, y - 60, 7), [67, 160, 71])
  for (let i = 0; i < 3; i++) {
    const bx = x - 90 + i * 90
    c.fill(line(bx, y + 45, bx - 16, y + 80, 8), WHITE, 0.85)
    c.fill(line(bx - 16, y + 80, bx, y + 115, 8), WHITE, 0.85)
    c.fill(line(bx, y + 115, bx - 16, y + 150, 8), WHITE, 0.85)
  }
  const sx = x + 170
  const sy = y + 110
  for (const a of [0, Math.PI / 3, (2 * Math.PI) / 3]) {
    c.fill(line(sx - Math.cos(a) * 30, sy - Math.sin(a) * 30, sx + Math.cos(a) * 30, sy + Math.sin(a) * 30, 6), WHITE)
  }
}

/** 家电维修: a washing machine and a wrench. */
export const washerAndWrench: Motif = (c, x, y) => {
  const body = rect(x - 120, y - 130, x + 80, y + 130, 22)
  c.shadow(body)
  c.fill(body, WHITE)
  c.fill(intersect(body, rect(x - 120, y - 130, x + 80, y - 80)), [207, 216, 220])
  c.fill(circle(x + 45, y - 105, 10), STEEL)
  c.fill(rect(x - 95, y - 112, x - 30, y - 98, 7), [120, 144, 156])
  c.fill(circle(x - 20, y + 25, 64), [187, 222, 251])
  c.fill(intersect(circle(x - 20, y + 25, 64), rect(x - 90, y + 30, x + 50, y + 95)), [66, 165, 245])
  c.fill(ring(x - 20, y + 25, 68, 14), STEEL)
  // The wrench lies across the machine's corner: a handle and an open jaw.
  const hx = x + 140
  const hy = y - 30
  const u = [Math.SQRT1_2, -Math.SQRT1_2] as const
  const v = [Math.SQRT1_2, Math.SQRT1_2] as const
  const at = (a: number, b: number): [number, number] => [hx + u[0] * a + v[0] * b, hy + u[1] * a + v[1] * b]
  const wrench = subtract(union(line(x + 40, y + 150, hx, hy, 26), circle(hx, hy, 38)), polygon([at(4, -13), at(50, -13), at(50, 13), at(4, 13)]))
  c.shadow(wrench, 6)
  c.fill(wrench, STEEL_DARK)
}

function drop(cx: number, cy: number, r: number) {
  return union(
    circle(cx, cy, r),
    polygon([
      [cx - r * 0.866, cy - r * 0.5],
      [cx + r * 0.866, cy - r * 0.5],
      [cx, cy - r * 2]
    ])
  )
}

/** 管道疏通: an elbow pipe and a falling drop. */
export const pipeAndDrop: Motif = (c, x, y) => {
  const pipe = union(line(x - 180, y - 80, x + 40, y - 80, 54), line(x + 40, y - 80, x + 40, y + 40, 54))
  c.shadow(pipe)
  c.fill(pipe, STEEL)
  c.fill(line(x - 180, y - 92, x + 30, y - 92, 8), WHITE, 0.35)
  for (const s of [rect(x - 90, y - 116, x - 66, y - 44, 6), rect(x + 4, y + 10, x + 76, y + 34, 6), circle(x + 40, y - 80, 36)]) c.fill(s, STEEL_DARK)
  c.fill(drop(x + 40, y + 115, 28), [41, 182, 246])
  c.fill(circle(x + 31, y + 108, 7), WHITE, 0.5)
  c.fill(drop(x + 120, y + 60, 16), [129, 212, 250])
  c.fill(sparkle(x + 150, y - 110, 16), WHITE)
}

/** 水电维修: a glowing bulb and a lightning bolt. */
export const bulbAndBolt: Motif = (c, x, y) => {
  c.fill(circle(x - 40, y - 40, 120), WHITE, 0.35, 40)
  const glass = union(
    circle(x - 40, y - 40, 86),
    polygon([
      [x - 90, y + 20],
      [x + 10, y + 20],
      [x - 10, y + 70],
      [x - 70, y + 70]
    ])
  )
  c.shadow(glass)
  c.fill(glass, [255, 238, 150])
  c.fill(circle(x - 75, y - 80, 20), WHITE, 0.5)
  c.fill(line(x - 60, y + 5, x - 50, y - 30, 5), [245, 170, 30])
  c.fill(line(x - 50, y - 30, x - 30, y + 5, 5), [245, 170, 30])
  c.fill(line(x - 30, y + 5, x - 20, y - 30, 5), [245, 170, 30])
  c.fill(rect(x - 72, y + 68, x - 8, y + 116, 9), STEEL)
  for (const dy of [80, 96]) c.fill(rect(x - 72, y + dy, x - 8, y + dy + 5), STEEL_DARK)
  const bolt = union(
    polygon([
      [x + 120, y - 140],
      [x + 165, y - 140],
      [x + 140, y - 30],
      [x + 92, y - 30]
    ]),
    polygon([
      [x + 92, y - 34],
      [x + 170, y - 34],
      [x + 100, y + 110]
    ])
  )
  c.shadow(bolt, 6)
  c.fill(bolt, [245, 124, 0])
}

/** 活动: a calendar page; `accent` colours its header and the day it marks. */
export function calendar(accent: Rgb): Motif {
  return (c, x, y) => {
    const card = rect(x - 120, y - 100, x + 120, y + 120, 20)
    c.shadow(card)
    c.fill(card, WHITE)
    c.fill(intersect(card, rect(x - 120, y - 100, x + 120, y - 40)), accent)
    for (const rx of [x - 60, x + 60]) c.fill(line(rx, y - 122, rx, y - 82, 16), [84, 110, 122])
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 4; col++) {
        const cx = x - 78 + col * 52
        const cy = y - 8 + row * 44
        const mark = row === 1 && col === 2
        c.fill(rect(cx - 15, cy - 13, cx + 15, cy + 13, 7), mark ? accent : [236, 239, 241])
        if (mark) c.fill(ring(cx, cy, 22, 5), accent)
      }
    }
  }
}

export function heart(c: Canvas, cx: number, cy: number, r: number, color: Rgb): void {
  c.fill(
    union(
      circle(cx - r * 0.5, cy - r * 0.2, r * 0.56),
      circle(cx + r * 0.5, cy - r * 0.2, r * 0.56),
      polygon([
        [cx - r * 1.02, cy - r * 0.05],
        [cx + r * 1.02, cy - r * 0.05],
        [cx, cy + r]
      ])
    ),
    color
  )
}

export function plus(c: Canvas, cx: number, cy: number, r: number, color: Rgb): void {
  c.fill(union(rect(cx - r * 0.32, cy - r, cx + r * 0.32, cy + r, r * 0.12), rect(cx - r, cy - r * 0.32, cx + r, cy + r * 0.32, r * 0.12)), color)
}

/** A round white badge that holds a small symbol, pinned to a corner of a motif. */
export function badge(c: Canvas, cx: number, cy: number, draw: (c: Canvas, cx: number, cy: number) => void): void {
  const disc = circle(cx, cy, 56)
  c.shadow(disc, 6)
  c.fill(disc, WHITE)
  draw(c, cx, cy)
}

/** A price tag, for the pre-sale covers: a pentagon with a hole and two lines of "text". */
export function priceTag(c: Canvas, x: number, y: number, accent: Rgb): void {
  const tag = subtract(
    polygon([
      [x - 60, y - 100],
      [x + 90, y - 100],
      [x + 90, y + 100],
      [x - 60, y + 100],
      [x - 110, y]
    ]),
    circle(x - 70, y, 12)
  )
  c.shadow(tag)
  c.fill(tag, WHITE)
  c.fill(rect(x - 30, y - 52, x + 64, y - 30, 11), accent)
  c.fill(rect(x - 30, y - 10, x + 40, y + 6, 8), accent, 0.45)
  c.fill(rect(x - 30, y + 26, x + 56, y + 60, 12), accent, 0.8)
}
