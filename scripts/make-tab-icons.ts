import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

/**
 * Draws the tab bar icons (81x81 PNG, as WeChat recommends) from simple shapes, so the icons
 * are reproducible and tiny. Run: npx tsx scripts/make-tab-icons.ts
 */
const SIZE = 81
type Shape = (x: number, y: number) => boolean

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  const ss = 4
  const rows: Buffer[] = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < ss; sy++) for (let sx = 0; sx < ss; sx++) if (shape(x + (sx + 0.5) / ss, y + (sy + 0.5) / ss)) hits++
      const o = 1 + x * 4
      row[o] = r
      row[o + 1] = g
      row[o + 2] = b
      row[o + 3] = Math.round((hits / (ss * ss)) * 255)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const inTriangle = (px: number, py: number, a: number[], b: number[], c: number[]) => {
  const s = (p1: number[], p2: number[]) => (px - p2[0]!) * (p1[1]! - p2[1]!) - (p1[0]! - p2[0]!) * (py - p2[1]!)
  const d1 = s(a, b)
  const d2 = s(b, c)
  const d3 = s(c, a)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}
const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r

const house: Shape = (x, y) => {
  const roof = inTriangle(x, y, [40.5, 12], [8, 40], [73, 40])
  const body = inRect(x, y, 17, 38, 64, 70)
  const door = inRect(x, y, 34, 50, 47, 70)
  return (roof || body) && !door
}
const person: Shape = (x, y) => {
  const head = inCircle(x, y, 40.5, 27, 14)
  const shoulders = y >= 48 && y <= 72 && ((x - 40.5) / 28) ** 2 + ((y - 72) / 24) ** 2 <= 1
  return head || shoulders
}

const GREY: [number, number, number] = [0x86, 0x90, 0x9c]
const GREEN: [number, number, number] = [0x10, 0x86, 0x6a]
const out = path.resolve(__dirname, '..', 'src', 'assets', 'tab')
for (const [name, shape] of [['home', house], ['me', person]] as const) {
  writeFileSync(path.join(out, `${name}.png`), png(shape, GREY))
  writeFileSync(path.join(out, `${name}-active.png`), png(shape, GREEN))
}
console.log(`tab icons written to ${out}`)
