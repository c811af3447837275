/**
 * Photos: what an uploaded photo's id looks like, shared by the client that uploads, the local
 * server that stores H5 uploads and the zod schemas that accept ids. Plain constants (no zod), so
 * the transport can read them without pulling the contracts in.
 *
 * - In WeChat a photo goes straight to CloudBase storage (`wx.cloud.uploadFile`) under
 *   `uploads/<yyyy-mm>/<name>.<ext>`; its id is the `cloud://<env>.<bucket>/<path>` fileID.
 * - In the H5 build it goes to the local server (`POST /upload/photo`), which answers
 *   `local:<name>.<ext>` and serves it back at `GET /uploads/<name>.<ext>`.
 */

/**
 * 2 MB. WeChat's `compressed` photos and the H5 build's re-encoded ones (longest side 1600 px,
 * JPEG 0.8) are typically 150-600 KB; 2 MB leaves room for a detailed shot and keeps a
 * six-photo complaint at most 12 MB.
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024
export const PHOTO_MAX_LABEL = '2 MB'

/** Accepted image types and the extension each is stored under. */
export const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const
export type PhotoType = keyof typeof PHOTO_TYPES
export type PhotoExt = (typeof PHOTO_TYPES)[PhotoType]

/** The storage folder of cloud uploads. */
export const PHOTO_DIR = 'uploads'

/** A generated file name: 16-64 url-safe characters and one of the accepted extensions. */
export const PHOTO_NAME = /^[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/
const LOCAL_ID = /^local:([A-Za-z0-9_-]{16,64}\.(jpg|png|webp))$/
const CLOUD_ID = /^cloud:\/\/[A-Za-z0-9._-]{1,128}\/uploads\/\d{4}-\d{2}\/[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/

/** Whether `id` is a photo id our upload paths produce; anything else is refused by the functions. */
export function isPhotoId(id: string): boolean {
  return LOCAL_ID.test(id) || CLOUD_ID.test(id)
}

/** The stored file name of a local photo id, or null for any other id. */
export function localPhotoName(id: string): string | null {
  return LOCAL_ID.exec(id)?.[1] ?? null
}

export function photoTypeOf(contentType: string): PhotoType | null {
  const t = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return Object.prototype.hasOwnProperty.call(PHOTO_TYPES, t) ? (t as PhotoType) : null
}

/** Error codes of the upload endpoint (local server) and of client-side checks before an upload. */
export const UPLOAD_ERRORS = ['UPLOAD.TOO_LARGE', 'UPLOAD.TYPE_NOT_ALLOWED', 'UPLOAD.FAILED'] as const
