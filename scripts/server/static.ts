import { createHash } from 'node:crypto'
import { type Stats, existsSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'

/**
 * The H5 build's files, served as a CDN would: compressed (brotli when the browser takes it, else
 * gzip), each file compressed once and kept in memory until it changes on disk, hashed assets
 * cached for a year and everything else revalidated by ETag.
 */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export type Encoding = 'br' | 'gzip' | 'identity'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

/** Types worth compressing; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.txt', '.svg', '.ico', '.ttf'])

/** Below this, compression saves less than the headers it adds. */
const MIN_COMPRESS_BYTES = 1024

/**
 * Webpack's output names carry a content hash (`js/app.1a2b3c4d.js`, `css/app.<20 hex>.css`):
 * such a file never changes under its name, so browsers may keep it for a year untouched.
 */
const HASHED = /[.-][0-9a-f]{8,32}\.[a-z0-9]+$/

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, each only when listed
 * with a non-zero q (`*` counts for both); identity otherwise.
 */
export function pickEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (ok('br')) return 'br'
  if (ok('gzip')) return 'gzip'
  return 'identity'
}

interface Entry {
  mtimeMs: number
  size: number
  etag: string
  raw: Buffer
  /** Filled on first request for that encoding; shared by concurrent requests while it runs. */
  encoded: Partial<Record<'br' | 'gzip', Promise<Buffer>>>
}

export function isHashedAsset(file: string): boolean {
  return HASHED.test(path.basename(file))
}

export interface StaticOptions {
  /** Served under this path (`/console`): stripped before the file is looked up. */
  prefix?: string
  /** What to answer when the build is missing. */
  missing?: string
}

export function staticFiles(dir: string, opts: StaticOptions = {}): StaticHandler {
  const root = path.resolve(dir)
  const missing = opts.missing ?? 'H5 build missing: run `npm run build:h5` (npm start does this for you).'
  const cache = new Map<string, Entry>()

  const load = (file: string, st: Stats): Entry => {
    const hit = cache.get(file)
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit
    const raw = readFileSync(file)
    const entry: Entry = {
      mtimeMs: st.mtimeMs,
      size: st.size,
      etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 22)}"`,
      raw,
      encoded: {}
    }
    cache.set(file, entry)
    return entry
  }

  const encode = (entry: Entry, encoding: 'br' | 'gzip'): Promise<Buffer> => {
    const pending = entry.encoded[encoding]
    if (pending) return pending
    const made =
      encoding === 'br'
        ? brotli(entry.raw, {
            params: {
              [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
              // Paid once per file per build; 11 is the smallest output, and a 500 KB bundle takes about a second.
              [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.raw.length
            }
          })
        : gz(entry.raw, { level: 9 })
    entry.encoded[encoding] = made
    // A failed compression is not remembered: the next request tries again.
    made.catch(() => {
      if (entry.encoded[encoding] === made) delete entry.encoded[encoding]
    })
    return made
  }

  return async (req, res) => {
    let clean: string
    try {
      clean = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
      if (opts.prefix && clean.startsWith(opts.prefix)) clean = clean.slice(opts.prefix.length) || '/'
    } catch {
      res.writeHead(400).end()
      return
    }
    let file = path.join(root, path.normalize(clean).replace(/^(\.\.[/\\])+/, ''))
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end()
      return
    }
    // Any path that is not a file is a route of the single-page app (hash or history mode).
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html')
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end(missing)
      return
    }
    const entry = load(file, statSync(file))
    const ext = path.extname(file).toLowerCase()
    const compressible = COMPRESSIBLE.has(ext) && entry.raw.length >= MIN_COMPRESS_BYTES
    const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : 'identity'
    const headers: Record<string, string | number> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag: encoding === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${encoding}"`,
      'x-content-type-options': 'nosniff'
    }
    if (compressible) headers.vary = 'Accept-Encoding'
    if (req.headers['if-none-match'] === headers.etag) {
      res.writeHead(304, headers).end()
      return
    }
    const body = encoding === 'identity' ? entry.raw : await encode(entry, encoding)
    if (encoding !== 'identity') headers['content-encoding'] = encoding
    headers['content-length'] = body.length
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
