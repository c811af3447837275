import Taro from '@tarojs/taro'
import type { OutputOf } from '@contracts/registry'
import { call } from '../client'
import { unwrap } from './result'
import { communityReady } from './session'

export type Bills = OutputOf<'fee.myBills'>
export type Bill = Bills['bills'][number]

export async function myBills(householdId: string, status: 'outstanding' | 'settled' | 'all' = 'outstanding') {
  await communityReady()
  return unwrap(await call('fee.myBills', { householdId, status }))
}

/**
 * Asks WeChat for a one-time arrears-reminder subscription (allowed only on a tap) and records
 * the grant. In the H5 build there is no subscribe message: reminders stay in the inbox.
 */
export async function subscribeReminders(templateId: string): Promise<'granted' | 'declined' | 'unsupported'> {
  if (process.env.TARO_ENV !== 'weapp') return 'unsupported'
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as unknown as Record<string, string>
    if (res[templateId] !== 'accept') return 'declined'
  } catch {
    return 'declined'
  }
  const saved = unwrap(await call('fee.subscribe', { template: 'arrears' }))
  return saved.ok ? 'granted' : 'declined'
}

export async function collection(period?: string) {
  await communityReady()
  return unwrap(await call('fee.collection', period ? { period } : {}))
}

export async function arrears(buildingId?: string) {
  await communityReady()
  return unwrap(await call('fee.arrears', buildingId ? { buildingId } : {}))
}
