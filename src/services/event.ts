import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@contracts/registry'
import { api } from '../client'
import { scanText } from './scan'
import { visitGroup } from './share-group'

type Templates = OutputOf<'event.get'>['subscribeTemplates']

/**
 * Asks for the one-time subscribe messages on the sign-up tap (WeChat allows it only there) and
 * answers the keys the resident accepted. H5 has no subscribe messages: the inbox carries the
 * reminders.
 */
export async function askEventReminders(templates: Templates): Promise<InputOf<'event.signUp'>['subscribed']> {
  if (process.env.TARO_ENV !== 'weapp' || templates.length === 0) return []
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: templates.map((t) => t.id), entityIds: [] })) as unknown as Record<string, string>
    return templates.filter((t) => res[t.id] === 'accept').map((t) => t.key)
  } catch {
    // Declined or unavailable: the inbox still gets every notice.
    return []
  }
}

/** Opening a butler's card or scanning a poster records a visit, and the group it was opened in. */
export async function recordVisit(token: string) {
  return api.event.recordVisit({ token, ...(await visitGroup()) })
}

/** Reads a resident's e-ticket QR code with the camera (WeChat); null when cancelled. */
export const scanTicketCode = (): Promise<string | null> => scanText(['qrCode'])
