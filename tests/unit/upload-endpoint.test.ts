import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { bookingContracts } from '../../cloudfunctions/contracts/booking'
import { PHOTO_MAX_BYTES, isPhotoId, localPhotoName, photoTypeOf } from '../../cloudfunctions/contracts/upload'
import { type RunningApp, startApp } from '../../scripts/server/app'
import { signDevSession } from '../../scripts/server/dev-session'
import { loadSecrets } from '../../scripts/server/env'
import { DEMO_PHOTO_KEYS, demoPhotoName } from '../../scripts/seed/photos'

/** A real PNG (solid colour, 8×8), so the round trip carries bytes an image decoder accepts. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(8, 0)
  ihdr.writeUInt32BE(8, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [16, 134, 106]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** `n` bytes that start like a JPEG. */
const jpegOf = (n: number) => {
  const b = Buffer.alloc(n, 0x20)
  b.set([0xff, 0xd8, 0xff, 0xe0], 0)
  return b
}

describe('photo ids', () => {
  it.each([
    ['local:abcdefghijklmnopqr.jpg', true],
    ['local:AbC-_0123456789xyz.webp', true],
    ['cloud://linli-prod-8g2f.6c69-linli-prod-8g2f-1320000000/uploads/2026-01/abcdefghijklmnop.png', true],
    ['local:short.jpg', false],
    ['local:abcdefghijklmnopqr.gif', false],
    ['local:../abcdefghijklmnopqr.jpg', false],
    ['local:abcdefghijklmnopqr.jpg/../../x', false],
    ['cloud://env/elsewhere/2026-01/abcdefghijklmnop.jpg', false],
    ['cloud://env/uploads/2026-01/../../abcdefghijklmnop.jpg', false],
    ['https://example.com/uploads/2026-01/abcdefghijklmnop.jpg', false],
    ['', false]
  ])('%s → %s', (id, ok) => {
    expect(isPhotoId(id)).toBe(ok)
  })

  it('only a local id names a stored file; content types are matched without parameters or case', () => {
    expect(localPhotoName('local:abcdefghijklmnopqr.jpg')).toBe('abcdefghijklmnopqr.jpg')
    expect(localPhotoName('cloud://e/uploads/2026-01/abcdefghijklmnop.jpg')).toBeNull()
    expect(photoTypeOf('Image/PNG; charset=binary')).toBe('image/png')
    expect(photoTypeOf('image/gif')).toBeNull()
    expect(photoTypeOf('constructor')).toBeNull()
  })

  it('the booking contracts refuse other ids with the field path', () => {
    const bad = bookingContracts.complain.input.safeParse({
      householdId: 'h', category: 'other', text: '五个字以上', clientRequestId: 'abcdefgh', photos: ['local:abcdefghijklmnopqr.jpg', 'javascript:alert(1)']
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['photos.1', '照片无效，请重新上传']])
    const seven = bookingContracts.complain.input.safeParse({
      householdId: 'h', category: 'other', text: '五个字以上', clientRequestId: 'abcdefgh', photos: Array.from({ length: 7 }, () => 'local:abcdefghijklmnopqr.jpg')
    })
    expect(seven.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['photos', '最多 6 张照片']])
    const step = bookingContracts.progress.input.safeParse({ bookingId: 'b', step: 'check', key: 'k', photo: 'cloud://x/y.jpg' })
    expect(step.error?.issues.map((i) => i.path.join('.'))).toEqual(['photo'])
  })
})

const DEMO_FILES = new Set<string>(DEMO_PHOTO_KEYS.map(demoPhotoName))

