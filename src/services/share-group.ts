import Taro from '@tarojs/taro'

/**
 * Where a shared card (`inv`) or a poster (`scene`) was opened: in a WeChat group the share ticket
 * yields a cloudID that the function has the platform decrypt into the group id. Elsewhere (no
 * group, the H5 build) there is none, and the visit still counts.
 */
export async function visitGroup(): Promise<{ groupCloudId?: string }> {
  if (process.env.TARO_ENV !== 'weapp') return {}
  try {
    const shareTicket = Taro.getEnterOptionsSync().shareTicket
    if (!shareTicket) return {}
    const info = (await Taro.getGroupEnterInfo({ shareTicket } as never)) as unknown as { cloudID?: string }
    return info.cloudID ? { groupCloudId: info.cloudID } : {}
  } catch {
    return {}
  }
}
