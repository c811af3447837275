import Taro from '@tarojs/taro'

/**
 * Asks WeChat for one-time subscriptions (allowed only on a tap, at most three templates at once)
 * and answers which template ids the person accepted. The H5 build has no subscribe messages:
 * `unsupported`, and the inbox alone carries the messages.
 */
export async function askSubscriptions(templateIds: readonly string[]): Promise<string[] | 'unsupported'> {
  if (process.env.TARO_ENV !== 'weapp') return 'unsupported'
  const ids = templateIds.slice(0, 3)
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })
    // The answer is keyed by template id, which Taro's result type does not declare.
    return ids.filter((id) => Reflect.get(res, id) === 'accept')
  } catch {
    return []
  }
}
