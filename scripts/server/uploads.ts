import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import * as z from 'zod'
import type { ErrorCode } from '../../cloudfunctions/contracts/errors'
import { PHOTO_MAX_BYTES, PHOTO_MAX_LABEL, PHOTO_NAME, PHOTO_TYPES, type PhotoType, photoTypeOf } from '../../cloudfunctions/contracts/upload'
import { findCaller } from '../../cloudfunctions/kernel/actor'
import type { Store } from '../../cloudfunctions/kernel/store'
import type { RawHandler } from './http'
import { makeThumbnail, thumbWidthFor } from './thumbnail'

/**
 * Photo uploads of the H5 build, the local stand-in for CloudBase storage:
 * - `POST /upload/photo`: the raw image bytes, `content-type` image/jpeg, png or webp, at most
 *   {@link PHOTO_MAX_BYTES}; needs the same bearer token as `/api/*`: a registered mini-program
 *   user's dev session, or a console session that is neither expired nor revoked (staff add
 *   product photos, event covers and certificates from the office console).
 *   Answers `{ ok: true, data: { fileId: 'local:<name>' } }` or the usual error shape.
 * - `GET /uploads/<name>`: the stored file. No session, as `<img>` sends none: names are 144
 *   random bits, as unguessable as a CloudBase fileID. `GET /uploads/<name>?w=<px>`: a copy
 *   about that wide for list views (see thumbnail.ts), as CloudBase's image parameters give.
 * Files live in `<data folder>/uploads/` (git-ignored with the rest of `.data/`).
 */
export const UPLOAD_PATH = '/upload/photo'
const SERVE = /^\/uploads\/([^/?#]+)$/

/** The file signature each accepted type starts with; a declared type must match the bytes. */
function sniff(b: Buffer): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

const CONTENT_TYPES: Record<string, string> = Object.fromEntries(Object.entries(PHOTO_TYPES).map(([type, ext]) => [ext, type]))

/** Reads at most `max` bytes; null (after draining the rest, so the client still gets its answer) when larger. */
function readLimited(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= max) chunks.push(c)
    })
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** `?w=<px>` asks for a copy that wide (rounded up to a kept width); none for the original. */
const THUMB_MAX_REQUEST = 4096
const ThumbQuery = z.object({ w: z.coerce.number().int().min(1).max(THUMB_MAX_REQUEST).optional() })

/**
 * Resized copies kept beside the uploads (`<uploads>/thumbs/<name>.w<px>.<ext>`), made on first
 * request; concurrent requests for the same copy wait for one resize. Where no copy is made (the
 * photo is narrow already, WebP, EXIF-turned) the original's path is kept for that width.
 */
function thumbnailStore(dir: string) {
  const thumbDir = path.join(dir, 'thumbs')
  const pending = new Map<string, Promise<string>>()
  const make = async (name: string, original: string, width: number, target: string): Promise<string> => {
    const ext = path.extname(name).slice(1)
    if (ext !== 'jpg' && ext !== 'png' && ext !== 'webp') return original
    const bytes = await readFile(original)
    let small: Buffer | null
    try {
      small = makeThumbnail(bytes, ext, width)
    } catch {
      // Bytes the browser may still show (a JPEG the decoder finds damaged): the original it is.
      return original
    }
    if (!small) return original
    await mkdir(thumbDir, { recursive: true })
    // Written whole under a temporary name, then renamed: a reader never sees half a file.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temp, small)
    await rename(temp, target)
    return target
  }
  return {
    fileFor(name: string, original: string, width: number): Promise<string> {
      const target = path.join(thumbDir, `${path.basename(name, path.extname(name))}.w${width}${path.extname(name)}`)
      if (existsSync(target)) return Promise.resolve(target)
      const key = `${name}@${width}`
      const running = pending.get(key)
      if (running) return running
      const job = make(name, original, width, target).finally(() => pending.delete(key))
      pending.set(key, job)
      return job
    }
  }
}

export function photoUploads(o: { dir: string; store: Store; now?: () => number }): RawHandler {
  let seq = 0
  const thumbnails = thumbnailStore(o.dir)
  const now = o.now ?? Date.now
  return async (req, res, identity) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/'
    if (url === UPLOAD_PATH && req.method === 'POST') {
      const requestId = `upload-${Date.now().toString(36)}-${(++seq).toString(36)}`
      const refuse = (status: number, code: ErrorCode, message: string) => {
        // Whatever is still arriving is drained, not read: the answer does not wait for it.
        req.resume()
        send(res, status, { ok: false, error: { code, message, requestId } })
        return true
      }
      if (!identity) return refuse(401, 'AUTH.UNAUTHENTICATED', '请先登录')
      if (!(await findCaller(o.store, identity, now()))) {
        return identity.source === 'console' ? refuse(401, 'AUTH.UNAUTHENTICATED', '登录已失效，请重新扫码登录') : refuse(403, 'AUTH.NOT_REGISTERED', '请先登录')
      }
      const declared = photoTypeOf(req.headers['content-type'] ?? '')
      if (!declared) return refuse(415, 'UPLOAD.TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 图片')
      if (Number(req.headers['content-length'] ?? 0) > PHOTO_MAX_BYTES) return refuse(413, 'UPLOAD.TOO_LARGE', `照片不能超过 ${PHOTO_MAX_LABEL}`)
      const body = await readLimited(req, PHOTO_MAX_BYTES)
      if (body === null) return refuse(413, 'UPLOAD.TOO_LARGE', `照片不能超过 ${PHOTO_MAX_LABEL}`)
      if (body.length === 0) return refuse(400, 'UPLOAD.FAILED', '没有收到照片，请重试')
      if (sniff(body) !== declared) return refuse(415, 'UPLOAD.TYPE_NOT_ALLOWED', '文件内容不是所声明的图片格式')
      const name = `${randomBytes(18).toString('base64url')}.${PHOTO_TYPES[declared]}`
      mkdirSync(o.dir, { recursive: true })
      writeFileSync(path.join(o.dir, name), body, { flag: 'wx' })
      send(res, 200, { ok: true, data: { fileId: `local:${name}` }, requestId })
      return true
    }
    const served = SERVE.exec(url)
    if (served && (req.method === 'GET' || req.method === 'HEAD')) {
      const name = decodeURIComponent(served[1] ?? '')
      // The name pattern has no dots but the extension's and no slashes: nothing outside the folder.
      const file = path.join(o.dir, name)
      if (!PHOTO_NAME.test(name) || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found')
        return true
      }
      const query = ThumbQuery.safeParse(Object.fromEntries(new URLSearchParams((req.url ?? '').split('?')[1] ?? '')))
      if (!query.success) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`w must be a whole number of pixels, 1 to ${THUMB_MAX_REQUEST}`)
        return true
      }
      const source = query.data.w === undefined ? file : await thumbnails.fileFor(name, file, thumbWidthFor(query.data.w))
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(name).slice(1)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        // A stored photo never changes under its name, nor does a copy made from it.
        'cache-control': 'private, max-age=31536000, immutable'
      })
      if (req.method === 'HEAD') res.end()
      else createReadStream(source).pipe(res)
      return true
    }
    return false
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
