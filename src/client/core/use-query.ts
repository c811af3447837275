import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { Result } from './api'

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
}

/**
 * The one data hook, as the mini-program and the console share it (React only, no platform):
 * loads on mount and when `deps` change. Only the newest request's answer is kept, so a slow old
 * answer never overwrites a newer one, and nothing is set after the page is gone. Each platform
 * adds its own reasons to reload (page shown again, pull-down, window focus).
 */
export function useQueryCore<T>(load: () => Promise<Result<T>>, deps: DependencyList, opts: QueryOptions = {}): Query<T> {
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
    // The caller's deps decide when to load again, as with useEffect itself.
  }, [enabled, run, ...deps])

  const setData = useCallback((update: T | ((prev: T | null) => T)) => {
    setDataState((prev) => {
      const next = typeof update === 'function' ? (update as (p: T | null) => T)(prev) : update
      hasData.current = true
      return next
    })
  }, [])

  return { data, error, loading: enabled && loading, refreshing, reload: run, setData }
}
