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

  useEffect(() => subscribe(setMe), [])
  useDidShow(() => {
    void ensureSession().then((res) => {
      setLoading(false)
      if (res.ok) setError(null)
      else setError(res.error)
    })
  })
  return { me, loading, error }
}
