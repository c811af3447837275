import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { type DependencyList, useRef } from 'react'
import { type CoreQueryOptions, type Query, type Result, useQueryCore } from '../../client'

export type { Query } from '../../client'

export interface QueryOptions extends CoreQueryOptions {
  /** Reload silently when the page is shown again (back from a detail page). Default true. */
  reloadOnShow?: boolean
}

/**
 * The mini-program's data hook: the shared core (load on mount and on deps, newest answer wins),
 * again on pull-down refresh and when the page comes back into view.
 */
export function useQuery<T>(load: () => Promise<Result<T>>, deps: DependencyList, opts: QueryOptions = {}): Query<T> {
  const q = useQueryCore(load, deps, opts)
  const enabled = opts.enabled ?? true
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (enabled && (opts.reloadOnShow ?? true)) void q.reload()
  })

  usePullDownRefresh(() => {
    void (enabled ? q.reload() : Promise.resolve()).finally(() => Taro.stopPullDownRefresh())
  })
  return q
}
