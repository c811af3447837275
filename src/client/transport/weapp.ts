import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { PHOTO_DIR, PHOTO_MAX_BYTES, PHOTO_MAX_LABEL, isPhotoId } from '@contracts/upload'
import { type PickedPhoto, type Transport, transportFailure, uploadFailure } from './types'

let initialised = false

function ensureCloud(): void {
  if (initialised) return
  Taro.cloud.init({ ...(LINLI_CLOUD_ENV ? { env: LINLI_CLOUD_ENV } : {}), traceUser: true })
  initialised = true
}

/** The extension a WeChat temp path ends with, as stored; null for types we do not take. */
function extOf(path: string): 'jpg' | 'png' | 'webp' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'jpg'
  return ext === 'png' || ext === 'webp' ? ext : null
}

/** `uploads/<yyyy-mm>/<name>.<ext>`, the month in Shanghai time; the name is 20 random-ish characters. */
function cloudPathFor(ext: string, now = Date.now()): string {
  const d = new Date(now + 8 * 3600_000)
  const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  const rand = () => Math.random().toString(36).slice(2, 8).padEnd(6, '0')
  return `${PHOTO_DIR}/${month}/${now.toString(36)}${rand()}${rand()}.${ext}`
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
    if (!ext) return Promise.resolve(uploadFailure('UPLOAD.TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 图片'))
    if (photo.size > PHOTO_MAX_BYTES) return Promise.resolve(uploadFailure('UPLOAD.TOO_LARGE', `照片不能超过 ${PHOTO_MAX_LABEL}`))
    ensureCloud()
    return new Promise((resolve) => {
      const task = Taro.cloud.uploadFile({
        cloudPath: cloudPathFor(ext),
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
