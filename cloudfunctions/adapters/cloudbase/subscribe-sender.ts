import type { PushResult, SubscribeSender } from '../../kernel/ports'
import { loadWxServerSdk } from './wx-server-sdk'

/** Template ids per our template key, from `LINLI_TEMPLATE_<KEY>` (e.g. LINLI_TEMPLATE_ARREARS). */
export function cloudbaseSubscribeSender(env: NodeJS.ProcessEnv = process.env): SubscribeSender {
  return {
    templateId: (template) => env[`LINLI_TEMPLATE_${template.toUpperCase()}`] || null,
    async send(openid, templateId, page, data): Promise<PushResult> {
      const wx = loadWxServerSdk()
      if (!wx) return { ok: false, errcode: -1, errmsg: 'wx-server-sdk is not installed in this function' }
      try {
        const res = await wx.openapi.subscribeMessage.send({
          touser: openid,
          templateId,
          page,
          data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }]))
        })
        return res.errCode ? { ok: false, errcode: res.errCode, errmsg: res.errMsg ?? '' } : { ok: true }
      } catch (e) {
        const err = e as { errCode?: number; errMsg?: string }
        return { ok: false, errcode: err.errCode ?? -1, errmsg: err.errMsg ?? String(e) }
      }
    }
  }
}
