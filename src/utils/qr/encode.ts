/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1-15,
 * which covers pass codes of up to 412 bytes. No dependency, no DOM: it runs in WeChat and H5
 * alike. Verified against an independent encoder and decoded by a reader in tests/unit/access-qr.
 */

/** Per version, level M: EC codewords per block, then (blocks, data codewords) for both groups. */
const EC_M: readonly (readonly [number, number, number, number, number])[] = [
  [0, 0, 0, 0, 0],
  [10, 1, 16, 0, 0],
  [16, 1, 28, 0, 0],
  [26, 1, 44, 0, 0],
  [18, 2, 32, 0, 0],
  [24, 2, 43, 0, 0],
  [16, 4, 27, 0, 0],
  [18, 4, 31, 0, 0],
  [22, 2, 38, 2, 39],
  [22, 3, 36, 2, 37],
  [26, 4, 43, 1, 44],
  [30, 1, 50, 4, 51],
  [22, 6, 36, 2, 37],
  [22, 8, 37, 1, 38],
  [24, 4, 40, 5, 41],
  [24, 5, 41, 5, 42]
]

/** Alignment pattern centre coordinates per version. */
const ALIGN: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
  [6, 30, 54],
  [6, 32, 58],
  [6, 34, 62],
  [6, 26, 46, 66],
  [6, 26, 48, 70]
]

export const MAX_VERSION = EC_M.length - 1

export interface QrMatrix {
  version: number
  mask: number
  size: number
  /** `modules[row][col]`, true = dark. */
  modules: boolean[][]
}

function ecInfo(version: number) {
  const row = EC_M[version]
  if (!row) throw new Error(`unsupported QR version ${version}`)
  const [ec, b1, d1, b2, d2] = row
  return { ec, blocks: [...Array<number>(b1).fill(d1), ...Array<number>(b2).fill(d2)] }
}

function dataCapacityBytes(version: number): number {
  return ecInfo(version).blocks.reduce((a, b) => a + b, 0)
}

export function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return out
}

/** The data codewords: mode, count, bytes, terminator, padding. */
function dataCodewords(bytes: readonly number[], version: number): number[] {
  const capacity = dataCapacityBytes(version) * 8
  const bits: number[] = []
  const put = (value: number, len: number) => {
    for (let i = len - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  put(0b0100, 4)
  put(bytes.length, version < 10 ? 8 : 16)
  for (const b of bytes) put(b, 8)
  put(0, Math.min(4, capacity - bits.length))
  put(0, (8 - (bits.length % 8)) % 8)
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8)
  const out: number[] = []
  for (let i = 0; i < bits.length; i += 8) {
    let b = 0
    for (let j = 0; j < 8; j++) b = (b << 1) | (bits[i + j] ?? 0)
    out.push(b)
  }
  return out
}

function gfMul(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z & 0xff
}

function rsDivisor(degree: number): number[] {
  const result = Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j] ?? 0, root)
      if (j + 1 < degree) result[j] = (result[j] ?? 0) ^ (result[j + 1] ?? 0)
    }
    root = gfMul(root, 0x02)
  }
  return result
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = Array<number>(divisor.length).fill(0)
  for (const b of data) {
    const factor = b ^ (result.shift() ?? 0)
    result.push(0)
    for (let i = 0; i < divisor.length; i++) result[i] = (result[i] ?? 0) ^ gfMul(divisor[i] ?? 0, factor)
  }
  return result
}

/** Splits into blocks, adds each block's EC codewords, interleaves as the standard lays them out. */
function finalCodewords(data: readonly number[], version: number): number[] {
  const { ec, blocks } = ecInfo(version)
  const divisor = rsDivisor(ec)
  const split: { data: number[]; ec: number[] }[] = []
  let at = 0
  for (const len of blocks) {
    const d = data.slice(at, at + len)
    at += len
    split.push({ data: d, ec: rsRemainder(d, divisor) })
  }
  const out: number[] = []
  const longest = Math.max(...blocks)
  for (let i = 0; i < longest; i++) for (const b of split) if (i < b.data.length) out.push(b.data[i] ?? 0)
  for (let i = 0; i < ec; i++) for (const b of split) out.push(b.ec[i] ?? 0)
  return out
}

class Grid {
  readonly modules: boolean[][]
  readonly reserved: boolean[][]
  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
    this.reserved = Array.from({ length: size }, () => Array<boolean>(size).fill(false))
  }
  /** (x, y) = (column, row). */
  fn(x: number, y: number, dark: boolean): void {
    const row = this.modules[y]
    const res = this.reserved[y]
    if (!row || !res || x < 0 || x >= this.size) return
    row[x] = dark
    res[x] = true
  }
  get(x: number, y: number): boolean {
    return this.modules[y]?.[x] ?? false
  }
}

