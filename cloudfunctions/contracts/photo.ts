import * as z from 'zod'
import { isPhotoId } from './upload'

/**
 * Photos in inputs and outputs: only ids our upload paths produce (a CloudBase fileID under
 * `uploads/`, or the local server's `local:<name>`), so a page resolves every photo the same way
 * and nothing points at a third-party host. Kept apart from upload.ts, which stays zod-free for
 * the transports.
 */
export const PhotoId = z.string().trim().max(256, '照片无效').refine(isPhotoId, '照片无效，请重新上传')

/** Up to `max` photos, none by default; a refused one is named 第 n 张 after the list's label. */
export function photoList(max: number) {
  return z.array(PhotoId).max(max, `最多 ${max} 张照片`).default([])
}

/** One optional photo (a cover). Editors send '' or null for none; both are stored as null. */
export const OptionalPhoto = z
  .union([z.literal(''), PhotoId])
  .nullable()
  .default(null)
  .transform((v) => v || null)
