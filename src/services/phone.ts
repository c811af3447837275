import Taro from '@tarojs/taro'

/**
 * Opens the phone's dialler on a number (WeChat asks the person to confirm). False when they
 * cancelled or the platform could not dial, so the page can show the number to dial by hand.
 */
export async function callPhone(phoneNumber: string): Promise<boolean> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
    return true
  } catch {
    return false
  }
}
