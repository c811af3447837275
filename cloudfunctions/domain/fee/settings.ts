import type { Ports } from '../../kernel/ports'
import type { FeeSettingsDoc } from './docs'

/** Communities without settings bill on the 15th and charge no late fee. */
export const DEFAULT_SETTINGS: Omit<FeeSettingsDoc, '_id'> = { dueDay: 15, lateFee: null }

export async function feeSettings(ports: Ports, communityId: string): Promise<FeeSettingsDoc> {
  return (await ports.store.get('feeSettings', communityId)) ?? { _id: communityId, ...DEFAULT_SETTINGS }
}
