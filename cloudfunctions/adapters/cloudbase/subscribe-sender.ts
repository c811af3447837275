import type { PushResult, SubscribeSender } from '../../kernel/ports'

interface WxServerSdk {
  init(opts: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: {
    subscribeMessage: {
      send(req: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<{ errCode?: number; errMsg?: string }>
    }
  }
}

let sdk: WxServerSdk | null | undefined

/**
 * wx-server-sdk (cloud calls: no access token to manage) is installed in the cloud as a declared
 * dependency of the function bundle; it is loaded on first use so functions that never push
 * never pay for it.
 */
function loadSdk(): WxServerSdk | null {
  if (sdk !== undefined) return sdk
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require('wx-server-sdk') as WxServerSdk
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  } catch {
    sdk = null
  }
  return sdk
}

/** Template ids per our template key, from `LINLI_TEMPLATE_<KEY>` (e.g. LINLI_TEMPLATE_ARREARS). */
export function cloudbaseSubscribeSender(env: NodeJS.ProcessEnv = process.env): SubscribeSender {
  return {
    templateId: (template) => env[`LINLI_TEMPLATE_${template.toUpperCase()}`] || null,
    async send(openid, templateId, page, data): Promise<PushResult> {
      const wx = loadSdk()
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
