import { useDidHide, useDidShow } from '@tarojs/taro'
import { type DependencyList, useRef } from 'react'
import type { Result } from '../../../client'
import { type Query, useQuery } from '../../../ui/shell'
import { keepScreenOn } from './screen'

/** A batch of codes with the phone's time it arrived at: codes expire on the phone's own timeline. */
export interface Received<T> {
  data: T
  receivedAt: number
}

/**
 * The codes of a pass page (the household's or a visitor's): the screen stays lit while the page
 * is shown, and `more` asks for the next batch only then; a page left under another page asks for
 * no new codes and reloads when shown again.
 */
export function usePassCodes<T>(load: () => Promise<Result<T>>, deps: DependencyList, enabled: boolean): { q: Query<Received<T>>; more: () => void } {
  const q = useQuery(
    async () => {
      const r = await load()
      return r.ok ? { ok: true as const, data: { data: r.data, receivedAt: Date.now() } } : r
    },
    deps,
    { enabled }
  )
  const shown = useRef(false)
  useDidShow(() => {
    shown.current = true
    keepScreenOn(true)
  })
  useDidHide(() => {
    shown.current = false
    keepScreenOn(false)
  })
  const more = () => {
    if (shown.current) void q.reload()
  }
  return { q, more }
}
