import type { LinkMaker, Logger, SmsSender } from '../../cloudfunctions/kernel/ports'

/** Locally a text message is logged instead of sent; what was sent is in the `smsSends` collection. */
export function localSms(log: Logger): SmsSender {
  let n = 0
  return {
    async send(phone, template, params) {
      log.info('sms (local, not sent)', { phone, template, params })
      return { ok: true, id: `local-sms-${++n}` }
    }
  }
}

/** Locally a URL Link is the H5 build's own link to the page, which opens it in a browser. */
export function localLinks(): LinkMaker {
  return {
    async urlLink(page, query) {
      return `/#/${page.replace(/^\//, '')}${query ? `?${query}` : ''}`
    }
  }
}
