import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { type IncomingHttpHeaders, type Server, createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { isHashedAsset, pickEncoding, staticFiles } from '../../scripts/server/static'

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** A raw GET: node's fetch would decompress and hide what the server sent. */
function get(base: string, url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(base + url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('Accept-Encoding negotiation', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity']
  ])('%s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected)
  })

  it('tells hashed build outputs from stable names', () => {
    expect(isHashedAsset('/x/js/app.1a2b3c4d.js')).toBe(true)
    expect(isHashedAsset('/x/css/app.0123456789abcdef0123.css')).toBe(true)
    expect(isHashedAsset('/x/index.html')).toBe(false)
    expect(isHashedAsset('/x/js/app.js')).toBe(false)
  })
})

describe('static files of the H5 build', () => {
  let dir: string
  let server: Server
  let base: string
  const bundle = `/* bundle */\n${Array.from({ length: 400 }, (_, i) => `export const value${i} = "邻里 ${i}";`).join('\n')}\n`

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-static-'))
    mkdirSync(path.join(dir, 'js'))
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>邻里</title>${'<!-- pad -->'.repeat(200)}`)
    writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), bundle)
    writeFileSync(path.join(dir, 'js', 'tiny.5e6f7a8b.js'), 'x=1')
    writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7))
    const serve = staticFiles(dir)
    server = createServer((req, res) => void serve(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends brotli when accepted, gzip otherwise, and the same bytes either way', async () => {
    const br = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(bundle) / 4)
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(bundle)

    const gz = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString('utf8')).toBe(bundle)

    const plain = await get(base, '/js/app.1a2b3c4d.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(bundle)
  })

  it('caches hashed assets for a year and revalidates the page by ETag', async () => {
    const asset = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await get(base, '/', { 'accept-encoding': 'gzip' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-cache')
    const etag = String(page.headers.etag)
    const again = await get(base, '/', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    // Another encoding is another representation: its tag differs.
    const brPage = await get(base, '/', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(brPage.status).toBe(200)
  })

  it('serves a rebuilt file, not the compressed copy of the old one', async () => {
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>新版本</title>${'<!-- new -->'.repeat(200)}`)
    const page = await get(base, '/', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(page.body).toString('utf8')).toContain('新版本')
  })

  it('leaves images and tiny files uncompressed', async () => {
    const png = await get(base, '/logo.png', { 'accept-encoding': 'br, gzip' })
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.body.length).toBe(4096)
    const tiny = await get(base, '/js/tiny.5e6f7a8b.js', { 'accept-encoding': 'br' })
    expect(tiny.headers['content-encoding']).toBeUndefined()
    expect(tiny.body.toString()).toBe('x=1')
  })

  it('answers HEAD with headers only, routes with the page, and nothing outside the folder', async () => {
    const head = await get(base, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
    expect(head.body.length).toBe(0)
    const route = await get(base, '/packages/event/pages/list/index')
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8')
    const escape = await get(base, '/%2e%2e/%2e%2e/etc/passwd')
    expect(escape.body.toString()).not.toContain('root:')
    expect(await get(base, '/%E0%A4%A')).toMatchObject({ status: 400 })
  })
})
