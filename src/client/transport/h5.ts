import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { type Transport, transportFailure } from './types'

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

export const h5Transport: Transport = {
  async send(fn, envelope) {
    try {
      const res = await Taro.request<ApiResponse<unknown>>({
        url: `/api/${fn}`,
        method: 'POST',
        data: envelope,
        header: { 'content-type': 'application/json', authorization: `Bearer ${devToken()}` }
      })
      if (res.statusCode !== 200 || typeof res.data !== 'object' || res.data === null) {
        return transportFailure(`服务异常（${res.statusCode}）`)
      }
      return res.data
    } catch {
      return transportFailure('网络异常，请稍后再试')
    }
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
    const res = await Taro.request<{ personas: DevPersona[] }>({ url: '/dev/personas', method: 'GET' })
    return res.statusCode === 200 ? res.data.personas : []
  } catch {
    return []
  }
}

export async function devLogin(personaId: string): Promise<boolean> {
  const res = await Taro.request<{ token?: string }>({
    url: '/dev/login',
    method: 'POST',
    data: { personaId },
    header: { 'content-type': 'application/json' }
  })
  if (res.statusCode !== 200 || !res.data.token) return false
  Taro.setStorageSync(TOKEN_KEY, res.data.token)
  return true
}

/** The local sandbox cashier's confirm button (H5 only; in WeChat this is wx.requestPayment). */
export async function sandboxConfirm(prepayId: string): Promise<{ ok: boolean; reason?: string }> {
  try {
    const res = await Taro.request<{ ok?: boolean; reason?: string }>({
      url: '/sandbox/pay/confirm',
      method: 'POST',
      data: { prepayId },
      header: { 'content-type': 'application/json', authorization: `Bearer ${devToken()}` }
    })
    return { ok: res.statusCode === 200 && res.data.ok === true, ...(res.data.reason ? { reason: res.data.reason } : {}) }
  } catch {
    return { ok: false, reason: '网络异常，请稍后再试' }
  }
}