/** The H5 build's upload path on the real local server. */
describe('local photo upload endpoint', () => {
  let app: RunningApp
  let dir: string
  let token = ''
  const base = () => app.url.replace(/\/$/, '')
  const uploads = () => path.join(dir, 'uploads')
  /** What uploads stored: the demo photos the seed copies in are there from the start. */
  const stored = () => (existsSync(uploads()) ? readdirSync(uploads()).filter((n) => !DEMO_FILES.has(n)) : [])

  const upload = async (body: Buffer, contentType: string, auth: string | null = token) => {
    const res = await fetch(`${base()}/upload/photo`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: new Uint8Array(body)
    })
    return { status: res.status, json: (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string; requestId: string } } }
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-upload-'))
    app = await startApp({ LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dir, LINLI_SCHEDULER: 'off' }, { quiet: true })
    const login = await fetch(`${base()}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personaId: 'u-wang' }) })
    token = String(((await login.json()) as { token: string }).token)
  })
  afterAll(async () => {
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('needs the dev session of a registered user, and stores nothing otherwise', async () => {
    const anonymous = await upload(png(), 'image/png', null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.json).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', requestId: expect.stringMatching(/^upload-/) } })
    expect((await upload(png(), 'image/png', 'forged.token')).status).toBe(401)
    const stranger = signDevSession(loadSecrets(dir).devSessionSecret, 'dev-nobody-at-all', Date.now())
    expect((await upload(png(), 'image/png', stranger)).json).toMatchObject({ ok: false, error: { code: 'AUTH.NOT_REGISTERED' } })
    expect(stored()).toEqual([])
  })

  it('refuses other types, and bytes that are not the declared type', async () => {
    expect(await upload(Buffer.from('GIF89a....'), 'image/gif')).toMatchObject({ status: 415, json: { error: { code: 'UPLOAD.TYPE_NOT_ALLOWED' } } })
    expect(await upload(Buffer.from('<svg/>'), 'image/svg+xml')).toMatchObject({ status: 415 })
    expect(await upload(Buffer.from('<html>not a picture</html>'), 'image/png')).toMatchObject({ status: 415, json: { error: { code: 'UPLOAD.TYPE_NOT_ALLOWED' } } })
    expect(await upload(png(), 'image/jpeg')).toMatchObject({ status: 415 })
    expect(await upload(Buffer.alloc(0), 'image/jpeg')).toMatchObject({ status: 400, json: { error: { code: 'UPLOAD.FAILED' } } })
    expect(stored()).toEqual([])
  })

  it('takes exactly 2 MB and refuses a byte more, whether announced or streamed', async () => {
    expect((await upload(jpegOf(PHOTO_MAX_BYTES + 1), 'image/jpeg')).json).toMatchObject({ ok: false, error: { code: 'UPLOAD.TOO_LARGE', message: '照片不能超过 2 MB' } })
    // Chunked, without a content-length: the limit is counted while reading.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base()}/upload/photo`, { method: 'POST', headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' } }, (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      const big = jpegOf(PHOTO_MAX_BYTES + 64 * 1024)
      for (let i = 0; i < big.length; i += 256 * 1024) req.write(big.subarray(i, i + 256 * 1024))
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'UPLOAD.TOO_LARGE' } })
    expect(stored()).toEqual([])
    const max = await upload(jpegOf(PHOTO_MAX_BYTES), 'image/jpeg')
    expect(max.status).toBe(200)
    expect(max.json.data?.fileId).toMatch(/^local:[A-Za-z0-9_-]{24}\.jpg$/)
  })

  it('round trip: the id is accepted by the booking function and serves back the same bytes', async () => {
    const bytes = png()
    const res = await upload(bytes, 'image/png')
    expect(res.status).toBe(200)
    const fileId = res.json.data?.fileId ?? ''
    expect(isPhotoId(fileId)).toBe(true)
    const name = localPhotoName(fileId) ?? ''
    const got = await fetch(`${base()}/uploads/${name}`)
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true)
    // Two uploads of the same bytes are two files: names are random, never derived from content.
    const again = await upload(bytes, 'image/png')
    expect(again.json.data?.fileId).not.toBe(fileId)

    const call = await fetch(`${base()}/api/booking`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        action: 'complain',
        communityId: 'c-linyuan',
        input: { householdId: 'h-a1-101', category: 'environment', text: '楼道里堆满了杂物', photos: [fileId], clientRequestId: 'upload-roundtrip-1' }
      })
    })
    const out = (await call.json()) as { ok: boolean; data?: { complaint: { photos: string[] } }; error?: unknown }
    expect(out).toMatchObject({ ok: true, data: { complaint: { photos: [fileId] } } })
  })

  it('takes photos from a signed-in office console, and none once its session is revoked', async () => {
    const login = await fetch(`${base()}/dev/console-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personaId: 'u-operator-wu' }) })
    const session = (await login.json()) as { token: string; sessionId: string }
    const before = stored().length
    const res = await upload(png(), 'image/png', session.token)
    expect(res.status).toBe(200)
    expect(isPhotoId(res.json.data?.fileId ?? '')).toBe(true)
    expect(stored()).toHaveLength(before + 1)

    const revoke = await fetch(`${base()}/api/office`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ action: 'revokeSession', input: { id: session.sessionId } })
    })
    expect(((await revoke.json()) as { ok: boolean }).ok).toBe(true)
    expect(await upload(png(), 'image/png', session.token)).toMatchObject({ status: 401, json: { ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: '登录已失效，请重新扫码登录' } } })
    expect(stored()).toHaveLength(before + 1)
  })

  it('serves nothing outside the uploads folder and nothing it did not store', async () => {
    for (const p of ['/uploads/abcdefghijklmnopqrstuvwx.png', '/uploads/..%2F..%2Fsecrets.json', '/uploads/%2E%2E%2Fdev.sqlite', '/uploads/x.png']) {
      expect((await fetch(`${base()}${p}`)).status).toBe(404)
    }
  })
})
