import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { Result } from '../../client'

export interface Query<T> {
  data: T | null
  error: ApiError | null
  /** True until the first answer (data or error) arrives. */
  loading: boolean
  /** A reload is running while older data stays on screen. */
  refreshing: boolean
  reload(): Promise<void>
  /** Replaces the data after a write answered the new state, without another round trip. */
  setData(update: T | ((prev: T | null) => T)): void
}

export interface QueryOptions {
  /** False while the inputs are not known yet (for example a route param still missing). */
  enabled?: boolean
  /** Reload silently when the page is shown again (back from a detail page). Default true. */
  reloadOnShow?: boolean
}

/**
 * The one data hook: loads on mount and when `deps` change, again on pull-down refresh and when
 * the page comes back into view. Only the newest request's answer is kept, so a slow old answer
 * never overwrites a newer one, and nothing is set after the page is gone.
 */
export function useQuery<T>(load: () => Promise<Result<T>>, deps: DependencyList, opts: QueryOptions = {}): Query<T> {
  const enabled = opts.enabled ?? true
  const [data, setDataState] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [refreshing, setRefreshing] = useState(false)
  const seq = useRef(0)
  const alive = useRef(true)
  const loader = useRef(load)
  loader.current = load
  const hasData = useRef(false)

  const run = useCallback(async () => {
    const mine = ++seq.current
    if (hasData.current) setRefreshing(true)
    else setLoading(true)
    const res = await loader.current()
    if (!alive.current || mine !== seq.current) return
    if (res.ok) {
      hasData.current = true
      setDataState(res.data)
      setError(null)
    } else {
      setError(res.error)
    }
    setLoading(false)
    setRefreshing(false)
  }, [])

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    if (!enabled) return
    void run()
     
  }, [enabled, run, ...deps])

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (enabled && (opts.reloadOnShow ?? true)) void run()
  })

  usePullDownRefresh(() => {
    void (enabled ? run() : Promise.resolve()).finally(() => Taro.stopPullDownRefresh())
  })

  const setData = useCallback((update: T | ((prev: T | null) => T)) => {
    setDataState((prev) => {
      const next = typeof update === 'function' ? (update as (p: T | null) => T)(prev) : update
      hasData.current = true
      return next
    })
  }, [])

  return { data, error, loading: enabled && loading, refreshing, reload: run, setData }
}
