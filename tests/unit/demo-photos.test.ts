import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PHOTO_NAME, isPhotoId, localPhotoName } from '../../cloudfunctions/contracts/upload'
import { encodePng } from '../../scripts/lib/png'
import { buildPresale } from '../../scripts/seed/presale'
import { demoEvents } from '../../scripts/seed/events'
import { demoLines } from '../../scripts/seed/booking'
import { buildDemo } from '../../scripts/seed/demo'
import { PHOTO_HEIGHT, PHOTO_WIDTH, renderBackdrop, renderDemoPhoto } from '../../scripts/seed/art/scenes'
import { DEMO_PHOTO_MAX_BYTES } from '../../scripts/seed/make-photos'
import { DEMO_IMAGE_DIR, DEMO_PHOTO_KEYS, type DemoPhotoKey, demoPhoto, demoPhotoName, writeDemoPhotos } from '../../scripts/seed/photos'
import { TEST_PEPPER } from '../support/harness'
import { pixel, readPng } from '../support/png-read'

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0))

describe('encodePng', () => {
  it('round-trips arbitrary pixels through every row filter it picks', () => {
    const width = 13
    const height = 9
    const rgb = new Uint8Array(width * height * 3)
    // Noise, a flat band and a ramp: rows that favour None, Sub and Up in turn.
    for (let i = 0; i < rgb.length; i++) {
      const y = Math.floor(i / (width * 3))
      rgb[i] = y < 3 ? (i * 7919) % 251 : y < 6 ? 200 : (i % (width * 3)) * 5
    }
    const png = encodePng(width, height, rgb)
    const img = readPng(png)
    expect([img.width, img.height]).toEqual([width, height])
    expect([...img.rgb]).toEqual([...rgb])
  })

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodePng(4, 4, new Uint8Array(10))).toThrow('expected 48 bytes')
  })
})

/** The committed file of a demo photo. */
const committed = (key: DemoPhotoKey) => readFileSync(path.join(DEMO_IMAGE_DIR, demoPhotoName(key)))

describe('demo photos', () => {
  it('are PNGs of 640×480 with the signature and IHDR a decoder expects', () => {
    const png = committed('product-veg')
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(png.toString('ascii', 12, 16)).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 480])
    expect([PHOTO_WIDTH, PHOTO_HEIGHT]).toEqual([640, 480])
  })

  it.each(DEMO_PHOTO_KEYS)('%s is small, matches its scene and shows a motif on a gradient backdrop', (key) => {
    const png = committed(key)
    expect(png.length).toBeLessThan(DEMO_PHOTO_MAX_BYTES)
    const img = readPng(png)
    expect([img.width, img.height]).toEqual([640, 480])
    // The committed file is what the generator draws today: a changed scene needs make-photos rerun.
    expect(img.rgb.equals(Buffer.from(renderDemoPhoto(key).rgb()))).toBe(true)
    // The corners show the backdrop: one colour across a row, lighter at the top than at the bottom.
    const top = pixel(img, 2, 2)
    const bottom = pixel(img, 2, 477)
    expect(distance(top, pixel(img, 637, 2))).toBeLessThan(3)
    expect(top.reduce((a, b) => a + b)).toBeGreaterThan(bottom.reduce((a, b) => a + b))
    // The motif covers a good part of the picture, not all of it: pixels where it differs from the backdrop alone.
    const backdrop = renderBackdrop(key).rgb()
    let motif = 0
    for (let i = 0; i < backdrop.length; i += 3) {
      if (distance([img.rgb[i] ?? 0, img.rgb[i + 1] ?? 0, img.rgb[i + 2] ?? 0], [backdrop[i] ?? 0, backdrop[i + 1] ?? 0, backdrop[i + 2] ?? 0]) > 40) motif++
    }
    expect(motif / (640 * 480)).toBeGreaterThan(0.05)
    expect(motif / (640 * 480)).toBeLessThan(0.6)
  })

  it('differ from one another', () => {
    const hashes = new Set(DEMO_PHOTO_KEYS.map((k) => readPng(committed(k)).rgb.toString('base64')))
    expect(hashes.size).toBe(DEMO_PHOTO_KEYS.length)
  })

  it('have ids of the upload path, and every photo the seed references is one of them', () => {
    const ids = DEMO_PHOTO_KEYS.map(demoPhoto)
    for (const id of ids) {
      expect(isPhotoId(id)).toBe(true)
      expect(localPhotoName(id)).toMatch(PHOTO_NAME)
    }
    const demo = buildDemo(TEST_PEPPER)
    const presale = buildPresale(0)
    const referenced = [
      ...presale.products.flatMap((p) => p.images),
      ...presale.campaigns.flatMap((c) => [...c.images, c.cover ?? '']),
      ...presale.proposals.flatMap((p) => p.images),
      ...demoEvents(TEST_PEPPER, 0, demo.memberships).events.map((e) => e.cover ?? ''),
      ...demoLines().map((l) => l.cover ?? '')
    ]
    expect(referenced.every((id) => ids.includes(id))).toBe(true)
    // Every product, pre-sale, proposal, event and service line has a picture.
    expect(presale.products.every((p) => p.images.length > 0)).toBe(true)
    expect(presale.proposals.every((p) => p.images.length > 0)).toBe(true)
    expect(new Set(referenced).size).toBe(ids.length)
  })

  it('are copied once into the upload folder, under the names the local server serves', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-demo-photos-'))
    try {
      const uploads = path.join(dir, 'uploads')
      expect(writeDemoPhotos(uploads)).toEqual({ written: DEMO_PHOTO_KEYS.length, present: 0 })
      const names = readdirSync(uploads).sort()
      expect(names).toEqual(DEMO_PHOTO_KEYS.map((k) => localPhotoName(demoPhoto(k))).sort())
      expect(readFileSync(path.join(uploads, demoPhotoName('line-pipe'))).equals(committed('line-pipe'))).toBe(true)
      const before = statSync(path.join(uploads, names[0] ?? '')).mtimeMs
      expect(writeDemoPhotos(uploads)).toEqual({ written: 0, present: DEMO_PHOTO_KEYS.length })
      expect(statSync(path.join(uploads, names[0] ?? '')).mtimeMs).toBe(before)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
