import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { PHOTO_MAX_BYTES, PHOTO_MAX_LABEL, isPhotoId, localPhotoName, photoTypeOf } from '@contracts/upload'
import { type PickedPhoto, type Transport, transportFailure, uploadFailure } from './types'

/**
 * The H5 build talks to the local server: POST /api/<fn>, identity from a dev session token the
 * server signed. The dev login exists only there.
 */
const TOKEN_KEY = 'linli.devToken'

export function devToken(): string {
  return (Taro.getStorageSync(TOKEN_KEY) as string | undefined) ?? ''
}

export function clearDevToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}

/**
 * The browser's own fetch rather than Taro.request: on H5 that pulls fetch, AbortController and
 * JSONP polyfills into the first screen, and every browser we serve has fetch. A body that is not
 * JSON reads as null; a network failure throws, as Taro.request's did.
 */
async function http<T>(url: string, method: 'GET' | 'POST', body?: unknown, token?: string): Promise<{ status: number; data: T | null }> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token !== undefined) headers.authorization = `Bearer ${token}`
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  let data: T | null = null
  try {
    data = (await res.json()) as T
  } catch {
    data = null
  }
  return { status: res.status, data }
}

export const h5Transport: Transport = {
  async send(fn, envelope) {
    try {
      const res = await http<ApiResponse<unknown>>(`/api/${fn}`, 'POST', envelope, devToken())
      if (res.status !== 200 || typeof res.data !== 'object' || res.data === null) {
        return transportFailure(`服务异常（${res.status}）`)
      }
      return res.data
    } catch {
      return transportFailure('网络异常，请稍后再试')
    }
  },

  async uploadPhoto(photo: PickedPhoto, onProgress) {
    let file: Blob
    try {
      file = await fitForUpload(await (await fetch(photo.path)).blob())
    } catch {
      return uploadFailure('UPLOAD.FAILED', '读取照片失败，请重新选择')
    }
    if (!photoTypeOf(file.type)) return uploadFailure('UPLOAD.TYPE_NOT_ALLOWED', '只能上传 JPG、PNG 或 WebP 图片')
    if (file.size > PHOTO_MAX_BYTES) return uploadFailure('UPLOAD.TOO_LARGE', `照片不能超过 ${PHOTO_MAX_LABEL}`)
    return postPhoto(file, onProgress)
  },

  /** The local server serves `local:<name>` at `/uploads/<name>`, on the page's own origin. */
  photoUrl(id) {
    const name = localPhotoName(id)
    return name ? `/uploads/${name}` : id
  }
}

/** Above this a picked photo is re-encoded before upload, as WeChat's `compressed` mode would. */
const COMPRESS_ABOVE_BYTES = 1024 * 1024
const MAX_EDGE_PX = 1600

/**
 * Taro's H5 chooseMedia hands over the original file (no `sizeType` support): a large or
 * undecodable-by-server type is drawn onto a canvas, longest side at most 1600 px, as JPEG 0.8.
 * If the browser cannot decode it, the original goes as it is and the checks decide.
 */
async function fitForUpload(file: Blob): Promise<Blob> {
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

/** XMLHttpRequest rather than Taro.request: a binary body, and upload progress events. */
function postPhoto(file: Blob, onProgress: (percent: number) => void): Promise<ApiResponse<{ fileId: string }>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/upload/photo')
    xhr.setRequestHeader('content-type', file.type)
    xhr.setRequestHeader('authorization', `Bearer ${devToken()}`)
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
        resolve(transportFailure(`上传失败（${xhr.status}）`))
      }
    }
    xhr.onerror = () => resolve(transportFailure('网络异常，请稍后再试'))
    xhr.send(file)
  })
}

export interface DevPersona {
  id: string
  nickname: string
  role: string
  roleLabel: string
  communityName: string
  summary: string
  hint?: string
}

export async function listDevPersonas(): Promise<DevPersona[]> {
  try {
    const res = await http<{ personas?: DevPersona[] }>('/dev/personas', 'GET')
    return res.status === 200 ? (res.data?.personas ?? []) : []
  } catch {
    return []
  }
}

export async function devLogin(personaId: string): Promise<boolean> {
  try {
    const res = await http<{ token?: string }>('/dev/login', 'POST', { personaId })
    if (res.status !== 200 || !res.data?.token) return false
    Taro.setStorageSync(TOKEN_KEY, res.data.token)
    return true
  } catch {
    return false
  }
}

/** The local sandbox cashier's confirm button (H5 only; in WeChat this is wx.requestPayment). */
export async function sandboxConfirm(prepayId: string): Promise<{ ok: boolean; reason?: string }> {
  try {
    const res = await http<{ ok?: boolean; reason?: string }>('/sandbox/pay/confirm', 'POST', { prepayId }, devToken())
    const reason = res.data?.reason
    return { ok: res.status === 200 && res.data?.ok === true, ...(reason ? { reason } : {}) }
  } catch {
    return { ok: false, reason: '网络异常，请稍后再试' }
  }
}
