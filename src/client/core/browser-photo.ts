import type { ApiResponse } from '@contracts/errors'
import { isPhotoId, photoTypeOf } from '@contracts/upload'
import { uploadRefusal } from './photo-upload'

/**
 * Photo uploads from a browser: the H5 mini-program and the office console. Only a browser
 * (DOM, canvas, XMLHttpRequest) imports this file; the weapp build never does.
 */

/** Above this a picked photo is re-encoded before upload, as WeChat's `compressed` mode would. */
const COMPRESS_ABOVE_BYTES = 1024 * 1024
const MAX_EDGE_PX = 1600

/**
 * A browser hands over the original file: a large one, or a type the server does not take, is
 * drawn onto a canvas, longest side at most 1600 px, as JPEG 0.8. If the browser cannot decode
 * it, the original goes as it is and the checks decide.
 */
export async function fitForUpload(file: Blob): Promise<Blob> {
  if (file.size <= COMPRESS_ABOVE_BYTES && photoTypeOf(file.type)) return file
  const url = URL.createObjectURL(file)
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image()
      i.onload = () => resolve(i)
      i.onerror = () => reject(new Error('decode'))
      i.src = url
    })
    const scale = Math.min(1, MAX_EDGE_PX / Math.max(img.naturalWidth, img.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
    return out ?? file
  } catch {
    return file
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * `POST /upload/photo` on the local server with the caller's bearer token. XMLHttpRequest rather
 * than fetch: a binary body, and upload progress events (0-100).
 */
export function postPhoto(file: Blob, token: string, onProgress: (percent: number) => void): Promise<ApiResponse<{ fileId: string }>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/upload/photo')
    xhr.setRequestHeader('content-type', file.type)
    xhr.setRequestHeader('authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText) as unknown
      } catch {
        body = null
      }
      const r = body as { ok?: unknown; data?: { fileId?: unknown }; error?: unknown } | null
      if (r?.ok === true && typeof r.data?.fileId === 'string' && isPhotoId(r.data.fileId)) {
        resolve(r as ApiResponse<{ fileId: string }>)
      } else if (r?.ok === false && typeof r.error === 'object' && r.error !== null) {
        resolve(r as ApiResponse<never>)
      } else {
        resolve(uploadRefusal('TRANSPORT.FAILED', `上传失败（${xhr.status}）`))
      }
    }
    xhr.onerror = () => resolve(uploadRefusal('TRANSPORT.FAILED', '网络异常，请稍后再试'))
    xhr.send(file)
  })
}
