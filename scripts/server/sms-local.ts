import type { CustomerServiceSender, LinkMaker, Logger, SmsSender } from '../../cloudfunctions/kernel/ports'

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

/** Locally a 客服 reply goes nowhere outside: it is stored with the conversation, where the resident's chat page shows it. */
export function localCustomerService(log: Logger): CustomerServiceSender {
  return {
    async sendText(openid, text) {
      log.info('customer service reply (local, not sent)', { openid, chars: text.length })
      return { ok: true }
    }
  }
}
