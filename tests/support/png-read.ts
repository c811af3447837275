import { inflateSync } from 'node:zlib'

/**
 * A PNG reader for the tests, written from the specification and sharing no code with the
 * encoders it checks: chunk CRCs, IHDR, and all five row filters of 8-bit truecolour images.
 */
export interface RgbImage {
  width: number
  height: number
  /** width × height × 3 bytes, rows from the top. */
  rgb: Buffer
}

const SIGNATURE = '89504e470d0a1a0a'

/** Bitwise CRC-32 (the slow textbook form: independent of the encoders' tables). */
function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
}

export function readPng(png: Buffer): RgbImage {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG signature')
  let at = 8
  let header: Buffer | null = null
  const idat: Buffer[] = []
  let ended = false
  while (at < png.length) {
    const len = png.readUInt32BE(at)
    const type = png.toString('ascii', at + 4, at + 8)
    const body = png.subarray(at + 8, at + 8 + len)
    if (png.readUInt32BE(at + 8 + len) !== crc32(png.subarray(at + 4, at + 8 + len))) throw new Error(`bad CRC in ${type}`)
    if (type === 'IHDR') header = body
    else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') ended = true
    at += 12 + len
  }
  if (!header || !ended) throw new Error('missing IHDR or IEND')
  const width = header.readUInt32BE(0)
  const height = header.readUInt32BE(4)
  if (header[8] !== 8 || header[9] !== 2 || header[12] !== 0) throw new Error('expected 8-bit truecolour, not interlaced')
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 3
  if (raw.length !== (stride + 1) * height) throw new Error(`image data is ${raw.length} bytes, expected ${(stride + 1) * height}`)
  const rgb = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i] ?? 0
      const a = i >= 3 ? (rgb[y * stride + i - 3] ?? 0) : 0
      const b = y > 0 ? (rgb[(y - 1) * stride + i] ?? 0) : 0
      const c = i >= 3 && y > 0 ? (rgb[(y - 1) * stride + i - 3] ?? 0) : 0
      let pred: number
      if (filter === 0) pred = 0
      else if (filter === 1) pred = a
      else if (filter === 2) pred = b
      else if (filter === 3) pred = Math.floor((a + b) / 2)
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      } else throw new Error(`unknown filter ${filter} on row ${y}`)
      rgb[y * stride + i] = (v + pred) & 0xff
    }
  }
  return { width, height, rgb }
}

export function pixel(img: RgbImage, x: number, y: number): [number, number, number] {
  const o = (y * img.width + x) * 3
  return [img.rgb[o] ?? 0, img.rgb[o + 1] ?? 0, img.rgb[o + 2] ?? 0]
}
