import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { login } from '../../client'
import { type DevPersona, hasDevSession, preloadPersonas, signInAs, takeArrivedPersonas, takePersonas } from '../../services/dev-login'
import { toastError } from '../../services/result'
import { Chip } from '../../ui/kit'
import { ErrorState, LoadingState } from '../../ui/shell'

preloadPersonas()

/**
 * The local demo's sign-in (H5 only): pick a resident or a staff member. A demo session kept from
 * before signs in again at once, unless the person came here to switch.
 */
export function DemoPersonas({ switching, onSignedIn }: { switching: boolean; onSignedIn: () => void }) {
  const [list, setList] = useState<DevPersona[] | null>(takeArrivedPersonas)
  const [busy, setBusy] = useState('')
  const [error, setError] = useState<ApiError | null>(null)

  const resume = () => void login().then((r) => (r.ok ? onSignedIn() : setError(r.error)))

  // The list is the same on every visit: taken once, from the request that began as the code loaded.
  useEffect(() => {
    // Only the first draw decides: a list already drawn needs no request.
    if (list === null) void takePersonas().then(setList)
  }, [])
  useDidShow(() => {
    if (hasDevSession() && !switching) resume()
  })

  const pick = async (p: DevPersona) => {
    setBusy(p.id)
    const signed = await signInAs(p.id)
    const res = signed ? await login() : null
    setBusy('')
    if (res?.ok) onSignedIn()
    else if (res) toastError(res.error)
    else void Taro.showToast({ title: '登录失败', icon: 'none' })
  }

  return (
    <>
      {/* A stale session only means: pick again below. */}
      {error && error.code !== 'AUTH.UNAUTHENTICATED' && error.code !== 'AUTH.NOT_REGISTERED' ? <ErrorState error={error} onRetry={resume} /> : null}
      <View className='card'>
        <Text className='section-title'>选择演示身份</Text>
        <Text className='muted'>本地演示环境：选择一位居民或工作人员登录</Text>
        {list === null ? <LoadingState /> : null}
        {(list ?? []).map((p) => (
          <View key={p.id} id={`persona-${p.id}`} className='persona' onClick={() => void pick(p)}>
            <View className='persona__main'>
              <Text className='persona__name'>{p.nickname}</Text>
              <Chip text={p.roleLabel} tone='primary' />
            </View>
            <Text className='muted'>{[p.communityName, p.summary].filter(Boolean).join(' · ')}</Text>
            {p.hint ? <Text className='persona__hint'>{p.hint}</Text> : null}
            {busy === p.id ? <Text className='muted'>登录中…</Text> : null}
          </View>
        ))}
      </View>
    </>
  )
}
