import * as jpeg from 'jpeg-js'
import { PNG } from 'pngjs'

/**
 * Smaller copies of uploaded photos for list views, the local stand-in for CloudBase's image
 * parameters. Pure JavaScript (jpeg-js and pngjs, the codecs jimp itself uses), so nothing is
 * downloaded at install. WebP has no pure-JS codec here: a WebP photo is served as it is.
 */

/**
 * The widths a thumbnail is made at. A request is rounded up to one of them, so the copies kept
 * on disk stay a handful per photo whatever widths pages ask for.
 */
export const THUMB_WIDTHS: readonly number[] = [120, 240, 360, 480, 720, 1080]
const WIDEST_THUMB = 1080

/** The width to make for a requested one: the smallest step at least as wide, else the widest. */
export function thumbWidthFor(requested: number): number {
  return THUMB_WIDTHS.find((w) => w >= requested) ?? WIDEST_THUMB
}

/** Decoding limits: an uploaded photo is at most 2 MB, far below these. */
const MAX_MEGAPIXELS = 40
const MAX_DECODE_MB = 256
const JPEG_QUALITY = 80

interface Rgba {
  width: number
  height: number
  data: Uint8Array
}

/**
 * The EXIF orientation of a JPEG (1 = upright), or 1 when it has none. Read from the APP1 Exif
 * block's first IFD: browsers rotate by it, a re-encoded copy would lose it.
 */
export function jpegOrientation(b: Buffer): number {
  let at = 2
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1] ?? 0
    const size = b.readUInt16BE(at + 2)
    if (marker === 0xda) break // start of scan: no more headers
    if (marker === 0xe1 && b.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      const tiff = at + 10
      if (tiff + 8 > b.length) return 1
      const little = b.toString('latin1', tiff, tiff + 2) === 'II'
      const u16 = (o: number) => (little ? b.readUInt16LE(o) : b.readUInt16BE(o))
      const u32 = (o: number) => (little ? b.readUInt32LE(o) : b.readUInt32BE(o))
      const ifd = tiff + u32(tiff + 4)
      if (ifd + 2 > b.length) return 1
      const entries = u16(ifd)
      for (let i = 0; i < entries; i++) {
        const e = ifd + 2 + i * 12
        if (e + 12 > b.length) return 1
        if (u16(e) === 0x0112) return u16(e + 8)
      }
      return 1
    }
    at += 2 + size
  }
  return 1
}

/**
 * Resamples to `dw`×`dh` by area averaging (each target pixel is the mean of the source pixels it
 * covers, fractional edges weighted), in two separable passes, with colour weighted by alpha so
 * transparent edges do not darken.
 */
export function downscale(src: Rgba, dw: number, dh: number): Rgba {
  const { width: sw, height: sh, data } = src
  const weights = (from: number, to: number) => {
    const scale = from / to
    return Array.from({ length: to }, (_, d) => {
      const start = d * scale
      const end = start + scale
      const taps: [number, number][] = []
      for (let s = Math.floor(start); s < Math.min(Math.ceil(end), from); s++) {
        const w = Math.min(end, s + 1) - Math.max(start, s)
        if (w > 0) taps.push([s, w / scale])
      }
      return taps
    })
  }
  const wx = weights(sw, dw)
  const wy = weights(sh, dh)
  // Pass 1: rows keep their count, columns shrink; premultiplied floats.
  const mid = new Float32Array(dw * sh * 4)
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < dw; x++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const [s, w] of wx[x] ?? []) {
        const i = (y * sw + s) * 4
        const alpha = (data[i + 3] ?? 0) * w
        r += (data[i] ?? 0) * alpha
        g += (data[i + 1] ?? 0) * alpha
        b += (data[i + 2] ?? 0) * alpha
        a += alpha
      }
      const o = (y * dw + x) * 4
      mid[o] = r
      mid[o + 1] = g
      mid[o + 2] = b
      mid[o + 3] = a
    }
  }
  // Pass 2: rows shrink; back from premultiplied to plain RGBA bytes.
  const out = new Uint8Array(dw * dh * 4)
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const [s, w] of wy[y] ?? []) {
        const i = (s * dw + x) * 4
        r += (mid[i] ?? 0) * w
        g += (mid[i + 1] ?? 0) * w
        b += (mid[i + 2] ?? 0) * w
        a += (mid[i + 3] ?? 0) * w
      }
      const o = (y * dw + x) * 4
      out[o] = a > 0 ? Math.round(r / a) : 0
      out[o + 1] = a > 0 ? Math.round(g / a) : 0
      out[o + 2] = a > 0 ? Math.round(b / a) : 0
      out[o + 3] = Math.round(a)
    }
  }
  return { width: dw, height: dh, data: out }
}

/**
 * A copy of the photo `width` pixels wide (height in proportion), encoded as the original was; or
 * null when the original should be served instead: already that narrow, WebP, or a JPEG whose EXIF
 * turns it (the copy would lose the turn).
 */
export function makeThumbnail(bytes: Buffer, ext: 'jpg' | 'png' | 'webp', width: number): Buffer | null {
  if (ext === 'webp') return null
  if (ext === 'jpg') {
    if (jpegOrientation(bytes) !== 1) return null
    const img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: MAX_DECODE_MB })
    if (img.width <= width) return null
    const small = downscale(img, width, Math.max(1, Math.round((img.height * width) / img.width)))
    return jpeg.encode({ width: small.width, height: small.height, data: small.data }, JPEG_QUALITY).data
  }
  const png = PNG.sync.read(bytes)
  if (png.width <= width) return null
  const small = downscale({ width: png.width, height: png.height, data: png.data }, width, Math.max(1, Math.round((png.height * width) / png.width)))
  const out = new PNG({ width: small.width, height: small.height })
  out.data = Buffer.from(small.data.buffer, small.data.byteOffset, small.data.byteLength)
  return PNG.sync.write(out)
}
