import type { ApiResponse } from '@contracts/errors'
import { transport } from './transport'
import type { PickedPhoto } from './transport/types'

/**
 * Photos go where the platform keeps files (CloudBase storage in WeChat, the local server in
 * H5); only their ids travel in function calls.
 */
export type { PickedPhoto }

export function uploadPhoto(photo: PickedPhoto, onProgress: (percent: number) => void): Promise<ApiResponse<{ fileId: string }>> {
  return transport().uploadPhoto(photo, onProgress)
}

export function photoUrl(id: string): string {
  return transport().photoUrl(id)
}
