import Taro from '@tarojs/taro'

/**
 * Keeps the screen lit while a code is shown: a phone that dims at the gate does not scan.
 * Best effort: without the API (H5, an old base library) the pass still works.
 */
export function keepScreenOn(on: boolean): void {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: on })).catch(() => undefined)
  } catch {
    // Nothing to do: the screen may dim, the code is still valid.
  }
}
