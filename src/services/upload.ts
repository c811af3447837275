import { type PickedPhoto, photoUrl, uploadPhoto as upload } from '../client/photos'
import { type ServiceResult, unwrap } from './result'

export type { PickedPhoto }

/** Uploads one picked photo; the data is the photo id the booking actions accept. */
export async function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<ServiceResult<string>> {
  const r = unwrap(await upload(photo, onProgress))
  return r.ok ? { ok: true, data: r.data.fileId } : r
}

/** What an <Image> shows for a stored photo id. */
export const photoSrc = (id: string): string => photoUrl(id)
