import Taro from '@tarojs/taro'

/**
 * The text of a code read with the camera (WeChat only: H5 has no scanner, and people type the
 * code there); null when there is no scanner or the person closed it.
 */
export async function scanText(kinds: ('qrCode' | 'barCode')[] = ['qrCode']): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: kinds })
    return res.result
  } catch {
    return null
  }
}
