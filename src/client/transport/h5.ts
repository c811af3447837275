import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { localPhotoName } from '@contracts/upload'
import { fitForUpload, postPhoto } from '../core/browser-photo'
import { checkBeforeUpload } from '../core/photo-upload'
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
      // Taro's H5 chooseMedia hands over the original (no `sizeType` support): fitted here.
      file = await fitForUpload(await (await fetch(photo.path)).blob())
    } catch {
      return uploadFailure('UPLOAD.FAILED', '读取照片失败，请重新选择')
    }
    const checked = checkBeforeUpload(file)
    return checked.ok ? postPhoto(file, devToken(), onProgress) : checked
  },

  /** The local server serves `local:<name>` at `/uploads/<name>`, on the page's own origin. */
  photoUrl(id) {
    const name = localPhotoName(id)
    return name ? `/uploads/${name}` : id
  }
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

/** The local sandbox's 确认收款 sheet (H5 only; in WeChat this is wx.requestMerchantTransfer). */
export async function sandboxConfirmTransfer(pkg: string): Promise<{ ok: boolean; reason?: string }> {
  try {
    const res = await http<{ ok?: boolean; reason?: string }>('/sandbox/transfer/confirm', 'POST', { package: pkg }, devToken())
    const reason = res.data?.reason
    return { ok: res.status === 200 && res.data?.ok === true, ...(reason ? { reason } : {}) }
  } catch {
    return { ok: false, reason: '网络异常，请稍后再试' }
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
