import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import * as jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { downscale, jpegOrientation, makeThumbnail, thumbWidthFor } from '../../scripts/server/thumbnail'
import { photoUploads } from '../../scripts/server/uploads'

/** A `w`×`h` JPEG of a horizontal gradient. */
function jpegOf(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([Math.round((x / w) * 255), 120, 80, 255], (y * w + x) * 4)
  return jpeg.encode({ width: w, height: h, data }, 90).data
}

/** A `w`×`h` PNG, left half opaque green, right half fully transparent. */
function pngOf(w: number, h: number): Buffer {
  const png = new PNG({ width: w, height: h })
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) png.data.set(x < w / 2 ? [16, 134, 106, 255] : [0, 0, 0, 0], (y * w + x) * 4)
  return PNG.sync.write(png)
}

/** The same JPEG with an EXIF block saying "rotate 90° clockwise" (orientation 6), big-endian TIFF. */
function turned(jpg: Buffer): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0])
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body])
  return Buffer.concat([jpg.subarray(0, 2), app1, jpg.subarray(2)])
}

describe('resizing', () => {
  it('averages the area each target pixel covers', () => {
    const stripes = { width: 4, height: 1, data: new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]) }
    expect(Array.from(downscale(stripes, 2, 1).data)).toEqual([128, 128, 128, 255, 128, 128, 128, 255])
    // Three pixels into two: the middle one is split between both.
    const three = { width: 3, height: 1, data: new Uint8Array([0, 0, 0, 255, 90, 90, 90, 255, 180, 180, 180, 255]) }
    expect(Array.from(downscale(three, 2, 1).data)).toEqual([30, 30, 30, 255, 150, 150, 150, 255])
  })

  it('does not darken colour next to transparency', () => {
    const edge = { width: 2, height: 1, data: new Uint8Array([200, 40, 40, 255, 0, 0, 0, 0]) }
    expect(Array.from(downscale(edge, 1, 1).data)).toEqual([200, 40, 40, 128])
  })

  it('rounds a requested width up to a kept one', () => {
    expect([1, 120, 121, 240, 300, 700, 1080, 5000].map(thumbWidthFor)).toEqual([120, 120, 240, 240, 360, 720, 1080, 1080])
  })

  it('reads the EXIF orientation, and leaves turned, narrow or WebP photos alone', () => {
    const jpg = jpegOf(400, 300)
    expect(jpegOrientation(jpg)).toBe(1)
    expect(jpegOrientation(turned(jpg))).toBe(6)
    expect(makeThumbnail(turned(jpg), 'jpg', 120)).toBeNull()
    expect(makeThumbnail(jpg, 'jpg', 480)).toBeNull()
    expect(makeThumbnail(Buffer.from('RIFF....WEBPVP8 '), 'webp', 120)).toBeNull()
    const small = makeThumbnail(jpg, 'jpg', 120)
    expect(small && jpeg.decode(small)).toMatchObject({ width: 120, height: 90 })
  })
})

describe('GET /uploads/<name>?w=', () => {
  let dir: string
  let store: SqliteStore
  let server: Server
  let base: string
  const names = { jpg: 'AAAAAAAAAAAAAAAAAAAAAAAA.jpg', png: 'BBBBBBBBBBBBBBBBBBBBBBBB.png', tiny: 'CCCCCCCCCCCCCCCCCCCCCCCC.jpg', webp: 'DDDDDDDDDDDDDDDDDDDDDDDD.webp' }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-thumbs-'))
    const uploads = path.join(dir, 'uploads')
    mkdirSync(uploads)
    writeFileSync(path.join(uploads, names.jpg), jpegOf(800, 600))
    writeFileSync(path.join(uploads, names.png), pngOf(500, 100))
    writeFileSync(path.join(uploads, names.tiny), jpegOf(100, 80))
    writeFileSync(path.join(uploads, names.webp), Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))
    store = new SqliteStore(path.join(dir, 'store.sqlite'))
    const handle = photoUploads({ dir: uploads, store })
    server = createServer((req, res) => {
      void handle(req, res, null).then((done) => {
        if (!done) res.writeHead(418).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const get = async (url: string) => {
    const res = await fetch(base + url)
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: Buffer.from(await res.arrayBuffer()) }
  }

  it('serves a JPEG at the next kept width, made once and kept under the data folder', async () => {
    const first = await get(`/uploads/${names.jpg}?w=200`)
    expect(first).toMatchObject({ status: 200, type: 'image/jpeg', cache: 'private, max-age=31536000, immutable' })
    expect(jpeg.decode(first.body)).toMatchObject({ width: 240, height: 180 })
    const kept = path.join(dir, 'uploads', 'thumbs', 'AAAAAAAAAAAAAAAAAAAAAAAA.w240.jpg')
    expect(existsSync(kept)).toBe(true)
    const madeAt = statSync(kept).mtimeMs
    const again = await get(`/uploads/${names.jpg}?w=240`)
    expect(again.body.equals(first.body)).toBe(true)
    expect(statSync(kept).mtimeMs).toBe(madeAt)
    expect(first.body.length).toBeLessThan(readFileSync(path.join(dir, 'uploads', names.jpg)).length)
  })

  it('makes one copy for requests that arrive together', async () => {
    const all = await Promise.all(Array.from({ length: 4 }, () => get(`/uploads/${names.jpg}?w=360`)))
    expect(new Set(all.map((r) => r.body.toString('base64'))).size).toBe(1)
    expect(jpeg.decode(all[0]?.body ?? Buffer.alloc(0))).toMatchObject({ width: 360, height: 270 })
  })

  it('keeps a PNG a PNG, with its transparency', async () => {
    const res = await get(`/uploads/${names.png}?w=120`)
    expect(res.type).toBe('image/png')
    const png = PNG.sync.read(res.body)
    expect([png.width, png.height]).toEqual([120, 24])
    expect(png.data[3]).toBe(255)
    expect(png.data[(119 * 4) + 3]).toBe(0)
  })

  it('serves the original when it is narrow already or WebP, and without w', async () => {
    const original = readFileSync(path.join(dir, 'uploads', names.tiny))
    expect((await get(`/uploads/${names.tiny}?w=240`)).body.equals(original)).toBe(true)
    expect((await get(`/uploads/${names.tiny}`)).body.equals(original)).toBe(true)
    const webp = await get(`/uploads/${names.webp}?w=120`)
    expect(webp).toMatchObject({ status: 200, type: 'image/webp' })
    expect(webp.body.toString('latin1', 8, 12)).toBe('WEBP')
  })

  it('refuses widths that are not whole pixels in range, and unknown photos', async () => {
    for (const w of ['abc', '0', '-5', '1.5', '99999']) expect((await get(`/uploads/${names.jpg}?w=${w}`)).status).toBe(400)
    expect((await get('/uploads/ZZZZZZZZZZZZZZZZZZZZZZZZ.jpg?w=120')).status).toBe(404)
  })
})
