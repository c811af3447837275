import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { Result } from '../../client'

export interface Page<T> {
  items: T[]
  /** Where the next page starts; null at the end. */
  cursor: string | null
}

export interface PagedQuery<T, P> {
  items: T[]
  /** The first page's whole answer (totals, balances) as the server gave it. */
  first: P | null
  error: ApiError | null
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  loadMore(): Promise<void>
  reload(): Promise<void>
}

/**
 * Cursor paging on top of the same rules as `useQuery`: the first page on mount, the next when the
 * list reaches the bottom, all of it again on pull-down refresh or when the page is shown again.
 */
export function usePaged<T, P>(
  load: (cursor: string | undefined) => Promise<Result<P>>,
  pick: (page: P) => Page<T>,
  deps: DependencyList
): PagedQuery<T, P> {
  const [items, setItems] = useState<T[]>([])
  const [first, setFirst] = useState<P | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const cursor = useRef<string | null>(null)
  const seq = useRef(0)
  const alive = useRef(true)
  const busy = useRef(false)
  const fns = useRef({ load, pick })
  fns.current = { load, pick }

  /** One answer: its error, or its page (the cursor moves on, `show` puts the items in the list). */
  const take = useCallback((res: Result<P>, show: (page: Page<T>, data: P) => void) => {
    if (!res.ok) return setError(res.error)
    const page = fns.current.pick(res.data)
    cursor.current = page.cursor
    show(page, res.data)
  }, [])

  const reload = useCallback(async () => {
    const mine = ++seq.current
    busy.current = true
    const res = await fns.current.load(undefined)
    if (!alive.current || mine !== seq.current) return
    busy.current = false
    setLoading(false)
    take(res, (page, data) => {
      setFirst(data)
      setItems(page.items)
      setError(null)
    })
  }, [take])

  const loadMore = useCallback(async () => {
    if (busy.current || cursor.current === null) return
    const mine = seq.current
    busy.current = true
    setLoadingMore(true)
    const res = await fns.current.load(cursor.current)
    busy.current = false
    if (!alive.current || mine !== seq.current) return
    setLoadingMore(false)
    take(res, (page) => setItems((prev) => [...prev, ...page.items]))
  }, [take])

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    setLoading(true)
    void reload()
     
  }, [reload, ...deps])

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current) void reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  return { items, first, error, loading, loadingMore, hasMore: cursor.current !== null, loadMore, reload }
}
