import Taro from '@tarojs/taro'

/**
 * Where a shared card (`inv`) or a poster (`scene`) was opened: in a WeChat group the share ticket
 * yields a cloudID that the function has the platform decrypt into the group id. Elsewhere (no
 * group, the H5 build) there is none, and the visit still counts.
 */
export async function visitGroup(): Promise<{ groupCloudId?: string }> {
  if (process.env.TARO_ENV !== 'weapp') return {}
  try {
    // Opened from a group card or group tool: getGroupEnterInfo reads that launch itself.
    if (!Taro.getEnterOptionsSync().shareTicket) return {}
    // Taro types the promise as a bare callback result; the success callback carries the cloudID.
    const info = await new Promise<Taro.getGroupEnterInfo.SuccessCallbackResult>((resolve, reject) => {
      Taro.getGroupEnterInfo({ success: resolve, fail: reject }).catch(reject)
    })
    return info.cloudID ? { groupCloudId: info.cloudID } : {}
  } catch {
    return {}
  }
}
