import type { ApiResponse } from '@contracts/errors'

export interface Envelope {
  action: string
  input: unknown
  communityId?: string
}

/** A photo picked on the phone: the platform's temporary path (a blob: URL in H5) and its size. */
export interface PickedPhoto {
  path: string
  size: number
}

export interface Transport {
  send(fn: string, envelope: Envelope): Promise<ApiResponse<unknown>>
  /** Stores a photo where the platform keeps files and answers its id; `onProgress` gets 0-100. */
  uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<ApiResponse<{ fileId: string }>>
  /** What an <Image> shows for a photo id. */
  photoUrl(id: string): string
}

export function transportFailure(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'TRANSPORT.FAILED', message, requestId: '' } }
}

/** A refusal decided on the phone before anything was sent: no request id. */
export { uploadRefusal as uploadFailure } from '../core/photo-upload'
