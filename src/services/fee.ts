import { api } from '../client'
import { askSubscriptions } from './subscribe'

/**
 * Asks WeChat for a one-time arrears-reminder subscription (allowed only on a tap) and records
 * the grant. In the H5 build there is no subscribe message: reminders stay in the inbox.
 */
export async function subscribeReminders(templateId: string): Promise<'granted' | 'declined' | 'unsupported'> {
  const accepted = await askSubscriptions([templateId])
  if (accepted === 'unsupported') return 'unsupported'
  if (accepted.length === 0) return 'declined'
  const saved = await api.fee.subscribe({ template: 'arrears' })
  return saved.ok ? 'granted' : 'declined'
}
