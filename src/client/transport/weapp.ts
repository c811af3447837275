import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { type PhotoExt, type PhotoType, isPhotoId } from '@contracts/upload'
import { checkBeforeUpload, cloudPhotoPath } from '../core/photo-upload'
import { type PickedPhoto, type Transport, transportFailure, uploadFailure } from './types'

let initialised = false

function ensureCloud(): void {
  if (initialised) return
  Taro.cloud.init({ ...(LINLI_CLOUD_ENV ? { env: LINLI_CLOUD_ENV } : {}), traceUser: true })
  initialised = true
}

const TYPE_OF_EXT: Record<PhotoExt, PhotoType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

/** The extension a WeChat temp path ends with, as stored; null for types we do not take. */
function extOf(path: string): PhotoExt | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'jpg'
  return ext === 'png' || ext === 'webp' ? ext : null
}

/** In WeChat, functions are called through wx.cloud; the platform attaches the caller's openid. */
export const weappTransport: Transport = {
  async send(fn, envelope) {
    ensureCloud()
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: envelope as unknown as Record<string, unknown> })
      return res.result as ApiResponse<unknown>
    } catch {
      return transportFailure('网络异常，请稍后再试')
    }
  },

  /**
   * Straight into CloudBase storage: the fileID is the photo id, and WeChat's <Image> shows a
   * `cloud://` id as it is. Storage does not check size or type, so they are checked here; the
   * functions accept only ids under `uploads/`.
   */
  uploadPhoto(photo: PickedPhoto, onProgress) {
    const ext = extOf(photo.path)
    const checked = checkBeforeUpload({ type: ext ? TYPE_OF_EXT[ext] : '', size: photo.size })
    if (!checked.ok) return Promise.resolve(checked)
    ensureCloud()
    return new Promise((resolve) => {
      const task = Taro.cloud.uploadFile({
        cloudPath: cloudPhotoPath(checked.ext),
        filePath: photo.path,
        success: (res) => {
          resolve(isPhotoId(res.fileID) ? { ok: true, data: { fileId: res.fileID }, requestId: '' } : uploadFailure('UPLOAD.FAILED', '上传失败，请重试'))
        },
        fail: () => resolve(uploadFailure('UPLOAD.FAILED', '上传失败，请检查网络后重试'))
      })
      task.onProgressUpdate((p) => onProgress(p.progress))
    })
  },

  photoUrl(id) {
    return id
  }
}
