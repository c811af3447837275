import type { LinkMaker } from '../../kernel/ports'
import { loadWxServerSdk } from './wx-server-sdk'

/** URL Links (urllink.generate) valid 30 days: an SMS tapped in a browser opens the page in WeChat. */
export function cloudbaseLinks(): LinkMaker {
  return {
    async urlLink(page, query) {
      const wx = loadWxServerSdk()
      if (!wx) return null
      try {
        const res = await wx.openapi.urllink.generate({ path: page.replace(/^\//, ''), query, isExpire: true, expireType: 1, expireInterval: 30 })
        return res.urlLink ?? null
      } catch {
        return null
      }
    }
  }
}
