import type { CustomerServiceSender } from '../../kernel/ports'
import { loadWxServerSdk } from './wx-server-sdk'

/**
 * customerServiceMessage.send, a cloud call (the bundle's config.json declares it): 45015 means
 * the 48-hour window since the resident's last message has passed, which the desk says plainly.
 */
export function cloudbaseCustomerService(): CustomerServiceSender {
  return {
    async sendText(openid, text) {
      const wx = loadWxServerSdk()
      if (!wx) return { ok: false, errcode: -1, errmsg: 'wx-server-sdk unavailable' }
      try {
        const res = await wx.openapi.customerServiceMessage.send({ touser: openid, msgtype: 'text', text: { content: text } })
        return !res.errCode ? { ok: true } : { ok: false, errcode: res.errCode, errmsg: res.errMsg ?? '' }
      } catch (e) {
        const err = e as { errCode?: unknown; errMsg?: unknown }
        return { ok: false, errcode: typeof err.errCode === 'number' ? err.errCode : -1, errmsg: typeof err.errMsg === 'string' ? err.errMsg : String(e) }
      }
    }
  }
}
