import type { DemoPhotoKey } from '../photos'
import { Canvas, type Rgb, WHITE, circle, mix } from './canvas'
import {
  type Motif,
  airConditioner,
  badge,
  bucketAndBroom,
  bulbAndBolt,
  calendar,
  foldedStack,
  fruitBowl,
  heart,
  pipeAndDrop,
  plus,
  priceTag,
  riceBowl,
  vegBox,
  vegCloseUp,
  washerAndWrench
} from './motifs'

/**
 * What each demo photo shows: a backdrop in the item's colour family and its motif, 640×480 like
 * an uploaded cover. `scripts/seed/make-photos.ts` renders them into `scripts/seed/images/`.
 */
export const PHOTO_WIDTH = 640
export const PHOTO_HEIGHT = 480

interface Scene {
  /** Background gradient, top then bottom. */
  bg: readonly [Rgb, Rgb]
  draw(c: Canvas): void
}

const centred = (m: Motif): Scene['draw'] => (c) => m(c, PHOTO_WIDTH / 2, PHOTO_HEIGHT / 2 + 10)

/** A pre-sale cover: the product on the left, a price tag on the right. */
const banner =
  (m: Motif, accent: Rgb): Scene['draw'] =>
  (c) => {
    m(c, 250, PHOTO_HEIGHT / 2 + 20)
    priceTag(c, 520, PHOTO_HEIGHT / 2 - 20, accent)
  }

/** An event: its calendar day with a badge saying what it is about. */
const eventDay =
  (accent: Rgb, symbol: (c: Canvas, cx: number, cy: number) => void): Scene['draw'] =>
  (c) => {
    calendar(accent)(c, PHOTO_WIDTH / 2 - 20, PHOTO_HEIGHT / 2)
    badge(c, PHOTO_WIDTH / 2 + 120, PHOTO_HEIGHT / 2 + 120, symbol)
  }

const GREEN: readonly [Rgb, Rgb] = [
  [200, 236, 201],
  [129, 199, 132]
]
const PEACH: readonly [Rgb, Rgb] = [
  [255, 224, 178],
  [255, 171, 145]
]
const SKY: readonly [Rgb, Rgb] = [
  [187, 222, 251],
  [100, 181, 246]
]
const WHEAT: readonly [Rgb, Rgb] = [
  [255, 241, 189],
  [240, 200, 110]
]
const TEAL: readonly [Rgb, Rgb] = [
  [178, 235, 242],
  [77, 182, 172]
]
const ROSE: readonly [Rgb, Rgb] = [
  [255, 205, 210],
  [240, 128, 150]
]
const LILAC: readonly [Rgb, Rgb] = [
  [225, 215, 245],
  [159, 168, 218]
]
const AMBER: readonly [Rgb, Rgb] = [
  [255, 236, 179],
  [255, 183, 77]
]

const SCENES = {
  'product-veg': { bg: GREEN, draw: centred(vegBox) },
  'product-veg-2': { bg: GREEN, draw: centred(vegCloseUp) },
  'product-fruit': { bg: PEACH, draw: centred(fruitBowl) },
  'product-clean': { bg: LILAC, draw: centred(bucketAndBroom) },
  'product-rice': { bg: WHEAT, draw: centred(riceBowl) },
  'campaign-veg': { bg: GREEN, draw: banner(vegBox, [56, 142, 60]) },
  'campaign-fruit': { bg: PEACH, draw: banner(fruitBowl, [230, 81, 0]) },
  'campaign-clean': { bg: SKY, draw: banner(bucketAndBroom, [21, 101, 192]) },
  'campaign-rice': { bg: WHEAT, draw: banner(riceBowl, [191, 120, 20]) },
  'event-cleaning': { bg: TEAL, draw: eventDay([0, 137, 123], suds) },
  'event-craft': { bg: ROSE, draw: eventDay([216, 67, 98], (c, x, y) => heart(c, x, y + 4, 30, [236, 64, 122])) },
  'event-health': { bg: GREEN, draw: eventDay([46, 125, 50], (c, x, y) => plus(c, x, y, 30, [67, 160, 71])) },
  'event-appliance': { bg: SKY, draw: eventDay([25, 118, 210], (c, x, y) => c.fill(circle(x, y, 26), [66, 165, 245])) },
  'line-clean': { bg: SKY, draw: centred(bucketAndBroom) },
  'line-deep': { bg: TEAL, draw: centred(bucketAndBroom) },
  'line-tidy': { bg: PEACH, draw: centred(foldedStack) },
  'line-aircon': { bg: SKY, draw: centred(airConditioner) },
  'line-appliance': { bg: LILAC, draw: centred(washerAndWrench) },
  'line-pipe': { bg: TEAL, draw: centred(pipeAndDrop) },
  'line-electric': { bg: AMBER, draw: centred(bulbAndBolt) },
  'proposal-cashmere': { bg: ROSE, draw: centred(foldedStack) },
  // 产品包: the cleaning with its supplies, and the badge of the uses that come with it.
  'product-season': {
    bg: AMBER,
    draw: (c) => {
      bucketAndBroom(c, PHOTO_WIDTH / 2 - 40, PHOTO_HEIGHT / 2 + 20)
      badge(c, PHOTO_WIDTH / 2 + 150, PHOTO_HEIGHT / 2 - 110, (cc, x, y) => plus(cc, x, y, 30, [239, 108, 0]))
    }
  }
} satisfies Record<DemoPhotoKey, Scene>

/** Suds in the event badge: the cleaning session's sign. */
function suds(c: Canvas, x: number, y: number): void {
  c.fill(circle(x - 8, y + 6, 20), [30, 136, 229])
  c.fill(circle(x + 14, y - 12, 12), [144, 202, 249])
  c.fill(circle(x - 18, y - 16, 8), [144, 202, 249])
}

/** The photo's backdrop alone: its gradient, a pale disc behind the motif and a few soft dots for depth. */
export function renderBackdrop(key: DemoPhotoKey): Canvas {
  const c = new Canvas(PHOTO_WIDTH, PHOTO_HEIGHT)
  const [top, bottom] = SCENES[key].bg
  c.gradient(top, bottom)
  c.fill(circle(PHOTO_WIDTH / 2, PHOTO_HEIGHT / 2 + 10, 190), mix(top, WHITE, 0.45), 0.7)
  for (const [x, y, r] of [
    [70, 80, 26],
    [590, 70, 18],
    [560, 420, 30],
    [90, 400, 14]
  ] as const) {
    c.fill(circle(x, y, r), WHITE, 0.25)
  }
  return c
}

/** Paints one demo photo: the backdrop, then the motif. */
export function renderDemoPhoto(key: DemoPhotoKey): Canvas {
  const c = renderBackdrop(key)
  SCENES[key].draw(c)
  return c
}
