import Taro from '@tarojs/taro'
import type { ApiResponse } from '@contracts/errors'
import { type Transport, transportFailure } from './types'

let initialised = false

/** In WeChat, functions are called through wx.cloud; the platform attaches the caller's openid. */
export const weappTransport: Transport = {
  async send(fn, envelope) {
    if (!initialised) {
      Taro.cloud.init({ ...(LINLI_CLOUD_ENV ? { env: LINLI_CLOUD_ENV } : {}), traceUser: true })
      initialised = true
    }
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: envelope as unknown as Record<string, unknown> })
      return res.result as ApiResponse<unknown>
    } catch {
      return transportFailure('网络异常，请稍后再试')
    }
  }
}
