/**
 * Draws a QR matrix as a 1-bit greyscale PNG data URI. An <Image> with a data URI renders the
 * same in WeChat and H5, keeps the page at one node instead of thousands, and is crisp because
 * each module is a whole number of pixels. The image is small (about 10 KB), so zlib's "stored"
 * blocks are enough and no compressor is needed.
 */
import type { QrMatrix } from './encode'

/** The standard's quiet zone: four light modules around the symbol. */
export const QUIET_MODULES = 4

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const x of bytes) {
    a = (a + x) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

class Writer {
  private parts: Uint8Array[] = []
  length = 0
  bytes(b: Uint8Array | readonly number[]): void {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b)
    this.parts.push(u)
    this.length += u.length
  }
  u32(v: number): void {
    this.bytes([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255])
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length)
    let at = 0
    for (const p of this.parts) {
      out.set(p, at)
      at += p.length
    }
    return out
  }
}

function zlibStored(raw: Uint8Array): Uint8Array {
  const w = new Writer()
  w.bytes([0x78, 0x01])
  for (let at = 0; at < raw.length || at === 0; at += 65535) {
    const chunk = raw.subarray(at, Math.min(raw.length, at + 65535))
    const final = at + 65535 >= raw.length ? 1 : 0
    const len = chunk.length
    w.bytes([final, len & 255, len >>> 8, ~len & 255, (~len >>> 8) & 255])
    w.bytes(chunk)
    if (raw.length === 0) break
  }
  w.u32(adler32(raw))
  return w.concat()
}

function chunk(w: Writer, type: string, data: Uint8Array): void {
  const body = new Uint8Array(4 + data.length)
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i)
  body.set(data, 4)
  w.u32(data.length)
  w.bytes(body)
  w.u32(crc32(body))
}

/** PNG bytes of the matrix with its quiet zone, `scale` pixels per module. */
export function qrPng(qr: QrMatrix, scale: number): Uint8Array {
  const modules = qr.size + 2 * QUIET_MODULES
  const px = modules * scale
  const stride = Math.ceil(px / 8) + 1
  const raw = new Uint8Array(stride * px)
  for (let y = 0; y < px; y++) {
    const my = Math.floor(y / scale) - QUIET_MODULES
    for (let x = 0; x < px; x++) {
      const mx = Math.floor(x / scale) - QUIET_MODULES
      const dark = qr.modules[my]?.[mx] ?? false
      // 1-bit greyscale: 1 is white. The filter byte (0 = none) leads each row.
      if (!dark) raw[y * stride + 1 + (x >> 3)]! |= 0x80 >> (x & 7)
    }
  }
  const ihdr = new Uint8Array(13)
  const dv = new DataView(ihdr.buffer)
  dv.setUint32(0, px)
  dv.setUint32(4, px)
  ihdr.set([1, 0, 0, 0, 0], 8)
  const w = new Writer()
  w.bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  chunk(w, 'IHDR', ihdr)
  chunk(w, 'IDAT', zlibStored(raw))
  chunk(w, 'IEND', new Uint8Array(0))
  return w.concat()
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** btoa is not in every mini-program runtime, so base64 is done here. */
export function base64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1]
    const c = bytes[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += B64[(n >>> 18) & 63]! + B64[(n >>> 12) & 63]! + (b === undefined ? '=' : B64[(n >>> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!)
  }
  return out
}

/** About `targetPx` pixels wide, in whole pixels per module. */
export function qrDataUri(qr: QrMatrix, targetPx = 330): string {
  const scale = Math.max(2, Math.round(targetPx / (qr.size + 2 * QUIET_MODULES)))
  return `data:image/png;base64,${base64(qrPng(qr, scale))}`
}
