import { type DependencyList, useEffect } from 'react'
import type { Result } from '../../../src/client/core/api'
import { type Query, type QueryOptions, useQueryCore } from '../../../src/client/core/use-query'

export type { Query }

/**
 * The console's data hook: the core the mini-program uses, loading again when the clerk comes back
 * to the tab (an office screen stays open all day), as the mini-program does when a page shows again.
 */
export function useQuery<T>(load: () => Promise<Result<T>>, deps: DependencyList, opts: QueryOptions = {}): Query<T> {
  const q = useQueryCore(load, deps, opts)
  const enabled = opts.enabled ?? true
  const { reload } = q
  useEffect(() => {
    if (!enabled) return
    const onShow = () => {
      if (document.visibilityState === 'visible') void reload()
    }
    document.addEventListener('visibilitychange', onShow)
    return () => document.removeEventListener('visibilitychange', onShow)
  }, [enabled, reload])
  return q
}
