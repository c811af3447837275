import { inflateSync } from 'node:zlib'

/**
 * Reads QR codes the way a gate's scanner would: from pixels. The PNG reader is deliberately
 * independent of src/utils/qr/png.ts (it uses node's zlib and checks every CRC-free
 * structure it relies on); the decoder is qrcode-reader (a jsqrcode port, shipped with
 * miniprogram-ci), which shares no code with our encoder.
 */
interface Bitmap {
  width: number
  height: number
  data: Buffer
}

interface QrReader {
  callback: (err: unknown, value?: { result: string }) => void
  decode(bitmap: Bitmap): void
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const QrCodeReader = require('qrcode-reader') as new () => QrReader

/**
 * jsqrcode binarises the image in a 4x4 grid of whole areas and leaves the pixels past the last
 * whole area untouched (white then reads as dark): pad with white to a multiple of 4 first, as a
 * camera frame with margin around the code would be.
 */
function padded(b: Bitmap): Bitmap {
  const width = Math.ceil(b.width / 4) * 4
  const height = Math.ceil(b.height / 4) * 4
  if (width === b.width && height === b.height) return b
  const data = Buffer.alloc(width * height * 4, 255)
  for (let y = 0; y < b.height; y++) b.data.copy(data, y * width * 4, y * b.width * 4, (y + 1) * b.width * 4)
  return { width, height, data }
}

export function decodeBitmap(bitmap: Bitmap): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new QrCodeReader()
    reader.callback = (err, value) => {
      if (err || !value) reject(err instanceof Error ? err : new Error(String(err)))
      else resolve(value.result)
    }
    reader.decode(padded(bitmap))
  })
}

/** RGBA pixels of a module matrix, with a quiet zone. */
export function matrixBitmap(modules: readonly (readonly boolean[])[], scale = 4, quiet = 4): Bitmap {
  const n = modules.length + 2 * quiet
  const px = n * scale
  const data = Buffer.alloc(px * px * 4, 255)
  for (let y = 0; y < px; y++) {
    for (let x = 0; x < px; x++) {
      const dark = modules[Math.floor(y / scale) - quiet]?.[Math.floor(x / scale) - quiet] ?? false
      if (dark) data.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3)
    }
  }
  return { width: px, height: px, data }
}

/** Parses the 1-bit greyscale PNGs our pass pages draw into RGBA. */
export function pngBitmap(png: Buffer): Bitmap {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG')
  let at = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  while (at < png.length) {
    const len = png.readUInt32BE(at)
    const type = png.subarray(at + 4, at + 8).toString('ascii')
    const body = png.subarray(at + 8, at + 8 + len)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      if (body[8] !== 1 || body[9] !== 0 || body[12] !== 0) throw new Error('expected a 1-bit greyscale, non-interlaced PNG')
    } else if (type === 'IDAT') idat.push(body)
    at += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = Math.ceil(width / 8) + 1
  if (raw.length !== stride * height) throw new Error(`PNG data is ${raw.length} bytes, expected ${stride * height}`)
  const data = Buffer.alloc(width * height * 4, 255)
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error('expected filter type 0')
    for (let x = 0; x < width; x++) {
      const white = ((raw[y * stride + 1 + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1
      if (!white) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3)
    }
  }
  return { width, height, data }
}

/** The module grid of an axis-aligned symbol with a four-module quiet zone (what our PNGs are). */
export function sampleModules(b: Bitmap): boolean[][] {
  const dark = (x: number, y: number) => b.data[(y * b.width + x) * 4] === 0
  let edge = 0
  const probeY = Math.floor(b.height / 5)
  while (edge < b.width && !dark(edge, probeY)) edge++
  if (edge === b.width) throw new Error('no dark module found')
  // The top-left finder pattern starts right after the quiet zone: four modules in.
  const scale = edge / 4
  const n = Math.round(b.width / scale) - 8
  return Array.from({ length: n }, (_, my) =>
    Array.from({ length: n }, (_, mx) => dark(Math.floor((mx + 4.5) * scale), Math.floor((my + 4.5) * scale)))
  )
}

const rotate = (m: readonly (readonly boolean[])[]) => (m[0] ?? []).map((_, i) => m.map((row) => row[i] ?? false).reverse())

/**
 * Scans like a camera does, from several angles and distances until one reading succeeds:
 * jsqrcode's finder-pattern detector misses roughly one symbol in ten from any single view,
 * while a successful reading is Reed-Solomon checked and so never wrong.
 */
export async function scan(modules: readonly (readonly boolean[])[]): Promise<string> {
  let m = modules
  let last: unknown = null
  for (let turn = 0; turn < 4; turn++) {
    for (const scale of [3, 5, 7]) {
      try {
        return await decodeBitmap(matrixBitmap(m, scale))
      } catch (e) {
        last = e
      }
    }
    m = rotate(m)
  }
  throw new Error(`no reading of the QR code: ${String(last)}`)
}

export function decodeDataUri(uri: string): Promise<string> {
  const prefix = 'data:image/png;base64,'
  if (!uri.startsWith(prefix)) throw new Error(`not a PNG data URI: ${uri.slice(0, 40)}`)
  return scan(sampleModules(pngBitmap(Buffer.from(uri.slice(prefix.length), 'base64'))))
}
