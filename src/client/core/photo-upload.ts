import type { ApiError } from '@contracts/errors'
import { PHOTO_DIR, PHOTO_MAX_BYTES, PHOTO_MAX_LABEL, PHOTO_TYPES, type PhotoExt, photoTypeOf } from '@contracts/upload'
import { shanghaiMonth } from '@contracts/shanghai'

/** What every client's upload shares, on any platform: the storage path and the checks made before sending. */

type UploadCode = 'UPLOAD.TOO_LARGE' | 'UPLOAD.TYPE_NOT_ALLOWED' | 'UPLOAD.FAILED' | 'TRANSPORT.FAILED'

/** A refusal decided on the device before anything was sent: no request id. */
export function uploadRefusal(code: UploadCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message, requestId: '' } }
}

const PHOTO_TYPES_TEXT = '只能上传 JPG、PNG 或 WebP 图片'

/**
 * The checks storage would not make (CloudBase storage takes any file): type and size, after
 * any fitting. Passed, it names the extension the photo is stored under.
 */
export function checkBeforeUpload(file: { type: string; size: number }): { ok: true; ext: PhotoExt } | { ok: false; error: ApiError } {
  const type = photoTypeOf(file.type)
  if (!type) return uploadRefusal('UPLOAD.TYPE_NOT_ALLOWED', PHOTO_TYPES_TEXT)
  if (file.size > PHOTO_MAX_BYTES) return uploadRefusal('UPLOAD.TOO_LARGE', `照片不能超过 ${PHOTO_MAX_LABEL}`)
  return { ok: true, ext: PHOTO_TYPES[type] }
}

/**
 * Where an upload goes in CloudBase storage: `uploads/<yyyy-mm>/<name>.<ext>`, the month in
 * Shanghai time, the name 20 random-ish characters (the functions accept only ids of this shape).
 */
export function cloudPhotoPath(ext: string, now = Date.now()): string {
  const month = shanghaiMonth(now)
  const rand = () => Math.random().toString(36).slice(2, 8).padEnd(6, '0')
  return `${PHOTO_DIR}/${month}/${now.toString(36)}${rand()}${rand()}.${ext}`
}
