import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/**
 * 长辈模式 (large text): on when the person switched it on in 我的, or, until they choose, when
 * WeChat's own font size is set above standard. The choice is kept on the phone.
 */
const KEY = 'linli.elder'
type Listener = (on: boolean) => void
const listeners = new Set<Listener>()

/** WeChat reports its font-size setting in px; 16 is the standard size. */
function systemLargeText(): boolean {
  // Inside a constant branch so that on H5 the bundler drops the call and Taro's system-info module
  // (a 40 KB user-agent parser) with it; a browser has no such setting anyway.
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number }
      return (info.fontSizeSetting ?? 16) > 17
    } catch {
      return false
    }
  }
  return false
}

function stored(): 'on' | 'off' | null {
  try {
    const v = Taro.getStorageSync(KEY) as unknown
    return v === 'on' || v === 'off' ? v : null
  } catch {
    return null
  }
}

let current: boolean | null = null

export function elderMode(): boolean {
  if (current === null) {
    const s = stored()
    current = s === null ? systemLargeText() : s === 'on'
  }
  return current
}

export function setElderMode(on: boolean): void {
  current = on
  Taro.setStorageSync(KEY, on ? 'on' : 'off')
  listeners.forEach((l) => l(on))
}

export function useElderMode(): boolean {
  const [on, setOn] = useState(elderMode())
  useEffect(() => {
    listeners.add(setOn)
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  return on
}
