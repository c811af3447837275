import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Me } from '@contracts/user'
import type { ApiError } from '@contracts/errors'
import { currentMe, ensureSession, subscribe } from './session'

/** The session for a page: loads it on first show, follows switches made on other pages. */
export function useSession(): { me: Me | null; loading: boolean; error: ApiError | null } {
  const [me, setMe] = useState<Me | null>(currentMe())
  const [loading, setLoading] = useState(!currentMe())
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    const off = subscribe(setMe)
    // A sign-in that finished between the first render and this subscription would be missed.
    setMe(currentMe())
    return off
  }, [])
  useDidShow(() => {
    void ensureSession().then((res) => {
      if (res.ok) {
        setMe(res.data)
        setError(null)
      } else setError(res.error)
      setLoading(false)
    })
  })
  return { me, loading, error }
}
