import type { Logger, SubscribeSender } from '../../cloudfunctions/kernel/ports'

/** Locally a subscribe message is logged instead of delivered; the grant bookkeeping is real. */
export function localPush(log: Logger): SubscribeSender {
  return {
    templateId: (template) => `local-${template}`,
    async send(openid, templateId, page, data) {
      log.info('subscribe message (local, not delivered)', { openid, templateId, page, data })
      return { ok: true }
    }
  }
}
