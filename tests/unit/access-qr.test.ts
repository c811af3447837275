/**
 * The mini-program's QR encoder, checked three independent ways: module for module against
 * Kazuhiko Arase's reference encoder (vendored by qrcode-terminal, shipped with miniprogram-ci)
 * for every mask and versions 1-15; decoded back to the text by a separate reader (jsqrcode);
 * and through the PNG the page actually shows, parsed with node's zlib.
 */
import { crc32 } from '../../src/utils/qr/png'
import { MAX_VERSION, encodeQr, penalty, pickVersion, utf8 } from '../../src/utils/qr/encode'
import { QUIET_MODULES, base64, qrDataUri, qrPng } from '../../src/utils/qr/png'
import { decodeDataUri, pngBitmap, sampleModules, scan } from '../support/qr-decode'

interface AraseQr {
  addData(s: string): void
  makeImpl(test: boolean, mask: number): void
  modules: (boolean | null)[][]
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AraseQRCode = require('qrcode-terminal/vendor/QRCode') as new (type: number, level: number) => AraseQr
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LEVEL = require('qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel') as { M: number }

function reference(text: string, version: number, mask: number): boolean[][] {
  const qr = new AraseQRCode(version, LEVEL.M)
  qr.addData(text)
  qr.makeImpl(false, mask)
  return qr.modules.map((row) => row.map((m) => m === true))
}

/** Texts whose byte length lands exactly on each version's upper edge, and one byte past it. */
function edgeTexts(): { text: string; version: number }[] {
  const out: { text: string; version: number }[] = []
  const fits = (n: number) => (n <= 412 ? pickVersion(n) : 0)
  let len = 1
  for (let v = 1; v <= MAX_VERSION; v++) {
    while (fits(len + 1) === v) len++
    const text = Array.from({ length: len }, (_, i) => 'AQEBAAFpXGyg_-09azAZ'[i % 20]).join('')
    out.push({ text, version: v })
    len++
  }
  return out
}

describe('QR encoder (byte mode, level M)', () => {
  it('picks the smallest version that holds the text, up to version 15', () => {
    expect(pickVersion(14)).toBe(1)
    expect(pickVersion(15)).toBe(2)
    expect(pickVersion(84)).toBe(5)
    expect(pickVersion(106)).toBe(6)
    expect(pickVersion(107)).toBe(7)
    expect(pickVersion(213)).toBe(10)
    expect(pickVersion(412)).toBe(15)
    expect(() => pickVersion(413)).toThrow(/too long/)
  })

  it.each(edgeTexts().map((e) => [e.version, e.text.length, e.text]))(
    'version %i (%i bytes): every mask matches the reference encoder module for module',
    (version, _len, text) => {
      for (let mask = 0; mask < 8; mask++) {
        const ours = encodeQr(text as string, { mask, version: version as number })
        expect(ours.size).toBe((version as number) * 4 + 17)
        expect(ours.modules).toEqual(reference(text as string, version as number, mask))
      }
    }
  )

  it('matches the reference on a real pass code in its chosen version', () => {
    const code = 'AQEBAAFpXGygADzV1bHIDpQJYy1saW55dWFuBGItYTEIaC1hMS0xMDEGdS13YW5nGul4v79V_PQAIirLD7fMsw'
    const ours = encodeQr(code)
    expect(ours.version).toBe(6)
    expect(ours.modules).toEqual(reference(code, ours.version, ours.mask))
  })

  it('chooses the mask with the lowest penalty', () => {
    const text = 'linli-pass-demo'
    const chosen = encodeQr(text)
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((m) => penalty(encodeQr(text, { mask: m }).modules))
    expect(scores[chosen.mask]).toBe(Math.min(...scores))
  })

  it.each([
    ['a short text', 'hello'],
    ['a resident pass code', 'AQEBAAFpXGygADzV1bHIDpQJYy1saW55dWFuBGItYTEIaC1hMS0xMDEGdS13YW5nGul4v79V_PQAIirLD7fMsw'],
    ['a long code with production-length ids', 'A'.repeat(60) + 'b'.repeat(60) + '_-'.repeat(10)],
    ['a version 10 code', 'x'.repeat(200)]
  ])('is decoded back to the text by an independent reader: %s', async (_label, text) => {
    const qr = encodeQr(text)
    await expect(scan(qr.modules)).resolves.toBe(text)
  })

  it('decodes 64 random codes of pass-code length, each with its chosen mask', async () => {
    for (let i = 0; i < 64; i++) {
      const text = Buffer.from(Array.from({ length: 60 + i }, (_, k) => (k * 131 + i * 17 + 7) & 255)).toString('base64url')
      await expect(scan(encodeQr(text).modules)).resolves.toBe(text)
    }
  })

  it('encodes UTF-8 bytes like TextEncoder', () => {
    for (const s of ['abc', '临苑社区', 'é€😀']) expect(utf8(s)).toEqual([...Buffer.from(s, 'utf8')])
  })
})

describe('QR PNG', () => {
  const code = 'AQEBAAFpXGygADzV1bHIDpQJYy1saW55dWFuBGItYTEIaC1hMS0xMDEGdS13YW5nGul4v79V_PQAIirLD7fMsw'

  it('draws every module as a square of whole pixels inside a quiet zone', () => {
    const qr = encodeQr(code)
    const scale = 3
    const bmp = pngBitmap(Buffer.from(qrPng(qr, scale)))
    expect(bmp.width).toBe((qr.size + 2 * QUIET_MODULES) * scale)
    const darkAt = (x: number, y: number) => bmp.data[(y * bmp.width + x) * 4] === 0
    for (let my = -QUIET_MODULES; my < qr.size + QUIET_MODULES; my++) {
      for (let mx = -QUIET_MODULES; mx < qr.size + QUIET_MODULES; mx++) {
        const want = qr.modules[my]?.[mx] ?? false
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            expect(darkAt((mx + QUIET_MODULES) * scale + dx, (my + QUIET_MODULES) * scale + dy)).toBe(want)
          }
        }
      }
    }
  })

  it('writes valid chunk checksums', () => {
    const png = Buffer.from(qrPng(encodeQr(code), 2))
    let at = 8
    while (at < png.length) {
      const len = png.readUInt32BE(at)
      expect(crc32(png, at + 4, at + 8 + len)).toBe(png.readUInt32BE(at + 8 + len))
      at += 12 + len
    }
    expect(at).toBe(png.length)
  })

  it('is a data URI whose pixels sample back to the same modules and scan back to the code', async () => {
    const qr = encodeQr(code)
    const uri = qrDataUri(qr)
    expect(sampleModules(pngBitmap(Buffer.from(uri.split(',')[1] ?? '', 'base64')))).toEqual(qr.modules)
    expect(uri.length).toBeLessThan(30_000)
    await expect(decodeDataUri(uri)).resolves.toBe(code)
  })

  it('base64 matches node for every padding case', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255)
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})
