import { deflateSync } from 'node:zlib'

/**
 * A PNG encoder for 8-bit RGB pixels, enough for pictures the scripts draw themselves. Each row
 * takes whichever of the None, Sub and Up filters leaves the smallest residue (the usual
 * heuristic), so flat colours and gradients deflate to a few kilobytes.
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** Sum of the residues read as signed bytes: smaller deflates better. */
function cost(row: Buffer): number {
  let n = 0
  for (let i = 1; i < row.length; i++) {
    const v = row[i] ?? 0
    n += v < 128 ? v : 256 - v
  }
  return n
}

/**
 * `rgb` holds width × height × 3 bytes, row by row from the top. `level` is zlib's: 9 for files
 * written once and kept, at several times the time of the default.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array, level = 6): Buffer {
  const stride = width * 3
  if (rgb.length !== stride * height) throw new Error(`expected ${stride * height} bytes of RGB, got ${rgb.length}`)
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const at = y * stride
    const none = Buffer.alloc(stride + 1)
    const sub = Buffer.alloc(stride + 1, 1)
    const up = Buffer.alloc(stride + 1, 2)
    for (let i = 0; i < stride; i++) {
      const v = rgb[at + i] ?? 0
      none[i + 1] = v
      sub[i + 1] = (v - (i >= 3 ? (rgb[at + i - 3] ?? 0) : 0)) & 0xff
      up[i + 1] = (v - (y > 0 ? (rgb[at - stride + i] ?? 0) : 0)) & 0xff
    }
    rows.push([none, sub, up].reduce((best, r) => (cost(r) < cost(best) ? r : best)))
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bits per channel
  ihdr[9] = 2 // truecolour, no alpha
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows), { level })), chunk('IEND', Buffer.alloc(0))])
}
