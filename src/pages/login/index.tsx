import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { type DevPersona, hasDevSession, isDevBuild, personas, signInAs } from '../../services/dev-login'
import { toastError } from '../../services/result'
import { HOME_PATH, login, returnTo } from '../../client'
import { Button } from '../../ui/nut'
import { Chip } from '../../ui/kit'
import { ErrorState, LoadingState, PageShell } from '../../ui/shell'
import './index.scss'

/** Where to go after signing in: the link that sent the person here, or the home tab. */
const continueTo = (redirect: string | undefined) => returnTo(redirect, HOME_PATH)

export default function LoginPage() {
  const { params } = useRouter()
  const [list, setList] = useState<DevPersona[] | null>(null)
  const [busy, setBusy] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [agreed, setAgreed] = useState(false)

  useDidShow(() => {
    if (isDevBuild) {
      if (hasDevSession() && !params.switch) {
        void login().then((r) => (r.ok ? continueTo(params.redirect) : setError(r.error)))
      }
      void personas().then(setList)
    }
  })

  const pick = async (p: DevPersona) => {
    setBusy(p.id)
    const signed = await signInAs(p.id)
    const res = signed ? await login() : null
    setBusy('')
    if (res?.ok) continueTo(params.redirect)
    else if (res) toastError(res.error)
    else void Taro.showToast({ title: '登录失败', icon: 'none' })
  }

  const wechatLogin = async () => {
    if (!agreed) {
      void Taro.showToast({ title: '请先阅读并同意用户协议', icon: 'none' })
      return
    }
    setBusy('wechat')
    const res = await login()
    setBusy('')
    if (res.ok) continueTo(params.redirect)
    else toastError(res.error)
  }

  return (
    <PageShell className='login' id='login'>
      <View className='login__brand'>
        <View className='login__logo'>
          <Text>邻</Text>
        </View>
        <Text className='login__title'>邻里 · 社区生活服务</Text>
        <Text className='login__sub'>缴费、通行、严选预售、上门服务，一个小程序就够了</Text>
      </View>
      {/* A stale session only means: pick again below. */}
      {error && error.code !== 'AUTH.UNAUTHENTICATED' && error.code !== 'AUTH.NOT_REGISTERED' ? <ErrorState error={error} onRetry={() => void login().then((r) => (r.ok ? continueTo(params.redirect) : setError(r.error)))} /> : null}
      {isDevBuild ? (
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
      ) : (
        <View className='card login__wechat'>
          <Button id='wechat-login' type='primary' block loading={busy === 'wechat'} onClick={() => void wechatLogin()}>
            微信一键登录
          </Button>
          <View className='login__agree' id='agree' onClick={() => setAgreed(!agreed)}>
            <View className={`login__check ${agreed ? 'login__check--on' : ''}`} />
            <Text className='muted'>我已阅读并同意《用户服务协议》和《隐私政策》</Text>
          </View>
        </View>
      )}
    </PageShell>
  )
}
