import Taro from '@tarojs/taro'
import { api } from '../client'

/**
 * Asks WeChat for a one-time arrears-reminder subscription (allowed only on a tap) and records
 * the grant. In the H5 build there is no subscribe message: reminders stay in the inbox.
 */
export async function subscribeReminders(templateId: string): Promise<'granted' | 'declined' | 'unsupported'> {
  if (process.env.TARO_ENV !== 'weapp') return 'unsupported'
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })
    // The answer is keyed by template id, which Taro's result type does not declare.
    const answer: unknown = Reflect.get(res, templateId)
    if (answer !== 'accept') return 'declined'
  } catch {
    return 'declined'
  }
  const saved = await api.fee.subscribe({ template: 'arrears' })
  return saved.ok ? 'granted' : 'declined'
}