function drawFunctionPatterns(g: Grid, version: number): void {
  const n = g.size
  for (let i = 0; i < n; i++) {
    g.fn(6, i, i % 2 === 0)
    g.fn(i, 6, i % 2 === 0)
  }
  for (const [cx, cy] of [
    [3, 3],
    [n - 4, 3],
    [3, n - 4]
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        const x = cx + dx
        const y = cy + dy
        if (x >= 0 && x < n && y >= 0 && y < n) g.fn(x, y, d !== 2 && d !== 4)
      }
    }
  }
  const pos = ALIGN[version] ?? []
  const last = pos.length - 1
  pos.forEach((y, i) =>
    pos.forEach((x, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) g.fn(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
    })
  )
  drawFormat(g, 0)
  if (version >= 7) {
    let rem = version
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
    const bits = (version << 12) | rem
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) !== 0
      const a = n - 11 + (i % 3)
      const b = Math.floor(i / 3)
      g.fn(a, b, dark)
      g.fn(b, a, dark)
    }
  }
}

/** Format information: level M (00) and the mask, BCH-protected, in both copies. */
function drawFormat(g: Grid, mask: number): void {
  const data = mask // level M's two bits are 00
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  const bits = ((data << 10) | rem) ^ 0x5412
  const bit = (i: number) => ((bits >>> i) & 1) !== 0
  const n = g.size
  for (let i = 0; i <= 5; i++) g.fn(8, i, bit(i))
  g.fn(8, 7, bit(6))
  g.fn(8, 8, bit(7))
  g.fn(7, 8, bit(8))
  for (let i = 9; i < 15; i++) g.fn(14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) g.fn(n - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) g.fn(8, n - 15 + i, bit(i))
  g.fn(8, n - 8, true)
}

function drawData(g: Grid, codewords: readonly number[]): void {
  const n = g.size
  let i = 0
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < n; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const upward = ((right + 1) & 2) === 0
        const y = upward ? n - 1 - vert : vert
        const row = g.modules[y]
        if (!row || g.reserved[y]?.[x]) continue
        // Past the last codeword the remainder bits stay light (before masking).
        row[x] = i < codewords.length * 8 && (((codewords[i >>> 3] ?? 0) >>> (7 - (i & 7))) & 1) === 1
        i++
      }
    }
  }
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0
]

function applyMask(g: Grid, mask: number): void {
  const f = MASKS[mask]
  if (!f) throw new Error(`bad mask ${mask}`)
  for (let y = 0; y < g.size; y++) {
    const row = g.modules[y]
    const res = g.reserved[y]
    if (!row || !res) continue
    for (let x = 0; x < g.size; x++) if (!res[x] && f(x, y)) row[x] = !row[x]
  }
}

const FINDER_LIKE = [
  [true, false, true, true, true, false, true, false, false, false, false],
  [false, false, false, false, true, false, true, true, true, false, true]
]

/** The standard's penalty rules N1-N4: the mask with the lowest score reads best. */
export function penalty(m: readonly (readonly boolean[])[]): number {
  const n = m.length
  const at = (x: number, y: number) => m[y]?.[x] ?? false
  let score = 0
  for (let pass = 0; pass < 2; pass++) {
    const get = pass === 0 ? at : (x: number, y: number) => at(y, x)
    for (let y = 0; y < n; y++) {
      let run = 1
      for (let x = 1; x <= n; x++) {
        if (x < n && get(x, y) === get(x - 1, y)) run++
        else {
          if (run >= 5) score += 3 + (run - 5)
          run = 1
        }
      }
      for (let x = 0; x + 11 <= n; x++) {
        for (const p of FINDER_LIKE) if (p.every((v, k) => get(x + k, y) === v)) score += 40
      }
    }
  }
  let dark = 0
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (at(x, y)) dark++
      if (x + 1 < n && y + 1 < n) {
        const c = at(x, y)
        if (at(x + 1, y) === c && at(x, y + 1) === c && at(x + 1, y + 1) === c) score += 3
      }
    }
  }
  const total = n * n
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10
  return score
}

export function pickVersion(byteCount: number): number {
  for (let v = 1; v <= MAX_VERSION; v++) {
    const countBits = v < 10 ? 8 : 16
    if (4 + countBits + byteCount * 8 <= dataCapacityBytes(v) * 8) return v
  }
  throw new Error(`text too long for a version ${MAX_VERSION}-M QR code: ${byteCount} bytes`)
}

/** Encodes text; `mask` forces one of the eight masks (tests), otherwise the best is chosen. */
export function encodeQr(text: string, opts: { mask?: number; version?: number } = {}): QrMatrix {
  const bytes = utf8(text)
  const version = opts.version ?? pickVersion(bytes.length)
  if (version < pickVersion(bytes.length)) throw new Error(`version ${version} is too small`)
  const codewords = finalCodewords(dataCodewords(bytes, version), version)
  const size = version * 4 + 17
  const build = (mask: number) => {
    const g = new Grid(size)
    drawFunctionPatterns(g, version)
    drawData(g, codewords)
    applyMask(g, mask)
    drawFormat(g, mask)
    return g
  }
  let best: { g: Grid; mask: number; score: number } | null = null
  const masks = opts.mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [opts.mask]
  for (const mask of masks) {
    const g = build(mask)
    const score = masks.length === 1 ? 0 : penalty(g.modules)
    if (!best || score < best.score) best = { g, mask, score }
  }
  if (!best) throw new Error('no mask')
  return { version, mask: best.mask, size, modules: best.g.modules }
}
